"""The indicator system: a tree of levels (一级/二级/三级指标 …) whose leaves are scoring items (编号).

Read from and written to the interchange JSON (see docs/design.md): ``{title, year, total_points,
tree: [{name, points, children | items}]}``, items ``{code, points, rule, evidence, lead, cooperating,
scoring}``. Unknown keys are kept in ``extra`` and written back unchanged.

Beyond a plain sum: an item may carry a veto (``"veto": {"text", "effect": "zero" | "fail"}``, 一票否决); a
top-level node may be a section outside the total (``"section": "bonus" | "deduction"``, ``"cap"``: 加分项,
综合奖扣分); a node may be weighted (``"weight": W, "scale": S``: its children scored out of S inside it, it
contributes its sum × W / S).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from egov_desk.core.errors import Refused
from egov_desk.core.points import NotANumber, json_number, to_points
from egov_desk.core.requirements import Requirement, parse_requirements, suppliers
from egov_desk.core.rules import Rule, RuleError, parse_rule

NodeKey = tuple[int, ...]
"""Where a node sits: child positions from the root, e.g. (0, 1, 2). Names can repeat; positions cannot."""

_ITEM_KEYS = {"code", "points", "rule", "evidence", "lead", "cooperating", "scoring", "name", "requirements", "veto"}
_NODE_KEYS = {"name", "points", "children", "items", "section", "cap", "weight", "scale"}
SECTIONS = ("bonus", "deduction")  # 加分项, 综合奖扣分: top-level nodes outside the total
VETO_EFFECTS = ("zero", "fail")  # a triggered veto makes the total 0, or marks the assessment 否决 as it is
_SYSTEM_KEYS = {"title", "year", "total_points", "tree"}


class IndicatorSystemError(Refused, ValueError):
    """The interchange JSON does not describe a usable indicator system; the message names where."""


@dataclass(frozen=True)
class Veto:
    """一票否决 on an item: triggered by the assessment's input ``{"vetoed": true}``; ``effect`` says what it does
    to the total: ``zero`` (the total becomes 0) or ``fail`` (the assessment is marked 否决, its sum unchanged)."""

    text: str
    effect: str = "fail"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "effect": self.effect}


@dataclass(frozen=True)
class Item:
    code: str
    points: Decimal
    rule_text: str
    evidence_text: str
    lead: str
    cooperating: tuple[str, ...]
    scoring: Rule
    path: tuple[str, ...]  # names of the levels above, top first
    node_key: NodeKey
    name: str = ""
    requirements: tuple[Requirement, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)
    veto: Veto | None = None

    @property
    def title(self) -> str:
        """A short name: the given one, else the rule's first clause (items have no name in most tables)."""
        if self.name:
            return self.name
        first = re.split(r"[，。；;：:\n]", self.rule_text.strip(), maxsplit=1)[0]
        return first if len(first) <= 40 else first[:39] + "…"

    @property
    def departments(self) -> tuple[str, ...]:
        return (self.lead, *self.cooperating) if self.lead else self.cooperating

    @property
    def supplied_by(self) -> list[str]:
        """Bodies other than the unit that supply this item's result or evidence."""
        found = suppliers(list(self.requirements))
        source = self.scoring.source
        if source and source not in found:
            found.insert(0, source)
        return found


@dataclass(frozen=True)
class Node:
    name: str
    points: Decimal | None
    key: NodeKey
    path: tuple[str, ...]  # own name last
    children: tuple[Node, ...] = ()
    items: tuple[Item, ...] = ()
    section: str = ""  # "bonus" | "deduction": a top-level section outside the total; "" for the rest
    cap: Decimal | None = None  # a section's most points (加分不超过N分); None: its own points, if any
    weight: Decimal | None = None  # a weighted node contributes its sum × weight / scale
    scale: Decimal | None = None  # what its children add up to at most (each 一级 scored out of 100)
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def level(self) -> int:
        return len(self.key)

    @property
    def weighted(self) -> bool:
        return self.weight is not None and self.scale is not None

    def extras(self) -> dict[str, Any]:
        """The node's keys beyond name, points, children and items, as interchange JSON (what ``nodes.extra``
        stores)."""
        data: dict[str, Any] = {}
        if self.section:
            data["section"] = self.section
        if self.cap is not None:
            data["cap"] = json_number(self.cap)
        if self.weight is not None and self.scale is not None:
            data |= {"weight": json_number(self.weight), "scale": json_number(self.scale)}
        return data | dict(self.extra)


