"""Screenshots of the office's review of a department's return with a conflict on screen, in the real window, on
the X display given (a window manager running):

    Xvfb :58 -screen 0 1366x768x24 & DISPLAY=:58 openbox &
    DISPLAY=:58 python tools/return_review_shots.py OUT [--extra-ts pairs.json]

A real round trip first: the demo office exports 信息中心's work package; the department opens it, changes 001's
input (an item it cooperates on), 002's input and note and 021's note, attaches a scan to 021, and makes its return;
meanwhile 李四 at the office wrote 002's note. The office's window then imports the return: the cooperating
conflict is decided with Alt+D, and the next one (002's note, changed on both sides) is shown side by side.
Saves OUT/return-review-<width>.png, the whole screen taken with ImageMagick's ``import -window root``.
``--extra-ts`` installs English→Chinese pairs not yet in the translations (a JSON object), compiled with
pyside6-lrelease for this run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tools import shot_translations

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace

CONTEXTS = ("ReturnImport", "ReturnReview", "ReturnChangesModel", "SideBySide")


def compiled(pairs: Path, folder: Path) -> Path:
    return shot_translations.compiled(pairs, folder, CONTEXTS)  # CONTEXTS read at call time (binder_shots sets it)


def round_trip(home: Path) -> tuple[Workspace, Path]:
    """The office workspace and 信息中心's return, with 李四's office edit made after the package."""
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.packages.department import open_package
    from egov_desk.core.packages.export import export_department_package
    from egov_desk.core.packages.returning import make_return
    from egov_desk.core.person import Person
    from egov_desk.core.workspace import Workspace

    office = create_demo_workspace(home / "office")
    assessment = office.default_assessment().id
    package = home / "2019-信息中心-第1个.egovpkg"
    export_department_package(office, assessment, "信息中心", package)
    opened = open_package(package, home / "department")
    department = Workspace.open(opened.path)
    department.set_person(Person("张三", "filler", "信息中心"))
    local = opened.assessment
    department.set_input(local, "002", {"checked": [0]})
    department.set_note(local, "002", "第二项尚未完成，预计下月完成")
    department.set_input(local, "001", {"parts": [{"count": 4}, {"count": 1}]})
    department.set_note(local, "021", "数据来自 2019 年统计年报")
    scan = home / "2019年政务信息资源目录.pdf"
    scan.write_bytes(b"%PDF-1.4 the department's scan")
    department.evidence.attach(local, "021", [scan], None)
    returned = make_return(department, home / "2019-信息中心-第1个-回执.egovpkg").path
    department.close()
    office.set_person(Person("李四", "reviewer"))
    office.set_note(assessment, "002", "办公室补充：计划已报送市委办")
    return office, returned


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-return-shots-"))
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import QTimer, QTranslator

    from egov_desk.ui.app import create_app
    from egov_desk.ui.main_window import MainWindow

    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    office, returned = round_trip(home)
    window = MainWindow(office)
    window.showMaximized()
    window.runner.synchronous = True

    def review() -> None:
        window.return_import.start([returned])

    def decide_first() -> None:
        shown = window.return_import.review
        assert shown is not None
        shown.side.take_department.click()  # 001, the cooperating department's input: 采用科室的 (Alt+D)

    def shot() -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"return-review-{width}.png")], check=True)
        window.close()
        app.quit()

    QTimer.singleShot(1500, review)
    QTimer.singleShot(3000, decide_first)
    QTimer.singleShot(4500, shot)
    app.exec()
    office.close()


if __name__ == "__main__":
    main()
