"""Alembic migrations, run at open by :mod:`egov_desk.core.db.migrate` (no alembic.ini needed)."""

HEAD = "0003"
"""The newest revision this version knows; a test checks it equals Alembic's head."""
