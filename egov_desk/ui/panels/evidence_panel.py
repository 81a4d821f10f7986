"""The item's evidence checklist: requirements with their status and files; drop files on a requirement."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.evidence import CHECKED, COLLECTED, MISSING, SUPPLIED, FileInfo, ItemEvidence
from egov_desk.core.evidence.filetypes import LABELS
from egov_desk.core.requirements import PLATFORM
from egov_desk.ui.panels.checklist_tree import GENERAL, ChecklistTree, FileRole, RequirementRole
from egov_desk.ui.widgets.activation_repaint import ActivationRepaint

COLORS = {MISSING: "#b45309", COLLECTED: "#1d4ed8", CHECKED: "#166534", SUPPLIED: "#64748b"}


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


class EvidencePanel(QWidget):
    attach_requested = Signal(list, object)  # paths, requirement id
    add_files_requested = Signal(object)  # requirement id: open the file dialog
    add_folder_requested = Signal(object)
    unlink_requested = Signal(int)  # link id
    open_requested = Signal(object)  # FileInfo
    preview_requested = Signal(object)  # FileInfo
    reveal_requested = Signal(object)  # FileInfo
    date_requested = Signal(object)  # FileInfo
    checked_changed = Signal(int, bool)  # requirement id, checked
    requirement_edit = Signal(str, object)  # "add" / "rename" / "up" / "down" / "remove", requirement id
    menu_built = Signal(QMenu, object)  # a requirement's (None: the item's) context menu, for others to add to
    evidence_shown = Signal()  # the checklist was filled: others mark its rows (egov_desk.ui.text_findings)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.read_only = False
        self.tree = ChecklistTree()
        self.tree.setObjectName("evidenceChecklist")
        ActivationRepaint(self.tree)  # its rows (100 after a big attach) not repainted as a dialog opens or closes
        self.tree.setHeaderLabels(
            [self.tr("Material / file"), self.tr("Status / type"), self.tr("Size"), self.tr("Date")]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setMinimumHeight(150)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.files_dropped.connect(self.attach_requested)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.menu_requested.connect(self._menu)  # by the mouse, the Menu key or Shift+F10
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.confirm_action = QAction(self.tr("Confirm last year's file still holds"), self.tree)
        self.confirm_action.setShortcut("Ctrl+Shift+K")
        self.confirm_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)  # from the tree too
        self.tree.addAction(self.confirm_action)
        self.add_files = QPushButton(self.tr("Add files…"))
        self.add_files.clicked.connect(lambda: self.add_files_requested.emit(self.selected_requirement()))
        self.add_folder = QPushButton(self.tr("Add folder…"))
        self.add_folder.clicked.connect(lambda: self.add_folder_requested.emit(self.selected_requirement()))
        self.preview = QPushButton(self.tr("Preview"))
        self.preview.clicked.connect(lambda: self._with_file(self.preview_requested))
        self.open = QPushButton(self.tr("Open"))
        self.open.clicked.connect(lambda: self._with_file(self.open_requested))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove)
        # Two short rows rather than one long one: the panel must fit beside the tree on a 1024-pixel screen.
        buttons = QVBoxLayout()
        for group in ((self.add_files, self.add_folder), (self.preview, self.open, self.remove)):
            row = QHBoxLayout()
            for button in group:
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- showing ----------------------------------------------------------------------------------

    def show_evidence(self, evidence: ItemEvidence) -> None:
        self.code = evidence.code
        current = self.tree.currentItem()
        keep = (current.data(0, RequirementRole), current.data(0, FileRole)) if current else None
        self.tree.blockSignals(True)
        self.tree.clear()
        names = {MISSING: self.tr("missing"), COLLECTED: self.tr("collected"), CHECKED: self.tr("checked")}
        for requirement in evidence.requirements:
            if requirement.status in names:
                status = names[requirement.status]
            elif requirement.supplied_by == PLATFORM:
                status = self.tr("checked on the platform")
            else:
                status = self.tr("supplied by %1").replace("%1", requirement.supplied_by or "")
            row = QTreeWidgetItem([requirement.text, status])
            row.setData(0, RequirementRole, requirement.id)
            row.setForeground(1, QBrush(QColor(COLORS[requirement.status])))
            row.setToolTip(0, requirement.text)
            if requirement.files:
                if not self.read_only:
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(
                    0, Qt.CheckState.Checked if requirement.status == CHECKED else Qt.CheckState.Unchecked
                )
                row.setToolTip(1, self.tr("Tick when you have read the files and they prove the requirement"))
            for file in requirement.files:
                row.addChild(self._file_row(file))
            self.tree.addTopLevelItem(row)
        general = QTreeWidgetItem(
            [self.tr("Other materials for the item"), self.tr("%n file(s)", "", len(evidence.general))]
        )
        general.setData(0, RequirementRole, GENERAL)
        general.setForeground(0, QBrush(QColor("#475569")))
        for file in evidence.general:
            general.addChild(self._file_row(file))
        self.tree.addTopLevelItem(general)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if keep:
            self._reselect(*keep)
        self._update_buttons()
        self.evidence_shown.emit()

    def _file_row(self, file: FileInfo) -> QTreeWidgetItem:
        kind = LABELS.get(file.kind, file.kind)
        if file.kind_mismatch:
            kind += self.tr(" (name says otherwise)")
        date = file.evidence_date.isoformat() if file.evidence_date else ""
        row = QTreeWidgetItem([file.name, kind, human_size(file.size), date])
        row.setData(0, FileRole, file)
        row.setToolTip(
            0,
            self.tr("%1\nadded %2 by %3\nSHA-256 %4")
            .replace("%1", file.name)
            .replace("%2", file.added_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%3", file.added_by)
            .replace("%4", file.sha256),
        )
        if file.kind_mismatch:
            row.setForeground(1, QBrush(QColor("#b91c1c")))
        if file.carried:  # carried from last year's assessment until someone confirms it still holds
            row.setText(1, self.tr("last year's") + " · " + kind)
            row.setForeground(1, QBrush(QColor("#b45309")))
            row.setToolTip(1, self.tr("Carried from last year: confirm it still holds (Ctrl+Shift+K) or replace it"))
        if file.date_outside_year:
            row.setForeground(3, QBrush(QColor("#b91c1c")))
            row.setToolTip(3, self.tr("Dated outside the year being assessed"))
        return row

    def _reselect(self, requirement: int | None, file: FileInfo | None) -> None:
        for number in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(number)
            if row is None:
                continue
            if file is None and row.data(0, RequirementRole) == requirement:
                self.tree.setCurrentItem(row)
                return
            for child in range(row.childCount()):
                entry = row.child(child)
                if entry is None or file is None:
                    continue
                shown = entry.data(0, FileRole)
                if shown is not None and shown.id == file.id:
                    self.tree.setCurrentItem(entry)
                    return

    # --- what is selected -------------------------------------------------------------------------

    def requirement_text(self, requirement_id: int) -> str:
        """The requirement's text as shown now."""
        for number in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(number)
            if row is not None and row.data(0, RequirementRole) == requirement_id:
                return row.text(0)
        return ""

    def selected_requirement(self) -> int | None:
        entry = self.tree.currentItem()
        while entry is not None and entry.data(0, RequirementRole) is None:
            entry = entry.parent()
        if entry is None or entry.data(0, RequirementRole) == GENERAL:
            return None
        return entry.data(0, RequirementRole)

    def selected_file(self) -> FileInfo | None:
        entry = self.tree.currentItem()
        return entry.data(0, FileRole) if entry is not None else None

    def _with_file(self, signal: SignalInstance) -> None:
        file = self.selected_file()
        if file is not None:
            signal.emit(file)

    def _update_buttons(self) -> None:
        has_file = self.selected_file() is not None
        for button in (self.preview, self.open):
            button.setEnabled(has_file)
        self.remove.setEnabled(has_file and not self.read_only)
        for button in (self.add_files, self.add_folder):
            button.setEnabled(not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        """Files can be previewed and opened, not added, removed or ticked (a file dropped is refused in words)."""
        self.read_only = read_only
        self._update_buttons()

    def _remove(self) -> None:
        entry = self.tree.currentItem()
        file = self.selected_file()
        if file is None or entry is None:
            return
        parent = entry.parent()
        requirement = parent.data(0, RequirementRole) if parent else None
        requirement = None if requirement == GENERAL else requirement
        link = next((lid for lid, code, rid in file.links if code == self.code and rid == requirement), None)
        if link is not None:
            self.unlink_requested.emit(link)

    def _double_clicked(self, entry: QTreeWidgetItem, _column: int) -> None:
        file = entry.data(0, FileRole)
        if file is not None:
            self.preview_requested.emit(file)

    def _item_changed(self, entry: QTreeWidgetItem, column: int) -> None:
        requirement = entry.data(0, RequirementRole)
        if column == 0 and requirement not in (None, GENERAL) and entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = entry.checkState(0) == Qt.CheckState.Checked
            # After this signal has returned: saving repaints the checklist, which deletes ``entry`` — deleting
            # the item whose change Qt is still delivering crashes the app.
            QTimer.singleShot(0, self, lambda: self.checked_changed.emit(requirement, checked))

    def menu_at(self, point: QPoint) -> QMenu:
        """The context menu for the row under ``point``: a file's menu is about the file only; a requirement's
        about the requirement."""
        menu = QMenu(self)
        entry = self.tree.itemAt(point)
        if entry is not None:
            self.tree.setCurrentItem(entry)
        file = entry.data(0, FileRole) if entry is not None else None
        if file is not None:
            for text, signal in (
                (self.tr("Preview"), self.preview_requested),
                (self.tr("Open"), self.open_requested),
                (self.tr("Show in folder"), self.reveal_requested),
                (self.tr("Set the document's date…"), self.date_requested),
            ):
                action = QAction(text, menu)
                action.triggered.connect(lambda _c=False, s=signal, f=file: s.emit(f))
                menu.addAction(action)
            if file.carried:
                menu.addAction(self.confirm_action)
            menu.addSeparator()
            menu.addAction(self.tr("Remove the file from this item…"), self._remove)
            return menu
        requirement = self.tree.requirement_at(point)
        menu.addAction(self.tr("Add files…"), lambda: self.add_files_requested.emit(requirement))
        menu.addSeparator()
        menu.addAction(self.tr("Add a requirement…"), lambda: self.requirement_edit.emit("add", None))
        if requirement is not None:
            for key, text in (
                ("rename", self.tr("Rename the requirement…")),
                ("up", self.tr("Move up")),
                ("down", self.tr("Move down")),
                ("remove", self.tr("Remove the requirement")),
            ):
                menu.addAction(text, self._requirement_edit(key, requirement))
        self.menu_built.emit(menu, requirement)
        return menu

    def _requirement_edit(self, key: str, requirement: int) -> Callable[[], None]:
        return lambda: self.requirement_edit.emit(key, requirement)

    def _menu(self, point: QPoint) -> None:
        menu = self.menu_at(point)
        if self.read_only:  # looking is allowed; changing is not
            reading = {self.tr("Preview"), self.tr("Open"), self.tr("Show in folder")}
            for action in menu.actions():
                action.setEnabled(action.text() in reading)
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()
