"""A table as a plain grid: every row the same length, merged cells resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Cell:
    """One grid position. ``origin`` is the top-left position of the merged area it belongs to;
    a cell covered by a merge repeats the origin's text."""

    text: str
    origin: tuple[int, int]

    def is_continuation(self, row: int, column: int) -> bool:
        return self.origin != (row, column)


@dataclass
class Grid:
    rows: list[list[Cell]]
    labels: list[str]  # where each row came from, for findings: "表1 第3行", "Sheet1 第3行"
    title: str = ""  # text above the table (the document's title paragraph, a merged title row)
    source: str = ""  # "docx" / "xlsx"
    notes: list[str] = field(default_factory=list)  # what the reader had to decide (tables joined…)

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
