"""A hostile-import corpus, generated at test time: files that are not what they claim, bombs, tricks and text
that must arrive as text. Small on disk (the largest is a few MB) and written in a few seconds.

Each entry names what a correct importer does with it: ``ok`` (imported, hostile text kept as text), ``refused``
(one clean line, exit 2) or ``either`` (both are right; a crash, hang or blow-up never is).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from tests.conftest import SEED
from tests.core.importing.files import billion_laughs_docx, huge_sheet_xml, write_raw_xlsx

SEED_XLSX = SEED / "2019-indicators.xlsx"
SEED_DOCX = SEED / "2019-indicators.docx"

# Text that must come through an import as the same text: formulas, markup, template syntax, emoji.
FORMULAS = ('=HYPERLINK("http://evil.example/","点击")', "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)")
MARKUP = ("甲 & 乙 <b>粗</b> > 丙", "{{ 7*7 }} {% for x in y %} \"引号\" '单'", "{{ ''.__class__.__mro__ }}")
DOCX_MARKUP = '培训通知 & <b>{{ x }}</b> {% if %} =HYPERLINK("x")'
EMOJI = ("材料 😀 已收集 ✅", "𠀀𠀁 扩展汉字")


class Live(str):
    """A cell value written as a real formula (everything else is written as text)."""


@dataclass(frozen=True)
class Hostile:
    name: str  # a short id, also the test id
    expect: str  # "ok", "refused" or "either"
    build: Callable[[Path], Path]  # writes the file into the folder given, returns its path
    keeps: tuple[str, ...] = ()  # texts an ok import must carry through unchanged


# --- building blocks ---------------------------------------------------------------------------------


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return build


def _junk(size: int, seed: int, head: bytes = b"") -> bytes:
    return head + random.Random(seed).randbytes(size - len(head))


def _truncated(source: Path, name: str, keep: float) -> Callable[[Path], Path]:
    data = source.read_bytes()
    return _bytes(name, data[: int(len(data) * keep)])


def _seed_with_cells(name: str, cells: dict[tuple[int, int], object], sheets_before: int = 0) -> Callable[[Path], Path]:
    """The seed workbook with some cells replaced (row, column from 1); strings always stored as strings."""

    def build(folder: Path) -> Path:
        workbook = openpyxl.load_workbook(SEED_XLSX)
        sheet = workbook.active
        for (row, column), value in cells.items():
            cell = sheet.cell(row, column)
            cell.value = value
            if isinstance(value, str) and not isinstance(value, Live):
                cell.data_type = "s"
        for number in range(sheets_before):
            entry = workbook.create_sheet(f"填报{number + 1}", 0)
            entry["A1"] = "填报说明：请各科室在此填写"
            entry["A2"], entry["B2"] = "科室", "联系人"
            for row in range(3, 40):
                entry.cell(row, 1, f"科室{row}")
                entry.cell(row, 2, row * 3)
        path = folder / name
        workbook.save(path)
        return path

    return build


def _seed_docx_with(name: str, replace: dict[str, str]) -> Callable[[Path], Path]:
    """The seed document with some of its texts replaced inside word/document.xml (already XML-escaped)."""

    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                data = source.read(member)
                if member.filename == "word/document.xml":
                    text = data.decode("utf-8")
                    for old, new in replace.items():
                        assert old in text, old
                        text = text.replace(old, new, 1)
                    data = text.encode("utf-8")
                target.writestr(member, data)
        return path

    return build


def _seed_docx_part(name: str, document_xml: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                data = document_xml if member.filename == "word/document.xml" else source.read(member)
                target.writestr(member, data)
        return path

    return build


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def _raw_sheet(name: str, sheet_xml: str | Callable[[], str]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        return write_raw_xlsx(folder / name, sheet_xml() if callable(sheet_xml) else sheet_xml)

    return build


def _table_sheet_xml(names: list[str]) -> str:
    """A small indicator table as raw sheet XML, item names as given (Excel's _xHHHH_ escapes allowed)."""
    rows = [["一级指标", "分值", "评分细则", "编号"]]
    rows += [
        [f"{name}（{100 // len(names)}）", str(100 // len(names)), "取考核结果", f"{n + 1:03}"]
        for n, name in enumerate(names)
    ]
    xml = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{chr(65 + c)}{r}" t="inlineStr"><is><t xml:space="preserve">{_escape(text)}</t></is></c>'
            for c, text in enumerate(row)
        )
        xml.append(f'<row r="{r}">{cells}</row>')
    return SHEET_HEAD + "".join(xml) + SHEET_TAIL


def _zip_bomb(name: str, size: int, lie: bool) -> Callable[[Path], Path]:
    """A workbook whose sheet unpacks to ``size`` bytes of zeros; with ``lie`` its headers claim 1 KB."""

    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
            write_raw_xlsx(folder / f".{name}.base", SHEET_HEAD + SHEET_TAIL)
            with zipfile.ZipFile(folder / f".{name}.base") as base:
                for member in base.infolist():
                    if member.filename != "xl/worksheets/sheet1.xml":
                        package.writestr(member.filename, base.read(member))
            with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
                sheet.write(SHEET_HEAD.encode())
                blank = b" " * (1024 * 1024)
                for _ in range(size // len(blank)):
                    sheet.write(blank)
                sheet.write(SHEET_TAIL.encode())
        (folder / f".{name}.base").unlink()
        if lie:
            _claim_size(path, "xl/worksheets/sheet1.xml", 1024)
        return path

    return build


def _claim_size(path: Path, member: str, claimed: int) -> None:
    """Rewrite the uncompressed size of ``member`` in its local header and central directory entry."""
    data = bytearray(path.read_bytes())
    encoded = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            length = struct.unpack_from("<H", data, start + name_at - (4 if signature == b"PK\x03\x04" else 18))[0]
            if data[start + name_at : start + name_at + length] == encoded:
                struct.pack_into("<I", data, start + size_at, claimed)
            start += 4
    path.write_bytes(bytes(data))


def _many_entries(name: str, count: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(SEED_XLSX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                target.writestr(member, source.read(member))
            for number in range(count):
                target.writestr(f"customXml/item{number}.xml", "<a/>")
        return path

    return build


def _traversal(name: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(SEED_XLSX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                target.writestr(member, source.read(member))
            target.writestr("../../../../tmp/egov-desk-escaped.txt", "outside")
            target.writestr("/etc/egov-desk-absolute.txt", "outside")
        return path

    return build


def _many_sheets(name: str, count: int) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        workbook = openpyxl.load_workbook(SEED_XLSX)
        for number in range(count):
            workbook.create_sheet(f"附表{number}")[f"A{number % 50 + 1}"] = number
        path = folder / name
        workbook.save(path)
        return path

    return build


def _table_beside_huge_sheet(name: str, rows: int) -> Callable[[Path], Path]:
    """The seed table first, then a sheet of ``rows`` rows (the importer must not load it whole)."""

    def build(folder: Path) -> Path:
        path = folder / name
        huge = huge_sheet_xml(rows).encode()
        buffer = io.BytesIO()
        workbook = openpyxl.load_workbook(SEED_XLSX)
        workbook.create_sheet("明细")["A1"] = "placeholder"
        workbook.save(buffer)
        with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for member in source.infolist():
                data = huge if member.filename == "xl/worksheets/sheet2.xml" else source.read(member)
                target.writestr(member.filename, data)
        return path

    return build


def _deep_xml(depth: int) -> str:
    """Elements nested ``depth`` deep; random attribute values keep it from compressing like a ZIP bomb, so it
    reaches the parser instead of the ratio check."""
    chance = random.Random(depth)
    return (
        SHEET_HEAD
        + '<row r="1" xmlns:x="urn:egov-desk:deep">'
        + "".join(f'<x:d a="{chance.randbytes(6).hex()}">' for _ in range(depth))
        + "</x:d>" * depth
        + ('<c r="A1" t="inlineStr"><is><t>深</t></is></c></row>' + SHEET_TAIL)
    )


def _gbk_name(folder: Path) -> Path:
    """A good workbook whose file name is GBK bytes (a USB stick from a Windows PC), not UTF-8."""
    name = os.fsdecode("2020年指标".encode("gbk") + b".xlsx")
    path = folder / name
    path.write_bytes(SEED_XLSX.read_bytes())
    return path


def _directory(folder: Path) -> Path:
    path = folder / "folder.xlsx"
    path.mkdir()
    return path


def _deflate_stream_cut(folder: Path) -> Path:
    """A ZIP whose directory is intact but whose sheet's compressed bytes are garbage (a bad sector)."""
    path = folder / "bad-sector.xlsx"
    data = bytearray(SEED_XLSX.read_bytes())
    with zipfile.ZipFile(SEED_XLSX) as source:
        info = source.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 40 : start + 400] = random.Random(7).randbytes(360)
    path.write_bytes(bytes(data))
    return path


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
UTF16_DTD = (
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
).encode("utf-16")
LONG_COMMENT_DTD = (
    b'<?xml version="1.0"?><!--' + b"x" * (70 * 1024) + b'--><!DOCTYPE a [<!ENTITY a "a">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
)


def _laughs_xlsx() -> str:
    entities = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
    )


def _ooxml_named_wrong(folder: Path) -> Path:
    path = folder / "really-a-workbook.docx"
    path.write_bytes(SEED_XLSX.read_bytes())
    return path


def _laughs_docx(folder: Path) -> Path:
    return billion_laughs_docx(folder / "laughs.docx", SEED_DOCX)


# Rows and columns of the seed workbook: row 4 is item 001, column 5 its rule, column 7 its evidence.
_RULE, _EVIDENCE, _LEAD = 5, 7, 8

CORPUS: tuple[Hostile, ...] = (
    Hostile("empty-xlsx", "refused", _bytes("empty.xlsx", b"")),
    Hostile("empty-docx", "refused", _bytes("empty.docx", b"")),
    Hostile("junk-xlsx", "refused", _bytes("junk.xlsx", _junk(8192, 1))),
    Hostile("junk-docx", "refused", _bytes("junk.docx", _junk(8192, 2))),
    Hostile("pk-junk-xlsx", "refused", _bytes("pk-junk.xlsx", _junk(8192, 3, b"PK\x03\x04"))),
    Hostile("png-named-docx", "refused", _bytes("picture.docx", b"\x89PNG\r\n\x1a\n" + _junk(2048, 4))),
    Hostile("ole-doc-named-docx", "refused", _bytes("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))),
    Hostile("text-named-xlsx", "refused", _bytes("notes.xlsx", "一级指标,分值\n发展环境,14\n".encode())),
    Hostile("csv-extension", "refused", _bytes("table.csv", "一级指标,分值\n".encode())),
    Hostile("no-such-file", "refused", lambda folder: folder / "missing.xlsx"),
    Hostile("directory-named-xlsx", "refused", _directory),
    Hostile("truncated-docx-half", "refused", _truncated(SEED_DOCX, "half.docx", 0.5)),
    Hostile("truncated-xlsx-half", "refused", _truncated(SEED_XLSX, "half.xlsx", 0.5)),
    Hostile("truncated-xlsx-tail", "refused", _truncated(SEED_XLSX, "tail-cut.xlsx", 0.98)),
    Hostile("bad-sector-xlsx", "refused", _deflate_stream_cut),
    Hostile("zip-not-office", "refused", lambda f: _zip_of(f / "photos.xlsx", {"photo.txt": b"not a workbook"})),
    Hostile("workbook-named-docx", "refused", _ooxml_named_wrong),
    Hostile("zip-bomb-true-headers", "refused", _zip_bomb("bomb-true.xlsx", 100 * 1024 * 1024, lie=False)),
    Hostile("zip-bomb-false-headers", "refused", _zip_bomb("bomb-false.xlsx", 100 * 1024 * 1024, lie=True)),
    Hostile("zip-5000-entries", "either", _many_entries("entries.xlsx", 5000)),
    Hostile("zip-path-traversal", "either", _traversal("traversal.xlsx")),
    Hostile("billion-laughs-docx", "refused", _laughs_docx),
    Hostile("billion-laughs-xlsx", "refused", _raw_sheet("laughs.xlsx", _laughs_xlsx)),
    Hostile("external-entity-docx", "refused", _seed_docx_part("xxe.docx", XXE)),
    Hostile("utf16-dtd-docx", "refused", _seed_docx_part("utf16.docx", UTF16_DTD)),
    Hostile("dtd-behind-long-comment", "refused", _seed_docx_part("comment-dtd.docx", LONG_COMMENT_DTD)),
    Hostile("deep-xml-100k", "either", _raw_sheet("deep.xlsx", lambda: _deep_xml(100_000))),
    Hostile("huge-sheet-200k-rows", "refused", _raw_sheet("huge.xlsx", lambda: huge_sheet_xml(200_000))),
    Hostile("huge-cell-8mb", "either", _seed_with_cells("big-cell.xlsx", {(4, _EVIDENCE): "材" * (4 * 1024 * 1024)})),
    Hostile("table-beside-huge-sheet", "either", _table_beside_huge_sheet("two-sheets.xlsx", 100_000)),
    Hostile("many-sheets-300", "either", _many_sheets("many-sheets.xlsx", 300)),
    Hostile("data-entry-sheet-first", "ok", _seed_with_cells("entry-first.xlsx", {}, sheets_before=1)),
    Hostile("gbk-file-name", "ok", _gbk_name),
    Hostile(
        "formula-text-xlsx",
        "ok",
        _seed_with_cells("formulas.xlsx", {(4 + n, _EVIDENCE): text for n, text in enumerate(FORMULAS)}),
        FORMULAS,
    ),
    Hostile(
        "live-formula-cells",
        "either",
        _seed_with_cells("live.xlsx", {(4, _EVIDENCE): Live('=HYPERLINK("http://evil.example/","x")')}),
    ),
    Hostile(
        "markup-text-xlsx",
        "ok",
        _seed_with_cells("markup.xlsx", {(4 + n, _EVIDENCE): text for n, text in enumerate(MARKUP)}),
        MARKUP,
    ),
    Hostile(
        "emoji-xlsx",
        "ok",
        _seed_with_cells("emoji.xlsx", {(4 + n, _EVIDENCE): text for n, text in enumerate(EMOJI)}),
        EMOJI,
    ),
    Hostile(
        "control-chars-xlsx", "either", _raw_sheet("control.xlsx", _table_sheet_xml(["甲_x0001_乙", "丙_x001B_丁"]))
    ),
    Hostile(
        "markup-text-docx",
        "ok",
        _seed_docx_with("markup.docx", {"参加有关业务培训的文件通知等佐证材料。<": _escape(DOCX_MARKUP) + "<"}),
        (DOCX_MARKUP,),
    ),
    Hostile(
        "emoji-docx",
        "ok",
        _seed_docx_with("emoji.docx", {"参加有关业务培训的文件通知等佐证材料。<": EMOJI[0] + "<"}),
        EMOJI[:1],
    ),
)


def _zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def build_corpus(folder: Path) -> dict[str, Path]:
    """Write every file of the corpus into ``folder`` (each in its own sub-folder, so names never clash)."""
    paths = {}
    for hostile in CORPUS:
        home = folder / hostile.name
        home.mkdir(parents=True)
        paths[hostile.name] = hostile.build(home)
    return paths
