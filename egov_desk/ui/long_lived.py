"""What a window is made of lives as long as the window: Python's cycle collector need not walk it again and again.

A pass of the collector over its oldest generation holds the GIL while it walks every object it tracks — about
130,000 once the main window is built: 66 ms on a quiet machine, 100–200 ms while the disk writes gigabytes back —
and every thread waits, the UI thread too. Whichever thread allocates sets a pass off: during a 1 GB attach it was
the worker's row for a file, and the window froze as long. So once the window is built, and again when it starts
a long job, what is alive then is moved out of the collector's sight (``gc.freeze``); its passes walk only what
was made since. Frozen objects are still freed as soon as nothing refers to them; only a reference cycle among
them waits until a window goes away, when everything is handed back to the collector (``gc.unfreeze``).
"""

from __future__ import annotations

import functools
import gc

from PySide6.QtCore import QObject, QTimer

_alive: set[int] = set()  # the windows settled and not destroyed yet, by id (a reference would keep them alive)


def settled(window: QObject) -> None:
    """Everything alive now is taken to live as long as ``window``: out of the collector's sight until a window
    is destroyed."""
    gc.freeze()
    key = id(window)
    if key not in _alive:
        _alive.add(key)
        window.destroyed.connect(functools.partial(_hand_back, key))


def _hand_back(key: int, *_destroyed: object) -> None:
    """A window is gone: what was frozen goes back to the collector, so the cycles it leaves are freed. A window
    still open (the one that replaced it, built before it went) is taken out of sight again on the next turn of
    the event loop, after one full pass has freed what the gone window left, else every pass would walk it all
    until its next job."""
    _alive.discard(key)
    gc.unfreeze()
    if _alive:
        QTimer.singleShot(0, _settle_again)


def _settle_again() -> None:
    """One full pass first (once per window gone: the gone window's cycles freed), then the rest out of sight."""
    if _alive:
        gc.collect()
        gc.freeze()
