"""The office's side of a department's return: what it would change here, and what conflicts.

:func:`plan_return` reads a return (every check of :mod:`.reading`), refuses in one line one that is not ours to
take — a department package instead of a return, another workspace's return ("foreign"), one answering an older
package than the newest made for that department or a number never made ("stale"), an assessment gone or final —
and says each change against what the office holds now: "same" (held already), "conflict" ("changed_here": the
office, or another department's return, changed it since the package was made; "cooperating": a cooperating
department's input, note or status on an item another department leads), or "apply". It writes nothing;
:func:`apply_return` (:mod:`.return_applied`) applies what the person accepts, :func:`undo_return` takes it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.packages.format import RETURN, MadeBy, PackageRefused, refusal
from egov_desk.core.packages.identity import SEQUENCE, workspace_id
from egov_desk.core.packages.meter import Meter
from egov_desk.core.packages.reading import Package, read_package
from egov_desk.core.packages.return_applied import ReturnApplied, ReturnRefused, apply_return
from egov_desk.core.packages.return_conflicts import OfficeState, office_state, stored_status
from egov_desk.core.packages.return_plan import (
    APPLY,
    CHANGED_HERE,
    CONFLICT,
    COOPERATING,
    FIELDS,
    SAME,
    ReturnChange,
    ReturnPlan,
)
from egov_desk.core.packages.return_undo import undo_return
from egov_desk.core.review_states import STAGE_FINAL

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

__all__ = [
    "APPLY",
    "CHANGED_HERE",
    "CONFLICT",
    "COOPERATING",
    "FIELDS",
    "SAME",
    "ReturnApplied",
    "ReturnChange",
    "ReturnPlan",
    "ReturnRefused",
    "apply_return",
    "plan_return",
    "undo_return",
]


def _refused(file: str, kind: str, english: str, chinese: str, **values: Any) -> PackageRefused:
    return refusal(file, kind, english, chinese, **values)


def _check_ours(workspace: Workspace, package: Package) -> int:
    """The office assessment the return answers, once it is known to be a return of this workspace answering
    the newest package of its department; refused otherwise."""
    file, manifest = str(package.path), package.manifest
    if manifest.kind != RETURN:
        raise _refused(
            file,
            "not_a_return",
            f"this is a {manifest.kind} package, not a department's return — import takes the file the department "
            "sent back (made with 'package return')",
            "这是发给科室的工作包，不是科室交回的回执；请导入科室填报后交回的回执文件",
            package_kind=manifest.kind,
        )
    ours = workspace_id(workspace)
    if manifest.workspace != ours:
        raise _refused(
            file,
            "foreign",
            f"this return answers a package of another workspace ({manifest.workspace}), not this one ({ours}) — "
            "open the workspace that exported the package",
            f"此回执答复的是另一个工作区（{manifest.workspace}）导出的工作包，不是本工作区（{ours}）的；"
            "请在导出该工作包的工作区中导入",
            workspace=manifest.workspace,
        )
    numbers = workspace.setting(SEQUENCE)
    newest = int(numbers.get(manifest.department, 0)) if isinstance(numbers, dict) else 0
    if manifest.sequence != newest:
        if manifest.sequence > newest:
            english = (
                f"this return answers package {manifest.sequence} of {manifest.department}, but this workspace "
                f"made only {newest} — it is not an answer to a package made here"
            )
            chinese = (
                f"此回执答复的是「{manifest.department}」的第 {manifest.sequence} 个工作包，"
                f"但本工作区只为该科室制作过 {newest} 个，不是本工作区工作包的回执"
            )
        else:
            english = (
                f"{manifest.department} has package {newest} already; this return answers package "
                f"{manifest.sequence} — ask the department for its return of package {newest}"
            )
            chinese = (
                f"该科室已有第 {newest} 个工作包，此回执答复的是第 {manifest.sequence} 个；"
                f"请让「{manifest.department}」交回第 {newest} 个工作包的回执"
            )
        raise _refused(file, "stale", english, chinese, sequence=manifest.sequence, newest=newest)
    assessment_id = manifest.assessment.id
    try:
        assessment = workspace.assessment(assessment_id)
    except WorkspaceError:
        raise _refused(
            file,
            "assessment_gone",
            f"the assessment it answers ({manifest.assessment.year} {manifest.assessment.title}) is no longer in "
            "this workspace",
            f"此回执答复的考评（{manifest.assessment.year} {manifest.assessment.title}）已不在本工作区中",
            assessment_id=assessment_id,
        ) from None
    if assessment.stage == STAGE_FINAL:
        raise _refused(
            file,
            "assessment_final",
            f"the assessment {assessment.year} {assessment.title} is final (signed off): nothing can be taken in "
            "until the leader reopens it",
            f"考评“{assessment.year} {assessment.title}”已定稿，不能导入回执；如需导入，请由负责人先“重新打开”",
            assessment_id=assessment_id,
        )
    return assessment_id


def _position(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _made_by(data: Any) -> MadeBy:
    data = data if isinstance(data, dict) else {}
    return MadeBy(str(data.get("login", "")), str(data.get("name", "")), str(data.get("role", "")))


def _planned(
    office: OfficeState, code: str, title: str, role: str, lead: str, change: dict[str, Any], file: str
) -> ReturnChange:
    field_name = change.get("field")
    by, at = _made_by(change.get("by")), str(change.get("at", ""))
    base, value = change.get("base"), change.get("value")
    position = _position(change.get("position"))
    if not _well_formed(field_name, value):
        raise _malformed(file, code)
    if field_name == "input":
        key, now = f"{code}/input", office.inputs.get(code)
    elif field_name == "note":
        key, now = f"{code}/note", office.notes.get(code, "")
        base, value = base or "", value or ""
    elif field_name == "status":
        key, now = f"{code}/status", office.statuses.get(code, "")
        base, value, now = stored_status(base), stored_status(value), stored_status(now)
    elif field_name == "requirement" and position is not None:
        key = f"{code}/requirement/{position}"
        requirement = office.requirement(code, position)
        if requirement is None:
            raise _unknown(file, code, f"requirement {position}", f"第 {position + 1} 项材料要求")
        now = requirement.status
    elif field_name == "evidence" and change.get("action") in ("add", "remove"):
        return _evidence(office, code, title, role, change, by, at, file)
    else:
        raise _malformed(file, code)
    if now == value:
        return ReturnChange(key, code, title, role, field_name, base, value, now, by, at, SAME, detail=change)
    if now != base:
        who = office.changed_by(code, field_name, position)
        return ReturnChange(
            key,
            code,
            title,
            role,
            field_name,
            base,
            value,
            now,
            by,
            at,
            CONFLICT,
            CHANGED_HERE,
            who.by if who else None,
            who.at if who else None,
            detail=change,
        )
    if role == COOPERATING and field_name in ("input", "note", "status"):
        return ReturnChange(
            key, code, title, role, field_name, base, value, now, by, at, CONFLICT, COOPERATING, lead, None, change
        )
    return ReturnChange(key, code, title, role, field_name, base, value, now, by, at, APPLY, detail=change)


def _well_formed(field_name: Any, value: Any) -> bool:
    """Whether a change's value has the type its field holds (the return came from outside)."""
    if field_name == "input":
        return value is None or isinstance(value, dict)
    if field_name in ("note", "status", "requirement"):
        return value is None or isinstance(value, str)
    return True


