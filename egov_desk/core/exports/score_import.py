"""Scores typed into a score sheet's 自评得分 column, read back: manual and external items take the number;
items scored by a rule refuse a typed number (their inputs are entered in egov-desk). One transaction.

The workbook is read like an indicator table (:mod:`egov_desk.core.importers.limits`): the package checked,
every part unpacked through a :class:`~egov_desk.core.importers.limits.CappedZip` under one budget, and the first
sheet's rows streamed — at most :data:`MAX_ROWS` (a score sheet has a few hundred), so a ZIP bomb, a huge shared
strings part or a sheet of millions of rows is refused (:class:`ImportRefused`, naming the file, worded in English
and Chinese) instead of being loaded.

Each refusal of a typed score is an :class:`~egov_desk.core.rules.InputError` (``ScoreImport.problems``:
kind ``scored_by_rule``, ``unknown_item``, ``not_a_number``, ``above_max`` …; the field is the sheet's 自评得分)
and is worded in the requested language in ``ScoreImport.refused`` as ``(code, why)``."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.core.changes import Changes
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.exports.score_sheet import CODE_HEADER, SCORE_HEADER
from egov_desk.core.final_lock import AssessmentFinal
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.importers.safety import check_package
from egov_desk.core.importers.xlsx import _refusal_inside
from egov_desk.core.importers.xlsx_stream import Sheet, open_read_only, sheets_of, stream_rows
from egov_desk.core.messages import ZH, describe
from egov_desk.core.points import NotANumber, json_number, rounded, to_points
from egov_desk.core.review_states import STAGE_FINAL
from egov_desk.core.rules import InputError, PassFail

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

TYPED = ("manual", "external")
MAX_ROWS = 5000  # a score sheet has a row per item (a few hundred); a sheet past this is refused
HEADER_ROWS = 10  # the header (编号 … 自评得分) is looked for in the sheet's first rows

Row = tuple[int, dict[int, Any]]  # row number, {column (1-based): value}


@dataclass
class ScoreImport:
    changed: list[tuple[str, str, str]] = field(default_factory=list)  # code, before, after
    unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # code, why (worded in the language asked for)
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[InputError] = field(default_factory=list)  # the refusals, structured (same order as refused)
    language: str = ZH
    changes: Changes = field(default_factory=Changes)  # what applying the sheet changed (nothing in a dry run)

    def refuse(self, problem: InputError) -> None:
        self.problems.append(problem)
        self.refused.append((problem.code, describe(problem, self.language, with_code=False)))


def _blank(value: Any) -> bool:
    return value is None or not str(value).strip()


def _rows(sheet: Sheet, file: str, budget: Budget) -> list[Row]:
    """The sheet's rows that hold anything, streamed; refused at the first such row past MAX_ROWS."""
    rows: list[Row] = []
    stream = stream_rows(sheet, budget)
    try:
        for number, values in stream:
            if all(_blank(value) for value in values.values()):
                continue
            if number > MAX_ROWS:
                raise ImportRefused(
                    f"{file}: sheet {sheet.title} has more than {MAX_ROWS} rows; a score sheet has far fewer "
                    "— reading stopped there",
                    f"{file}：工作表“{sheet.title}”超过 {MAX_ROWS} 行，自评得分表远没有这么多行——已停止读取",
                    "too_many_rows",
                    {"file": file, "sheet": sheet.title, "limit": MAX_ROWS},
                )
            rows.append((number, values))
    finally:
        stream.close()
    return rows


def _sheet_rows(path: Path, file: str) -> list[Row]:
    """The first sheet's rows, read within an import's budget (see :mod:`egov_desk.core.importers.limits`)."""
    budget = Budget(file=file)
    check_package(path, "Excel", budget)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
            with CappedZip(path, budget) as archive:
                workbook = open_read_only(archive)
                try:
                    sheets = sheets_of(workbook)
                    if not sheets:
                        raise ImportRefused(
                            f"{file}: the workbook has no sheet",
                            f"{file}：工作簿中没有工作表",
                            "no_data",
                            {"file": file},
                        )
                    return _rows(sheets[0], file, budget)
                finally:
                    workbook.close()
    except ImportRefused:
        raise
    except Exception as exc:  # openpyxl raises many kinds on broken workbooks
        if refusal := _refusal_inside(exc):  # a budget refusal openpyxl wrapped in an error of its own
            raise refusal from None
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())  # one line
        raise ImportRefused(
            f"{file}: Excel cannot read this file ({reason})",
            f"{file}：无法作为 Excel 文件读取（{reason}）",
            "damaged",
            {"file": file},
        ) from None


