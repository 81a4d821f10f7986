"""Writing export files so that a failure never leaves a half-written file under the target name."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from egov_desk.core.exports.leftovers import clean_beside, part_name, writing

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_name(text: str, limit: int = 60) -> str:
    """A file or folder name Windows Explorer and every unzip tool accept, keeping Chinese as it is."""
    name = _FORBIDDEN.sub("_", text).strip(" .")
    return name[:limit].rstrip(" .") or "_"


@contextmanager
def atomic_output(target: Path, records: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it is fsynced and renamed onto ``target``,
    on any failure (or cancel) it is removed and ``target`` is left as it was.

    What killed exports to ``target`` left beside it is removed first; while writing, the temporary is marked
    as live (see :mod:`~egov_desk.core.exports.leftovers`), and recorded in the workspace folder ``records``
    when given, so the next start removes it if this process is killed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_beside(target)
    temporary = part_name(target)
    with writing(temporary, records):
        try:
            yield temporary
            with temporary.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


@contextmanager
def atomic_folder(target: Path, records: Path | None = None) -> Iterator[Path]:
    """Like :func:`atomic_output`, for a folder: filled under a temporary name, renamed when complete."""
    if target.exists():
        raise FileExistsError(f"{target} already exists; choose another name")
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_beside(target)
    temporary = part_name(target)
    with writing(temporary, records):
        temporary.mkdir()
        try:
            yield temporary
            os.replace(temporary, target)
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
