"""Driving the real egov-desk process from outside: a virtual X screen with a window manager, the keyboard through
xdotool, and what a person sees (window titles, files, the workspace read by egov-desk-cli afterwards).

Nothing here imports Qt or the app: the app runs as its installed entry point in a process of its own."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

BIN = Path(sys.executable).parent
APP = BIN / "egov-desk"
CLI = BIN / "egov-desk-cli"
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop", "import")
CRASH_SIGNALS = {
    -signal.SIGSEGV: "SIGSEGV",
    -signal.SIGABRT: "SIGABRT",
    -signal.SIGBUS: "SIGBUS",
    -signal.SIGILL: "SIGILL",
    -signal.SIGFPE: "SIGFPE",
}
IMPORT = "/usr/bin/import" if Path("/usr/bin/import").exists() else "import"  # /usr/local/bin may hold stand-ins
SETTLE = 0.3  # seconds after a window comes up before typing into it
MAIN_TITLE = r"egov-desk"  # the main window's title ends "… — egov-desk — 电子政务绩效考评"

T = TypeVar("T")


def missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    missing += [str(path) for path in (APP, CLI) if not path.exists()]
    return missing


class E2EFailure(AssertionError):
    pass


def wait_until(check: Callable[[], T], timeout: float = 10.0, interval: float = 0.1, what: str = "the condition") -> T:
    """Poll `check` until it returns something truthy; fail after `timeout` seconds naming `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise E2EFailure(f"timed out after {timeout:.0f} s waiting for {what} (last value {value!r})")
        time.sleep(interval)


def describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code in CRASH_SIGNALS:
        return f"CRASHED with {CRASH_SIGNALS[code]} (return code {code})"
    return f"exited with {code}"


# --- the virtual screen ---------------------------------------------------------------------------------------------


@dataclass
class Display:
    """An Xvfb screen of the given size with openbox managing its windows."""

    width: int
    height: int
    name: str = ""
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, log_dir: Path) -> Display:
        read_fd, write_fd = os.pipe()
        xvfb_log = (log_dir / f"xvfb-{self.width}x{self.height}.log").open("wb")
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),  # Xvfb picks a free display number and writes it here once it accepts clients
                "-screen",
                "0",
                f"{self.width}x{self.height}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=xvfb_log,
            stderr=subprocess.STDOUT,
        )
        xvfb_log.close()
        self.processes.append(xvfb)
        os.close(write_fd)
        number = b""
        with os.fdopen(read_fd, "rb") as pipe:
            deadline = time.monotonic() + 20
            while not number.endswith(b"\n") and time.monotonic() < deadline:
                chunk = pipe.read(1)
                if not chunk:
                    break
                number += chunk
        if not number.strip():
            self.stop()
            raise E2EFailure(f"Xvfb did not start ({describe_exit(xvfb.poll())}); see {log_dir}")
        self.name = f":{number.decode().strip()}"
        wm_log = (log_dir / f"openbox-{self.width}x{self.height}.log").open("wb")
        wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=self.env(),
            stdout=wm_log,
            stderr=subprocess.STDOUT,
        )
        wm_log.close()
        self.processes.append(wm)
        wait_until(self._wm_running, timeout=20, what=f"openbox on {self.name}")
        return self

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)
        env.pop("WAYLAND_DISPLAY", None)
        env["DISPLAY"] = self.name
        env.update(extra)
        return env

    def _wm_running(self) -> bool:
        result = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=self.env(), capture_output=True, text=True
        )
        return "window id" in result.stdout

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(list(args), env=self.env(), capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise E2EFailure(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.run(IMPORT, "-window", "root", str(path))
        return path

    def window_pixels(self, window_id: str) -> bytes:
        """The window's pixels, 8-bit RGB, row by row."""
        return subprocess.run(
            [IMPORT, "-window", window_id, "-depth", "8", "rgb:-"],
            env=self.env(),
            capture_output=True,
            timeout=30,
            check=True,
        ).stdout

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.processes.clear()


# --- the app --------------------------------------------------------------------------------------------------------


@dataclass
class Window:
    id: str
    title: str


class App:
    """One egov-desk process on a display, with an isolated home, driven by the keyboard."""

    def __init__(
        self, display: Display, home: Path, workspace: Path | None, log: Path, args: Sequence[str] = ()
    ) -> None:
        self.display = display
        self.home = home
        self.workspace = workspace
        self.log = log
        for folder in ("data", "config", "cache", "state", "runtime"):
            (home / folder).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        self.env = display.env(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),  # the app's own log and crash.log go under here
            XDG_RUNTIME_DIR=str(home / "runtime"),
            QT_QPA_PLATFORM="xcb",
            LANG="zh_CN.UTF-8",
            LANGUAGE="zh_CN:zh",
            NO_AT_BRIDGE="1",
        )
        self.env.pop("LC_ALL", None)
        with log.open("ab") as out:
            given = ["--workspace", str(workspace)] if workspace is not None else []  # None: this PC's usual one
            out.write(f"\n--- egov-desk {' '.join([*given, *args])} on {display.name}\n".encode())
            out.flush()
            self.process = subprocess.Popen(
                [str(APP), *given, *args],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.pid = self.process.pid
        self.expected_exit: set[int] = set()

    # --- life -------------------------------------------------------------------------------------------------------

    def alive(self) -> bool:
        return self.process.poll() is None

    def assert_alive(self, after: str = "") -> None:
        code = self.process.poll()
        if code is not None:
            raise E2EFailure(f"egov-desk {describe_exit(code)}{' — ' + after if after else ''}\n{self.log_tail()}")

    def app_log_problems(self) -> list[str]:
        """What the app's own logs say went wrong: uncaught exceptions (shown to the person in a dialog while the
        process lives on) and fault-handler stacks (crash.log, written on SIGSEGV/SIGABRT)."""
        problems = []
        for path in sorted((self.home / "state").rglob("*.log*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            crashed = path.name.startswith("crash") and text.strip()
            if crashed or " ERROR " in text or " CRITICAL " in text:
                problems.append(f"{path}:\n{text[-4000:]}")
        return problems

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(text[-lines:])

    def wait_exit(self, timeout: float = 20) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise E2EFailure(f"egov-desk did not exit within {timeout:.0f} s") from None

    def stop(self) -> int:
        """End the process if it still runs; return its exit code (a crash stays visible as -11, -6 …)."""
        code = self.process.poll()
        if code is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.expected_exit.add(self.process.returncode)
            code = self.process.returncode
        return code

    # --- windows ----------------------------------------------------------------------------------------------------

    def windows(self, pattern: str = ".") -> list[Window]:
        """The app's visible windows whose title matches the regular expression `pattern`."""
        # --all: xdotool search otherwise matches windows of this pid OR with this title
        out = self.display.run(
            "xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.pid), "--name", pattern, check=False
        )
        found = []
        for wid in out.split():
            title = self.display.run("xdotool", "getwindowname", wid, check=False).strip()
            if title:
                found.append(Window(wid, title))
        return found

    def titles(self) -> list[str]:
        return [w.title for w in self.windows()]

    def active_title(self) -> str:
        return self.display.run("xdotool", "getactivewindow", "getwindowname", check=False).strip()

    def wait_window(self, pattern: str = ".", timeout: float = 20, active: bool = True) -> Window:
        """Wait for a visible window of the app whose title matches `pattern`; with `active`, until it has the
        keyboard too (openbox gives it focus), so that keys pressed next go to it."""

        def found() -> Window | None:
            self.assert_alive(f"waiting for a window /{pattern}/")
            windows = self.windows(pattern)
            if not windows:
                return None
            if active:
                current = self.display.run("xdotool", "getactivewindow", check=False).strip()
                return next((w for w in windows if w.id == current), None)
            return windows[0]

        try:
            window = wait_until(found, timeout, interval=0.1, what=f"a window titled /{pattern}/")
        except E2EFailure as exc:
            raise E2EFailure(f"{exc}; the app shows {self.titles()!r}, active: {self.active_title()!r}") from None
        time.sleep(SETTLE)  # a window just activated may drop the first key until Qt has handled the activation
        return window

    def wait_main(self, timeout: float = 30) -> Window:
        return self.wait_window(MAIN_TITLE, timeout)

    def wait_gone(self, pattern: str, timeout: float = 10) -> None:
        wait_until(
            lambda: self.assert_alive(f"closing /{pattern}/") or not self.windows(pattern),
            timeout,
            what=f"the window /{pattern}/ to close (open: {self.titles()!r})",
        )

    def geometry(self, window: Window) -> tuple[int, int, int, int]:
        """x, y, width, height of the window's client area on the screen."""
        info = self.display.run("xwininfo", "-id", window.id)
        values = {}
        for line in info.splitlines():
            key, _, value = line.strip().partition(":")
            values[key] = value.strip()
        return (
            int(values["Absolute upper-left X"]),
            int(values["Absolute upper-left Y"]),
            int(values["Width"]),
            int(values["Height"]),
        )

    def pixels_below(self, window: Window, top: int) -> bytes:
        """The window's pixels below its first `top` rows (to leave out toolbars and blinking text cursors)."""
        width = self.geometry(window)[2]
        return self.display.window_pixels(window.id)[top * width * 3 :]

    # --- keyboard ---------------------------------------------------------------------------------------------------

    def key(self, *keys: str, pause: float = 0.15) -> None:
        """Press keys one after another as xdotool names them ("ctrl+f", "Return", "F2", "Tab")."""
        self.assert_alive(f"before pressing {' '.join(keys)}")
        self.display.run("xdotool", "key", "--delay", "60", *keys)
        time.sleep(pause)

    def type(self, text: str, pause: float = 0.2) -> None:
        """Type text. Characters outside the keymap (Chinese) are typed one by one, slowly: xdotool remaps a spare
        keycode for each, and at its default pace the X server drops some of them."""
        self.assert_alive(f"before typing {text!r}")
        if text.isascii():
            self.display.run("xdotool", "type", "--delay", "40", text)
        else:
            for char in text:
                self.display.run("xdotool", "type", "--delay", "150", char)
                time.sleep(0.05)
        time.sleep(pause)

    # --- what is on the screen --------------------------------------------------------------------------------------

    def screenshot(self, path: Path) -> Path:
        return self.display.screenshot(path)


# --- the workspace, read as the CLI sees it -------------------------------------------------------------------------


def cli(*args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(CLI), *args], capture_output=True, text=True, timeout=60, env=env)
    if check and result.returncode != 0:
        raise E2EFailure(f"egov-desk-cli {' '.join(args)} exited {result.returncode}: {result.stderr.strip()}")
    return result


def cli_json(*args: str) -> Any:
    return json.loads(cli(*args, "--json").stdout)


def scores(workspace: Path) -> dict[str, Any]:
    return cli_json("workspace", "score", "--workspace", str(workspace))


def item_score(workspace: Path, code: str) -> dict[str, Any]:
    return scores(workspace)["items"][code]


def evidence(workspace: Path) -> list[dict[str, Any]]:
    return cli_json("evidence", "list", "--workspace", str(workspace))["files"]


def assessment(workspace: Path) -> dict[str, Any]:
    return cli_json("assessment", "show", "--workspace", str(workspace))


_INPUTS = """
import json, sys
from egov_desk.core.workspace import Workspace
ws = Workspace.open(sys.argv[1], create=False)
try:
    print(json.dumps(ws.inputs(ws.default_assessment().id)))
finally:
    ws.close()
"""


def inputs(workspace: Path) -> dict[str, dict[str, Any]]:
    """Every item's saved input. egov-desk-cli has no command that prints inputs (`workspace score --json` gives
    scores only), so this reads them through the core API in a separate process, as the CLI would."""
    result = subprocess.run(
        [sys.executable, "-c", _INPUTS, str(workspace)], capture_output=True, text=True, timeout=60, check=False
    )
    if result.returncode != 0:
        raise E2EFailure(f"reading the inputs failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def init_workspace(folder: Path, unit: str = "测试局") -> Path:
    cli("workspace", "init", "--workspace", str(folder), "--unit", unit)
    return folder


def wait_for_file(path: Path, timeout: float = 30) -> Path:
    """A file that exists, is not empty and has stopped growing (exports are written under a temporary name and
    renamed, but be patient with any writer)."""
    sizes: list[int] = []

    def settled() -> bool:
        if not path.exists():
            return False
        sizes.append(path.stat().st_size)
        return len(sizes) >= 2 and sizes[-1] == sizes[-2] > 0

    wait_until(settled, timeout, interval=0.2, what=f"{path} to be written")
    return path


@contextlib.contextmanager
def step(name: str) -> Iterator[None]:
    """Name the step a person was at when something failed."""
    try:
        yield
    except E2EFailure as exc:
        raise E2EFailure(f"[{name}] {exc}") from None


# --- what a person does, as key presses that work today -------------------------------------------------------------


def find_item(app: App, code: str) -> None:
    """Select an item with the keyboard: Ctrl+F, its code, Enter (the first match is selected and the keyboard
    goes to the tree, so F2 next goes into its score editor)."""
    app.key("ctrl+f")
    app.key("ctrl+a")
    app.type(code)
    app.key("Return")


def save_as(app: App, title: str, path: Path) -> Path:
    """In the save dialog titled `title` (Qt's own, under Xvfb), type the full path over the proposed name, Enter;
    wait for the dialog to close and the file to be written."""
    app.wait_window(title)
    app.key("ctrl+a")
    app.type(str(path))
    app.key("Return")
    app.wait_gone(title)
    return wait_for_file(path)


_PDF = """
import sys
from PySide6.QtGui import QGuiApplication, QPageSize, QPainter, QPdfWriter
app = QGuiApplication(["pdf"])
writer = QPdfWriter(sys.argv[1])
writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
writer.setTitle("2019 work plan")
painter = QPainter(writer)
painter.drawText(200, 400, "2019 e-government work plan")
painter.end()
"""


def make_pdf(path: Path) -> Path:
    """A small valid PDF, written by Qt's QPdfWriter in a process of its own."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", _PDF, str(path)], env=env, check=True, timeout=60, capture_output=True)
    assert path.read_bytes().startswith(b"%PDF-")
    return path
