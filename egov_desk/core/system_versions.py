"""Versions of an indicator system: an edited system is stored beside the one it was edited from, never over it,
so an assessment keeps the version it was scored on until it is moved (:mod:`~egov_desk.core.assessment_move`).

A version's row says where it stands in its ``extra``: ``{"version": n, "previous": id, "base": id}`` (a system
as built in or imported has none: it is version 1 and its own base). Its key is the first version's key with
``#v2``, ``#v3`` … after it. What is exported (:func:`export_system_json`) leaves these workspace ids out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from egov_desk.core.changes import Changes, SystemAdded, SystemStored
from egov_desk.core.db.models import Assessment, EvidenceFile, EvidenceLink, IndicatorSystemRow, ItemInput, ItemRow
from egov_desk.core.db.system_store import load_system, store_system
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.indicators import IndicatorSystemError, system_from_interchange, system_to_interchange
from egov_desk.core.store import Store
from egov_desk.core.workspace_info import SystemInfo
from egov_desk.core.write_refusals import no_system

VERSION_KEYS = ("version", "previous", "base")
_VERSION_SUFFIX = re.compile(r"#v\d+$")


def version_of(row: IndicatorSystemRow) -> int:
    version = (row.extra or {}).get("version", 1)
    return version if isinstance(version, int) and not isinstance(version, bool) else 1


def base_of(row: IndicatorSystemRow) -> int:
    """The id of the system's first version (its own id when it is the first)."""
    base = (row.extra or {}).get("base")
    return base if isinstance(base, int) and not isinstance(base, bool) else row.id


def system_info(row: IndicatorSystemRow) -> SystemInfo:
    version = version_of(row)
    return SystemInfo(row.id, row.key, row.title, row.year, row.source, version, base_of(row) if version > 1 else None)


def without_versions(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in VERSION_KEYS}


def _checked(data: Mapping[str, Any]) -> dict[str, Any]:
    """The edited system's interchange JSON, refused (naming the place, in both languages) when not usable."""
    if not isinstance(data, Mapping):
        raise IndicatorSystemError(
            "the indicator system must be an object with a 'tree'",
            "新版本没有保存：指标体系应为含 tree 的 JSON 对象",
            "invalid_system",
        )
    clean = without_versions(data)
    try:
        system_from_interchange(clean)
    except IndicatorSystemError as exc:
        raise IndicatorSystemError(
            f"the new version was not stored: {exc.english}",
            f"新版本没有保存：{exc.english}。请改正该处后再保存。",
            "invalid_system",
        ) from None
    return clean


def store_system_version(store: Store, system_id: int, data: Mapping[str, Any]) -> SystemStored:
    """A new version of system ``system_id`` from its edited interchange JSON; the old version stays as it is.
    Undone by removing the new system (refused while an assessment uses it)."""
    clean = _checked(data)
    with store.write("the new version", "新版本") as session:
        old = session.get(IndicatorSystemRow, system_id)
        if old is None:
            raise no_system(system_id)
        base = base_of(old)
        family = [row for row in session.scalars(select(IndicatorSystemRow)) if base_of(row) == base]
        version = max(version_of(row) for row in family) + 1
        keys = set(session.scalars(select(IndicatorSystemRow.key)))
        stem = _VERSION_SUFFIX.sub("", old.key)
        while f"{stem}#v{version}" in keys:
            version += 1
        key = f"{stem}#v{version}"
        system = system_from_interchange(clean | {"version": version, "previous": old.id, "base": base})
        row = store_system(session, system, key, old.source)
        store.audit(
            session,
            "store_system_version",
            before={"key": old.key},
            after={"key": key, "title": system.title, "version": version},
        )
        new_id = row.id
        store.commit(session, f"version {version} of {system.title!r}", f"“{system.title}”第 {version} 版")
    store.keep_system(new_id, system)
    return SystemStored(new_id, Changes.of(SystemAdded(new_id)))


def export_system_json(store: Store, system_id: int) -> dict[str, Any]:
    """The system as the database holds it, as interchange JSON (what ``import --json`` and ``template show
    --json`` print): another workspace can add it, nothing in it names this workspace's ids."""
    with store.read() as session:
        if session.get(IndicatorSystemRow, system_id) is None:
            raise no_system(system_id)
        return without_versions(system_to_interchange(load_system(session, system_id)))


def export_system_xlsx(store: Store, system_id: int, out: Path) -> Path:
    """The system as the database holds it, in the original table's .xlsx layout (openpyxl loaded only now)."""
    from egov_desk.core.exports.system_xlsx import write_system_xlsx

    with store.read() as session:
        if session.get(IndicatorSystemRow, system_id) is None:
            raise no_system(system_id)
        system = load_system(session, system_id)
    return write_system_xlsx(system, out)


def input_rows(session: Session, assessment_id: int) -> dict[str, ItemInput]:
    """The assessment's input rows by item code, of the version it uses now: rows an assessment left on an
    earlier version's items (items the version it moved to lacks) are kept there, not read."""
    rows = session.execute(
        select(ItemRow.code, ItemInput)
        .join(ItemRow, ItemRow.id == ItemInput.item_id)
        .join(Assessment, Assessment.id == ItemInput.assessment_id)
        .where(ItemInput.assessment_id == assessment_id, ItemRow.system_id == Assessment.system_id)
    )
    return {code: row for code, row in rows}


def refuse_if_kept_on(session: Session, system_id: int, title: str) -> None:
    """A version still holding what an assessment entered before it moved on is not removed with it."""
    items = select(ItemRow.id).where(ItemRow.system_id == system_id)
    inputs = session.scalar(select(func.count()).select_from(ItemInput).where(ItemInput.item_id.in_(items)))
    links = session.scalar(
        select(func.count())
        .select_from(EvidenceLink)
        .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
        .where(EvidenceLink.item_id.in_(items))
    )
    if inputs or links:
        raise WorkspaceError(
            f"the indicator system {title!r} is not removed: it keeps scores, notes or evidence an assessment "
            "entered before it moved to another version; move that assessment back first",
            f"指标体系“{title}”没有删除：其中还保存着某个考评换用其他版本之前录入的得分、说明或佐证材料；"
            "请先把该考评换回这个版本",
            "system_keeps_entries",
        )
