"""装订成册 in the window: the item shown (Ctrl+B; also in the evidence checklist's menu), a department (Ctrl+Shift+B;
also the departments view's context menu) and the whole unit (Ctrl+Alt+B), all three under 文件 → 导出. Each asks
where to save, proposing "<单位>-<年度>-<编号|科室|全部>-装订册.pdf", and writes in the background (run.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QMenu, QMessageBox

from egov_desk.core.binder import DEPARTMENT, ITEM, UNIT, Scope, lead_counts, nothing_led
from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.ui.binder.chooser import choose_department
from egov_desk.ui.binder.run import BinderRun
from egov_desk.ui.dialogs.choose import save_path
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.panels.evidence_panel import EvidencePanel

ITEM_KEYS, DEPARTMENT_KEYS, UNIT_KEYS = "Ctrl+B", "Ctrl+Shift+B", "Ctrl+Alt+B"


def export_menu(window: QMainWindow) -> QMenu | None:
    """文件 → 导出, found by its title as the menus name it."""
    title = QCoreApplication.translate("Menus", "E&xport")
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title() == title:
            return menu
    return None


class Binders(QObject):
    def __init__(
        self, window: QMainWindow, context: WindowContext, departments: QAbstractItemView, evidence: EvidencePanel
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.departments = departments
        self.run: BinderRun | None = None  # the last binder started (tests wait on its job)
        self.item_action = self._action(
            self.tr("Bind this &item into one PDF…"),
            lambda: self.bind_item(),
            ITEM_KEYS,
            self.tr("The item's cover, checklist and every evidence page in one PDF, stamped and bookmarked"),
        )
        self.department_action = self._action(
            self.tr("Bind a depar&tment's items into one PDF…"),
            lambda: self.bind_department(),
            DEPARTMENT_KEYS,
            self.tr("Every item the department leads, with a table of contents, in one PDF"),
        )
        self.unit_action = self._action(
            self.tr("Bind the whole &unit into one PDF…"),
            lambda: self.bind_unit(),
            UNIT_KEYS,
            self.tr("Every item of the assessment with its evidence, for evaluators to page through"),
        )
        menu = export_menu(window)
        if menu is not None:
            menu.addSeparator()
            menu.addActions([self.item_action, self.department_action, self.unit_action])
        else:
            window.addActions([self.item_action, self.department_action, self.unit_action])
        # The departments view: right-click (or the Menu key) on a department or one of its items.
        self.view_action = QAction(self.tr("Bind this department into one PDF…"), departments)
        self.view_action.triggered.connect(lambda _checked=False: self.bind_department(self.department_in_view()))
        departments.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        departments.addAction(self.view_action)
        evidence.menu_built.connect(self._evidence_menu)  # the evidence checklist's right-click menu, at its end

    def _action(self, text: str, slot: Callable[[], object], keys: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _evidence_menu(self, menu: QMenu, _requirement: object) -> None:
        """装订成册 at the end of the evidence checklist's context menu (a fresh action the menu owns)."""
        action = QAction(self.tr("Bind this item into one PDF…"), menu)
        action.setShortcut(QKeySequence(ITEM_KEYS))
        action.triggered.connect(lambda _checked=False: self.bind_item())
        menu.addSeparator()
        menu.addAction(action)

    # --- what to bind ----------------------------------------------------------------------------

    def department_in_view(self) -> str | None:
        """The department of the departments view's current row (the row itself, or an item's parent)."""
        index = self.departments.currentIndex()
        if not index.isValid():
            return None
        while index.parent().isValid():
            index = index.parent()
        return str(index.siblingAtColumn(0).data() or "") or None

    def bind_item(self, target: Path | None = None) -> BinderRun | None:
        item = self.context.current_item()
        if item is None:
            self._say(
                self.tr(
                    "Choose an item in the indicator tree first: a level has no evidence of its own. "
                    "To bind every item, use File → Export → Bind the whole unit (Ctrl+Alt+B)."
                )
            )
            return None
        return self._bind(Scope(ITEM, item.code), item.code, target)

    def bind_department(self, department: str | None = None, target: Path | None = None) -> BinderRun | None:
        """``department`` named (the departments view's menu): bound, or refused when it leads no item; else the
        chooser, which lists each department's lead items and greys out those leading none."""
        counts = lead_counts(self.context.workspace, self.context.assessment.id)
        if not any(counts.values()):
            self._say(self.tr("No item of this indicator system names a department. Bind the whole unit instead."))
            return None
        if department is not None and department in counts and not counts[department]:
            self._say(say(nothing_led(department), ui_language()))
            return None
        chosen = department or self.context.default_department()
        if chosen is None or not counts.get(chosen):
            chosen = choose_department(self.context.parent, counts, self.department_in_view() or chosen)
            if chosen is None:
                return None
        return self._bind(Scope(DEPARTMENT, chosen), chosen, target)

    def bind_unit(self, target: Path | None = None) -> BinderRun | None:
        return self._bind(Scope(UNIT), "全部", target)

    def _bind(self, scope: Scope, part: str, target: Path | None) -> BinderRun | None:
        assessment = self.context.assessment
        if target is None:
            name = safe_name(f"{assessment.unit}-{assessment.year}-{part}-装订册", limit=120) + ".pdf"
            target = save_path(self.context.parent, self.tr("Save the binder"), name, self.tr("PDF (*.pdf)"))
            if target is None:
                return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        self.run = BinderRun(self.context, scope, target)
        self.run.start()
        return self.run

    def _say(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Bind into one PDF"), text, parent=self.context.parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context.show(box)
