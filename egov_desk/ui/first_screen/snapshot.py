"""The snapshot the first screen paints: what the window showed when it closed, and whether it is still true.

Qt-free, and light on purpose: it is read before anything else of the app is imported."""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from egov_desk import __version__

FORMAT = 7  # raised whenever the snapshot's fields change: an older one is passed over


@dataclass
class Cell:
    text: str
    color: str | None = None  # "#rrggbb" when the model gave the cell a colour of its own
    align: int = 0  # Qt.AlignmentFlag's value; 0 is the view's default


@dataclass
class Row:
    cells: list[Cell]
    bold: bool = False
    expanded: bool = False
    children: list[Row] = field(default_factory=list)


@dataclass
class Gauge:
    title: str
    subtitle: str
    total: str  # Decimal as text: numbers travel exactly
    maximum: str
    unscored: int
    bars: list[tuple[str, str, str | None, int]]  # name, points, max, unscored
    sections: tuple[str, str, str] | None = None
    veto: str = ""
    vetoed: list[str] = field(default_factory=list)
    veto_texts: list[str] = field(default_factory=list)
    picture: str = ""  # the gauge as painted at the close: its ARGB32 premultiplied pixels, zlib, base64 (or "")
    picture_size: tuple[int, int] = (0, 0)  # in pixels
    picture_ratio: float = 1.0  # its device pixel ratio
    texts: dict[str, str] = field(default_factory=dict)  # its words as the window said them (translated): by name


@dataclass
class Panel:
    path: str
    heading: str
    facts: str
    rule_title: str
    rule_text: str
    score_title: str
    result: str
    evidence_title: str
    review: list[str] = field(default_factory=list)  # the review row when shown: its label, status, buttons


@dataclass
class Snapshot:
    """What the window showed: its title, menus, toolbar words, the gauge, the tree and the selected item."""

    title: str
    menus: list[str]
    toolbar: list[
        tuple[str, str, int, bool]
    ]  # left to right: kind (label, combo, search, button, separator), text, width, enabled
    gauge: Gauge
    tabs: list[str]
    headers: list[str]
    widths: list[int]
    hidden: list[int]
    rows: list[Row]
    selected: list[int]  # the selected row's position: row numbers from the top level down
    panel: Panel
    status: list[str]
    language: str
    tree_column: int = 0  # the column that shows the tree's branches (QTreeView.treePosition)
    stretched: int | None = None  # the column that takes the width left (the names), else the last one
    version: str = __version__


def cache_file(database: Path, cache_dir: Path) -> Path:
    """Where the snapshot of the workspace whose database is ``database`` is kept (one per workspace)."""
    path = str(database.resolve()).encode()
    # Two checksums of the path, not a SHA-256: hashlib loads OpenSSL, ~2.5 ms before the first paint. A clash
    # would only make two workspaces share the file, and a snapshot is used only for its own database file.
    name = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    return cache_dir / "first-screen" / f"{name}.json"


def database_key(database: Path) -> list[int] | None:
    """The database file as it is now — inode, size, modification time — or None when the file cannot be trusted
    to be unchanged since (missing, or a write-ahead log with content: someone has it open or was killed)."""
    try:
        stat = database.stat()
    except OSError:
        return None
    with contextlib.suppress(FileNotFoundError):
        if os.stat(f"{database}-wal").st_size > 0:
            return None
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


def save(database: Path, cache_dir: Path, snapshot: Snapshot) -> Path | None:
    """Keep ``snapshot`` for the next start, tied to the database file as it is now (call it after the workspace is
    closed). A snapshot that cannot be written is simply not kept: the next start takes the ordinary way."""
    key = database_key(database)
    target = cache_file(database, cache_dir)
    if key is None:
        forget(database, cache_dir)
        return None
    data = {"format": FORMAT, "key": key, "snapshot": asdict(snapshot)}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        return None
    return target


def forget(database: Path, cache_dir: Path) -> None:
    with contextlib.suppress(OSError):
        cache_file(database, cache_dir).unlink()


def load(database: Path, cache_dir: Path, language: str) -> Snapshot | None:
    """The snapshot of this workspace when it is still true — same database file, untouched, same app version and
    language — else None."""
    key = database_key(database)
    if key is None:
        return None
    try:
        data = json.loads(cache_file(database, cache_dir).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        snapshot = _snapshot(data["snapshot"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if snapshot.version != __version__ or snapshot.language != language:
        return None
    return snapshot


def _row(data: dict[str, Any]) -> Row:
    return Row(
        cells=[Cell(**cell) for cell in data["cells"]],
        bold=bool(data.get("bold")),
        expanded=bool(data.get("expanded")),
        children=[_row(child) for child in data.get("children", [])],
    )


def _snapshot(data: dict[str, Any]) -> Snapshot:
    gauge = dict(data["gauge"])
    gauge["bars"] = [tuple(bar) for bar in gauge["bars"]]
    gauge["picture_size"] = tuple(gauge.get("picture_size", (0, 0)))
    if gauge.get("sections") is not None:
        gauge["sections"] = tuple(gauge["sections"])
    fields = dict(data)
    fields["gauge"] = Gauge(**gauge)
    fields["rows"] = [_row(row) for row in data["rows"]]
    fields["panel"] = Panel(**data["panel"])
    return Snapshot(**fields)
