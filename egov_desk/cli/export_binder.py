"""``egov-desk-cli export binder --workspace W (--item CODE | --department D | --unit) --out F.pdf [--assessment ID]``:
装订成册 from the command line — progress on stderr, the pages and size on stdout; Ctrl+C leaves no file.

Registered by ``export`` (cli/export.py); Qt and pikepdf are loaded only when a binder is asked for."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Failed, Refused, assessment_of, open_workspace
from egov_desk.core.errors import Cancelled
from egov_desk.core.messages import cli_language, say


def add_binder_options(export: Any, otherwise: Callable[[argparse.Namespace], int]) -> None:
    """``--item`` and ``--unit`` beside ``--department``; ``export binder`` runs here, the other exports as before."""
    export.add_argument("--item", help="binder: the item's code (编号)")
    export.add_argument("--unit", action="store_true", help="binder: every item of the unit")
    export.set_defaults(run=lambda args: cmd_binder(args) if args.what == "binder" else otherwise(args))


def _scope(args: argparse.Namespace) -> tuple[str, str]:
    given = [(kind, value) for kind, value in (("item", args.item), ("department", args.department)) if value]
    if args.unit:
        given.append(("unit", ""))
    if len(given) != 1:
        raise Refused(
            "export binder needs exactly one of --item CODE, --department NAME or --unit",
            "export binder 需要且只需要 --item 编号、--department 科室 或 --unit 其中之一",
            "binder_scope",
        )
    return given[0]


class _Told:
    """Progress on stderr: one line updated in place on a terminal, a line per step otherwise."""

    def __init__(self) -> None:
        self.terminal = sys.stderr.isatty()
        self.last = ""

    def __call__(self, done: int, total: int, text: str) -> None:
        step = text.split("：", 1)[0]
        if self.terminal:
            shown = f"{done}/{total} 页 {text}" if total else text
            print(f"\r{shown[:100]:<100}", end="", file=sys.stderr, flush=True)
        elif step != self.last:
            sys.stderr.write(f"{step}\n")  # one write: a Ctrl+C cannot fall between the step and its line's end
            sys.stderr.flush()
        self.last = step

    def close(self) -> None:
        if self.terminal and self.last:
            print(file=sys.stderr, flush=True)
        self.last = ""


def _target(given: str) -> Path:
    """``--out`` as a file to write: a folder, or a file in a folder that does not exist, is refused naming it
    (nothing is created on the way)."""
    out = Path(given)
    if out.is_dir() or given.endswith(("/", "\\")):
        raise Refused(
            f"--out {given}: this is a folder; give the binder's file name in it, e.g. {out / '装订册.pdf'}",
            f"--out {given}：这是一个文件夹；请给出其中的文件名，例如 {out / '装订册.pdf'}",
            "binder_out_folder",
        )
    if not out.parent.is_dir():
        raise Refused(
            f"--out {given}: the folder {out.parent} does not exist; create it first or choose another folder",
            f"--out {given}：文件夹 {out.parent} 不存在；请先创建它，或换一个文件夹",
            "binder_out_no_folder",
        )
    return out


def cmd_binder(args: argparse.Namespace) -> int:
    kind, name = _scope(args)
    out = _target(args.out)
    try:
        return _bind(args, kind, name, out)
    except KeyboardInterrupt:  # Ctrl+C wherever it comes (loading Qt, counting, joining): the target is untouched
        cancelled = Cancelled(f"cancelled: no binder was written to {out}", f"已取消：未写入装订册 {out}", "cancelled")
        print(say(cancelled, cli_language()), file=sys.stderr)
        return 130


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Ctrl+C is heard at the end of the block, not inside it: a KeyboardInterrupt raised while PySide6's modules
    are being initialised crashes the process (SIGSEGV) instead of unwinding."""
    heard: list[int] = []
    try:
        before = signal.signal(signal.SIGINT, lambda number, _frame: heard.append(number))
    except ValueError:  # not the main thread (a test calling main() from one): nothing to defer
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
    if heard:
        raise KeyboardInterrupt


def _bind(args: argparse.Namespace, kind: str, name: str, out: Path) -> int:
    with _interrupt_after():
        try:
            from egov_desk.render.binder import write_binder
            from egov_desk.render.headless import ensure_app
        except ImportError as error:
            raise Failed(
                f"the binder is drawn with Qt (PySide6) and joined with pikepdf, which cannot be loaded here ({error})",
                f"装订成册需要 Qt（PySide6）和 pikepdf，但此处无法加载（{error}）",
                "qt_missing",
            ) from None
        ensure_app()
    from egov_desk.core.binder import Scope, build_binder

    told = _Told()
    with open_workspace(args) as workspace:
        binder = build_binder(workspace, assessment_of(workspace, args), Scope(kind, name))
        try:
            written = write_binder(binder, out, told)
        finally:
            told.close()
    for notice in written.not_bound:
        print(f"egov-desk-cli: {notice}", file=sys.stderr)
    print(f"{out}: {written.pages} pages, {written.bytes} bytes")
    return 0
