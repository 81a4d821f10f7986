"""Start-up as measured from outside: with EGOV_DESK_STARTUP_REPORT set, the app prints one JSON line when the
window is first painted (with the modules imported by then) and one when the real window is ready for input. The
bench times these lines as they arrive; a test reads which modules the first paint needed. ``--smoke`` leaves once
the window is ready (:func:`when_ready`)."""

from __future__ import annotations

import json
import os
import sys
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
    sys.stdout.write(json.dumps({"event": event, **extra}) + "\n")
    sys.stdout.flush()


def first_paint() -> None:
    _say("first-paint", modules=sorted(sys.modules))


def ready() -> None:
    _say("first-paint", modules=sorted(sys.modules))  # no first screen: the real window is the first paint
    _say("ready")
    _ready.add("ready")
    while _when_ready:
        _when_ready.pop(0)()
