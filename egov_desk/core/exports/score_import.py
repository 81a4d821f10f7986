"""Scores typed into a score sheet's 自评得分 column, read back: manual and external items take the number;
items scored by a rule refuse a typed number (their inputs are entered in egov-desk). One transaction."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl

from egov_desk.core.exports.score_sheet import CODE_HEADER, SCORE_HEADER
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.safety import check_package
from egov_desk.core.points import NotANumber, rounded, to_points
from egov_desk.core.rules import InputError

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

TYPED = ("manual", "external")


@dataclass
class ScoreImport:
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # code, before, after
    unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # code, why
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, int, int]:
    for number, row in enumerate(rows[:10]):
        texts = [str(v).strip() if v is not None else "" for v in row]
        if CODE_HEADER in texts and SCORE_HEADER in texts:
            return number, texts.index(CODE_HEADER), texts.index(SCORE_HEADER)
    raise ImportRefused(f"no header row with the columns {CODE_HEADER} and {SCORE_HEADER}: is this a score sheet?")


def read_scores(workspace: Workspace, assessment_id: int, path: Path) -> ScoreImport:
    """What the sheet would change, and what it cannot; nothing is written."""
    check_package(path, "Excel")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            rows = list(book.worksheets[0].iter_rows(values_only=True, max_row=5000))
            book.close()
    except Exception as exc:  # openpyxl raises many kinds on broken workbooks
        raise ImportRefused(f"{path.name}: Excel cannot read this file ({type(exc).__name__}: {exc})") from None
    header, code_column, score_column = _header(rows)
    sheet = workspace.scores(assessment_id)
    current = workspace.inputs(assessment_id)
    result = ScoreImport()
    for row in rows[header + 1 :]:
        if len(row) <= max(code_column, score_column):
            continue
        code = str(row[code_column]).strip() if row[code_column] is not None else ""
        value = row[score_column]
        if not code or code not in sheet.items or value is None or value == "":
            continue
        try:
            typed = to_points(value)
        except NotANumber:
            result.refused.append((code, f"“{value}” is not a number"))
            continue
        item = sheet.system.item(code)
        shown = rounded(sheet.items[code].points)
        if item.scoring.type not in TYPED:
            scored = sheet.items[code].scored or sheet.items[code].partial
            if scored and rounded(typed) == shown:
                result.unchanged += 1
            else:
                result.refused.append(
                    (code, f"scored by its rule ({item.scoring.type}); enter its inputs in egov-desk")
                )
            continue
        before = current.get(code, {}).get("score")
        if before is not None and to_points(before) == typed:
            result.unchanged += 1
            continue
        inp = {"score": int(typed) if typed == typed.to_integral_value() else float(typed)}
        try:
            item.scoring.evaluate(inp)
        except InputError as exc:
            result.refused.append((code, exc.for_item(code).message))
            continue
        result.inputs[code] = inp
        result.changed.append((code, "未评分" if before is None else str(before), str(Decimal(str(inp["score"])))))
    return result


def import_scores(workspace: Workspace, assessment_id: int, path: Path, dry_run: bool = False) -> ScoreImport:
    result = read_scores(workspace, assessment_id, path)
    if result.inputs and not dry_run:
        workspace.set_inputs(assessment_id, result.inputs)
    return result
