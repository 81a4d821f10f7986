"""A page turned in the preview is a view setting, never a change to the stored file: the workspace's setting
``page_rotation`` holds {sha256: {page (1-based, as text): degrees}} and every preview of the same bytes shows the
page turned. A read-only workspace keeps the turn for this window only."""

from __future__ import annotations

from typing import Any

from egov_desk.core.errors import EgovError
from egov_desk.core.workspace import Workspace

SETTING = "page_rotation"


class PageRotations:
    def __init__(self, workspace: Workspace | None, sha256: str) -> None:
        self.workspace = workspace
        self.sha256 = sha256
        self.kept_here_only = workspace is None or workspace.read_only
        stored = self._all().get(sha256, {}) if workspace is not None else {}
        self.degrees: dict[int, int] = {int(page) - 1: int(turn) % 360 for page, turn in stored.items()}

    def _all(self) -> dict[str, Any]:
        assert self.workspace is not None
        stored = self.workspace.setting(SETTING)
        return dict(stored) if isinstance(stored, dict) else {}

    def of(self, page: int) -> int:
        """Degrees clockwise the 0-based ``page`` is shown turned."""
        return self.degrees.get(page, 0)

    def turn(self, page: int, degrees: int) -> int:
        """Turn ``page`` by ``degrees`` (90 right, -90 left), kept for the next preview; the new angle."""
        now = (self.of(page) + degrees) % 360
        if now:
            self.degrees[page] = now
        else:
            self.degrees.pop(page, None)
        if not self.kept_here_only:
            self._save()
        return now

    def _save(self) -> None:
        assert self.workspace is not None
        stored = self._all()  # another file's turns may have been saved since this preview opened
        pages = {str(page + 1): turn for page, turn in sorted(self.degrees.items())}
        if pages:
            stored[self.sha256] = pages
        else:
            stored.pop(self.sha256, None)
        try:
            self.workspace.set_setting(SETTING, stored)
        except EgovError:  # refused (the workspace became read-only, the server said no): shown here only
            self.kept_here_only = True
