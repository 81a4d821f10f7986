"""The change history in words: who, when, which item, and what changed — inputs with the rule's field names and
the score before and after, notes and evidence in a short phrase."""

from __future__ import annotations

from pathlib import Path

from egov_desk.core.actor import os_account
from egov_desk.core.demo_files import png
from egov_desk.core.history import history
from egov_desk.core.workspace import Workspace


def test_an_input_set_twice_is_said_with_the_rules_field_names_and_the_score(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 7, "denominator": 9})
    demo.set_input(assessment, "021", {"numerator": 7, "denominator": 10})
    lines = history(demo, assessment, "021")
    last = lines[-1]
    assert last.code == "021"
    assert last.who == os_account()
    assert last.what == "部门目录总数 9 → 10，得分 2.33 → 2.10"
    assert last.what_en == "denominator 9 → 10, score 2.33 → 2.10"
    assert "021 部门目录总数 9 → 10，得分 2.33 → 2.10" in last.text()
    assert lines[-2].when <= last.when


def test_clearing_an_input_says_the_fields_went_empty(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 3, "denominator": 4})
    demo.set_input(assessment, "021", None)
    assert (
        history(demo, assessment, "021")[-1].what
        == "挂接具体数据资源的目录数 3 → 空，部门目录总数 4 → 空，得分 2.25 → 空"
    )


def test_a_note_is_said_old_to_new(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_note(assessment, "021", "待财政局确认")
    line = history(demo, assessment, "021")[-1]
    assert line.action == "set_note"
    assert line.what.startswith("说明")
    assert line.what.endswith("→ “待财政局确认”")


def test_attaching_and_unlinking_a_file_are_in_the_items_history(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    file = tmp_path / "目录清单.png"
    file.write_bytes(png(8, 8, (200, 200, 200)))
    report = demo.evidence.attach(assessment, "021", [file])
    demo.evidence.unlink(report.links[0])
    said = [line.what for line in history(demo, assessment, "021")][-2:]
    assert said == ["添加佐证材料“目录清单.png”", "取消关联佐证材料“目录清单.png”"]


def test_each_line_is_plain_json(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "021", {"numerator": 1, "denominator": 2})
    data = history(demo, assessment, "021")[-1].to_json()
    assert set(data) == {"when", "who", "code", "action", "what", "what_en"}
    assert data["action"] == "set_input"
    assert data["code"] == "021"
    assert data["what"].endswith("得分 1.50") or data["what"].endswith("→ 1.50")


def test_a_typed_score_is_said_once_and_the_time_carries_its_zone(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_input(assessment, "004", {"score": 1.5})
    line = history(demo, assessment, "004")[-1]
    assert line.what == "得分 2.5 → 1.5"
    assert line.to_json()["when"].endswith("+00:00")
