"""Importing an indicator table into a workspace: the one use case the import wizard and
``egov-desk-cli import --into`` both call.

The table's system and an assessment of it are stored in ONE transaction (both, or neither). The assessment's
year is the table's (its title's ``2019年``), else the year the person gave, else the import is refused —
never a year 0. The unit is the one given, else the current assessment's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desk.core.changes import Changes
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.pipeline import ImportResult, system_data, system_key

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace


def assessment_year(result: ImportResult, given: int | None, file: str) -> int:
    """The year the imported assessment is for: the year given (as given — a 2019 table may serve 2020), else the
    table's own (its title's ``2019年``); neither: refused. The command line says when the two differ."""
    if given:
        return given
    stated = result.data.get("year")
    if stated:
        return int(stated)
    raise ImportRefused(
        f"{file}: the table's title names no year; say which year the assessment is for",
        f"{file}：表格标题中没有年份，请指明考评年度",
        "no_year",
        {"file": file},
    )


def import_into_workspace(
    workspace: Workspace,
    result: ImportResult,
    path: Path,
    *,
    accept: bool = False,
    unit: str | None = None,
    year: int | None = None,
    before_write: Callable[[], object] | None = None,
) -> Changes:
    """Store the table read from ``path`` (``result``) as an indicator system with an assessment of it.

    Refused before anything is written: errors in the table not ``accept``-ed, no year, a read-only workspace.
    ``before_write`` runs after those checks and before the write (the CLI's ``before-import`` backup); what
    it raises stops the import. Returns the :class:`~egov_desk.core.changes.SystemAdded` and
    :class:`~egov_desk.core.changes.AssessmentAdded` — only the latter when the same table, read the same way,
    was imported before (its system is used again); ``workspace.remove_assessment(id, with_system=True)``
    undoes it."""
    file = display_name(path.name)
    data = system_data(result, accept=accept)
    chosen_year = assessment_year(result, year, file)
    chosen_unit = (unit or "").strip() or workspace.default_assessment().unit
    workspace.refuse_if_read_only()
    if before_write is not None:
        before_write()
    title = distinct_title(workspace, chosen_unit, chosen_year, str(data.get("title") or display_name(path.stem)))
    key = system_key(path, result.options)
    stored = next((system for system in workspace.systems() if system.key == key), None)
    if stored is not None:  # the same table read the same way before: a new assessment of the system stored then
        return workspace.create_assessment(stored.id, chosen_unit, chosen_year, title).changes
    return workspace.import_system(data, key, file, chosen_unit, chosen_year, title)


def distinct_title(workspace: Workspace, unit: str, year: int, table: str, plain: str = "自评") -> str:
    """The new assessment's title: 自评, or — when the unit already has a 自评 that year — 自评（the table's title),
    so the two are told apart in the assessment list and in the undo step's name."""
    taken = {info.title for info in workspace.assessments() if info.unit == unit and info.year == year}
    if plain not in taken:
        return plain
    short = table if len(table) <= 20 else table[:19] + "…"
    title, number = f"{plain}（{short}）", 2
    while title in taken:  # the number first, where a list that cuts long titles short still shows it
        title, number = f"{plain} {number}（{short}）", number + 1
    return title
