"""``egov-desk-cli assessment new``: a new assessment, empty (``--system ID --year Y``) or this year from last year
(``--from ID``): notes, requirements, leads and the chosen items' evidence carried, scores and statuses afresh.
``--plan`` prints the items' matching and writes nothing."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import Refused, open_workspace, print_json
from egov_desk.core.messages import cli_language, is_chinese

if TYPE_CHECKING:
    from decimal import Decimal

    from egov_desk.core.carry_over import CarryPlan, Evidence
    from egov_desk.core.item_matching import ItemPair


def add_carry_over_command(assessment_cmds: Any) -> None:
    new = assessment_cmds.add_parser(
        "new", help="a new assessment: empty, or from an existing one (--from) with its notes and evidence"
    )
    new.add_argument("--from", dest="source", type=int, metavar="ID", help="the assessment to start from")
    new.add_argument("--system", type=int, metavar="ID", help="the indicator system (default: the source's)")
    new.add_argument("--year", type=int, help="the assessed year (default: the source's next)")
    new.add_argument("--title", help="the assessment's title (default: the source's, or 自评)")
    new.add_argument("--unit", help="the unit's name (without --from; default: the last assessment's)")
    new.add_argument(
        "--evidence", default="all", metavar="all|none|CODE,…", help="whose evidence links to carry (new codes)"
    )
    new.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="NEW=OLD",
        help="match new item NEW with last year's OLD (NEW= : with none); repeatable",
    )
    new.add_argument("--plan", action="store_true", help="print the matching only; nothing is written")
    new.add_argument("--json", action="store_true")
    new.add_argument("--workspace")
    new.set_defaults(run=cmd_assessment_new)


def _evidence(text: str) -> Evidence:
    if text.strip().lower() == "all":
        return "all"
    if text.strip().lower() in ("none", ""):
        return None
    return {code.strip() for code in text.split(",") if code.strip()}


def _overrides(pairs: list[str]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for pair in pairs:
        new, sep, old = pair.partition("=")
        if not sep or not new.strip():
            raise Refused(
                f"--map {pair!r}: give NEW=OLD (a new item's code and last year's), or NEW= for none",
                f"--map {pair!r}：请写成 新编号=去年编号，或 新编号= 表示无对应",
            )
        found[new.strip()] = old.strip() or None
    return found


def _points(value: Decimal | None) -> str:
    return "—" if value is None else f"{value.normalize():f}"


def _side(pair: ItemPair, old: bool) -> str:
    item = pair.old if old else pair.new
    return "—" if item is None else f"{item.code} {item.title} ({_points(item.points)})"


def print_plan(plan: CarryPlan) -> None:
    from egov_desk.core.item_matching import CLASS_EN, CLASS_ZH, CLASSES

    chinese = is_chinese(cli_language())
    words = CLASS_ZH if chinese else CLASS_EN
    print(("从 " if chinese else "from ") + plan.source.label)
    counts = plan.matching.counts()
    print((" · " if chinese else ", ").join(f"{words[kind]} {counts[kind]}" for kind in CLASSES))
    for pair in plan.matching.pairs:
        carried = []
        if plan.note(pair):
            carried.append("说明" if chinese else "note")
        if plan.file_count(pair):
            carried.append(f"{plan.file_count(pair)} 个文件" if chinese else f"{plan.file_count(pair)} files")
        if plan.requirements_added(pair):
            carried.append("材料要求" if chinese else "requirements")
        if plan.lead_taken(pair):
            carried.append(("牵头科室：" if chinese else "lead: ") + str(plan.lead_taken(pair)))
        print("\t".join((words[pair.kind], _side(pair, True), "→", _side(pair, False), ", ".join(carried))))


def _create_empty(args: argparse.Namespace) -> int:
    if args.system is None or args.year is None:
        raise Refused(
            "assessment new: give --from ID (this year from last year), or --system ID and --year Y",
            "assessment new：请给出 --from 考评编号（从已有考评沿用），或 --system 指标体系编号 和 --year 年度",
        )
    with open_workspace(args) as workspace:
        unit = args.unit or workspace.default_assessment().unit
        created = workspace.create_assessment(args.system, unit, args.year, (args.title or "").strip() or "自评")
        info = workspace.assessment(created.assessment_id)
    if args.json:
        print_json({"assessment": info.id, "label": info.label, "system": info.system_id, "from": None})
    else:
        print(f"{info.id}\t{info.label}")
    return 0


def cmd_assessment_new(args: argparse.Namespace) -> int:
    from egov_desk.core.carry_over import carry_over, plan_carry_over

    if args.source is None:
        if args.plan:
            raise Refused("--plan needs --from ID", "--plan 需要同时给出 --from 考评编号")
        return _create_empty(args)
    evidence, overrides = _evidence(args.evidence), _overrides(args.map)
    with open_workspace(args) as workspace:
        plan = plan_carry_over(workspace, args.source, args.system).overridden(overrides)
        if args.plan:
            if args.json:
                print_json(plan.to_json())
            else:
                print_plan(plan)
            return 0
        carried = carry_over(workspace, plan, args.year, args.title, evidence)
        info = workspace.assessment(carried.assessment_id)
        files = len(workspace.evidence.files(info.id))
        notes = len(workspace.notes(info.id))
    if args.json:
        data = {
            "assessment": info.id,
            "label": info.label,
            "system": info.system_id,
            "from": plan.source.id,
            "counts": plan.matching.counts(),
            "carried": {
                "notes": notes,
                "files": files,
                "requirements": len(carried.requirement_ids),
                "leads": list(carried.leads),
            },
        }
        print_json(data)
    else:
        print(f"{info.id}\t{info.label}")
        chinese = is_chinese(cli_language())
        print(
            f"沿用说明 {notes} 条，去年材料 {files} 个（待确认）"
            if chinese
            else f"carried {notes} notes, {files} files from last year (to be confirmed)"
        )
    return 0
