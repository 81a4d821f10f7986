"""SANE's ``test`` backend as the scanner: a SANE_CONFIG_DIR whose dll.conf loads only "test", and a test.conf
that makes its pages A4 (210 × 297 mm) and can make it fail the way a real scanner does."""

from __future__ import annotations

from pathlib import Path

import pytest

A4_MM = (210, 297)


def need_sane() -> None:
    """Skip where SANE is absent (Windows, a machine without sane-utils and python-sane): its test device is the
    scanner of these tests."""
    from egov_desk.core.scanning import sane_module, scanimage

    if not sane_module.available() and scanimage.program() is None:
        pytest.skip("SANE is not installed here (make installs sane-utils; pip install '.[scanner]')")


def sane_config(folder: Path, read_status: str = "Default", picture: str = "Grid", devices: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n", encoding="utf-8")
    (folder / "test.conf").write_text(
        "\n".join(
            [
                f"number_of_devices {devices}",
                "mode Gray",
                "depth 8",
                "resolution 50.0",
                f'test-picture "{picture}"',
                f'read-status-code "{read_status}"',
                "geometry_min 0.0",
                "geometry_max 300.0",
                "geometry_quant 1.0",
                "tl_x 0.0",
                "tl_y 0.0",
                f"br_x {A4_MM[0]}.0",
                f"br_y {A4_MM[1]}.0",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return folder


def use_sane_config(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    need_sane()
    monkeypatch.setenv("SANE_CONFIG_DIR", str(folder))


def no_scanners_config(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("", encoding="utf-8")
    return folder
