"""``egov-desk-cli package open F --into DIR`` and ``package return --workspace DIR --out R``: a department
works on its package with the usual commands, which refuse another department's item in the guard's words, and
hands back what it changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.packages.reading import read_package


@pytest.fixture
def package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    create_demo_workspace(tmp_path / "office").close()
    out = tmp_path / "办公室.egovpkg"
    office = str(tmp_path / "office")
    code = main(["package", "export", "--workspace", office, "--department", "办公室", "--out", str(out)])
    capsys.readouterr()
    assert code == 0
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_department_opens_fills_in_and_returns(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    desk = tmp_path / "科室"
    code, said, _ = run(capsys, "package", "open", str(package), "--into", str(desk))
    assert code == 0
    assert "办公室 的科室填报工作区（第 1 个工作包），牵头 2 项、配合 4 项，截止日期 无" in said

    assert run(capsys, "workspace", "note", "--workspace", str(desk), "003", "本科室的说明")[0] == 0
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    assert run(capsys, "evidence", "add", "--workspace", str(desk), "--item", "019", str(scan))[0] == 0
    code, _, refused = run(capsys, "workspace", "note", "--workspace", str(desk), "002", "不是我们的")
    assert code == 2
    assert "本工作区是「办公室」的科室填报工作区，只能修改本科室的项目；002 由「信息中心」牵头" in refused
    assert len(refused.strip().splitlines()) == 1

    back = tmp_path / "回执.egovpkg"
    code, said, _ = run(capsys, "package", "return", "--workspace", str(desk), "--out", str(back))
    assert code == 0
    assert "办公室 的回执（答复第 1 个工作包），2 项指标共 2 处修改，新佐证材料 1 个" in said
    answer = read_package(back)
    assert {item["code"]: [c["field"] for c in item["changes"]] for item in answer.payload["items"]} == {
        "003": ["note"],
        "019": ["evidence"],
    }


def test_opening_into_a_folder_in_use_or_opening_a_return_exits_2(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "科室"
    assert run(capsys, "package", "open", str(package), "--into", str(desk))[0] == 0
    code, _, refused = run(capsys, "package", "open", str(package), "--into", str(desk))
    assert code == 2
    assert "not empty" in refused
    back = tmp_path / "回执.egovpkg"
    code, said, _ = run(capsys, "package", "return", "--workspace", str(desk), "--out", str(back))
    assert (code, "no changes" in said) == (0, True)
    code, _, refused = run(capsys, "package", "open", str(back), "--into", str(tmp_path / "again"))
    assert code == 2
    assert "not a department's work package" in refused
    code, _, refused = run(capsys, "package", "return", "--workspace", str(tmp_path / "office"), "--out", str(back))
    assert code == 2
    assert "not a department workspace" in refused
