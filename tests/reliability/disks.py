"""A small real disk for full-disk cases: a tmpfs mounted when the tests run as root (CI does)."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def can_mount() -> bool:
    return os.name != "nt" and os.geteuid() == 0


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` on ``folder`` for the block; unmounted afterwards (lazily, should a process hold it)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:  # root without the right to mount (a container): the page-count case remains
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk ``folder`` is on, leaving about ``leave`` bytes free; return the filler file."""
    filler = folder / "filler"
    room = os.statvfs(folder)
    free = room.f_bavail * room.f_frsize - leave
    with filler.open("wb", buffering=0) as writer:
        block = b"\0" * 65536
        with contextlib.suppress(OSError):
            while free > 0:
                free -= writer.write(block[: max(1, min(len(block), free))])
        if leave == 0:
            with contextlib.suppress(OSError):
                while True:
                    writer.write(b"\0")
    return filler


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at ``folder`` read-only, as a locked USB stick or a CD is."""
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True, check=False)
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount read-only here: {remounted.stderr.decode(errors='replace').strip()}")
