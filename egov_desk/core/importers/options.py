"""What the person decided about a table before or after its first reading: the sheet, the header rows, any
column's role and any row's kind. The wizard and ``egov-desk-cli import`` (``--sheet``, ``--header-row``,
``--role``, ``--rows``) both give these, so a reading can be reproduced and scripted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

# What a row is: a level (its label opens an indicator), a scoring item, a section (一、二、…: a level above the
# table's level columns), a tier of the item above (its text belongs to that item's rule), or nothing to import.
RowKind = Literal["level", "item", "section", "tier", "ignore"]
ROW_KINDS: tuple[RowKind, ...] = ("level", "item", "section", "tier", "ignore")
# How the person names each kind in Chinese (the wizard's row list, ``--rows 3-5=忽略``).
ROW_KIND_NAMES: dict[RowKind, str] = {
    "level": "指标",
    "item": "评分项",
    "section": "分组",
    "tier": "档次",
    "ignore": "忽略",
}


@dataclass(frozen=True)
class ImportOptions:
    sheet: str | None = None  # the sheet to read (xlsx); None: the one that looks most like an indicator table
    header_rows: tuple[int, ...] | None = None  # grid rows, 0-based; None: found; (): the table has no header
    roles: Mapping[int, str] = field(default_factory=dict)  # column (0-based) → role, see table.ROLE_NAMES
    row_kinds: Mapping[int, RowKind] = field(default_factory=dict)  # grid row (0-based) → what it is
