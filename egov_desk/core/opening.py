"""Before a workspace is opened: is its database a sound file, may this process write it, and how to open it.

Never create or migrate over something that is not a healthy workspace: a zero-byte, junk or truncated
``workspace.sqlite`` is refused, and so is a missing one when evidence or backups lie beside it (a new empty
workspace there would later call every stored file an orphan). The refusal says so in Chinese and English and
suggests restoring a backup.

Read-only opens: a second window while another holds the lock (:mod:`egov_desk.core.lock`); a folder on a network
share (:mod:`egov_desk.core.filesystems`); media this process cannot write (a read-only USB stick, a CD, a folder
without write permission). In the last two the database is read from a private copy in a temporary folder, so
SQLite needs no WAL index beside the original and nothing is ever written there.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.filesystems import mount_type, network_filesystem
from egov_desk.core.lock import Holder, WorkspaceLock, acquire
from egov_desk.core.messages import os_reason_zh

SQLITE_HEADER = b"SQLite format 3\x00"
HELD, NETWORK, MEDIA = "held", "network", "media"


class DamagedDatabase(WorkspaceError):
    """The database file is not a sound workspace; it has not been changed."""


def _restore_hint(folder: Path) -> tuple[str, str]:
    backups = folder / "backups"
    if backups.is_dir() and any(backups.glob("*.sqlite")):
        return (
            " Restore the latest backup (File → Restore from backup…, or egov-desk-cli backup restore --latest).",
            "可从备份恢复（文件 → 从备份恢复…，或 egov-desk-cli backup restore --latest）。",
        )
    return (
        " There is no backup in its backups folder; restore the folder from your own copy.",
        "其 backups 文件夹中没有备份，请用您自己保存的副本恢复该文件夹。",
    )


def check_database_file(database: Path) -> None:
    """Refuse a database file that is empty, not SQLite, or shorter than its own header says."""
    folder = database.parent
    hint_en, hint_zh = _restore_hint(folder)
    try:
        size = database.stat().st_size
        with database.open("rb") as reader:
            header = reader.read(100)
    except OSError as exc:
        raise WorkspaceError(
            f"{database}: cannot be read ({exc.strerror})",
            f"无法读取 {database}（{os_reason_zh(exc)}）",
            "unreadable_database",
            path=str(database),
        ) from exc
    if size == 0:
        raise DamagedDatabase(
            f"{database} is empty (0 bytes): not a usable workspace; it has not been changed.{hint_en}",
            f"{database} 是空文件（0 字节），不是可用的工作区数据库；程序没有改动它。{hint_zh}",
            "empty_database",
            path=str(database),
        )
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise DamagedDatabase(
            f"{database} is damaged or not a workspace database (its first bytes are wrong); it has not been "
            f"changed.{hint_en}",
            f"{database} 已损坏或不是工作区数据库（文件开头不对）；程序没有改动它。{hint_zh}",
            "not_sqlite",
            path=str(database),
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_valid = header[24:28] == header[92:96]  # the page count is trustworthy only then (SQLite file format)
    # With a WAL beside it the file may be shorter than its header says (a checkpoint cut short by a full disk):
    # the WAL still holds the pages, and SQLite finishes the checkpoint.
    wal = Path(f"{database}-wal")
    in_wal = wal.exists() and wal.stat().st_size > 0
    if header_valid and pages and size < page_size * pages and not in_wal:
        raise DamagedDatabase(
            f"{database} is truncated ({size} of {page_size * pages} bytes): cut off while copied or at a power "
            f"loss; it has not been changed.{hint_en}",
            f"{database} 不完整（应有 {page_size * pages} 字节，只有 {size} 字节），可能在复制或断电时被截断；"
            f"程序没有改动它。{hint_zh}",
            "truncated_database",
            path=str(database),
        )


def damaged(database: Path, error: Exception) -> DamagedDatabase:
    """SQLite itself found the file malformed while opening it."""
    hint_en, hint_zh = _restore_hint(database.parent)
    return DamagedDatabase(
        f"{database} is damaged ({error}); it has not been changed.{hint_en}",
        f"{database} 已损坏（{error}）；程序没有改动它。{hint_zh}",
        "damaged_database",
        path=str(database),
    )


def evidence_count(folder: Path) -> int:
    vault = folder / "vault"
    if not vault.is_dir():
        return 0
    return sum(1 for part in vault.iterdir() if part.is_dir() and len(part.name) == 2 for _ in part.iterdir())


def refuse_missing_database(folder: Path, database: Path) -> None:
    """A new workspace is made only where nothing of an old one is left."""
    files = evidence_count(folder)
    backups = folder / "backups"
    has_backups = backups.is_dir() and any(backups.iterdir())
    if not files and not has_backups:
        return
    hint_en, hint_zh = _restore_hint(folder)
    held = f"{files} evidence files" if files else "backups"
    held_zh = f"{files} 个佐证材料文件" if files else "备份"
    raise DamagedDatabase(
        f"{folder} holds {held} but its database {database.name} is missing; no new empty workspace is made "
        f"over them.{hint_en}",
        f"{folder} 里有{held_zh}，但工作区数据库 {database.name} 不见了；程序不会在这里新建空的工作区。"
        f"请把 {database.name} 放回，或{hint_zh}",
        "missing_database",
        path=str(database),
        files=files,
    )


@dataclass
class Access:
    """How this process opens the workspace."""

    read_only: bool = False
    reason: str | None = None  # HELD, NETWORK or MEDIA
    holder: Holder | None = None  # who holds it (HELD)
    filesystem: str | None = None  # the share's type (NETWORK)
    lock: WorkspaceLock | None = None  # ours, when this window writes
    snapshot: Path | None = None  # the private read-only copy (NETWORK, MEDIA)
    network: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def refusal(self) -> tuple[str, str]:
        """(English, Chinese): why this workspace can only be read here, and what to do instead."""
        if self.reason == HELD and self.holder:
            return (
                f"The workspace is open in another window: {self.holder.describe(False)}. This window can only "
                f"read it; make changes there, or close it and reopen this one.",
                f"工作区正由 {self.holder.describe()}打开，本窗口只能查看；"
                "请在那个窗口里修改，或关闭它后重新打开本窗口。",
            )
        if self.reason == NETWORK:
            return (
                f"The workspace is on a network share ({self.filesystem}); SQLite can corrupt data there, so it is "
                "opened read-only. Copy the folder to this PC's disk and open the copy, or work with department "
                "packages.",
                f"工作区在网络共享文件夹上（{self.filesystem}），在网络盘上写入可能损坏数据，所以只能查看。"
                "请把工作区文件夹复制到本机磁盘后打开副本，或改用科室填报包。",
            )
        return (
            "The workspace's folder cannot be written (read-only media or no permission): it can be read and "
            "exported, not changed. Copy it to a writable folder to work on it.",
            "工作区所在的位置不能写入（只读介质或没有写权限），只能查看和导出；要修改请先把它复制到可写的文件夹。",
        )

    def close(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.snapshot is not None:
            shutil.rmtree(self.snapshot, ignore_errors=True)
            self.snapshot = None


def writable(folder: Path, database: Path) -> bool:
    return os.access(folder, os.W_OK) and (not database.exists() or os.access(database, os.W_OK))


def snapshot(database: Path, attempts: int = 3) -> Path:
    """A private copy of the database (and its WAL) to read from; the caller removes its folder.

    Copied as files: SQLite must not make its WAL index beside the original (on a share it cannot be trusted;
    on read-only media it cannot be made). Another host may be writing a shared one meanwhile, so a copy that
    SQLite does not find sound is taken again."""
    folder = Path(tempfile.mkdtemp(prefix="egov-desk-readonly-"))
    copy = folder / database.name
    try:
        for attempt in range(attempts):
            for suffix in ("", "-wal"):
                original = Path(f"{database}{suffix}")
                if original.exists():
                    shutil.copyfile(original, folder / f"{database.name}{suffix}")
            if _sound(copy) or attempt == attempts - 1:  # the last one stays, for SQLite to say what is wrong
                break
            for name in (database.name, f"{database.name}-wal", f"{database.name}-shm"):
                (folder / name).unlink(missing_ok=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return copy


def _sound(copy: Path) -> bool:
    try:
        connection = sqlite3.connect(copy)
        try:
            return bool(connection.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def decide_access(folder: Path, database: Path, hold: bool) -> Access:
    """Read-write (taking the lock when ``hold``), or read-only and why."""
    if network_filesystem(folder):
        return Access(True, NETWORK, filesystem=mount_type(folder) or "network", network=True)
    if not writable(folder, database):
        return Access(True, MEDIA)
    if not hold:
        return Access()
    try:
        got = acquire(folder)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise WorkspaceError(
                f"{folder}: the disk is full; nothing was changed. Free some space and open it again.",
                f"{folder} 所在的磁盘已满，什么也没有改动。请腾出磁盘空间后再打开。",
                "disk_full",
                path=str(folder),
            ) from exc
        return Access(True, MEDIA)  # the lock file cannot be made: treat the folder as read-only media
    if isinstance(got, Holder):
        return Access(True, HELD, holder=got)
    return Access(lock=got)
