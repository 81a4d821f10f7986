"""Start-up: the QApplication, Chinese by default, the workspace, the main window."""

from __future__ import annotations

from egov_desk.ui import preload  # noqa: F401  - before PySide6: its import hook then passes these modules by

# isort: split

import argparse
import contextlib
import linecache
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from egov_desk import APP_NAME, __version__
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.workspace_place import default_workspace_dir
from egov_desk.logs import setup_logging
from egov_desk.paths import resource_dir
from egov_desk.render.singletons import keep_singletons_alive
from egov_desk.ui import startup_report
from egov_desk.ui.early_errors import EarlyErrors
from egov_desk.ui.first_screen.start import first_screen_for
from egov_desk.ui.first_screen.start import show as show_first_screen
from egov_desk.ui.first_screen.window import FirstScreen
from egov_desk.ui.translations import install_translations, installed_language

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.crash import CrashReporter
    from egov_desk.ui.shell import Shell

DEFAULT_LANGUAGE = "zh_CN"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="egov-desk", description="电子政务工作绩效年终考评")
    parser.add_argument("package", nargs="?", type=Path, help="a department work package (.egovpkg) to open")
    parser.add_argument(
        "--workspace", help=f"a workspace folder (default {default_workspace_dir()}) or postgresql://user@host/database"
    )
    parser.add_argument("--language", help="zh_CN (default) or en")
    parser.add_argument("--demo", action="store_true", help="open a throw-away demo workspace, partly scored")
    parser.add_argument("--smoke", action="store_true", help="open the window, wait until shown, exit 0")
    parser.add_argument("--version", action="version", version=f"egov-desk {__version__}")
    return parser.parse_args(argv)


def language(requested: str | None) -> str:
    if requested:
        return requested
    stored = QSettings().value("ui/language")
    return str(stored) if stored else DEFAULT_LANGUAGE


# Office PCs: YaHei on Windows; Noto/WenQuanYi on UOS, Kylin and Debian. The first one installed wins.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


def ui_font(base: QFont) -> QFont:
    installed = set(QFontDatabase.families())
    families = [name for name in UI_FONTS if name in installed]
    font = QFont(base)
    if families:
        font.setFamilies(families + base.families())
    return font


def has_workspace() -> bool:
    """Whether this PC already has its usual workspace (opening it would not make an empty one)."""
    return (default_workspace_dir() / DATABASE_NAME).exists()


def create_app(argv: Sequence[str], lang: str | None = None) -> QApplication:
    keep_singletons_alive()  # PySide6 6.12 drains None's reference count on Python 3.11: render/singletons.py
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("电子政务绩效考评")
    app.setWindowIcon(QIcon(str(resource_dir("icons") / "egov-desk.svg")))
    app.setFont(ui_font(app.font()))
    install_translations(app, language(lang))
    return app


def small_screen(app: QApplication) -> bool:
    """Office screens (1366×768, 1440×900): the window uses all of it when no size was kept."""
    screen = app.primaryScreen().availableGeometry()
    small = screen.width() <= 1440 or screen.height() <= 800
    return small and QSettings().value("window/geometry") is None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    logs = setup_logging()
    early = EarlyErrors()
    app = create_app(argv[:1], args.language)
    first = first_screen(args)
    reporters: list[CrashReporter] = []
    started: list[Shell | int] = []

    def install_crash_reporter() -> None:  # after the first paint, when there is one (ui/early_errors.py)
        from egov_desk.ui.crash import CrashReporter

        reporters.append(early.hand_to(lambda: CrashReporter(app, logs)))

    if first is None:
        install_crash_reporter()
        shell = open_window(app, args, None)
        if isinstance(shell, int):
            return shell
        started.append(shell)
    else:
        screen = first

        def after_first_paint() -> None:
            install_crash_reporter()
            finish_opening(app, args, screen, started)

        first.centre.painted.connect(startup_report.first_paint)  # said once: the first paint only
        first.centre.painted.connect(lambda: QTimer.singleShot(0, after_first_paint))
        show_first_screen(first, small_screen(app))
    code = app.exec()
    outcome = started[0] if started else None
    if isinstance(outcome, int):
        return outcome
    if outcome is not None:
        outcome.close()
    for reporter in reporters:
        reporter.uninstall()
    return code


