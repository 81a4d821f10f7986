"""Take the README's screenshots of the real window on virtual 1366×768 and 1024×768 X screens.

    python tools/screenshots.py docs        (or: make screenshots)

Starts Xvfb when there is no DISPLAY, opens the demo workspace maximised, and saves what the screen shows. The
1024×768 pictures (docs/small-*.png) show what an office PC or a projector shows: everything must fit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREEN = "1366x768x24"
ROOT = Path(__file__).resolve().parents[1]
SEED_DOCX = ROOT / "tests" / "data" / "seed" / "2019-indicators.docx"


def with_virtual_screen(screen: str = SCREEN, display: str = ":97") -> int:
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", screen, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", SHOT_SCREEN=screen)
        return subprocess.call([sys.executable, *sys.argv], env=env)
    finally:
        xvfb.terminate()
        xvfb.wait()


def shoot(out: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QWizard

    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.ui.app import create_app, install_translations
    from egov_desk.ui.main_window import MainWindow

    home = Path(tempfile.mkdtemp(prefix="egov-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")  # no remembered layout from earlier runs
    app = create_app(["egov-desk"], "zh_CN")
    workspace = create_demo_workspace(home / "demo")
    windows: list[MainWindow] = []

    def new_window(item: str) -> MainWindow:
        for old in windows:
            old.close()
        window = MainWindow(workspace, demo=True)
        window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager to maximise
        window.show()
        window.runner.synchronous = True
        window.select_item(item)
        windows.append(window)
        return window

    new_window("021")

    def grab(name: str) -> None:
        wizard = windows[-1].findChild(QWizard)
        dialog = getattr(windows[-1], "preview_dialog", None)
        editor = getattr(windows[-1], "system_editor", None)
        if editor is not None and editor.isVisible():
            picture = editor.grab()
        elif wizard and wizard.isVisible() and not name.startswith("import-wizard-rows"):
            picture = wizard.grab()
        elif dialog is not None and dialog.isVisible():
            picture = dialog.grab()
        else:
            picture = QApplication.primaryScreen().grabWindow(0)
        picture.save(str(out / name))

    def wizard_page(count: int) -> None:
        wizard = windows[-1].findChild(QWizard)
        if wizard is None:
            windows[-1].panel.reload_input(windows[-1].inputs.get("021"))  # the refused value shown before: let go
            wizard = windows[-1].import_table()
            wizard.move(183, 40)
            wizard.read(SEED_DOCX)
        for _ in range(count):
            wizard.next()

    def wizard_rows(left: int) -> None:
        """The wizard's rows page on a sheet holding two tables (the table built as the tests build it)."""
        sys.path.insert(0, str(ROOT))
        from tests.core.importing.table_kinds import two_tables_sheet

        for shown in QApplication.topLevelWidgets():  # the print preview of the step before
            if isinstance(shown, QDialog) and not isinstance(shown, QWizard) and shown.isVisible():
                shown.close()
        wizard = windows[-1].findChild(QWizard)
        if wizard is None:
            wizard = windows[-1].import_table()
        screen = QApplication.primaryScreen().availableGeometry()
        wizard.move(max(0, min(left, screen.width() - wizard.width())), 30)  # on the screen, as a window manager would
        wizard.read(two_tables_sheet(home))
        wizard.restart()
        wizard.next()
        wizard.rows_page.grid.select_rows(7, 8)

    def system_editor() -> None:
        """The indicator system editor, as large as the screen, on item 030 with its sum of parts and try-out."""
        from egov_desk.ui.system_editor.editor_widgets import RULE_PAGE

        wizard = windows[-1].findChild(QWizard)
        if wizard is not None:
            wizard.reject()
        windows[-1].edit_system()
        editor = windows[-1].system_editor
        editor.setGeometry(QApplication.primaryScreen().availableGeometry())
        place = editor.draft.find("030")
        assert place is not None
        editor.tree.select(place)
        editor.pages.setCurrentIndex(RULE_PAGE)

    def close_system_editor() -> None:
        editor = getattr(windows[-1], "system_editor", None)
        if editor is not None:
            editor.done(0)

    def departments() -> None:
        wizard = windows[-1].findChild(QWizard)
        wizard.reject()
        view = windows[-1].departments
        windows[-1].tabs.setCurrentIndex(1)
        for row in range(view.model_.rowCount()):
            if view.model_.item(row).text() in ("师资科", "计财科"):
                view.setExpanded(view.model_.index(row, 0), True)

    def checklist() -> None:
        windows[-1].tabs.setCurrentIndex(0)
        windows[-1].select_item("030")

    def evidence() -> None:
        windows[-1].select_item("003")
        panel = windows[-1].panel
        panel.ensureWidgetVisible(panel.evidence_box)

    def preview() -> None:
        file = workspace.evidence.files(windows[-1].assessment.id, "002")[0]
        dialog = windows[-1].evidence_actions.preview(file)
        dialog.resize(760, 640)
        dialog.move(300, 60)
        windows[-1].preview_dialog = dialog

    def close_preview() -> None:
        dialog = getattr(windows[-1], "preview_dialog", None)
        if dialog is not None:
            dialog.close()

    def english() -> None:
        install_translations(app, "en")
        new_window("028")

    def refused() -> None:
        windows[-1].select_item("021")
        editor = windows[-1].panel.editor
        editor.numerator.setText("10")
        editor.denominator.setText("9")
        editor.typing()

    def unit_dialog() -> None:
        windows[-1].edit_details(first_start=True)
        dialog = windows[-1].details_dialog
        dialog.unit.setText("市教育局")
        dialog.filled_by.setText("王晓梅")

    def print_preview() -> None:
        windows[-1].details_dialog.reject()
        windows[-1].exports.checklist("preview", "师资科", ask=False)

    def backups_list() -> None:
        from egov_desk.core.backups import create_backup

        windows[-1].tabs.setCurrentIndex(0)
        for reason in ("open", "before-import", "manual"):
            create_backup(home / "demo" / "workspace.sqlite", reason)
        dialog = windows[-1].backups.restore()
        if dialog is not None:
            dialog.resize(720, 360)
            dialog.move(300, 160)
            windows[-1].preview_dialog = dialog  # grab() takes the dialog

    def read_only() -> None:
        from egov_desk.core.workspace import Workspace

        close_preview()
        holder = Workspace.open(home / "demo", hold=True)  # as if another window had it open
        reader = Workspace.open(home / "demo", hold=True)
        for old in windows:
            old.close()
        window = MainWindow(reader, demo=True)
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
        window.show()
        window.select_item("004")
        windows.append(window)
        opened.extend([holder, reader])

    opened: list[object] = []

    if os.environ.get("SHOT_SCREEN", SCREEN).startswith("1024"):
        steps = [
            ("small-main-window.png", refused),
            ("small-unit-dialog.png", unit_dialog),
            ("small-print-preview.png", print_preview),
            ("import-wizard-rows-1024.png", lambda: wizard_rows(12)),
            ("system-editor-1024.png", system_editor),
        ]
    else:
        steps = [
            ("main-window.png", lambda: None),
            ("refused-input.png", refused),
            ("import-columns.png", lambda: wizard_page(2)),  # past the rows page
            ("import-rules.png", lambda: wizard_page(1)),
            ("import-findings.png", lambda: wizard_page(1)),
            ("import-wizard-rows-1366.png", lambda: wizard_rows(183)),
            ("system-editor-1366.png", system_editor),
            ("departments.png", lambda: (close_system_editor(), departments())),
            ("sum-editor.png", checklist),
            ("evidence.png", evidence),
            ("preview.png", preview),
            ("backups.png", lambda: (close_preview(), backups_list())),
            ("read-only.png", read_only),
            ("main-window-en.png", lambda: (close_preview(), english())),
        ]

    def run(index: int = 0) -> None:
        if index == len(steps):
            app.exit(0)  # not quit(): Qt 6 asks the windows to close first, and one keeping a refused value says no
            return
        name, action = steps[index]
        action()
        QTimer.singleShot(1200, lambda: (grab(name), run(index + 1)))

    QTimer.singleShot(800, run)
    app.exec()
    for other in opened:
        other.close()  # type: ignore[attr-defined]
    workspace.close()
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY"):
        code = with_virtual_screen()
        raise SystemExit(code or with_virtual_screen("1024x768x24", ":96"))
    shoot(target)
    subprocess.check_call([sys.executable, str(ROOT / "tools" / "cycle_shots.py"), str(target)])  # the yearly cycle
    print(f"saved screenshots in {target}")
