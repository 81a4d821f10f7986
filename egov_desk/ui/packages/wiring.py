"""The work packages' actions in the window's File menu: 导出科室工作包… (the office), 打开工作包… and 生成回执…
(a department), each with a shortcut; and 科室填报 mode when the workspace is a department's.

The window makes one :class:`PackageWork` after its menus, its review desk and its history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from egov_desk.core.packages.department import department_mode
from egov_desk.ui.packages.department_mode import DepartmentDesk, DepartmentWindow
from egov_desk.ui.packages.export_dialog import PackageExports
from egov_desk.ui.packages.open_package import GIVEN_RETURNS, PackageOpening
from egov_desk.ui.packages.return_step import ReturnStep

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext

EXPORT_KEYS = "Ctrl+Shift+E"
OPEN_KEYS = "Ctrl+Shift+O"
RETURN_KEYS = "Ctrl+Shift+G"  # Ctrl+Shift+R is 退回 (Review → Return this item)


def file_menu(window: QMainWindow) -> QMenu | None:
    menus = window.menuBar().actions()
    first = menus[0].menu() if menus else None
    return first if isinstance(first, QMenu) else None


class PackageWork(QObject):
    def __init__(self, window: QMainWindow, shown: DepartmentWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.exports = PackageExports(context)
        self.opening = PackageOpening(window, context.runner)
        self.opening.finished.connect(self._opened)
        self.opening.take_return = self._import_return
        self.opened: Path | None = None  # the department workspace made or found last (a window without a shell)
        self.returning = ReturnStep(context)
        read_only = context.workspace.read_only
        self.export_action = self._action(
            self.tr("Export department work packa&ges…"),
            self.exports.ask,
            EXPORT_KEYS,
            self.tr("One .egovpkg per department, to fill in on its own PC and send back as a return"),
        )
        self.export_action.setEnabled(not read_only)
        self.open_action = self._action(
            self.tr("Open a department wor&k package…"),
            self.opening.ask,
            OPEN_KEYS,
            self.tr("Make a department's workspace from the work package it was sent, and open it"),
        )
        self.open_action.setEnabled(context.shell is not None)
        self.return_action = self._action(
            self.tr("&Make the return…"),
            self.returning.start,
            RETURN_KEYS,
            self.tr(
                "What this department changed, and its new files, in one file to give back to the package's sender"
            ),
        )
        mode = department_mode(context.workspace)
        self.return_action.setEnabled(mode is not None and not read_only)
        if mode is None:
            self.return_action.setStatusTip(self.tr("Only in a department's workspace, made from a work package"))
        menu = file_menu(window)
        if menu is not None:
            self._insert_after_export_package(menu, [self.export_action, self.return_action])
            self._insert_after_open_workspace(menu, self.open_action)
        self.department: DepartmentDesk | None = None
        if mode is not None:
            self.department = DepartmentDesk(window, shown, mode, self.returning.start)
            self.department.disable(self.export_action)
        elif GIVEN_RETURNS:  # egov-desk some-return.egovpkg: once the window is up, its import
            given = list(GIVEN_RETURNS)
            GIVEN_RETURNS.clear()
            QTimer.singleShot(0, self, lambda: [self._import_return(path) for path in given])

    def _import_return(self, path: Path) -> bool:
        """A return given to 打开工作包…: the office's import of returns takes it, where the window has one."""
        importing = getattr(self.window, "return_import", None)
        if self.department is not None or importing is None:
            return False
        importing.start([path])
        return True

    def _opened(self, folder: Path | None) -> None:
        self.opened = folder
        shell = self.context.shell
        if folder is not None and shell is not None:
            shell.open_folder(folder, create=False)

    def _action(self, text: str, slot: Callable[[], object], keys: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _insert_after_open_workspace(self, menu: QMenu, action: QAction) -> None:
        entries = menu.actions()
        anchor = getattr(getattr(self.window, "menu_actions", None), "open_workspace_action", None)
        position = entries.index(anchor) + 1 if anchor in entries else 0
        if position < len(entries):
            menu.insertAction(entries[position], action)
        else:
            menu.addAction(action)

    def _insert_after_export_package(self, menu: QMenu, actions: list[QAction]) -> None:
        """After 导出佐证材料包… (the evidence ZIP), before what follows it."""
        entries = menu.actions()
        anchor = getattr(self.window, "menu_actions", None)
        evidence = getattr(anchor, "export_package_action", None)
        position = entries.index(evidence) + 1 if evidence in entries else len(entries)
        before = entries[position] if position < len(entries) else None
        for action in actions:
            if before is None:
                menu.addAction(action)
            else:
                menu.insertAction(before, action)
