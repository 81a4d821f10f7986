"""The text's checks for one item, as the window asks them when an item is shown: a scan read by the real OCR
carrying another unit's letterhead and a date outside the assessed year is flagged under its item only, each
finding once, with the page it stands on; a workspace whose text was read before the checks were kept per page gets
them on upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.db import migrate
from egov_desk.core.db.engine import make_engine
from egov_desk.core.evidence_text.ocr_engine import RapidEngine
from egov_desk.core.evidence_text.worker import work_queue
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import page_image, scanned_pdf, text_pdf

LETTER = ["某某市交通运输局文件", "关于报送统计数据的通知", "各单位：请按时报送材料。", "某某市交通运输局", "2016年5月"]


def scan_of_another_units_letter(tmp_path: Path) -> Path:
    """Two scanned pages: the first the unit's own cover, the second another unit's letter dated 2016."""
    cover = page_image(tmp_path / "cover.png", ["本单位", "政务公开工作材料"])
    letter = page_image(tmp_path / "letter.png", LETTER)
    return scanned_pdf(tmp_path / "交通局来函.pdf", [cover, letter])


def test_a_scanned_letter_of_another_unit_dated_outside_the_year_is_flagged_on_its_page_under_its_item(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    assessment = workspace.default_assessment()
    assert (assessment.unit, assessment.year) == ("本单位", 2019)
    workspace.evidence.attach(assessment.id, "007", [scan_of_another_units_letter(tmp_path)])
    own = text_pdf(tmp_path / "本单位总结.pdf", [["本单位文件", "年度工作总结", "本单位", "2019年12月5日"]])
    workspace.evidence.attach(assessment.id, "008", [own])
    work_queue(workspace, RapidEngine())  # the OCR worker's own function, the real models

    found = workspace.evidence_text.findings(assessment.id, "007")
    assert [(f.file_name, f.code, f.page, f.kind, f.found) for f in found] == [
        ("交通局来函.pdf", "007", 2, "date_outside_year", "2016年5月"),
        ("交通局来函.pdf", "007", 2, "other_unit", "某某市交通运输局"),
    ]  # the letterhead and the signature name the same unit: said once for the page
    assert workspace.evidence_text.findings(assessment.id, "008") == []  # the unit's own, dated in the year
    assert workspace.evidence_text.findings(assessment.id) == found  # the whole assessment: only that file


def test_a_file_under_two_requirements_of_an_item_is_flagged_once_and_under_each_item_it_serves(
    workspace: Workspace, tmp_path: Path, qapp: object
) -> None:
    assessment = workspace.default_assessment().id
    letter = text_pdf(tmp_path / "来函.pdf", [["说明"], LETTER])
    first = workspace.evidence.item_evidence(assessment, "005").requirements[0].id
    workspace.evidence.attach(assessment, "005", [letter], first)
    workspace.evidence.attach(assessment, "005", [letter])  # again, as the item's other material
    workspace.evidence.attach(assessment, "021", [letter])
    work_queue(workspace, RapidEngine())

    found = workspace.evidence_text.findings(assessment, "005")
    assert [(f.page, f.kind) for f in found] == [(2, "date_outside_year"), (2, "other_unit")]
    assert [f.code for f in workspace.evidence_text.findings(assessment)] == ["005", "005", "021", "021"]


def test_text_read_before_the_checks_were_kept_per_page_is_checked_after_the_upgrade(
    tmp_path: Path, qapp: object
) -> None:
    from alembic import command
    from alembic.config import Config

    with Workspace.open(tmp_path / "ws") as workspace:
        assessment = workspace.default_assessment().id
        workspace.evidence.attach(assessment, "007", [text_pdf(tmp_path / "来函.pdf", [LETTER])])
        work_queue(workspace, RapidEngine())
    engine = make_engine(f"sqlite:///{tmp_path / 'ws' / 'workspace.sqlite'}")
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    with engine.connect() as connection, connection.begin():  # back to 0009: the text without its marks
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    engine.dispose()

    with Workspace.open(tmp_path / "ws") as workspace:  # upgraded at open
        found = workspace.evidence_text.findings(assessment, "007")
    assert [(f.kind, f.found) for f in found] == [
        ("date_outside_year", "2016年5月"),
        ("other_unit", "某某市交通运输局"),
    ]


@pytest.mark.parametrize(("year", "flagged"), [(2019, True), (2016, False), (2025, False)])
def test_the_same_dated_page_counts_against_each_assessments_own_year(
    workspace: Workspace, tmp_path: Path, qapp: object, year: int, flagged: bool
) -> None:
    """The dates kept with the text are weighed against the year asked: 2016 is outside 2019, the year of a 2016
    assessment, and too long before a 2025 one to be this cycle's document."""
    from sqlalchemy import update

    from egov_desk.core.db.models import Assessment

    assessment = workspace.default_assessment().id
    workspace.evidence.attach(assessment, "007", [text_pdf(tmp_path / "来函.pdf", [LETTER])])
    work_queue(workspace, RapidEngine())
    with workspace.store.write("the year", "年度") as session:
        session.execute(update(Assessment).where(Assessment.id == assessment).values(year=year))
        session.commit()
    dates = [f.found for f in workspace.evidence_text.findings(assessment, "007") if f.kind == "date_outside_year"]
    assert dates == (["2016年5月"] if flagged else [])
