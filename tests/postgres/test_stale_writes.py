"""Several people at once on one workspace (two Workspace objects: two windows, or the CLI beside a window; on a
server or the same SQLite folder): a write against what the person saw is refused when the other changed the same
thing since, naming who and when and what it holds now; nothing is written. On a server the other's watch hears of
every committed write."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from egov_desk.core.messages import say
from egov_desk.core.person import Person
from egov_desk.core.server_watch import ServerWatch
from egov_desk.core.stale_writes import Seen, StaleWrite
from egov_desk.core.workspace import Workspace


@pytest.fixture
def other(workspace: Workspace, tmp_path: Path) -> Iterator[Workspace]:
    """A second client on the same workspace, as 李四（审核人）."""
    if workspace.engine.dialect.name == "sqlite":
        assert workspace.folder is not None
        second = Workspace.open(workspace.folder)
    else:
        second = Workspace.connect(workspace.url, vault=tmp_path / "vault-2")
    second.set_person(Person("李四", "reviewer"))
    yield second
    second.close()


def test_a_score_changed_by_another_since_it_was_seen_is_refused_naming_them(
    workspace: Workspace, other: Workspace
) -> None:
    assessment = workspace.default_assessment().id
    seen = Seen(workspace.seen())  # A reads 004: no score yet
    other.set_input(assessment, "004", {"score": 3})  # B scores it
    with pytest.raises(StaleWrite) as refused:
        workspace.set_input(assessment, "004", {"score": 1}, expected=seen)
    said = say(refused.value, "zh_CN")
    assert said.startswith("004 的得分已被 李四（审核人） 于 ")
    assert said.endswith("修改为 3 分，您的修改未保存")
    assert refused.value.values["by"] == "李四（审核人）"
    assert "changed by 李四 (reviewer) at" in say(refused.value, "en_US")
    assert workspace.inputs(assessment)["004"] == {"score": 3}  # nothing written
    assert [e.action for e in workspace.audit(assessment, "004")] == ["set_input"]
    # 用我的值覆盖: the write again against the version the refusal names goes through
    workspace.set_input(assessment, "004", {"score": 1}, expected=Seen(refused.value.values["version"]))
    assert other.inputs(assessment)["004"] == {"score": 1}


def test_another_field_or_item_changed_since_does_not_refuse(workspace: Workspace, other: Workspace) -> None:
    assessment = workspace.default_assessment().id
    seen = Seen(workspace.seen())
    other.set_note(assessment, "004", "B's note")  # the note, not the score
    other.set_input(assessment, "005", {"yes": True})  # another item
    workspace.set_input(assessment, "004", {"score": 2}, expected=seen)
    assert other.inputs(assessment)["004"] == {"score": 2}


def test_a_write_is_not_refused_by_the_persons_own_write_before_it(workspace: Workspace, other: Workspace) -> None:
    assessment = workspace.default_assessment().id
    workspace.set_note(assessment, "004", "first", expected=Seen(workspace.seen()))
    seen = Seen(workspace.seen())  # after its own write, the person's version is its own row
    workspace.set_note(assessment, "004", "second", expected=seen)
    assert other.notes(assessment)["004"] == "second"


def test_a_note_changed_since_is_refused_with_the_note_it_holds_now(workspace: Workspace, other: Workspace) -> None:
    assessment = workspace.default_assessment().id
    seen = Seen(workspace.seen())
    other.set_note(assessment, "004", "B 写的说明")
    with pytest.raises(StaleWrite) as refused:
        workspace.set_note(assessment, "004", "A 写的说明", expected=seen)
    assert say(refused.value, "zh_CN").endswith("修改为“B 写的说明”，您的修改未保存")
    assert refused.value.values["current"] == "B 写的说明"
    assert workspace.notes(assessment)["004"] == "B 写的说明"


def test_a_value_seen_that_changed_is_refused_in_the_same_words(workspace: Workspace, other: Workspace) -> None:
    assessment = workspace.default_assessment().id
    other.set_input(assessment, "004", {"score": 3})
    with pytest.raises(StaleWrite) as refused:  # the window's undo hands back the value it saw, not a version
        workspace.set_input(assessment, "004", {"score": 1}, expected=None)
    assert "004 的得分已被 李四（审核人） 于 " in say(refused.value, "zh_CN")


def test_several_items_in_one_write_are_all_refused_when_one_is_stale(workspace: Workspace, other: Workspace) -> None:
    assessment = workspace.default_assessment().id
    seen = Seen(workspace.seen())
    other.set_input(assessment, "005", {"yes": True})
    with pytest.raises(StaleWrite):
        workspace.set_inputs(
            assessment, {"004": {"score": 2}, "005": {"yes": False}}, expected={"004": seen, "005": seen}
        )
    assert "004" not in other.inputs(assessment)  # one transaction: nothing written


def test_a_requirement_ticked_since_is_refused_and_so_is_a_link_to_it(
    workspace: Workspace, other: Workspace, tmp_path: Path
) -> None:
    assessment = workspace.default_assessment().id
    requirement = workspace.evidence.add_requirement(assessment, "004", "会议纪要").requirement_id
    scan = tmp_path / "纪要.pdf"
    scan.write_bytes(b"%PDF-1.4 minutes")
    workspace.evidence.attach(assessment, "004", [scan])
    file_id = workspace.evidence.files(assessment, "004")[0].id
    seen = Seen(workspace.seen())
    other.evidence.set_checked(assessment, requirement, True)
    with pytest.raises(StaleWrite) as refused:
        workspace.evidence.set_checked(assessment, requirement, False, expected=seen)
    said = say(refused.value, "zh_CN")
    assert said.startswith("004 的材料要求“会议纪要”已被 李四（审核人） 于 ")
    assert said.endswith("修改为已核验，您的修改未保存")
    seen = Seen(workspace.seen())
    other.evidence.link(file_id, "004", requirement)
    with pytest.raises(StaleWrite) as refused:
        workspace.evidence.link(file_id, "004", requirement, expected=seen)
    assert "关联佐证材料“纪要.pdf”" in say(refused.value, "zh_CN")
    workspace.evidence.set_checked(assessment, requirement, False, expected=Seen(workspace.seen()))


@pytest.mark.postgres
def test_the_other_clients_watch_hears_a_write_within_a_second(workspace: Workspace, other: Workspace) -> None:
    if workspace.engine.dialect.name != "postgresql":
        pytest.skip("a server's NOTIFY (the SQLite file's own watch is tested with the window)")
    assessment = workspace.default_assessment().id
    watch = workspace.watch()
    assert isinstance(watch, ServerWatch)
    try:
        assert not watch.changed()
        other.set_input(assessment, "004", {"score": 2})
        deadline = time.monotonic() + 5
        while not watch.changed():
            assert time.monotonic() < deadline, "the write was never heard"
            time.sleep(0.02)
        assert watch.heard.codes == {"004"}
        assert watch.heard.assessments == {assessment}
        assert watch.heard.actors == {"李四"}
        assert not watch.changed()  # once per write
    finally:
        watch.close()


@pytest.mark.postgres
def test_a_watch_whose_connection_was_cut_reconnects_and_says_something_changed(
    workspace: Workspace, other: Workspace
) -> None:
    if workspace.engine.dialect.name != "postgresql":
        pytest.skip("a server's connection")
    import psycopg

    from egov_desk.core.server_watch import APPLICATION

    assessment = workspace.default_assessment().id
    watch = workspace.watch()
    assert isinstance(watch, ServerWatch)
    try:
        with psycopg.connect(workspace.url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE application_name = %s AND datname = current_database()",
                (APPLICATION,),
            )
        until(watch.changed)  # back again: what happened meanwhile is unknown, so "changed"
        assert watch.heard.unknown
        other.set_note(assessment, "004", "after the cut")
        until(watch.changed)
        assert watch.heard.codes == {"004"}
    finally:
        watch.close()


def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the deadline"
        time.sleep(0.02)
