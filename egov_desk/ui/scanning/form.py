"""The scan dialog's settings: scanner, source, colour, resolution and pages (each label's Alt+letter reaches its
field), filled from what the chosen device offers and the last scan on it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from egov_desk.core.scanning.types import DEFAULT_DPI, DeviceOptions, Mode, ScanSettings, is_feeder
from egov_desk.ui.scanning.remembered import choose
from egov_desk.ui.scanning.source_names import source_label


class ScannerForm(QFormLayout):
    """The fields; ``settings()`` reads the scan they ask for. Their words stay the dialog's (context ScanDialog),
    written out as literals for lupdate."""

    def __init__(self) -> None:
        super().__init__()
        self.device = QComboBox()
        self.device.setObjectName("scanDevice")
        self.find_again = QPushButton(QCoreApplication.translate("ScanDialog", "&Look again"))
        device_row = QHBoxLayout()
        device_row.addWidget(self.device, 1)
        device_row.addWidget(self.find_again)
        self.source = QComboBox()
        self.source.currentIndexChanged.connect(self._source_chosen)
        self.mode = QComboBox()
        self.dpi = QComboBox()
        self.pages_count = QSpinBox()
        self.pages_count.setRange(1, 999)
        self.until_empty = QCheckBox(QCoreApplication.translate("ScanDialog", "Until the feeder is &empty"))
        self.until_empty.toggled.connect(lambda on: self.pages_count.setEnabled(not on))
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.pages_count)
        pages_row.addWidget(self.until_empty, 1)
        scanner_label = QLabel(QCoreApplication.translate("ScanDialog", "Sc&anner:"))
        scanner_label.setBuddy(self.device)  # the form makes the other labels their fields' buddies: Alt+letter
        self.addRow(scanner_label, device_row)
        self.addRow(QCoreApplication.translate("ScanDialog", "S&ource:"), self.source)
        self.addRow(QCoreApplication.translate("ScanDialog", "&Colour:"), self.mode)
        self.addRow(QCoreApplication.translate("ScanDialog", "&Resolution:"), self.dpi)
        pages_label = QLabel(QCoreApplication.translate("ScanDialog", "&Pages:"))
        pages_label.setBuddy(self.pages_count)
        self.addRow(pages_label, pages_row)

    def show_options(self, options: DeviceOptions, last: ScanSettings | None) -> None:
        """What the device offers, set as the last scan on it was (``last``), else at about 200 dpi."""
        self.source.clear()
        for source in options.sources:
            self.source.addItem(source_label(source), source)
        names = {
            "gray": QCoreApplication.translate("ScanDialog", "Gray"),
            "color": QCoreApplication.translate("ScanDialog", "Colour"),
            "lineart": QCoreApplication.translate("ScanDialog", "Black and white"),
        }
        self.mode.clear()
        for mode in options.modes:
            self.mode.addItem(names[mode], mode)
        self.dpi.clear()
        for dpi in options.dpi_choices():
            self.dpi.addItem(f"{dpi} dpi", dpi)
        default = min(options.dpi_choices(), key=lambda d: abs(d - DEFAULT_DPI))
        self.dpi.setCurrentIndex(options.dpi_choices().index(default))
        self._source_chosen()
        if last is not None:
            for combo, value in ((self.source, last.source), (self.mode, last.mode), (self.dpi, last.dpi)):
                choose(combo, value)
            self.until_empty.setChecked(self.until_empty.isEnabled() and last.pages is None)
            self.pages_count.setValue(last.pages or 1)

    def _source_chosen(self, _index: int = 0) -> None:
        feeder = self.feeder()
        self.until_empty.setEnabled(feeder)
        self.until_empty.setChecked(feeder)

    def feeder(self) -> bool:
        return is_feeder(self.source.currentData() or "")

    def settings(self) -> ScanSettings:
        mode: Mode = self.mode.currentData() or "gray"
        # not isEnabled(): the box is greyed out while a scan runs, and still asks for it
        pages = None if self.feeder() and self.until_empty.isChecked() else self.pages_count.value()
        return ScanSettings(self.source.currentData(), mode, int(self.dpi.currentData() or DEFAULT_DPI), pages)

    def enable(self, busy: bool, ready: bool) -> None:
        """Devices can be chosen unless busy; the settings once a device's options are read (and not busy)."""
        for finder in (self.device, self.find_again):
            finder.setEnabled(not busy)
        fields: tuple[QWidget, ...] = (self.source, self.mode, self.dpi)
        for field in fields:
            field.setEnabled(ready)
        self.until_empty.setEnabled(ready and self.feeder())
        self.pages_count.setEnabled(ready and not (self.until_empty.isEnabled() and self.until_empty.isChecked()))
