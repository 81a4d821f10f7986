"""Real read-only and full media for tests: a small tmpfs when the tests run as root (CI), chmod otherwise."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[Path]:
    """A real file system of ``size`` mounted on ``folder``; skips the test when mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "nt" or os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def make_read_only(folder: Path) -> None:
    """Make the tmpfs at ``folder`` read-only, as a locked USB stick or a CD is."""
    if not _mount("-o", "remount,ro", str(folder)):
        pytest.skip("remounting read-only needs root")


def fill(folder: Path) -> None:
    """Fill the file system ``folder`` is on to the last byte."""
    with (folder / "filler").open("wb", buffering=0) as writer:
        block = b"\0" * 65536
        try:
            while True:
                writer.write(block)
        except OSError:
            pass
        try:  # the last few bytes
            while True:
                writer.write(b"\0")
        except OSError:
            pass
