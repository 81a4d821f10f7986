"""The editor's menus: 文件 (save as a new version, export, close) and 编辑 (undo and redo with the names of their
steps, then the tree's actions). Each action shows its key in the menu and in its tooltip; the tree's keys work
while the tree has the focus (Alt+↑ in a text field stays the field's), saving and closing anywhere in the editor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMenuBar

from egov_desk.ui.menus import redo_shortcuts
from egov_desk.ui.system_editor.draft_tree import DraftTree


@dataclass(frozen=True)
class MenuCalls:
    """What the editor does for each action."""

    key_asked: Callable[[str], None]  # a tree action: "insert", "insert_level", "rename", "delete", "up", …
    save: Callable[[], None]
    export_json: Callable[[], None]
    export_xlsx: Callable[[], None]
    close: Callable[[], object]


@dataclass(frozen=True)
class EditorMenus:
    bar: QMenuBar
    save: QAction
    undo: QAction
    redo: QAction
    tree_actions: list[QAction]


def _action(dialog: QDialog, text: str, keys: str, call: Callable[[], object]) -> QAction:
    action = QAction(text, dialog)
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(
            QCoreApplication.translate("SystemEditor", "%1 (shortcut: %2)")
            .replace("%1", text.replace("&", ""))
            .replace("%2", keys)
        )
    action.triggered.connect(lambda _checked=False: call())
    return action


def _tree_actions(dialog: QDialog, tree: DraftTree, ask: Callable[[str], None]) -> list[QAction]:
    """The tree's actions; their keys work while the tree has the focus."""
    actions = [
        _action(dialog, QCoreApplication.translate("SystemEditor", "Add an &item"), "Insert", lambda: ask("insert")),
        _action(
            dialog,
            QCoreApplication.translate("SystemEditor", "Add a &level"),
            "Shift+Insert",
            lambda: ask("insert_level"),
        ),
        _action(dialog, QCoreApplication.translate("SystemEditor", "Re&name"), "F2", lambda: ask("rename")),
        _action(dialog, QCoreApplication.translate("SystemEditor", "&Remove"), "Del", lambda: ask("delete")),
        _action(dialog, QCoreApplication.translate("SystemEditor", "Move &up"), "Alt+Up", lambda: ask("up")),
        _action(dialog, QCoreApplication.translate("SystemEditor", "Move &down"), "Alt+Down", lambda: ask("down")),
        _action(
            dialog, QCoreApplication.translate("SystemEditor", "One level u&p"), "Alt+Left", lambda: ask("outdent")
        ),
        _action(
            dialog, QCoreApplication.translate("SystemEditor", "One level dow&n"), "Alt+Right", lambda: ask("indent")
        ),
    ]
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tree.addAction(action)
    return actions


def build_menus(dialog: QDialog, tree: DraftTree, undo_stack: QUndoStack, calls: MenuCalls, excel: bool) -> EditorMenus:
    bar = QMenuBar(dialog)
    file_menu = bar.addMenu(QCoreApplication.translate("SystemEditor", "&File"))
    save = _action(dialog, QCoreApplication.translate("SystemEditor", "&Save as a new version"), "Ctrl+S", calls.save)
    save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    dialog.addAction(save)
    file_menu.addAction(save)
    file_menu.addAction(
        _action(dialog, QCoreApplication.translate("SystemEditor", "Export &JSON…"), "", calls.export_json)
    )
    export_excel = _action(dialog, QCoreApplication.translate("SystemEditor", "Export &Excel…"), "", calls.export_xlsx)
    export_excel.setEnabled(excel)
    file_menu.addAction(export_excel)
    file_menu.addSeparator()
    close = _action(
        dialog, QCoreApplication.translate("SystemEditor", "&Close") + "\tEsc", "", calls.close
    )  # Esc is the dialog's own key: shown only
    close.setToolTip(
        QCoreApplication.translate("SystemEditor", "%1 (shortcut: %2)")
        .replace("%1", QCoreApplication.translate("SystemEditor", "Close"))
        .replace("%2", "Esc")
    )
    file_menu.addAction(close)

    edit_menu = bar.addMenu(QCoreApplication.translate("SystemEditor", "&Edit"))
    undo = undo_stack.createUndoAction(dialog, QCoreApplication.translate("SystemEditor", "Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = undo_stack.createRedoAction(dialog, QCoreApplication.translate("SystemEditor", "Redo"))
    redo.setShortcuts(redo_shortcuts())
    for action in (undo, redo):
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        dialog.addAction(action)
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    tree_actions = _tree_actions(dialog, tree, calls.key_asked)
    for number, action in enumerate(tree_actions):
        if number == 4:  # the moves
            edit_menu.addSeparator()
        edit_menu.addAction(action)
    return EditorMenus(bar, save, undo, redo, tree_actions)
