"""What a write changed: one vocabulary for every write of a workspace, so a window can repaint exactly that.

Every write returns :class:`Changes` — or, where its caller needs a value too, a small frozen result holding that
value and its ``changes`` (the id of the link or requirement it added, the file it dated, the report of an
attach, what an undo needs to put a removed link or requirement back: see
:mod:`egov_desk.core.evidence.types`). Each of them is :class:`Written`. A single :class:`ScoreChange` or
:class:`DetailsChange` is its own one-entry ``Changes`` too.

Adding a system or an assessment returns :class:`SystemStored` / :class:`AssessmentCreated` (the new id beside
its changes); ``Workspace.import_system`` returns its Changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol, overload

from egov_desk.core.scoring import ItemScore, NodeScore
from egov_desk.core.workspace_info import ASSESSMENT_DETAILS, AssessmentInfo


@dataclass(frozen=True)
class ScoreChange:
    """An item's input or note: its new score, the levels above it (nearest first), the total."""

    assessment_id: int
    code: str
    item: ItemScore
    nodes: list[NodeScore]
    total: Decimal
    unscored: int
    input: Mapping[str, Any] | None = None
    note: str | None = None  # None: the input changed; else the note did

    @property
    def changes(self) -> Changes:
        return Changes((self,))


@dataclass(frozen=True)
class DetailsChange:
    """An assessment's unit, year, title, filled-in-by or report date: the details before and after."""

    before: AssessmentInfo
    after: AssessmentInfo

    @property
    def changed(self) -> dict[str, Any]:
        return {
            k: getattr(self.after, k) for k in ASSESSMENT_DETAILS if getattr(self.before, k) != getattr(self.after, k)
        }

    @property
    def changes(self) -> Changes:
        return Changes((self,))


@dataclass(frozen=True)
class EvidenceChange:
    """Items of one assessment whose files, links, file dates or check marks changed."""

    assessment_id: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class ChecklistChange:
    """Items whose checklist (requirements) changed: in every assessment of the system, which is read again."""

    system_id: int
    codes: tuple[str, ...]


@dataclass(frozen=True)
class AssessmentAdded:
    assessment_id: int
    system_id: int


@dataclass(frozen=True)
class AssessmentRemoved:
    assessment_id: int
    system_id: int


@dataclass(frozen=True)
class SystemAdded:
    system_id: int


@dataclass(frozen=True)
class SystemRemoved:
    system_id: int


@dataclass(frozen=True)
class AssessmentMoved:
    """An assessment re-pointed onto another version of its indicator system: everything shown of it is read
    again (undone by moving it back)."""

    assessment_id: int
    from_system_id: int
    to_system_id: int


@dataclass(frozen=True)
class CycleChange:
    """The yearly cycle moved for items of one assessment (their review status, deadline, carried evidence) or for
    the whole assessment (its stage, deadline, snapshot: ``codes`` empty). ``what`` is "review", "stage",
    "deadline" or "carried"; ``before`` holds what an undo needs to put back, keyed as the write that made it says."""

    assessment_id: int
    codes: tuple[str, ...]
    what: str
    before: Mapping[str, Any] | None = None

    @property
    def changes(self) -> Changes:
        return Changes((self,))


AnyChange = (
    ScoreChange
    | DetailsChange
    | EvidenceChange
    | ChecklistChange
    | AssessmentAdded
    | AssessmentRemoved
    | SystemAdded
    | SystemRemoved
    | AssessmentMoved
    | CycleChange
)


@dataclass(frozen=True)
class Changes(Sequence[AnyChange]):
    """What one write (one transaction) changed, in the order it happened."""

    entries: tuple[AnyChange, ...] = ()

    @classmethod
    def of(cls, *entries: AnyChange) -> Changes:
        return cls(tuple(entries))

    @overload
    def __getitem__(self, index: int) -> AnyChange: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[AnyChange]: ...

    def __getitem__(self, index: int | slice) -> AnyChange | Sequence[AnyChange]:
        return self.entries[index]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[AnyChange]:
        return iter(self.entries)

    def __add__(self, other: Changes) -> Changes:
        return Changes(self.entries + other.entries)

    @property
    def changes(self) -> Changes:
        return self

    @property
    def scores(self) -> list[ScoreChange]:
        return [c for c in self.entries if isinstance(c, ScoreChange)]

    @property
    def details(self) -> list[DetailsChange]:
        return [c for c in self.entries if isinstance(c, DetailsChange)]

    @property
    def evidence(self) -> list[EvidenceChange]:
        return [c for c in self.entries if isinstance(c, EvidenceChange)]

    @property
    def checklists(self) -> list[ChecklistChange]:
        return [c for c in self.entries if isinstance(c, ChecklistChange)]

    def evidence_codes(self, assessment_id: int, system_id: int) -> set[str]:
        """The items of this assessment (of this system) whose evidence column and checklist need repainting."""
        codes = {code for c in self.evidence if c.assessment_id == assessment_id for code in c.codes}
        return codes | {code for c in self.checklists if c.system_id == system_id for code in c.codes}

    @property
    def assessments_added(self) -> list[int]:
        return [c.assessment_id for c in self.entries if isinstance(c, AssessmentAdded)]

    @property
    def assessments_removed(self) -> list[int]:
        return [c.assessment_id for c in self.entries if isinstance(c, AssessmentRemoved)]

    @property
    def systems_added(self) -> list[int]:
        return [c.system_id for c in self.entries if isinstance(c, SystemAdded)]

    @property
    def systems_removed(self) -> list[int]:
        return [c.system_id for c in self.entries if isinstance(c, SystemRemoved)]

    @property
    def assessments_moved(self) -> list[AssessmentMoved]:
        return [c for c in self.entries if isinstance(c, AssessmentMoved)]

    @property
    def cycle(self) -> list[CycleChange]:
        return [c for c in self.entries if isinstance(c, CycleChange)]


@dataclass(frozen=True)
class SystemStored:
    """An indicator system stored: its id, and what that changed (undone by ``Workspace.remove_system``)."""

    system_id: int
    changes: Changes


@dataclass(frozen=True)
class AssessmentCreated:
    """An assessment created: its id, and what that changed (undone by ``Workspace.remove_assessment``)."""

    assessment_id: int
    changes: Changes


class Written(Protocol):
    """What any write returns: something that says what the write changed."""

    @property
    def changes(self) -> Changes: ...


# The names the UI and the CLI know them by.
Change = ScoreChange
AssessmentChange = DetailsChange