def _evidence(
    office: OfficeState, code: str, title: str, role: str, change: dict[str, Any], by: MadeBy, at: str, file: str
) -> ReturnChange:
    entry = change.get("file")
    position = _position(change.get("requirement"))
    if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
        raise _malformed(file, code)
    if position is not None and office.requirement(code, position) is None:
        raise _unknown(file, code, f"requirement {position}", f"第 {position + 1} 项材料要求")
    name, sha256 = str(entry.get("name", "")), entry["sha256"]
    where = "general" if position is None else str(position)
    if change["action"] == "add":
        key = f"{code}/evidence/add/{sha256}/{where}"
        held = office.linked(code, position, sha256)
        state = SAME if held else APPLY
        return ReturnChange(
            key, code, title, role, "evidence", None, name, name if held else None, by, at, state, detail=change
        )
    key = f"{code}/evidence/remove/{entry.get('id')}"
    held = office.link_of(code, position, entry.get("id"))
    state = APPLY if held else SAME
    return ReturnChange(
        key, code, title, role, "evidence", name, None, name if held else None, by, at, state, detail=change
    )


def _malformed(file: str, code: str) -> PackageRefused:
    return _refused(
        file,
        "malformed_payload",
        f"the return's changes of {code} are not in the form a return holds — refused",
        f"回执中 {code} 的修改内容格式不对，已拒绝",
        code=code,
    )


def _unknown(file: str, code: str, what: str, what_zh: str) -> PackageRefused:
    return _refused(
        file,
        "unknown_item",
        f"the return changes {code} {what}, which this assessment does not have — refused",
        f"回执修改的是 {code} 的{what_zh}，本考评中没有，已拒绝",
        code=code,
    )


def plan_return(workspace: Workspace, path: Path, meter: Meter | None = None) -> ReturnPlan:
    """Read a return and say each of its changes against what the office holds now; writes nothing. A ``meter``
    hears the return's bytes as they are checked, and can cancel."""
    package = read_package(path, meter)
    assessment_id = _check_ours(workspace, package)
    file, manifest, payload = str(package.path), package.manifest, package.payload
    answers = payload["answers"] if isinstance(payload.get("answers"), dict) else {}
    package_made_at = str(answers.get("made_at", ""))
    office = office_state(workspace, assessment_id, package_made_at)
    system = workspace.system(workspace.assessment(assessment_id).system_id)
    changes: list[ReturnChange] = []
    for entry in package.items:
        code = entry["code"]
        try:
            item = system.item(code)
        except KeyError:
            raise _unknown(file, code, "", "指标") from None
        if manifest.department != item.lead and manifest.department not in item.cooperating:
            raise _refused(
                file,
                "not_their_item",
                f"the return changes {code}, which {manifest.department} neither leads nor cooperates on — refused",
                f"回执修改了 {code}，但「{manifest.department}」既不牵头也不配合该指标，已拒绝",
                code=code,
            )
        role = COOPERATING if entry.get("role") == COOPERATING else "lead"
        if role == "lead" and item.lead != manifest.department:
            role = COOPERATING  # the department says it leads an item another department leads: not taken as lead
        listed = entry.get("changes")
        if not isinstance(listed, list) or not all(isinstance(c, dict) for c in listed):
            raise _malformed(file, code)
        for change in listed:
            changes.append(_planned(office, code, item.title, role, item.lead, change, file))
    return ReturnPlan(
        package.path,
        manifest.department,
        manifest.sequence,
        manifest.made_by,
        manifest.made_at,
        tuple(changes),
        assessment_id,
        package_made_at,
        package,
    )
