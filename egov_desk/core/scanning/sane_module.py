"""SANE through the ``python-sane`` module (the ``scanner`` extra), imported only when a scan is asked for."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from egov_desk.core.scanning.refusals import device_refusal, no_dpi, no_mode, no_source, status_kind
from egov_desk.core.scanning.types import (
    MODES,
    DeviceOptions,
    ScanDevice,
    ScannedPage,
    ScanSettings,
    device_mode,
    is_feeder,
    mode_of,
    pick_source,
)

_SANE_LOCK = threading.Lock()  # libsane is initialised once per process: one caller at a time


def _sane() -> Any:
    import sane  # type: ignore[import-not-found, unused-ignore]

    return sane


def available() -> bool:
    try:
        _sane()
    except ImportError:
        return False
    return True


def _constraint(device: Any, key: str) -> Any:
    option = device.opt.get(key)
    return option.constraint if option is not None and option.is_active() else None


def read_options(constraints: dict[str, Any]) -> DeviceOptions:
    """A device's options from its SANE constraints: ``source`` and ``mode`` lists, ``resolution`` a list or a
    (min, max, step) range."""
    sources = tuple(str(s) for s in constraints.get("source") or ())
    names = [str(m) for m in constraints.get("mode") or ()]
    modes = tuple(m for m in MODES if any(mode_of(name) == m for name in names)) or ("gray", "color")
    resolution = constraints.get("resolution")
    if isinstance(resolution, tuple) and len(resolution) == 3:
        return DeviceOptions(sources, modes, dpi_range=(max(1, round(resolution[0])), round(resolution[1])))
    dpi_list = tuple(sorted({round(r) for r in resolution})) if isinstance(resolution, list) else ()
    return DeviceOptions(sources, modes, dpi_list=dpi_list)


class SaneModuleScanner:
    backend = "sane"

    def devices(self) -> list[ScanDevice]:
        sane = _sane()
        with _SANE_LOCK:
            sane.init()
            try:
                found = sane.get_devices()
            finally:
                sane.exit()
        return [ScanDevice(self.backend, address, f"{vendor} {model}".strip()) for address, vendor, model, _ in found]

    def _open(self, device: ScanDevice) -> Any:
        sane = _sane()
        try:
            return sane.open(device.address)
        except Exception as exc:  # _sane.error or RuntimeError: the device is not there any more
            raise device_refusal(device.shown, "gone", str(exc)) from None

    def options(self, device: ScanDevice) -> DeviceOptions:
        sane = _sane()
        with _SANE_LOCK:
            sane.init()
            try:
                opened = self._open(device)
                try:
                    return read_options({key: _constraint(opened, key) for key in ("source", "mode", "resolution")})
                finally:
                    opened.close()
            finally:
                sane.exit()

    def acquire(
        self, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]:
        sane = _sane()
        with _SANE_LOCK:
            sane.init()
            try:
                opened = self._open(device)
                try:
                    yield from self._pages(opened, device, settings, folder, cancelled)
                finally:
                    opened.close()
            finally:
                sane.exit()

    def _pages(
        self, opened: Any, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]:
        constraints = {key: _constraint(opened, key) for key in ("source", "mode", "resolution")}
        options = read_options(constraints)
        source = pick_source(options.sources, settings.source)
        if settings.source and options.sources and source is None:
            raise no_source(device.shown, settings.source, options.sources)
        mode = device_mode([str(m) for m in constraints.get("mode") or ()], settings.mode)
        if mode is None and constraints.get("mode"):
            raise no_mode(device.shown, settings.mode)
        if not options.allows_dpi(settings.dpi):
            raise no_dpi(device.shown, settings.dpi, options.dpi_choices())
        try:
            if source is not None:
                opened.source = source
            if mode is not None:
                opened.mode = mode
            if constraints.get("resolution") is not None:
                opened.resolution = settings.dpi
        except (AttributeError, Exception) as exc:
            raise device_refusal(device.shown, "invalid", str(exc)) from None
        feeder = source is not None and is_feeder(source)
        number = 0
        while settings.pages is None or number < settings.pages:
            if cancelled():
                return
            try:
                opened.start()
                image = opened.snap()
            except Exception as exc:  # _sane.error carries SANE's status text
                kind = status_kind(str(exc))
                if kind == "no_docs" and number and (feeder or settings.pages is None):
                    return  # the feeder is empty: every page is in
                raise device_refusal(device.shown, kind, str(exc)) from None
            number += 1
            path = folder / f"page-{number:04d}.png"
            image.save(path, dpi=(settings.dpi, settings.dpi))
            yield ScannedPage(path, settings.dpi, image.width, image.height, number=number)
            if settings.pages is None and not feeder:
                return  # a flatbed holds one page at a time
