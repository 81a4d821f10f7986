"""The files whose text could not be read, with the reason in the UI's language."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from egov_desk.ui.language import ui_language

OLD_BROKEN = "（文件已损坏或与其类型不符）："  # before 0011 the Chinese carried the library's English after it


def reason_in_ui_language(reason: str) -> str:
    """The worker records ``english\\nchinese``."""
    english, _, chinese = reason.partition("\n")
    if ui_language() == "en" or not chinese:
        return english
    return chinese.split(OLD_BROKEN)[0] + "：文件已损坏，或与其类型不符" if OLD_BROKEN in chinese else chinese


class FailuresDialog(QDialog):
    def __init__(self, failures: list[tuple[str, str, tuple[str, ...]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Text not read"))
        said = QLabel(
            self.tr(
                "The text of these files could not be read, so a search does not find words in them. Attach a "
                "readable copy (an unencrypted PDF, a clearer scan) to have it read."
            )
        )
        said.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Code"), self.tr("File"), self.tr("Why")])
        self.list.setRootIsDecorated(False)
        for name, reason, codes in failures:
            why = reason_in_ui_language(reason)
            row = QTreeWidgetItem(["、".join(codes) or "—", name, why])
            row.setToolTip(0, self.tr("The items holding this file"))
            row.setToolTip(2, why)
            self.list.addTopLevelItem(row)
        self.list.resizeColumnToContents(0)
        self.list.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(said)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)
