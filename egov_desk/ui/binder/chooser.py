"""Which department to bind: each listed with the number of items it leads; one that leads none (it only cooperates)
is greyed out and says why, as its binder would hold nothing. A short title and room enough for it at 1024 wide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

NAME_ROLE = Qt.ItemDataRole.UserRole


class DepartmentChooser(QDialog):
    def __init__(self, parent: QWidget | None, counts: dict[str, int], current: str | None) -> None:
        super().__init__(parent)
        self.setObjectName("binderDepartments")
        self.setWindowTitle(self.tr("Bind a department"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Bind the items this department &leads (one that only cooperates has nothing to bind):"))
        label.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        label.setBuddy(self.list)
        for name, count in counts.items():
            row = QListWidgetItem(self._row_text(name, count), self.list)
            row.setData(NAME_ROLE, name)
            if not count:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                row.setToolTip(
                    self.tr("%1 leads no item: the items it cooperates on are bound by their lead departments").replace(
                        "%1", name
                    )
                )
        self.list.itemDoubleClicked.connect(lambda _row: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.list.currentItemChanged.connect(lambda row, _before: self.ok.setEnabled(row is not None))
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        leading = [name for name, count in counts.items() if count]
        self.select(current if current in leading else (leading[0] if leading else None))
        self.ok.setEnabled(self.list.currentItem() is not None)

    def _row_text(self, name: str, count: int) -> str:
        if count:
            return self.tr("%1　leads %2 item(s)").replace("%1", name).replace("%2", str(count))
        return self.tr("%1　leads no item").replace("%1", name)

    def select(self, name: str | None) -> None:
        for index in range(self.list.count()):
            row = self.list.item(index)
            if row.data(NAME_ROLE) == name:
                self.list.setCurrentItem(row)
                self.list.scrollToItem(row)
                return

    def chosen(self) -> str | None:
        row = self.list.currentItem()
        return str(row.data(NAME_ROLE)) if row is not None and row.flags() & Qt.ItemFlag.ItemIsEnabled else None


def choose_department(parent: QWidget | None, counts: dict[str, int], current: str | None) -> str | None:
    """The department chosen (one that leads items), or None when cancelled."""
    dialog = DepartmentChooser(parent, counts, current)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
