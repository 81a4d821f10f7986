"""A time and memory budget for every import, and ZIP reading that never decompresses past a limit.

An indicator table is a few hundred KB: the seed's 35 items are 88 KB of Word XML or 42 KB of sheet XML, and a
real table of a few thousand rows stays under about 15 MB. The limits below are several times that, so no real
table meets them, while a hostile file is refused long before it can take the machine:

========================  =========  ====================================================================
``IMPORT_SECONDS``        60 s       one import: reading, understanding and checking (the seed: 0.1 s)
``MAX_PART``              64 MB      what one part of the package (a sheet, document.xml, shared strings)
                                     really unpacks to; the ZIP's declared sizes are not trusted
``MAX_TOTAL``             160 MB     everything one import unpacks, all parts and all passes together
``MAX_ROWS``              5,000      rows of one sheet or table (``xlsx.MAX_ROWS``, ``docx.MAX_ROWS``)
``MAX_COLUMNS``           60         columns read of a sheet; cells beyond are not kept
========================  =========  ====================================================================

Every part of a .docx or .xlsx is read through :class:`CappedZip`, whose streams count the bytes the inflater
really produces and refuse (:class:`~.grid.ImportRefused` naming the file, the part and the limit) as soon as a
part or the import passes its limit — a ZIP bomb whose headers claim small sizes costs at most the limit. The
reading loops call :meth:`Budget.check`, which refuses once the deadline has passed (or the import was
cancelled). Refusals are worded in English and Chinese (:meth:`~.grid.ImportRefused.describe`).
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any, Literal, cast

from egov_desk.core.importers.grid import ImportRefused

IMPORT_SECONDS = 60.0
MAX_PART = 64 * 1024 * 1024
MAX_TOTAL = 160 * 1024 * 1024
CHUNK = 64 * 1024


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"


def _seconds(value: float) -> str:
    return f"{value:g}"


def part_too_large(file: str, part: str, limit: int) -> ImportRefused:
    return ImportRefused(
        f"{file}: {part} unpacks to more than {_mb(limit)}; an indicator table or score sheet is far smaller — "
        "refused (a ZIP bomb?)",
        f"{file}：其中的 {part} 解压后超过 {_mb(limit)}，指标表或自评得分表远没有这么大，已拒绝（可能是 ZIP 炸弹）",
        "part_too_large",
        {"file": file, "part": part, "limit": limit},
    )


def import_too_large(file: str, part: str, limit: int) -> ImportRefused:
    return ImportRefused(
        f"{file}: unpacks to more than {_mb(limit)} in all (stopped in {part}); an indicator table or score sheet "
        "is far smaller — refused (a ZIP bomb?)",
        f"{file}：解压后总量超过 {_mb(limit)}（读到 {part} 时停止），指标表或自评得分表远没有这么大，"
        "已拒绝（可能是 ZIP 炸弹）",
        "import_too_large",
        {"file": file, "part": part, "limit": limit},
    )


def too_slow(file: str, seconds: float) -> ImportRefused:
    return ImportRefused(
        f"{file}: reading took longer than {_seconds(seconds)} s; an indicator table reads in about a second — refused",
        f"{file}：读取超过 {_seconds(seconds)} 秒仍未完成，指标表通常一秒左右即可读完，已停止读取",
        "too_slow",
        {"file": file, "seconds": seconds},
    )


def cancelled(file: str) -> ImportRefused:
    return ImportRefused(f"{file}: reading was cancelled", f"{file}：已取消读取", "cancelled", {"file": file})


@dataclass
class Budget:
    """What one import may spend: a deadline (monotonic clock, from creation) and the bytes it may unpack.

    ``file`` is the name refusals show; ``is_cancelled`` lets a window's closing stop the reading.
    """

    file: str = ""
    seconds: float = IMPORT_SECONDS
    part_bytes: int = MAX_PART
    total_bytes: int = MAX_TOTAL
    is_cancelled: Callable[[], bool] | None = None
    unpacked: int = 0  # bytes unpacked so far, all parts
    started: float = field(default_factory=time.monotonic)

    def check(self) -> None:
        """Refuse when the deadline has passed or the import was cancelled."""
        if self.is_cancelled is not None and self.is_cancelled():
            raise cancelled(self.file)
        if time.monotonic() - self.started > self.seconds:
            raise too_slow(self.file, self.seconds)

    def spend(self, part: str, part_total: int, size: int) -> None:
        """Count ``size`` more bytes unpacked from ``part`` (now ``part_total`` in all); refuse past a limit."""
        self.unpacked += size
        if part_total > self.part_bytes:
            raise part_too_large(self.file, part, self.part_bytes)
        if self.unpacked > self.total_bytes:
            raise import_too_large(self.file, part, self.total_bytes)
        self.check()


class CappedPart(io.RawIOBase):
    """One part's bytes as the inflater really produces them, refused past the budget's limits.

    Reads are done in pieces of at most :data:`CHUNK` bytes, so a refusal comes before more than a piece beyond
    the limit is ever held; ``read()`` with no size returns the whole part only when it is within the limit.
    """

    def __init__(self, raw: IO[bytes], part: str, budget: Budget) -> None:
        super().__init__()
        self._raw = raw
        self._part = part
        self._budget = budget
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` a piece at a time (a short count only at the part's end), counting every piece."""
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view):
            data = self._raw.read(min(len(view) - filled, CHUNK))
            if not data:
                break
            self._read += len(data)
            self._budget.spend(self._part, self._read, len(data))
            view[filled : filled + len(data)] = data
            filled += len(data)
        return filled

    def readall(self) -> bytes:
        pieces = []
        while piece := self.read(CHUNK):
            pieces.append(piece)
        return b"".join(pieces)

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class CappedZip(zipfile.ZipFile):
    """A ZIP package whose every member is read through a :class:`CappedPart` of one :class:`Budget`.

    Hand it to a parser that reads members by ``open``/``read`` (openpyxl's reader, the package check): the
    parser never sees more than the budget allows, whatever the directory claims."""

    def __init__(self, file: Any, budget: Budget) -> None:
        super().__init__(file)
        self.budget = budget

    def open(
        self,
        name: str | zipfile.ZipInfo,
        mode: Literal["r", "w"] = "r",
        pwd: bytes | None = None,
        *,
        force_zip64: bool = False,
    ) -> IO[bytes]:
        if mode == "r":
            self.budget.check()
        raw = super().open(name, mode, pwd, force_zip64=force_zip64)
        if mode != "r":
            return raw
        part = name.filename if isinstance(name, zipfile.ZipInfo) else name
        # a raw stream is a binary IO at run time; typeshed does not count RawIOBase as IO[bytes]
        return cast(IO[bytes], CappedPart(raw, part, self.budget))
