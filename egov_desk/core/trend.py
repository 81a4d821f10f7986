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
    the level is not in that assessment's system; ``unscored`` how many of its items are not scored yet (a partly
    scored level is not a drop)."""

    assessment_id: int
    year: int
    title: str  # "" when the assessment is the only one of its year; else its title, told apart from the others'
    score: Decimal | None
    points: Decimal | None
    unscored: int = 0

    @property
    def label(self) -> str:
        """The year, with the title when the workspace has several assessments of that year."""
        return f"{self.year} {self.title}" if self.title else str(self.year)

    @property
    def partial(self) -> bool:
        return self.score is not None and self.unscored > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "assessment": self.assessment_id,
            "year": self.year,
            "label": self.label,
            "score": None if self.score is None else to_json_number(self.score),
            "points": None if self.points is None else json_number(self.points),
            "unscored": self.unscored,
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


def _titles(workspace: Workspace, assessments: list[AssessmentInfo]) -> list[str]:
    """Per assessment "" when it is its year's only one, else its title — with its system's title when another
    assessment of that year has the same title."""
    years = Counter(info.year for info in assessments)
    alike = Counter((info.year, info.title) for info in assessments)
    systems = {system.id: system.title for system in workspace.systems()} if len(alike) < len(assessments) else {}
    titles = []
    for info in assessments:
        title = "" if years[info.year] == 1 else info.title
        if alike[(info.year, info.title)] > 1:
            title = f"{info.title}（{systems.get(info.system_id, '')}）"
        titles.append(title)
    return titles


def trends(workspace: Workspace) -> list[LevelTrend]:
    """One series per 一级指标 (bonus and deduction sections too), the latest system's levels first in its order,
    then levels only earlier systems have."""
    assessments = ordered_assessments(workspace)
    values: dict[str, dict[int, tuple[Decimal | None, Decimal | None, int]]] = {}
    for info in reversed(assessments):  # the latest first: its order of levels leads
        sheet = workspace.scores(info.id)
        for node in sheet.system.tree:
            rolled = sheet.nodes.get(node.key)
            if rolled is None:
                continue
            scored = rolled.items > rolled.unscored
            points = node.points if node.points is not None else rolled.max
            unscored = rolled.unscored if scored else 0
            values.setdefault(node.name, {})[info.id] = (rolled.points if scored else None, points, unscored)
    titles = _titles(workspace, assessments)
    return [
        LevelTrend(
            name,
            tuple(
                TrendPoint(info.id, info.year, title, *by_assessment.get(info.id, (None, None, 0)))
                for info, title in zip(assessments, titles, strict=True)
            ),
        )
        for name, by_assessment in values.items()
    ]
