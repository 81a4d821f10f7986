"""The Workspace: the one door to data. Each write is one transaction and says what it changed."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from egov_desk.core.rules import InputError
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace, WorkspaceError, default_workspace_dir
from tests.conftest import fill_disk


def test_a_new_workspace_holds_the_2019_system_and_an_empty_self_assessment(workspace: Workspace) -> None:
    [system] = workspace.systems()
    assert (system.key, system.year) == ("builtin:2019", 2019)
    [assessment] = workspace.assessments()
    assert (assessment.system_id, assessment.year, assessment.unit) == (system.id, 2019, "本单位")
    sheet = workspace.scores(assessment.id)
    assert (sheet.total, sheet.max, len(sheet.unscored)) == (0, 100, 35)
    assert (workspace.folder / "workspace.sqlite").is_file()


def test_the_default_workspace_lives_in_the_user_data_folder() -> None:
    folder = default_workspace_dir()
    assert "egov-desk" in str(folder)
    with Workspace.open_default() as workspace:
        assert workspace.folder == folder
        assert workspace.systems()


def test_setting_an_input_returns_the_item_its_levels_and_the_total(workspace: Workspace) -> None:
    assessment = workspace.default_assessment()
    change = workspace.set_input(assessment.id, "021", {"numerator": 7, "denominator": 9})
    assert change.item.points == Decimal(7) * 3 / 9
    assert [n.path for n in change.nodes] == [
        ("政务信息资源交换共享和开发利用", "政务信息资源整合共享", "资源挂接应用情况"),
        ("政务信息资源交换共享和开发利用", "政务信息资源整合共享"),
        ("政务信息资源交换共享和开发利用",),
    ]
    assert change.total == change.item.points
    assert change.unscored == 34


def test_inputs_persist_across_reopening(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as workspace:
        assessment = workspace.default_assessment().id
        workspace.set_input(assessment, "005", {"yes": True})
        workspace.set_note(assessment, "005", "清单已于3月印发")
    with Workspace.open(tmp_path / "ws") as workspace:
        assert workspace.inputs(assessment) == {"005": {"yes": True}}
        assert workspace.notes(assessment) == {"005": "清单已于3月印发"}
        assert workspace.scores(assessment).total == 3


def test_clearing_an_input_makes_the_item_unscored_again(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    workspace.set_input(assessment, "005", {"yes": True})
    change = workspace.set_input(assessment, "005", None)
    assert (change.item.scored, change.total) == (False, 0)
    assert workspace.inputs(assessment) == {}


def test_an_impossible_input_is_refused_and_nothing_is_written(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    workspace.set_input(assessment, "028", {"rank": 3})
    audit_before = len(workspace.audit())
    with pytest.raises(InputError, match="028 rank: 17 of 16"):
        workspace.set_input(assessment, "028", {"rank": 17})
    assert workspace.inputs(assessment) == {"028": {"rank": 3}}
    assert len(workspace.audit()) == audit_before
    assert workspace.scores(assessment).total == 2


def test_several_inputs_are_saved_together_or_not_at_all(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    with pytest.raises(InputError, match="021 denominator"):
        workspace.set_inputs(assessment, {"005": {"yes": True}, "021": {"numerator": 1, "denominator": 0}})
    assert workspace.inputs(assessment) == {}
    changes = workspace.set_inputs(assessment, {"005": {"yes": True}, "033": {"yes": True}})
    assert [c.code for c in changes] == ["005", "033"]
    assert changes[-1].total == 5


def test_an_unknown_item_code_is_refused(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError, match="999: no item"):
        workspace.set_input(workspace.default_assessment().id, "999", {"score": 1})


def test_every_change_is_audited_with_who_and_what(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    workspace.set_input(assessment, "004", {"score": 2})
    workspace.set_input(assessment, "004", {"score": 3})
    entries = workspace.audit(assessment, "004")
    assert [(e.action, e.before, e.after) for e in entries] == [
        ("set_input", None, {"score": 2}),
        ("set_input", {"score": 2}, {"score": 3}),
    ]
    assert all(e.actor and e.at for e in entries)


def test_a_full_disk_gives_a_clear_message_and_changes_nothing(workspace: Workspace) -> None:
    assessment = workspace.default_assessment().id
    workspace.set_input(assessment, "004", {"score": 1})
    fill_disk(workspace)
    big_note = "很长的说明" * 20000
    with pytest.raises(WorkspaceError, match=r"not saved.*full"):
        workspace.set_note(assessment, "004", big_note)
    assert workspace.notes(assessment) == {}
    assert workspace.inputs(assessment) == {"004": {"score": 1}}


def test_items_by_department_as_lead_and_as_cooperating(workspace: Workspace) -> None:
    system_id = workspace.default_assessment().system_id
    owed = workspace.items_by_department(system_id, "计财科")
    assert [i.code for i in owed.lead] == ["004", "017", "018"]
    assert [i.code for i in owed.cooperating] == ["011", "023"]
    assert workspace.departments(system_id)[:3] == ["政策法规科", "办公室", "信息中心"]
    assert set(workspace.departments(system_id)) == {
        "办公室",
        "政策法规科",
        "信息中心",
        "计财科",
        "装备科",
        "诚信办",
        "基教科",
        "人事科",
        "师资科",
    }


def test_several_systems_and_assessments_live_side_by_side(workspace: Workspace) -> None:
    data = template_data("builtin:2019") | {"title": "2020年考评", "year": 2020}
    system_id = workspace.add_system(data, key="import:2020", source="2020.docx").system_id
    second = workspace.create_assessment(system_id, "某局", 2020).assessment_id
    workspace.set_input(second, "005", {"yes": True})
    first = workspace.assessments()[0].id
    assert workspace.scores(first).total == 0
    assert workspace.scores(second).total == 3
    assert [s.title for s in workspace.systems()] == [
        "2019年电子政务工作绩效年终考评指标体系及目标责任分解表",
        "2020年考评",
    ]
    with pytest.raises(WorkspaceError, match="already in this workspace"):
        workspace.add_system(data, key="import:2020")


def test_the_stored_system_reads_back_as_it_was_given(workspace: Workspace) -> None:
    system_id = workspace.default_assessment().system_id
    given = workspace.system(system_id).to_interchange()
    with Workspace.open(workspace.folder) as reopened:  # a fresh Workspace reads the rows
        assert reopened.system(system_id).to_interchange() == given


def test_the_last_opened_assessment_is_remembered(workspace: Workspace) -> None:
    second = workspace.create_assessment(workspace.systems()[0].id, "本单位", 2019, "复核").assessment_id
    workspace.set_setting("current_assessment", second)
    assert workspace.default_assessment().id == second


def test_opening_a_missing_workspace_without_create_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="no egov-desk workspace here"):
        Workspace.open(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_a_failed_creation_leaves_no_half_made_workspace(tmp_path: Path) -> None:
    with pytest.raises(LookupError):
        Workspace.open(tmp_path / "ws", template="builtin:1999")
    assert not (tmp_path / "ws" / "workspace.sqlite").exists()


def test_the_recorded_user_comes_from_the_os_not_from_variables(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import pwd

    for variable in ("USER", "LOGNAME", "USERNAME", "LNAME"):
        monkeypatch.setenv(variable, "局长")
    with Workspace.open(tmp_path / "ws") as workspace:
        workspace.set_input(1, "005", {"yes": True})
        assert workspace.audit(1)[-1].actor == pwd.getpwuid(os.getuid()).pw_name
        assert workspace.audit(1)[-1].actor != "局长"
