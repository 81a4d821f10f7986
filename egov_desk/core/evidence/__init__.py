"""Evidence (佐证材料): the vault of files, their links to items and requirements, the checklist, the check.

``book`` (attach, link, date, tick), ``reading`` (files, by item, counts), ``checklist`` (edit requirements),
``verify`` (vault against database), ``vault`` (copy, hash, fsync, rename), ``filetypes`` (what a file really is),
``types`` (what the part hands out), ``refusals`` (its refusals in both languages).

The names below are loaded when first used: importing ``egov_desk.core.evidence.vault`` (the importer names files
with it) must not load the book and with it SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_WHERE = {
    "EvidenceBook": "book",
    "expand": "book",
    "EvidenceRefusal": "refusals",
    **dict.fromkeys(
        (
            "CHECKED",
            "COLLECTED",
            "MISSING",
            "SUPPLIED",
            "AttachReport",
            "EvidenceError",
            "FileInfo",
            "ItemEvidence",
            "RemovedLink",
            "RequirementState",
            "VerifyReport",
        ),
        "types",
    ),
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


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
