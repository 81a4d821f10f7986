"""The window's named actions: its menus and toolbar hold them, a read-only window disables the writing ones."""

from __future__ import annotations

from PySide6.QtGui import QAction


class Actions:
    """Made by :class:`egov_desk.ui.menus.Menus` as it builds the menus, in menu order (the help lists the
    shortcuts in the order the actions were made); the window keeps them as ``window.menu_actions`` (not
    ``actions``: that is QWidget's list of the widget's own actions)."""

    new_workspace_action: QAction
    open_workspace_action: QAction
    import_action: QAction
    new_assessment_action: QAction
    details_action: QAction
    read_scores_action: QAction
    export_package_action: QAction
    verify_evidence_action: QAction
    backup_action: QAction
    restore_action: QAction
    undo_action: QAction
    redo_action: QAction
    find_action: QAction
    next_unscored_action: QAction
    previous_unscored_action: QAction
    edit_score_action: QAction
    focus_tree_action: QAction
    add_evidence_action: QAction
    demo_action: QAction

    def __init__(self) -> None:
        self.language_actions: dict[str, QAction] = {}

    def writing(self) -> tuple[QAction, ...]:
        """The actions that would change the workspace: a read-only window offers none of them."""
        return (
            self.import_action,
            self.read_scores_action,
            self.new_assessment_action,
            self.details_action,
            self.add_evidence_action,
            self.backup_action,
            self.restore_action,
        )
