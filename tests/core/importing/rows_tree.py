"""Reading a table written for a test straight into the tree builder, and the tree in a few words."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from egov_desk.core.importers.options import RowKind
from egov_desk.core.importers.pipeline import read_grid
from egov_desk.core.importers.table import read_layout
from egov_desk.core.importers.tree import Built, Level, TreeBuilder


def build(path: Path, row_kinds: Mapping[int, RowKind] | None = None) -> Built:
    grid = read_grid(path)
    return TreeBuilder(grid, read_layout(grid), set(), row_kinds).build()


def shape(levels: list[Level]) -> list[Any]:
    """The tree as (name, [children…], [each item's name or code]) — what a person checks first."""
    return [
        (level.name, shape(level.children), [item.get("name") or item["code"] for item in level.items])
        for level in levels
    ]


def messages(built: Built) -> list[str]:
    return [finding.message for finding in built.findings]


def item_list(levels: list[Level]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for level in levels:
        found += item_list(level.children) + level.items
    return found
