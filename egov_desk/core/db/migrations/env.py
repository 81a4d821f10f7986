"""Alembic environment: uses the connection the app passes in ``config.attributes``."""

from alembic import context

from egov_desk.core.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most columns; batch mode copies the table instead
)
with context.begin_transaction():
    context.run_migrations()
