"""What a backup holds, read from it without changing it: each assessment's total and the evidence it refers to.

Totals are computed exactly as the app does (:func:`egov_desk.core.scoring.score_system` over the stored
system and inputs), from plain SQL over the columns every schema revision has, so a backup made by an older
release is read too. Anything that cannot be read gives ``None`` ("unknown"), never a wrong number.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class AssessmentTotal:
    id: int
    year: int
    unit: str
    title: str
    total: Decimal | None  # None: could not be computed
    max: Decimal | None = None

    @property
    def label(self) -> str:
        return f"{self.year} {self.unit} {self.title}"


@dataclass(frozen=True)
class MissingEvidence:
    sha256: str
    names: tuple[str, ...]  # the file names the evidence rows give it
    items: tuple[str, ...]  # the item codes (编号) it serves


def open_read_only(database: Path, *, backup: bool = False) -> sqlite3.Connection:
    """A connection that cannot change the database (a missing file is an error, not a new one). A ``backup``
    is opened immutable: never written again, so no lock and no -wal/-shm files are made beside it (a read-only
    open of a file flagged for WAL would leave them)."""
    if not database.is_file():
        raise sqlite3.OperationalError("unable to open database file: no such file")
    options = "mode=ro&immutable=1" if backup else "mode=ro"
    return sqlite3.connect(f"{database.resolve().as_uri()}?{options}", uri=True, timeout=10)


def _connect(path: Path, backup: bool = True) -> sqlite3.Connection:
    return open_read_only(path, backup=backup)


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def _json(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text


def _system_data(db: sqlite3.Connection, system_id: int) -> dict[str, Any]:
    """The stored system as interchange JSON: the parts scoring needs (tree, points, rules, extras)."""
    system_extra = "extra" if "extra" in _columns(db, "indicator_systems") else "NULL"
    title, year, total_points, extra = db.execute(
        f"SELECT title, year, total_points, {system_extra} FROM indicator_systems WHERE id = ?", (system_id,)
    ).fetchone()
    children: dict[int | None, list[tuple[int, str, str | None]]] = {}
    for node_id, parent_id, name, points in db.execute(
        "SELECT id, parent_id, name, points FROM nodes WHERE system_id = ? ORDER BY position, id", (system_id,)
    ):
        children.setdefault(parent_id, []).append((node_id, name, points))
    item_extra = "extra" if "extra" in _columns(db, "items") else "NULL"
    items: dict[int, list[dict[str, Any]]] = {}
    for node_id, code, name, points, scoring, more in db.execute(
        f"SELECT node_id, code, name, points, scoring, {item_extra} FROM items WHERE system_id = ? "
        "ORDER BY position, id",
        (system_id,),
    ):
        item = {"code": code, "name": name, "points": points, "scoring": _json(scoring), **(_json(more) or {})}
        items.setdefault(node_id, []).append(item)

    def node(node_id: int, name: str, points: str | None) -> dict[str, Any]:
        data: dict[str, Any] = {"name": name, "points": points}
        if node_id in children:
            data["children"] = [node(*child) for child in children[node_id]]
        if node_id in items:
            data["items"] = items[node_id]
        return data

    tree = [node(*root) for root in children.get(None, [])]
    return {"title": title, "year": year, "total_points": total_points, "tree": tree, **(_json(extra) or {})}


def _inputs(db: sqlite3.Connection, assessment_id: int) -> dict[str, Any]:
    rows = db.execute(
        "SELECT items.code, item_inputs.input FROM item_inputs JOIN items ON items.id = item_inputs.item_id "
        "WHERE item_inputs.assessment_id = ?",
        (assessment_id,),
    )
    inputs = {code: _json(value) for code, value in rows}
    return {code: value for code, value in inputs.items() if value is not None}


def read_totals(path: Path) -> tuple[tuple[AssessmentTotal, ...] | None, int | None]:
    """Each assessment's total in the database at ``path`` and the assessment open last; (None, None) when
    the file cannot be read as a workspace."""
    from egov_desk.core.indicators import system_from_interchange
    from egov_desk.core.scoring import score_system

    try:
        with contextlib.closing(_connect(path)) as db:
            assessments = db.execute("SELECT id, system_id, unit, year, title FROM assessments ORDER BY id").fetchall()
            current_row = db.execute("SELECT value FROM settings WHERE key = 'current_assessment'").fetchone()
            systems: dict[int, Any] = {}
            totals = []
            for assessment_id, system_id, unit, year, title in assessments:
                total = maximum = None
                try:
                    if system_id not in systems:
                        systems[system_id] = system_from_interchange(_system_data(db, system_id))
                    sheet = score_system(systems[system_id], _inputs(db, assessment_id))
                    total, maximum = sheet.total, sheet.max
                except (ValueError, TypeError, KeyError, ArithmeticError, json.JSONDecodeError):
                    pass  # this one is unknown; the others may still be read
                totals.append(AssessmentTotal(assessment_id, year, unit, title, total, maximum))
    except sqlite3.Error:
        return None, None
    current = _json(current_row[0]) if current_row else None
    return tuple(totals), current if isinstance(current, int) else None


def referenced_evidence(database: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Every evidence hash the database refers to, with its file names and the item codes it serves."""
    found: dict[str, tuple[list[str], list[str]]] = {}
    with contextlib.closing(_connect(database, backup=False)) as db:  # the live database (after a restore)
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'evidence_files'").fetchone():
            return found  # a schema from before evidence existed
        for sha256, name, code in db.execute(
            "SELECT f.sha256, f.original_name, items.code FROM evidence_files AS f "
            "LEFT JOIN evidence_links AS l ON l.file_id = f.id LEFT JOIN items ON items.id = l.item_id "
            "ORDER BY f.sha256, f.id, items.code"
        ):
            names, codes = found.setdefault(sha256, ([], []))
            if name not in names:
                names.append(name)
            if code is not None and code not in codes:
                codes.append(code)
    return found


def missing_evidence(database: Path, vault: Path) -> list[MissingEvidence]:
    """The evidence files ``database`` refers to that ``vault`` does not hold (``vault/ab/abcdef…``)."""
    return [
        MissingEvidence(sha256, tuple(names), tuple(codes))
        for sha256, (names, codes) in referenced_evidence(database).items()
        if not (vault / sha256[:2] / sha256).is_file()
    ]
