"""``egov-desk-cli ocr --workspace W [--json-progress]``: read the text of every attached file not read yet (OCR of
scans and images, offline), in the foreground. A progress bar on stderr, or with ``--json-progress`` one JSON
object a line on stdout — {"done", "total", "file", "page", "pages"}, and at the end {"finished": true, "done",
"failed", "stopped"} — which is how the window follows the worker it starts. Ctrl+C or SIGTERM stops it between
pages: the files read so far stay read, the one being read is read again next time. Exit status 0: every file read;
3: some could not be read, each named with why; 130: stopped by Ctrl+C."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Any

from egov_desk.cli.common import open_workspace

BAR = 24
SOME_NOT_READ = 3  # the exit status when a file could not be read (each is named with why); 0: every file read


def add_ocr_command(commands: Any) -> None:
    ocr = commands.add_parser(
        "ocr",
        help="read the text of attached files not read yet (offline OCR)",
        description="Read the text of attached files not read yet (offline OCR). Exit status: 0 when every file was "
        "read, 3 when some could not be read (each named with why), 130 when stopped with Ctrl+C.",
    )
    ocr.add_argument("--workspace")
    ocr.add_argument("--json-progress", action="store_true", help="progress as JSON lines on stdout")
    ocr.add_argument("--again", action="store_true", help="read the files that failed before once more")
    ocr.set_defaults(run=cmd_ocr)


def cmd_ocr(args: argparse.Namespace) -> int:
    from egov_desk.core.evidence_text import queue
    from egov_desk.core.evidence_text.ocr_engine import RapidEngine
    from egov_desk.core.evidence_text.worker import Step, work_queue
    from egov_desk.core.messages import cli_language, is_chinese

    chinese = is_chinese(cli_language())
    stop: list[int] = []

    def asked(signum: int, _frame: Any) -> None:
        stop.append(signum)

    previous = {sig: signal.signal(sig, asked) for sig in (signal.SIGINT, signal.SIGTERM)}

    def heard(step: Step) -> None:
        if args.json_progress:
            line = {"done": step.done, "total": step.total, "file": step.file, "page": step.page, "pages": step.pages}
            print(json.dumps(line, ensure_ascii=False), flush=True)
            return
        filled = BAR * step.done // max(step.total, 1)
        if not step.pages:  # the file could not be read: named below, with why
            page = "无法识别" if chinese else "could not be read"
        else:
            page = f"第 {step.page}/{step.pages} 页" if chinese else f"page {step.page}/{step.pages}"
        bar = f"\r[{'#' * filled}{' ' * (BAR - filled)}] {step.done}/{step.total}  {step.file[:40]}  {page}"
        print(bar.ljust(100), end="", file=sys.stderr, flush=True)

    try:
        with open_workspace(args) as workspace:
            if args.again:
                queue.forget_failed(workspace.store)
            worked = work_queue(workspace, RapidEngine(), heard, lambda: bool(stop))
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if args.json_progress:
        end = {"finished": True, "done": worked.done, "failed": worked.failed, "stopped": worked.stopped}
        print(json.dumps(end), flush=True)
    else:
        print(file=sys.stderr)
        if chinese:
            print(f"已识别 {worked.done} 个文件，{worked.failed} 个无法识别" + ("；已停止" if worked.stopped else ""))
        else:
            print(
                f"read {worked.done} files, {worked.failed} could not be read" + ("; stopped" if worked.stopped else "")
            )
        for name, error in worked.failures:
            print(f"  {name}: {error.text(chinese)}", file=sys.stderr)
    if worked.stopped and stop and stop[0] == signal.SIGINT:
        return 130
    return SOME_NOT_READ if worked.failures else 0
