"""Indicator systems to database rows and back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import (
    Department,
    EvidenceRequirement,
    IndicatorSystemRow,
    ItemCooperation,
    ItemRow,
    NodeRow,
)
from egov_desk.core.indicators import (
    IndicatorSystem,
    Item,
    Node,
    system_from_interchange,
    system_to_interchange,
)
from egov_desk.core.points import compact


class _Departments:
    """Finds or creates department rows by name within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known = {d.name: d for d in session.scalars(select(Department))}

    def __call__(self, name: str) -> Department:
        if name not in self.known:
            department = Department(name=name)
            self.session.add(department)
            self.known[name] = department
        return self.known[name]


def _item_row(item: Item, position: int, system: IndicatorSystemRow, departments: _Departments) -> ItemRow:
    row = ItemRow(
        position=position,
        code=item.code,
        name=item.name,
        points=item.points,
        rule_text=item.rule_text,
        evidence_text=item.evidence_text,
        scoring=item.scoring.to_dict(),
        extra=dict(item.extra) | ({"veto": item.veto.to_dict()} if item.veto else {}),  # read back as interchange
        lead=departments(item.lead) if item.lead else None,
    )
    row.system_id = system.id
    row.cooperating = [
        ItemCooperation(department=departments(name), position=i) for i, name in enumerate(item.cooperating)
    ]
    row.requirements = [
        EvidenceRequirement(position=i, text=r.text, supplied_by=r.supplied_by) for i, r in enumerate(item.requirements)
    ]
    return row


def _store_nodes(
    session: Session,
    system: IndicatorSystemRow,
    nodes: Iterable[Node],
    parent: NodeRow | None,
    departments: _Departments,
) -> None:
    for position, node in enumerate(nodes):
        row = NodeRow(
            system=system,
            parent_id=parent.id if parent else None,
            position=position,
            name=node.name,
            points=node.points,
            extra=node.extras(),
        )
        session.add(row)
        session.flush()  # the children need this row's id
        for item_position, item in enumerate(node.items):
            item_row = _item_row(item, item_position, system, departments)
            item_row.node_id = row.id
            session.add(item_row)
        _store_nodes(session, system, node.children, row, departments)


def store_system(session: Session, system: IndicatorSystem, key: str, source: str) -> IndicatorSystemRow:
    """Add a system's rows to the session (the caller commits)."""
    row = IndicatorSystemRow(
        key=key,
        title=system.title,
        year=system.year,
        total_points=system.total_points,
        source=source,
        extra=dict(system.extra),
    )
    session.add(row)
    session.flush()
    _store_nodes(session, row, system.tree, None, _Departments(session))
    session.flush()
    return row


def load_system(session: Session, system_id: int) -> IndicatorSystem:
    """Rebuild the :class:`IndicatorSystem` of a stored system, through the interchange JSON so that the
    same validation applies to what is read as to what was imported."""
    system = session.get(IndicatorSystemRow, system_id)
    if system is None:
        raise KeyError(system_id)
    nodes = list(
        session.scalars(
            select(NodeRow).where(NodeRow.system_id == system_id).order_by(NodeRow.parent_id, NodeRow.position)
        )
    )
    items = list(
        session.scalars(
            select(ItemRow).where(ItemRow.system_id == system_id).order_by(ItemRow.node_id, ItemRow.position)
        )
    )
    names = {d.id: d.name for d in session.scalars(select(Department))}
    cooperating: dict[int, list[str]] = {}
    for link in session.scalars(
        select(ItemCooperation)
        .join(ItemRow)
        .where(ItemRow.system_id == system_id)
        .order_by(ItemCooperation.item_id, ItemCooperation.position)
    ):
        cooperating.setdefault(link.item_id, []).append(names[link.department_id])
    requirements: dict[int, list[dict[str, str | None]]] = {}
    for req in session.scalars(
        select(EvidenceRequirement)
        .join(ItemRow)
        .where(ItemRow.system_id == system_id)
        .order_by(EvidenceRequirement.item_id, EvidenceRequirement.position)
    ):
        requirements.setdefault(req.item_id, []).append({"text": req.text, "supplied_by": req.supplied_by})

    children: dict[int | None, list[NodeRow]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    node_items: dict[int, list[ItemRow]] = {}
    for item in items:
        node_items.setdefault(item.node_id, []).append(item)

    def item_json(row: ItemRow) -> dict[str, object]:
        return {
            "code": row.code,
            "name": row.name,
            "points": compact(row.points),
            "rule": row.rule_text,
            "evidence": row.evidence_text,
            "lead": names.get(row.lead_id, "") if row.lead_id else "",
            "cooperating": cooperating.get(row.id, []),
            "scoring": row.scoring,
            "requirements": requirements.get(row.id, []),
            **row.extra,
        }

    def node_json(row: NodeRow) -> dict[str, object]:
        data: dict[str, object] = {
            "name": row.name,
            "points": compact(row.points) if row.points is not None else None,
            **(row.extra or {}),
        }
        if row.id in children:
            data["children"] = [node_json(child) for child in children[row.id]]
        if row.id in node_items:
            data["items"] = [item_json(item) for item in node_items[row.id]]
        return data

    data = {
        "title": system.title,
        "year": system.year,
        "total_points": compact(system.total_points) if system.total_points is not None else None,
        "tree": [node_json(root) for root in children.get(None, [])],
        **system.extra,
    }
    return system_from_interchange(data)


def system_json(session: Session, system_id: int) -> dict[str, object]:
    return system_to_interchange(load_system(session, system_id))
