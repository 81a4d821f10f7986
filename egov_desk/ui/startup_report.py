"""Start-up as measured from outside: with EGOV_DESK_STARTUP_REPORT set, the app prints one JSON line when the
window is first painted (with the modules imported by then, and whether PySide6's Qt namespace was built) and one
when the real window is ready for input. The bench times these lines as they arrive; a test reads which modules the
first paint needed. ``--smoke`` leaves once the window is ready (:func:`when_ready`)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

VARIABLE = "EGOV_DESK_STARTUP_REPORT"
_said: set[str] = set()
_ready: set[str] = set()
_when_ready: list[Callable[[], object]] = []


def when_ready(then: Callable[[], object]) -> None:
    """Call ``then`` once the window is ready for input (at once if it already is)."""
    if "ready" in _ready:
        then()
    else:
        _when_ready.append(then)


def _say(event: str, **extra: object) -> None:
    if not os.environ.get(VARIABLE) or event in _said:
        return
    _said.add(event)
    cpu = round(time.process_time() * 1000, 1)  # the process's CPU time so far: less moved by neighbours' load
    sys.stdout.write(json.dumps({"event": event, "cpu_ms": cpu, **extra}) + "\n")
    sys.stdout.flush()


def qt_namespace_built() -> bool:
    """Whether PySide6 has built its Qt namespace (all of its enums at once, at the first use of ``Qt``)."""
    core = sys.modules.get("PySide6.QtCore")
    return core is not None and "Qt" in vars(core)


def first_paint() -> None:
    _say("first-paint", modules=sorted(sys.modules), qt_namespace=qt_namespace_built())


def ready() -> None:
    _say(
        "first-paint", modules=sorted(sys.modules), qt_namespace=qt_namespace_built()
    )  # no first screen: the real window is the first paint
    _say("ready")
    _ready.add("ready")
    while _when_ready:
        _when_ready.pop(0)()