@dataclass(frozen=True)
class IndicatorSystem:
    title: str
    year: int | None
    total_points: Decimal | None
    tree: tuple[Node, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)

    def nodes(self) -> Iterator[Node]:
        """Every node, parents before children, in table order."""
        stack = list(reversed(self.tree))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def items(self) -> list[Item]:
        """Every item in table order (编号 order in a well-formed table)."""
        return list(self._by_code.values())

    @cached_property
    def _by_code(self) -> dict[str, Item]:
        return {item.code: item for node in self.nodes() for item in node.items}

    def item(self, code: str) -> Item:
        return self._by_code[code]

    def node(self, key: NodeKey) -> Node:
        level: tuple[Node, ...] = self.tree
        node = None
        for position in key:
            node = level[position]
            level = node.children
        if node is None:
            raise KeyError(key)
        return node

    @property
    def depth(self) -> int:
        return max((node.level for node in self.nodes()), default=0)

    def departments(self) -> list[str]:
        """Every department named as lead or cooperating, in order of first appearance."""
        seen: dict[str, None] = {}
        for item in self.items():
            for name in item.departments:
                seen.setdefault(name, None)
        return list(seen)

    def to_interchange(self) -> dict[str, Any]:
        return system_to_interchange(self)


# --- reading the interchange JSON -----------------------------------------------------------------


def _points(raw: object, where: str, *, required: bool) -> Decimal | None:
    if raw is None and not required:
        return None
    try:
        value = to_points(raw)
    except NotANumber:
        raise IndicatorSystemError(f"{where}: points must be a number, got {raw!r}") from None
    if value < 0:
        raise IndicatorSystemError(f"{where}: points must not be negative, got {raw!r}")
    return value


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    raw = data.get(key, "")
    if raw is None:
        return ""
    if not isinstance(raw, str):
        raise IndicatorSystemError(f"{where}: {key} must be text, got {raw!r}")
    return raw


def _item(data: Mapping[str, Any], path: tuple[str, ...], key: NodeKey, where: str) -> Item:
    if not isinstance(data, Mapping):
        raise IndicatorSystemError(f"{where}: an item must be an object")
    code = str(data.get("code") or "").strip()
    if not code:
        raise IndicatorSystemError(f"{where}: item has no code (编号)")
    where = f"{where} (编号 {code})"
    points = _points(data.get("points", 0), where, required=True)
    assert points is not None
    scoring = data.get("scoring") or {"type": "manual"}
    try:
        rule = parse_rule(scoring, f"{where} scoring", default_max=points)
    except RuleError as exc:
        raise IndicatorSystemError(str(exc)) from None
    cooperating = data.get("cooperating") or []
    if isinstance(cooperating, str):
        cooperating = [cooperating]
    evidence = _text(data, "evidence", where)
    if data.get("requirements") is not None:
        requirements = tuple(Requirement(str(r["text"]), r.get("supplied_by") or None) for r in data["requirements"])
    else:
        requirements = tuple(parse_requirements(evidence))
    return Item(
        code=code,
        points=points,
        rule_text=_text(data, "rule", where),
        evidence_text=evidence,
        lead=_text(data, "lead", where).strip(),
        cooperating=tuple(str(c).strip() for c in cooperating if c),
        scoring=rule,
        path=path,
        node_key=key,
        name=_text(data, "name", where),
        requirements=requirements,
        extra={k: v for k, v in data.items() if k not in _ITEM_KEYS},
        veto=_veto(data.get("veto"), where),
    )


def _veto(raw: object, where: str) -> Veto | None:
    if raw is None or raw is False:
        return None
    if not isinstance(raw, Mapping):
        raise IndicatorSystemError(f'{where}: veto must be an object such as {{"text": "…", "effect": "zero"}}')
    effect = raw.get("effect", "fail")
    if effect not in VETO_EFFECTS:
        raise IndicatorSystemError(f"{where}: veto effect must be one of {', '.join(VETO_EFFECTS)}, got {effect!r}")
    text = raw.get("text", "")
    if not isinstance(text, str):
        raise IndicatorSystemError(f"{where}: veto text must be text, got {text!r}")
    return Veto(text, effect)


