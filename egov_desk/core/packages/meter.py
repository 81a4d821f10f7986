"""How far a piece of work with a package's bytes has come: reading it through, copying its evidence out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from egov_desk.core.errors import Cancelled


@dataclass
class Meter:
    """Bytes done so far of ``total``, told to ``progress``; ``cancelled`` is asked at each chunk (a cancel raises
    :class:`~egov_desk.core.errors.Cancelled`). One meter runs across every step of one piece of work: each step
    adds the bytes it will go through to ``total`` before it starts."""

    progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    total: int = 0
    done: int = 0

    def add(self, count: int) -> None:
        if self.cancelled and self.cancelled():
            raise Cancelled
        self.done += count
        if self.progress:
            self.progress(self.done, self.total)


class Metered:
    """A stream read through a meter (what is read out of it is counted; a cancel stops the reading)."""

    def __init__(self, stream: IO[bytes], meter: Meter) -> None:
        self._stream, self._meter = stream, meter

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self._meter.add(len(chunk))
        return chunk
