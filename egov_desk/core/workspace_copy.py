"""Moving a workspace to a server and back (``egov-desk-cli workspace copy --workspace SRC --to DEST``): a folder
or a ``postgresql://`` URL on either side, DEST a new or empty folder or an empty server database.

Every row of every table is copied with its ids — systems, versions, assessments, inputs, notes, requirements,
evidence rows, settings (the workspace id too), deadlines, the whole audit chain as it is — and each table's next id
(a removed assessment's id is never given again); the evidence bytes go into DEST's vault by their hash, each
checked on the way. Then DEST is proved: every assessment's snapshot hash (:mod:`~egov_desk.core.snapshot`) equal
on both sides, its audit chain clean (:func:`~egov_desk.core.audit_verify.verify`), every table's row count and
every file's bytes there. Anything different — or a failure, or Ctrl+C — leaves DEST empty (a folder made for it
removed, a server database's tables dropped) and says what differed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, text

from egov_desk.core.db.models import Base, Blob, Setting
from egov_desk.core.errors import Failure, WorkspaceError
from egov_desk.core.evidence.vault import BytesDiffer
from egov_desk.core.evidence_place import DATABASE, SETTING, EvidencePlace
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.packages.identity import workspace_id
from egov_desk.core.server import is_server_url
from egov_desk.core.workspace import Workspace
from egov_desk.core.workspace_copy_target import drop_tables, empty_server_database, refuse_folder

Said = Callable[[str, str], None]  # (english, chinese): a line of progress
STORAGE = ("vault_blobs", "vault_chunks")  # the database vault's bytes: copied by hash, not as rows
BATCH = 500


class CopyFailed(Failure):
    """DEST did not turn out the same as SRC (or the copy failed); DEST was left empty."""


@dataclass
class Copied:
    source: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    snapshots: dict[int, str] = field(default_factory=dict)  # assessment id → its snapshot hash, equal on both
    audit_rows: int = 0


def _open(where: str) -> Workspace:
    if is_server_url(where):
        return Workspace.connect(where)
    return Workspace.open(Path(where), create=False)


@contextmanager
def _destination(where: str, place: EvidencePlace | None) -> Iterator[Workspace]:
    """DEST made ready (schema, no rows) and opened; emptied again unless the block finishes."""
    if is_server_url(where):
        empty_server_database(where, (place or EvidencePlace(DATABASE)).to_setting())
        try:
            with Workspace.connect(where) as workspace:
                yield workspace
        except BaseException:
            drop_tables(where)
            raise
        return
    folder = Path(where)
    made = refuse_folder(folder)
    try:
        from egov_desk.core.db.engine import sqlite_url

        with Workspace(sqlite_url(folder / DATABASE_NAME), folder) as workspace:
            yield workspace
    except BaseException:
        if made:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for part in folder.iterdir():
                shutil.rmtree(part, ignore_errors=True) if part.is_dir() else part.unlink(missing_ok=True)
        raise


def copy_workspace(
    source: str, destination: str, said: Said | None = None, place: EvidencePlace | None = None
) -> Copied:
    """Copy the workspace at ``source`` to ``destination`` and prove them the same (see the module's doc);
    ``place``: where a server DEST keeps its evidence (default: in its database)."""
    say = said or (lambda _en, _zh: None)
    copied = Copied(source, destination)
    with _open(source) as src:
        workspace_id(src)  # made now if it never was: the copy is the same workspace, under the same id
        say(f"copying {source} to {destination}", f"正在把 {source} 复制到 {destination}")
        with _destination(destination, place) as dest:
            with src.engine.connect() as reading, dest.engine.begin() as writing:
                settings = delete(Setting)
                chosen = writing.scalar(select(Setting.value).where(Setting.key == SETTING))
                for table in reversed(Base.metadata.sorted_tables):  # what making the schema wrote (its chain start)
                    if table.name not in STORAGE:
                        writing.execute(delete(table))
                for table in Base.metadata.sorted_tables:
                    if table.name not in STORAGE:
                        copied.rows[table.name] = _copy_rows(reading, writing, table, say)
                if chosen is not None:  # a server DEST keeps its evidence where it was told, not where SRC did
                    writing.execute(settings.where(Setting.key == SETTING))
                    writing.execute(insert(Setting).values(key=SETTING, value=chosen))
                _next_ids(reading, writing)
            _copy_files(src, dest, copied, say)
            _prove(src, dest, copied, say)
    return copied


def _copy_rows(reading: Connection, writing: Connection, table: Table, say: Said) -> int:
    count = 0
    batch: list[dict[str, Any]] = []
    rows = reading.execute(select(table).order_by(*table.primary_key.columns))
    for row in rows.mappings():
        batch.append(dict(row))
        if len(batch) >= BATCH:
            writing.execute(insert(table), batch)
            count, batch = count + len(batch), []
    if batch:
        writing.execute(insert(table), batch)
        count += len(batch)
    if count:
        say(f"{table.name}: {count} rows", f"{table.name}：{count} 行")
    return count


def _sequence_tables() -> list[Table]:
    return [
        table
        for table in Base.metadata.sorted_tables
        if table.name not in STORAGE and [c.name for c in table.primary_key.columns] == ["id"]
    ]


def _next_id(connection: Connection, table: Table) -> int:
    """The last id the table handed out (a removed row's counts), at least its largest id now."""
    largest = int(connection.scalar(select(func.max(table.c.id))) or 0)
    if connection.dialect.name == "postgresql":
        last = connection.scalar(text(f"SELECT pg_sequence_last_value(pg_get_serial_sequence('{table.name}', 'id'))"))
    else:
        exists = connection.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'"))
        last = (
            connection.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name})
            if exists
            else None
        )
    return max(largest, int(last or 0))


