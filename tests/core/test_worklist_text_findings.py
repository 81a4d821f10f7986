"""The worklist names what the evidence text says against the assessment (材料内容存疑): per item, one line a file and
finding with the pages it stands on — in the list, its JSON, its workbook and its printed page alike."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.worker import work_queue
from egov_desk.core.exports.worklist_xlsx import write_worklist_xlsx
from egov_desk.core.worklist import KIND_LABELS, TEXT_FINDING, worklist
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import text_pdf

LETTER = ["某某市交通运输局文件", "关于报送统计数据的通知", "各单位：请按时报送材料。", "某某市交通运输局", "2016年5月"]


def test_a_file_whose_text_is_another_units_dated_letter_is_on_the_worklist_under_its_item(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    assessment = workspace.default_assessment().id
    letters = text_pdf(tmp_path / "来函.pdf", [["说明", "正文"], LETTER, LETTER])  # the letter on pages 2 and 3
    own = text_pdf(tmp_path / "本单位总结.pdf", [["本单位文件", "年度工作总结", "本单位", "2019年12月5日"]])
    workspace.evidence.attach(assessment, "007", [letters, own])
    work_queue(workspace, RapidEngine())

    work = worklist(workspace, assessment)
    [entry] = work.of_kind(TEXT_FINDING)
    assert (entry.code, entry.label) == ("007", "材料内容存疑")
    assert entry.subjects == (
        "来函.pdf 第 2、3 页：2016年5月 不在考评年度（2019）内",
        "来函.pdf 第 2、3 页：可能是其他单位的材料：某某市交通运输局",
    )
    assert work.counts()[TEXT_FINDING] == 1  # the item, as its one row under 材料内容存疑 says
    assert work.to_json()["counts"][TEXT_FINDING] == 1

    system = workspace.system(workspace.assessment(assessment).system_id)
    book = load_workbook(write_worklist_xlsx(work, system, "2019 自评", tmp_path / "待办.xlsx"))
    rows = [[cell.value for cell in row] for row in book["待办清单"].iter_rows(min_row=2)]
    [row] = [row for row in rows if row[1] == KIND_LABELS[TEXT_FINDING]]
    assert row[2] == "007"
    assert row[4] == "\n".join(entry.subjects)
    counts = {row[0].value: row[1].value for row in book["按类别统计"].iter_rows(min_row=3)}
    assert counts["材料内容存疑"] == 1


def test_a_department_s_worklist_holds_only_the_text_findings_of_its_items(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    assessment = workspace.default_assessment().id
    system = workspace.system(workspace.assessment(assessment).system_id)
    item = next(item for item in system.items() if item.code == "007")
    other = next(name for name in system.departments() if name != item.lead and name not in item.cooperating)
    workspace.evidence.attach(assessment, "007", [text_pdf(tmp_path / "来函.pdf", [LETTER])])
    work_queue(workspace, RapidEngine())

    assert item.lead is not None
    assert [entry.code for entry in worklist(workspace, assessment, item.lead).of_kind(TEXT_FINDING)] == ["007"]
    assert worklist(workspace, assessment, other).of_kind(TEXT_FINDING) == []
