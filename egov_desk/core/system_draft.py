"""An indicator system being edited by hand: an editable interchange tree (the JSON of
:mod:`egov_desk.core.indicators`) and the edits a person makes to it.

Every edit is one of three steps — insert an entry, remove one, set one field — or a batch of them (a move is a
removal and an insertion). Applying a step returns an :class:`Edit`: where it changed the tree and the step that
undoes it, so the editor's undo stack holds nothing but steps. Nothing here writes to a workspace: the draft is
saved as a new version of its system (``Workspace.store_system_version``). What is wrong with the draft so far
is found by :mod:`egov_desk.core.system_draft_checks`.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from egov_desk.core.errors import Failure
from egov_desk.core.indicators import IndicatorSystem, system_from_interchange
from egov_desk.core.points import NotANumber, json_number, to_points

LevelPath = tuple[int, ...]
"""A level's place: its position among the top levels, then among each level's sub-levels."""


@dataclass(frozen=True, order=True)
class Place:
    """A level (``item`` None) or one of its items (``item``: the position among the level's items)."""

    level: LevelPath
    item: int | None = None

    @property
    def is_item(self) -> bool:
        return self.item is not None

    @property
    def parent(self) -> LevelPath:
        """The level that holds this entry: an item's own level, a level's parent (() for a top level)."""
        return self.level if self.item is not None else self.level[:-1]

    @property
    def position(self) -> int:
        """The entry's position in its list (the items of its level, or the sub-levels of its parent)."""
        return self.item if self.item is not None else self.level[-1]


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"

    def __deepcopy__(self, _memo: object) -> _Missing:
        return self  # one MISSING: a copied step still means "no such field"


MISSING: Any = _Missing()
"""A field's value when the entry does not have it: setting a field to MISSING removes it."""


@dataclass(frozen=True)
class Insert:
    place: Place
    entry: Mapping[str, Any]


@dataclass(frozen=True)
class Remove:
    place: Place


@dataclass(frozen=True)
class SetField:
    place: Place
    key: str
    value: Any


@dataclass(frozen=True)
class Batch:
    steps: tuple[Step, ...]


Step = Insert | Remove | SetField | Batch


@dataclass(frozen=True)
class Edit:
    """What applying a step did: the step, the step that undoes it, where the edited entry is now (None when it
    was removed) and whether the tree's shape changed (entries added, removed or moved) or only a field."""

    step: Step
    inverse: Step
    place: Place | None
    reshaped: bool


class DraftError(Failure, ValueError):
    """A step that does not fit the draft (a place that does not exist): a programming error, not the person's."""


class SystemDraft:
    """An indicator system's interchange JSON, edited in place; ``data`` is the current tree."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data: dict[str, Any] = copy.deepcopy(dict(data))
        self.data.setdefault("tree", [])

    @classmethod
    def of(cls, system: IndicatorSystem) -> SystemDraft:
        return cls(system.to_interchange())

    def to_interchange(self) -> dict[str, Any]:
        return copy.deepcopy(self.data)

    def system(self) -> IndicatorSystem:
        """The draft as a system; refuses (IndicatorSystemError, naming the place) while it is not one."""
        return system_from_interchange(self.data)

    # --- reading ------------------------------------------------------------------------------------

    def _list(self, parent: LevelPath, items: bool, *, create: bool = False) -> list[dict[str, Any]]:
        """The sub-levels of ``parent`` (or its items). Reading leaves the tree as it is: a missing list is made
        and attached only to insert into it (``create``)."""
        entries: list[dict[str, Any]] = self.data["tree"]
        level: dict[str, Any] | None = None
        for position in parent:
            if not 0 <= position < len(entries):
                raise DraftError(f"no level at {parent}")
            level = entries[position]
            entries = level.get("children") or []
        if items:
            if level is None:
                raise DraftError("items belong to a level, not to the top of the tree")
            key = "items"
        elif level is None:
            return entries
        else:
            key = "children"
        if create and not isinstance(level.get(key), list):
            level[key] = []
        found = level.get(key)
        return found if isinstance(found, list) else []

    def siblings(self, place: Place, *, create: bool = False) -> list[dict[str, Any]]:
        """The list ``place`` sits in."""
        return self._list(place.parent, place.is_item, create=create)

    def entry(self, place: Place) -> dict[str, Any]:
        entries = self.siblings(place)
        if not 0 <= place.position < len(entries):
            raise DraftError(f"nothing at {place}")
        return entries[place.position]

    def levels(self, parent: LevelPath = ()) -> list[dict[str, Any]]:
        return self._list(parent, items=False)

    def items(self, level: LevelPath) -> list[dict[str, Any]]:
        return self._list(level, items=True)

    def places(self) -> list[Place]:
        """Every level and item, in the order the tree shows them (a level, its sub-levels, then its items)."""
        found: list[Place] = []

        def walk(parent: LevelPath) -> None:
            for position, level in enumerate(self.levels(parent)):
                path = (*parent, position)
                found.append(Place(path))
                walk(path)
                found.extend(Place(path, number) for number in range(len(level.get("items") or [])))

        walk(())
        return found

    def find(self, code: str) -> Place | None:
        """The place of the item with this code (the first, when codes repeat)."""
        for place in self.places():
            if place.is_item and str(self.entry(place).get("code", "")) == code:
                return place
        return None

    # --- the three steps ----------------------------------------------------------------------------

    def apply(self, step: Step) -> Edit:
        if isinstance(step, Insert):
            entries = self.siblings(step.place, create=True)
            if not 0 <= step.place.position <= len(entries):
                raise DraftError(f"cannot insert at {step.place}")
            entries.insert(step.place.position, copy.deepcopy(dict(step.entry)))
            return Edit(step, Remove(step.place), step.place, True)
        if isinstance(step, Remove):
            removed = copy.deepcopy(self.entry(step.place))
            entries = self.siblings(step.place)
            del entries[step.place.position]
            if not entries and step.place.parent:  # no empty list left behind: undo gives back the same tree
                self.entry(Place(step.place.parent)).pop("items" if step.place.is_item else "children", None)
            return Edit(step, Insert(step.place, removed), None, True)
        if isinstance(step, SetField):
            entry = self.entry(step.place)
            before = copy.deepcopy(entry.get(step.key, MISSING))
            if step.value is MISSING:
                entry.pop(step.key, None)
            else:
                entry[step.key] = copy.deepcopy(step.value)
            return Edit(step, SetField(step.place, step.key, before), step.place, False)
        edits = [self.apply(inner) for inner in step.steps]
        inverse = Batch(tuple(edit.inverse for edit in reversed(edits)))
        place = next((edit.place for edit in reversed(edits) if edit.place is not None), None)
        return Edit(step, inverse, place, any(edit.reshaped for edit in edits))

    # --- the edits a person makes, each one step ---------------------------------------------------

    def add_level(self, parent: LevelPath, name: str, points: Decimal | None = None, at: int | None = None) -> Edit:
        position = len(self.levels(parent)) if at is None else at
        entry: dict[str, Any] = {"name": name}
        if points is not None:
            entry["points"] = json_number(points)
        return self.apply(Insert(Place((*parent, position)), entry))

    def add_item(self, level: LevelPath, code: str, points: Decimal, at: int | None = None) -> Edit:
        position = len(self.items(level)) if at is None else at
        entry: dict[str, Any] = {
            "code": code,
            "points": json_number(points),
            "rule": "",
            "evidence": "",
            "lead": "",
            "cooperating": [],
            "scoring": {"type": "manual", "max": json_number(points)},
        }
        return self.apply(Insert(Place(level, position), entry))

    def remove(self, place: Place) -> Edit:
        return self.apply(Remove(place))

    def set(self, place: Place, key: str, value: Any) -> Edit:
        return self.apply(SetField(place, key, value))

    def set_points(self, place: Place, points: Decimal | None) -> Edit:
        return self.set(place, "points", MISSING if points is None else json_number(points))

    def set_item_points(self, place: Place, points: Decimal) -> Edit:
        """An item's points, and its rule's with them: each of the rule's own numbers that gave the old points in
        full (a manual or ratio rule's highest, a yes-or-no's points, a deduction's start, a cap, the best option
        or band) gives the new points in full — one step, undone as one. A sum's parts are left to the person."""
        item = self.entry(place)
        steps: list[Step] = [SetField(place, "points", json_number(points))]
        scoring = item.get("scoring")
        try:
            before = to_points(item.get("points", 0))
        except NotANumber:
            before = None
        if isinstance(scoring, dict) and before is not None and before != points:
            following = rule_following_points(scoring, before, points)
            if following != scoring:
                steps.append(SetField(place, "scoring", following))
        return self.apply(Batch(tuple(steps)))

    def set_evidence_lines(self, place: Place, lines: Sequence[str]) -> Edit:
        """An item's evidence (备注), one requirement a line."""
        return self.set(place, "evidence", "\n".join(line for line in lines if line.strip()))

    def set_cooperating(self, place: Place, departments: Sequence[str]) -> Edit:
        return self.set(place, "cooperating", [name.strip() for name in departments if name.strip()])

    def move(self, place: Place, to: Place) -> Edit:
        """Move an entry so that it ends up at ``to``, counted after it has left its old place (a position of
        -1: at the end of that list)."""
        if place.is_item != to.is_item:
            raise DraftError("a level moves among levels, an item among items")
        entry = copy.deepcopy(self.entry(place))
        removal = self.apply(Remove(place))
        if to.position < 0:
            to = _at(to, len(self.siblings(to)))
        insertion = self.apply(Insert(to, entry))
        return Edit(
            Batch((removal.step, insertion.step)), Batch((insertion.inverse, removal.inverse)), insertion.place, True
        )

    def move_up(self, place: Place) -> Edit | None:
        return self._shift(place, -1)

    def move_down(self, place: Place) -> Edit | None:
        return self._shift(place, 1)

    def _shift(self, place: Place, step: int) -> Edit | None:
        position = place.position + step
        if not 0 <= position < len(self.siblings(place)):
            return None
        return self.move(place, _at(place, position))

    def indent(self, place: Place) -> Edit | None:
        """One level down: into the sub-level shown just above it (a level: its previous sibling; an item: the
        last sub-level of its own level), at the end."""
        if place.is_item:
            target_level: LevelPath = (*place.level, len(self.levels(place.level)) - 1)
            if target_level[-1] < 0:
                return None
            return self.move(place, Place(target_level, len(self.items(target_level))))
        if place.level[-1] == 0:
            return None
        target = (*place.level[:-1], place.level[-1] - 1)
        return self.move(place, Place((*target, len(self.levels(target)))))

    def outdent(self, place: Place) -> Edit | None:
        """One level up: just after the level that holds it (an item: first among its grandparent level's
        items). A top level, or an item of a top level, stays."""
        if place.is_item:
            if len(place.level) < 2:
                return None
            return self.move(place, Place(place.level[:-1], 0))
        if len(place.level) < 2:
            return None
        parent = place.level[:-1]
        return self.move(place, Place((*parent[:-1], parent[-1] + 1)))


def _at(place: Place, position: int) -> Place:
    if place.item is not None:
        return Place(place.level, position)
    return Place((*place.level[:-1], position))


def starter_rule(kind: str, points: Decimal, label: str = "") -> dict[str, Any]:
    """A first definition of a rule type for an item (or a part) worth ``points``, that the person then fills
    in: every field the type needs, with the points where they go."""
    full = json_number(points)
    starters: dict[str, dict[str, Any]] = {
        "manual": {"max": full},
        "external": {"max": full, "source": ""},
        "yes_no": {"points": full},
        "options": {"options": [{"label": "达到", "points": full}, {"label": "未达到", "points": 0}]},
        "per_unit": {"per": 1, "cap": full, "unit": ""},
        "deduct": {"start": full, "per": 1, "floor": 0, "unit": ""},
        "ratio": {"max": full, "numerator": "", "denominator": ""},
        "rank": {"bands": [{"from": 1, "to": 1, "points": full}], "otherwise": 0, "of": 0},
        "checklist": {"items": [{"label": "条件1", "points": full}]},
        "sum": {"parts": [{"type": "manual", "max": full}]},
        "pass_fail": {},
    }
    if kind not in starters:
        raise DraftError(f"no rule type {kind!r}")
    definition: dict[str, Any] = {"type": kind}
    if label:
        definition["label"] = label
    return definition | starters[kind]


FULL_POINTS_KEYS = ("max", "points", "start", "cap")
FULL_POINTS_LISTS = ("options", "bands", "items")


def rule_following_points(definition: Mapping[str, Any], before: Decimal, after: Decimal) -> dict[str, Any]:
    """A copy of a rule in which each number that was ``before`` (the item's full points) is ``after``: its
    highest, start or cap, and the rows of its options, bands or conditions worth the full points (not when the
    full points were 0: a row worth nothing is then no row worth the full points)."""

    def following(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            return value
        try:
            return json_number(after) if to_points(value) == before else value
        except NotANumber:
            return value

    changed = copy.deepcopy(dict(definition))
    for key in FULL_POINTS_KEYS:
        if key in changed:
            changed[key] = following(changed[key])
    for key in FULL_POINTS_LISTS if before else ():
        rows = changed.get(key)
        if isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict) and "points" in row:
                    row["points"] = following(row["points"])
    return changed


def after_removal(place: Place, removed: Place) -> Place:
    """Where ``place`` is once the entry at ``removed`` has left (its later siblings move up one)."""
    if removed.item is not None:
        if place.item is not None and place.level == removed.level and place.item > removed.item:
            return Place(place.level, place.item - 1)
        return place
    depth = len(removed.level) - 1
    path = place.level
    if len(path) > depth and path[:depth] == removed.level[:-1] and path[depth] > removed.level[-1]:
        path = (*path[:depth], path[depth] - 1, *path[depth + 1 :])
    return Place(path, place.item)
