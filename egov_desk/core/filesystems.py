"""Is a folder on a network share? SQLite's WAL mode is not safe there (its shared memory works on one host only,
and SMB/NFS locking is unreliable), so a workspace on one is opened read-only.

Windows: a UNC path (``\\\\server\\share``) or a drive letter the OS reports as a network drive. Linux (Debian, UOS,
Kylin): the file system type of the mount the folder is on, from ``/proc/mounts`` — SMB/CIFS, NFS, sshfs, and
GVFS (what the file manager uses when someone opens ``smb://`` by clicking).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_TYPES = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "fuse.sshfs",
        "fuse.gvfsd-fuse",
        "fuse.smbnetfs",
        "afs",
        "ncpfs",
        "9p",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011 …"""
    return field.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in field else field


def mount_type(path: Path, mounts: str | None = None) -> str | None:
    """The file system type of the mount ``path`` is on (Linux), or None when it cannot be told."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="surrogateescape")
        except OSError:
            return None
    target = os.path.realpath(path)
    best, best_type = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, kind = _unescape(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, kind
    return best_type


def _windows_network(path: Path) -> bool:  # pragma: no cover - runs on Windows only
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOTE)  # type: ignore[attr-defined]


def network_filesystem(path: Path, mounts: str | None = None) -> bool:
    """True when ``path`` (or the nearest folder above it that exists) is on a network share."""
    existing = Path(path)
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if sys.platform == "win32":  # pragma: no cover - runs on Windows only
        return _windows_network(existing)
    return mount_type(existing, mounts) in NETWORK_TYPES


def fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (fsync the folder itself)."""
    if os.name == "nt":  # Windows cannot open a directory to fsync it; NTFS journals the rename
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
