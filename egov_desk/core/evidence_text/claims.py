"""A reader claims a file before reading it, so two readers on one workspace — the window's worker and ``ocr`` at a
prompt, two windows, two PCs on a server — never read the same file twice. A claim is a row (who: host and pid;
when) written in its own short transaction; another reader skips a file with a fresh claim. A claim not renewed
for :data:`STALE` (the reader renews it as it reads) or whose process is gone on this host is taken over. A file's
claim goes with the transaction that records its text (:func:`~egov_desk.core.evidence_text.queue.record`)."""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete

from egov_desk.core.db.models import EvidenceTextClaim, EvidenceTextState, utcnow

if TYPE_CHECKING:
    from egov_desk.core.store import Store

STALE = timedelta(minutes=10)
RENEW = timedelta(minutes=1)


def this_reader() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would send CTRL_C_EVENT there
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def stale(who: str, at: datetime, now: datetime) -> bool:
    if now - at > STALE:
        return True
    host, _, pid = who.rpartition(":")
    return host == socket.gethostname() and pid.isdigit() and not _alive(int(pid))


def claim(store: Store, sha256: str, who: str) -> bool:
    """True when ``who`` may read the file now: nobody else holds a fresh claim and it was not recorded meanwhile."""
    with store.write("a claim on a file to read", "对待识别文件的认领") as session:
        if session.get(EvidenceTextState, sha256) is not None:
            return False
        now = utcnow()
        held = session.get(EvidenceTextClaim, sha256)
        if held is None:
            session.add(EvidenceTextClaim(sha256=sha256, who=who, claimed_at=now))
        elif held.who == who or stale(held.who, held.claimed_at, now):
            held.who, held.claimed_at = who, now
        else:
            return False
        session.commit()
    return True


def renew(store: Store, sha256: str, who: str) -> None:
    with store.write("a claim on a file to read", "对待识别文件的认领") as session:
        held = session.get(EvidenceTextClaim, sha256)
        if held is not None and held.who == who:
            held.claimed_at = utcnow()
            session.commit()


def release(store: Store, sha256: str, who: str) -> None:
    """A reader stopped before the file was read: another may take it at once."""
    with store.write("a claim on a file to read", "对待识别文件的认领") as session:
        session.execute(
            delete(EvidenceTextClaim).where(EvidenceTextClaim.sha256 == sha256, EvidenceTextClaim.who == who)
        )
        session.commit()
