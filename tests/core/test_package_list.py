"""Every Python package of egov_desk is listed in pyproject.toml, so installs and builds carry it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib arrived in Python 3.11")
def test_every_package_is_listed() -> None:
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "egov_desk").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"egov_desk.resources"} == listed
