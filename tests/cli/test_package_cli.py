"""``egov-desk-cli package export`` and ``package inspect``: a department's work package written and looked into;
a package that cannot be trusted, and a department no item names, exit 2 with one line."""

from __future__ import annotations

import json
import zipfile
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


def test_export_then_inspect_as_json(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "信息中心.egovpkg"
    code, said, _ = run(
        capsys, "package", "export", "--workspace", str(folder), "--department", "信息中心", "--out", str(out)
    )
    assert code == 0
    assert str(out) in said
    code, printed, _ = run(capsys, "package", "inspect", str(out), "--json")
    data = json.loads(printed)
    assert code == 0
    assert (data["format"], data["version"], data["kind"], data["department"], data["sequence"]) == (
        "egovpkg",
        1,
        "department",
        "信息中心",
        1,
    )
    assert data["assessment"] == {"id": 1, "year": 2019, "title": "自评", "unit": "市教育局"}
    assert len(data["workspace"]) == 36
    assert {"code": "005", "role": "lead", "score": "3.00", "status": "filling", "files": 1}.items() <= (
        next(item for item in data["items"] if item["code"] == "005").items()
    )
    assert data["evidence"]["files"] == data["files"] == 9


def test_inspect_says_what_the_package_holds_in_chinese(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    out = tmp_path / "办公室.egovpkg"
    run(capsys, "package", "export", "--workspace", str(folder), "--department", "办公室", "--out", str(out))
    code, printed, _ = run(capsys, "package", "inspect", str(out))
    assert code == 0
    assert "部门：办公室（第 1 个工作包）" in printed
    assert "    003  2019年参加全市网上政务服务" in printed
    assert "等有关业务培训  牵头  2.00  填报中  材料 2 个" in printed
    assert "佐证材料：2 个文件" in printed


def test_an_unknown_department_exits_2_naming_the_known_ones(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    out = tmp_path / "p.egovpkg"
    code, _, err = run(
        capsys, "package", "export", "--workspace", str(folder), "--department", "宣传科", "--out", str(out)
    )
    assert code == 2
    assert "宣传科" in err
    assert "信息中心" in err
    assert not out.exists()


def test_a_tampered_package_exits_2_with_one_line(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.egovpkg"
    run(capsys, "package", "export", "--workspace", str(folder), "--department", "办公室", "--out", str(out))
    forged = tmp_path / "forged.egovpkg"
    with zipfile.ZipFile(out) as original, zipfile.ZipFile(forged, "w") as copy:
        for name in original.namelist():
            copy.writestr(name, b"forged" if name.startswith("evidence/") else original.read(name))
    code, printed, err = run(capsys, "package", "inspect", str(forged))
    assert code == 2
    assert printed == ""
    assert err.count("\n") == 1
    assert str(forged) in err


def test_a_package_that_is_not_there_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "package", "inspect", str(tmp_path / "nowhere.egovpkg"))
    assert code == 2
    assert "nowhere.egovpkg" in err
