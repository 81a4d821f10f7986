"""The score sheet and the report say what the total is made of when the table has sections outside the 100
(基础分 + 加分 − 扣分) and when a veto was triggered (一票否决：总分计 0 分)."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from egov_desk.core.exports.report import write_report
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.workspace import Workspace
from tests.core.test_veto_bonus import system_data


def vetoed_assessment(workspace: Workspace) -> int:
    system = workspace.add_system(system_data("zero"), "test:veto").system_id
    assessment = workspace.create_assessment(system, "测试单位", 2024).assessment_id
    workspace.set_input(assessment, "1", {"score": 50})
    workspace.set_input(assessment, "2", {"count": 2, "vetoed": True})
    workspace.set_input(assessment, "B1", {"count": 3})
    return assessment


def test_the_score_sheets_total_row_says_the_breakdown_and_the_veto(workspace: Workspace, tmp_path: Path) -> None:
    assessment = vetoed_assessment(workspace)
    sheet = openpyxl.load_workbook(write_score_sheet(workspace, assessment, tmp_path / "得分表.xlsx")).active
    texts = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    remark = next(text for text in texts if "一票否决（" in text)
    assert "基础分 88.00 + 加分 3.00 − 扣分 0.00" in remark
    assert "一票否决（2）：总分计 0 分" in remark


def test_the_reports_summary_says_the_veto(workspace: Workspace, tmp_path: Path) -> None:
    assessment = vetoed_assessment(workspace)
    document = docx.Document(str(write_report(workspace, assessment, tmp_path / "报告.docx")))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "一票否决（2）：总分计 0 分。" in text
