"""The errors egov-desk raises on purpose: one root, two kinds (refused, failed), and cancelled.

Every one says what is wrong in English (for logs and English users) and in Chinese (the UI's and a Chinese
locale's language): :func:`egov_desk.core.messages.say` picks the language. ``kind`` names the case for code and
tests (``"read_only"``, ``"damaged_database"`` …); ``values`` holds what the message names (a path, a code, the
value stored now).

- :class:`Refused`: what was asked cannot be done as given — an impossible score, a table that cannot be read, an
  unknown template. The command line exits 2.
- :class:`Failure`: the workspace, the disk or the machine failed us, not the input — a damaged or read-only
  workspace, a full disk, a file that could not be stored. The command line exits 1.
- :class:`Cancelled`: the person stopped work under way; nothing to report.

Some subclasses keep a built-in base beside ours (``InputError`` is also a ``ValueError``, ``VaultError`` an
``OSError``), so code that catches the built-in one keeps working.
"""

from __future__ import annotations

from typing import Any


class EgovError(Exception):
    """The root: ``english``, ``chinese`` (the English when none is given), ``kind`` and ``values``."""

    def __init__(self, english: str = "", chinese: str = "", kind: str = "", **values: Any) -> None:
        super().__init__(english)
        self.english = english
        self.chinese = chinese or english
        self.kind = kind
        self.values = values

    def text(self, chinese: bool) -> str:
        return self.chinese if chinese else self.english


class Refused(EgovError):
    """What was asked cannot be done as given (the command line exits 2)."""


class Failure(EgovError):
    """The workspace, the disk or the machine failed, not the input (the command line exits 1)."""


class Cancelled(EgovError):
    """The person cancelled the work under way (raised inside it when it notices)."""


class WorkspaceError(Failure):
    """Something about the workspace itself went wrong; the message says what and where."""


class ReadOnlyWorkspace(WorkspaceError):
    """A write to a workspace opened read-only (held by another window, on a network share, on read-only media)."""


class ChangedSince(WorkspaceError):
    """A write or an undo made against a value that changed since the person saw it: refused, nothing written.
    ``values["current"]`` is what is stored now."""
