"""The command line speaks the person's language: a usage error (argparse's words too), a year set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.workspace import Workspace

SEED_XLSX = Path(__file__).parents[1] / "data" / "seed" / "2019-indicators.xlsx"


def refusal(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    return capsys.readouterr().err


def test_a_missing_argument_is_said_in_chinese_under_a_chinese_locale(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    said = refusal(capsys, "review", "submit")
    assert "用法：egov-desk-cli review submit" in said
    assert "缺少必需的参数：ITEM" in said
    assert "无效的选项 'frob'" in refusal(capsys, "frob")
    assert "'x' 不是有效的值（应为 int）" in refusal(capsys, "assessment", "show", "--assessment", "x")


def test_english_stays_english_after_a_chinese_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    refusal(capsys, "review", "submit")
    monkeypatch.setenv("LC_ALL", "C")
    said = refusal(capsys, "review", "submit")
    assert "the following arguments are required: ITEM" in said
    assert "usage: egov-desk-cli review submit" in said


def test_an_import_for_another_year_than_its_title_keeps_the_year_given_and_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A walk's --year 2020 on a 2019 table made a 2019 assessment without a word."""
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    folder = tmp_path / "ws"
    Workspace.open(folder).close()
    assert main(["import", str(SEED_XLSX), "--into", str(folder), "--year", "2020"]) == 0
    assert "表格标题写的是 2019 年，考评年度按 --year 记为 2020 年" in capsys.readouterr().err
    with Workspace.open(folder) as workspace:
        assert workspace.assessments()[-1].year == 2020
