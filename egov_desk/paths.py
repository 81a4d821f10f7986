"""Where the shipped data files are: ``resources/`` in a checkout, the package data when installed,
the bundle folder when frozen by PyInstaller (which lists it as datas)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir(*parts: str) -> Path:
    return Path(str(resources.files("egov_desk.resources").joinpath(*parts)))
