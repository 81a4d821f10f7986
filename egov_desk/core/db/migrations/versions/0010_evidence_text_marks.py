"""What each page's text says whatever the assessment — a date on a line of its own with its year, an
organisation's name heading or signing the page — kept in ``evidence_text_marks`` when the text is written, so the
checks of an assessment's evidence text (a date outside its year, another unit's material) are one query instead of
a scan of every page (10,000 pages: most of a second, too slow to run when an item is shown). The pages read before
this revision get their marks here, from their stored text.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

from egov_desk.core.evidence_text.marks import page_marks

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    marks = op.create_table(
        "evidence_text_marks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("found", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence_text_marks") as batch:
        batch.create_index("ix_evidence_text_marks_sha256", ["sha256"], unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_text_marks TO PUBLIC")
        op.execute("GRANT USAGE, SELECT ON SEQUENCE evidence_text_marks_id_seq TO PUBLIC")
    rows = bind.execute(sa.text("SELECT sha256, page, text FROM evidence_texts ORDER BY id"))
    found = [
        {"sha256": sha256, "page": page, "kind": kind, "found": written, "year": year}
        for sha256, page, text in rows
        for kind, written, year in page_marks(text)
    ]
    if found:
        op.bulk_insert(marks, found)


def downgrade() -> None:
    op.drop_table("evidence_text_marks")
