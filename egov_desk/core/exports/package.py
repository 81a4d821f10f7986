"""The evidence package (佐证材料包): one folder per item named ``编号 名称``, files ``编号-序号-原名``, an index
workbook and a ``SHA256SUMS`` manifest — for the whole unit or one department. Streams files from the vault
into the ZIP without loading them into memory; the ZIP appears under its name only when complete.

A stored file that is missing from the vault, or whose bytes no longer hash to its name (damaged), is not packed:
it is never passed off as evidence. Everything else is written; the index lists each such file (its row says
文件缺失/文件损坏, and a sheet 未打包文件 lists them all), ``SHA256SUMS`` lists only what the package holds, and
the report's :attr:`PackageReport.faults` names them (:func:`describe_faults` words them for a person)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from egov_desk.core.errors import Cancelled
from egov_desk.core.evidence import FileInfo
from egov_desk.core.evidence.filetypes import LABELS
from egov_desk.core.evidence.vault import CHUNK, start_writeback
from egov_desk.core.exports.files import atomic_folder, atomic_output, safe_name
from egov_desk.core.exports.text import printable
from egov_desk.core.exports.xlsx import BORDER, HEAD_FILL, first_sheet, header_part, lines_needed, put
from egov_desk.core.snapshot import frozen_line

if TYPE_CHECKING:
    from egov_desk.core.indicators import Item
    from egov_desk.core.workspace import Workspace

Progress = Callable[[int, int, int, int], None]  # files done, files, bytes done, bytes
STATUS_NAMES = {"missing": "缺", "collected": "已收集", "checked": "已核验", "supplied": "外单位提供"}
MISSING_FILE, DAMAGED_FILE = "missing", "damaged"  # why a stored file was not packed
FAULT_NAMES = {MISSING_FILE: "缺失", DAMAGED_FILE: "损坏"}
FAULTS_SHEET = "未打包文件"


@dataclass
class PackageEntry:
    code: str
    folder: str
    requirement: str
    status: str
    file: FileInfo | None = None
    name: str = ""  # the file's name inside the package ("" when it could not be packed)
    fault: str = ""  # MISSING_FILE or DAMAGED_FILE: the stored copy is not in the package


@dataclass
class PackageReport:
    path: Path
    files: int = 0
    bytes: int = 0
    entries: list[PackageEntry] = field(default_factory=list)

    @property
    def faults(self) -> list[PackageEntry]:
        """The files that could not be packed (missing from the vault or damaged), in package order."""
        return [entry for entry in self.entries if entry.fault]


def item_folder(item: Item, alone: bool) -> str:
    """``编号 名称``: the level's name when the item is alone under it (as in the printed table), else the item's."""
    return safe_name(f"{item.code} {item.path[-1] if alone else item.title}")


def plan(workspace: Workspace, assessment_id: int, department: str | None = None) -> list[PackageEntry]:
    """What goes where: every requirement of every item (of the department, as lead or cooperating)."""
    system = workspace.system_now(workspace.assessment(assessment_id).system_id)
    evidence = workspace.evidence.by_item(assessment_id)
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


def _header(sheet: Worksheet, title: str, columns: list[tuple[str, int]]) -> None:
    """A title row over the whole width and the header row (frozen, repeated on every printed page)."""
    count = len(columns)
    put(sheet.cell(1, 1), title).font = Font(name="黑体", size=14, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=count)
    sheet.row_dimensions[1].height = 28
    for column, (header, width) in enumerate(columns, start=1):
        cell = put(sheet.cell(2, column), header)
        cell.font = Font(name="黑体", size=10, bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[2].height = 20
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    header_part(sheet, "header.right").text = printable(title)
    header_part(sheet, "header.right").size = 8
    header_part(sheet, "footer.center").text = "第 &P 页 共 &N 页"


FAULT_COLUMNS = [("编号", 7), ("材料要求", 34), ("原文件名", 30), ("SHA-256", 20), ("问题", 8), ("处理办法", 40)]
FAULT_ADVICE = {
    MISSING_FILE: "佐证材料库中找不到该文件：请找到原文件重新添加，再导出",
    DAMAGED_FILE: "佐证材料库中的副本已损坏（内容与登记的 SHA-256 不符）：请重新添加原文件（即可修复），再导出",
}


def _faults_sheet(sheet: Worksheet, faults: list[PackageEntry], title: str) -> None:
    _header(sheet, f"{title}：未能打包的文件", FAULT_COLUMNS)
    for row, entry in enumerate(faults, start=3):
        assert entry.file is not None
        values = [
            entry.code,
            entry.requirement,
            entry.file.name,
            entry.file.sha256,
            FAULT_NAMES[entry.fault],
            FAULT_ADVICE[entry.fault],
        ]
        for column, value in enumerate(values, start=1):
            cell = put(sheet.cell(row, column), value)
            cell.border = BORDER
            cell.font = Font(name="仿宋", size=8 if column == 4 else 10, color="C00000" if column == 5 else None)
            cell.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if column in (1, 5) else None
            )
        text_lines = max(lines_needed(value, width) for value, (_, width) in zip(values, FAULT_COLUMNS, strict=True))
        sheet.row_dimensions[row].height = max(14 * text_lines, 33) + 4


def _index(entries: list[PackageEntry], title: str) -> bytes:
    """材料清单.xlsx: a title row, the header (frozen, repeated on every printed page), a row per file or missing
    material with wrapped text; landscape A4, fit to the page's width. A file that could not be packed keeps its
    row with 文件缺失/文件损坏 and no path, and is listed again on the sheet 未打包文件. Every text is written as
    text: a file name or a requirement starting with "=" is not a formula."""
    workbook = Workbook()
    sheet = first_sheet(workbook, "材料清单")
    _header(sheet, title, [(header, width) for header, width in INDEX_COLUMNS])
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
            f"文件{FAULT_NAMES[entry.fault]}" if entry.fault else STATUS_NAMES.get(entry.status, entry.status),
        ]
        for column, value in enumerate(values, start=1):
            cell = put(sheet.cell(row, column), value)
            cell.border = BORDER
            cell.font = Font(name="仿宋", size=8 if column == 8 else 10, color="C00000" if entry.fault else None)
            cell.alignment = Alignment(
                vertical="top", wrap_text=True, horizontal="center" if column in (1, 5, 7, 9) else None
            )
        sheet.cell(row, 6).number_format = "#,##0"
        text_lines = max(
            lines_needed(value, width) for value, (_, width) in zip(values[:7], INDEX_COLUMNS, strict=False)
        )
        sheet.row_dimensions[row].height = max(14 * text_lines, 33 if file else 0) + 4  # the digest: 3 lines of 8 pt
    faults = [entry for entry in entries if entry.fault]
    if faults:
        _faults_sheet(workbook.create_sheet(FAULTS_SHEET), faults, title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _take_back(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Remove the member just written (its stored copy turned out damaged): the archive ends again where the
    member began, and the central directory written at the close does not name it."""
    assert package.fp is not None
    package.filelist.remove(info)
    del package.NameToInfo[info.filename]
    package.fp.seek(info.header_offset)
    package.fp.truncate()
    package.start_dir = info.header_offset


