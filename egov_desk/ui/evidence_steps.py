"""The two directions of the evidence edits that undo needs state for: the link or requirement id a restore or a
put-back gives anew, and what a removal took away. Each direction is one write and returns what it changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from egov_desk.core.changes import Changes, Written
from egov_desk.core.evidence import EvidenceBook, RemovedLink
from egov_desk.core.evidence.types import RemovedRequirement, RequirementAdded


@dataclass
class Removal:
    """A file taken off an item, and put back on undo (under the new link id the restore gives it)."""

    book: EvidenceBook
    link: int
    removed: RemovedLink | None = None

    def forward(self) -> RemovedLink:
        self.removed = self.book.unlink(self.link)
        return self.removed

    def backward(self) -> Written:
        if self.removed is None:
            return Changes()
        linked = self.book.restore(self.removed)
        self.link = linked.link_id
        return linked


@dataclass
class Attachment:
    """The links an attach made (the attach itself ran in the background): undone by unlinking them, redone by
    putting them back as they were."""

    book: EvidenceBook
    links: list[int]
    changes: Changes
    removed: list[RemovedLink] = field(default_factory=list)

    def backward(self) -> Changes:
        self.removed = [self.book.unlink(link) for link in self.links]
        return self.changes

    def forward(self) -> Changes:
        self.links = [self.book.restore(removed).link_id for removed in self.removed]
        return self.changes


@dataclass
class NewRequirement:
    """A requirement added to an item's checklist: undone by removing it, redone by putting it back."""

    book: EvidenceBook
    assessment: int
    code: str
    text: str
    requirement: int = 0
    removed: RemovedRequirement | None = None

    def forward(self) -> RequirementAdded:
        if self.removed is None:
            added = self.book.add_requirement(self.assessment, self.code, self.text)
        else:
            added = self.book.put_back_requirement(self.removed)
        self.requirement = added.requirement_id
        return added

    def backward(self) -> RemovedRequirement:
        self.removed = self.book.remove_requirement(self.requirement)
        return self.removed


@dataclass
class RequirementRemoval:
    """A requirement taken off an item's checklist: put back at its place, with its ticks, on undo."""

    book: EvidenceBook
    requirement: int
    removed: RemovedRequirement | None = None

    def forward(self) -> RemovedRequirement:
        self.removed = self.book.remove_requirement(self.requirement)
        return self.removed

    def backward(self) -> Written:
        if self.removed is None:
            return Changes()
        added = self.book.put_back_requirement(self.removed)
        self.requirement = added.requirement_id
        return added
