"""Which scanners this machine has, through the backends it can use, and a scan as one call."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from egov_desk.core.scanning import sane_module, scanimage
from egov_desk.core.scanning.refusals import no_scanner, unknown_device
from egov_desk.core.scanning.types import DeviceOptions, ScanDevice, ScannedPage, Scanner, ScanSettings


def backends() -> list[Scanner]:
    """The backends available here, best first: WIA on Windows; elsewhere SANE through python-sane, or
    through ``scanimage`` when the module is missing."""
    if sys.platform == "win32":
        from egov_desk.core.scanning.wia import WiaScanner, available

        return [WiaScanner()] if available() else []
    if sane_module.available():
        return [sane_module.SaneModuleScanner()]
    if scanimage.program():
        return [scanimage.ScanimageScanner()]
    return []


class Scanners:
    """The devices of the given backends (default: :func:`backends`)."""

    def __init__(self, found: list[Scanner] | None = None) -> None:
        self.found = backends() if found is None else found
        self._by_backend = {scanner.backend: scanner for scanner in self.found}

    def devices(self) -> list[ScanDevice]:
        return [device for scanner in self.found for device in scanner.devices()]

    def device(self, name: str | None) -> ScanDevice:
        """The device named (its address, its name, or the name shown); the first one when None. No scanner,
        or none of that name, is refused in words."""
        devices = self.devices()
        if not devices:
            raise no_scanner()
        if name is None:
            return devices[0]
        for device in devices:
            if name in (device.address, device.name, device.shown):
                return device
        raise unknown_device(name, [device.address for device in devices])

    def options(self, device: ScanDevice) -> DeviceOptions:
        return self._by_backend[device.backend].options(device)

    def acquire(
        self,
        device: ScanDevice,
        settings: ScanSettings,
        folder: Path,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[ScannedPage]:
        """The pages, written into a new folder inside ``folder``: every backend numbers its pages from
        page-0001, so a second scan into the same folder (继续扫描) must not overwrite the first one's pages."""
        folder.mkdir(parents=True, exist_ok=True)
        this_scan = Path(tempfile.mkdtemp(prefix="round-", dir=folder))
        return self._by_backend[device.backend].acquire(device, settings, this_scan, cancelled)
