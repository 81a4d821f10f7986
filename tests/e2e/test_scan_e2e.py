"""扫描 from the keyboard, in the real app, with SANE's test device as the office scanner: an item chosen by
Ctrl+F, the scan dialog opened by its shortcut (Ctrl+Shift+D), two pages scanned (Alt+S), the second turned
(Ctrl+R), named (Alt+N) and saved to the evidence (Alt+V) — the workspace then holds one two-page PDF on that item."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from tests.core.scanning.sane_device import need_sane, sane_config
from tests.e2e.conftest import Launcher
from tests.e2e.desktop import Display, evidence, find_item, init_workspace, step, wait_until

pytestmark = pytest.mark.e2e

DIALOG = "扫描到|Scan into"  # the dialog's title, translated or not yet


@pytest.fixture
def scratch() -> Iterator[Path]:
    """The app's temporary folders, where its scanned pages show up; short: the app's single-instance socket lives
    there too, and a socket's path may not be long."""
    folder = Path(tempfile.mkdtemp(prefix="es-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("width", [1366, 1024])
def test_two_pages_scanned_turned_and_saved_from_the_keyboard(
    launch: Launcher,
    tmp_path: Path,
    screen: Display,
    small_screen: Display,
    monkeypatch: pytest.MonkeyPatch,
    scratch: Path,
    width: int,
) -> None:
    need_sane()
    monkeypatch.setenv("SANE_CONFIG_DIR", str(sane_config(tmp_path / "sane")))
    monkeypatch.setenv("TMPDIR", str(scratch))
    workspace = init_workspace(tmp_path / "workspace")
    app = launch(workspace, screen if width == 1366 else small_screen)
    app.wait_main()
    find_item(app, "002")

    with step("Ctrl+Shift+D opens the scan dialog; the test device is listed"):
        app.key("ctrl+shift+d")
        app.wait_window(DIALOG)
        time.sleep(1.5)  # the devices and the device's options are read off the UI thread

    with step("Alt+P, 2 pages; Alt+S scans them into the strip"):
        app.key("alt+p", "ctrl+a")
        app.type("2")
        app.key("alt+s")
        pages = wait_until(
            lambda: sorted(scratch.glob("egov-scan-*/*/page-*.png"))[1:], timeout=30, what="two scanned pages"
        )
        assert len(pages) == 1  # [1:] of two
        time.sleep(1.0)  # the pages reach the strip

    with step("Ctrl+R turns the current page; Alt+N names the scan; Alt+V saves the PDF to the item"):
        app.key("ctrl+r")
        app.key("alt+n", "ctrl+a")
        app.type("002 plan 2019")
        app.key("alt+v")
        app.wait_gone(DIALOG, timeout=30)

    files = wait_until(lambda: evidence(workspace), timeout=20, what="the scan in `egov-desk-cli evidence list`")
    (scan,) = files
    assert scan["name"] == "002 plan 2019.pdf"  # as typed, .pdf added
    assert scan["kind"] == "pdf"
    assert [link["code"] for link in scan["items"]] == ["002"]
    pdf = pypdf.PdfReader(workspace / "vault" / scan["sha256"][:2] / scan["sha256"])
    assert len(pdf.pages) == 2
    first, second = (pdf.pages[n].mediabox for n in (0, 1))
    assert float(first.width) < float(first.height)  # A4 upright
    assert float(second.width) > float(second.height)  # turned a quarter
    assert not list(scratch.glob("egov-scan-*"))  # the pages went once attached
    app.assert_alive()
