"""``egov-desk-cli search TEXT --workspace W [--assessment ID] [--json]``: the pages of the assessment's evidence
holding TEXT (each word of it), with the item, the file, the page and a snippet; ``--findings``: what the text
says against the assessment (a date outside its year, another unit's name)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from egov_desk.cli.common import Refused, assessment_of, open_workspace, print_json


def add_search_command(commands: Any) -> None:
    search = commands.add_parser(
        "search",
        help="search the text of the evidence files (材料内容)",
        description="Search the text of the evidence files (材料内容): each page holding every word, with its item, "
        "file and snippet. Exit status 0 whether or not anything is found (nothing found is said on stderr; with "
        "--json the hits are empty); 2 when refused.",
    )
    search.add_argument("text", nargs="?", default="", help="the words to find (every one must be on the page)")
    search.add_argument("--workspace")
    search.add_argument("--assessment", type=int)
    search.add_argument("--limit", type=int, default=200)
    search.add_argument("--findings", action="store_true", help="list dates outside the year and other units' names")
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=cmd_search)


def _hit_json(hit: Any) -> dict[str, Any]:
    return {
        "file_id": hit.file_id,
        "sha256": hit.sha256,
        "file": hit.file_name,
        "kind": hit.kind,
        "item": hit.code,
        "item_title": hit.item_title,
        "requirement": hit.requirement_position,
        "page": hit.page,
        "snippet": hit.snippet,
        "match": list(hit.match),
        "boxes": [list(box) for box in hit.boxes],
        "source": hit.source,
    }


def cmd_search(args: argparse.Namespace) -> int:
    from egov_desk.core.messages import cli_language, is_chinese

    chinese = is_chinese(cli_language())
    if not args.findings and not args.text.strip():
        raise Refused("search: give the words to find, or --findings", "search：请给出要查找的文字，或使用 --findings")
    with open_workspace(args) as workspace:
        assessment = assessment_of(workspace, args)
        waiting = workspace.evidence_text.progress().pending
        if args.findings:
            return _findings(workspace.evidence_text.findings(assessment), args.json, chinese)
        hits = workspace.evidence_text.search(args.text, assessment, args.limit)
    if args.json:
        print_json({"query": args.text, "pending": waiting, "hits": [_hit_json(hit) for hit in hits]})
    else:
        for hit in hits:
            page = f"第 {hit.page} 页" if chinese else f"page {hit.page}"
            print(f"{hit.code:<8} {hit.file_name}  {page}  {hit.snippet}")
    if not hits and not args.json:
        print(
            f"材料内容中没有找到“{args.text}”" if chinese else f"nothing found in the evidence text for “{args.text}”",
            file=sys.stderr,
        )
    if waiting and not args.json:
        print(
            f"还有 {waiting} 个文件尚未识别文字；运行 egov-desk-cli ocr 后再查找"
            if chinese
            else f"{waiting} files are not read yet; run egov-desk-cli ocr to search them too",
            file=sys.stderr,
        )
    return 0


def _findings(found: list[Any], as_json: bool, chinese: bool) -> int:
    if as_json:
        print_json(
            {
                "findings": [
                    {
                        "file_id": f.file_id,
                        "file": f.file_name,
                        "item": f.code,
                        "page": f.page,
                        "kind": f.kind,
                        "found": f.found,
                        "said": f.said(chinese),
                    }
                    for f in found
                ]
            }
        )
    else:
        for finding in found:
            print(f"{finding.code:<8} {finding.said(chinese)}")
    return 0
