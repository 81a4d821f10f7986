"""``egov-desk-cli assessment compare A B``: two years side by side as a table, as JSON and as a workbook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """2019 scores 021 at 7 of 9 and 003 with 2; assessment 2 (2020, same system) scores 021 at 9 of 9 and 003 with
    1 (a point lost)."""
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
        workspace.set_input(1, "003", {"count": 2})
        later = workspace.create_assessment(1, "测试单位", 2020).assessment_id
        workspace.set_input(later, "021", {"numerator": 9, "denominator": 9})
        workspace.set_input(later, "003", {"count": 1})
    return tmp_path / "ws"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_prints_json_with_the_items_that_lost_points_first(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "assessment", "compare", "1", "2", "--json", "--workspace", str(folder))
    assert code == 0
    data = json.loads(out)
    assert data["a"]["assessment"] == 1
    assert data["b"]["assessment"] == 2
    first = data["items"][0]
    assert (first["code_a"], first["score_a"], first["score_b"], first["delta"]) == ("003", 2, 1, -1)
    ratio = next(row for row in data["items"] if row["code_b"] == "021")
    assert (ratio["score_a"], ratio["score_b"], ratio["delta"], ratio["rule_changed"]) == (2.33, 3, 0.67, False)
    assert data["only_a"] == []
    assert data["only_b"] == []
    assert data["levels"][0]["name"] == "发展环境"


def test_compare_prints_a_chinese_table_and_writes_the_workbook(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    out_file = tmp_path / "对比.xlsx"
    code, out, _ = run(capsys, "assessment", "compare", "1", "2", "--out", str(out_file), "--workspace", str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[2].split("\t")[:7] == ["编号", "分值 A", "分值 B", "得分 A", "得分 B", "变化", "规则变化"]
    assert lines[3].split("\t")[:6] == ["003", "2", "2", "2.00", "1.00", "-1.00"]
    assert any(line.startswith("021\t") and "\t+0.67\t" in line for line in lines)
    book = load_workbook(out_file)
    assert book["逐项对比"]["A2"].value == "003"


def test_compare_refuses_an_assessment_with_itself_and_an_out_file_not_xlsx(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "assessment", "compare", "1", "1", "--workspace", str(folder))
    assert code == 2
    assert "itself" in err or "自身" in err
    code, _, err = run(capsys, "assessment", "compare", "1", "2", "--out", "x.csv", "--workspace", str(folder))
    assert code == 2
    assert ".xlsx" in err
