"""Evidence bytes a server workspace keeps in its database (``server init --evidence database``): a row per blob
(its SHA-256, size, number of chunks, when it was added by the database's clock) and its bytes in chunks of 1–4 MB.
A workspace folder never fills them (its evidence stays in ``vault/``). The backup is taken first, as for every
upgrade.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vault_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("chunks", sa.Integer(), nullable=False),
        sa.Column("added_ns", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "vault_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["vault_blobs.sha256"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sha256", "n"),
    )


def downgrade() -> None:
    op.drop_table("vault_chunks")
    op.drop_table("vault_blobs")
