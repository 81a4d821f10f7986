"""The snapshot frozen at 定稿: one SHA-256, printed the same on the report, the score sheet and the package's
manifest, equal to what snapshot_hash says at the time; and it changes when what it covers changes."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from egov_desk.core import sign_off
from egov_desk.core.exports.package import export_package
from egov_desk.core.exports.report import write_report
from egov_desk.core.exports.score_sheet import write_score_sheet
from egov_desk.core.person import Person
from egov_desk.core.snapshot import FROZEN_LABEL, snapshot_hash
from egov_desk.core.workspace import Workspace


def printed_on_report(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.startswith(FROZEN_LABEL)]


def printed_on_score_sheet(path: Path) -> list[str]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return [
        str(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FROZEN_LABEL)
    ]


def printed_in_manifest(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        lines = package.read("SHA256SUMS").decode("utf-8").splitlines()
    return [line.removeprefix("# ") for line in lines if FROZEN_LABEL in line]


def test_the_three_exports_print_the_hash_frozen_at_finalize(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    demo.set_person(Person("王局长", "leader"))
    expected = snapshot_hash(demo, assessment)
    assert sign_off.finalize(demo, assessment, force=True).snapshot == expected
    line = f"{FROZEN_LABEL}{expected}"
    assert printed_on_report(write_report(demo, assessment, tmp_path / "报告.docx")) == [line]
    assert printed_on_score_sheet(write_score_sheet(demo, assessment, tmp_path / "得分表.xlsx")) == [line]
    export_package(demo, assessment, tmp_path / "材料包.zip")
    assert printed_in_manifest(tmp_path / "材料包.zip") == [line]


def test_nothing_is_printed_before_finalize_nor_after_reopening(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    assert printed_on_report(write_report(demo, assessment, tmp_path / "报告.docx")) == []
    demo.set_person(Person("王局长", "leader"))
    sign_off.finalize(demo, assessment, force=True)
    sign_off.reopen(demo, assessment, "补材料")
    assert printed_on_score_sheet(write_score_sheet(demo, assessment, tmp_path / "得分表.xlsx")) == []
    export_package(demo, assessment, tmp_path / "材料包.zip")
    assert printed_in_manifest(tmp_path / "材料包.zip") == []


def test_the_hash_is_stable_and_not_moved_by_what_it_does_not_cover(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    first = snapshot_hash(demo, assessment)
    assert snapshot_hash(demo, assessment) == first
    demo.update_assessment(assessment, title="另一个标题", report_date=date(2020, 1, 2))
    file = demo.evidence.files(assessment)[0]
    demo.evidence.set_date(file.id, date(2019, 5, 5))
    assert snapshot_hash(demo, assessment) == first


def change_score(workspace: Workspace, assessment: int, tmp_path: Path) -> None:
    workspace.set_input(assessment, "004", {"score": 0.5})


def change_input_not_score(workspace: Workspace, assessment: int, tmp_path: Path) -> None:
    inp = dict(workspace.inputs(assessment)["001"])
    inp["spare"] = "x"  # an input kept as typed, the score the same
    workspace.set_input(assessment, "001", inp)


def change_note(workspace: Workspace, assessment: int, tmp_path: Path) -> None:
    workspace.set_note(assessment, "001", "新的说明")


def change_evidence_file(workspace: Workspace, assessment: int, tmp_path: Path) -> None:
    path = tmp_path / "另一个文件.txt"
    path.write_text("不同的内容", encoding="utf-8")
    workspace.evidence.attach(assessment, "002", [path])


def remove_evidence_link(workspace: Workspace, assessment: int, tmp_path: Path) -> None:
    link_id = workspace.evidence.files(assessment)[0].links[0][0]
    workspace.evidence.unlink(link_id)


@pytest.mark.parametrize(
    "change", [change_score, change_input_not_score, change_note, change_evidence_file, remove_evidence_link]
)
def test_the_hash_changes_when_anything_it_covers_changes(
    demo: Workspace, tmp_path: Path, change: Callable[[Workspace, int, Path], None]
) -> None:
    assessment = demo.default_assessment().id
    before = snapshot_hash(demo, assessment)
    change(demo, assessment, tmp_path)
    assert snapshot_hash(demo, assessment) != before
