"""The evidence package (佐证材料包): one folder per item named ``编号 名称``, files ``编号-序号-原名``, an index
workbook and a ``SHA256SUMS`` manifest — for the whole unit or one department. Streams files from the vault
into the ZIP without loading them into memory; the ZIP appears under its name only when complete."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from egov_desk.core.evidence import FileInfo
from egov_desk.core.exports.files import atomic_folder, atomic_output, safe_name
from egov_desk.core.exports.text import printable
from egov_desk.core.exports.xlsx import BORDER, HEAD_FILL, lines_needed, put
from egov_desk.core.filetypes import LABELS

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.workspace import Workspace

Progress = Callable[[int, int, int, int], None]  # files done, files, bytes done, bytes
STATUS_NAMES = {"missing": "缺", "collected": "已收集", "checked": "已核验", "supplied": "外单位提供"}


class Cancelled(Exception):
    pass


@dataclass
class PackageEntry:
    code: str
    folder: str
    requirement: str
    status: str
    file: FileInfo | None = None
    name: str = ""  # the file's name inside the package


@dataclass
class PackageReport:
    path: Path
    files: int = 0
    bytes: int = 0
    entries: list[PackageEntry] = field(default_factory=list)


def item_folder(item: Item, alone: bool) -> str:
    """``编号 名称``: the level's name when the item is alone under it (as in the printed table), else the item's."""
    return safe_name(f"{item.code} {item.path[-1] if alone else item.title}")


def plan(workspace: Workspace, assessment_id: int, department: str | None = None) -> list[PackageEntry]:
    """What goes where: every requirement of every item (of the department, as lead or cooperating)."""
    system = workspace.system(workspace.assessment(assessment_id).system_id)
    evidence = workspace.evidence._by_item(assessment_id)
    entries: list[PackageEntry] = []
    for node in system.nodes():
        for item in node.items:
            if department and department != item.lead and department not in item.cooperating:
                continue
            folder = item_folder(item, len(node.items) == 1)
            states = evidence[item.code]
            groups = [(r.text, r.status, r.files) for r in states.requirements]
            if states.general:
                groups.append(("（综合材料）", "collected", states.general))
            number, seen = 0, set()
            for requirement, status, files in groups:
                if not files:
                    entries.append(PackageEntry(item.code, folder, requirement, status))
                for file in files:
                    if file.id in seen:  # one file under two requirements of the item is packed once
                        continue
                    seen.add(file.id)
                    number += 1
                    name = safe_name(f"{item.code}-{number:02d}-{file.name}", 120)
                    entries.append(PackageEntry(item.code, folder, requirement, status, file, f"{folder}/{name}"))
    return entries


INDEX_COLUMNS = [  # header, width (characters), what it holds
    ("编号", 7),
    ("材料要求", 34),
    ("文件（包内路径）", 38),
    ("原文件名", 26),
    ("类型", 9),
    ("大小（字节）", 12),
    ("材料日期", 11),
    ("SHA-256", 20),
    ("状态", 9),
]


def index_title(workspace: Workspace, assessment_id: int, department: str | None = None) -> str:
    assessment = workspace.assessment(assessment_id)
    return f"{assessment.unit}{assessment.year}年电子政务工作绩效考评佐证材料清单" + (
        f"（{department}）" if department else ""
    )


def _index(entries: list[PackageEntry], path: Path, title: str) -> None:
    """材料清单.xlsx: a title row, the header (frozen, repeated on every printed page), a row per file or missing
    material with wrapped text; landscape A4, fit to the page's width. Every text is written as text: a file name
    or a requirement starting with "=" is not a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "材料清单"
    count = len(INDEX_COLUMNS)
    put(sheet.cell(1, 1), title).font = Font(name="黑体", size=14, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=count)
    sheet.row_dimensions[1].height = 28
    for column, (header, width) in enumerate(INDEX_COLUMNS, start=1):
        cell = put(sheet.cell(2, column), header)
        cell.font = Font(name="黑体", size=10, bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[2].height = 20
    for row, entry in enumerate(entries, start=3):
        file = entry.file
        values = [
            entry.code,
            entry.requirement,
            entry.name,
            file.name if file else "",
            LABELS.get(file.kind, "") if file else "",
            file.size if file else None,
            file.evidence_date.isoformat() if file and file.evidence_date else "",
            file.sha256 if file else "",
            STATUS_NAMES.get(entry.status, entry.status),
        ]
        for column, value in enumerate(values, start=1):
            cell = put(sheet.cell(row, column), value)
            cell.border = BORDER
            cell.font = Font(name="仿宋", size=8 if column == 8 else 10)
            cell.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if column in (1, 5, 7, 9) else None
            )
        sheet.cell(row, 6).number_format = "#,##0"
        text_lines = max(
            lines_needed(value, width) for value, (_, width) in zip(values[:7], INDEX_COLUMNS, strict=False)
        )
        sheet.row_dimensions[row].height = max(14 * text_lines, 33 if file else 0) + 4  # the digest: 3 lines of 8 pt
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddHeader.right.text = printable(title)
    sheet.oddHeader.right.size = 8
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    workbook.save(str(path))


def export_package(
    workspace: Workspace,
    assessment_id: int,
    out: Path,
    department: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    as_folder: bool = False,
) -> PackageReport:
    """Write the package as a ZIP at ``out`` (or, with ``as_folder``, as a folder of that name)."""
    entries = plan(workspace, assessment_id, department)
    title = index_title(workspace, assessment_id, department)
    with_files = [e for e in entries if e.file is not None]
    total = sum(e.file.size for e in with_files if e.file)
    report = PackageReport(out, entries=entries)
    sums: list[str] = []

    def each_file() -> Iterator[tuple[PackageEntry, Path]]:
        for entry in with_files:
            assert entry.file is not None
            if cancelled and cancelled():
                raise Cancelled
            yield entry, workspace.evidence.vault.path_of(entry.file.sha256)
            sums.append(f"{entry.file.sha256}  {entry.name}")
            report.files += 1
            report.bytes += entry.file.size
            if progress:
                progress(report.files, len(with_files), report.bytes, total)

    if as_folder:
        with atomic_folder(out) as folder:
            for entry, source in each_file():
                target = folder / entry.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            _index(entries, folder / "材料清单.xlsx", title)
            (folder / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
        return report
    with atomic_output(out) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as package:
        for entry, source in each_file():
            package.write(source, entry.name)  # streams; non-ASCII names get the UTF-8 flag
        index = temporary.with_suffix(".index.xlsx")
        try:
            _index(entries, index, title)
            package.write(index, "材料清单.xlsx")
        finally:
            index.unlink(missing_ok=True)
        package.writestr("SHA256SUMS", "\n".join(sums) + "\n")
    return report
