"""``egov-desk-cli server people add|remove|list --url …``: who may change what on a server workspace.

``add --login L --role filler|reviewer|leader [--department D] [--name N]`` makes L's login (its password read from
stdin or ``--password-file F``, never from the command line) and its row; the server's row security then lets a
filler change only their department's items. Run as the workspace's owner. See :mod:`egov_desk.core.server_people`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from egov_desk.cli.common import Refused, print_json

URL_HELP = "the server's database, as its owner: postgresql://owner@host:port/database"


def add_people_commands(actions: Any) -> None:
    people = actions.add_parser("people", help="who may change what: logins, roles, departments (人员)")
    verbs = people.add_subparsers(dest="people_command", required=True)
    add = verbs.add_parser("add", help="add a person (a login of their own) or change their role or department")
    add.add_argument("--url", required=True, help=URL_HELP)
    add.add_argument("--login", required=True, help="their login on the server")
    add.add_argument("--role", required=True, choices=("filler", "reviewer", "leader"), help="填报人/审核人/负责人")
    add.add_argument("--department", default="", help="a filler's department, as the indicator system names it")
    add.add_argument("--name", default="", help="their name, as the history shows it")
    add.add_argument(
        "--password-file", metavar="FILE", help="read the password from FILE's first line (else from stdin)"
    )
    add.add_argument("--password", help=argparse.SUPPRESS)  # refused in words: see _password
    add.set_defaults(run=cmd_people_add)
    remove = verbs.add_parser("remove", help="take a person's rights and row away (their login too)")
    remove.add_argument("--url", required=True, help=URL_HELP)
    remove.add_argument("--login", required=True)
    remove.set_defaults(run=cmd_people_remove)
    listed = verbs.add_parser("list", help="the people and their roles and departments")
    listed.add_argument("--url", required=True, help=URL_HELP)
    listed.add_argument("--json", action="store_true")
    listed.set_defaults(run=cmd_people_list)


def _url(args: argparse.Namespace) -> str:
    from egov_desk.core.server import is_server_url

    if not is_server_url(args.url):
        raise Refused(
            f"--url {args.url}: people are kept on a server (postgresql://…); a workspace folder is one PC's, "
            "and has no logins to keep apart",
            f"--url {args.url}：人员只在服务器上的工作区里设置（postgresql://…）；工作区文件夹只在一台电脑上使用，"
            "没有需要区分的登录名",
        )
    return str(args.url)


def _chinese() -> bool:
    from egov_desk.core.messages import cli_language, is_chinese

    return is_chinese(cli_language())


def _password(args: argparse.Namespace) -> str:
    """The first line of --password-file, else of stdin (asked without echo on a terminal; empty: keep it)."""
    if args.password is not None:
        raise Refused(
            "--password: a password on the command line is seen by everyone on this PC (ps, the shell's history); "
            "give it on stdin or with --password-file FILE",
            "--password：写在命令行里的密码本机所有人都能看到（ps、命令历史）；"
            "请通过标准输入或 --password-file 文件提供",
        )
    if args.password_file:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise Refused(
                f"--password-file {args.password_file}: cannot read it ({exc})",
                f"--password-file {args.password_file}：无法读取（{exc}）",
            ) from None
    elif sys.stdin is not None and sys.stdin.isatty():
        text = getpass.getpass("password (empty: keep the login's) / 密码（留空：不变）: ")
    else:
        text = sys.stdin.read() if sys.stdin is not None else ""
    return text.splitlines()[0] if text.strip() else ""


def _who(entry: Any, chinese: bool) -> str:
    from egov_desk.core.server_people import role_words

    role = role_words(entry.role, chinese)
    if entry.department:
        role = f"{entry.department} {role}"
    name = f" {entry.name}" if entry.name else ""
    return f"{entry.login}{name}（{role}）" if chinese else f"{entry.login}{name} ({role})"


def cmd_people_add(args: argparse.Namespace) -> int:
    from egov_desk.core.server_people import add_person, check_person

    url = _url(args)
    check_person(args.login, args.role, args.department)  # refused before a password is asked for
    entry = add_person(url, args.login, args.role, args.department, args.name, _password(args))
    print(f"已添加 {_who(entry, True)}" if _chinese() else f"added {_who(entry, False)}")
    return 0


def cmd_people_remove(args: argparse.Namespace) -> int:
    from egov_desk.core.server_people import remove_person

    removed = remove_person(_url(args), args.login)
    chinese = _chinese()
    print(f"已移除 {_who(removed.entry, True)}" if chinese else f"removed {_who(removed.entry, False)}")
    if not removed.login_dropped:
        print(
            "其登录名仍在服务器上（另一个数据库还授予它权限），在本工作区已无任何权限"
            if chinese
            else "its login stays on the server (another database still grants it something); here it has no rights"
        )
    return 0


def cmd_people_list(args: argparse.Namespace) -> int:
    from egov_desk.core.server_people import people

    found = people(_url(args))
    if args.json:
        print_json([{"login": e.login, "name": e.name, "role": e.role, "department": e.department} for e in found])
        return 0
    chinese = _chinese()
    if not found:
        print(
            "还没有人员：只有工作区所有者可以修改（server people add 添加）"
            if chinese
            else "no people yet: only the workspace's owner can change it (add them with server people add)"
        )
    for entry in found:
        print(_who(entry, chinese))
    return 0
