"""Windows: WIA (Windows Image Acquisition) through ``comtypes``' late-bound COM.

``WIA.DeviceManager`` lists the scanners; a scan connects to one, sets the source on the device (property 3088,
document handling select: feeder 1, flatbed 2; 3096, pages: 0 = all the feeder holds), the resolution (6147 and
6148) and the colour intent (6146: colour 1, gray 2, text/black-and-white 4) on its first item, then transfers
page after page as PNG. A TWAIN-only scanner appears here only where its driver ships WIA's compatibility layer
(most office scanners' Windows drivers do); one that does not is not listed, and the person is told to attach
scanned files instead.

Not run on hardware: the tests drive this module with a fake WIA device object written in the test, shaped like
the COM objects WIA documents; the COM object itself is not ours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from egov_desk.core.scanning.refusals import device_refusal, no_dpi, no_source
from egov_desk.core.scanning.types import DeviceOptions, ScanDevice, ScannedPage, ScanSettings, is_feeder

SCANNER_TYPE = 1
FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
DOCUMENT_HANDLING_CAPABILITIES = 3086
DOCUMENT_HANDLING_SELECT = 3088
PAGES = 3096
INTENT, X_DPI, Y_DPI = 6146, 6147, 6148
FEEDER, FLATBED = 1, 2
INTENTS = {"color": 1, "gray": 2, "lineart": 4}
SOURCES = ("Flatbed", "Feeder")  # WIA has no names of its own for them
# WIA's HRESULTs (wia.h / WiaDef.h) and the access denial, as our cases.
ERRORS = {
    0x80210003: "no_docs",  # WIA_ERROR_PAPER_EMPTY
    0x80210002: "jammed",  # WIA_ERROR_PAPER_JAM
    0x80210004: "jammed",  # WIA_ERROR_PAPER_PROBLEM
    0x80210016: "cover_open",  # WIA_ERROR_COVER_OPEN
    0x80210006: "busy",  # WIA_ERROR_BUSY
    0x8021000D: "busy",  # WIA_ERROR_DEVICE_LOCKED
    0x80210007: "busy",  # WIA_ERROR_WARMING_UP
    0x80070005: "access_denied",  # E_ACCESSDENIED
    0x80210005: "gone",  # WIA_ERROR_OFFLINE
    0x80210015: "gone",  # WIA_S_NO_DEVICE_AVAILABLE
    0x8021000A: "io_error",  # WIA_ERROR_DEVICE_COMMUNICATION
}


def _manager() -> Any:
    import comtypes.client  # type: ignore[import-not-found, import-untyped, unused-ignore]

    return comtypes.client.CreateObject("WIA.DeviceManager", dynamic=True)


@contextmanager
def _apartment() -> Iterator[None]:
    """COM joined by the calling thread for the call's length: the window calls from worker threads, and WIA's
    objects live in the thread that made them (each call below makes its own)."""
    try:
        import comtypes  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:  # not Windows: only the tests' fake device is here
        yield
        return
    comtypes.CoInitialize()
    try:
        yield
    finally:
        comtypes.CoUninitialize()


def available() -> bool:
    try:
        import comtypes.client  # type: ignore[import-not-found, import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def _each(collection: Any) -> Iterator[Any]:
    """A WIA collection's members (1-based)."""
    for number in range(1, int(collection.Count) + 1):
        yield collection[number]


def _property(properties: Any, number: int) -> Any | None:
    return next((p for p in _each(properties) if int(p.PropertyID) == number), None)


def _kind(error: BaseException) -> str:
    code = getattr(error, "hresult", None)
    if code is None and error.args and isinstance(error.args[0], int):
        code = error.args[0]
    return ERRORS.get(int(code) & 0xFFFFFFFF, "failed") if isinstance(code, int) else "failed"


class WiaScanner:
    backend = "wia"

    def __init__(self, manager: Callable[[], Any] = _manager) -> None:
        self.manager = manager  # the tests pass a fake

    def _infos(self) -> list[Any]:
        return [info for info in _each(self.manager().DeviceInfos) if int(info.Type) == SCANNER_TYPE]

    def devices(self) -> list[ScanDevice]:
        with _apartment():
            return self._devices()

    def _devices(self) -> list[ScanDevice]:
        devices = []
        for info in self._infos():
            name = _property(info.Properties, 7)  # 7: the device's name
            devices.append(ScanDevice(self.backend, str(info.DeviceID), str(name.Value if name else info.DeviceID)))
        return devices

    def _connect(self, device: ScanDevice) -> Any:
        info = next((i for i in self._infos() if str(i.DeviceID) == device.address), None)
        if info is None:
            raise device_refusal(device.shown, "gone")
        try:
            return info.Connect()
        except Exception as exc:  # comtypes' COMError: its hresult says why
            raise device_refusal(device.shown, _kind(exc), str(exc)) from None

    def options(self, device: ScanDevice) -> DeviceOptions:
        with _apartment():
            return self._options(self._connect(device))

    def _options(self, connected: Any) -> DeviceOptions:
        capabilities = _property(connected.Properties, DOCUMENT_HANDLING_CAPABILITIES)
        has_feeder = capabilities is not None and int(capabilities.Value) & FEEDER
        x_dpi = _property(connected.Items[1].Properties, X_DPI)
        low, high = 75, 600
        if x_dpi is not None and int(getattr(x_dpi, "SubTypeMin", 0) or 0):
            low, high = int(x_dpi.SubTypeMin), int(x_dpi.SubTypeMax)
        return DeviceOptions(
            SOURCES if has_feeder else SOURCES[:1], ("gray", "color", "lineart"), dpi_range=(low, high)
        )

    def acquire(
        self, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]:
        with _apartment():
            yield from self._acquire(device, settings, folder, cancelled)

    def _acquire(
        self, device: ScanDevice, settings: ScanSettings, folder: Path, cancelled: Callable[[], bool]
    ) -> Iterator[ScannedPage]:
        from PIL import Image

        connected = self._connect(device)
        options = self._options(connected)
        wanted = settings.source or "flatbed"
        feeder = is_feeder(wanted)
        if feeder and "Feeder" not in options.sources:
            raise no_source(device.shown, wanted, options.sources)
        if not options.allows_dpi(settings.dpi):
            raise no_dpi(device.shown, settings.dpi, options.dpi_choices())
        handling = _property(connected.Properties, DOCUMENT_HANDLING_SELECT)
        if handling is not None:
            handling.Value = FEEDER if feeder else FLATBED
        pages = _property(connected.Properties, PAGES)
        if pages is not None:
            pages.Value = 0 if settings.pages is None else settings.pages
        item = connected.Items[1]
        for number, value in ((INTENT, INTENTS[settings.mode]), (X_DPI, settings.dpi), (Y_DPI, settings.dpi)):
            found = _property(item.Properties, number)
            if found is not None:
                found.Value = value
        number = 0
        while settings.pages is None or number < settings.pages:
            if cancelled():
                return
            try:
                image = item.Transfer(FORMAT_PNG)
            except Exception as exc:
                kind = _kind(exc)
                if kind == "no_docs" and number:
                    return  # the feeder is empty: every page is in
                raise device_refusal(device.shown, kind, str(exc)) from None
            number += 1
            path = folder / f"page-{number:04d}.png"
            image.SaveFile(str(path))
            with Image.open(path) as saved:
                size = saved.size
            yield ScannedPage(path, settings.dpi, size[0], size[1], number=number)
            if not feeder and settings.pages is None:
                return
