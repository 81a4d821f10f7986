"""Alembic migrations, run at open by :mod:`egov_desk.core.db.migrate` (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

HEAD = "0011"
"""The newest revision this version knows; a test checks it equals Alembic's head."""

MIGRATIONS = Path(__file__).parent


def known_revisions(scripts: Path = MIGRATIONS) -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(scripts)).walk_revisions()}