def first_screen(args: argparse.Namespace) -> FirstScreen | None:
    """The first screen of the workspace about to open, when it opens as it was left: the usual one (or one given
    by its folder), not the demo, a package or a server."""
    if args.demo or args.package or os.environ.get("EGOV_DESK_NO_FIRST_SCREEN"):
        return None
    if args.workspace:
        if "://" in args.workspace:
            return None
        folder = Path(args.workspace)
    else:
        recent = QSettings().value("workspaces/recent", [])  # as ui/server/opening.py's reopen_at_start reads it
        last = recent[0] if isinstance(recent, list) and recent else recent
        if isinstance(last, str) and "://" in last:
            return None  # the server's workspace shown last is opened again instead
        folder = default_workspace_dir()
    screen = first_screen_for(folder, installed_language())
    logging.getLogger(__name__).info(
        "first screen: %s", "painted from the snapshot kept at the last close" if screen else "none (no snapshot fits)"
    )
    return screen


def finish_opening(app: QApplication, args: argparse.Namespace, first: FirstScreen, started: list[Shell | int]) -> None:
    """After the first paint: load the rest, open the workspace and let the real window take the first screen's
    place (or leave, when the workspace cannot be opened)."""
    result = open_window(app, args, first)
    started.append(result)
    if isinstance(result, int):
        first.taken_over = True  # nothing will take its place: it may close now
        first.close()
        app.exit(result)


def open_window(app: QApplication, args: argparse.Namespace, first: FirstScreen | None) -> Shell | int:
    """Open the workspace the arguments name and show its window; the exit code when there is none to show."""
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.errors import WorkspaceError
    from egov_desk.ui.opening import open_for_window
    from egov_desk.ui.shell import Shell  # after the app exists: widgets need it

    forget_sources()
    demo_folder = Path(tempfile.mkdtemp(prefix="egov-desk-demo-")) if args.demo else None
    if demo_folder:
        try:
            workspace: Workspace | None = create_demo_workspace(demo_folder / "demo")
        except (WorkspaceError, OSError) as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, QCoreApplication.translate("app", "Cannot open the workspace"), str(exc))
            return 1
    else:
        from egov_desk.ui.packages.open_package import GIVEN_RETURNS, open_at_start

        made = open_at_start(args.package) if args.package else None  # egov-desk some.egovpkg: a double-click
        if args.package and made is None and not GIVEN_RETURNS and not args.workspace and not has_workspace():
            return 0  # refused or cancelled on a PC with no workspace yet: no empty one made behind the refusal
        from egov_desk.ui.server.opening import reopen_at_start  # the server's workspace, when shown last

        reopened = None if made or args.workspace or args.package else reopen_at_start()
        workspace = reopened or open_for_window(first, made or args.workspace)
    if workspace is None:
        return 1
    shell = Shell(app, workspace, demo_folder)
    window = shell.show(maximised=small_screen(app), first_screen=first)
    startup_report.when_ready(forget_sources)  # and what was imported while the window was built
    if first is None:
        startup_report.ready()  # else once the window has taken the first screen's place (first_screen/start.py)
    if args.smoke:
        startup_report.when_ready(lambda: QTimer.singleShot(0, lambda: app.exit(0 if window.isVisible() else 3)))
    return shell


def forget_sources() -> None:
    """Drop the source lines PySide6's import hook has read: it reads each module imported after PySide6 (looking
    for ``from __feature__ import``) through linecache, which keeps them — some 20 MB for the window's ~500 modules,
    held for the whole session. Tracebacks read a file again when they need it."""
    linecache.clearcache()


def run() -> None:
    """The egov-desk command: :func:`main`, then leave without Python's own finalisation. By then every change
    is committed, the workspace closed and the log flushed; PySide6 has been seen to crash while the interpreter
    tears its objects down afterwards ("none_dealloc", exit 134) — a crash at the very end that nothing needs."""
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