def _header(rows: list[Row], file: str) -> tuple[int, int, int]:
    """The header's row number and the columns of 编号 and 自评得分 (the first of each, as Excel shows them)."""
    for number, values in rows:
        if number > HEADER_ROWS:
            break
        texts = {column: str(value).strip() for column, value in values.items() if value is not None}
        codes = [column for column, text in texts.items() if text == CODE_HEADER]
        scores = [column for column, text in texts.items() if text == SCORE_HEADER]
        if codes and scores:
            return number, min(codes), min(scores)
    raise ImportRefused(
        f"{file}: no header row with the columns {CODE_HEADER} and {SCORE_HEADER} in its first {HEADER_ROWS} rows: "
        "is this a score sheet?",
        f"{file}：前 {HEADER_ROWS} 行中没有含“{CODE_HEADER}”和“{SCORE_HEADER}”两列的表头，这是自评得分表吗？",
        "no_header",
        {"file": file},
    )


def _typed(path: Path) -> list[tuple[str, Any]]:
    """(code, typed value) of each row below the header that has both; the file's name made printable."""
    file = display_name(path.name)
    try:
        rows = _sheet_rows(path, file)
        header, code_column, score_column = _header(rows, file)
    except ImportRefused as exc:  # check_package names the file as the file system gave it
        shown = display_name(str(exc))
        if shown == str(exc):
            raise
        raise exc.renamed(shown, display_name(exc.chinese)) from None
    typed = []
    for number, values in rows:
        if number <= header:
            continue
        code_value, value = values.get(code_column), values.get(score_column)
        code = str(code_value).strip() if code_value is not None else ""
        if code and value is not None and value != "":
            typed.append((code, value))
    return typed


def refuse_final(workspace: Workspace, assessment_id: int) -> None:
    info = workspace.assessment(assessment_id)
    if info.stage == STAGE_FINAL:
        label = f"{info.year} {info.title}"
        raise AssessmentFinal(
            f"the assessment {label} is final (signed off): no scores can be imported into it until the leader "
            "reopens it",
            f"考评“{label}”已定稿，不能再导入得分；如需修改，请由负责人先“重新打开”。",
            "assessment_final",
            assessment_id=assessment_id,
        )


def read_scores(workspace: Workspace, assessment_id: int, path: Path, language: str = ZH) -> ScoreImport:
    """What the sheet would change, and what it cannot (worded in ``language``); nothing is written.

    Raises :class:`ImportRefused` (``describe(language)`` words it) for a file that is no score sheet or passes a
    limit of the import's budget; a final assessment is refused (:class:`AssessmentFinal`) before the file is read."""
    refuse_final(workspace, assessment_id)
    typed_scores = _typed(Path(path))
    sheet = workspace.scores(assessment_id)
    current = workspace.inputs(assessment_id)
    result = ScoreImport(language=language)
    for code, value in typed_scores:
        if code not in sheet.items:  # a score typed beside a code this system does not have
            result.refuse(InputError("", code=code, kind="unknown_item"))
            continue
        item = sheet.system.item(code)
        if isinstance(item.scoring, PassFail):  # 合格 / 基本合格 / 不合格 typed in the score column
            _judgement(result, item.scoring, code, value, current.get(code))
            continue
        try:
            typed = to_points(value)
        except NotANumber:
            result.refuse(
                InputError("score", code=code, kind="not_a_number", values={"value": value}, label=SCORE_HEADER)
            )
            continue
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
        inp = {"score": json_number(typed)}
        try:
            item.scoring.evaluate(inp)
        except InputError as exc:
            result.refuse(exc.replace(code=code, label=exc.label or SCORE_HEADER))
            continue
        result.inputs[code] = inp
        result.changed.append((code, "未评分" if before is None else str(before), str(Decimal(str(inp["score"])))))
    return result


def _judgement(result: ScoreImport, rule: PassFail, code: str, value: object, now: Mapping[str, Any] | None) -> None:
    """A judgement typed for a pass/fail item: one of its levels (unchanged, or a change), else refused."""
    text = str(value).strip()
    if text not in rule.levels:
        levels = "、".join(rule.levels)
        result.refuse(
            InputError("level", code=code, kind="not_a_level", values={"value": text, "levels": levels}, label="评定")
        )
        return
    level = rule.levels.index(text)
    before = (now or {}).get("level")
    if before == level:
        result.unchanged += 1
        return
    result.inputs[code] = {"level": level}
    shown_before = rule.levels[before] if isinstance(before, int) and 0 <= before < len(rule.levels) else "未评定"
    result.changed.append((code, shown_before, text))


def import_scores(
    workspace: Workspace, assessment_id: int, path: Path, dry_run: bool = False, language: str = ZH
) -> ScoreImport:
    """Read the sheet and save what it changes, in one transaction (``result.changes``). Undone by setting the
    inputs the result's codes had before (:meth:`Workspace.set_inputs` with ``expected``)."""
    result = read_scores(workspace, assessment_id, path, language)
    if result.inputs and not dry_run:
        result.changes = workspace.set_inputs(assessment_id, result.inputs)
    return result
