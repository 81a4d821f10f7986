"""科室填报 mode: the window over a department's workspace (made from its work package).

A banner under the toolbar says whose package it is («科室填报：办公室 · 第 2 个工作包 · 来自 张三 · 截止
2019-12-20») with 生成回执… beside it; the tree shows only the department's items at first (本科室项目, a tick in
the banner) and greys the others when they are shown; their editors are read-only with a line saying why (the core
refuses those writes anyway: the window does not offer them). The office's actions — the indicator system, a new
assessment or table, the assessment's details, work packages, the review stage and sign-off — are disabled, their
status tip saying why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, QTimer
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.deadlines import deadlines
from egov_desk.core.indicators import Item
from egov_desk.core.packages.department import DepartmentMode
from egov_desk.core.review_states import FILLER
from egov_desk.core.workspace import UNIT_GIVEN
from egov_desk.ui.models.tree_filter import EITHER
from egov_desk.ui.review_menu import FINALIZE, REOPEN, TO_REVIEW

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.actions import Actions
    from egov_desk.ui.panels.item_panel import ItemPanel
    from egov_desk.ui.review_desk import ReviewDesk

AnyIndex = QModelIndex | QPersistentModelIndex


def package_sender(mode: DepartmentMode | None) -> str:
    """The name of whoever made the package ("" when none was given): the one a return goes back to. Never "the
    office" — 办公室 is a department's name too."""
    made_by = mode.data.get("package_made_by") if mode is not None else None
    return str(made_by.get("name") or "") if isinstance(made_by, dict) else ""


def sender_said(mode: DepartmentMode | None) -> str:
    """张三（发出本工作包的人）, or 汇总方 when the package names nobody."""
    name = package_sender(mode)
    if name:
        return QCoreApplication.translate("DepartmentDesk", "%1 (who sent this package)").replace("%1", name)
    return QCoreApplication.translate("DepartmentDesk", "the coordinating side (who sent this package)")


class DepartmentWindow(Protocol):
    """What of the main window 科室填报 uses."""

    @property
    def workspace(self) -> Workspace: ...

    @property
    def panel(self) -> ItemPanel: ...

    @property
    def tree(self) -> QTreeView: ...

    @property
    def proxy(self) -> QSortFilterProxyModel: ...

    @property
    def department_combo(self) -> QComboBox: ...

    @property
    def role_combo(self) -> QComboBox: ...

    @property
    def menu_actions(self) -> Actions: ...

    @property
    def review(self) -> ReviewDesk: ...


def item_of(index: AnyIndex) -> Item | None:
    """The item a tree row shows, through the window's filter."""
    model = index.model()
    if isinstance(model, QSortFilterProxyModel):
        source = model.sourceModel()
        entry = getattr(source, "entry", None)
        found = entry(model.mapToSource(index)) if entry is not None else None
        return found if isinstance(found, Item) else None
    return None


class OutsideGreyed(QStyledItemDelegate):
    """Rows of items outside the department in the disabled text colour."""

    def __init__(self, codes: set[str], parent: QObject) -> None:
        super().__init__(parent)
        self.codes = codes

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        item = item_of(index)
        if item is not None and item.code not in self.codes:
            palette = option.palette
            grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            palette.setColor(QPalette.ColorRole.Text, grey)
            palette.setColor(QPalette.ColorRole.WindowText, grey)
            option.palette = palette


