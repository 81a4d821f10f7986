"""Errors a person reads: one English line for logs and English users, a Chinese one for the Chinese UI and CLI.

``kind`` names the case for code and tests (``"read_only"``, ``"damaged_database"`` …); ``values`` holds what the
message names (a path, a code, the current value). :func:`egov_desk.core.messages.say` picks the language.
"""

from __future__ import annotations

from typing import Any


class Refusal(RuntimeError):
    def __init__(self, english: str, chinese: str = "", kind: str = "", **values: Any) -> None:
        super().__init__(english)
        self.english = english
        self.chinese = chinese or english
        self.kind = kind
        self.values = values

    def text(self, chinese: bool) -> str:
        return self.chinese if chinese else self.english


class WorkspaceError(Refusal):
    """Something about the workspace itself went wrong; the message says what and where."""


class ReadOnlyWorkspace(WorkspaceError):
    """A write to a workspace opened read-only (held by another window, on a network share, on read-only media)."""


class ChangedSince(WorkspaceError):
    """A write or an undo made against a value that changed since the person saw it: refused, nothing written.
    ``values["current"]`` is what is stored now."""
