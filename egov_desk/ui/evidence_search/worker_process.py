"""The OCR worker as a separate process (``egov-desk-cli ocr --json-progress``): OpenCV's wheel carries its own Qt,
which must never load into the window's process. Its JSON lines arrive as signals on the UI thread; nothing here
waits for it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from egov_desk.core.evidence_text.worker import ocr_command
from egov_desk.core.server_login import password_in, without_password
from egov_desk.core.workspace import Workspace

STOP_WAIT_MS = 3000  # how long a worker asked to stop may finish its page before it is killed


@dataclass(frozen=True)
class Step:
    done: int
    total: int
    file: str
    page: int
    pages: int


@dataclass(frozen=True)
class Ended:
    done: int
    failed: int
    stopped: bool  # cancelled, or the window closed: what is committed stays, the rest waits for the next start
    error: str = ""  # the worker could not run or died; its last words


def location_of(workspace: Workspace) -> tuple[str, dict[str, str]]:
    """What ``--workspace`` names for the worker, and the environment it needs: a folder, or a server's URL
    without its password (a command line is visible to every user of the PC; the password goes in PGPASSWORD)."""
    if workspace.folder is not None:
        return str(workspace.folder), {}
    password = password_in(workspace.url)
    return without_password(workspace.url), ({"PGPASSWORD": password} if password else {})


class WorkerProcess(QObject):
    stepped = Signal(object)  # Step
    ended = Signal(object)  # Ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None
        self.buffer = b""
        self.last: Step | None = None
        self.result: Ended | None = None
        self.stopping = False
        self.errors = b""

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning

    def start(self, workspace: Workspace) -> None:
        location, extra = location_of(workspace)
        argv = ocr_command(location)
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        for name, value in extra.items():
            environment.insert(name, value)
        environment.insert("PYTHONIOENCODING", "utf-8")
        environment.insert("PYTHONUNBUFFERED", "1")  # each line as it is printed, not at the end
        environment.remove("QT_QPA_PLATFORM_PLUGIN_PATH")
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process, self.buffer, self.last, self.result, self.stopping, self.errors = (
            process,
            b"",
            None,
            None,
            False,
            b"",
        )
        process.start(argv[0], argv[1:])

    def stop(self, wait: bool = False) -> None:
        """Stop between pages (SIGTERM; what is committed stays), killed if it has not gone in a few seconds.
        ``wait`` (the window closes): return once it has gone; else at once, its end arriving as :attr:`ended`."""
        process = self.process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return
        self.stopping = True
        if os.name == "nt":  # a console program on Windows gets no WM_CLOSE: it is ended outright
            process.kill()
        else:
            process.terminate()
        if wait:
            if not process.waitForFinished(STOP_WAIT_MS):
                process.kill()
                process.waitForFinished(STOP_WAIT_MS)
        else:
            QTimer.singleShot(STOP_WAIT_MS, self, lambda: self._kill_if_running(process))

    def _kill_if_running(self, process: QProcess) -> None:
        if process is self.process and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()

    def _read(self) -> None:
        assert self.process is not None
        self.buffer += bytes(self.process.readAllStandardOutput().data())
        *lines, self.buffer = self.buffer.split(b"\n")
        for line in lines:
            self._heard(line)

    def _read_errors(self) -> None:
        assert self.process is not None
        self.errors = (self.errors + bytes(self.process.readAllStandardError().data()))[-4000:]

    def _heard(self, line: bytes) -> None:
        try:
            said = json.loads(line.decode("utf-8", "replace"))
        except ValueError:
            return  # not one of its progress lines
        if not isinstance(said, dict):
            return
        if said.get("finished"):
            self.result = Ended(int(said.get("done", 0)), int(said.get("failed", 0)), bool(said.get("stopped", False)))
            return
        if "done" in said and "total" in said:
            self.last = Step(
                int(said["done"]),
                int(said["total"]),
                str(said.get("file", "")),
                int(said.get("page", 0)),
                int(said.get("pages", 0)),
            )
            self.stepped.emit(self.last)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        if self.buffer.strip():
            self._heard(self.buffer)
            self.buffer = b""
        self.ended.emit(self._outcome(code, status))

    def _outcome(self, code: int, status: QProcess.ExitStatus) -> Ended:
        done = self.last.done if self.last else 0
        if self.result is not None:
            return Ended(self.result.done, self.result.failed, self.result.stopped or self.stopping)
        if self.stopping:
            return Ended(done, 0, True)
        words = self.errors.decode("utf-8", "replace").strip().splitlines()
        reason = words[-1] if words else f"exit code {code}" if status == QProcess.ExitStatus.NormalExit else "crashed"
        return Ended(done, 0, False, reason)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            self.ended.emit(Ended(0, 0, False, self.process.errorString()))