class DepartmentBanner(QFrame):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentBanner")
        self.setStyleSheet(
            "#departmentBanner { background: #e8f1fb; border-bottom: 1px solid #9dbbe0; }"
            "#departmentBanner QLabel { color: #173a63; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel(text)
        self.label.setObjectName("departmentBannerText")
        self.label.setWordWrap(True)
        self.own_only = QCheckBox(self.tr("Only this department's &items"))
        self.own_only.setChecked(True)
        self.make_return = QPushButton(self.tr("&Make the return…"))
        self.make_return.setObjectName("makeReturnButton")
        row.addWidget(self.label, 1)
        row.addWidget(self.own_only)
        row.addWidget(self.make_return)


class DepartmentDesk(QObject):
    def __init__(
        self, window: QMainWindow, shown: DepartmentWindow, mode: DepartmentMode, return_slot: Callable[[], object]
    ) -> None:
        super().__init__(window)
        self.window, self.shown, self.mode = window, shown, mode
        self.codes = set(mode.codes)
        workspace = shown.workspace
        person = workspace.person
        if (person.role, person.department) != (FILLER, mode.department):  # always its own 填报人 here
            workspace.set_person(replace(person, role=FILLER, department=mode.department))
            shown.review.reload()
        if not workspace.read_only and not workspace.unit_given():
            workspace.set_setting(UNIT_GIVEN, True)  # the unit is the office's, from the package: not asked here
        self.banner = DepartmentBanner(self.banner_text())
        area = window.centralWidget()
        layout = area.layout() if area is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.banner)  # under the toolbar, over everything else
        self.banner.make_return.clicked.connect(lambda: return_slot())
        self.banner.own_only.toggled.connect(self.show_own_only)
        self.delegate = OutsideGreyed(self.codes, self)
        shown.tree.setItemDelegate(self.delegate)
        shown.panel.review_bar.followed.connect(self.lock_outside)  # after the review desk's own lock
        shown.proxy.sourceModelChanged.connect(self._filter_soon)  # the assessment shown again: its filter too
        self._filter_soon()  # once the window has shown the assessment and listed its departments
        self.disable_office_actions()
        QTimer.singleShot(0, self, self.disable_office_actions)  # after the window enabled its writing actions
        review_menu = shown.review.menu
        review_menu.menu.aboutToShow.connect(self.disable_sign_off)
        self.disable_sign_off()
        self.lock_outside()
        window.windowTitleChanged.connect(self.mark_title)  # the window names the assessment again and again
        self.mark_title(window.windowTitle())

    # --- what is shown ----------------------------------------------------------------------------

    def banner_text(self) -> str:
        mode, workspace = self.mode, self.shown.workspace
        parts = [
            self.tr("Department filling-in: %1").replace("%1", mode.department),
            self.tr("work package %1").replace("%1", str(mode.sequence)),
        ]
        sender = self._sender(mode.data.get("package_made_by"))
        if sender:
            parts.append(self.tr("from %1").replace("%1", sender))
        due = deadlines(workspace, mode.assessment).departments.get(mode.department)
        if due is None:
            due = workspace.assessment(mode.assessment).deadline
        if due is not None:
            parts.append(self.tr("due %1").replace("%1", due.isoformat()))
        return " · ".join(parts)

    def mark_title(self, title: str) -> None:
        """The window's title starts with 科室填报 · the department, like the banner."""
        mark = self.tr("Department filling-in · %1 — ").replace("%1", self.mode.department)
        if not title.startswith(mark):
            self.window.setWindowTitle(mark + title)

    @staticmethod
    def _sender(made_by: Any) -> str:
        if not isinstance(made_by, dict):
            return ""
        words = [str(made_by.get(key) or "") for key in ("department", "name")]
        said = " ".join(word for word in words if word)
        return said or str(made_by.get("login") or "")

    def _filter_soon(self) -> None:
        QTimer.singleShot(0, self, lambda: self.show_own_only(self.banner.own_only.isChecked()))

    def show_own_only(self, own: bool) -> None:
        combo = self.shown.department_combo
        index = combo.findData(self.mode.department) if own else 0
        if index >= 0:
            self.shown.role_combo.setCurrentIndex(max(self.shown.role_combo.findData(EITHER), 0))
            combo.setCurrentIndex(index)

    def why_outside(self, item: Item) -> str:
        return (
            self.tr(
                "This is %1's department workspace: only its own items can be changed here; %2 is led by %3 "
                "(shown for context)."
            )
            .replace("%1", self.mode.department)
            .replace("%2", item.code)
            .replace("%3", item.lead or "—")
        )

    def lock_outside(self, _code: str = "") -> None:
        panel = self.shown.panel
        item = panel.item
        if item is None or item.code in self.codes:
            return
        panel.review_bar.show_note(self.why_outside(item))
        if not panel.read_only:
            panel.set_read_only(True)

    # --- what is not offered ----------------------------------------------------------------------

    def office_only(self) -> str:
        return (
            self.tr("Done by %2, not here: this is %1's department workspace (科室填报)")
            .replace("%1", self.mode.department)
            .replace("%2", sender_said(self.mode))
        )

    def disable(self, action: QAction) -> None:
        action.setEnabled(False)
        action.setStatusTip(self.office_only())
        action.setToolTip(self.office_only())

    def disable_office_actions(self) -> None:
        actions = self.shown.menu_actions
        for action in (actions.import_action, actions.new_assessment_action, actions.details_action):
            self.disable(action)
        system_editing = QCoreApplication.translate("Menus", "&Edit the indicator system…")
        for action in self.window.menuBar().actions():
            menu = action.menu()
            for entry in menu.actions() if isinstance(menu, QMenu) else []:
                if entry.text() == system_editing:
                    self.disable(entry)

    def disable_sign_off(self) -> None:
        for key in (TO_REVIEW, FINALIZE, REOPEN):
            self.disable(self.shown.review.menu.actions[key])
