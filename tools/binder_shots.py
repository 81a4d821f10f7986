"""Screenshots of 装订成册 in the real window, on the X display given (a window manager running):

    Xvfb :58 -screen 0 1366x768x24 & DISPLAY=:58 openbox &
    DISPLAY=:58 python tools/binder_shots.py OUT [--extra-ts pairs.json]

Saves OUT/binder-menu-<width>.png (文件 → 导出 with the three binders), OUT/binder-departments-<width>.png (the
departments view's right-click menu), OUT/binder-chooser-<width>.png (each department's lead items, 基教科 greyed
out), OUT/binder-nothing-led-<width>.png (基教科 refused), OUT/binder-progress-<width>.png (the pages counted, 取消) and
OUT/binder-done-<width>.png (where it went, 打开 / 打开所在文件夹). The demo workspace gets 80 A4 scans on item 001
so that the progress can be seen. ``--extra-ts`` installs English→Chinese pairs not yet in the translations."""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from tools.package_shots import compiled

CONTEXTS = ("Binders", "BinderRun", "DepartmentChooser")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--extra-ts", type=Path)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="egov-binder-shots-"))
    (home / "Documents").mkdir()
    os.environ["HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")

    from PIL import Image
    from PySide6.QtCore import QPoint, QTimer, QTranslator
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    import tools.package_shots as package_shots
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.binder.actions import export_menu
    from egov_desk.ui.shell import Shell

    package_shots.CONTEXTS = CONTEXTS  # type: ignore[misc]  # the same compiling, for the binder's contexts
    app = create_app(["egov-desk"], "zh_CN")
    if args.extra_ts:
        translator = QTranslator(app)
        if translator.load(str(compiled(args.extra_ts, home))):
            app.installTranslator(translator)
    width = app.primaryScreen().geometry().width()
    workspace = create_demo_workspace(home / "demo")
    scans = home / "scans"
    scans.mkdir()
    for number in range(80):
        Image.new("L", (1654, 2339), 235 - number % 30).save(scans / f"会议签到表{number + 1:02d}.png")
    assessment = workspace.default_assessment().id
    workspace.evidence.attach(assessment, "001", sorted(scans.iterdir()))
    shell = Shell(app, workspace)
    window = shell.show(maximised=True)

    def shot(name: str) -> None:
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(out / f"{name}-{width}.png")], check=True)

    def close_popups() -> None:
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            popup = QApplication.activePopupWidget()

    def menu() -> None:
        file_menu = window.menuBar().actions()[0].menu()
        assert isinstance(file_menu, QMenu)
        exports = export_menu(window)
        assert exports is not None
        file_menu.popup(window.menuBar().mapToGlobal(QPoint(0, window.menuBar().height())))
        anchor = next(a for a in file_menu.actions() if a.menu() is exports)
        file_menu.setActiveAction(anchor)
        exports.popup(file_menu.mapToGlobal(file_menu.actionGeometry(anchor).topRight()))
        exports.setActiveAction(window.binders.unit_action)

    def departments() -> None:
        close_popups()
        window.tabs.setCurrentWidget(window.departments)
        view = window.departments
        model = view.model()
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "信息中心")
        view.setCurrentIndex(model.index(row, 0))
        where = view.visualRect(model.index(row, 0)).center()
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, view.viewport().mapToGlobal(where))
        QTimer.singleShot(0, lambda: QApplication.sendEvent(view.viewport(), event))

    def chooser() -> None:
        close_popups()
        window.departments.setCurrentIndex(window.departments.model().index(-1, -1))
        QTimer.singleShot(0, lambda: window.binders.bind_department())

    def nothing_led() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()
        window.binders.bind_department("基教科")

    def progress() -> None:
        close_popups()
        modal = QApplication.activeModalWidget() or QApplication.activeWindow()
        if modal is not None and modal is not window:
            modal.close()
        window.tabs.setCurrentWidget(window.tree)
        window.select_item("001")
        window.binders.bind_item(target=home / "Documents" / "市教育局-2019-001-装订册.pdf")

    def done() -> None:
        run = window.binders.run
        assert run is not None
        window.runner.wait(120000)
        app.processEvents()

    steps: list[tuple[Callable[[], None], str, int]] = [
        (menu, "binder-menu", 1500),
        (departments, "binder-departments", 1500),
        (chooser, "binder-chooser", 1500),
        (nothing_led, "binder-nothing-led", 1500),
        (progress, "binder-progress", 2500),
        (done, "binder-done", 1500),
    ]

    def run(index: int) -> None:
        if index == len(steps):
            close_popups()
            shell.close()
            app.quit()
            return
        step, name, wait = steps[index]
        step()

        def after() -> None:
            shot(name)
            run(index + 1)

        QTimer.singleShot(wait, after)

    QTimer.singleShot(1500, lambda: run(0))
    app.exec()


if __name__ == "__main__":
    main()
