"""Writing export files so that a failure never leaves a half-written file under the target name."""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_name(text: str, limit: int = 60) -> str:
    """A file or folder name Windows Explorer and every unzip tool accept, keeping Chinese as it is."""
    name = _FORBIDDEN.sub("_", text).strip(" .")
    return name[:limit].rstrip(" .") or "_"


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it is fsynced and renamed onto ``target``,
    on any failure (or cancel) it is removed and ``target`` is left as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        yield temporary
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Like :func:`atomic_output`, for a folder: filled under a temporary name, renamed when complete."""
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose another name")
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    temporary.mkdir(parents=True)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
