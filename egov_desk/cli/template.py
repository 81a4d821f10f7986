"""``egov-desk-cli template list|show``: the built-in indicator systems and JSON ones."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from egov_desk.cli.common import print_json

if TYPE_CHECKING:
    from egov_desk.core.indicators import IndicatorSystem


def add_template_commands(commands: Any) -> None:
    template = commands.add_parser("template", help="built-in and JSON indicator systems")
    template_cmds = template.add_subparsers(dest="template_command", required=True)
    template_cmds.add_parser("list", help="list the built-in systems").set_defaults(run=cmd_template_list)
    show = template_cmds.add_parser("show", help="print a system (builtin:2019 or a .json file)")
    show.add_argument("name")
    show.add_argument("--json", action="store_true", help="the interchange JSON")
    show.set_defaults(run=cmd_template_show)


def _print_tree(system: IndicatorSystem) -> None:
    from egov_desk.core.points import compact

    print(f"{system.title}（{compact(system.total_points or Decimal(0))} 分）")
    for node in system.nodes():
        indent = "  " * (node.level - 1)
        points = f"（{compact(node.points)}）" if node.points is not None else ""
        print(f"{indent}{node.name}{points}")
        for item in node.items:
            print(f"{indent}  {item.code}  {compact(item.points):>4} 分  {item.scoring.type:<9} {item.title}")


def cmd_template_list(_args: argparse.Namespace) -> int:
    from egov_desk.core.templates import builtin_names, load_template

    for name in builtin_names():
        system = load_template(name)
        print(f"{name}\t{system.title}\t{len(system.items())} 项")
    return 0


def cmd_template_show(args: argparse.Namespace) -> int:
    from egov_desk.core.templates import load_template

    system = load_template(args.name)
    if args.json:
        print_json(system.to_interchange())
    else:
        _print_tree(system)
    return 0
