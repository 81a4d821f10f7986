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
    return backend_named(str(request.param))


def backend_named(name: str) -> Scanner:
    """The backend, or a skip where it is not installed."""
    from egov_desk.core.scanning import sane_module, scanimage

    if name == "python-sane" and not sane_module.available():
        pytest.skip("python-sane is not installed here")
    if name == "scanimage" and scanimage.program() is None:
        pytest.skip("scanimage (sane-utils) is not installed here")
    return SaneModuleScanner() if name == "python-sane" else ScanimageScanner()
