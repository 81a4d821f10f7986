"""Looking at a workspace folder from outside the app: its database, its vault, and what changed."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

DATABASE = "workspace.sqlite"


def integrity(folder: Path) -> str:
    """``PRAGMA integrity_check`` of the workspace database, read-only ("ok" when sound)."""
    uri = f"file:{folder / DATABASE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=30)) as db:
        result = db.execute("PRAGMA integrity_check").fetchall()
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
    text = "; ".join(str(row[0]) for row in result)
    return text if not problems else f"{text}; foreign keys: {problems[:3]}"


def query(folder: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    uri = f"file:{folder / DATABASE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=30)) as db:
        return db.execute(sql, params).fetchall()


def inputs(folder: Path) -> dict[str, str]:
    """Item code → the stored input JSON, for the first assessment."""
    rows = query(
        folder,
        "SELECT items.code, item_inputs.input FROM item_inputs JOIN items ON items.id = item_inputs.item_id "
        "WHERE item_inputs.assessment_id = (SELECT min(id) FROM assessments) AND item_inputs.input IS NOT NULL",
    )
    return {str(code): str(value) for code, value in rows}


def audit_count(folder: Path, action: str) -> int:
    return int(query(folder, "SELECT count(*) FROM audit WHERE action = ?", action)[0][0])


def vault_files(folder: Path) -> dict[str, Path]:
    """Every file stored under a content name in the vault (not its tmp folder)."""
    vault = folder / "vault"
    return {p.name: p for p in vault.glob("??/*") if p.is_file()} if vault.is_dir() else {}


def vault_mismatches(folder: Path) -> list[str]:
    """Files in the vault whose bytes do not hash to their name: a half-written or damaged copy."""
    return [name for name, path in vault_files(folder).items() if sha256(path) != name]


def vault_leftovers(folder: Path) -> list[Path]:
    tmp = folder / "vault" / "tmp"
    return sorted(tmp.glob("*.part")) if tmp.is_dir() else []


def stored_hashes(folder: Path) -> set[str]:
    """Hashes the database says are in the vault (evidence rows)."""
    return {str(row[0]) for row in query(folder, "SELECT DISTINCT sha256 FROM evidence_files")}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        for chunk in iter(lambda: reader.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` → its hash (a directory → "dir"): compare two to see what changed."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): "dir" if path.is_dir() else sha256(path) for path in sorted(folder.rglob("*"))
    }


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What differs between two snapshots, in words (empty: nothing)."""
    out = [f"created {name}" for name in after.keys() - before.keys()]
    out += [f"removed {name}" for name in before.keys() - after.keys()]
    out += [f"changed {name}" for name in before.keys() & after.keys() if before[name] != after[name]]
    return sorted(out)
