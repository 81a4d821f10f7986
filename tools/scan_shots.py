"""Screenshots of the scan dialog in the real window, with pages from SANE's test device, on the X display given
(a window manager running):

    Xvfb :61 -screen 0 1366x768x24 & DISPLAY=:61 openbox &
    DISPLAY=:61 python tools/scan_shots.py OUT [--extra-ts pairs.json]

Saves OUT/scan-dialog-<width>.png: three A4 pages scanned from the feeder into a requirement, the second turned.
``--extra-ts`` installs English→Chinese pairs not yet in the translations (a JSON object), compiled with
pyside6-lrelease for this run. The picture is the whole screen, taken with ImageMagick's ``import -window root``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from tools import shot_translations

CONTEXTS = ("ScanDialog", "ScanDesk", "PageStrip", "Acquiring")
TEST_CONF = """number_of_devices 1
mode Gray
depth 8
resolution 50.0
test-picture "Grid"
geometry_min 0.0
geometry_max 300.0
br_x 210.0
br_y 297.0
"""


def compiled(pairs: Path, folder: Path) -> Path:
    return shot_translations.compiled(pairs, folder, CONTEXTS)  # CONTEXTS read at call time (binder_shots sets it)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-scan-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    sane = home / "sane"
    sane.mkdir()
    (sane / "dll.conf").write_text("test\n", encoding="utf-8")
    (sane / "test.conf").write_text(TEST_CONF, encoding="utf-8")
    os.environ["SANE_CONFIG_DIR"] = str(sane)

    from PySide6.QtCore import QTimer, QTranslator

    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.shell import Shell

    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    workspace = create_demo_workspace(home / "workspace")
    shell = Shell(app, workspace)
    window = shell.show(maximised=True)
    window.runner.synchronous = True

    def scan() -> None:
        window.select_item("003")
        requirement = workspace.evidence.item_evidence(window.assessment.id, "003").requirements[0].id
        dialog = window.scanning.open(requirement)
        assert dialog is not None
        dialog.source.setCurrentIndex(dialog.source.findData("Automatic Document Feeder"))
        dialog.until_empty.setChecked(False)
        dialog.pages_count.setValue(3)
        dialog.scan()
        dialog.strip.setCurrentRow(1)
        dialog.strip.turn(90)
        dialog.strip.setFocus()

    def shot() -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"scan-dialog-{width}.png")], check=True)
        dialog = window.scanning.dialog
        if dialog is not None:
            dialog.strip.clear()
            dialog.reject()
        shell.close()
        app.quit()

    QTimer.singleShot(1500, scan)
    QTimer.singleShot(3500, shot)
    app.exec()


if __name__ == "__main__":
    main()
