"""The indicator system exported as the original table's .xlsx, read back by our importer to the same system."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from egov_desk.core.exports.system_xlsx import write_system_xlsx
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.indicators import IndicatorSystem, system_from_interchange
from egov_desk.core.templates import load_template
from tests.core.importing.test_weighted_tables import weighted_table


def read_back(path: Path) -> IndicatorSystem:
    return system_from_interchange(import_table(path).data)


def described(system: IndicatorSystem) -> list[tuple[Any, ...]]:
    return [
        (i.code, i.points, i.path, i.name, i.rule_text, i.evidence_text, i.lead, i.cooperating) for i in system.items()
    ]


def test_2019_exported_reads_back_to_the_same_system(tmp_path: Path) -> None:
    system = load_template("builtin:2019")
    out = write_system_xlsx(system, tmp_path / "2019.xlsx")
    again = read_back(out)
    assert described(again) == described(system)
    assert [(n.name, n.points, n.key) for n in again.nodes()] == [(n.name, n.points, n.key) for n in system.nodes()]
    assert (again.title, again.year, again.total_points) == (system.title, system.year, system.total_points)


def test_the_layout_is_the_original_tables(tmp_path: Path) -> None:
    out = write_system_xlsx(load_template("builtin:2019"), tmp_path / "2019.xlsx")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value.startswith("2019年电子政务工作绩效年终考评指标体系")
    header = [sheet.cell(2, c).value for c in range(1, 10)]
    assert header == ["一级指标", "二级指标", "三级指标", "分值", "评分细则", "编号", "备注", "任务分解", None]
    assert [sheet.cell(3, c).value for c in (8, 9)] == ["牵头科室", "配合科室"]
    assert [sheet.cell(4, c).value for c in (1, 2, 3, 4, 6, 8)] == [
        "发展环境（14）",
        "工作统筹协调（8）",
        "支持配合协调力度（4）",
        4,
        "001",
        "政策法规科",
    ]
    assert sheet.cell(4, 9).value == "办公室\n信息中心"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:I1", "H2:I2", "A2:A3", "A4:A8", "B4:B6"} <= merged


@pytest.fixture
def small() -> IndicatorSystem:
    """Two levels, items with names of their own, a text that looks like a formula."""
    return system_from_interchange(
        {
            "title": "2024年某县考核表",
            "year": 2024,
            "total_points": 10,
            "tree": [
                {
                    "name": "基础工作",
                    "points": 6,
                    "children": [
                        {
                            "name": "制度建设",
                            "points": 6,
                            "items": [
                                {"code": "1", "points": 4, "name": "制度", "rule": "=1+1 有制度得4分", "lead": "甲科"},
                                {"code": "2", "points": 2, "name": "台账", "rule": "有台账得2分", "lead": "乙科"},
                            ],
                        }
                    ],
                },
                {
                    "name": "加分工作",
                    "points": 4,
                    "children": [
                        {
                            "name": "创新",
                            "points": 4,
                            "items": [{"code": "3", "points": 4, "name": "创新", "rule": "有创新得4分"}],
                        }
                    ],
                },
            ],
        }
    )


def test_item_names_and_formula_like_texts_survive(small: IndicatorSystem, tmp_path: Path) -> None:
    out = write_system_xlsx(small, tmp_path / "small.xlsx")
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.cell(2, 3).value == "考核内容"
    assert sheet.cell(4, 5).data_type == "s"  # the rule "=1+1 …" is text, never a formula
    assert described(read_back(out)) == described(small)


def test_a_failed_write_leaves_nothing_half_written(small: IndicatorSystem, tmp_path: Path) -> None:
    taken = tmp_path / "small.xlsx"
    taken.mkdir()  # the name is a folder: the finished file cannot be renamed onto it
    with pytest.raises(IsADirectoryError):
        write_system_xlsx(small, taken)
    assert list(tmp_path.iterdir()) == [taken]


def test_a_weighted_system_keeps_its_weights_through_the_xlsx(tmp_path: Path) -> None:
    system = read_back(weighted_table(tmp_path))
    assert [(n.name, n.weight, n.scale) for n in system.tree] == [
        ("业务工作", 50, 100),
        ("内部管理", 25, 100),
        ("公众服务", 25, 100),
    ]
    again = read_back(write_system_xlsx(system, tmp_path / "exported.xlsx"))
    assert [(n.name, n.weight, n.scale) for n in again.tree] == [(n.name, n.weight, n.scale) for n in system.tree]
    assert described(again) == described(system)
