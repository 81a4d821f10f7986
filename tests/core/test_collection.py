"""The cycle collector is paused for a bulk read and resumed once the last pause ends, as it was before."""

from __future__ import annotations

import gc
import threading

from egov_desk.core.collection import collection_paused


def test_pauses_nest_and_the_collector_comes_back_after_the_last() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_pause_on_another_thread_ending_first_does_not_resume_it_early() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collection_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with collection_paused():
        thread.start()
        inside.wait(5)
        leave.set()
        thread.join(5)
        assert not gc.isenabled()  # the other thread's pause ended; ours still holds
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
