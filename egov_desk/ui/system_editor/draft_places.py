"""Places in the draft the editor picks: the code a new item gets, an item's points as a number, what is shown
after a removal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from egov_desk.core.points import NotANumber, to_points
from egov_desk.core.system_draft import Edit, Place, SystemDraft


def next_code(draft: SystemDraft) -> str:
    """A code no item has: one after the highest numeric code, as wide as the codes are (030 → 031)."""
    codes = [str(draft.entry(place).get("code", "")) for place in draft.places() if place.is_item]
    numbers = [int(code) for code in codes if code.isdigit()]
    width = max((len(code) for code in codes if code.isdigit()), default=3)
    return str(max(numbers, default=0) + 1).zfill(width)


def item_points(entry: dict[str, Any]) -> Decimal:
    try:
        return to_points(entry.get("points", 0))
    except NotANumber:
        return Decimal(0)


def near(edit: Edit) -> Place | None:
    """After a removal: the entry before it, else its level."""
    step = edit.step
    place = getattr(step, "place", None)
    if not isinstance(place, Place):
        return None
    if place.position > 0:
        return (
            Place(place.level, place.item - 1)
            if place.item is not None
            else Place((*place.level[:-1], place.level[-1] - 1))
        )
    return Place(place.parent) if place.parent else None
