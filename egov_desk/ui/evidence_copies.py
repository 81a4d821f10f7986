"""A stored evidence file as a file on this PC, for the preview and the system's own programs.

A workspace folder's vault holds the file itself: a small one is handed over at once. Anything that copies — a
server's database vault filling its cache (checked against the hash), or a readable copy of a large scan under its
own name — runs off the UI thread behind a progress dialog whose 取消 drops the result."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog

from egov_desk.core.evidence.vault import Vault
from egov_desk.core.exports.files import safe_name

if TYPE_CHECKING:
    from egov_desk.core.evidence import FileInfo
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.ops import Progress

AT_ONCE = 20 * 1024 * 1024  # a copy this small takes a blink on a PC's disk


def readable_copy(stored: Path, file: FileInfo) -> Path:
    """A copy under the file's own name (the vault names files by hash), for the system's programs."""
    folder = Path(tempfile.gettempdir()) / "egov-desk-open" / file.sha256[:16]
    target = folder / safe_name(file.name, 150)
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + ".part")
        shutil.copyfile(stored, part)
        part.replace(target)  # a copy cut short is never taken for the file
    return target


class EvidenceCopies(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.progress: QProgressDialog | None = None

    def at_once(self, file: FileInfo, readable: bool) -> bool:
        """Whether the file can be had without a wait worth a progress dialog."""
        if not isinstance(self.context.workspace.evidence.vault, Vault):
            return False
        return not readable or file.size <= AT_ONCE

    def path(self, file: FileInfo, readable: bool = False) -> Path:
        stored = self.context.workspace.evidence.vault.path_of(file.sha256)
        return readable_copy(stored, file) if readable else stored

    def fetch(
        self, file: FileInfo, then: Callable[[Path], None], failed: Callable[[BaseException], None], readable: bool
    ) -> None:
        """``then(path)`` on the UI thread once the file is on this PC (at once when it already is)."""
        if self.at_once(file, readable):
            try:
                path = self.path(file, readable)
            except OSError as exc:
                failed(exc)
                return
            then(path)
            return
        dialog = QProgressDialog(
            self.tr("Fetching %1…").replace("%1", file.name), self.tr("Cancel"), 0, 0, self.context.parent
        )
        dialog.setWindowTitle(self.tr("Evidence file"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setMinimumWidth(420)
        self.progress = dialog
        wanted = [True]

        def cancel() -> None:
            wanted[0] = False

        # asked before closing the dialog: QProgressDialog's close says canceled, as if the person had cancelled
        def done(path: object) -> None:
            go = wanted[0]
            self._close(dialog)
            if go and isinstance(path, Path):
                then(path)

        def refused(error: BaseException) -> None:
            go = wanted[0]
            self._close(dialog)
            if go:
                failed(error)

        def work(_progress: Progress) -> Path:
            return self.path(file, readable)

        dialog.canceled.connect(cancel)
        self.context.runner.start(work, done, refused)

    def _close(self, dialog: QProgressDialog) -> None:
        dialog.close()
        dialog.deleteLater()
        if self.progress is dialog:
            self.progress = None
