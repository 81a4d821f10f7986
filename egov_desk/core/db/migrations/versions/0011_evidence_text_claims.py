"""A reader's claim on a file it is reading (who: host and pid; when), so two readers on one workspace — the
window's worker and ``egov-desk-cli ocr``, two windows, two PCs on a server — never read the same file twice.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_text_claims",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("who", sa.Text(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON evidence_text_claims TO PUBLIC")


def downgrade() -> None:
    op.drop_table("evidence_text_claims")
