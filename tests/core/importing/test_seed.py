"""The seed's Word and Excel copies import to exactly the ground truth, 2019-indicators.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from egov_desk.core.importers.pipeline import import_table, system_data
from egov_desk.core.indicators import system_from_interchange
from tests.conftest import SEED
from tests.core.test_template_2019 import strip_scoring as structure


@pytest.fixture(scope="module")
def ground_truth() -> dict[str, Any]:
    return json.loads((SEED / "2019-indicators.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["2019-indicators.docx", "2019-indicators.xlsx"])
def test_the_seed_file_imports_to_the_ground_truth(name: str, ground_truth: dict[str, Any]) -> None:
    result = import_table(SEED / name)
    assert {k: result.data[k] for k in ("title", "year", "total_points")} == {
        k: ground_truth[k] for k in ("title", "year", "total_points")
    }
    assert structure(result.data["tree"]) == structure(ground_truth["tree"])
    assert result.errors == []


@pytest.mark.parametrize("name", ["2019-indicators.docx", "2019-indicators.xlsx"])
def test_the_seed_columns_are_recognised(name: str) -> None:
    layout = import_table(SEED / name).layout
    assert [(c.role, c.level, c.points_of) for c in layout.columns] == [
        ("level", 1, None),
        ("level", 2, None),
        ("level", 3, None),
        ("points", None, None),
        ("rule", None, None),
        ("code", None, None),
        ("evidence", None, None),
        ("lead", None, None),
        ("cooperating", None, None),
    ]
    assert len(layout.header_rows) == 2  # 任务分解 over 牵头科室 / 配合科室


def test_glued_department_names_are_split() -> None:
    result = import_table(SEED / "2019-indicators.docx")
    item_003 = result.data["tree"][0]["children"][0]["children"][2]["items"][0]
    assert (item_003["lead"], item_003["cooperating"]) == ("办公室", ["政策法规科", "信息中心"])


def test_the_imported_seed_is_a_usable_system(tmp_path: Path) -> None:
    system = system_from_interchange(system_data(import_table(SEED / "2019-indicators.xlsx")))
    assert len(system.items()) == 35
    assert system.item("028").scoring.type == "rank"


def test_new_departments_are_reported_once_each() -> None:
    result = import_table(SEED / "2019-indicators.docx", known_departments={"办公室", "信息中心"})
    new = [f.message for f in result.findings if f.message.startswith("新出现的科室")]
    assert sorted(new) == sorted(
        f"新出现的科室：{n}" for n in ("政策法规科", "计财科", "装备科", "诚信办", "基教科", "人事科", "师资科")
    )
