"""The OCR worker: works off the queue, the file attached first first, one transaction per file, stopping between
pages when asked. It runs in its own process (``egov-desk-cli ocr``): RapidOCR imports OpenCV, whose wheel carries
its own Qt, which must never load into the window's process. :func:`ocr_command` is how the window starts it."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.errors import EgovError
from egov_desk.core.evidence_text import claims, queue
from egov_desk.core.evidence_text.pages import Reader, Stopped
from egov_desk.core.evidence_text.types import TextNotRead

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def ocr_command(location: str) -> list[str]:
    """The argv that works off ``location``'s queue, printing its progress as JSON lines: the ``egov-desk-cli``
    beside a frozen app, else this Python running the CLI module."""
    arguments = ["ocr", "--workspace", location, "--json-progress"]
    if getattr(sys, "frozen", False):
        folder = Path(sys.executable).parent
        name = "egov-desk-cli.exe" if sys.platform == "win32" else "egov-desk-cli"
        return [str(folder / name), *arguments]
    return [sys.executable, "-m", "egov_desk.cli", *arguments]


@dataclass(frozen=True)
class Step:
    """Where the worker is: ``done`` files of ``total`` finished, page ``page`` of ``pages`` of ``file`` begun."""

    done: int
    total: int
    file: str
    page: int
    pages: int


@dataclass
class Worked:
    done: int = 0
    failed: int = 0
    stopped: bool = False
    failures: list[tuple[str, TextNotRead | EgovError]] = field(default_factory=list)  # this run's: name, why


def versions() -> str:
    found = []
    for package in ("pypdf", "rapidocr-onnxruntime"):
        try:
            found.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:  # pragma: no cover - a frozen app without its metadata
            found.append(package)
    return "; ".join(found)


def work_queue(
    workspace: Workspace,
    ocr: Reader,
    heard: Callable[[Step], None] = lambda _step: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Worked:
    """Read every queued file's text and record it; files attached meanwhile are read too. A file that cannot be
    read is recorded as failed, with the reason, and the queue goes on. Each file is claimed first: one that
    another reader holds is left to it."""
    worked = Worked()
    seen: set[str] = set()
    engine = versions()
    me = claims.this_reader()
    while True:
        with workspace.store.read() as session:
            waiting = [one for one in queue.pending(session) if one.sha256 not in seen]
        if not waiting:
            return worked
        total = worked.done + worked.failed + len(waiting)
        for queued in waiting:
            seen.add(queued.sha256)
            if cancelled():
                worked.stopped = True
                return worked
            if not claims.claim(workspace.store, queued.sha256, me):  # another reader has it
                total -= 1
                continue
            try:
                _read_one(workspace, queued, ocr, heard, cancelled, worked, total, engine, me)
            except Stopped:
                worked.stopped = True
                return worked
            finally:
                claims.release(workspace.store, queued.sha256, me)  # gone already when it was recorded


def _read_one(
    workspace: Workspace,
    queued: queue.Queued,
    ocr: Reader,
    heard: Callable[[Step], None],
    cancelled: Callable[[], bool],
    worked: Worked,
    total: int,
    engine: str,
    me: str,
) -> None:
    from egov_desk.core.evidence_text.reading import read_file

    finished = worked.done + worked.failed
    renewed = [time.monotonic()]

    def on_page(page: int, pages: int) -> None:
        if time.monotonic() - renewed[0] > claims.RENEW.total_seconds():  # still reading: the claim stays fresh
            claims.renew(workspace.store, queued.sha256, me)
            renewed[0] = time.monotonic()
        heard(Step(finished, total, queued.name, page, pages))

    try:
        path = workspace.evidence.vault.path_of(queued.sha256)
        if not path.is_file():
            raise TextNotRead(
                "its stored copy is missing from the vault; add the file again",
                "存储的副本已不在材料库中；请重新添加该文件",
                "missing",
            )
        pages = read_file(path, queued.kind, ocr, cancelled, on_page)
    except (TextNotRead, EgovError) as exc:  # EgovError: the vault's copy missing or damaged, said by it
        if queue.record(workspace.store, queued, [], engine, f"{exc.english}\n{exc.chinese}"):
            worked.failed += 1
            worked.failures.append((queued.name, exc))
            heard(Step(worked.done + worked.failed, total, queued.name, 0, 0))
        return
    if queue.record(workspace.store, queued, pages, engine):
        worked.done += 1
        heard(Step(worked.done + worked.failed, total, queued.name, len(pages), len(pages)))
