"""Names that come from a table or a file name hold any length: a department's name, an indicator system's key
(import:<file name>:<digest>), an item's code, the item code an audit row names. SQLite never enforced their
VARCHAR limits; a PostgreSQL server does, and would refuse a long file name's import. They become TEXT (SQLite:
the tables are copied, as batch mode does; a server: ALTER TYPE). The backup is taken first, as for every upgrade.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# table, column, its old limit
_COLUMNS = (
    ("departments", "name", 100),
    ("indicator_systems", "key", 200),
    ("items", "code", 40),
    ("audit", "item_code", 40),
)


def upgrade() -> None:
    for table, column, length in _COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.String(length), type_=sa.Text())


def downgrade() -> None:
    for table, column, length in _COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=sa.Text(), type_=sa.String(length))
