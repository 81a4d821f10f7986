"""Every write says what it changed (Changes, or a small result holding its value and its changes), and each
has an inverse that undoes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from egov_desk.core.changes import (
    AnyChange,
    AssessmentAdded,
    AssessmentCreated,
    AssessmentRemoved,
    Changes,
    ChecklistChange,
    DetailsChange,
    EvidenceChange,
    ScoreChange,
    SystemAdded,
    SystemRemoved,
    SystemStored,
)
from egov_desk.core.db.models import RequirementCheck
from egov_desk.core.evidence.types import (
    AttachReport,
    Dated,
    Linked,
    RemovedLink,
    RemovedRequirement,
    RequirementAdded,
)
from egov_desk.core.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def scan(folder: Path, name: str, data: bytes = PDF) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def test_an_attach_names_its_item_and_the_links_it_made(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")])
    assert report.changes == Changes.of(EvidenceChange(1, ("002",)))
    assert len(report.links) == 1
    workspace.evidence.unlink(report.links[0])  # unlinking what it made undoes the attach
    assert workspace.evidence.item_evidence(1, "002").files() == []


def test_a_link_is_undone_by_unlinking_it_and_a_removal_by_restoring_it(workspace: Workspace, tmp_path: Path) -> None:
    [file] = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")]).added
    link = workspace.evidence.link(file.id, "005")
    assert link.changes == Changes.of(EvidenceChange(1, ("005",)))
    removed = workspace.evidence.unlink(link.link_id)
    assert removed.changes == Changes.of(EvidenceChange(1, ("005",)))
    assert workspace.evidence.item_evidence(1, "005").files() == []
    restored = workspace.evidence.restore(removed)
    assert restored.changes == Changes.of(EvidenceChange(1, ("005",)))
    assert [f.name for f in workspace.evidence.item_evidence(1, "005").files()] == ["计划.pdf"]


def test_a_date_and_a_tick_name_the_items_they_touch(workspace: Workspace, tmp_path: Path) -> None:
    evidence = workspace.evidence.item_evidence(1, "002")
    requirement = evidence.requirements[0].id
    [file] = workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")], requirement).added
    dated = workspace.evidence.set_date(file.id, date(2019, 5, 1))
    assert dated.file.evidence_date == date(2019, 5, 1)
    assert not dated.file.date_outside_year
    assert dated.changes == Changes.of(EvidenceChange(1, ("002",)))
    assert workspace.evidence.set_checked(1, requirement, True) == Changes.of(EvidenceChange(1, ("002",)))


def test_checklist_edits_say_which_items_of_which_system_changed(workspace: Workspace) -> None:
    system = workspace.assessment(1).system_id
    changed = Changes.of(ChecklistChange(system, ("002",)))
    added = workspace.evidence.add_requirement(1, "002", "签到表")
    assert added.changes == changed
    assert workspace.evidence.rename_requirement(added.requirement_id, "会议签到表") == changed
    assert workspace.evidence.move_requirement(added.requirement_id, -1) == changed


def test_a_removed_requirement_is_put_back_at_its_place_with_its_ticks(workspace: Workspace) -> None:
    texts = [r.text for r in workspace.evidence.item_evidence(1, "002").requirements]
    assert len(texts) >= 2
    second = workspace.evidence.item_evidence(1, "002").requirements[1]
    workspace.evidence.set_checked(1, second.id, True)
    removed = workspace.evidence.remove_requirement(second.id)
    assert [r.text for r in workspace.evidence.item_evidence(1, "002").requirements] == texts[:1] + texts[2:]
    put_back = workspace.evidence.put_back_requirement(removed)
    assert put_back.changes == removed.changes
    assert [r.text for r in workspace.evidence.item_evidence(1, "002").requirements] == texts
    with workspace.store.read() as session:  # a tick without files shows nowhere else
        assert session.get(RequirementCheck, (1, put_back.requirement_id)) is not None


def test_score_writes_return_their_changes(workspace: Workspace) -> None:
    changes = workspace.set_inputs(1, {"004": {"score": 0.5}})
    [score] = changes.scores
    assert isinstance(score, ScoreChange)
    [note] = workspace.set_note(1, "004", "见附件").changes.scores
    assert note.note == "见附件"


def test_writes_made_elsewhere_are_told_as_changes(workspace: Workspace, tmp_path: Path) -> None:
    shown_inputs, shown_notes = workspace.inputs(1), workspace.notes(1)
    counts, details = workspace.evidence.counts(1), workspace.assessment(1)
    workspace.set_input(1, "004", {"score": 1})
    workspace.set_note(1, "008", "见附件")
    workspace.evidence.attach(1, "002", [scan(tmp_path, "计划.pdf")], _second_requirement(workspace))
    workspace.update_assessment(1, unit="市教育局")
    changes = workspace.changes_since(1, shown_inputs, shown_notes, evidence_counts=counts, details=details)
    assert [(c.code, c.note) for c in changes.scores] == [("004", None), ("008", "见附件")]
    assert changes.evidence == [EvidenceChange(1, ("002",))]
    assert [d.changed for d in changes.details] == [{"unit": "市教育局"}]
    now = workspace.changes_since(
        1,
        workspace.inputs(1),
        workspace.notes(1),
        evidence_counts=workspace.evidence.counts(1),
        details=workspace.assessment(1),
    )
    assert not now


def test_changes_are_not_a_list() -> None:
    change = EvidenceChange(1, ("002",))
    assert Changes.of(change) == Changes.of(change)
    assert Changes.of(change) != [change]
    assert not Changes()


def _attach(workspace: Workspace, folder: Path) -> object:
    return workspace.evidence.attach(1, "002", [scan(folder, "计划.pdf")])


def _linked_file(workspace: Workspace, folder: Path) -> int:
    [file] = workspace.evidence.attach(1, "002", [scan(folder, "计划.pdf")]).added
    return file.id


def _first_link(workspace: Workspace, folder: Path) -> int:
    [file] = workspace.evidence.attach(1, "002", [scan(folder, "计划.pdf")]).added
    return file.links[0][0]


def _second_requirement(workspace: Workspace) -> int:
    return workspace.evidence.item_evidence(1, "002").requirements[1].id


def _second_assessment(workspace: Workspace) -> int:
    return workspace.create_assessment(1, "本单位", 2020, "复核").assessment_id


# write → (what it returns: Changes, a Change, or its value with its changes; a change its changes hold)
WRITES: dict[str, tuple[Callable[[Workspace, Path], object], type, type[AnyChange]]] = {
    "set_input": (lambda w, _: w.set_input(1, "004", {"score": 1}), ScoreChange, ScoreChange),
    "set_inputs": (lambda w, _: w.set_inputs(1, {"004": {"score": 1}}), Changes, ScoreChange),
    "set_note": (lambda w, _: w.set_note(1, "004", "见附件"), ScoreChange, ScoreChange),
    "update_assessment": (lambda w, _: w.update_assessment(1, unit="市教育局"), DetailsChange, DetailsChange),
    "create_assessment": (
        lambda w, _: w.create_assessment(1, "本单位", 2021),
        AssessmentCreated,
        AssessmentAdded,
    ),
    "add_system": (
        lambda w, _: w.add_system(w.system(1).to_interchange(), key="import:z"),
        SystemStored,
        SystemAdded,
    ),
    "remove_assessment": (
        lambda w, _: w.remove_assessment(_second_assessment(w)),
        Changes,
        AssessmentRemoved,
    ),
    "import_system": (
        lambda w, _: w.import_system(w.system(1).to_interchange(), "import:x", "x.docx", "本单位", 2020),
        Changes,
        AssessmentAdded,
    ),
    "remove_system": (
        lambda w, _: w.remove_system(w.add_system(w.system(1).to_interchange(), key="import:y").system_id),
        Changes,
        SystemRemoved,
    ),
    "attach": (_attach, AttachReport, EvidenceChange),
    "link": (lambda w, f: w.evidence.link(_linked_file(w, f), "005"), Linked, EvidenceChange),
    "unlink": (lambda w, f: w.evidence.unlink(_first_link(w, f)), RemovedLink, EvidenceChange),
    "restore": (
        lambda w, f: w.evidence.restore(w.evidence.unlink(_first_link(w, f))),
        Linked,
        EvidenceChange,
    ),
    "set_date": (lambda w, f: w.evidence.set_date(_linked_file(w, f), date(2019, 5, 1)), Dated, EvidenceChange),
    "set_checked": (
        lambda w, _: w.evidence.set_checked(1, _second_requirement(w), True),
        Changes,
        EvidenceChange,
    ),
    "add_requirement": (lambda w, _: w.evidence.add_requirement(1, "002", "签到表"), RequirementAdded, ChecklistChange),
    "rename_requirement": (
        lambda w, _: w.evidence.rename_requirement(_second_requirement(w), "会议签到表"),
        Changes,
        ChecklistChange,
    ),
    "move_requirement": (
        lambda w, _: w.evidence.move_requirement(_second_requirement(w), -1),
        Changes,
        ChecklistChange,
    ),
    "remove_requirement": (
        lambda w, _: w.evidence.remove_requirement(_second_requirement(w)),
        RemovedRequirement,
        ChecklistChange,
    ),
    "put_back_requirement": (
        lambda w, _: w.evidence.put_back_requirement(w.evidence.remove_requirement(_second_requirement(w))),
        RequirementAdded,
        ChecklistChange,
    ),
}


@pytest.mark.parametrize("name", list(WRITES))
def test_every_write_says_what_it_changed(workspace: Workspace, tmp_path: Path, name: str) -> None:
    write, returns, kind = WRITES[name]
    result = write(workspace, tmp_path)
    assert type(result) is returns
    changes = result.changes  # type: ignore[attr-defined]
    assert isinstance(changes, Changes)
    assert changes, name
    assert any(isinstance(change, kind) for change in changes), name
