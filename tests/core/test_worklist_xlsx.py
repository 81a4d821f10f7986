"""The worklist as a workbook: every entry under its lead department, the counts per kind, landscape."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from egov_desk.core.exports.worklist_xlsx import HEAD, write_worklist_xlsx
from egov_desk.core.worklist import KIND_LABELS, UNSCORED, worklist
from egov_desk.core.workspace import Workspace


def test_every_entry_is_a_row_with_its_department_and_the_counts_match(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    work = worklist(demo, assessment)
    system = demo.system(demo.assessment(assessment).system_id)
    book = load_workbook(write_worklist_xlsx(work, system, "2019 自评", tmp_path / "待办.xlsx"))
    entries = book["待办清单"]
    assert [cell.value for cell in entries[1]] == list(HEAD)
    assert entries.max_row - 1 == len(work.entries)
    assert entries.page_setup.orientation == "landscape"
    rows = [[cell.value for cell in row] for row in entries.iter_rows(min_row=2)]
    unscored = [row for row in rows if row[1] == KIND_LABELS[UNSCORED]]
    assert len(unscored) == work.counts()[UNSCORED]
    lead = {item.code: item.lead for item in system.items()}
    assert all(row[0] == (lead[row[2]] or "未分配") for row in rows)
    counts = {row[0].value: row[1].value for row in book["按类别统计"].iter_rows(min_row=3)}
    assert counts[KIND_LABELS[UNSCORED]] == work.counts()[UNSCORED]
