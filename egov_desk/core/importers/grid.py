"""A table as a plain grid: every row the same length, merged cells resolved."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from egov_desk.core.errors import Refused


class ImportRefused(Refused, ValueError):
    """The file cannot be imported; the message says what is wrong with it, in one line.

    ``str(error)`` is English; ``describe("zh_CN")`` is the Chinese wording when the refusal has one (the UI
    is Chinese by default, the CLI follows ``cli_language()``). ``kind`` names the refusal for code and tests
    ("part_too_large", "too_slow", …; empty for older plain refusals) and ``values`` holds what it names."""

    def __init__(self, message: str, chinese: str = "", kind: str = "", values: dict[str, object] | None = None):
        super().__init__(message, chinese, kind, **dict(values or {}))

    def describe(self, language: str = "zh_CN") -> str:
        """The refusal in ``language`` ("zh…" → Chinese when there is a Chinese wording, else English)."""
        return self.chinese if language.lower().startswith("zh") and self.chinese else str(self)

    def renamed(self, shown: str, chinese: str) -> ImportRefused:
        """The same refusal with its texts replaced (e.g. the file name made printable), kind and values kept."""
        copy = type(self)(shown, chinese, self.kind, self.values)
        return copy


class Cell(NamedTuple):
    """One grid position. ``origin`` is the top-left position of the merged area it belongs to;
    a cell covered by a merge repeats the origin's text. (A named tuple: a long table makes tens of thousands.)"""

    text: str
    origin: tuple[int, int]

    def is_continuation(self, row: int, column: int) -> bool:
        return self.origin != (row, column)


@dataclass(frozen=True)
class SheetRead:
    """One sheet of a workbook as the reader saw it: how much it looks like an indicator table and why, so the
    person (``--list-sheets``, the wizard) sees why one was chosen and can pick another."""

    name: str
    rows: int  # rows with data (0 when it was set aside: too big, empty)
    score: float  # indicator-likeness: higher is more like an indicator table
    chosen: bool
    why: str  # Chinese, as the UI shows it
    why_english: str
    hidden: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "rows": self.rows,
            "score": round(self.score, 1),
            "chosen": self.chosen,
            "hidden": self.hidden,
            "why": self.why,
        }


@dataclass
class Grid:
    """Grid row ``r`` is shown to the person as row ``r + 1`` (:meth:`shown`): for a workbook that is the sheet's
    own row number, since the reader keeps the sheet's rows from its first; for Word, the grid's count."""

    rows: list[list[Cell]]
    labels: list[str]  # where each row came from, for findings: "表1 第3行", "Sheet1 第3行"
    title: str = ""  # text above the table (the document's title paragraph, a merged title row)
    source: str = ""  # "docx" / "xlsx"
    notes: list[str] = field(default_factory=list)  # what the reader had to decide (tables joined…)
    sheets: list[SheetRead] = field(default_factory=list)  # a workbook's sheets, the one read marked chosen

    @staticmethod
    def shown(row: int) -> int:
        """The number the person sees for grid row ``row`` (``--header-row``, ``--rows``, ``--show-rows``)."""
        return row + 1

    @staticmethod
    def row_of(number: int) -> int:
        """The grid row of a number the person gave."""
        return number - 1

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row]
        return cells[column].text if column < len(cells) else ""

    def row_texts(self, row: int) -> list[str]:
        return [cell.text for cell in self.rows[row]]


def squared(rows: list[list[Cell]], width: int) -> list[list[Cell]]:
    """Pad short rows with empty cells so every row has ``width`` cells."""
    out = []
    for number, row in enumerate(rows):
        padded = list(row) + [Cell("", (number, column)) for column in range(len(row), width)]
        out.append(padded[:width])
    return out
