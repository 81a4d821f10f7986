"""openpyxl's read-only reader, bent to the import's budget: parts through a :class:`~.limits.CappedZip`, no
size scan of a sheet before its rows, and no more than :data:`MAX_COLUMNS` cells of a row parsed.

Three things in openpyxl 3.1's streaming mode cost a hostile sheet's whole size however little of it is read:
a ``ReadOnlyWorksheet`` parses the whole sheet looking for a ``<dimension>`` the file may leave out; every cell
of a row is parsed (in Python) before the row is cut to the wanted columns; and its reader opens the package
itself. Each is replaced here, through openpyxl's own classes.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from openpyxl.reader.excel import ExcelReader
from openpyxl.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.importers.sheet_xml import SheetRows, read_rows

MAX_COLUMNS = 60


class Sheet(ReadOnlyWorksheet):
    """A streamed sheet that does not look for its size first (rows are counted as they stream)."""

    _worksheet_path: str  # the sheet's part in the package, set by ReadOnlyWorksheet
    hidden = False  # hidden or very hidden in the workbook: never read unless the person names it

    def _get_size(self) -> None:
        pass


def sheets_of(workbook: Workbook) -> list[Sheet]:
    """The sheets of a workbook from :func:`open_read_only` (each is a :class:`Sheet`)."""
    sheets: list[object] = list(workbook.worksheets)  # the stubs' worksheet type does not narrow to a subclass
    return [sheet for sheet in sheets if isinstance(sheet, Sheet)]


class _Reader(ExcelReader):
    """The read-only reader, keeping worksheets only (no chartsheets), each as a :class:`Sheet`."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                workbook: Any = self.wb  # its private list of sheets is left out of openpyxl's stubs
                read = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                read.hidden = sheet.state in ("hidden", "veryHidden")
                workbook._sheets.append(read)


def open_read_only(archive: CappedZip) -> Workbook:
    """The workbook in read-only mode, every part read through ``archive``'s caps."""
    assert archive.fp is not None  # the caller opened it and reads from it
    reader = _Reader(archive.fp, read_only=True, data_only=True, keep_links=False)
    reader.archive.close()
    reader.archive = archive  # openpyxl reads every part through its archive; the capped one is given
    reader.valid_files = archive.namelist()
    reader.read()
    return reader.wb


def stream_rows(
    sheet: Sheet, budget: Budget, merges: list[str] | None = None
) -> Generator[tuple[int, dict[int, Any]], None, None]:
    """(row number, {column: value}) for each row written in the sheet, columns 1..MAX_COLUMNS only; once every
    row is read, the sheet's merged ranges ("B2:B101") are put in ``merges`` (the same pass reads them)."""
    # openpyxl's private parts, which its stubs leave out: the workbook's strings, date styles and epoch
    private: Any = sheet
    workbook: Any = sheet.parent
    rows = SheetRows(
        private._shared_strings,
        workbook._date_formats,
        workbook._timedelta_formats,
        workbook.epoch,
        MAX_COLUMNS,
    )

    def refuse_dtd(*_args: object) -> None:
        raise ImportRefused(
            f"{budget.file}: {sheet.title} declares a DTD; refused",
            f"{budget.file}：工作表“{sheet.title}”声明了 DTD，已拒绝",
            "dtd",
            {"file": budget.file},
        )

    with private._get_source() as source:
        yield from read_rows(source, rows, refuse_dtd, budget.check)
    if merges is not None:
        merges.extend(rows.merges)
