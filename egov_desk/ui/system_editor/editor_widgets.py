"""The editor's widgets, laid out: the tree with its buttons and keys (left); the level's or item's fields on one
page and the rule beside its try-out on another (right), so that at 1024×768 the try-out of a sum of parts shows
without scrolling; the findings below; export, save and close at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenuBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from egov_desk.ui.system_editor.draft_tree import DraftTree
from egov_desk.ui.system_editor.editor_menu import MenuCalls, build_menus
from egov_desk.ui.system_editor.entry_forms import ItemForm, LevelForm
from egov_desk.ui.system_editor.exports import xlsx_writer

FORM_PAGE, RULE_PAGE = 0, 1


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll


def _button(editor: EditorLayout, text: str, tip: str) -> QPushButton:
    button = QPushButton(text, editor)
    button.setToolTip(tip)
    button.setAutoDefault(False)
    return button


def _tree_side(editor: EditorLayout) -> QWidget:
    editor.tree = DraftTree(editor)
    add_level = _button(
        editor,
        QCoreApplication.translate("SystemEditor", "Add level"),
        QCoreApplication.translate("SystemEditor", "A level after the one selected (Shift+Insert)"),
    )
    add_level.clicked.connect(lambda: editor.key_asked("insert_level"))
    add_item = _button(
        editor,
        QCoreApplication.translate("SystemEditor", "Add item"),
        QCoreApplication.translate(
            "SystemEditor", "An item in the level selected, or after the item selected (Insert)"
        ),
    )
    add_item.clicked.connect(lambda: editor.key_asked("insert"))
    remove = _button(
        editor,
        QCoreApplication.translate("SystemEditor", "Remove"),
        QCoreApplication.translate("SystemEditor", "Remove the level or item selected (Delete)"),
    )
    remove.clicked.connect(lambda: editor.key_asked("delete"))
    keys = QLabel(
        QCoreApplication.translate(
            "SystemEditor", "Keys: Insert item, Shift+Insert level, F2 rename, Del remove, Alt+arrows move, Ctrl+S save"
        ),
        editor,
    )
    keys.setObjectName("systemEditorKeys")
    keys.setStyleSheet("color: #475569;")
    keys.setWordWrap(True)
    side = QWidget(editor)
    layout = QVBoxLayout(side)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor.tree)
    buttons = QHBoxLayout()
    for button in (add_level, add_item, remove):
        buttons.addWidget(button)
    layout.addLayout(buttons)
    layout.addWidget(keys)
    editor.tree_buttons = [add_level, add_item, remove]
    return side


def _rule_page(editor: EditorLayout) -> QWidget:
    editor.rule_box = QGroupBox(QCoreApplication.translate("SystemEditor", "Rule"), editor)
    editor.rule_layout = QVBoxLayout(editor.rule_box)
    editor.preview_box = QGroupBox(QCoreApplication.translate("SystemEditor", "Try it: what inputs score"), editor)
    editor.preview_layout = QVBoxLayout(editor.preview_box)
    editor.preview_problem = QLabel(editor.preview_box)
    editor.preview_problem.setWordWrap(True)
    editor.preview_problem.setStyleSheet("color: #b91c1c;")
    editor.preview_layout.addWidget(editor.preview_problem)
    rule_side, preview_side = QWidget(editor), QWidget(editor)
    for side, box in ((rule_side, editor.rule_box), (preview_side, editor.preview_box)):
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)
        layout.addStretch(1)
    editor.rule_split = QSplitter(Qt.Orientation.Horizontal, editor)
    editor.rule_split.setObjectName("systemEditorRuleSplit")
    editor.rule_split.addWidget(_scrolling(rule_side, editor))
    editor.rule_split.addWidget(_scrolling(preview_side, editor))
    editor.rule_split.setChildrenCollapsible(False)
    editor.rule_split.setStretchFactor(0, 1)
    editor.rule_split.setSizes([290, 350])  # the try-out of a sum of parts (yes or no, then its boxes) in full
    return editor.rule_split


class EditorLayout(QDialog):
    """The editor's window with its widgets laid out; what the actions do is the editor's (:mod:`.dialog`)."""

    tree: DraftTree
    tree_buttons: list[QPushButton]
    level_form: LevelForm
    item_form: ItemForm
    forms: QStackedWidget
    pages: QTabWidget
    rule_box: QGroupBox
    rule_layout: QVBoxLayout
    rule_split: QSplitter
    preview_box: QGroupBox
    preview_layout: QVBoxLayout
    preview_problem: QLabel
    problems: QListWidget
    save_button: QPushButton
    json_button: QPushButton
    xlsx_button: QPushButton
    close_button: QPushButton
    menu_bar: QMenuBar
    save_action: QAction
    undo_action: QAction
    redo_action: QAction
    tree_actions: list[QAction]

    def __init__(self, parent: QWidget | None, can_save: bool) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        _build_widgets(self, can_save)

    def key_asked(self, what: str) -> None:
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def ask_export_json(self) -> None:
        raise NotImplementedError

    def ask_export_xlsx(self) -> None:
        raise NotImplementedError


def _build_widgets(editor: EditorLayout, can_save: bool) -> None:
    left = _tree_side(editor)
    editor.level_form, editor.item_form = LevelForm(editor), ItemForm(editor)
    editor.forms = QStackedWidget(editor)
    editor.forms.addWidget(editor.level_form)
    editor.forms.addWidget(editor.item_form)
    editor.pages = QTabWidget(editor)
    editor.pages.addTab(_scrolling(editor.forms, editor), QCoreApplication.translate("SystemEditor", "Level or item"))
    editor.pages.addTab(_rule_page(editor), QCoreApplication.translate("SystemEditor", "Rule and try-out"))
    editor.pages.setTabToolTip(
        RULE_PAGE, QCoreApplication.translate("SystemEditor", "Ctrl+Tab switches between the pages")
    )

    splitter = QSplitter(Qt.Orientation.Horizontal, editor)
    splitter.addWidget(left)
    splitter.addWidget(editor.pages)
    splitter.setStretchFactor(0, 1)  # a wider screen shows more of the names too
    splitter.setStretchFactor(1, 2)
    splitter.setSizes([320, 680])

    editor.problems = QListWidget(editor)
    editor.problems.setObjectName("systemEditorProblems")
    editor.problems.setMaximumHeight(80)
    editor.problems.setToolTip(
        QCoreApplication.translate("SystemEditor", "Enter or double-click goes to the place and its field")
    )

    save_tip = (
        QCoreApplication.translate("SystemEditor", "%1 (shortcut: %2)")
        .replace("%1", QCoreApplication.translate("SystemEditor", "Save as a new version"))
        .replace("%2", "Ctrl+S")
    )
    editor.save_button = _button(editor, QCoreApplication.translate("SystemEditor", "Save as a new version"), save_tip)
    editor.save_button.setEnabled(can_save)
    editor.json_button = _button(editor, QCoreApplication.translate("SystemEditor", "Export JSON…"), "")
    editor.xlsx_button = _button(editor, QCoreApplication.translate("SystemEditor", "Export Excel…"), "")
    if xlsx_writer() is None:
        editor.xlsx_button.setEnabled(False)
        editor.xlsx_button.setToolTip(
            QCoreApplication.translate("SystemEditor", "Writing a system as Excel is not part of this version yet")
        )
    editor.close_button = _button(
        editor,
        QCoreApplication.translate("SystemEditor", "Close"),
        QCoreApplication.translate("SystemEditor", "%1 (shortcut: %2)")
        .replace("%1", QCoreApplication.translate("SystemEditor", "Close"))
        .replace("%2", "Esc"),
    )
    bottom = QHBoxLayout()
    for widget in (editor.json_button, editor.xlsx_button):
        bottom.addWidget(widget)
    bottom.addStretch(1)
    bottom.addWidget(editor.save_button)
    bottom.addWidget(editor.close_button)

    layout = QVBoxLayout(editor)
    calls = MenuCalls(editor.key_asked, editor.save, editor.ask_export_json, editor.ask_export_xlsx, editor.close)
    menus = build_menus(editor, editor.tree, editor.undo_stack, calls, editor.xlsx_button.isEnabled())
    editor.menu_bar, editor.save_action, editor.tree_actions = menus.bar, menus.save, menus.tree_actions
    editor.undo_action, editor.redo_action = menus.undo, menus.redo
    layout.setMenuBar(editor.menu_bar)
    layout.addWidget(splitter, 1)
    layout.addWidget(QLabel(QCoreApplication.translate("SystemEditor", "To check"), editor))
    layout.addWidget(editor.problems)
    layout.addLayout(bottom)
