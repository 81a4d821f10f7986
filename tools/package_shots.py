"""Screenshots of the department work packages in the real window, on the X display given (a window manager running):

    Xvfb :57 -screen 0 1366x768x24 & DISPLAY=:57 openbox &
    DISPLAY=:57 python tools/package_shots.py OUT [--extra-ts pairs.json]

Saves OUT/package-export-<width>.png (the office's 导出科室工作包 dialog), OUT/open-summary-<width>.png (what a
package is, before its workspace is made), OUT/department-mode-<width>.png (the window in 科室填报 mode) and
OUT/department-outside-<width>.png (another department's item: read-only, saying why). ``--extra-ts`` installs
English→Chinese pairs not yet in the translations (a JSON object), compiled with pyside6-lrelease for this run.
Each picture is the whole screen, taken with ImageMagick's ``import -window root``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tools import shot_translations

CONTEXTS = (
    "ExportDialog",
    "PackageExports",
    "ExportRun",
    "PackageOpening",
    "OpenSummary",
    "DepartmentBanner",
    "DepartmentDesk",
    "ReturnStep",
    "PackageWork",
    "ItemPanel",
)


def compiled(pairs: Path, folder: Path) -> Path:
    return shot_translations.compiled(pairs, folder, CONTEXTS)  # CONTEXTS read at call time (binder_shots sets it)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-package-shots-"))
    (home / "Documents").mkdir()
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PySide6.QtCore import QTimer, QTranslator

    from egov_desk.core.deadlines import set_deadline
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.packages.export import export_department_package
    from egov_desk.core.person import Person
    from egov_desk.ui.app import create_app
    from egov_desk.ui.dialogs.person import remember_person
    from egov_desk.ui.shell import Shell

    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    office = create_demo_workspace(home / "office")
    assessment = office.default_assessment().id
    set_deadline(office, assessment, date(2019, 12, 31))
    set_deadline(office, assessment, date(2019, 12, 20), department="办公室")
    remember_person(office.store.actor, Person("张三", "leader"))  # who the office's window says is working
    shell = Shell(app, office)
    window = shell.show(maximised=True)
    window.runner.synchronous = True
    package = home / "packages" / "2019-办公室-第1个.egovpkg"
    package.parent.mkdir()
    export_department_package(office, assessment, "信息中心", home / "packages" / "2019-信息中心-第1个.egovpkg")

    def shot(name: str) -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"{name}-{width}.png")], check=True)

    def export_dialog() -> None:
        dialog = window.packages.exports.ask()
        dialog.tick(["办公室", "信息中心"])
        dialog.folder.setText(str(home / "Documents"))

    def open_summary() -> None:
        dialog = window.packages.exports.dialog
        if dialog is not None:
            dialog.reject()
        export_department_package(office, assessment, "办公室", package)
        opening = window.packages.opening
        opening.runner.synchronous = True
        opening.open(package)
        if opening.summary is not None:
            opening.summary.name.setText("李四")  # the department's clerk (张三 is remembered: the office's PC)

    def department_mode() -> None:
        summary = window.packages.opening.summary
        assert summary is not None
        summary.accept()

    def pick_own() -> None:
        department = shell.window
        assert department is not None
        desk = department.packages.department
        assert desk is not None
        department.select_item(sorted(desk.codes)[0])

    def outside() -> None:
        department = shell.window
        assert department is not None
        desk = department.packages.department
        assert desk is not None
        desk.banner.own_only.setChecked(False)
        department.select_item(next(code for code in department.visible_codes() if code not in desk.codes))

    steps: list[tuple[Callable[[], None], str]] = [
        (export_dialog, "package-export"),
        (open_summary, "open-summary"),
        (department_mode, ""),
        (pick_own, "department-mode"),
        (outside, "department-outside"),
    ]

    def run(index: int) -> None:
        if index == len(steps):
            shell.close()
            app.quit()
            return
        step, name = steps[index]
        step()

        def after() -> None:
            if name:
                shot(name)
            run(index + 1)

        QTimer.singleShot(1500, after)

    QTimer.singleShot(1500, lambda: run(0))
    app.exec()


if __name__ == "__main__":
    main()
