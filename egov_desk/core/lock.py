"""The workspace lock: one window writes a workspace at a time; a second one opens it read-only.

``workspace.lock`` in the workspace folder names the holder — user, host, pid, since — and the holding process
keeps an OS lock on it (``flock`` on POSIX, ``msvcrt.locking`` on Windows) for as long as it lives. The OS drops
that lock when the process ends, however it ends, so a lock left by a killed window is stale by itself and the
next window takes it over; no guessing from pids. Releasing empties the file but never deletes it: deleting would
let a process that opened the old file and one that creates a new one both believe they hold the lock.

The command line does not take the lock: its writes are small transactions the open window notices within a
second (:mod:`egov_desk.core.watch`).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from egov_desk.core.actor import os_account

LOCK_NAME = "workspace.lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # Windows locks block reads of the locked bytes: lock one far past the text


@dataclass(frozen=True)
class Holder:
    """Who holds a workspace open for writing."""

    user: str
    host: str
    pid: int
    since: str  # ISO 8601, local time

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def this_process(cls) -> Holder:
        return cls(os_account(), socket.gethostname(), os.getpid(), datetime.now().isoformat(timespec="seconds"))

    @classmethod
    def read(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            return cls(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
        except (ValueError, KeyError, TypeError):
            return None

    def describe(self, chinese: bool = True) -> str:
        since = self.since.replace("T", " ")[:16]
        if chinese:
            return f"{self.user}（计算机 {self.host}，进程 {self.pid}，{since} 起）"
        return f"{self.user} on {self.host} (process {self.pid}) since {since}"


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - runs on Windows only
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover - runs on Windows only
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _read(handle: IO[bytes]) -> Holder | None:
    handle.seek(0)
    return Holder.read(handle.read(4096).decode("utf-8", "replace"))


PROBE_GRACE = 0.3  # seconds: a read-only window checking whether the lock is free holds it for a moment


def _locked_within(handle: IO[bytes], seconds: float) -> bool:
    """Take the lock, trying again for a moment: another window may be probing it (:func:`holder_of`)."""
    deadline = time.monotonic() + seconds
    while not _try_lock(handle):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def _read_holder(handle: IO[bytes]) -> Holder:
    """The holder named in a held lock file; its holder may be writing it this instant, so read a few times."""
    for _ in range(20):
        holder = _read(handle)
        if holder is not None:
            return holder
        time.sleep(0.025)
    return Holder("?", "?", 0, "")


class WorkspaceLock:
    """A held lock; :meth:`release` (or the end of the process) lets the next window write."""

    def __init__(self, path: Path, handle: IO[bytes], holder: Holder) -> None:
        self.path, self._handle, self.holder = path, handle, holder

    def release(self) -> None:
        if self._handle.closed:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.flush()
            _unlock(self._handle)
        except OSError:
            pass  # closing the handle below drops the OS lock anyway
        finally:
            self._handle.close()


def acquire(folder: Path) -> WorkspaceLock | Holder:
    """Take the workspace's lock, or say who holds it. A lock whose process is gone is taken over.

    Raises OSError when the lock file cannot be created at all (a read-only folder): the caller opens read-only.
    """
    path = folder / LOCK_NAME
    handle = path.open("a+b")
    try:
        if not _locked_within(handle, PROBE_GRACE):
            holder = _read_holder(handle)
            handle.close()
            return holder
        me = Holder.this_process()
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(me.to_json(), ensure_ascii=False).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    except BaseException:
        handle.close()
        raise
    return WorkspaceLock(path, handle, me)


def holder_of(folder: Path) -> Holder | None:
    """Who holds the workspace now (None when nobody does), without taking the lock for longer than a check."""
    path = folder / LOCK_NAME
    try:
        handle = path.open("rb")  # flock needs no write access: another user's lock file can be probed too
    except OSError:  # no lock file: nobody holds it
        return None
    with handle:
        if _try_lock(handle):
            _unlock(handle)
            return None
        return _read_holder(handle)
