"""What the evidence book returns: files, requirement states, item evidence, reports; and its error.

Each write returns :class:`~egov_desk.core.changes.Changes`, or, where its caller needs a value too, a small
result holding that value and its ``changes``: :class:`Linked`, :class:`RequirementAdded`, :class:`Dated`, the
:class:`AttachReport`, what an undo needs to put a removed link or requirement back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from egov_desk.core.changes import Changes, ChecklistChange, EvidenceChange
from egov_desk.core.errors import Failure

MISSING, COLLECTED, CHECKED, SUPPLIED = "missing", "collected", "checked", "supplied"
AttachProgress = Callable[[int, int, int, int, str], None]  # files done, files, bytes done, bytes, current name


class EvidenceError(Failure, ValueError):
    """An evidence operation that cannot be done; the message says why."""


@dataclass(frozen=True)
class FileInfo:
    id: int
    sha256: str
    name: str
    size: int
    kind: str
    kind_mismatch: bool
    evidence_date: date | None
    added_at: datetime
    added_by: str
    year: int  # the assessment's year: evidence should be dated inside it
    links: tuple[tuple[int, str, int | None], ...] = ()  # (link id, item code, requirement id)
    carried: bool = False  # 去年材料: carried from last year's assessment, not yet confirmed

    @property
    def date_outside_year(self) -> bool:
        return self.evidence_date is not None and self.evidence_date.year != self.year


@dataclass(frozen=True)
class RequirementState:
    id: int
    position: int
    text: str
    supplied_by: str | None
    status: str  # missing / collected / checked / supplied
    files: tuple[FileInfo, ...] = ()


@dataclass(frozen=True)
class ItemEvidence:
    code: str
    requirements: tuple[RequirementState, ...]
    general: tuple[FileInfo, ...]  # files attached to the item, not to one requirement

    def files(self) -> list[FileInfo]:
        """Every file the item holds, under its requirements and generally (a file may appear twice)."""
        return [f for r in self.requirements for f in r.files] + list(self.general)

    @property
    def needed(self) -> int:
        return sum(r.supplied_by is None for r in self.requirements)

    @property
    def collected(self) -> int:
        return sum(r.supplied_by is None and r.status in (COLLECTED, CHECKED) for r in self.requirements)

    @property
    def checked(self) -> int:
        return sum(r.status == CHECKED for r in self.requirements)


@dataclass(frozen=True)
class Linked:
    """A link made (a file attached again, or to one more item or requirement): its id, and what it changed
    (nothing when the file was attached there already)."""

    link_id: int
    changes: Changes


@dataclass(frozen=True)
class RequirementAdded:
    """A requirement added to a checklist, or put back at its place: its (new) id, and what that changed."""

    requirement_id: int
    changes: Changes


@dataclass(frozen=True)
class Dated:
    """A file as :meth:`~egov_desk.core.evidence.EvidenceBook.set_date` left it, and what that changed."""

    file: FileInfo
    changes: Changes


@dataclass
class AttachReport:
    assessment_id: int = 0
    code: str = ""
    added: list[FileInfo] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why in English): logs, older callers
    cancelled: bool = False
    bytes: int = 0
    repaired: list[FileInfo] = field(default_factory=list)  # added, and their damaged stored copy replaced
    errors: list[OSError] = field(default_factory=list)  # why each failed file was not stored: ``messages.say``
    links: list[int] = field(default_factory=list)  # the links this attach made: unlinking them undoes it

    @property
    def changes(self) -> Changes:
        return Changes.of(EvidenceChange(self.assessment_id, (self.code,))) if self.added else Changes()


@dataclass
class VerifyReport:
    """What :meth:`~egov_desk.core.evidence.verify.Verifier.verify` found. With ``clean``, ``orphans`` and
    ``leftovers`` are what was removed (``cleaned`` of them, ``unused_bytes`` freed); otherwise what could be."""

    checked: int = 0
    missing: list[tuple[str, list[str]]] = field(default_factory=list)  # (sha256, the names that use it)
    corrupt: list[tuple[str, list[str]]] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # blobs no file row uses
    leftovers: list[Path] = field(default_factory=list)  # unfinished copies
    cleaned: int = 0
    items: dict[str, list[str]] = field(default_factory=dict)  # sha256 → the item codes using it (missing, corrupt)
    sizes: dict[str, int] = field(default_factory=dict)  # an orphan's sha256 or a leftover's path → its bytes

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt)

    @property
    def unused(self) -> int:
        """Orphans and unfinished copies: files cleaning removes (or removed)."""
        return len(self.orphans) + len(self.leftovers)

    @property
    def unused_bytes(self) -> int:
        return sum(self.sizes.get(sha, 0) for sha in self.orphans) + sum(
            self.sizes.get(str(path), 0) for path in self.leftovers
        )


@dataclass(frozen=True)
class RemovedLink:
    """A file taken off an item or requirement, with all that putting it back needs."""

    assessment_id: int
    code: str
    requirement_id: int | None
    file_id: int
    sha256: str
    name: str
    kind: str
    kind_mismatch: bool
    evidence_date: date | None
    added_at: datetime
    added_by: str

    @property
    def changes(self) -> Changes:
        return Changes.of(EvidenceChange(self.assessment_id, (self.code,)))


@dataclass(frozen=True)
class RemovedRequirement:
    """A requirement taken off an item's checklist, with all that putting it back at its place needs."""

    system_id: int
    code: str
    requirement_id: int
    position: int
    text: str
    supplied_by: str | None
    checked_in: tuple[tuple[int, str, datetime], ...]  # (assessment, checked by, checked at) of its ticks

    @property
    def changes(self) -> Changes:
        return Changes.of(ChecklistChange(self.system_id, (self.code,)))
