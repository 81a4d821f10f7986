"""What a binder holds, before anything is drawn: the items in the system's order with their headings, a
department's lead items only, each item's checklist and its files in requirement order (a file serving two
requirements once, the item's general files last), the cover's facts, and the snapshot once the assessment is final."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from egov_desk.core.binder import BinderRefused, Scope, build_binder, lead_counts
from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.person import Person
from egov_desk.core.sign_off import finalize
from egov_desk.core.workspace import Workspace


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()


def test_the_unit_binder_lists_every_item_in_order_under_its_headings(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    binder = build_binder(demo, assessment, Scope("unit"))
    system = demo.system_now(demo.default_assessment().system_id)
    assert [item.code for item in binder.items] == [item.code for item in system.items()]
    first = binder.items[0]
    assert (first.level1, first.level2, first.points) == ("发展环境", "工作统筹协调", "4")
    assert (binder.unit, binder.year, binder.total, binder.snapshot) == ("市教育局", 2019, "65.75 / 100", "")
    assert binder.default_name() == "市教育局-2019-全部-装订册.pdf"
    plan = binder.items[1]
    assert [(line.mark, line.status, line.files) for line in plan.checklist] == [
        ("✓", "已收集", ("2019年电子政务工作计划及完成情况.pdf",)),
        ("✗", "未提供", ()),
    ]
    assert plan.files[0].path is not None
    assert plan.files[0].path.is_file()


def test_a_department_binder_holds_only_the_items_it_leads(demo: Workspace) -> None:
    binder = build_binder(demo, demo.default_assessment().id, Scope("department", "信息中心"))
    system = demo.system_now(demo.default_assessment().system_id)
    assert [item.code for item in binder.items] == [i.code for i in system.items() if i.lead == "信息中心"]
    assert binder.default_name() == "市教育局-2019-信息中心-装订册.pdf"
    with pytest.raises(BinderRefused) as refused:
        build_binder(demo, demo.default_assessment().id, Scope("department", "档案室"))
    assert "档案室" in refused.value.chinese
    assert "信息中心" in refused.value.chinese
    with pytest.raises(BinderRefused):
        build_binder(demo, demo.default_assessment().id, Scope("item", "999"))


def test_a_department_that_leads_no_item_is_refused_before_anything_is_bound(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    counts = lead_counts(demo, assessment)
    assert counts["基教科"] == 0  # it only cooperates
    assert counts["信息中心"] > 0
    system = demo.system_now(demo.default_assessment().system_id)
    assert list(counts) == system.departments()
    assert sum(counts.values()) == sum(1 for item in system.items() if item.lead)
    with pytest.raises(BinderRefused) as refused:
        build_binder(demo, assessment, Scope("department", "基教科"))
    assert refused.value.chinese == "「基教科」没有牵头的项目，无需装订（它配合的项目由牵头科室装订）"
    assert "基教科 leads no item" in refused.value.english


def test_files_follow_the_requirements_once_each_the_general_ones_last(demo: Workspace, tmp_path: Path) -> None:
    assessment = demo.default_assessment().id
    plan, later = (tmp_path / "计划.pdf", tmp_path / "其他说明.pdf")
    for path in (plan, later):
        path.write_bytes(b"%PDF-1.4\n%%EOF\n" + path.name.encode())
    first, second = demo.evidence.item_evidence(assessment, "002").requirements
    demo.evidence.attach(assessment, "002", [later], None, date(2019, 3, 1))  # attached first, to the item
    demo.evidence.attach(assessment, "002", [plan], second.id, date(2019, 3, 1))
    demo.evidence.attach(assessment, "002", [plan], first.id, date(2019, 3, 1))
    item = build_binder(demo, assessment, Scope("item", "002")).items[0]
    assert [f.name for f in item.files] == ["2019年电子政务工作计划及完成情况.pdf", "计划.pdf", "其他说明.pdf"]
    assert item.checklist[-1].text == "其他材料"
    assert item.checklist[-1].files == ("其他说明.pdf",)


def test_a_final_assessment_puts_its_snapshot_on_the_cover(demo: Workspace) -> None:
    assessment = demo.default_assessment().id
    demo.set_person(Person("王主任", "leader"))
    finalize(demo, assessment, force=True)
    binder = build_binder(demo, assessment, Scope("item", "003"))
    assert len(binder.snapshot) == 64
    assert binder.snapshot == demo.assessment(assessment).snapshot_sha256
