"""The scanner's side of the dialog, off the UI thread: the devices, one device's options, the pages as they
arrive (each with its thumbnail and preview picture made in the worker, so the UI thread only shows them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.types import DeviceOptions, ScanDevice, ScanSettings
from egov_desk.ui.ops import Job, Progress, Runner
from egov_desk.ui.scanning.pages import THUMB

PREVIEW_HEIGHT = 1100  # pixels of the preview picture: sharp on a 768-pixel screen, small to hold


class Acquiring(QObject):
    """Starts the scanner's work on ``runner``; ``arrived`` brings each page to the UI thread."""

    arrived = Signal(object, object, object)  # ScannedPage, thumbnail QImage, preview QImage

    def __init__(self, runner: Runner, scanners: Callable[[], Scanners], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.make_scanners = scanners
        self.scanners: Scanners | None = None

    def _scanners(self) -> Scanners:
        if self.scanners is None:
            self.scanners = self.make_scanners()
        return self.scanners

    def list_devices(self, done: Callable[[list[ScanDevice]], None], failed: Callable[[BaseException], None]) -> Job:
        def work(_progress: Progress) -> list[ScanDevice]:
            self.scanners = self.make_scanners()  # looked for again: a scanner switched on since is found
            return self.scanners.devices()

        return self.runner.start(work, done, failed)

    def read_options(
        self,
        device: ScanDevice,
        done: Callable[[DeviceOptions], None],
        failed: Callable[[BaseException], None],
    ) -> Job:
        return self.runner.start(lambda _progress: self._scanners().options(device), done, failed)

    def scan(
        self,
        device: ScanDevice,
        settings: ScanSettings,
        folder: Path,
        done: Callable[[int], None],
        failed: Callable[[BaseException], None],
    ) -> Job:
        def work(progress: Progress) -> int:
            count = 0
            cancelled = lambda: progress.cancelled  # noqa: E731 - read between pages
            for page in self._scanners().acquire(device, settings, folder, cancelled):
                count += 1
                image = QImage(str(page.path))
                thumbnail = image.scaled(
                    THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
                preview = (
                    image.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
                    if image.height() > PREVIEW_HEIGHT
                    else image
                )
                self.arrived.emit(page, thumbnail, preview)
                progress.update(count, settings.pages or 0, "")
            return count

        return self.runner.start(work, done, failed)
