"""Assessment details: who fills it in and the report's date, beside the unit, year and title.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("filled_by", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("report_date", sa.Date(), nullable=True))
    # A workspace that already names its unit was told it before: the window must not ask again.
    connection = op.get_bind()
    named = connection.execute(sa.text("SELECT count(*) FROM assessments WHERE unit <> '本单位'")).scalar()
    said = connection.execute(sa.text("SELECT count(*) FROM settings WHERE key = 'unit_given'")).scalar()
    if named and not said:
        connection.execute(sa.text("INSERT INTO settings (key, value) VALUES ('unit_given', 'true')"))


def downgrade() -> None:
    with op.batch_alter_table("assessments", schema=None) as batch_op:
        batch_op.drop_column("report_date")
        batch_op.drop_column("filled_by")
