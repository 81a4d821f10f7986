"""A carry-over onto another system next to the assessment an import made for the same year: its default title
is made distinct the way an import does it, so the two are never listed under one label."""

from __future__ import annotations

from egov_desk.core.carry_over import carry_over, plan_carry_over
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace


def system_2020(workspace: Workspace) -> int:
    data = template_data("builtin:2019")
    data["year"], data["title"] = 2020, "2020年电子政务考评指标"
    return workspace.add_system(data, "import:2020").system_id


def test_beside_the_imports_2020_self_assessment_the_carried_one_is_told_apart(workspace: Workspace) -> None:
    system = system_2020(workspace)
    unit = workspace.assessment(1).unit
    workspace.create_assessment(system, unit, 2020, "自评")  # what the import of the 2020 table made
    plan = plan_carry_over(workspace, 1, system)
    for given in (None, "", workspace.assessment(1).title):  # none given, or the source's the window offers
        new = carry_over(workspace, plan, 2020, given).assessment_id
        title = workspace.assessment(new).title
        assert title.startswith("自评")
        assert "（2020年电子政务考评指标" in title  # 自评（…）, then 自评 2（…）, 自评 3（…）
    titles = [info.title for info in workspace.assessments() if info.year == 2020]
    assert len(titles) == len(set(titles))


def test_the_plain_title_when_it_is_free_and_a_title_typed_is_kept(workspace: Workspace) -> None:
    system = system_2020(workspace)
    plan = plan_carry_over(workspace, 1, system)
    assert workspace.assessment(carry_over(workspace, plan, 2020).assessment_id).title == "自评"
    assert workspace.assessment(carry_over(workspace, plan, 2020, "复核").assessment_id).title == "复核"