def _weighting(data: Mapping[str, Any], where: str, top: bool) -> dict[str, Any]:
    """A node's section, cap, weight and scale, checked."""
    section = data.get("section") or ""
    if section and section not in SECTIONS:
        raise IndicatorSystemError(f"{where}: section must be one of {', '.join(SECTIONS)}, got {section!r}")
    if section and not top:
        raise IndicatorSystemError(f"{where}: only a top-level node can be a {section} section")
    weight = _points(data.get("weight"), f"{where} weight", required=False)
    scale = _points(data.get("scale"), f"{where} scale", required=False)
    if (weight is None) != (scale is None):
        raise IndicatorSystemError(f"{where}: a weighted node needs both weight and scale")
    if scale == 0:
        raise IndicatorSystemError(f"{where}: scale must be above 0")
    return {
        "section": section,
        "cap": _points(data.get("cap"), f"{where} cap", required=False),
        "weight": weight,
        "scale": scale,
    }


def _node(data: Mapping[str, Any], parent: tuple[str, ...], key: NodeKey) -> Node:
    where = "tree[" + "].children[".join(str(k) for k in key) + "]"
    if not isinstance(data, Mapping):
        raise IndicatorSystemError(f"{where}: a level must be an object")
    name = _text(data, "name", where).strip()
    if not name:
        raise IndicatorSystemError(f"{where}: level has no name")
    where = f"{where} ({name})"
    path = (*parent, name)
    children = tuple(_node(child, path, (*key, i)) for i, child in enumerate(data.get("children") or []))
    items = tuple(_item(item, path, key, f"{where}.items[{i}]") for i, item in enumerate(data.get("items") or []))
    if not children and not items:
        raise IndicatorSystemError(f"{where}: level has neither sub-levels nor items")
    return Node(
        name=name,
        points=_points(data.get("points"), where, required=False),
        key=key,
        path=path,
        children=children,
        items=items,
        extra={k: v for k, v in data.items() if k not in _NODE_KEYS},
        **_weighting(data, where, top=len(key) == 1),
    )


def system_from_interchange(data: Mapping[str, Any]) -> IndicatorSystem:
    """Build a system from interchange JSON, refusing broken input with the place named."""
    if not isinstance(data, Mapping) or not isinstance(data.get("tree"), list) or not data["tree"]:
        raise IndicatorSystemError("the indicator system needs a non-empty 'tree' list")
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise IndicatorSystemError(f"year must be a whole number, got {year!r}")
    system = IndicatorSystem(
        title=_text(data, "title", "system"),
        year=year,
        total_points=_points(data.get("total_points"), "total_points", required=False),
        tree=tuple(_node(node, (), (i,)) for i, node in enumerate(data["tree"])),
        extra={k: v for k, v in data.items() if k not in _SYSTEM_KEYS},
    )
    codes = [item.code for node in system.nodes() for item in node.items]
    duplicates = sorted(code for code, seen in Counter(codes).items() if seen > 1)
    if duplicates:
        raise IndicatorSystemError(f"duplicate item codes (编号): {', '.join(duplicates)}")
    return system


# --- writing it back ------------------------------------------------------------------------------


def _item_out(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"code": item.code, "points": json_number(item.points)}
    if item.name:
        data["name"] = item.name
    data |= {
        "rule": item.rule_text,
        "evidence": item.evidence_text,
        "lead": item.lead,
        "cooperating": list(item.cooperating),
        "scoring": item.scoring.to_dict(),
    }
    if item.veto is not None:
        data["veto"] = item.veto.to_dict()
    if list(item.requirements) != parse_requirements(item.evidence_text):
        data["requirements"] = [{"text": r.text, "supplied_by": r.supplied_by} for r in item.requirements]
    return data | dict(item.extra)


def _node_out(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"name": node.name}
    if node.points is not None:
        data["points"] = json_number(node.points)
    if node.children:
        data["children"] = [_node_out(child) for child in node.children]
    if node.items:
        data["items"] = [_item_out(item) for item in node.items]
    return data | node.extras()


def system_to_interchange(system: IndicatorSystem) -> dict[str, Any]:
    data: dict[str, Any] = {"title": system.title, "year": system.year}
    if system.total_points is not None:
        data["total_points"] = json_number(system.total_points)
    data["tree"] = [_node_out(node) for node in system.tree]
    return data | dict(system.extra)
