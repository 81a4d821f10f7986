"""Copying files into a vault's ``tmp`` in a thread of its own, before the workspace that will record them is open.

A command adding evidence spends about as long importing and opening the workspace (SQLAlchemy, the models) as it
does copying and hashing the files; the copy needs no database (the vault is addressed by content), and file I/O
and hashing release the GIL, so the two can run at once. Nothing staged is in the vault yet: each copy waits in
``vault/tmp`` as a ``.part`` until :meth:`~egov_desk.core.evidence.vault.Vault.settle` renames it, which happens
only once the workspace has taken the write. A refusal (read-only workspace, unknown item, damaged database)
discards every staged copy, so it changes nothing; a kill leaves ``.part`` files that the next start cleans
(:mod:`egov_desk.core.exports.leftovers`), as a killed copy always did.

Light on purpose: the command imports it before the workspace.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from egov_desk.core.evidence.vault import Staged, Vault, VaultError

Outcome = Staged | VaultError  # a file staged, or why it could not be
# The copying thread gives up the GIL in every read, hash and write and must win it back from the thread doing
# Python work (the imports); with the default 5 ms switch interval it waits up to that long each time, four times
# a megabyte. While staging, the interval is 0.5 ms.
SWITCH_INTERVAL = 0.0005
_interval_lock = threading.Lock()
_interval_users: list[float] = []  # the interval before the first staging under way, once per staging under way


def _shorten_switch_interval() -> None:
    with _interval_lock:
        _interval_users.append(sys.getswitchinterval() if not _interval_users else _interval_users[0])
        sys.setswitchinterval(min(_interval_users[0], SWITCH_INTERVAL))


def _restore_switch_interval() -> None:
    """The interval as it was before the first staging, once the last one under way has finished."""
    with _interval_lock:
        if _interval_users:
            before = _interval_users.pop()
            if not _interval_users:
                sys.setswitchinterval(before)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as every file inside them (sorted), hidden files left out."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


class Staging:
    """The given files (folders expanded) being copied into ``vault`` one after the other in a daemon thread."""

    def __init__(self, vault: Vault, paths: Iterable[Path]) -> None:
        self.vault = vault
        self.files = expand(paths)
        self._made = [folder for folder in (vault.folder, vault.tmp) if not folder.exists()]  # removed by discard
        self._outcomes: list[Outcome] = []
        self._failure: BaseException | None = None
        self._stop = threading.Event()
        self._restored = False
        _shorten_switch_interval()
        self._thread = threading.Thread(target=self._copy, name="evidence staging", daemon=True)
        self._thread.start()

    def _finished(self) -> None:
        self._thread.join()
        if not self._restored:
            self._restored = True
            _restore_switch_interval()

    def _copy(self) -> None:
        """Every copy, then every copy's fsync: by then the writeback each copy started (copy_hashing) has
        mostly run, where an fsync after each file waited for that file's last megabytes (300 MB: 335 → 315 ms)."""
        try:
            for path in self.files:
                if self._stop.is_set():
                    return
                try:
                    self._outcomes.append(self.vault.stage(path, cancelled=self._stop.is_set, sync=False))
                except VaultError as exc:
                    self._outcomes.append(exc)
                except InterruptedError:  # discarded: the copy under way stopped, its part removed by stage
                    return
            for number, outcome in enumerate(self._outcomes):
                if self._stop.is_set():
                    return
                if isinstance(outcome, Staged):
                    try:
                        self.vault.sync_staged(outcome)
                    except VaultError as exc:
                        self._outcomes[number] = exc
        except BaseException as exc:  # not the file's fault (a bug, memory): raised again in the caller's thread
            self._failure = exc

    def outcomes(self) -> list[tuple[Path, Outcome]]:
        """Each file with its staged copy or its error, once every copy has finished."""
        self._finished()
        if self._failure is not None:
            self.discard()
            raise self._failure
        return list(zip(self.files, self._outcomes, strict=True))

    def discard(self) -> None:
        """Stop copying and remove every staged copy (a refusal: nothing changes)."""
        self._stop.set()
        self._finished()
        for outcome in self._outcomes:
            if isinstance(outcome, Staged):
                self.vault.discard(outcome)
        self._outcomes.clear()
        for folder in reversed(self._made):
            with contextlib.suppress(OSError):
                folder.rmdir()
