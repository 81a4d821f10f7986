"""``egov-desk-cli scan``: the scanners listed; pages from SANE's test device attached to an item or one of its
requirements as one PDF, progress on stderr; the scanner's complaint or no scanner at all exits 2 in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.workspace import Workspace
from tests.core.scanning.sane_device import no_scanners_config, sane_config, use_sane_config

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    use_sane_config(monkeypatch, sane_config(tmp_path / "sane"))
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_scanners_are_listed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said, _ = run(capsys, "scan", "--list")
    assert code == 0
    assert said.splitlines()[0].startswith("test:0\tNoname frontend-tester")


def test_pages_from_the_feeder_land_on_a_requirement_as_one_pdf(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["scan", "--workspace", str(folder), "--item", "003", "--requirement", "1", "--source", "feeder"]
    code, said, told = run(capsys, *args, "--pages", "3", "--mode", "color")
    assert code == 0, told
    assert told.count("scanned page") == 3  # progress on stderr, page by page
    assert "3 pages" in said
    assert "→ 003 requirement 1" in said
    with Workspace.open(folder) as workspace:
        assessment = workspace.default_assessment().id
        (requirement,) = workspace.evidence.item_evidence(assessment, "003").requirements
        (scan,) = [f for f in requirement.files if "扫描" in f.name]
        assert len(pypdf.PdfReader(workspace.evidence.vault.path_of(scan.sha256)).pages) == 3


def test_all_pages_scan_until_the_feeder_is_empty(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said, told = run(
        capsys,
        "scan",
        "--workspace",
        str(folder),
        "--item",
        "003",
        "--source",
        "feeder",
        "--pages",
        "all",
        "--dpi",
        "75",
    )
    assert code == 0, told
    assert "10 pages" in said


def test_a_jammed_feeder_exits_2_in_one_line_saying_what_to_do(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    use_sane_config(monkeypatch, sane_config(tmp_path / "jam", read_status="SANE_STATUS_JAMMED"))
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, said, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--source", "feeder")
    assert code == 2
    assert said == ""
    assert (
        told.strip().splitlines()[-1]
        == ("egov-desk-cli: test:0：进纸器卡纸。请打开进纸器取出卡住的纸张，重新放好后再扫描。")
        or "进纸器卡纸" in told.strip().splitlines()[-1]
    )


def test_bad_pages_and_an_unknown_requirement_are_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--pages", "0")
    assert code == 2
    assert "--pages 0" in told
    code, _, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--requirement", "5")
    assert code == 2
    assert "1 requirements" in told


def test_no_scanner_says_how_to_add_the_files_instead(tmp_path: Path) -> None:
    env = {**os.environ, "SANE_CONFIG_DIR": str(no_scanners_config(tmp_path / "none")), "LANG": "zh_CN.UTF-8"}
    ran = subprocess.run(
        [sys.executable, "-m", "egov_desk.cli", "scan", "--list"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert ran.returncode == 2
    assert ran.stderr.strip() == (
        "egov-desk-cli: 未找到扫描仪。请检查扫描仪已连接并开机，或用 egov-desk-cli evidence add --item 编号 文件… "
        "把扫描好的文件加进来。"
    )


def test_a_final_assessment_is_refused_before_the_scanner_runs(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, told = run(
        capsys, "assessment", "finalize", "--force", "--workspace", str(folder), "--name", "王五", "--role", "leader"
    )
    assert code == 0, told
    code, said, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003")
    assert code == 2
    assert said == ""
    assert "scanned page" not in told
    assert len(told.strip().splitlines()) == 1


def test_a_name_given_is_the_scans_file_name_and_one_a_file_cannot_hold_is_refused_before_scanning(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["scan", "--workspace", str(folder), "--item", "003"]
    code, said, told = run(capsys, *args, "--name", "2019 年度网络安全等级保护测评报告")
    assert code == 0, told
    assert "2019 年度网络安全等级保护测评报告.pdf → 003" in said
    code, said, told = run(capsys, *args, "--name", "报告: 终稿")
    assert code == 2
    assert said == ""
    assert "scanned page" not in told  # refused before the scanner ran
    assert ":" in told.strip().splitlines()[-1]


def test_a_source_the_scanner_lacks_is_refused_listing_its_sources_in_chinese_words(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--source", "tray")
    assert code == 2
    assert "没有 tray（可选来源：平板、自动进纸器）" in told


def test_an_unknown_item_and_an_unknown_scanner_are_both_refused_input(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, told = run(capsys, "scan", "--workspace", str(folder), "--item", "999")
    assert code == 2
    assert "999" in told
    code, _, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--device", "nope")
    assert code == 2
    assert "nope" in told


@pytest.mark.parametrize("dpi", ["7", "74", "1201"])
def test_a_resolution_outside_75_to_1200_dpi_is_refused_before_scanning(
    folder: Path, capsys: pytest.CaptureFixture[str], dpi: str
) -> None:
    code, said, told = run(capsys, "scan", "--workspace", str(folder), "--item", "003", "--dpi", dpi)
    assert code == 2
    assert said == ""
    assert "scanned page" not in told
    assert f"--dpi {dpi}" in told
    assert "75" in told
    assert "1200" in told


def test_a_missing_workspace_is_said_before_any_scanner_is_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SANE_CONFIG_DIR", str(no_scanners_config(tmp_path / "none")))  # no scanner either
    code, _, told = run(capsys, "scan", "--workspace", str(tmp_path / "missing"), "--item", "003")
    assert code == 1
    assert "missing" in told
    assert "scanner" not in told.lower()


def test_ctrl_c_while_scanning_says_so_in_one_chinese_line_and_keeps_nothing(folder: Path) -> None:
    import signal

    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    args = ["scan", "--workspace", str(folder), "--item", "003", "--source", "feeder", "--pages", "all"]
    scanning = subprocess.Popen(
        [sys.executable, "-m", "egov_desk.cli", *args, "--dpi", "600", "--mode", "color"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert scanning.stderr is not None
    first = scanning.stderr.readline()
    assert "已扫描第 1 页" in first
    scanning.send_signal(signal.SIGINT)
    out, rest = scanning.communicate(timeout=60)
    assert scanning.returncode == 130
    assert out == ""
    assert "Traceback" not in rest
    last = rest.strip().splitlines()[-1]
    assert last.startswith("egov-desk-cli: 已取消扫描")
