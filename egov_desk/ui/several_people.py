"""A server workspace's changes shown at once: its watch (core/server_watch.py) hears another client's commit on a
thread of its own; this turns that into a queued Qt signal, so the window's own "changed elsewhere" check runs on
the UI thread as soon as it is heard, not at the next tick of its timer. Widgets are never touched off that thread.
A SQLite file's watch has nothing to push: the timer asks it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from egov_desk.core.server_watch import DataWatch, ServerWatch


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
