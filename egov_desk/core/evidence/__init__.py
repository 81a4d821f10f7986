"""Evidence (佐证材料): the vault of files, their links to items and requirements, the checklist, the check.

``book`` (attach, link, date, tick; the reads), ``checklist`` (edit requirements), ``verify`` (vault against
database), ``vault`` (copy, hash, fsync, rename), ``filetypes`` (what a file really is), ``types`` (what the
part hands out), ``refusals`` (its refusals in both languages).
"""

from egov_desk.core.evidence.book import EvidenceBook, expand
from egov_desk.core.evidence.refusals import EvidenceRefusal
from egov_desk.core.evidence.types import (
    CHECKED,
    COLLECTED,
    MISSING,
    SUPPLIED,
    AttachReport,
    EvidenceError,
    FileInfo,
    ItemEvidence,
    RemovedLink,
    RequirementState,
    VerifyReport,
)

__all__ = [
    "CHECKED",
    "COLLECTED",
    "MISSING",
    "SUPPLIED",
    "AttachReport",
    "EvidenceBook",
    "EvidenceError",
    "EvidenceRefusal",
    "FileInfo",
    "ItemEvidence",
    "RemovedLink",
    "RequirementState",
    "VerifyReport",
    "expand",
]
