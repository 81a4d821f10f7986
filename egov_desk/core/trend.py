"""Each 一级指标 over the years: for every assessment of the workspace, ordered by year, the level's score and its
points. Levels of different systems (a new year's table) are the same level when they have the same name."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from egov_desk.core.points import json_number, to_json_number

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.core.workspace_info import AssessmentInfo


@dataclass(frozen=True)
class TrendPoint:
    """One assessment's value of a level: ``score`` None while none of its items is scored; ``points`` None when
    the level is not in that assessment's system."""

    assessment_id: int
    year: int
    label: str  # the year, with the title when the workspace has two assessments of that year
    score: Decimal | None
    points: Decimal | None

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "year": self.year,
            "label": self.label,
            "score": None if self.score is None else to_json_number(self.score),
            "points": None if self.points is None else json_number(self.points),
        }


@dataclass(frozen=True)
class LevelTrend:
    name: str
    points: tuple[TrendPoint, ...]  # one per assessment, in the order of the years

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "points": [point.to_json() for point in self.points]}


def ordered_assessments(workspace: Workspace) -> list[AssessmentInfo]:
    """Every assessment of the workspace, the earliest year first (made first first within a year)."""
    return sorted(workspace.assessments(), key=lambda info: (info.year, info.id))


def _labels(assessments: list[AssessmentInfo]) -> list[str]:
    years = Counter(info.year for info in assessments)
    return [str(info.year) if years[info.year] == 1 else f"{info.year} {info.title}" for info in assessments]


def trends(workspace: Workspace) -> list[LevelTrend]:
    """One series per 一级指标 (bonus and deduction sections too), the latest system's levels first in its order,
    then levels only earlier systems have."""
    assessments = ordered_assessments(workspace)
    values: dict[str, dict[int, tuple[Decimal | None, Decimal | None]]] = {}
    for info in reversed(assessments):  # the latest first: its order of levels leads
        sheet = workspace.scores(info.id)
        for node in sheet.system.tree:
            rolled = sheet.nodes.get(node.key)
            if rolled is None:
                continue
            scored = rolled.items > rolled.unscored
            points = node.points if node.points is not None else rolled.max
            values.setdefault(node.name, {})[info.id] = (rolled.points if scored else None, points)
    labels = _labels(assessments)
    return [
        LevelTrend(
            name,
            tuple(
                TrendPoint(info.id, info.year, label, *by_assessment.get(info.id, (None, None)))
                for info, label in zip(assessments, labels, strict=True)
            ),
        )
        for name, by_assessment in values.items()
    ]
