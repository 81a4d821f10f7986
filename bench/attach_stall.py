"""Where the UI thread stalls while attaching in the background: the bench's 5 ms timer, with the times of its ticks,
and a sampler thread recording every Python thread's stack every 2 ms; prints what each thread was doing inside the
longest gaps.

python -m bench.attach_stall [N] [--at-once]
    N: attach the same gigabyte N times first, as the full bench run does (the kernel is still writing those back
       when the measured attach runs)
    --at-once: attach as soon as the window is shown, as the bench does (its first paint then falls in the ticks)
"""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import sys
import tempfile
import threading
import time
import types
from pathlib import Path

from bench.figures import MB

Samples = list[tuple[float, dict[int, list[tuple[str, int, str]]]]]
Collections = list[tuple[float, float, int, int]]  # start, end, generation, thread: the cycle collector's passes


def _watch_collections(passes: Collections) -> object:
    """Record each pass of Python's cycle collector: it holds the GIL throughout, so a long one stalls every thread."""
    began: dict[int, float] = {}

    def seen(phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            began[thread] = time.perf_counter()
        elif thread in began:
            passes.append((began.pop(thread), time.perf_counter(), info["generation"], thread))

    gc.callbacks.append(seen)
    return seen


def _sample(samples: Samples, stop: threading.Event) -> None:
    """Every 2 ms, each thread's stack as (file, line, function), newest first: only read here (it holds the GIL,
    which the UI thread may be waiting for), made into text after the run."""
    me = threading.get_ident()
    while not stop.is_set():
        now = time.perf_counter()
        stacks = {}
        for thread, frame in sys._current_frames().items():
            if thread != me:
                frames: list[tuple[str, int, str]] = []
                at: types.FrameType | None = frame
                while at is not None:
                    frames.append((at.f_code.co_filename, at.f_lineno, at.f_code.co_name))
                    at = at.f_back
                stacks[thread] = frames
        samples.append((now, stacks))
        time.sleep(0.002)


def _said(frames: list[tuple[str, int, str]]) -> list[str]:
    """The app's own frames, outermost first (at most 7), and the innermost frame."""
    ours = [f"{Path(file).name}:{line} {name}" for file, line, name in reversed(frames) if "egov_desk" in file]
    file, line, _name = frames[0]
    return [*ours[:7], f"{Path(file).name}:{line}"]


def settle(app: object, seconds: float = 0.5) -> None:
    """Let the window paint and settle before the attach: its first paint is not a stall of the attach's."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)


def probe(work: Path, earlier: int = 0, shown: int = 4, at_once: bool = False) -> None:
    from PySide6.QtCore import QTimer

    from bench.generate import scan_files
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.main_window import MainWindow

    scans = work / "scans"
    scan_files(scans, 1024 * MB)
    for run in range(earlier):
        with Workspace.open(work / f"earlier{run}") as workspace:
            workspace.evidence.attach(1, "035", [scans])
    app = create_app(["bench"], "zh_CN")
    workspace = Workspace.open(work / "stall")
    window = MainWindow(workspace)
    window.show()
    window.select_item("035")
    if not at_once:
        settle(app)
    ui, ticks, stop = threading.get_ident(), [], threading.Event()
    samples: Samples = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    threading.Thread(target=_sample, args=(samples, stop), daemon=True).start()
    passes: Collections = []
    watch = _watch_collections(passes)
    start = time.perf_counter()
    job = window.evidence_actions.attach([scans], None)
    assert job is not None
    while job.running:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    stop.set()
    gc.callbacks.remove(watch)
    gaps = sorted(((b - a, a, b) for a, b in itertools.pairwise(ticks[1:])), reverse=True)
    print(
        f"attach: {time.perf_counter() - start:.2f} s; longest gaps:",
        ", ".join(f"{g * 1000:.0f} ms" for g, *_ in gaps[:8]),
    )
    print(
        f"gaps over 20/35/50 ms: {sum(g > 0.02 for g, *_ in gaps)}/{sum(g > 0.035 for g, *_ in gaps)}/"
        f"{sum(g > 0.05 for g, *_ in gaps)}; the attach began at monotonic {start:.4f} (pid {os.getpid()})"
    )
    long = [p for p in passes if p[1] - p[0] > 0.005]
    print(
        f"cycle collector: {len(passes)} passes, {len(long)} over 5 ms:",
        ", ".join(
            f"gen {g} {(b - a) * 1000:.0f} ms at {a - start:.3f} s on the {'UI' if t == ui else 'worker'} thread"
            for a, b, g, t in long
        ),
        f"(tracked objects now: {len(gc.get_objects())})",
    )
    for gap, a, b in gaps[:shown]:
        print(f"=== {gap * 1000:.1f} ms from {a - start:.3f} s")
        for at, stacks in samples:
            if a <= at <= b:
                print(f"  +{(at - a) * 1000:.1f} ms")
                for thread, stack in stacks.items():
                    print(f"    {'UI' if thread == ui else 'worker'}: {' > '.join(_said(stack))}")
    window.close()
    workspace.close()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="egov-bench-stall-"))
    try:
        numbers = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
        probe(folder, numbers[0] if numbers else 0, at_once="--at-once" in sys.argv)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
