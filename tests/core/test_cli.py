"""egov-desk-cli: scores inputs files exactly, refuses impossible ones with status 2 and one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from egov_desk.cli import main
from egov_desk.core.templates import template_data


@pytest.fixture(autouse=True)
def english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English wording; refusals follow the locale (see test_messages for Chinese)."""
    monkeypatch.setenv("LC_ALL", "C")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def inputs_file(tmp_path: Path, items: dict[str, Any]) -> str:
    path = tmp_path / "inputs.json"
    path.write_text(json.dumps({"items": items}, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_template_show_prints_the_interchange_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "template", "show", "builtin:2019", "--json")
    assert code == 0
    printed = json.loads(out)
    assert printed == json.loads(json.dumps(template_data("builtin:2019")))
    assert printed["tree"][0]["children"][0]["children"][0]["items"][0]["scoring"]["type"] == "sum"


def test_score_prints_total_items_and_nodes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = inputs_file(
        tmp_path,
        {"001": {"parts": [{"count": 3}, {"count": 1}]}, "021": {"numerator": 7, "denominator": 9}, "028": {"rank": 6}},
    )
    code, out, _ = run(capsys, "score", "--template", "builtin:2019", "--inputs", path, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["total"] == 6.33  # 3 + 7/9*3 + 1, shown to 2 places
    assert result["max"] == 100
    assert result["items"]["001"] == {"score": 3, "max": 4, "scored": True}
    assert result["items"]["021"] == {"score": 2.33, "max": 3, "scored": True}
    assert result["items"]["002"] == {"score": 0, "max": 2, "scored": False}
    assert len(result["items"]) == 35
    assert result["nodes"][0] == {"path": ["发展环境"], "score": 3, "max": 14}
    assert {"path": ["发展环境", "工作统筹协调", "支持配合协调力度"], "score": 3, "max": 4} in result["nodes"]


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ({"021": {"numerator": 1, "denominator": 0}}, "021 denominator"),
        ({"028": {"rank": 17}}, "028 rank: 17 of 16"),
        ({"006": {"option": 5}}, "006 option"),
        ({"999": {"score": 1}}, "999 item"),
    ],
)
def test_an_impossible_input_exits_2_with_one_line_naming_item_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, items: dict[str, Any], message: str
) -> None:
    code, out, err = run(capsys, "score", "--inputs", inputs_file(tmp_path, items), "--json")
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err


def test_a_broken_inputs_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{items: ", encoding="utf-8")
    code, _, err = run(capsys, "score", "--inputs", str(path))
    assert code == 2
    assert "not valid JSON" in err


def test_workspace_init_set_and_score(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = str(tmp_path / "ws")
    assert run(capsys, "workspace", "init", "--workspace", folder, "--unit", "市教育局")[0] == 0
    assert run(capsys, "workspace", "set", "--workspace", folder, "005", '{"yes": true}')[0] == 0
    path = inputs_file(tmp_path, {"021": {"numerator": 9, "denominator": 9}})
    assert run(capsys, "workspace", "set", "--workspace", folder, "--inputs", path)[0] == 0
    code, out, _ = run(capsys, "workspace", "score", "--workspace", folder, "--json")
    assert code == 0
    assert json.loads(out)["total"] == 6
    code, _, err = run(capsys, "workspace", "set", "--workspace", folder, "028", '{"rank": 0}')
    assert (code, "028 rank" in err) == (2, True)
    assert run(capsys, "workspace", "set", "--workspace", folder, "005", "--clear")[0] == 0
    code, out, _ = run(capsys, "workspace", "list", "--workspace", folder)
    assert "市教育局" in out
    code, out, _ = run(capsys, "workspace", "departments", "--workspace", folder, "--department", "计财科")
    assert "004 017 018" in out


def test_workspace_commands_refuse_a_folder_without_a_workspace(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "workspace", "score", "--workspace", str(tmp_path / "none"))
    assert code == 1
    assert "no egov-desk workspace here" in err


def test_the_installed_command_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "egov_desk.cli", "template", "list"], capture_output=True, text=True, check=True
    )
    assert "builtin:2019" in result.stdout
