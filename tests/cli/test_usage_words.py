"""A usage error is refused in the command line's language, like every other refusal: argparse's words too."""

from __future__ import annotations

import pytest

from egov_desk.cli import main


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
