"""The yearly cycle: items' review status, comment and deadline; the assessment's stage, deadline, the snapshot
frozen at 定稿 and where it was carried from; departments' deadlines; evidence carried from last year; and the
audit trail as a hash chain, with the name and role the person gave (kept when their assessment is removed). The
rows written before are chained here, and a first row holds every assessment's state at the upgrade.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


_NAMES = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
_AUDIT_FK = "fk_audit_assessment_id_assessments"


def upgrade() -> None:
    with op.batch_alter_table("item_inputs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sa.String(20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("status_comment", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("deadline", sa.Date(), nullable=True))
    # AUTOINCREMENT: SQLite would give a removed assessment's id to the next one, which would inherit its history
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table(
        "assessments",
        schema=None,
        recreate="always" if sqlite else "auto",
        table_kwargs={"sqlite_autoincrement": True},
    ) as batch_op:
        batch_op.add_column(sa.Column("stage", sa.String(20), nullable=False, server_default="filling"))
        batch_op.add_column(sa.Column("deadline", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("snapshot_sha256", sa.String(64), nullable=True))
        batch_op.add_column(sa.Column("finalized_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("finalized_by", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("carried_from", sa.Integer(), nullable=True))
    with op.batch_alter_table("evidence_files", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried", sa.Boolean(), nullable=False, server_default="0"))
    # a removed assessment's audit rows stay (the chain would have a hole): no foreign key to delete them with it
    with op.batch_alter_table("audit", schema=None, naming_convention=_NAMES) as batch_op:
        batch_op.drop_constraint(_audit_fk(), type_="foreignkey")
        batch_op.add_column(sa.Column("name", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("role", sa.String(20), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
    op.create_table(
        "department_deadlines",
        sa.Column("assessment_id", sa.Integer(), sa.ForeignKey("assessments.id", ondelete="CASCADE"), nullable=False),
        sa.Column("department_id", sa.Integer(), sa.ForeignKey("departments.id"), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "department_id"),
    )
    last_hash = _chain_existing_rows()
    _start_the_state(last_hash)


def _audit_fk() -> str:
    """The name of the audit table's foreign key to assessments: SQLite's batch copy knows it by the naming
    convention, a server by the name it gave the unnamed key of 0001 (PostgreSQL: audit_assessment_id_fkey)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        return _AUDIT_FK
    keys = sa.inspect(bind).get_foreign_keys("audit")
    return next(str(key["name"]) for key in keys if key["referred_table"] == "assessments")


def _json(value: Any) -> Any:
    """A JSON column read with a raw query: text on SQLite, already decoded by a server's driver."""
    import json

    return json.loads(value) if isinstance(value, (str, bytes)) and op.get_bind().dialect.name == "sqlite" else value


def _chain_existing_rows() -> str:
    from egov_desk.core.audit_chain import GENESIS, entry_hash

    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, at, actor, action, assessment_id, item_code, before, after FROM audit ORDER BY id")
    ).fetchall()
    prev = GENESIS
    for row in rows:
        at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
        before = None if row.before is None else _json(row.before)
        after = None if row.after is None else _json(row.after)
        fields = dict(
            id=row.id,
            prev_hash=prev,
            at=at,
            actor=row.actor,
            name="",
            role="",
            action=row.action,
            assessment_id=row.assessment_id,
            item_code=row.item_code,
            before=before,
            after=after,
        )
        digest = entry_hash(**fields)
        connection.execute(
            sa.text("UPDATE audit SET prev_hash = :prev, hash = :hash WHERE id = :id"),
            {"prev": prev, "hash": digest, "id": row.id},
        )
        prev = digest
    return prev


def _start_the_state(prev: str) -> None:
    """Append a ``chain_start`` row holding every assessment's state now (inputs, notes, statuses, stage, links):
    the rows before it recorded changes but not always what they changed from, so the check replays from here
    (core/audit_state.py). A new workspace's holds no assessment."""
    from egov_desk.core.actor import os_account
    from egov_desk.core.audit_chain import entry_hash
    from egov_desk.core.audit_state import CHAIN_START, read_states
    from egov_desk.core.db.models import utcnow

    connection = op.get_bind()
    last = connection.execute(sa.text("SELECT max(id) FROM audit")).scalar()
    states = read_states(connection)
    fields: dict[str, Any] = dict(
        id=(last or 0) + 1,
        prev_hash=prev,
        at=utcnow(),
        actor=os_account(),
        name="",
        role="",
        action=CHAIN_START,
        assessment_id=None,
        item_code=None,
        before=None,
        after={"assessments": {str(key): state.to_json() for key, state in sorted(states.items())}},
    )
    statement = sa.text(
        "INSERT INTO audit (id, at, actor, action, assessment_id, item_code, before, after, name, role,"
        " prev_hash, hash) VALUES (:id, :at, :actor, :action, NULL, NULL, NULL, :after, '', '', :prev_hash, :hash)"
    ).bindparams(sa.bindparam("at", type_=sa.DateTime()), sa.bindparam("after", type_=sa.JSON()))
    used = ("id", "at", "actor", "action", "after", "prev_hash")
    connection.execute(statement, {**{key: fields[key] for key in used}, "hash": entry_hash(**fields)})


def downgrade() -> None:
    op.execute("DELETE FROM audit WHERE action = 'chain_start'")
    op.drop_table("department_deadlines")
    op.execute("DELETE FROM audit WHERE assessment_id NOT IN (SELECT id FROM assessments)")
    with op.batch_alter_table("audit", schema=None, naming_convention=_NAMES) as batch_op:
        for column in ("hash", "prev_hash", "role", "name"):
            batch_op.drop_column(column)
        batch_op.create_foreign_key(_AUDIT_FK, "assessments", ["assessment_id"], ["id"], ondelete="CASCADE")
    with op.batch_alter_table("evidence_files", schema=None) as batch_op:
        batch_op.drop_column("carried")
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        for column in ("carried_from", "finalized_by", "finalized_at", "snapshot_sha256", "deadline", "stage"):
            batch_op.drop_column(column)
    with op.batch_alter_table("item_inputs", schema=None) as batch_op:
        for column in ("deadline", "status_comment", "status"):
            batch_op.drop_column(column)
