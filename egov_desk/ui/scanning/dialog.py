"""扫描: the scanner's settings, the pages scanned so far (turn, reorder, drop, scan more), a larger preview of
the current page, and 保存到材料 — one PDF attached to the item or its requirement."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.messages import say
from egov_desk.core.scanning.refusals import ScanRefused
from egov_desk.core.scanning.saving import discard, new_pages_folder, scan_file_name
from egov_desk.core.scanning.types import (
    DeviceOptions,
    ScanDevice,
    ScannedPage,
    ScanSettings,
)
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job
from egov_desk.ui.scanning.acquiring import Acquiring
from egov_desk.ui.scanning.closing import ask_to_discard, discard_at_the_end
from egov_desk.ui.scanning.form import ScannerForm
from egov_desk.ui.scanning.pages import PageStrip, page_controls
from egov_desk.ui.scanning.remembered import last_device, remember, remembered


def _row(*widgets: tuple[QWidget, int]) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget, stretch in widgets:
        row.addWidget(widget, stretch)
    return row


class ScanDialog(QDialog):
    """Scans into ``target`` (shown at the top), to be saved as ``name`` (editable). ``save_requested`` carries
    the pages in order and the file's name when 保存到材料 is
    pressed; the owner saves them and calls :meth:`saved` or :meth:`save_failed`."""

    save_requested = Signal(list, str)  # the pages, the file name (.pdf added)

    def __init__(
        self, acquiring: Acquiring, target: str, parent: QWidget | None = None, name: str = "", add_files: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scanDialog")
        self.setWindowTitle(self.tr("Scan into %1").replace("%1", target))
        self.acquiring = acquiring
        acquiring.setParent(self)
        acquiring.arrived.connect(self._arrived)
        self.folder: Path | None = None
        self.folders: list[Path] = []  # every pages' folder this dialog made: gone with it, or when the app quits
        discard_at_the_end(self, self.folders)
        self.devices: list[ScanDevice] = []
        self.options: DeviceOptions | None = None
        self.job: Job | None = None
        self.saving = False
        self.stopping = False  # 取消扫描 was pressed: the scan's end says so
        self.question: QMessageBox | None = None
        self.last_error = ""
        self.add_files = add_files  # the window's action attaching files, by name: what to do without a scanner
        self._build(target, name)
        self.resize(1000, 700)
        self.find_devices()

    # --- building ---------------------------------------------------------------------------------

    def _build(self, target: str, name: str) -> None:
        self.strip = PageStrip()
        heading = QLabel(self.tr("Pages go to: %1").replace("%1", target))
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold")
        self.form = form = ScannerForm()
        self.device, self.source, self.mode, self.dpi = form.device, form.source, form.mode, form.dpi
        self.pages_count, self.until_empty, self.find_again = form.pages_count, form.until_empty, form.find_again
        self.device.currentIndexChanged.connect(self._device_chosen)
        self.find_again.clicked.connect(self.find_devices)
        self.scan_button = QPushButton(self.tr("&Scan"))
        self.scan_button.setObjectName("scanButton")
        self.scan_button.setDefault(True)
        self.scan_button.clicked.connect(self.scan)
        self.stop_button = QPushButton(self.tr("S&top"))
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self.stop)
        scan_row = _row((self.scan_button, 0), (self.stop_button, 0))
        scan_row.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        keep_place = self.progress.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # shown and hidden, the state's text below does not jump
        self.progress.setSizePolicy(keep_place)
        self.state = QLabel()
        self.state.setObjectName("scanState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        settings = QGroupBox(self.tr("Scanner"))
        left = QVBoxLayout(settings)
        left.addLayout(form)
        left.addLayout(scan_row)
        left.addWidget(self.progress)
        left.addWidget(self.state)
        left.addStretch(1)
        controls, self.page_buttons = page_controls(self, self.strip, self.drop_page)
        left.addWidget(controls)
        settings.setMinimumWidth(360)
        settings.setMaximumWidth(440)
        self.preview = QLabel(self.tr("The current page shows here once scanned."))
        self.preview.setObjectName("scanPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(240, 240)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.preview.setStyleSheet("background: palette(dark); color: palette(bright-text)")
        top = QHBoxLayout()
        top.addWidget(settings)
        top.addWidget(self.preview, 1)
        self.strip.currentItemChanged.connect(lambda *_: self._show_current())
        self.strip.model().rowsInserted.connect(lambda *_: self._update())
        self.strip.model().rowsRemoved.connect(lambda *_: self._update())
        self.save_button = QPushButton(self.tr("Sa&ve to evidence"))
        self.save_button.setObjectName("scanSave")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        bottom.addWidget(self.count_label)
        self.name = QLineEdit(name)
        self.name.setObjectName("scanName")
        self.name.returnPressed.connect(self.save)  # Enter after typing the name saves (not 扫描, the default)
        name_label = QLabel(self.tr("File &name:"))
        name_label.setBuddy(self.name)
        bottom.addWidget(name_label)
        bottom.addWidget(self.name, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top, 1)
        layout.addWidget(self.strip)
        layout.addLayout(bottom)
        self._update()

    # --- the scanner ------------------------------------------------------------------------------

    def find_devices(self) -> None:
        with QSignalBlocker(self.device):
            self.device.clear()
            self.device.addItem(self.tr("Looking for scanners…"))
        self._say(self.tr("Looking for scanners…"))
        self._busy(True)
        self.job = self.acquiring.list_devices(self._devices_found, self._failed)

    def _devices_found(self, devices: list[ScanDevice]) -> None:
        self._ended()
        self.devices = devices
        last = next((n for n, d in enumerate(devices) if d.shown == last_device()), 0)
        with QSignalBlocker(self.device):
            self.device.clear()
            self.device.addItems([device.shown for device in devices])
            self.device.setCurrentIndex(last)
        if not devices:
            from egov_desk.core.scanning.refusals import no_scanner

            self.options = None
            self._say(say(no_scanner(self.add_files or None), ui_language()))
            self._update()
            return
        self._say("")
        self._device_chosen(last)

    def _device_chosen(self, index: int) -> None:
        if not 0 <= index < len(self.devices):
            return
        self.options = None
        self._update()
        self._busy(True)
        self.job = self.acquiring.read_options(self.devices[index], self._options_read, self._failed)

    def _options_read(self, options: DeviceOptions) -> None:
        self._ended()
        self.options = options
        self.form.show_options(options, remembered(self.devices[self.device.currentIndex()]))
        self._update()

    def settings(self) -> ScanSettings:
        return self.form.settings()

    def scan(self) -> None:
        index = self.device.currentIndex()
        if self.job_running() or self.saving or self.options is None or not 0 <= index < len(self.devices):
            return
        if self.folder is None or not self.folder.exists():
            self.folder = new_pages_folder()
            self.folders.append(self.folder)
        self._busy(True, scanning=True)
        self.stopping = False
        self._say(self.tr("Scanning…"))
        remember(self.devices[index], self.settings())
        self.job = self.acquiring.scan(self.devices[index], self.settings(), self.folder, self._scanned, self._failed)
        self.job.progressed.connect(self._progressed)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:  # so many pages asked for: a bar that fills; until the feeder is empty: a busy one
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def stop(self) -> None:
        self.stopping = True
        if self.job is not None and self.job.running:
            self.job.cancel()
            self._say(self.tr("Stopping after this page…"))

    def job_running(self) -> bool:
        return self.job is not None and self.job.running

    def _arrived(self, page: ScannedPage, thumbnail: QImage, preview: QImage) -> None:
        self.strip.add_page(page, thumbnail, preview)
        self._say(self.tr("Page %1 scanned.").replace("%1", str(self.strip.count())))

    def _scanned(self, count: int) -> None:
        self._ended()
        if self.stopping:
            said = self.tr("Scan stopped: %1 page(s) kept. Scan more or save.")
            self._say(said.replace("%1", str(self.strip.count())))
            return
        said = self.tr("%1 page(s) scanned, %2 in all. Turn, move or drop pages, scan more, or save.")
        self._say(said.replace("%1", str(count)).replace("%2", str(self.strip.count())))

    def _failed(self, error: BaseException) -> None:
        self._ended()
        self.last_error = say(error, ui_language())
        self._say(self.last_error)
        self._update()

    # --- the pages --------------------------------------------------------------------------------

    def drop_page(self) -> None:
        page = self.strip.drop_current()
        if page is not None:
            page.path.unlink(missing_ok=True)

    def _show_current(self) -> None:
        image = self.strip.current_preview()
        if image is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("The current page shows here once scanned."))
            return
        size = self.preview.size()
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_current()

    # --- saving and closing -----------------------------------------------------------------------

    def save(self) -> None:
        pages = self.strip.pages()
        if not pages or self.job_running() or self.saving:
            return
        try:
            name = scan_file_name(self.name.text())
        except ScanRefused as refusal:  # said before anything is written; the name field is where to mend it
            self._failed(refusal)
            self.name.setFocus()
            return
        self.saving = True
        self._busy(True)
        self._say(self.tr("Saving %1 page(s) as one PDF…").replace("%1", str(len(pages))))
        self.save_requested.emit(pages, name)

    def saved(self, text: str) -> None:
        """The PDF is attached: its pages are gone from the disk, and from here."""
        self.saving = False
        self._busy(False)
        self.strip.clear()
        self._say(text)
        self.accept()

    def save_failed(self, error: BaseException) -> None:
        """Nothing was attached; the pages stay to be saved again."""
        self.saving = False
        self._failed(error)

    def reject(self) -> None:
        if self.saving:
            return
        if self.stop_button.isEnabled():  # Esc while scanning stops the scan, keeping the pages so far
            self.stop()
            return
        if self.strip.count():
            self._ask_before_closing()
            return
        self._close_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.saving or self.strip.count():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def _ask_before_closing(self) -> None:
        def answered(discard: bool) -> None:
            self.question = None
            if discard:
                self.strip.clear()
                self._close_now()

        self.question = ask_to_discard(self, self.strip.count(), answered)

    def _close_now(self) -> None:
        if self.job_running() and self.job is not None:
            self.job.cancel()
            self.job.ended.connect(self._discard_folder)
        else:
            self._discard_folder()
        super().reject()

    def _discard_folder(self) -> None:
        if self.folder is not None:
            discard(self.folder)

    # --- state ------------------------------------------------------------------------------------

    def _ended(self) -> None:
        """A job's result arrived (its ``ended`` comes after): nothing runs any more."""
        self.job = None
        self._busy(False)

    def _say(self, text: str) -> None:
        self.state.setText(text)

    def _busy(self, busy: bool, scanning: bool = False) -> None:
        self.progress.setRange(0, 0 if busy else 1)
        self.progress.setValue(0)
        self.progress.setVisible(busy)  # idle: no bar at all (an empty one read as something stuck)
        self.stop_button.setEnabled(busy and scanning)
        self._update(busy)

    def _update(self, busy: bool | None = None) -> None:
        busy = self.job_running() or self.saving if busy is None else busy
        count = self.strip.count()
        ready = self.options is not None and not busy
        self.scan_button.setEnabled(ready)
        self.scan_button.setText(self.tr("&Scan more") if count else self.tr("&Scan"))
        self.form.enable(busy, ready)
        self.save_button.setEnabled(bool(count) and not busy)
        for button in self.page_buttons:
            button.setEnabled(bool(count) and not self.saving)
        self.count_label.setText(self.tr("%1 page(s) to save").replace("%1", str(count)) if count else "")