def _take_back_file(target: Path) -> None:
    """Remove a file just written into a folder package (its stored copy turned out damaged), and its item's
    folder when nothing else is in it."""
    try:
        target.unlink(missing_ok=True)
    except PermissionError:  # Windows: a virus scanner still has the file just closed; a moment later it is free
        time.sleep(0.5)
        target.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        target.parent.rmdir()


def export_package(
    workspace: Workspace,
    assessment_id: int,
    out: Path,
    department: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    as_folder: bool = False,
) -> PackageReport:
    """Write the package as a ZIP at ``out`` (or, with ``as_folder``, as a folder of that name).

    Files missing from the vault or damaged there are left out and named in the report's ``faults`` (and the
    index); the rest is written. Temporary files of an export killed before to ``out`` are removed first."""
    entries = plan(workspace, assessment_id, department)
    title = index_title(workspace, assessment_id, department)
    with_files = [e for e in entries if e.file is not None]
    total = sum(e.file.size for e in with_files if e.file)
    report = PackageReport(out, entries=entries)
    sums: list[str] = []
    vault = workspace.evidence.vault
    buffer = bytearray(CHUNK)  # one buffer for every file: read into, hashed and written from
    view = memoryview(buffer)

    def pack(
        entry: PackageEntry,
        open_target: Callable[[], BinaryIO],
        take_back: Callable[[], None],
        written: Callable[[int], None] | None = None,
    ) -> None:
        """Stream the stored copy into the package while hashing it, in one read: bytes that do not hash to their
        name (damaged in the vault) are taken out of the package again and the entry says so."""
        assert entry.file is not None
        sha256 = entry.file.sha256
        try:
            reader = vault.path_of(sha256).open("rb", buffering=0)
        except FileNotFoundError:
            entry.fault, entry.name = MISSING_FILE, ""
            return
        except OSError:  # there but unreadable (a failing disk, a folder in its place): damaged, as bad bytes are
            entry.fault, entry.name = DAMAGED_FILE, ""
            return
        digest = hashlib.sha256()
        unreadable = False
        with reader, open_target() as writer:
            while True:
                try:
                    filled = reader.readinto(buffer)
                except OSError:  # the stored copy, not the package: what was written of it is taken back
                    unreadable = True
                    break
                if not filled:
                    break
                if cancelled and cancelled():
                    raise Cancelled
                piece = view[:filled]
                digest.update(piece)
                writer.write(piece)
                if written:
                    written(filled)
        if unreadable or digest.hexdigest() != sha256:
            take_back()
            entry.fault, entry.name = DAMAGED_FILE, ""
            return
        sums.append(f"{sha256}  {entry.name}")
        report.files += 1
        report.bytes += entry.file.size

    def each(write: Callable[[PackageEntry], None]) -> None:
        done = 0
        for number, entry in enumerate(with_files, start=1):
            assert entry.file is not None
            if cancelled and cancelled():
                raise Cancelled
            write(entry)
            done += entry.file.size
            if progress:
                progress(number, len(with_files), done, total)

    def manifest() -> str:
        """The files' SHA-256 lines; a final assessment's snapshot first, as a comment (sha256sum -c skips it)."""
        frozen = frozen_line(workspace.assessment(assessment_id))
        return "\n".join(([f"# {frozen}"] if frozen else []) + sums) + "\n"

    records = workspace.folder
    if as_folder:
        with atomic_folder(out, records) as folder:

            def to_folder(entry: PackageEntry) -> None:
                target = folder / entry.name

                def create() -> BinaryIO:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    return target.open("wb")

                pack(entry, create, lambda: _take_back_file(target))

            each(to_folder)
            (folder / "材料清单.xlsx").write_bytes(_index(entries, title))
            (folder / "SHA256SUMS").write_text(manifest(), encoding="utf-8")
        return report
    with atomic_output(out, records) as temporary, zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as package:

        def hand_to_disk(length: int) -> None:
            """Start writing the piece just written to the disk (as the vault's copies do): the fsync before the
            ZIP is renamed then waits for the last pieces only, not for the whole package."""
            assert package.fp is not None
            start_writeback(package.fp.fileno(), package.fp.tell() - length, length)

        def to_zip(entry: PackageEntry) -> None:
            assert entry.file is not None
            source, written = vault.path_of(entry.file.sha256), []

            def member() -> BinaryIO:
                info = zipfile.ZipInfo.from_file(source, entry.name)
                info.compress_type = zipfile.ZIP_STORED
                written.append(info)
                return package.open(info, "w")  # type: ignore[return-value]

            pack(entry, member, lambda: _take_back(package, written[0]), hand_to_disk)

        each(to_zip)
        package.writestr("材料清单.xlsx", _index(entries, title))
        package.writestr("SHA256SUMS", manifest())
    return report


