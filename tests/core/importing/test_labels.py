"""Cells as tables write them: points in labels, numbering, department lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from egov_desk.core.importers.labels import numbering_style, read_points, split_departments, split_points


@pytest.mark.parametrize(
    ("label", "name", "points"),
    [
        ("发展环境（14）", "发展环境", 14),
        ("工作统筹协调\n（8）", "工作统筹协调", 8),
        ("基础设施(20分)", "基础设施", 20),
        ("安全保障 10分", "安全保障", 10),
        ("数据安全（０.５分）", "数据安全", Decimal("0.5")),
        ("安全（８分）", "安全", 8),
        ("“互联网+政务服务”平台应用成效（10）", "“互联网+政务服务”平台应用成效", 10),
        ("平台应用", "平台应用", None),
        ("5G网络覆盖", "5G网络覆盖", None),
    ],
)
def test_points_in_labels(label: str, name: str, points: object) -> None:
    assert split_points(label) == (name, None if points is None else Decimal(str(points)))


@pytest.mark.parametrize(("cell", "points"), [("4", 4), ("0.8", Decimal("0.8")), ("４分", 4), ("—", None), ("", None)])
def test_points_cells(cell: str, points: object) -> None:
    assert read_points(cell) == (None if points is None else Decimal(str(points)))


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("政策法规科信息中心", ["政策法规科", "信息中心"]),
        ("办公室\n信息中心", ["办公室", "信息中心"]),
        ("办公室信息中心", ["办公室", "信息中心"]),
        ("政策法规科、基教科，人事科；计财科", ["政策法规科", "基教科", "人事科", "计财科"]),
        ("信息化办公室", ["信息化办公室"]),
        ("教育局办公室", ["教育局", "办公室"]),
        ("市发改委", ["市发改委"]),
        ("", []),
    ],
)
def test_department_cells(cell: str, names: list[str]) -> None:
    assert split_departments(cell) == names


def test_known_names_win_over_endings() -> None:
    assert split_departments("网信办公室管理科", {"网信办", "公室管理科"}) == ["网信办", "公室管理科"]


@pytest.mark.parametrize(
    ("label", "style"),
    [
        ("一、发展环境", "一、"),
        ("（一）统筹", "（一）"),
        ("(二)统筹", "（一）"),
        ("1.计划", "1."),
        ("2、总结", "1."),
        ("（1）年度计划", "（1）"),
        ("2019年计划", None),
        ("1.5分", None),
    ],
)
def test_numbering_styles(label: str, style: str | None) -> None:
    assert numbering_style(label) == style
