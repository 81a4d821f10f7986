"""``egov-desk-cli worklist``: what is left to do, as JSON or as a Chinese list grouped by kind, per department."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_json_counts_each_kind_and_lists_the_entries(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "worklist", "--workspace", str(folder), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["counts"]["unscored"] == 10
    assert data["counts"]["date_outside_year"] == 1
    assert {"kind": "unscored", "label": "未评分", "code": "019", "title": "公文办理的及时性情况", "partial": True} in (
        data["entries"]
    )


def test_a_department_sees_only_its_items(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = run(capsys, "worklist", "--workspace", str(folder), "--json")
    code, out, _ = run(capsys, "worklist", "--workspace", str(folder), "--department", "计财科", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["department"] == "计财科"
    assert {e["code"] for e in data["entries"]} < {e["code"] for e in json.loads(everything)["entries"]}


def test_the_plain_list_is_grouped_by_kind_in_chinese(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "worklist", "--workspace", str(folder), "--department", "计财科")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2019 市教育局 自评（计财科） 待办清单"
    assert "未评分：3" in lines
    assert "  018  年度市级事项受理情况" in lines
    assert lines.index("缺材料：2") > lines.index("未评分：3")


def test_an_unknown_department_is_refused_in_the_locales_language(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, err = run(capsys, "worklist", "--workspace", str(folder), "--department", "宣传科")
    assert code == 2
    assert out == ""
    assert "宣传科" in err
    assert "计财科" in err
    monkeypatch.setenv("LC_ALL", "C")
    assert "no item names it" in run(capsys, "worklist", "--workspace", str(folder), "--department", "宣传科")[2]
