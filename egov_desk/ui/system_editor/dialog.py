"""The indicator system editor: the draft's tree (left), the selected level's or item's form, its rule beside a
live try-out of what inputs score (right), what is wrong so far (below), menus, and its own undo stack.

Every change is one draft edit pushed onto the editor's undo stack, named in the person's words (Ctrl+Z / Ctrl+Y
inside the editor); nothing reaches the workspace until Save, which stores the draft as a new version of the
system (:mod:`.saving`). A text a field refused is never left behind silently: selecting another entry, changing
the tree, saving or closing first asks to go back to it or discard it; closing with edits not saved asks to save.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QWidget,
)

from egov_desk.core.points import to_points
from egov_desk.core.rules import RuleError, parse_rule
from egov_desk.core.system_draft import MISSING, Edit, Place, SystemDraft
from egov_desk.core.system_draft_checks import Finding, check
from egov_desk.ui.editors import RuleEditor, editor_for
from egov_desk.ui.language import ui_language
from egov_desk.ui.system_editor import step_names
from egov_desk.ui.system_editor.draft_places import item_points, near, next_code
from egov_desk.ui.system_editor.draft_steps import DraftStep
from egov_desk.ui.system_editor.editor_widgets import FORM_PAGE, RULE_PAGE, EditorLayout
from egov_desk.ui.system_editor.entry_forms import EntryForm
from egov_desk.ui.system_editor.exports import export_xlsx
from egov_desk.ui.system_editor.refusals import Refusal, ask_about_refused
from egov_desk.ui.system_editor.rule_form import RuleForm
from egov_desk.ui.system_editor.tab_order import chain_tab_order
from egov_desk.ui.system_editor.unsaved import ask_about_unsaved

PLACE = Qt.ItemDataRole.UserRole
FIELD = Qt.ItemDataRole.UserRole + 1


class SystemEditor(EditorLayout):
    def __init__(
        self,
        draft: SystemDraft,
        parent: QWidget | None = None,
        saver: Callable[[SystemEditor], None] | None = None,
    ) -> None:
        super().__init__(parent, saver is not None)
        self.saver = saver
        self.saved = False
        self.setObjectName("systemEditor")
        self.draft = draft
        self.findings: list[Finding] = []
        self.last_message: QMessageBox | None = None
        self.shown_place: Place | None = None
        self.rule_form: RuleForm | None = None
        self.preview_editor: RuleEditor | None = None
        self._refreshing = False
        self.setWindowTitle(self.tr("Edit the indicator system — %1").replace("%1", str(draft.data.get("title", ""))))
        self._connect()
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(max(min(screen.width(), 1000), int(screen.width() * 0.92)), int(screen.height() * 0.92))
        self.setMinimumSize(800, 560)  # fits 1024×768 with the window's frame
        self.refresh(None)

    def _connect(self) -> None:
        self.tree.currentItemChanged.connect(lambda _now, _before: self._selection_asked())
        self.tree.key_asked.connect(self.key_asked)
        self.tree.move_asked.connect(lambda place, to: self.leave_entry(lambda: self.move_entry(place, to)))
        self.tree.rename_asked.connect(self.rename)
        for form in (self.level_form, self.item_form):
            form.field_edited.connect(self.set_field)
        self.item_form.code_taken = self._code_taken
        self.problems.itemActivated.connect(lambda row: self.go_to_finding(row, focus_field=True))
        self.problems.itemClicked.connect(lambda row: self.go_to_finding(row, focus_field=False))
        self.save_button.clicked.connect(self.save)
        self.json_button.clicked.connect(self.ask_export_json)
        self.xlsx_button.clicked.connect(self.ask_export_xlsx)
        self.close_button.clicked.connect(self.close)

    # --- showing the draft ----------------------------------------------------------------------------

    def refresh(self, select: Place | None, *, source: str = "") -> None:
        """Show the tree and what is wrong again; keep ``select`` (or what was selected) selected. ``source``: the
        form the edit came from ("entry", "points", "rule"), whose typing is not shown again."""
        self._refreshing = True
        try:
            self.tree.show_draft(self.draft, select if select is not None else self.shown_place)
        finally:
            self._refreshing = False
        self.findings = check(self.draft)
        self.problems.clear()
        chinese = ui_language().startswith("zh")
        for finding in self.findings:
            mark = "✖ " if finding.severity == "error" else "⚠ "
            row = QListWidgetItem(mark + finding.text(chinese), self.problems)
            row.setData(PLACE, finding.place)
            row.setData(FIELD, finding.field)
        if not self.findings:
            QListWidgetItem(self.tr("Nothing to check: the parts add up and every code is its own."), self.problems)
        place = self.tree.current_place()
        if source and place == self.shown_place and place is not None:
            if source == "points":  # the rule followed the points: its form and the try-out show the new ones
                self._show_rule(self.draft.entry(place))
            else:
                self._show_preview()
            return
        self._show_place(place)

    def _selection_asked(self) -> None:
        place = self.tree.current_place()
        if self._refreshing or place == self.shown_place:
            return
        if self.refusal() is None:
            self._show_place(place)
            return
        # after the selection has settled (a dialog inside currentItemChanged would re-enter the view)
        QTimer.singleShot(0, self, lambda: self.leave_entry(lambda: self.tree.select(place)))

    def _show_place(self, place: Place | None) -> None:
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
        self.pages.setTabEnabled(RULE_PAGE, item is not None)
        if item is not None:
            self.rule_form = RuleForm(item.get("scoring") or {"type": "manual"}, item_points(item), self.rule_box)
            self.rule_form.edited.connect(lambda definition: self.set_field("scoring", definition, source="rule"))
            self.rule_layout.addWidget(self.rule_form)
        self._show_preview()

    def _show_preview(self) -> None:
        if self.preview_editor is not None:
            self.preview_editor.hide()
            self.preview_editor.deleteLater()
            self.preview_editor = None
        place = self.shown_place
        if place is None or not place.is_item:
            self._tab_order()
            return
        item = self.draft.entry(place)
        try:
            rule = parse_rule(item.get("scoring") or {"type": "manual"}, "rule", default_max=item_points(item))
        except (RuleError, TypeError, ValueError) as error:
            self.preview_problem.setText(self.tr("The rule cannot score yet: %1").replace("%1", str(error)))
            self.preview_problem.show()
        else:
            self.preview_problem.hide()
            self.preview_editor = editor_for(rule, self.preview_box)
            self.preview_editor.show_input(None)
            self.preview_layout.addWidget(self.preview_editor)
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab goes from the tree and its buttons to the page shown, its form (or its rule, then the try-out), the
        findings and the buttons below — the rule form and the try-out are built anew for each item."""
        chain_tab_order(
            [self.tree, *self.tree_buttons, self.pages.tabBar()],
            [self.forms.currentWidget(), self.rule_form, self.preview_editor],
            [self.problems, self.json_button, self.xlsx_button, self.save_button, self.close_button],
        )

    # --- findings -------------------------------------------------------------------------------------

    def go_to_finding(self, row: QListWidgetItem, *, focus_field: bool = True) -> None:
        """Select the finding's place; with ``focus_field`` (Enter or a double-click) also the field to correct."""
        place, field = row.data(PLACE), row.data(FIELD)
        if place is not None:
            self.leave_entry(lambda: self._show_finding(place, str(field or "") if focus_field else ""))

    def _show_finding(self, place: Place, field: str) -> None:
        self.tree.select(place)
        widget = self.field_widget(field)
        if widget is None:
            self.tree.setFocus()
            return
        self.pages.setCurrentIndex(RULE_PAGE if field == "scoring" else FORM_PAGE)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def shown_form(self) -> EntryForm:
        item = self.shown_place is not None and self.shown_place.is_item
        return self.item_form if item else self.level_form

    def field_widget(self, key: str) -> QWidget | None:
        """The widget of the field ``key`` of the entry shown (the rule's type for ``scoring``)."""
        if key == "scoring":
            return self.rule_form.type_combo if self.rule_form is not None else None
        form = self.shown_form()
        return form.lines.get(key)

    # --- refused texts ----------------------------------------------------------------------------------

    def refusal(self) -> Refusal | None:
        """A field of the entry shown that holds a text it refused, if any."""
        form = self.shown_form()
        found = form.refusal()
        if found is None and self.rule_form is not None:
            found = self.rule_form.refusal()
        return found

    def leave_entry(self, then: Callable[[], None]) -> bool:
        """Do ``then`` now when no field holds a refused text (True); else keep the entry selected and ask: go
        back to the field (the default), or discard what it holds and do ``then``."""
        refusal = self.refusal()
        if refusal is None or self.shown_place is None:
            then()
            return True
        self._refreshing = True
        try:
            self.tree.select(self.shown_place)
        finally:
            self._refreshing = False
        where = step_names.entry_name(self.draft, self.shown_place)
        self.last_message = ask_about_refused(
            self, where, refusal, lambda: self._go_back_to(refusal), lambda: self._discard_then(then)
        )
        return False

    def _go_back_to(self, refusal: Refusal) -> None:
        on_rule_page = self.rule_form is not None and self.rule_form.isAncestorOf(refusal.field)
        self.pages.setCurrentIndex(RULE_PAGE if on_rule_page else FORM_PAGE)
        self.activateWindow()
        refusal.field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(refusal.field, QLineEdit):
            refusal.field.selectAll()

    def _discard_then(self, then: Callable[[], None]) -> None:
        self._show_place(self.shown_place)
        then()

    def _code_taken(self, code: str) -> bool:
        found = [p for p in self.draft.places() if p.is_item and str(self.draft.entry(p).get("code", "")) == code]
        return any(place != self.shown_place for place in found)

    # --- edits ------------------------------------------------------------------------------------------

    def push(self, text: str, edit: Edit | None, *, source: str = "") -> None:
        if edit is None:
            return
        self.undo_stack.push(DraftStep(text, self.draft, edit, self.shown))
        self.shown(edit, source=source)

    def shown(self, edit: Edit, *, source: str = "") -> None:
        self.refresh(edit.place if edit.place is not None else near(edit), source=source)

    def set_field(self, key: str, value: Any, *, source: str = "entry") -> None:
        place = self.shown_place
        if place is None:
            return
        name = step_names.change(self.draft, place, key)
        if key == "points" and place.is_item and value is not None:
            self.push(name, self.draft.set_item_points(place, to_points(value)), source="points")
            return
        self.push(name, self.draft.set(place, key, MISSING if value is None else value), source=source)

    def rename(self, place: Place, text: str) -> None:
        name = text.strip()
        value = MISSING if not name and place.is_item else name
        self.push(step_names.change(self.draft, place, "name"), self.draft.set(place, "name", value))

    def move_entry(self, place: Place, to: Place) -> None:
        self.push(step_names.move(self.draft, place), self.draft.move(place, to))

    def key_asked(self, what: str) -> None:
        """A key or action on the tree's entry selected (Insert, Shift+Insert, Delete, F2, Alt+arrows)."""
        self.leave_entry(lambda: self._tree_action(what))

    def _tree_action(self, what: str) -> None:
        place = self.tree.current_place()
        moves = {
            "up": self.draft.move_up,
            "down": self.draft.move_down,
            "indent": self.draft.indent,
            "outdent": self.draft.outdent,
        }
        if what in moves and place is not None:
            name = step_names.move(self.draft, place)
            self.push(name, moves[what](place))
        elif what == "delete" and place is not None:
            self.push(step_names.removal(self.draft, place), self.draft.remove(place))
        elif what == "insert":
            self.add_item(place)
        elif what == "insert_level":
            self.add_level(place)
        elif what == "rename":
            self.tree.rename()
            return
        self.tree.setFocus()

    def add_item(self, place: Place | None) -> None:
        if place is None:
            return
        level = place.level
        at = place.item + 1 if place.item is not None else None
        edit = self.draft.add_item(level, next_code(self.draft), Decimal(0), at=at)
        self.push(step_names.new_item(), edit)

    def add_level(self, place: Place | None) -> None:
        name = self.tr("New level")
        if place is None:
            edit = self.draft.add_level((), name)
        elif place.is_item:
            edit = self.draft.add_level(place.level, name)
        else:
            edit = self.draft.add_level(place.level[:-1], name, at=place.level[-1] + 1)
        self.push(step_names.new_level(), edit)

    def add_sub_level(self, parent: Place, name: str) -> None:
        self.push(step_names.new_level(), self.draft.add_level(parent.level, name))

    # --- saving, closing and exporting ------------------------------------------------------------------

    def _finish_typing(self) -> None:
        """The field being typed in is finished (its text kept or refused) before saving or closing."""
        focused = self.focusWidget()
        if focused is not None and focused is not self.tree:
            focused.clearFocus()

    def save(self) -> None:
        """Store the draft as a new version (:mod:`.saving`), unless something stops it."""
        if self.saver is None:
            return
        self._finish_typing()
        self.leave_entry(self._save_now)

    def _save_now(self) -> None:
        if self.saver is None:
            return
        errors = [finding for finding in self.findings if finding.severity == "error"]
        if errors:
            self.go_to_finding(self.problems.item(0))
            text = self.tr("Not saved: %1 problem(s) marked ✖ below stop it. Correct them, then save again.")
            self.tell(QMessageBox.Icon.Warning, text.replace("%1", str(len(errors))))
            return
        self.saver(self)

    def reject(self) -> None:
        """Esc, the window's ×, Close: at once when nothing is left unsaved; else asked first."""
        if self.saved or not self.isVisible():
            super().reject()
            return
        self._finish_typing()
        self.leave_entry(self._close_when_saved)

    def _close_when_saved(self) -> None:
        if self.undo_stack.isClean() or self.saver is None:
            QDialog.reject(self)
            return
        self.last_message = ask_about_unsaved(self, self.save, lambda: QDialog.reject(self))

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
