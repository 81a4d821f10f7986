"""A workspace on a PostgreSQL server from the command line: ``server init --url U`` (an empty database becomes a
workspace: the schema, the built-in system, an empty self-assessment, its workspace id), ``server upgrade --url U``
(the schema brought to this version's) and ``server check --url U [--json]`` (the server's version, the schema
against this version's, whether a write lands: exit 0 when all is well, 1 when not). Every other command then takes
``--workspace postgresql://…`` where it would take a folder."""

from __future__ import annotations

import argparse
from typing import Any

from egov_desk.cli.common import Refused, is_server, print_json
from egov_desk.cli.server_people import add_people_commands

URL_HELP = "the server's database: postgresql://user@host:port/database (the password from ~/.pgpass or PGPASSWORD)"


def add_server_commands(commands: Any) -> None:
    server = commands.add_parser("server", help="a workspace on a PostgreSQL server (服务器): init, upgrade, check")
    actions = server.add_subparsers(dest="server_command", required=True)
    init = actions.add_parser("init", help="make an empty database a workspace (a set-up one is only upgraded)")
    init.add_argument("--url", required=True, help=URL_HELP)
    init.add_argument("--unit", help="the unit's name (单位名称)")
    init.add_argument("--year", type=int, help="the assessment's year (the built-in system's when not given)")
    init.add_argument("--template", help="the built-in system to start with (see `template list`)")
    init.add_argument("--evidence", nargs="+", metavar="database|folder PATH", help="where evidence files are kept")
    init.add_argument("--json", action="store_true")
    init.set_defaults(run=cmd_server_init)
    upgrade = actions.add_parser("upgrade", help="bring the server's workspace to this version's database schema")
    upgrade.add_argument("--url", required=True, help=URL_HELP)
    upgrade.add_argument("--json", action="store_true")
    upgrade.set_defaults(run=cmd_server_upgrade)
    check = actions.add_parser("check", help="the server's version, the schema, whether a write lands (exit 1: not)")
    check.add_argument("--url", required=True, help=URL_HELP)
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=cmd_server_check)
    add_people_commands(actions)  # server people add|remove|list


def _url(args: argparse.Namespace) -> str:
    if not is_server(args.url):
        raise Refused(
            f"--url {args.url}: not a PostgreSQL URL (postgresql://user@host:port/database)",
            f"--url {args.url} 不是 PostgreSQL 地址（postgresql://用户@主机:端口/数据库）",
        )
    return str(args.url)


def _chinese() -> bool:
    from egov_desk.core.messages import cli_language, is_chinese

    return is_chinese(cli_language())


def _said_set_up(done: Any, args: argparse.Namespace, verb_en: str, verb_zh: str) -> int:
    data = {
        "server": done.server,
        "database": done.database,
        "before": done.before,
        "revision": done.revision,
        "workspace_id": done.workspace_id,
        "seeded": done.seeded,
    }
    if args.json:
        print_json(data)
        return 0
    was = done.before or ("空" if _chinese() else "empty")
    if _chinese():
        print(f"{done.server} 上的 {done.database}：{verb_zh}，数据库结构 {was} → {done.revision}")
        print(f"工作区标识 {done.workspace_id}" + ("；已放入内置指标体系和一个空的自评" if done.seeded else ""))
    else:
        print(f"{done.database} on {done.server}: {verb_en}, schema {was} → {done.revision}")
        print(
            f"workspace id {done.workspace_id}"
            + ("; the built-in system and an empty self-assessment" if done.seeded else "")
        )
    return 0


def cmd_server_init(args: argparse.Namespace) -> int:
    from egov_desk.cli.server_evidence import evidence_said
    from egov_desk.core.evidence_place import place
    from egov_desk.core.evidence_server import keep_evidence
    from egov_desk.core.server_setup import initialise
    from egov_desk.core.templates import DEFAULT_TEMPLATE

    chosen = place(*args.evidence[:2]) if args.evidence else None  # refused before anything is set up
    done = initialise(_url(args), template=args.template or DEFAULT_TEMPLATE, unit=args.unit, year=args.year)
    code = _said_set_up(done, args, "set up", "已建立工作区")
    return code if chosen is None else evidence_said(keep_evidence(args.url, chosen), args)


def cmd_server_upgrade(args: argparse.Namespace) -> int:
    from egov_desk.core.server_setup import upgrade

    done = upgrade(_url(args))
    return _said_set_up(done, args, "up to date", "已是最新")


def cmd_server_check(args: argparse.Namespace) -> int:
    from egov_desk.cli.server_evidence import evidence_json, evidence_said
    from egov_desk.core.evidence_server import evidence_check
    from egov_desk.core.server import check

    found = check(_url(args))
    evidence = evidence_check(args.url) if found.current else None
    well = found.current and found.can_write and (evidence is None or evidence.reachable)
    if args.json:
        print_json(
            {
                "server": found.server,
                "database": found.database,
                "version": found.version,
                "revision": found.revision,
                "head": found.head,
                "current": found.current,
                "can_write": found.can_write,
                "reason": found.reason or None,
                **evidence_json(evidence),
            }
        )
        return 0 if well else 1
    chinese = _chinese()
    schema = found.revision or ("无（需 server init）" if chinese else "none (server init needed)")
    if chinese:
        print(f"服务器 {found.server}，PostgreSQL {found.version}，数据库 {found.database}")
        print(
            f"数据库结构 {schema}，本版本需要 {found.head}"
            + ("（需 server upgrade）" if found.revision and not found.current else "")
        )
        print("可以写入" if found.can_write else f"不能写入：{found.reason}")
    else:
        print(f"server {found.server}, PostgreSQL {found.version}, database {found.database}")
        print(
            f"schema {schema}, this version needs {found.head}"
            + (" (server upgrade)" if found.revision and not found.current else "")
        )
        print("writes land" if found.can_write else f"cannot write: {found.reason}")
    evidence_said(evidence, args)
    return 0 if well else 1
