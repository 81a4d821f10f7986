"""Each scanning test runs against SANE's test device, through python-sane and through scanimage."""

from __future__ import annotations

from pathlib import Path

import pytest

from egov_desk.core.scanning.sane_module import SaneModuleScanner
from egov_desk.core.scanning.scanimage import ScanimageScanner
from egov_desk.core.scanning.types import Scanner
from tests.core.scanning.sane_device import sane_config, use_sane_config


@pytest.fixture
def test_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = sane_config(tmp_path / "sane")
    use_sane_config(monkeypatch, folder)
    return folder


@pytest.fixture(params=["python-sane", "scanimage"])
def scanner(request: pytest.FixtureRequest, test_device: Path) -> Scanner:
    return SaneModuleScanner() if request.param == "python-sane" else ScanimageScanner()
