"""What every command shares: refusing bad input, reading JSON, opening the workspace.

Every command module imports this one when the parser is built, so it imports nothing heavy itself: the workspace
(SQLAlchemy) is loaded by the commands that open one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.core.errors import Failure, Refused
from egov_desk.core.messages import os_reason_zh

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

DEFAULT_FOLDER = "{default workspace folder}"  # in a help text: replaced by the folder when the help is printed


Failed = Failure  # the command cannot be done here, through no fault of its input: exit status 1

__all__ = ["DEFAULT_FOLDER", "Failed", "Refused"]


class WorkspaceHelp(argparse.HelpFormatter):
    """Names the default workspace folder only when the help is printed (finding it loads platformdirs)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if text and DEFAULT_FOLDER in text:
            return text.replace(DEFAULT_FOLDER, str(default_workspace_dir()))
        return text


def default_workspace_dir() -> Path:
    from egov_desk.core.workspace_place import default_workspace_dir as folder

    return folder()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise Refused(f"{path}: cannot read ({exc.strerror})", f"无法读取 {path}（{os_reason_zh(exc)}）") from None
    except UnicodeDecodeError:
        raise Refused(f"{path}: not UTF-8 text", f"{path} 不是 UTF-8 文本") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused(
            f"{path}: not valid JSON (line {exc.lineno} column {exc.colno}: {exc.msg})",
            f"{path} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
        ) from None


def read_inputs(path: str) -> dict[str, Any]:
    """An inputs file: ``{"items": {"001": INPUT, …}}``."""
    data = read_json(path)
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, dict):
        raise Refused(
            f'{path}: expected {{"items": {{"001": {{…}}, …}}}}',
            f'{path} 的格式应为 {{"items": {{"001": {{…}}, …}}}}',
        )
    return items


def is_server(workspace: str | None) -> bool:
    """``--workspace`` names a PostgreSQL server's workspace (postgresql://…), not a folder."""
    return bool(workspace) and str(workspace).split("://", 1)[0].lower() in (
        "postgresql",
        "postgres",
        "postgresql+psycopg",
    )


def workspace_folder(args: argparse.Namespace) -> Path:
    """The folder ``--workspace`` names, for a command about the folder itself (its file, backups, lock); a
    server's URL is refused, saying what to use there instead."""
    if is_server(args.workspace):
        raise Refused(
            f"--workspace {args.workspace}: this command works on a workspace folder; a workspace on a server is "
            "set up with `server init`, checked with `server check` and backed up by the server (pg_dump)",
            f"--workspace {args.workspace}：这个命令只用于工作区文件夹；服务器上的工作区请用 server init 建立、"
            "server check 检查，由服务器备份（pg_dump）",
        )
    return Path(args.workspace) if args.workspace else default_workspace_dir()


def open_workspace(args: argparse.Namespace, create: bool = False) -> Workspace:
    """The workspace ``--workspace`` names: a folder (the default one when not given) or a server's URL, whose
    database must have been set up with ``server init``; its evidence files are kept where EGOV_VAULT says."""
    from egov_desk.core.workspace import Workspace

    if is_server(args.workspace):
        return Workspace.connect(args.workspace)
    folder = Path(args.workspace) if args.workspace else default_workspace_dir()
    return Workspace.open(folder, create=create)


def assessment_of(workspace: Workspace, args: argparse.Namespace) -> int:
    if args.assessment is None:
        return workspace.default_assessment().id
    return workspace.assessment(args.assessment).id
