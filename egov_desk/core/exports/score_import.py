"""Scores typed into a score sheet's 自评得分 column, read back: manual and external items take the number;
items scored by a rule refuse a typed number (their inputs are entered in egov-desk). One transaction.

Each refusal is an :class:`~egov_desk.core.rule_inputs.InputError` (``ScoreImport.problems``: kind
``scored_by_rule``, ``unknown_item``, ``not_a_number``, ``above_max`` …; the field is the sheet's 自评得分) and is
worded in the requested language in ``ScoreImport.refused`` as ``(code, why)``."""

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
from egov_desk.core.messages import ZH, describe
from egov_desk.core.points import NotANumber, rounded, to_points
from egov_desk.core.rules import InputError

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

TYPED = ("manual", "external")


@dataclass
class ScoreImport:
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # code, before, after
    unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # code, why (worded in the language asked for)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)  # the refusals, structured (same order as refused)
    language: str = ZH

    def refuse(self, problem: InputError) -> None:
        self.problems.append(problem)
        self.refused.append((problem.code, describe(problem, self.language, with_code=False)))


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, int, int]:
    for number, row in enumerate(rows[:10]):
        texts = [str(v).strip() if v is not None else "" for v in row]
        if CODE_HEADER in texts and SCORE_HEADER in texts:
            return number, texts.index(CODE_HEADER), texts.index(SCORE_HEADER)
    raise ImportRefused(f"no header row with the columns {CODE_HEADER} and {SCORE_HEADER}: is this a score sheet?")


def read_scores(workspace: Workspace, assessment_id: int, path: Path, language: str = ZH) -> ScoreImport:
    """What the sheet would change, and what it cannot (worded in ``language``); nothing is written."""
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
    result = ScoreImport(language=language)
    for row in rows[header + 1 :]:
        if len(row) <= max(code_column, score_column):
            continue
        code = str(row[code_column]).strip() if row[code_column] is not None else ""
        value = row[score_column]
        if not code or value is None or value == "":
            continue
        if code not in sheet.items:  # a score typed beside a code this system does not have
            result.refuse(InputError("", code=code, kind="unknown_item"))
            continue
        try:
            typed = to_points(value)
        except NotANumber:
            result.refuse(
                InputError("score", code=code, kind="not_a_number", values={"value": value}, label=SCORE_HEADER)
            )
            continue
        item = sheet.system.item(code)
        shown = rounded(sheet.items[code].points)
        if item.scoring.type not in TYPED:
            scored = sheet.items[code].scored or sheet.items[code].partial
            if scored and rounded(typed) == shown:
                result.unchanged += 1
            else:
                result.refuse(InputError("", code=code, kind="scored_by_rule", values={"rule": item.scoring.type}))
            continue
        before = current.get(code, {}).get("score")
        if before is not None and to_points(before) == typed:
            result.unchanged += 1
            continue
        inp = {"score": int(typed) if typed == typed.to_integral_value() else float(typed)}
        try:
            item.scoring.evaluate(inp)
        except InputError as exc:
            result.refuse(exc.replace(code=code, label=exc.label or SCORE_HEADER))
            continue
        result.inputs[code] = inp
        result.changed.append((code, "未评分" if before is None else str(before), str(Decimal(str(inp["score"])))))
    return result


def import_scores(
    workspace: Workspace, assessment_id: int, path: Path, dry_run: bool = False, language: str = ZH
) -> ScoreImport:
    result = read_scores(workspace, assessment_id, path, language)
    if result.inputs and not dry_run:
        workspace.set_inputs(assessment_id, result.inputs)
    return result
