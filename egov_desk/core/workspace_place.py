"""Where this PC keeps its usual workspace (light: read before anything else at start-up)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from egov_desk import APP_AUTHOR, APP_NAME


def default_workspace_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "workspace"
