"""``scan``: pages from the office scanner attached to an item (or one of its requirements) as one PDF."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace
from egov_desk.core.errors import Failure

LOWEST_DPI, HIGHEST_DPI = 75, 1200  # below is unreadable, above is no office scanner's


def add_scan_commands(commands: Any) -> None:
    scan = commands.add_parser("scan", help="scan pages into an item's evidence as one PDF (扫描)")
    scan.add_argument("--list", action="store_true", help="list the scanners found and stop")
    scan.add_argument("--workspace")
    scan.add_argument("--assessment", type=int)
    scan.add_argument("--item", help="item code (编号)")
    scan.add_argument("--requirement", type=int, help="the requirement's number in the item's checklist (1, 2, …)")
    scan.add_argument("--device", help="the scanner (as --list names it; default: the first found)")
    scan.add_argument("--pages", default="1", help="how many pages, or 'all': until the feeder is empty")
    scan.add_argument("--dpi", type=int, default=200, help="resolution (default 200)")
    scan.add_argument("--mode", choices=("gray", "color", "lineart"), default="gray", help="colour (default gray)")
    scan.add_argument("--source", help="flatbed, feeder, or the source as the scanner names it")
    scan.add_argument("--name", help="the PDF's file name (.pdf added; default: item, requirement and time)")
    scan.set_defaults(run=cmd_scan)


def _chinese() -> bool:
    from egov_desk.core.messages import cli_language, is_chinese

    return is_chinese(cli_language())


def _pages(text: str) -> int | None:
    if text.lower() == "all":
        return None
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise Refused(
        f"--pages {text}: give a number of pages (1, 2, …) or 'all' (until the feeder is empty)",
        f"--pages {text} 无效：请写页数（1、2……）或 all（扫描到进纸器为空）",
    )


@contextmanager
def _ctrl_c_between_pages() -> Iterator[Callable[[], bool]]:
    """Ctrl+C asks the scan to stop after the page under way (a scanner driver interrupted half-way through a
    page can crash the process); a second Ctrl+C interrupts at once."""
    asked: list[bool] = []

    def ctrl_c(_signal: int, _frame: object) -> None:
        if asked:
            raise KeyboardInterrupt
        asked.append(True)

    try:
        before = signal.signal(signal.SIGINT, ctrl_c)
    except ValueError:  # not the main thread: Ctrl+C is not ours to take
        yield lambda: False
        return
    try:
        yield lambda: bool(asked)
    finally:
        signal.signal(signal.SIGINT, before)


def _dpi(dpi: int) -> int:
    if LOWEST_DPI <= dpi <= HIGHEST_DPI:
        return dpi
    raise Refused(
        f"--dpi {dpi}: choose a resolution from {LOWEST_DPI} to {HIGHEST_DPI} dpi (200 suits most documents)",
        f"--dpi {dpi} 无效：分辨率请在 {LOWEST_DPI} 到 {HIGHEST_DPI} dpi 之间（一般文件用 200）",
    )


def cmd_scan(args: argparse.Namespace) -> int:
    from egov_desk.core.scanning.devices import Scanners

    if args.list:
        devices = Scanners().devices()
        if not devices:
            from egov_desk.core.scanning.refusals import no_scanner

            raise no_scanner()
        for device in devices:
            print(f"{device.address}\t{device.name}\t({device.backend})")
        return 0
    if not args.item:
        raise Refused(
            "scan: name the item with --item CODE (or list the scanners with --list)",
            "scan：请用 --item 编号 指定考评项（或用 --list 列出扫描仪）",
        )
    try:
        return _scan_into(args, Scanners)
    except KeyboardInterrupt:  # Ctrl+C: the pages so far are gone with their folder; nothing was attached
        said = ("已取消扫描：没有保存任何页面", "scan cancelled: no page was saved")[0 if _chinese() else 1]
        print(f"egov-desk-cli: {said}", file=sys.stderr)
        return 130


def _scan_into(args: argparse.Namespace, make_scanners: Any) -> int:
    from egov_desk.core.scanning.saving import (
        discard,
        new_pages_folder,
        refuse_if_cannot_attach,
        save_scan,
        scan_file_name,
    )
    from egov_desk.core.scanning.types import ScanSettings

    settings = ScanSettings(source=args.source, mode=args.mode, dpi=_dpi(args.dpi), pages=_pages(args.pages))
    chinese = _chinese()
    if args.name is not None:
        scan_file_name(args.name)  # a name a file cannot hold is refused before anything is scanned
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        try:
            evidence = workspace.evidence.item_evidence(assessment, args.item)  # an unknown item is refused first
        except Failure as failure:
            if failure.kind != "no_item":
                raise
            raise Refused(failure.english, failure.chinese, failure.kind, **failure.values) from None
        requirement = None
        if args.requirement is not None:
            states = evidence.requirements
            if not 1 <= args.requirement <= len(states):
                raise Refused(
                    f"{args.item} --requirement {args.requirement}: the item has {len(states)} requirements",
                    f"{args.item} 只有 {len(states)} 项材料要求，没有第 {args.requirement} 项",
                )
            requirement = states[args.requirement - 1].id
        refuse_if_cannot_attach(workspace.evidence, assessment)  # said before the scanner runs, not after
        scanners = make_scanners()  # looked for once the workspace and the item are known to be there
        device = scanners.device(args.device)
        folder = new_pages_folder()
        pages = []
        with _ctrl_c_between_pages() as stopping:
            try:
                for page in scanners.acquire(device, settings, folder, stopping):
                    pages.append(page)
                    said = f"已扫描第 {len(pages)} 页" if chinese else f"scanned page {len(pages)}"
                    print(f"{said} ({page.width}×{page.height}, {page.dpi} dpi)", file=sys.stderr)
            except BaseException:
                discard(folder)
                if stopping():  # scanimage, stopped by the same Ctrl+C, may say it was cancelled
                    raise KeyboardInterrupt from None
                raise
        if stopping():
            discard(folder)
            raise KeyboardInterrupt
        try:
            saved = save_scan(workspace.evidence, assessment, args.item, pages, requirement, name=args.name)
        except Exception:
            if pages:  # not attached: the pages stay where the person can take them
                kept = (
                    f"扫描的 {len(pages)} 页保留在 {folder}"
                    if chinese
                    else f"the {len(pages)} scanned pages are kept in {folder}"
                )
                print(f"egov-desk-cli: {kept}", file=sys.stderr)
            raise
    target = f"{args.item}" + (f" 第 {args.requirement} 项要求" if chinese else f" requirement {args.requirement}")
    target = target if args.requirement is not None else args.item
    for file in saved.report.added:
        if chinese:
            print(f"{file.sha256[:12]}  {saved.pages} 页  {file.name} → {target}")
        else:
            print(f"{file.sha256[:12]}  {saved.pages} pages  {file.name} → {target}")
    return 0
