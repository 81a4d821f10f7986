"""The person's corrections of a reading, told back: how many there are and the ``egov-desk-cli import`` line that
makes the same reading, so what was decided in the wizard can be scripted. Read-only: nothing here reads a table."""

from __future__ import annotations

import shlex
from collections.abc import Mapping

from egov_desk.core.importers.grid import Grid
from egov_desk.core.importers.options import ImportOptions, RowKind


def runs(row_kinds: Mapping[int, RowKind]) -> list[tuple[int, int, RowKind]]:
    """The rows given a kind as runs of adjacent rows of one kind: (first grid row, last grid row, kind)."""
    out: list[tuple[int, int, RowKind]] = []
    for row in sorted(row_kinds):
        kind = row_kinds[row]
        if out and out[-1][1] == row - 1 and out[-1][2] == kind:
            out[-1] = (out[-1][0], row, kind)
        else:
            out.append((row, row, kind))
    return out


def count(options: ImportOptions) -> int:
    """How many corrections the options hold: one per flag of the command line that gives them."""
    return (
        (options.sheet is not None)
        + (options.header_rows is not None)
        + len(options.roles)
        + len(runs(options.row_kinds))
    )


def arguments(options: ImportOptions) -> list[str]:
    """The flags of ``egov-desk-cli import`` for the options; row numbers as the person sees them."""
    out: list[str] = []
    if options.sheet is not None:
        out += ["--sheet", options.sheet]
    if options.header_rows is not None:
        shown = ",".join(str(Grid.shown(row)) for row in options.header_rows)
        out += ["--header-row", shown or "none"]
    for column in sorted(options.roles):
        out += ["--role", f"{column + 1}={options.roles[column]}"]
    for first, last, kind in runs(options.row_kinds):
        rows = str(Grid.shown(first)) if first == last else f"{Grid.shown(first)}-{Grid.shown(last)}"
        out += ["--rows", f"{rows}={kind}"]
    return out


def command_line(file_name: str, options: ImportOptions) -> str:
    """``egov-desk-cli import FILE …``: the reading the options make, as a line a shell takes as it is."""
    return shlex.join(["egov-desk-cli", "import", file_name, *arguments(options)])
