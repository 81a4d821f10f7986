"""The indicator system editor: the draft's tree (left), the selected level's or item's form, its rule and a live
preview of what inputs score (right), what is wrong so far (below), and its own undo stack.

Every change is one draft edit pushed onto the editor's undo stack (Ctrl+Z / Ctrl+Y inside the editor); nothing
reaches the workspace until Save, which stores the draft as a new version of the system (:mod:`.saving`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.points import NotANumber, to_points
from egov_desk.core.rules import RuleError, parse_rule
from egov_desk.core.system_draft import MISSING, Edit, Place, SystemDraft
from egov_desk.core.system_draft_checks import Finding, check
from egov_desk.ui.editors import RuleEditor, editor_for
from egov_desk.ui.language import ui_language
from egov_desk.ui.menus import redo_shortcuts
from egov_desk.ui.system_editor.draft_steps import DraftStep
from egov_desk.ui.system_editor.draft_tree import DraftTree
from egov_desk.ui.system_editor.entry_forms import ItemForm, LevelForm
from egov_desk.ui.system_editor.exports import export_xlsx, xlsx_writer
from egov_desk.ui.system_editor.rule_form import RuleForm

PLACE = Qt.ItemDataRole.UserRole


def next_code(draft: SystemDraft) -> str:
    """A code no item has: one after the highest numeric code, as wide as the codes are (030 → 031)."""
    codes = [str(draft.entry(place).get("code", "")) for place in draft.places() if place.is_item]
    numbers = [int(code) for code in codes if code.isdigit()]
    width = max((len(code) for code in codes if code.isdigit()), default=3)
    return str(max(numbers, default=0) + 1).zfill(width)


def item_points(entry: dict[str, Any]) -> Decimal:
    try:
        return to_points(entry.get("points", 0))
    except NotANumber:
        return Decimal(0)


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll


class SystemEditor(QDialog):
    def __init__(
        self,
        draft: SystemDraft,
        parent: QWidget | None = None,
        saver: Callable[[SystemEditor], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.saver = saver
        self.saved = False
        self.setObjectName("systemEditor")
        self.draft = draft
        self.findings: list[Finding] = []
        self.last_message: QMessageBox | None = None
        self.undo_stack = QUndoStack(self)
        self._from_form = False
        self.shown_place: Place | None = None
        self.preview_editor: RuleEditor | None = None
        self.setWindowTitle(self.tr("Edit the indicator system — %1").replace("%1", str(draft.data.get("title", ""))))
        self._build()
        self._undo_actions()
        self.resize(1000, 700)
        self.setMinimumSize(800, 560)  # fits 1024×768 with the window's frame
        self.refresh(None)

    # --- building -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.tree = DraftTree(self)
        self.tree.currentItemChanged.connect(lambda _now, _before: self._selection_changed())
        self.tree.key_asked.connect(self.key_asked)
        self.tree.move_asked.connect(lambda place, to: self.move_entry(place, to))
        add_level = QPushButton(self.tr("Add level"), self)
        add_level.setToolTip(self.tr("A level after the one selected (Shift+Insert)"))
        add_level.clicked.connect(lambda: self.key_asked("insert_level"))
        add_item = QPushButton(self.tr("Add item"), self)
        add_item.setToolTip(self.tr("An item in the level selected, or after the item selected (Insert)"))
        add_item.clicked.connect(lambda: self.key_asked("insert"))
        remove = QPushButton(self.tr("Remove"), self)
        remove.setToolTip(self.tr("Remove the level or item selected (Delete)"))
        remove.clicked.connect(lambda: self.key_asked("delete"))
        hint = QLabel(self.tr("Alt+↑/↓ moves, Alt+←/→ changes level; or drag"), self)
        hint.setStyleSheet("color: #475569;")
        hint.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        buttons = QHBoxLayout()
        for button in (add_level, add_item, remove):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(hint)

        self.level_form, self.item_form = LevelForm(self), ItemForm(self)
        self.level_form.field_edited.connect(self.set_field)
        self.item_form.field_edited.connect(self.set_field)
        self.forms = QStackedWidget(self)
        self.forms.addWidget(self.level_form)
        self.forms.addWidget(self.item_form)
        self.rule_box = QGroupBox(self.tr("Rule"), self)
        self.rule_layout = QVBoxLayout(self.rule_box)
        self.rule_form: RuleForm | None = None
        self.preview_box = QGroupBox(self.tr("Try it: what inputs score"), self)
        self.preview_layout = QVBoxLayout(self.preview_box)
        self.preview_problem = QLabel(self.preview_box)
        self.preview_problem.setWordWrap(True)
        self.preview_problem.setStyleSheet("color: #b91c1c;")
        self.preview_layout.addWidget(self.preview_problem)
        # the rule and its try-out on a page of their own: both fit a 1024×768 screen without scrolling
        rule_page = QWidget(self)
        rule_layout = QVBoxLayout(rule_page)
        rule_layout.addWidget(self.rule_box)
        rule_layout.addWidget(self.preview_box)
        rule_layout.addStretch(1)
        self.pages = QTabWidget(self)
        self.pages.addTab(_scrolling(self.forms, self), self.tr("Level or item"))
        self.pages.addTab(_scrolling(rule_page, self), self.tr("Rule and try-out"))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setSizes([420, 580])

        self.problems = QListWidget(self)
        self.problems.setObjectName("systemEditorProblems")
        self.problems.setMaximumHeight(80)
        self.problems.itemActivated.connect(self._go_to_finding)
        self.problems.itemClicked.connect(self._go_to_finding)

        self.save_button = QPushButton(self.tr("Save as a new version"), self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(self.saver is not None)
        self.json_button = QPushButton(self.tr("Export JSON…"), self)
        self.json_button.clicked.connect(self.ask_export_json)
        self.xlsx_button = QPushButton(self.tr("Export Excel…"), self)
        self.xlsx_button.clicked.connect(self.ask_export_xlsx)
        if xlsx_writer() is None:
            self.xlsx_button.setEnabled(False)
            self.xlsx_button.setToolTip(self.tr("Writing a system as Excel is not part of this version yet"))
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.json_button)
        bottom.addWidget(self.xlsx_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(self.tr("To check"), self))
        layout.addWidget(self.problems)
        layout.addLayout(bottom)

    def _undo_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(redo_shortcuts())
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    # --- showing the draft ----------------------------------------------------------------------------

    def refresh(self, select: Place | None) -> None:
        """Show the tree and what is wrong again; keep ``select`` (or what was selected) selected."""
        self.tree.show_draft(self.draft, select if select is not None else self.shown_place)
        self.findings = check(self.draft)
        self.problems.clear()
        chinese = ui_language().startswith("zh")
        for finding in self.findings:
            mark = "✖ " if finding.severity == "error" else "⚠ "
            row = QListWidgetItem(mark + finding.text(chinese), self.problems)
            row.setData(PLACE, finding.place)
        if not self.findings:
            QListWidgetItem(self.tr("Nothing to check: the parts add up and every code is its own."), self.problems)
        self._selection_changed()

    def _selection_changed(self) -> None:
        place = self.tree.current_place()
        if self._from_form and place == self.shown_place:
            self._show_preview()  # the form holds what the person typed: it is not filled again
            return
        self.shown_place = place
        if place is None:
            return
        entry = self.draft.entry(place)
        form = self.item_form if place.is_item else self.level_form
        self.forms.setCurrentWidget(form)
        form.show_entry(entry)
        self._show_rule(entry if place.is_item else None)

    def _show_rule(self, item: dict[str, Any] | None) -> None:
        if self.rule_form is not None:
            self.rule_form.hide()
            self.rule_form.deleteLater()
            self.rule_form = None
        self.rule_box.setVisible(item is not None)
        self.pages.setTabEnabled(1, item is not None)
        if item is not None:
            self.rule_form = RuleForm(item.get("scoring") or {"type": "manual"}, item_points(item), self.rule_box)
            self.rule_form.edited.connect(lambda definition: self.set_field("scoring", definition))
            self.rule_layout.addWidget(self.rule_form)
        self._show_preview()

    def _show_preview(self) -> None:
        if self.preview_editor is not None:
            self.preview_editor.hide()
            self.preview_editor.deleteLater()
            self.preview_editor = None
        place = self.shown_place
        self.preview_box.setVisible(place is not None and place.is_item)
        if place is None or not place.is_item:
            return
        item = self.draft.entry(place)
        try:
            rule = parse_rule(item.get("scoring") or {"type": "manual"}, "rule", default_max=item_points(item))
        except (RuleError, TypeError, ValueError) as error:
            self.preview_problem.setText(self.tr("The rule cannot score yet: %1").replace("%1", str(error)))
            self.preview_problem.show()
            return
        self.preview_problem.hide()
        self.preview_editor = editor_for(rule, self.preview_box)
        self.preview_editor.show_input(None)
        self.preview_layout.addWidget(self.preview_editor)

    def _go_to_finding(self, row: QListWidgetItem) -> None:
        place = row.data(PLACE)
        if place is not None:
            self.tree.select(place)
            self.tree.setFocus()

    # --- edits ------------------------------------------------------------------------------------------

    def push(self, text: str, edit: Edit | None, *, from_form: bool = False) -> None:
        if edit is None:
            return
        self.undo_stack.push(DraftStep(text, self.draft, edit, self.shown))
        self.shown(edit, from_form=from_form)

    def shown(self, edit: Edit, *, from_form: bool = False) -> None:
        self._from_form = from_form
        try:
            self.refresh(edit.place if edit.place is not None else self._near(edit))
        finally:
            self._from_form = False

    def _near(self, edit: Edit) -> Place | None:
        """After a removal: the entry before it, else its level."""
        step = edit.step
        place = getattr(step, "place", None)
        if not isinstance(place, Place):
            return None
        if place.position > 0:
            return (
                Place(place.level, place.item - 1)
                if place.item is not None
                else Place((*place.level[:-1], place.level[-1] - 1))
            )
        return Place(place.parent) if place.parent else None

    def set_field(self, key: str, value: Any) -> None:
        place = self.shown_place
        if place is None:
            return
        edit = self.draft.set(place, key, MISSING if value is None else value)
        self.push(self.tr("change of %1").replace("%1", key), edit, from_form=True)

    def move_entry(self, place: Place, to: Place) -> None:
        self.push(self.tr("move"), self.draft.move(place, to))

    def key_asked(self, what: str) -> None:
        place = self.tree.current_place()
        if what in ("up", "down", "indent", "outdent") and place is not None:
            call = {
                "up": self.draft.move_up,
                "down": self.draft.move_down,
                "indent": self.draft.indent,
                "outdent": self.draft.outdent,
            }[what]
            self.push(self.tr("move"), call(place))
        elif what == "delete" and place is not None:
            self.push(self.tr("removal"), self.draft.remove(place))
        elif what == "insert":
            self.add_item(place)
        elif what == "insert_level":
            self.add_level(place)
        self.tree.setFocus()

    def add_item(self, place: Place | None) -> None:
        if place is None:
            return
        level = place.level
        at = place.item + 1 if place.item is not None else None
        edit = self.draft.add_item(level, next_code(self.draft), Decimal(0), at=at)
        self.push(self.tr("new item"), edit)

    def add_level(self, place: Place | None) -> None:
        name = self.tr("New level")
        if place is None:
            edit = self.draft.add_level((), name)
        elif place.is_item:
            edit = self.draft.add_level(place.level, name)
        else:
            edit = self.draft.add_level(place.level[:-1], name, at=place.level[-1] + 1)
        self.push(self.tr("new level"), edit)

    def add_sub_level(self, parent: Place, name: str) -> None:
        self.push(self.tr("new level"), self.draft.add_level(parent.level, name))

    # --- saving and exporting ---------------------------------------------------------------------------

    def save(self) -> None:
        """Store the draft as a new version (:mod:`.saving`), unless something stops it."""
        if self.saver is None:
            return
        errors = [finding for finding in self.findings if finding.severity == "error"]
        if errors:
            self._go_to_finding(self.problems.item(0))
            text = self.tr("Not saved: %1 problem(s) marked ✖ below stop it. Correct them, then save again.")
            self.tell(QMessageBox.Icon.Warning, text.replace("%1", str(len(errors))))
            return
        self.saver(self)

    def ask_export_json(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export JSON"), "", "JSON (*.json)")
        if path:
            self.export_json(Path(path))

    def export_json(self, path: Path) -> None:
        path.write_text(json.dumps(self.draft.to_interchange(), ensure_ascii=False, indent=2), encoding="utf-8")

    def ask_export_xlsx(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export Excel"), "", "Excel (*.xlsx)")
        if path:
            self.export_xlsx(Path(path))

    def export_xlsx(self, path: Path) -> None:
        problem = export_xlsx(self.draft, path)
        if problem:
            self.tell(QMessageBox.Icon.Warning, self.tr("Not exported: %1").replace("%1", problem))
        else:
            self.tell(QMessageBox.Icon.Information, self.tr("Exported to %1").replace("%1", str(path)))

    def tell(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        box = QMessageBox(icon, self.windowTitle(), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
        return box
