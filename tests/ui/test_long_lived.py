"""What the window is made of is out of the cycle collector's sight while the window lives (a pass over it all held
the GIL long enough to freeze the window during an attach), and nothing is lost for it: a reference cycle among
those objects is collected once the window goes."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from egov_desk.core.workspace import Workspace
from egov_desk.ui import long_lived
from egov_desk.ui.main_window import MainWindow


class Cycle:
    def __init__(self) -> None:
        self.me = self


def destroyed(qtbot, window: MainWindow) -> int:  # type: ignore[no-untyped-def]
    """Close and delete the window; returns how many objects were out of the collector's sight as it went."""
    frozen: list[int] = []
    window.destroyed.connect(lambda: frozen.append(gc.get_freeze_count()))  # after the window's own hand-back
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: bool(frozen), timeout=5000)
    return frozen[0]


def test_the_window_built_is_left_out_of_the_collectors_passes_until_it_goes(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    assert gc.get_freeze_count() > 0
    assert destroyed(qtbot, window) == 0


def test_a_reference_cycle_left_out_with_the_window_is_collected_once_the_window_goes(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    cycle = Cycle()
    garbage = weakref.ref(cycle)
    del cycle  # unreachable, but only a pass of the collector frees it
    long_lived.settled(window)  # as when the window starts a long job
    gc.collect()
    assert garbage() is not None  # left out of the passes with the window
    destroyed(qtbot, window)
    gc.collect()
    assert garbage() is None


def test_attaching_leaves_what_is_alive_out_of_the_collectors_passes_while_it_runs(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(workspace)
    window.select_item("004")
    made_since = [Cycle() for _ in range(1000)]  # what the person did with the window before the attach
    before = gc.get_freeze_count()
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(1024))
    job = window.evidence_actions.attach([scan], None)
    assert job is not None
    assert gc.get_freeze_count() >= before + len(made_since)
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    assert destroyed(qtbot, window) == 0


def test_a_window_that_replaced_another_is_left_out_again_once_the_other_is_gone(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    first = MainWindow(workspace)
    second = MainWindow(workspace)  # as File → Open builds the new window before the old one goes
    assert destroyed(qtbot, first) == 0  # the first one's cycles go back to the collector
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)  # and the second is out of its sight again
    assert destroyed(qtbot, second) == 0
