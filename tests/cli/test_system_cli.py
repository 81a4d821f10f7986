"""``egov-desk-cli system …``: listing systems, exporting one, storing an edited one as a new version, saying what
moving an assessment onto it would change, and moving it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from egov_desk.cli import main
from egov_desk.core.importers.pipeline import import_table
from egov_desk.core.workspace import Workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A workspace with the 2019 system and an assessment scored on 021 (2.33 of 3)."""
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    return tmp_path / "ws"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def edited(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The 2019 system exported, with 021 worth 2.7 instead of 3."""
    exported = tmp_path / "2019.json"
    assert run(capsys, "system", "export", "--workspace", str(folder), "--system", "1", "--out", str(exported))[0] == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    item = next(
        i
        for n in data["tree"]
        for c in n.get("children", [])
        for g in c.get("children", [])
        for i in g["items"]
        if i["code"] == "021"
    )
    item["points"], item["scoring"]["max"] = 2.7, 2.7
    exported.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return exported


def _items(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield from node.get("items", [])
        yield from _items(node.get("children", []))


def test_the_list_names_each_system_its_version_and_its_assessments(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "system", "list", "--workspace", str(folder))
    assert code == 0
    assert out.splitlines()[0] == "id\tkey\ttitle\tversion\tassessments"
    assert out.splitlines()[1].startswith("1\tbuiltin:2019\t2019年")
    assert out.splitlines()[1].endswith("\t1\t1")


def test_a_new_version_is_stored_its_effects_said_and_the_assessment_moved_and_back(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = edited(folder, tmp_path, capsys)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(
        capsys,
        "system",
        "version",
        "--workspace",
        str(folder),
        "--system",
        "1",
        "--from",
        str(source),
        "--move-assessment",
        "1",
    )
    assert code == 0
    assert "已保存为第 2 版（指标体系编号 2，标识 builtin:2019#v2）" in out
    assert "1 项得分会变化：021 2.33 → 2.10" in out
    assert "已换用第 2 版" in out
    code, out, _ = run(capsys, "system", "list", "--workspace", str(folder), "--json")
    assert [(s["version"], s["assessments"]) for s in json.loads(out)] == [(1, 0), (2, 1)]
    code, out, _ = run(capsys, "system", "effects", "--workspace", str(folder), "--assessment", "1", "--system", "1")
    assert "021 2.10 → 2.33" in out
    assert run(capsys, "system", "move", "--workspace", str(folder), "--assessment", "1", "--system", "1")[0] == 0
    with Workspace.open(folder, create=False) as workspace:
        assert workspace.assessment(1).system_id == 1
        assert workspace.scores(1).items["021"].scored


def test_the_effects_as_json(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = edited(folder, tmp_path, capsys)
    run(capsys, "system", "version", "--workspace", str(folder), "--system", "1", "--from", str(source))
    code, out, _ = run(
        capsys, "system", "effects", "--workspace", str(folder), "--assessment", "1", "--system", "2", "--json"
    )
    assert code == 0
    effects = json.loads(out)
    assert effects["changed"] == [{"code": "021", "before": "2.33", "after": "2.10", "points": ["3.00", "2.70"]}]
    assert effects["summary"].startswith("1 项得分会变化")


def test_the_xlsx_export_reads_back(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2019.xlsx"
    args = ("system", "export", "--workspace", str(folder), "--system", "1", "--format", "xlsx", "--out", str(out))
    assert run(capsys, *args)[0] == 0
    with Workspace.open(folder, create=False) as workspace:
        codes = [item.code for item in workspace.system(1).items()]
    assert [item["code"] for item in _items(import_table(out).data["tree"])] == codes


@pytest.mark.parametrize(
    ("lang", "words"),
    [("C.UTF-8", "the new version was not stored"), ("zh_CN.UTF-8", "新版本没有保存")],
)
def test_an_unusable_system_is_refused_in_the_persons_language(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    words: str,
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"title": "x", "tree": [{"name": "一级"}]}), encoding="utf-8")
    monkeypatch.setenv("LANG", lang)
    code, _, err = run(capsys, "system", "version", "--workspace", str(folder), "--system", "1", "--from", str(broken))
    assert code == 2
    assert words in err
    assert "tree[0] (一级)" in err


def test_moving_onto_another_system_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.open(folder, create=False) as workspace:
        workspace.add_system(workspace.export_system_json(1), "import:another")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(capsys, "system", "move", "--workspace", str(folder), "--assessment", "1", "--system", "2")
    assert code == 2
    assert "不是这个指标体系的版本" in err
