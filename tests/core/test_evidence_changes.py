"""Every evidence and checklist write says what it changed, and each has an inverse that undoes it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from egov_desk.core.changes import ChecklistChange, EvidenceChange, ScoreChange, changes_of
from egov_desk.core.db.models import RequirementCheck
from egov_desk.core.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def scan(folder: Path, name: str, data: bytes = PDF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_an_attach_names_its_item_and_the_links_it_made(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")])
    assert list(report.changes) == [EvidenceChange(1, ("002",))]
    assert len(report.links) == 1
    workspace.evidence.unlink(report.links[0])  # unlinking what it made undoes the attach
    assert workspace.evidence.item_evidence(1, "002").files() == []


def test_a_link_is_undone_by_unlinking_it_and_a_removal_by_restoring_it(workspace: Workspace, tmp_path: Path) -> None:
    [file] = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")]).added
    link = workspace.evidence.link(file.id, "005")
    assert list(link.changes) == [EvidenceChange(1, ("005",))]
    removed = workspace.evidence.unlink(link)
    assert list(removed.changes) == [EvidenceChange(1, ("005",))]
    assert workspace.evidence.item_evidence(1, "005").files() == []
    restored = workspace.evidence.restore(removed)
    assert list(restored.changes) == [EvidenceChange(1, ("005",))]
    assert [f.name for f in workspace.evidence.item_evidence(1, "005").files()] == ["计划.pdf"]


def test_a_date_and_a_tick_name_the_items_they_touch(workspace: Workspace, tmp_path: Path) -> None:
    evidence = workspace.evidence.item_evidence(1, "002")
    requirement = evidence.requirements[0].id
    [file] = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")], requirement).added
    dated = workspace.evidence.set_date(file.id, date(2019, 5, 1))
    assert dated.evidence_date == date(2019, 5, 1)
    assert not dated.date_outside_year
    assert list(dated.changes) == [EvidenceChange(1, ("002",))]
    assert list(workspace.evidence.set_checked(1, requirement, True)) == [EvidenceChange(1, ("002",))]


def test_checklist_edits_say_which_items_of_which_system_changed(workspace: Workspace) -> None:
    system = workspace.assessment(1).system_id
    added = workspace.evidence.add_requirement(1, "002", "签到表")
    assert list(added.changes) == [ChecklistChange(system, ("002",))]
    assert list(workspace.evidence.rename_requirement(added, "会议签到表")) == [ChecklistChange(system, ("002",))]
    assert list(workspace.evidence.move_requirement(added, -1)) == [ChecklistChange(system, ("002",))]


def test_a_removed_requirement_is_put_back_at_its_place_with_its_ticks(workspace: Workspace) -> None:
    texts = [r.text for r in workspace.evidence.item_evidence(1, "002").requirements]
    assert len(texts) >= 2
    second = workspace.evidence.item_evidence(1, "002").requirements[1]
    workspace.evidence.set_checked(1, second.id, True)
    removed = workspace.evidence.remove_requirement(second.id)
    assert [r.text for r in workspace.evidence.item_evidence(1, "002").requirements] == texts[:1] + texts[2:]
    put_back = workspace.evidence.put_back_requirement(removed)
    assert list(put_back.changes) == list(removed.changes)
    assert [r.text for r in workspace.evidence.item_evidence(1, "002").requirements] == texts
    with workspace.store.read() as session:  # a tick without files shows nowhere else
        assert session.get(RequirementCheck, (1, int(put_back))) is not None


def test_score_writes_return_their_changes(workspace: Workspace) -> None:
    changes = workspace.set_inputs(1, {"004": {"score": 0.5}})
    [score] = changes.scores
    assert isinstance(score, ScoreChange)
    assert changes_of(changes) is changes
    [note] = workspace.set_note(1, "004", "见附件").changes.scores
    assert note.note == "见附件"
