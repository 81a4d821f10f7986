"""Versions of an indicator system: storing an edited system beside the old one, what moving an assessment onto
it would change, and moving it there and back without losing anything."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from egov_desk.core.changes import AssessmentMoved
from egov_desk.core.db.models import EvidenceLink, ItemInput, RequirementCheck
from egov_desk.core.errors import EgovError, Refused
from egov_desk.core.indicators import IndicatorSystemError
from egov_desk.core.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _items(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield from node.get("items", [])
        yield from _items(node.get("children", []))


def item_of(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(item for item in _items(data["tree"]) if item["code"] == code)


def drop_item(nodes: list[dict[str, Any]], code: str) -> None:
    """Remove item ``code``, and the levels it leaves empty."""
    for node in nodes:
        node["items"] = [item for item in node.get("items", []) if item["code"] != code]
        drop_item(node.get("children", []), code)
        node["children"] = [c for c in node.get("children", []) if c.get("items") or c.get("children")]
    nodes[:] = [node for node in nodes if node.get("items") or node.get("children")]


def edited_2019(workspace: Workspace) -> dict[str, Any]:
    """2019 edited: 021 worth 2.7 instead of 3, 005 removed, 003 a yes/no, 036 added, 002's first material
    reworded."""
    data = workspace.export_system_json(1)
    item_of(data, "021")["points"] = 2.7
    item_of(data, "021")["scoring"]["max"] = 2.7
    drop_item(data["tree"], "005")
    item_of(data, "003")["scoring"] = {"type": "yes_no", "points": 2}
    data["tree"][0]["children"][0]["children"][0]["items"].append(
        {"code": "036", "points": 1, "rule": "新增的一项", "scoring": {"type": "yes_no", "points": 1}}
    )
    requirements = [
        {"text": r.text, "supplied_by": r.supplied_by} for r in workspace.system(1).item("002").requirements
    ]
    requirements[0]["text"] = "2019年本单位电子政务工作计划及其完成情况"
    item_of(data, "002")["requirements"] = requirements
    return data


@pytest.fixture
def scored(workspace: Workspace, tmp_path: Path) -> Workspace:
    """The 2019 assessment with inputs, notes, files under requirements and a check mark."""
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    workspace.set_input(1, "005", {"yes": True})
    workspace.set_input(1, "003", {"count": 2})
    workspace.set_note(1, "005", "清单已建立")
    workspace.set_note(1, "004", "已备案")
    plan = tmp_path / "计划.pdf"
    plan.write_bytes(PDF)
    first = workspace.evidence.item_evidence(1, "002").requirements[0]
    workspace.evidence.attach(1, "002", [plan], requirement_id=first.id)
    workspace.evidence.set_checked(1, first.id, True)
    listing = tmp_path / "清单.pdf"
    listing.write_bytes(PDF + b"2")
    workspace.evidence.attach(1, "005", [listing])
    return workspace


def state(workspace: Workspace) -> dict[str, Any]:
    """Everything the assessment holds, row by row."""
    with workspace.store.read() as session:
        inputs = sorted(
            (r.item_id, repr(r.input), str(r.score), r.scored, r.note) for r in session.scalars(select(ItemInput))
        )
        links = sorted((r.id, r.file_id, r.item_id, r.requirement_id) for r in session.scalars(select(EvidenceLink)))
        ticks = sorted((r.requirement_id, r.checked_by) for r in session.scalars(select(RequirementCheck)))
    return {
        "system": workspace.assessment(1).system_id,
        "inputs": workspace.inputs(1),
        "notes": workspace.notes(1),
        "scores": workspace.scores_now(1).to_json(),
        "rows": inputs,
        "links": links,
        "ticks": ticks,
    }


# --- storing a version ------------------------------------------------------------------------------------


def test_a_new_version_is_stored_beside_the_old_one(workspace: Workspace) -> None:
    stored = workspace.store_system_version(1, edited_2019(workspace))
    assert stored.changes.systems_added == [stored.system_id]
    first, second = workspace.systems()
    assert (first.version, first.base, first.key) == (1, None, "builtin:2019")
    assert (second.version, second.base, second.key) == (2, 1, "builtin:2019#v2")
    assert second.label.endswith("（第 2 版）")
    assert workspace.system(stored.system_id).item("021").points == Decimal("2.7")
    assert workspace.system(1).item("021").points == Decimal(3)  # the old version as it was
    assert workspace.assessment(1).system_id == 1  # the assessment keeps the version it was scored on
    third = workspace.store_system_version(stored.system_id, workspace.export_system_json(stored.system_id))
    assert [s.key for s in workspace.systems()][-1] == "builtin:2019#v3"
    assert workspace.systems()[-1].base == 1
    assert workspace.audit()[-1].action == "store_system_version"
    workspace.remove_system(third.system_id)  # the undo
    assert len(workspace.systems()) == 2


def test_an_unusable_system_is_refused_naming_the_place_and_nothing_is_stored(workspace: Workspace) -> None:
    data = workspace.export_system_json(1)
    item_of(data, "021")["points"] = "three"
    with pytest.raises(IndicatorSystemError) as refused:
        workspace.store_system_version(1, data)
    assert "编号 021" in refused.value.english
    assert "points must be a number" in refused.value.english
    assert refused.value.chinese.startswith("新版本没有保存")
    assert len(workspace.systems()) == 1


def test_the_export_names_no_workspace_ids(workspace: Workspace) -> None:
    stored = workspace.store_system_version(1, edited_2019(workspace))
    data = workspace.export_system_json(stored.system_id)
    assert not {"version", "previous", "base"} & set(data)
    assert item_of(data, "036")["rule"] == "新增的一项"


def test_an_unknown_system_is_not_exported(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(EgovError) as unknown:
        workspace.export_system_xlsx(9, tmp_path / "9.xlsx")
    assert unknown.value.kind == "no_system"
    assert not (tmp_path / "9.xlsx").exists()


def test_a_version_added_as_a_system_of_its_own_is_its_own_first_version(workspace: Workspace) -> None:
    stored = workspace.store_system_version(1, edited_2019(workspace))
    copy = workspace.add_system(workspace.system(stored.system_id).to_interchange(), "import:copy").system_id
    assert [(s.version, s.base) for s in workspace.systems() if s.id == copy] == [(1, None)]


def test_a_version_in_use_is_not_removed(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    scored.move_assessment(1, stored.system_id)
    with pytest.raises(EgovError) as in_use:
        scored.remove_system(stored.system_id)
    assert in_use.value.kind == "system_in_use"
    with pytest.raises(EgovError) as keeps:  # the old version keeps 005's score, note and file
        scored.remove_system(1)
    assert keeps.value.kind == "system_keeps_entries"


# --- what moving would change -------------------------------------------------------------------------------


def test_the_effects_name_the_scores_that_change_and_what_cannot_move(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    effects = scored.version_effects(1, stored.system_id)
    assert [(s.code, s.before, s.after) for s in effects.rescored] == [
        ("003", Decimal(2), None),
        ("021", Decimal(3) * 7 / 9, Decimal("2.7") * 7 / 9),
    ]
    assert [(s.code, s.kept) for s in effects.stranded] == [("005", ("input", "note", "evidence"))]
    assert [r.code for r in effects.refused] == ["003"]
    assert "yes" in effects.refused[0].reason
    assert effects.added == ("036",)
    assert effects.requirements_changed == ("002",)
    assert effects.summary.startswith("2 项得分会变化：003 2.00 → 未评分，021 2.33 → 2.10")
    assert "005（得分、说明、佐证材料）" in effects.summary
    assert "无法迁移" in effects.summary
    assert "新增 1 项（未评分）：036" in effects.summary
    assert effects.summary_en.startswith("2 scores change: 003 2.00 → unscored, 021 2.33 → 2.10")
    assert effects.total_before - effects.total_after == Decimal(2) + Decimal("0.3") * 7 / 9 + Decimal(3)
    assert scored.assessment(1).system_id == 1  # nothing written


def test_an_unchanged_version_affects_nothing(scored: Workspace) -> None:
    stored = scored.store_system_version(1, scored.export_system_json(1))
    effects = scored.version_effects(1, stored.system_id)
    assert effects.empty
    assert not effects.affects_scores
    assert effects.summary == "换用新版本不改变任何得分和录入。"


def test_another_base_system_is_refused(workspace: Workspace) -> None:
    other = workspace.add_system(workspace.export_system_json(1), "import:another").system_id
    with pytest.raises(Refused) as refused:
        workspace.version_effects(1, other)
    assert refused.value.kind == "different_system"
    with pytest.raises(Refused):
        workspace.move_assessment(1, other)
    assert workspace.assessment(1).system_id == 1


# --- moving ---------------------------------------------------------------------------------------------------


def test_moving_rescores_moves_entries_and_keeps_what_cannot_move(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    changes = scored.move_assessment(1, stored.system_id)
    assert list(changes) == [AssessmentMoved(1, 1, stored.system_id)]
    assert scored.assessment(1).system_id == stored.system_id
    sheet = scored.scores(1)
    assert sheet.items["021"].points == Decimal("2.7") * 7 / 9
    assert not sheet.items["003"].scored
    assert "003" not in scored.inputs(1)
    assert not sheet.items["036"].scored
    assert "005" not in scored.inputs(1)
    assert scored.notes(1) == {"004": "已备案"}
    assert scored.audit(1)[-1].action == "move_assessment"
    assert scored.audit(1)[-1].after["kept_on_old_version"] == ["005"]


def test_files_and_check_marks_move_by_requirement_text_then_position(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    scored.move_assessment(1, stored.system_id)
    with scored.store.read() as session:
        ticks = list(session.scalars(select(RequirementCheck)))
    first = scored.system(stored.system_id).item("002").requirements[0]
    assert first.text == "2019年本单位电子政务工作计划及其完成情况"
    [new_first, _] = scored.evidence.item_evidence(1, "002").requirements
    assert [t.requirement_id for t in ticks] == [new_first.id]
    assert [f.name for f in new_first.files] == ["计划.pdf"]


def test_the_evidence_of_a_moved_assessment_reads_while_files_are_kept_on_the_old_version(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    scored.move_assessment(1, stored.system_id)
    assert "005" not in scored.evidence.by_item(1)
    files = scored.evidence.files(1)
    assert files
    assert all(f.links for f in files)  # a file left on the old version is not shown as unlinked


def test_moving_there_and_back_restores_everything(scored: Workspace) -> None:
    before = state(scored)
    stored = scored.store_system_version(1, edited_2019(scored))
    scored.move_assessment(1, stored.system_id)
    assert state(scored) != before
    back = scored.move_assessment(1, 1)
    assert back.assessments_moved == [AssessmentMoved(1, stored.system_id, 1)]
    assert state(scored) == before
    assert scored.scores(1).to_json() == before["scores"]
    scored.remove_system(stored.system_id)  # the undo of storing it: nothing is left on it


def test_an_entry_made_on_the_new_version_waits_there_when_moving_back(scored: Workspace) -> None:
    stored = scored.store_system_version(1, edited_2019(scored))
    scored.move_assessment(1, stored.system_id)
    scored.set_input(1, "036", {"yes": True})
    scored.move_assessment(1, 1)
    assert "036" not in scored.inputs(1)
    assert "036" in scored.version_effects(1, stored.system_id).added
    scored.move_assessment(1, stored.system_id)
    assert scored.inputs(1)["036"] == {"yes": True}


def test_moving_onto_the_version_in_use_changes_nothing(scored: Workspace) -> None:
    assert list(scored.move_assessment(1, 1)) == []
