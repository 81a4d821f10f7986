"""End-to-end fixtures: virtual screens with a window manager, the installed app started as a process with a fresh
home per test, failure screenshots, and a failed test for any crash (also one at exit)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from tests.e2e.desktop import CRASH_SIGNALS, App, Display, describe_exit, init_workspace, missing_tools

FAILURE_REPORT = pytest.StashKey[Callable[[str], str]]()
CRASHED = pytest.StashKey[bool]()


def _need_tools() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("end-to-end tests drive an X server: Linux only")
    missing = missing_tools()
    if missing:
        pytest.skip(
            "end-to-end tests need " + ", ".join(missing) + " (apt-get install xvfb openbox xdotool x11-utils "
            "imagemagick; make test installs them as root)"
        )


@pytest.fixture(scope="session")
def _x_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e-x")


def _screen(width: int, height: int, logs: Path) -> Iterator[Display]:
    _need_tools()
    display = Display(width, height).start(logs)
    try:
        yield display
    finally:
        display.stop()


@pytest.fixture(scope="session")
def screen(_x_logs: Path) -> Iterator[Display]:
    """The office screen: 1366×768."""
    yield from _screen(1366, 768, _x_logs)


@pytest.fixture(scope="session")
def small_screen(_x_logs: Path) -> Iterator[Display]:
    """An old small screen: 1024×768."""
    yield from _screen(1024, 768, _x_logs)


class Launcher:
    """Starts egov-desk processes for one test; at the end each one is ended and its fate checked."""

    def __init__(self, tmp_path: Path, default_screen: Display) -> None:
        self.tmp_path = tmp_path
        self.home = tmp_path / "home"  # one home per test: QSettings and the default workspace start fresh
        self.log = tmp_path / "egov-desk.log"
        self.default_screen = default_screen
        self.apps: list[App] = []

    def __call__(self, workspace: Path | None, screen: Display | None = None, args: Sequence[str] = ()) -> App:
        app = App(screen or self.default_screen, self.home, workspace, self.log, args)
        self.apps.append(app)
        return app

    def failure_report(self, when: str) -> str:
        lines = []
        screens = {id(app.display): app.display for app in self.apps} or {id(self.default_screen): self.default_screen}
        for number, display in enumerate(screens.values()):
            if not display.name:
                continue
            path = self.tmp_path / f"failure-{when}-{number}.png"
            try:
                display.screenshot(path)
                lines.append(f"screenshot of {display.name} ({display.width}x{display.height}): {path}")
            except Exception as exc:
                lines.append(f"no screenshot of {display.name}: {exc}")
        for app in self.apps:
            lines.append(f"egov-desk pid {app.pid}: {describe_exit(app.process.poll())}")
            if app.alive():
                lines.append(f"  windows: {app.titles()!r}; active: {app.active_title()!r}")
        lines.append(f"log {self.log}:\n{self.apps[-1].log_tail() if self.apps else ''}")
        return "\n".join(lines)

    def finish(self) -> list[str]:
        """End every app of the test; return what went wrong: a crash (also one while quitting), an exit of its
        own with an error, an uncaught exception or a fault in the app's logs."""
        problems = []
        for app in self.apps:
            ended_by_itself = app.process.poll()
            code = app.stop()
            if code in CRASH_SIGNALS:
                problems.append(f"egov-desk pid {app.pid} {describe_exit(code)}\n{app.log_tail()}")
            elif ended_by_itself not in (None, 0) and ended_by_itself not in app.expected_exit:
                problems.append(f"egov-desk pid {app.pid} {describe_exit(code)} on its own\n{app.log_tail()}")
        if self.apps:
            problems += self.apps[0].app_log_problems()  # one home per test: its logs cover every app started
        return problems


@pytest.fixture
def launch(request: pytest.FixtureRequest, tmp_path: Path, screen: Display) -> Iterator[Launcher]:
    """launch(workspace_folder, screen=None) starts the installed egov-desk on it (xcb on the virtual screen)."""
    launcher = Launcher(tmp_path, screen)
    request.node.stash[FAILURE_REPORT] = launcher.failure_report
    yield launcher
    problems = launcher.finish()
    if problems:
        request.node.stash[CRASHED] = True
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def workspace_dir(tmp_path: Path) -> Path:
    """A workspace made by the CLI with the unit named, so no first-start question appears."""
    return init_workspace(tmp_path / "workspace")


@pytest.fixture
def app(launch: Launcher, workspace_dir: Path) -> App:
    """egov-desk on an initialised workspace, its main window shown and active."""
    started = launch(workspace_dir)
    started.wait_main()
    return started


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "teardown" and item.stash.get(CRASHED, False) and hasattr(report, "wasxfail"):
        # an expected failure of the test's own assertions never excuses a crash: that fails the run
        del report.wasxfail
        report.outcome = "failed"
    if report.failed and report.when in ("setup", "call") and FAILURE_REPORT in item.stash:
        try:
            report.sections.append(("e2e: what the screen showed", item.stash[FAILURE_REPORT](report.when)))
        except Exception as exc:  # a report must never break the run
            report.sections.append(("e2e", f"no failure report: {exc}"))
    return report
