"""Adding, removing and describing indicator systems and assessments: what :class:`~egov_desk.core.workspace.
Workspace`'s ``add_system``, ``import_system``, ``create_assessment``, ``remove_assessment``, ``remove_system``
and ``update_assessment`` do, each in one transaction of the workspace's :class:`~egov_desk.core.store.Store`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from egov_desk.core.assessment_details import DETAIL_NAMES_ZH, clean_details
from egov_desk.core.changes import (
    AssessmentAdded,
    AssessmentCreated,
    AssessmentRemoved,
    Changes,
    DetailsChange,
    SystemAdded,
    SystemRemoved,
    SystemStored,
)
from egov_desk.core.db.models import (
    Assessment,
    EvidenceFile,
    IndicatorSystemRow,
    ItemInput,
    RequirementCheck,
    Setting,
)
from egov_desk.core.db.system_store import store_system
from egov_desk.core.errors import ChangedSince, WorkspaceError
from egov_desk.core.indicators import IndicatorSystem, system_from_interchange
from egov_desk.core.store import Store
from egov_desk.core.system_versions import refuse_if_kept_on, without_versions
from egov_desk.core.workspace_info import PLACEHOLDER_UNIT, UNIT_GIVEN, AssessmentInfo, _assessment_info, _plain
from egov_desk.core.write_refusals import (
    assessment_in_use,
    duplicate_system,
    no_assessment,
    no_system,
    only_assessment,
    system_in_use,
)


def unit_given(unit: str) -> str:
    if not unit.strip():
        raise WorkspaceError("an assessment needs the unit's name", "请填写单位名称", "no_unit")
    return unit.strip()


def add_system(store: Store, data: Mapping[str, Any], key: str, source: str = "") -> SystemStored:
    """Store an indicator system given as interchange JSON; refuses a key already used."""
    system = system_from_interchange(without_versions(data))
    with store.write() as session:
        system_id = _add_system(store, session, system, key, source)
        store.commit(session, f"indicator system {system.title!r}", f"指标体系“{system.title}”")
    store.keep_system(system_id, system)
    return SystemStored(system_id, Changes.of(SystemAdded(system_id)))


def _add_system(store: Store, session: Session, system: IndicatorSystem, key: str, source: str) -> int:
    if session.scalar(select(IndicatorSystemRow.id).where(IndicatorSystemRow.key == key)):
        raise duplicate_system(key)
    row = store_system(session, system, key, source)
    store.audit(session, "add_system", after={"key": key, "title": system.title})
    return row.id


def import_system(
    store: Store, data: Mapping[str, Any], key: str, source: str, unit: str, year: int, title: str = "自评"
) -> Changes:
    """Store an indicator system and create its assessment, in one transaction: both are added, or neither."""
    system = system_from_interchange(without_versions(data))
    unit = unit_given(unit)
    with store.write() as session:
        system_id = _add_system(store, session, system, key, source)
        assessment_id = _add_assessment(store, session, system_id, unit, year, title)
        store.commit(
            session, f"indicator system {system.title!r} and its assessment", f"指标体系“{system.title}”及其考评"
        )
    store.keep_system(system_id, system)
    return Changes.of(SystemAdded(system_id), AssessmentAdded(assessment_id, system_id))


def remove_system(store: Store, system_id: int) -> Changes:
    """Remove an indicator system no assessment uses."""
    with store.write() as session:
        _remove_system(store, session, system_id)
        store.commit(session, f"removing indicator system {system_id}", "删除指标体系")
    store.forget_system(system_id)
    return Changes.of(SystemRemoved(system_id))


def _remove_system(store: Store, session: Session, system_id: int) -> None:
    row = session.get(IndicatorSystemRow, system_id)
    if row is None:
        raise no_system(system_id)
    if session.scalar(select(func.count()).select_from(Assessment).where(Assessment.system_id == system_id)):
        raise system_in_use(row.title)
    refuse_if_kept_on(session, system_id, row.title)
    store.audit(session, "remove_system", before={"key": row.key, "title": row.title})
    # the database removes the nodes, items and requirements with it (ON DELETE CASCADE)
    session.execute(delete(IndicatorSystemRow).where(IndicatorSystemRow.id == system_id))


def create_assessment(store: Store, system_id: int, unit: str, year: int, title: str = "自评") -> AssessmentCreated:
    """A new assessment of an indicator system."""
    unit = unit_given(unit)
    with store.write() as session:
        assessment_id = _add_assessment(store, session, system_id, unit, year, title)
        store.commit(session, f"assessment {year} {unit}", f"{year} 年 {unit} 的考评")
    return AssessmentCreated(assessment_id, Changes.of(AssessmentAdded(assessment_id, system_id)))


def _add_assessment(store: Store, session: Session, system_id: int, unit: str, year: int, title: str) -> int:
    if session.get(IndicatorSystemRow, system_id) is None:
        raise no_system(system_id)
    row = Assessment(system_id=system_id, unit=unit, year=year, title=title)
    session.add(row)
    session.flush()
    store.audit(session, "create_assessment", row.id, after={"unit": unit, "year": year, "title": title})
    return row.id


def remove_assessment(store: Store, assessment_id: int, *, with_system: bool = False, carried: bool = False) -> Changes:
    """Remove an assessment nothing was entered into (and, ``with_system``, its system when no other assessment
    uses it); anything entered, or the workspace's only assessment: refused, nothing removed. ``carried``: the
    undo of a carry-over, so the notes and the files marked 去年材料 it brought along go with it."""
    with store.write() as session:
        row = session.get(Assessment, assessment_id)
        label = _assessment_info(row).label if row is not None else str(assessment_id)
        changes = remove_assessment_in(store, session, assessment_id, with_system=with_system, carried=carried)
        store.commit(session, f"removing assessment {label}", f"删除考评“{label}”")
    if changes.systems_removed:
        store.forget_system(changes.systems_removed[0])
    return changes


def remove_assessment_in(
    store: Store, session: Session, assessment_id: int, *, with_system: bool = False, carried: bool = False
) -> Changes:
    """:func:`remove_assessment` inside a write already open (a carry-over's undo takes back more beside it)."""
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise no_assessment(assessment_id)
    info = _assessment_info(row)
    _refuse_if_entered(session, info, carried=carried and row.carried_from is not None)
    system_id = row.system_id
    store.audit(session, "remove_assessment", assessment_id, before={"unit": info.unit, "year": info.year})
    # its inputs, evidence rows and ticks go with it (ON DELETE CASCADE); its audit rows stay in the chain
    session.execute(delete(Assessment).where(Assessment.id == assessment_id))
    changes = Changes.of(AssessmentRemoved(assessment_id, system_id))
    others = session.scalar(select(func.count()).select_from(Assessment).where(Assessment.system_id == system_id))
    if with_system and not others:
        _remove_system(store, session, system_id)
        changes += Changes.of(SystemRemoved(system_id))
    return changes


def _refuse_if_entered(session: Session, info: AssessmentInfo, *, carried: bool = False) -> None:
    """``carried``: notes and files still marked 去年材料 are what the carry-over brought, not entered."""

    def count(query: Any) -> int:
        return int(session.scalar(query) or 0)

    if count(select(func.count()).select_from(Assessment)) <= 1:
        raise only_assessment(info.label)
    entered = (ItemInput.input.is_not(None)) | (ItemInput.status != "")
    if not carried:
        entered = entered | (ItemInput.note != "")
    if count(select(func.count()).select_from(ItemInput).where(ItemInput.assessment_id == info.id, entered)):
        raise assessment_in_use(info.label, "a score or a note", "得分或说明")
    files = select(func.count()).select_from(EvidenceFile).where(EvidenceFile.assessment_id == info.id)
    if count(files.where(EvidenceFile.carried.is_(False)) if carried else files):
        raise assessment_in_use(info.label, "evidence", "佐证材料")
    checks = select(func.count()).select_from(RequirementCheck)
    if count(checks.where(RequirementCheck.assessment_id == info.id)):
        raise assessment_in_use(info.label, "a check mark", "核验勾选")


def update_assessment(
    store: Store, assessment_id: int, expected: Mapping[str, Any] | None, details: dict[str, Any]
) -> DetailsChange:
    """An assessment's new details, in one transaction; ``expected``: the details the person saw (one changed
    since refuses the write). Setting the unit also records that the unit's name has been given."""
    details = clean_details(details)
    with store.write() as session:
        row = session.get(Assessment, assessment_id)
        if row is None:
            raise no_assessment(assessment_id)
        before = _assessment_info(row)
        changed = [k for k, v in (expected or {}).items() if getattr(before, k) != v]
        if changed:
            now = ", ".join(f"{k} = {getattr(before, k)}" for k in changed)
            now_zh = "，".join(f"{DETAIL_NAMES_ZH.get(k, k)}：{getattr(before, k)}" for k in changed)
            raise ChangedSince(
                f"the assessment's details were changed elsewhere since ({now}); not saved",
                f"考评信息已在别处被修改（现为 {now_zh}）；本次修改没有保存。",
                "changed_since",
                current={k: getattr(before, k) for k in changed},
            )
        for key, value in details.items():
            setattr(row, key, value)
        after = _assessment_info(row)
        change = DetailsChange(before, after)
        if change.changed:
            was = {k: _plain(getattr(before, k)) for k in change.changed}
            now_plain = {k: _plain(v) for k, v in change.changed.items()}
            store.audit(session, "update_assessment", assessment_id, before=was, after=now_plain)
        if "unit" in details:  # undoing the first answer brings the question back
            session.merge(Setting(key=UNIT_GIVEN, value=details["unit"] != PLACEHOLDER_UNIT))
        store.commit(session, f"the details of assessment {assessment_id}", "考评信息")
    return change
