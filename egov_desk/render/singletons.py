"""None and the two bools kept alive for the whole process, whatever PySide6 does to their reference counts.

PySide6 6.12 on CPython 3.11 gives up one reference to ``None`` at every call of a method that returns nothing
(``QPainter.save``, ``QLabel.setText``, ``setPen`` …) without ever having taken it, and at exit a bool has been
seen to go the same way. ``sys.getrefcount(None)`` falls by one per call; a long session, a binder of 300 scans or
a thousand thumbnails drains it to zero and the process aborts ("none_dealloc", "bool_dealloc") — in the middle of
someone's work, not only at exit. CPython 3.12 made these objects immortal (their count is never taken to zero);
on 3.11 we do the same once, as the very first thing a process that uses Qt does: their counts are raised by far
more than any session could drain (2**40 calls), so a dropped reference costs nothing. PySide6 6.11.3 does not
have the fault, but the app's tests pass on 6.12.0; when Python 3.12 is the floor this module goes.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_raised = False


def keep_singletons_alive() -> None:
    """Make None, True and False as good as immortal in this process (no-op on Python ≥ 3.12, and when done)."""
    global _raised
    if _raised or sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in CPython's release builds (Include/object.h).
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _raised = True
