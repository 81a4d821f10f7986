"""Start-up as measured from outside: with EGOV_DESK_STARTUP_REPORT set, the app prints one JSON line when the
window is first painted (with the modules imported by then) and one when the real window is ready for input. The
bench times these lines as they arrive; a test reads which modules the first paint needed."""

from __future__ import annotations

import json
import os
import sys

VARIABLE = "EGOV_DESK_STARTUP_REPORT"
_said: set[str] = set()


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
