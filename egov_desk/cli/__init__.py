"""egov-desk-cli: everything the GUI does to data, from the command line.

Exit status: 0 done; 2 refused input (an impossible score, a bad file, a usage error) with one line on
stderr naming what and where; 1 any other failure (the workspace cannot be opened or written).

An impossible input is worded in the locale's language (:func:`egov_desk.core.messages.cli_language`: Chinese
under a zh_* LC_ALL / LC_MESSAGES / LANG, English otherwise), and so are argparse's own words (usage errors, the
help's headings: :mod:`~egov_desk.cli.usage_words`); the commands' help texts are English.

Each subject's module registers its own commands and imports what a command uses only when it runs; the table in
:mod:`~egov_desk.cli.commands` names each command's module, so only the module of the command run is imported and
its options built. `score`, `template show` and `import --json` load neither the database (SQLAlchemy) nor Qt; only
the PDF checklist, the binder and the report's chart need Qt (egov_desk.render), after the workspace has loaded
SQLAlchemy (PySide6's import hook makes every module imported after it slower). `tests/cli/test_lean_imports.py`.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module

from egov_desk.cli.commands import COMMANDS, chosen

TYPE_CHECKING = False  # typing's flag without importing typing: this module is read before Ctrl+C is handled
if TYPE_CHECKING:
    import argparse
    from collections.abc import Collection, Sequence
    from typing import Any


class _Only:
    """The sub-parsers as one command's module sees them: the command asked for is added to the parser; a sibling
    the same module registers (``verify`` beside ``evidence``) is built aside and dropped (it is listed already)."""

    def __init__(self, commands: Any, name: str) -> None:
        self._commands = commands
        self._name = name

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        import argparse

        return self._commands.add_parser(name, **kwargs) if name == self._name else argparse.ArgumentParser(name)


def build_parser(built: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The parser with the commands named in ``built`` (None: every one) built in full, their modules imported;
    every other command is listed by its name and help line alone (:mod:`egov_desk.cli.commands`)."""
    import argparse

    from egov_desk import __version__

    parser = argparse.ArgumentParser(prog="egov-desk-cli", description="电子政务绩效考评 — command line")
    parser.add_argument("--version", action="version", version=f"egov-desk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        if built is None or command.name in built:
            register = getattr(import_module(f"egov_desk.cli.{command.module}"), command.register)
            register(_Only(commands, command.name))
        else:  # listed only: never parsed with (main builds the command it runs), so no -h of its own to make
            commands.add_parser(command.name, help=command.help, prog=f"{parser.prog} {command.name}", add_help=False)
    return parser


def _database_errors() -> tuple[type[BaseException], ...]:
    """SQLite's errors and SQLAlchemy's, each when the command loaded it (loading one to catch it would cost every
    command its import; what was never loaded raised nothing)."""
    sqlite, sqlalchemy = sys.modules.get("sqlite3"), sys.modules.get("sqlalchemy.exc")
    return (*((sqlite.DatabaseError,) if sqlite else ()), *((sqlalchemy.SQLAlchemyError,) if sqlalchemy else ()))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. What it refuses (the input's fault) exits 2, what fails (the workspace, the disk, Qt
    missing) exits 1 — each said in one line in the locale's language. Ctrl+C exits 130 with one line from the
    first instant: this module imports nothing that takes time, the command's modules load in here."""
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    except KeyboardInterrupt:  # Ctrl+C where the command does not say more itself: one line, not a traceback
        from egov_desk.core.messages import cli_language, is_chinese

        print(f"egov-desk-cli: {'已取消' if is_chinese(cli_language()) else 'cancelled'}", file=sys.stderr)
        return 130


def _run(argv: list[str]) -> int:
    from egov_desk.cli import usage_words
    from egov_desk.core.errors import Failure, Refused
    from egov_desk.core.messages import cli_language, is_chinese, say

    usage_words.speak(is_chinese(cli_language()))
    command = chosen(argv)
    args = build_parser([command] if command else []).parse_args(argv)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # `egov-desk-cli … | head`: the reader left; that is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush quiet
        return 0
    except Refused as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 2
    except (Failure, OSError) as exc:
        print(f"egov-desk-cli: {say(exc, cli_language())}", file=sys.stderr)
        return 1
    except _database_errors() as exc:  # a page found damaged after the open's checks
        reason = getattr(exc, "orig", None) or exc
        chinese = is_chinese(cli_language())
        print(
            f"egov-desk-cli: {'工作区数据库出错' if chinese else 'the workspace database failed'}: {reason}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
