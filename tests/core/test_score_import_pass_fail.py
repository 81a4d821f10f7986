"""A pass/fail score sheet read back: the judgements typed in 自评得分 (合格 / 基本合格 / 不合格) are the items'
inputs — unchanged when they match, a change when another level is typed, refused when no level matches."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from egov_desk.core.exports.score_import import read_scores
from egov_desk.core.exports.score_sheet import SCORE_HEADER, write_score_sheet
from egov_desk.core.workspace import Workspace
from tests.core.test_exports_pass_fail import judged_system_data


def judged_assessment(workspace: Workspace) -> int:
    system = workspace.add_system(judged_system_data(), "test:judged").system_id
    assessment = workspace.create_assessment(system, "测试单位", 2024).assessment_id
    workspace.set_input(assessment, "001", {"level": 0})
    workspace.set_input(assessment, "002", {"level": 2})
    return assessment


def retype(path: Path, typed: dict[str, str]) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = next(row for row in sheet.iter_rows() if any(cell.value == SCORE_HEADER for cell in row))
    score = next(cell.column for cell in header if cell.value == SCORE_HEADER)
    code = next(cell.column for cell in header if cell.value == "编号")
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        value = row[code - 1].value
        if value in typed:
            sheet.cell(row[0].row, score, typed[str(value)])
    book.save(path)
    return path


def test_a_pass_fail_sheet_read_back_as_exported_changes_nothing(workspace: Workspace, tmp_path: Path) -> None:
    assessment = judged_assessment(workspace)
    result = read_scores(workspace, assessment, write_score_sheet(workspace, assessment, tmp_path / "表.xlsx"))
    assert result.refused == []
    assert result.inputs == {}
    assert result.unchanged == 2


def test_a_judgement_typed_in_the_sheet_is_read_and_a_wrong_one_refused(workspace: Workspace, tmp_path: Path) -> None:
    assessment = judged_assessment(workspace)
    path = retype(write_score_sheet(workspace, assessment, tmp_path / "表.xlsx"), {"002": "基本合格", "003": "优秀"})
    result = read_scores(workspace, assessment, path)
    assert result.inputs == {"002": {"level": 1}}
    assert result.changed == [("002", "不合格", "基本合格")]
    assert result.refused == [("003", "评定“优秀”不是本项的评定等次（合格、基本合格、不合格）")]
