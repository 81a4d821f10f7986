"""Several people at once, in the window.

- A server workspace's changes shown at once: its watch (core/server_watch.py) hears another client's commit on a
  thread of its own; :class:`ServerPush` turns that into a queued Qt signal, so the window's own "changed elsewhere"
  check runs on the UI thread as soon as it is heard, not at the next tick of its timer. Widgets are never touched
  off that thread. A SQLite file's watch has nothing to push: the timer asks it.
- A score or note someone changed since the person saw it (:class:`~egov_desk.core.stale_writes.StaleWrite`): the
  value stored now is shown at once — in the tree, the gauge and the editor — and the person's own value is not
  lost: 「用我的值覆盖」 (Alt+O) writes it again over the value now shown (an ordinary, undoable edit, refused in turn
  if that changed too), 「保留新值」 (Alt+K, the default) keeps theirs.
- A change heard while the person is typing over that very score or note: what they type stays in the field, and
  :func:`typing_over` keeps the value they began from as what they saw — their save is then refused as stale and
  offered the choice above, never written silently over what the other person just stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox, QWidget

from egov_desk.core.changes import Changes, ScoreChange
from egov_desk.core.indicators import Item
from egov_desk.core.messages import say
from egov_desk.core.points import compact, rounded
from egov_desk.core.scoring import score_item
from egov_desk.core.server_watch import DataWatch, ServerWatch
from egov_desk.core.stale_writes import INPUT, NOTE, StaleWrite
from egov_desk.core.workspace import AssessmentInfo, Workspace
from egov_desk.ui.language import ui_language
from egov_desk.ui.panels.item_panel import ItemPanel

KEEP, OVERWRITE = "keepTheirs", "overwriteWithMine"  # the buttons' object names


class ServerPush(QObject):
    heard = Signal()

    def __init__(self, parent: QObject, watch: ServerWatch, check: Callable[[], object]) -> None:
        super().__init__(parent)
        self.heard.connect(lambda: check(), Qt.ConnectionType.QueuedConnection)
        watch.on_change = self.heard.emit  # emitted on the watch's thread, run on this object's (the UI's)


def push_changes(parent: QObject, watch: DataWatch | None, check: Callable[[], object]) -> ServerPush | None:
    """Run ``check`` on the UI thread whenever ``watch`` (a server's) hears a change; None for any other watch."""
    if not isinstance(watch, ServerWatch):
        return None
    return ServerPush(parent, watch, check)


class TypedOver(Protocol):
    """What of the window showing a change :func:`typing_over` needs."""

    inputs: dict[str, Any]
    notes: dict[str, str]
    typed_from: dict[tuple[str, str], Any]  # (field, code) → the value shown when the person began typing
    panel: ItemPanel

    def current_item(self) -> Item | None: ...


def typing_over(shown: TypedOver, change: ScoreChange) -> bool:
    """Whether the person is typing over the score or note ``change`` brings (call it before ``shown`` takes the
    change in). If so the value shown before it is kept in ``typed_from`` as what they saw, so that saving what
    they type is refused as stale; else any such value of that field is forgotten."""
    item, panel = shown.current_item(), shown.panel
    before: Any
    if change.note is not None:
        key, before = (NOTE, change.code), shown.notes.get(change.code, "")
        typing = panel.note.toPlainText() not in (panel.note.saved, change.note)
    else:
        key, before = (INPUT, change.code), shown.inputs.get(change.code)
        editor = panel.editor
        typing = editor is not None and editor.unconfirmed() and editor.current_input() != change.input
    typing = typing and item is not None and item.code == change.code
    if typing:
        shown.typed_from.setdefault(key, before)
    else:
        shown.typed_from.pop(key, None)
    return typing


def seen_before(typed_from: dict[tuple[str, str], Any], field: str, code: str, shown: Any) -> Any:
    """What the person saw of ``field`` of item ``code`` when they began typing what they now save."""
    return typed_from.pop((field, code), shown)


class EditingWindow(Protocol):
    """What of the main window a stale edit needs."""

    workspace: Workspace
    assessment: AssessmentInfo
    inputs: dict[str, Any]
    notes: dict[str, str]
    last_message: QMessageBox | None
    panel: ItemPanel

    def current_item(self) -> Item | None: ...

    def apply(self, changes: Changes) -> None: ...

    def edit_input(self, code: str, inp: Any) -> None: ...

    def edit_note(self, code: str, text: str) -> None: ...


def offer_mine(window: EditingWindow, error: Exception) -> bool:
    """A stale score or note of one item: what is stored now shown at once, and the choice said in the module's
    doc offered without blocking. False for any other failure (the window says it as usual)."""
    if not isinstance(error, StaleWrite) or "mine" not in error.values:
        return False  # not a write of one item's score or note against what changed since
    code, field, mine = str(error.values["code"]), error.values["field"], error.values["mine"]
    assessment = window.assessment.id
    window.apply(window.workspace.changes_since(assessment, window.inputs, window.notes))
    _show_stored(window, code, field)
    yours = _score_words(window, code, mine) if field == INPUT else f"“{mine}”"
    yours_said = QCoreApplication.translate("SeveralPeople", "Your value: %1").replace("%1", yours)
    title = QCoreApplication.translate("SeveralPeople", "Changed by someone else")
    box = QMessageBox(QMessageBox.Icon.Warning, title, f"{say(error, ui_language())}\n\n{yours_said}")
    if isinstance(window, QWidget):
        box.setParent(window, box.windowFlags())
    overwrite = box.addButton(
        QCoreApplication.translate("SeveralPeople", "&Overwrite with my value"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(
        QCoreApplication.translate("SeveralPeople", "&Keep the new value"), QMessageBox.ButtonRole.RejectRole
    )
    overwrite.setObjectName(OVERWRITE)
    keep.setObjectName(KEEP)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen(button: QAbstractButton) -> None:
        if button is not overwrite or window.assessment.id != assessment:
            return
        if field == INPUT:
            window.edit_input(code, mine)
        else:
            window.edit_note(code, str(mine))

    box.buttonClicked.connect(chosen)
    window.last_message = box
    box.open()
    return True


def _show_stored(window: EditingWindow, code: str, field: str) -> None:
    """The item's editor or note shows what is stored now, not the refused value (the question still says it):
    the window's copy may already be theirs (heard while typing), so applying what changed since repaints nothing."""
    item = window.current_item()
    if item is None or item.code != code:
        return
    if field == INPUT:
        window.panel.reload_input(window.inputs.get(code))
    else:
        window.panel.note.load(window.notes.get(code, ""))
    if isinstance(window, QMainWindow):  # "what you are typing is kept" no longer holds: the question says why
        window.statusBar().clearMessage()


def _score_words(window: EditingWindow, code: str, inp: Any) -> str:
    not_scored = QCoreApplication.translate("SeveralPeople", "not scored")
    if inp is None:
        return not_scored
    score = score_item(window.workspace.scores(window.assessment.id).system.item(code), inp)
    points = QCoreApplication.translate("SeveralPeople", "%1 points").replace("%1", compact(rounded(score.points)))
    return points if score.scored else not_scored