def _next_ids(reading: Connection, writing: Connection) -> None:
    for table in _sequence_tables():
        last = _next_id(reading, table)
        if not last:
            continue
        if writing.dialect.name == "postgresql":
            writing.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), {last})"))
        elif writing.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")):
            writing.execute(text("DELETE FROM sqlite_sequence WHERE name = :name"), {"name": table.name})
            writing.execute(
                text("INSERT INTO sqlite_sequence (name, seq) VALUES (:name, :seq)"), {"name": table.name, "seq": last}
            )


def _copy_files(src: Workspace, dest: Workspace, copied: Copied, say: Said) -> None:
    with src.store.read() as session:
        blobs = [(str(sha), int(size)) for sha, size in session.execute(select(Blob.sha256, Blob.size))]
    total = sum(size for _sha, size in blobs)
    for number, (sha256, size) in enumerate(sorted(blobs), 1):
        try:
            with src.evidence.vault.open(sha256) as stream:
                dest.evidence.vault.copy_into(stream, sha256, size)
        except (OSError, BytesDiffer) as exc:
            damaged = isinstance(exc, BytesDiffer)
            raise CopyFailed(
                f"the evidence file {sha256} is {'damaged' if damaged else 'missing'} in {copied.source}; "
                f"nothing was copied (egov-desk-cli evidence verify --workspace {copied.source} names it)",
                f"{copied.source} 中的佐证材料文件 {sha256} {'已损坏' if damaged else '缺失'}；没有复制任何内容"
                f"（egov-desk-cli evidence verify --workspace {copied.source} 可查出是哪个文件）",
                "copy_evidence",
                sha256=sha256,
            ) from exc
        copied.files, copied.bytes = number, copied.bytes + size
        say(
            f"evidence {number}/{len(blobs)} ({copied.bytes}/{total} bytes)",
            f"佐证材料 {number}/{len(blobs)}（{copied.bytes}/{total} 字节）",
        )


def _prove(src: Workspace, dest: Workspace, copied: Copied, say: Said) -> None:
    from egov_desk.core.audit_verify import verify
    from egov_desk.core.snapshot import snapshot_hash

    say("checking the copy", "正在核对副本")
    differences: list[tuple[str, str]] = []
    with src.engine.connect() as source, dest.engine.connect() as copy:
        for name in copied.rows:
            counted = select(func.count()).select_from(Base.metadata.tables[name])
            if name == Setting.__tablename__:  # a server DEST's own evidence place is not SRC's
                counted = counted.where(Setting.key != SETTING)
            here, there = int(source.scalar(counted) or 0), int(copy.scalar(counted) or 0)
            if here != there:
                differences.append((f"{name}: {here} rows, the copy {there}", f"{name}：{here} 行，副本 {there} 行"))
    for assessment in src.assessments():
        mine, theirs = snapshot_hash(src, assessment.id), snapshot_hash(dest, assessment.id)
        copied.snapshots[assessment.id] = mine
        if mine != theirs:
            differences.append(
                (
                    f"assessment {assessment.id} ({assessment.label}): snapshot {mine}, the copy's {theirs}",
                    f"评估 {assessment.id}（{assessment.label}）：快照 {mine}，副本为 {theirs}",
                )
            )
    chain = verify(dest)
    copied.audit_rows = chain.rows
    if not chain.clean:
        differences.extend(zip(chain.lines(chinese=False), chain.lines(chinese=True), strict=False))
    with src.store.read() as session:
        shas = list(session.scalars(select(Blob.sha256)))
    missing = [sha for sha in shas if not dest.evidence.vault.has(sha)]
    if missing:
        differences.append(
            (f"evidence not in the copy: {', '.join(missing)}", f"副本缺少佐证材料：{'、'.join(missing)}")
        )
    if differences:
        raise CopyFailed(
            "the copy differs, so it was removed: " + "; ".join(en for en, _zh in differences),
            "副本与原工作区不一致，已删除副本：" + "；".join(zh for _en, zh in differences),
            "copy_differs",
        )


__all__ = ["Copied", "CopyFailed", "WorkspaceError", "copy_workspace"]