def describe_faults(report: PackageReport, language: str = "zh_CN") -> str:
    """What a person needs to hear after an export that left files out: which ones (编号 and name), why, where
    they are listed, and what to do; "" when every file was packed. ``language``: "zh…" Chinese, else English."""
    faults = report.faults
    if not faults:
        return ""
    if language.lower().startswith("zh"):
        why = {MISSING_FILE: "佐证材料库中缺失", DAMAGED_FILE: "佐证材料库中的副本已损坏"}
        lines = [
            f"{report.path}：已写出，但有 {len(faults)} 个文件未能打包（材料清单的“{FAULTS_SHEET}”表列出了它们）："
        ]
        lines += [f"  {e.code} {e.file.name if e.file else ''}：{why[e.fault]}" for e in faults]
        lines.append("请找到这些文件的原件重新添加（再次添加同一文件即可修复损坏的副本），然后重新导出。")
        return "\n".join(lines)
    why = {MISSING_FILE: "missing from the vault", DAMAGED_FILE: "its stored copy is damaged"}
    lines = [
        f"{report.path}: written, but {len(faults)} file(s) could not be packed "
        f"(listed in the index's sheet {FAULTS_SHEET}):"
    ]
    lines += [f"  {e.code} {e.file.name if e.file else ''}: {why[e.fault]}" for e in faults]
    lines.append("Add the originals again (adding the same file repairs a damaged copy), then export again.")
    return "\n".join(lines)
