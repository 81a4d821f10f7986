"""The text inside every evidence file, for searching it and checking it: ``evidence_texts`` holds a row per stored
blob (by its SHA-256) and page — the text, where it came from (the file's own text or OCR) and, for OCR, its lines
with their boxes; ``evidence_text_states`` says per blob whether it was read or why it could not be. A blob with
no state row is still to be read: the queue needs no row of its own, so attaching (window, CLI, scan, package,
server) queues a file by storing it.

On SQLite an FTS5 index with the trigram tokenizer follows the page text: *external content* (it reads the text
from ``evidence_texts``; the text is stored once, and ``snippet``-style reading needs the text, which a contentless
index would not keep), kept in step by triggers, so every writer (the OCR worker, a workspace copy, a restore)
keeps it true without knowing of it. PostgreSQL has no FTS5: the server searches the page text with ILIKE, and
every login may write these two tables (the text is read from bytes the login can read anyway; the OCR worker runs
as the login of the window that started it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_FTS = "evidence_texts_fts"
_TRIGGERS = {
    "evidence_texts_ai": f"AFTER INSERT ON evidence_texts BEGIN "
    f"INSERT INTO {_FTS}(rowid, text) VALUES (new.id, new.text); END",
    "evidence_texts_ad": f"AFTER DELETE ON evidence_texts BEGIN "
    f"INSERT INTO {_FTS}({_FTS}, rowid, text) VALUES ('delete', old.id, old.text); END",
    "evidence_texts_au": f"AFTER UPDATE ON evidence_texts BEGIN "
    f"INSERT INTO {_FTS}({_FTS}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {_FTS}(rowid, text) VALUES (new.id, new.text); END",
}


def upgrade() -> None:
    op.create_table(
        "evidence_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256", "page"),
    )
    with op.batch_alter_table("evidence_texts") as batch:
        batch.create_index("ix_evidence_texts_sha256", ["sha256"], unique=False)
    op.create_table(
        "evidence_text_states",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("error", sa.Text(), server_default="", nullable=False),
        sa.Column("pages", sa.Integer(), server_default="0", nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=False),
        sa.Column("engine", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE {_FTS} USING fts5(text, content='evidence_texts', content_rowid='id', "
            "tokenize='trigram')"
        )
        for name, body in _TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_texts, evidence_text_states TO PUBLIC")
        op.execute("GRANT USAGE, SELECT ON SEQUENCE evidence_texts_id_seq TO PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in _TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {_FTS}")
    op.drop_table("evidence_text_states")
    op.drop_table("evidence_texts")
