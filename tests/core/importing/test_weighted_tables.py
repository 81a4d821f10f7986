"""Weighted tables and per-department sub-totals on import: 一级 权重 50/25/25 each scored out of 100 inside,
departments each scored out of their own 60, and 权重 given in percent ("30%")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from egov_desk.core.importers.findings import Finding, all_items
from egov_desk.core.importers.labels import read_points
from egov_desk.core.importers.pipeline import ImportResult, import_table, system_data
from egov_desk.core.indicators import system_from_interchange
from egov_desk.core.scoring import score_system
from egov_desk.core.system_draft import SystemDraft
from egov_desk.core.system_draft_checks import check
from tests.core.importing.files import Merge, Rows, write_xlsx
from tests.core.importing.table_kinds import kpi_sheet

WEIGHTED_MERGES: list[Merge] = [(1, 0, 2, 0), (1, 1, 2, 1), (4, 0, 5, 0), (4, 1, 5, 1)]


def weighted_table(folder: Path, weights: tuple[str, str, str] = ("50", "25", "25")) -> Path:
    """一级 weighted in a 权重 column; the 二级 under each add up to 100."""
    rows: Rows = [
        ["一级指标", "权重", "二级指标", "分值", "评分标准"],
        ["业务工作", weights[0], "项目建设", "60", "按时完成得60分"],
        ["", "", "项目验收", "40", "验收合格得40分"],
        ["内部管理", weights[1], "制度建设", "100", "每缺一项制度扣10分，扣完为止"],
        ["公众服务", weights[2], "满意度调查", "50", "按满意度评分"],
        ["", "", "投诉办理", "50", "每有一起未办结扣5分，扣完为止"],
    ]
    return write_xlsx(folder / "权重表.xlsx", rows, WEIGHTED_MERGES)


def weights_in_labels(folder: Path, inner: tuple[str, ...] = ("60", "40", "100", "50", "50")) -> Path:
    rows: Rows = [
        ["一级指标", "二级指标", "分值", "评分标准"],
        ["业务工作（权重50%）", "项目建设", inner[0], "按时完成得满分"],
        ["", "项目验收", inner[1], "验收合格得满分"],
        ["内部管理（权重25%）", "制度建设", inner[2], "每缺一项制度扣10分，扣完为止"],
        ["公众服务（权重25%）", "满意度调查", inner[3], "按满意度评分"],
        ["", "投诉办理", inner[4], "每有一起未办结扣5分，扣完为止"],
    ]
    return write_xlsx(folder / "权重写在指标名中.xlsx", rows, [(1, 0, 2, 0), (4, 0, 5, 0)])


def department_table(
    folder: Path, points: tuple[str, ...] = ("30", "30", "40", "20", "60"), merged: bool = True
) -> Path:
    """Each department scored out of its own 60, the 责任科室 column where the levels would be."""
    rows: Rows = [
        ["责任科室", "考核内容", "分值", "评分标准"],
        ["办公室", "公文办理", points[0], "每延误一件扣2分，扣完为止"],
        ["", "会务保障", points[1], "每出现一次差错扣5分，扣完为止"],
        ["信息中心", "网站运维", points[2], "每中断一次扣5分，扣完为止"],
        ["", "网络安全", points[3], "发生安全事件不得分"],
        ["财务科", "预算执行", points[4], "执行率95%以上得满分"],
    ]
    merges: list[Merge] = [(1, 0, 2, 0), (3, 0, 4, 0)] if merged else []
    return write_xlsx(folder / "科室考核表.xlsx", rows, merges)


def messages(result: ImportResult) -> list[str]:
    return [finding.message for finding in result.findings]


def said(result: ImportResult, words: str) -> list[Finding]:
    return [finding for finding in result.findings if words in finding.message]


def manual_scores(result: ImportResult, scores: dict[str, int]) -> Decimal:
    """The total of the imported system with each item scored by hand (its rule set aside)."""
    data = system_data(result)
    for item in all_items(data["tree"]):
        item["scoring"] = {"type": "manual"}
    sheet = score_system(system_from_interchange(data), {code: {"score": s} for code, s in scores.items()})
    return sheet.total


# --- weighted level-1 ---------------------------------------------------------------------------------


def test_a_weight_column_weights_each_level_scored_out_of_100_inside(tmp_path: Path) -> None:
    result = import_table(weighted_table(tmp_path))
    tree = result.data["tree"]
    assert [(n["name"], n["points"], n["weight"], n["scale"]) for n in tree] == [
        ("业务工作", None, 50, 100),
        ("内部管理", None, 25, 100),
        ("公众服务", None, 25, 100),
    ]
    assert result.data["total_points"] == 100
    (finding,) = said(result, "按权重计分")
    assert finding.severity == "info"
    assert "各一级指标内按 100 分计，乘权重 50%/25%/25% 计入总分" in finding.message
    assert "编辑指标体系" in finding.message
    assert finding.rows == ("指标 第2行", "指标 第4行", "指标 第5行")


def test_a_weighted_level_is_not_said_to_miss_its_sum(tmp_path: Path) -> None:
    result = import_table(weighted_table(tmp_path))
    warnings = [f.message for f in result.findings if f.severity == "warning"]
    assert not [m for m in warnings if "下级合计" in m or "不是 100 分" in m], warnings
    draft = SystemDraft(system_data(result))
    assert not [f.kind for f in check(draft) if f.kind in ("level_sum", "total_sum")]


def test_an_imported_weighted_table_scores_each_level_times_its_weight(tmp_path: Path) -> None:
    result = import_table(weighted_table(tmp_path))
    # 业务 (54 + 36) × 50/100 = 45; 管理 81 × 25/100 = 20.25; 服务 (40 + 33) × 25/100 = 18.25
    total = manual_scores(result, {"001": 54, "002": 36, "003": 81, "004": 40, "005": 33})
    assert total == Decimal("83.5")


def test_a_bonus_section_beside_weighted_levels_stays_outside_the_weights(tmp_path: Path) -> None:
    rows: Rows = [
        ["一级指标", "权重", "二级指标", "分值", "评分标准"],
        ["业务工作", "50", "项目建设", "100", "按时完成得100分"],
        ["内部管理", "50", "制度建设", "100", "每缺一项制度扣10分，扣完为止"],
        ["加分项（最高加5分）", "", "创新工作", "5", "获省级表彰加5分"],
    ]
    result = import_table(write_xlsx(tmp_path / "权重与加分.xlsx", rows))
    tree = result.data["tree"]
    assert [(n.get("weight"), n.get("section")) for n in tree] == [(50, None), (50, None), (None, "bonus")]
    assert result.data["total_points"] == 100
    assert manual_scores(result, {"001": 80, "002": 60, "003": 5}) == Decimal(75)  # 40 + 30, plus 5


def test_weights_in_percent_read_the_same(tmp_path: Path) -> None:
    result = import_table(weighted_table(tmp_path, ("50%", "25%", "25%")))
    assert [n["weight"] for n in result.data["tree"]] == [50, 25, 25]
    assert len(said(result, "按权重计分")) == 1
    assert not said(result, "不是数字")


def test_weights_written_in_the_labels_weight_the_levels_and_leave_their_names(tmp_path: Path) -> None:
    result = import_table(weights_in_labels(tmp_path))
    tree = result.data["tree"]
    assert [(n["name"], n["weight"], n["scale"]) for n in tree] == [
        ("业务工作", 50, 100),
        ("内部管理", 25, 100),
        ("公众服务", 25, 100),
    ]
    assert result.data["total_points"] == 100
    assert len(said(result, "乘权重 50%/25%/25%")) == 1
    assert manual_scores(result, {"001": 60, "002": 40, "003": 50, "004": 50, "005": 50}) == Decimal("87.5")


def test_weights_in_labels_that_do_not_fit_are_kept_with_one_warning(tmp_path: Path) -> None:
    result = import_table(weights_in_labels(tmp_path, ("60", "40", "90", "50", "50")))
    assert all("weight" not in node for node in result.data["tree"])
    assert result.data["tree"][0]["name"] == "业务工作（权重50%）"
    (finding,) = said(result, "写有权重")
    assert finding.severity == "warning"
    assert "内部管理（权重25%） 90" in finding.message
    assert "编辑指标体系" in finding.message


def test_a_table_whose_levels_add_up_is_not_weighted(tmp_path: Path) -> None:
    rows: Rows = [
        ["一级指标", "分值", "二级指标", "分值", "评分标准"],
        ["业务工作", "60", "项目建设", "60", "按时完成得60分"],
        ["内部管理", "40", "制度建设", "40", "每缺一项制度扣10分"],
    ]
    result = import_table(write_xlsx(tmp_path / "普通表.xlsx", rows))
    assert all("weight" not in node for node in result.data["tree"])
    assert not said(result, "权重")


# --- departments --------------------------------------------------------------------------------------


def test_departments_each_out_of_their_own_60_become_levels_with_one_finding(tmp_path: Path) -> None:
    result = import_table(department_table(tmp_path))
    tree = result.data["tree"]
    assert [(n["name"], n["points"]) for n in tree] == [("办公室", 60), ("信息中心", 60), ("财务科", 60)]
    assert all("weight" not in node for node in tree)  # no weight guessed
    assert [item["lead"] for item in all_items(tree)] == ["办公室", "办公室", "信息中心", "信息中心", "财务科"]
    (finding,) = said(result, "按科室分别计分")
    assert "办公室 60 分、信息中心 60 分、财务科 60 分（合计 180 分）" in finding.message
    assert "“编辑指标体系”中选中各科室这一级，填写“权重”，“下级合计满分（折算基数）”填 60" in finding.message
    assert finding.rows == ("指标 第2行", "指标 第4行", "指标 第6行")


def test_a_department_written_once_holds_the_rows_below_it(tmp_path: Path) -> None:
    result = import_table(department_table(tmp_path, merged=False))
    assert [n["name"] for n in result.data["tree"]] == ["办公室", "信息中心", "财务科"]
    assert [item["lead"] for item in all_items(result.data["tree"])][:2] == ["办公室", "办公室"]
    assert len(said(result, "按科室分别计分")) == 1


def test_departments_with_different_sums_are_left_as_the_table_gives_them(tmp_path: Path) -> None:
    result = import_table(department_table(tmp_path, ("30", "30", "40", "10", "60")))
    assert "办公室" not in [n["name"] for n in result.data["tree"]]
    assert not said(result, "按科室分别计分")


def test_departments_given_weights_in_the_editor_score_weighted(tmp_path: Path) -> None:
    data = system_data(import_table(department_table(tmp_path)))
    for node, weight in zip(data["tree"], (40, 30, 30), strict=True):
        node |= {"weight": weight, "scale": 60}
        node.pop("points")
    for item in all_items(data["tree"]):
        item["scoring"] = {"type": "manual"}
    data["total_points"] = 100
    scores = {"001": {"score": 30}, "002": {"score": 30}, "003": {"score": 30}, "004": {"score": 20}}
    sheet = score_system(system_from_interchange(data), scores)
    # 办公室 60/60 × 40 = 40; 信息中心 50/60 × 30 = 25; 财务科 not scored: 0
    assert sheet.total == Decimal(65)


# --- points in percent --------------------------------------------------------------------------------


def test_a_kpi_sheet_reads_its_percent_weights_as_points(tmp_path: Path) -> None:
    result = import_table(kpi_sheet(tmp_path))
    assert [item["points"] for item in all_items(result.data["tree"])] == [30, 40, 30]
    assert result.data["total_points"] == 100
    assert not [m for m in messages(result) if "不是数字" in m or "没有分值" in m], messages(result)
    (finding,) = said(result, "百分比")
    assert finding.severity == "info"
    assert "30% 即 30 分，合计 100%" in finding.message


@pytest.mark.parametrize("weights", [("30%", "40%", "40%"), ("30%", "40", "30%")])
def test_percent_points_that_do_not_add_up_to_100_are_read_with_a_warning(
    tmp_path: Path, weights: tuple[str, ...]
) -> None:
    rows: Rows = [
        ["序号", "KPI指标", "权重", "计分方法"],
        *[[str(n), f"指标{n}", w, "完成得满分"] for n, w in enumerate(weights, start=1)],
    ]
    result = import_table(write_xlsx(tmp_path / "KPI.xlsx", rows))
    assert [item["points"] for item in all_items(result.data["tree"])] == [int(w.rstrip("%")) for w in weights]
    (finding,) = said(result, "百分比")
    assert finding.severity == "warning"
    assert "请核对" in finding.message


@pytest.mark.parametrize(
    ("text", "points"), [("30%", Decimal(30)), ("12.5 %", Decimal("12.5")), ("３０％", Decimal(30))]
)
def test_a_points_cell_in_percent_is_that_many_points(text: str, points: Decimal) -> None:
    assert read_points(text) == points
