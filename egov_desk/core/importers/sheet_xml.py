"""A worksheet's ``<sheetData>`` read with expat: each row's cell values, as openpyxl's streaming reader gives them
with ``data_only=True``, at about a third of its cost.

openpyxl still opens the workbook (its sheets, shared strings, styles and date formats); only the walk over the
cells is ours, because openpyxl builds an ElementTree element and a dict per cell — the larger part of an
import's time on a long table. Values are made by openpyxl's own helpers (numbers, Excel dates, ISO dates), so a
cell reads the same either way (tests/core/importing/test_sheet_xml.py compares both on every kind of cell).
A DTD is refused (no entity expansion); only the first ``max_columns`` columns of a row are kept.
"""

from __future__ import annotations

import functools
import xml.parsers.expat
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any

from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601

CHUNK = 256 * 1024
_VALUE_TAGS = frozenset({"v", "t"})  # a cell's value; an inline string's text (in <is>, or its runs <r>)


@functools.lru_cache(maxsize=256)
def _local(name: str) -> str:
    """An element's name without its namespace ("{ns} c" → "c"); a sheet has a few dozen names, met 80,000 times."""
    return name.rpartition(" ")[2]


@functools.lru_cache(maxsize=4096)
def _column_of(letters: str) -> int:
    return coordinate_to_tuple(f"{letters}1")[1]


def _column(coordinate: str) -> int:
    """The column of a cell reference ("AB12" → 28), its letters read once per column."""
    return _column_of(coordinate.rstrip("0123456789"))


class SheetRows:
    """expat handlers collecting rows: (row number, {column: value}) in the order the sheet writes them."""

    def __init__(
        self,
        shared_strings: Sequence[Any],
        date_formats: frozenset[int] | set[int],
        timedelta_formats: frozenset[int] | set[int],
        epoch: Any,
        max_columns: int,
    ) -> None:
        self.shared_strings = shared_strings
        self.date_formats, self.timedelta_formats, self.epoch = date_formats, timedelta_formats, epoch
        self.max_columns = max_columns
        self.done: list[tuple[int, dict[int, Any]]] = []  # rows completed since the last take()
        self.merges: list[str] = []
        self.row_number = 0
        self.column = 0
        self.cells: dict[int, Any] = {}
        self.cell: tuple[int, str, int] | None = None  # column, type, style of the cell being read
        self.text: list[str] = []
        self.reading = False  # inside <v>, or a <t> of an inline string (not of its phonetic guide <rPh>)
        self.phonetic = 0
        self.in_sheet_data = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "c" and self.in_sheet_data:
            self._start_cell(attributes)
        elif tag in _VALUE_TAGS and self.cell is not None and not self.phonetic:
            self.reading = (tag == "t") == (self.cell[1] == "inlineStr")  # <v> holds a value, <t> inline text
        elif tag == "row" and self.in_sheet_data:
            self._start_row(attributes.get("r"))
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "sheetData":
            self.in_sheet_data = True
        elif tag == "mergeCell" and attributes.get("ref"):
            self.merges.append(attributes["ref"])

    def end(self, name: str) -> None:
        tag = _local(name)
        if tag in _VALUE_TAGS:
            self.reading = False
        elif tag == "c" and self.cell is not None:
            self._end_cell()
        elif tag == "row" and self.in_sheet_data:
            self.done.append((self.row_number, self.cells))
            self.cells = {}
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "sheetData":
            self.in_sheet_data = False

    def characters(self, data: str) -> None:
        if self.reading:
            self.text.append(data)

    def _start_row(self, number: str | None) -> None:
        if number is None:
            self.row_number += 1
        else:
            value = float(number)  # "3" or "3.0"; anything else is a damaged sheet (as openpyxl says)
            if not value.is_integer():
                raise ValueError(f"{number} is not a valid row number")
            self.row_number = int(value)
        self.column = 0
        self.cells = {}

    def _start_cell(self, attributes: dict[str, str]) -> None:
        coordinate = attributes.get("r")
        # the row is the <row>'s, as openpyxl reads it; a cell without a reference follows the one before
        column = _column(coordinate) if coordinate else self.column + 1
        self.column = column
        style = attributes.get("s")
        self.cell = (column, attributes.get("t", "n"), int(style) if style else 0)
        self.text = []

    def _end_cell(self) -> None:
        assert self.cell is not None
        column, kind, style = self.cell
        self.cell = None
        if not 1 <= column <= self.max_columns:
            return
        raw = "".join(self.text)
        if kind == "inlineStr":
            self.cells[column] = raw
            return
        if not raw:
            return
        self.cells[column] = self._value(raw, kind, style)

    def _value(self, raw: str, kind: str, style: int) -> Any:
        if kind == "n":
            number: int | float = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)  # as openpyxl
            if style in self.date_formats:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.timedelta_formats)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self.shared_strings[int(raw)]
        if kind == "b":
            return bool(int(raw))
        if kind == "d":
            return from_ISO8601(raw)  # type: ignore[no-untyped-call]  # openpyxl's stubs leave it untyped
        return raw  # "str" (a formula's text result), "e" (an error such as #N/A)

    def take(self) -> list[tuple[int, dict[int, Any]]]:
        done, self.done = self.done, []
        return done


def read_rows(
    source: IO[bytes], rows: SheetRows, refuse_dtd: Callable[..., None], check: Callable[[], None]
) -> Iterator[tuple[int, dict[int, Any]]]:
    """Stream ``source`` through ``rows``' handlers, yielding each row once it is complete; ``check`` runs after
    each piece read (the import's budget); a DTD calls ``refuse_dtd`` (which raises)."""
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = rows.start
    parser.EndElementHandler = rows.end
    parser.CharacterDataHandler = rows.characters
    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    while piece := source.read(CHUNK):
        parser.Parse(piece, False)
        check()
        yield from rows.take()
    parser.Parse(b"", True)
    yield from rows.take()
