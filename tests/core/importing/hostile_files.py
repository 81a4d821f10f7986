"""Hostile workbooks and documents, generated at test time and small on disk.

- :func:`false_size_bomb` — a workbook whose shared strings unpack to hundreds of MB while the ZIP directory claims
  a compressed size that makes the ratio look ordinary (the size headers lie);
- :func:`wide_sheet` — one sheet of about 31 MB: fewer rows than the row cap, but hundreds of columns each;
- :func:`good_and_huge` — the seed table's sheet plus a second sheet of a few hundred thousand rows;
- :func:`huge_document_docx` — a .docx whose word/document.xml holds one paragraph of many MB.
"""

from __future__ import annotations

import random
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from tests.core.importing.files import CONTENT_TYPES, ROOT_RELS, WORKBOOK, WORKBOOK_RELS

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN}"><sheetData>'
SHEET_TAIL = "</sheetData></worksheet>"


def _deflate_pieces(pieces: Iterator[bytes]) -> tuple[bytes, int, int]:
    """Raw deflate of the joined pieces, with their CRC-32 and length, without ever holding them joined."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    out, crc, size = [], 0, 0
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        out.append(compressor.compress(piece))
    out.append(compressor.flush())
    return b"".join(out), crc, size


def _raw_zip(path: Path, members: list[tuple[str, bytes, int, int, int]], declared_packed: dict[str, int]) -> Path:
    """A ZIP written byte by byte: (name, deflated data, crc, unpacked size, method) per member.

    ``declared_packed`` gives a member a false compressed size in the central directory (the local header keeps
    the true one, so the data is still found and inflates to its end)."""
    local, central = bytearray(), bytearray()
    for name, data, crc, size, method in members:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x5021, crc, len(data), size, len(encoded), 0
        )
        local += encoded + data
        packed = declared_packed.get(name, len(data))
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            0,
            method,
            0,
            0x5021,
            crc,
            packed,
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


def _member(name: str, text: str | bytes) -> tuple[str, bytes, int, int, int]:
    raw = text.encode() if isinstance(text, str) else text
    return _member_from([raw], name)


def _member_from(pieces: list[bytes] | Iterator[bytes], name: str) -> tuple[str, bytes, int, int, int]:
    data, crc, size = _deflate_pieces(iter(pieces))
    return name, data, crc, size, zipfile.ZIP_DEFLATED


def _workbook_members(sheet_xml: str, shared: tuple[str, bytes, int, int, int] | None = None) -> list:
    types = CONTENT_TYPES.replace("</Types>", SHARED_TYPE + "</Types>") if shared else CONTENT_TYPES
    members = [
        _member("[Content_Types].xml", types),
        _member("_rels/.rels", ROOT_RELS),
        _member("xl/workbook.xml", WORKBOOK),
        _member("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        _member("xl/worksheets/sheet1.xml", sheet_xml),
    ]
    if shared:
        members.append(shared)
    return members


def false_size_bomb(path: Path, unpacked_mb: int = 280) -> Path:
    """Shared strings of ``unpacked_mb`` MB (a few hundred KB deflated) whose directory entry claims a compressed
    size of 1/150 of that, so the declared ratio and total (under 300 MB) pass a check that trusts headers.

    The bomb comes first and stored filler follows it, so the bytes its false size covers exist in the file and
    Python's zipfile inflates it to its true end (about 2.2 MB on disk at the default)."""
    chunk = (b"<si><t>" + b"A" * 100 + b"</t></si>") * (1024 * 1024 // 116)
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN}">'.encode()

    def pieces() -> Iterator[bytes]:
        yield head
        for _ in range(unpacked_mb):
            yield chunk
        yield b"</sst>"

    shared = _member_from(pieces(), "xl/sharedStrings.xml")
    sheet = SHEET_HEAD + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL
    claimed = shared[3] // 150
    filler = bytes(claimed)
    members = [shared, *_workbook_members(sheet, shared)[:-1]]
    members.append(("xl/media/filler.bin", filler, zlib.crc32(filler), len(filler), zipfile.ZIP_STORED))
    return _raw_zip(path, members, {"xl/sharedStrings.xml": claimed})


def _random_rows(count: int, columns: int, seed: int) -> list[bytes]:
    """``count`` different rows of ``columns`` random numbers (rows and cells without positions, as Excel allows).

    Repeating a block of them larger than deflate's 32 KB window keeps the compression ratio that of real data,
    so the sheet passes a ratio check and must be dealt with by the reader."""
    chance = random.Random(seed)
    return [
        b"<row>" + b"".join(b"<c><v>%d</v></c>" % chance.randrange(10**8) for _ in range(columns)) + b"</row>"
        for _ in range(count)
    ]


def _rows(rows: int, columns: int, seed: int) -> Iterator[bytes]:
    block = _random_rows(100, columns, seed)
    for start in range(0, rows, len(block)):
        yield b"".join(block[: min(len(block), rows - start)])


def wide_sheet_pieces(rows: int = 2000, columns: int = 720) -> Iterator[bytes]:
    """A sheet of ``rows`` × ``columns`` numbers: under the row cap, about 31 MB of XML at the defaults."""
    yield SHEET_HEAD.encode()
    yield from _rows(rows, columns, 1)
    yield SHEET_TAIL.encode()


def wide_sheet(path: Path, rows: int = 2000, columns: int = 720) -> Path:
    members = _workbook_members(SHEET_HEAD + SHEET_TAIL)
    members[4] = _member_from(wide_sheet_pieces(rows, columns), "xl/worksheets/sheet1.xml")
    return _raw_zip(path, members, {})


def sheet_size(path: Path, name: str = "xl/worksheets/sheet1.xml") -> int:
    with zipfile.ZipFile(path) as package:
        return package.getinfo(name).file_size


def good_and_huge(path: Path, seed_xlsx: Path, rows: int = 300_000) -> Path:
    """The seed workbook with a second sheet "数据" of ``rows`` rows × 6 columns added after the indicator table."""
    with zipfile.ZipFile(seed_xlsx) as seed:
        parts = {info.filename: seed.read(info) for info in seed.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/worksheets/sheet_huge.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdHuge" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'worksheet" Target="worksheets/sheet_huge.xml"/></Relationships>',
    )
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>",
        '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" name="数据" '
        'sheetId="99" r:id="rIdHuge"/></sheets>'.encode(),
    )

    def huge() -> Iterator[bytes]:
        yield SHEET_HEAD.encode()
        yield from _rows(rows, 6, 2)
        yield SHEET_TAIL.encode()

    members = [_member(name, data) for name, data in parts.items()]
    members.append(_member_from(huge(), "xl/worksheets/sheet_huge.xml"))
    return _raw_zip(path, members, {})


def huge_document_docx(path: Path, seed_docx: Path, text_mb: int = 300) -> Path:
    """The seed document with one paragraph of ``text_mb`` MB of text put first in its body."""
    with zipfile.ZipFile(seed_docx) as seed:
        parts = {info.filename: seed.read(info) for info in seed.infolist()}
    document = parts.pop("word/document.xml")
    head, body = document.split(b"<w:body>", 1)
    line = "电子政务绩效考评佐证材料".encode() * 8000  # ~288 KB

    def pieces() -> Iterator[bytes]:
        yield head + b"<w:body><w:p><w:r><w:t>"
        for _ in range(text_mb * 1024 * 1024 // len(line)):
            yield line
        yield b"</w:t></w:r></w:p>" + body

    members = [_member(name, data) for name, data in parts.items()]
    members.append(_member_from(pieces(), "word/document.xml"))
    return _raw_zip(path, members, {})
