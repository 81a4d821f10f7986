"""Refuse files that are not what they claim before a parser touches them.

Word and Excel files are ZIP packages of XML. A renamed binary, a truncated download, a ZIP bomb or XML with a
DTD (the billion-laughs attack needs one) is refused here with one clear line; nothing is parsed further.
"""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from pathlib import Path
from typing import IO

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import Budget, CappedZip
from egov_desk.core.messages import os_reason_zh

MAX_UNPACKED = 300 * 1024 * 1024  # an indicator table is a few hundred KB; 300 MB unpacked is not one
MAX_RATIO = 200  # ordinary XML compresses 5–20×; a ZIP bomb, thousands of times
SMALL_PART = 64 * 1024  # parts up to this size are parsed whole by defusedxml; larger ones get the prolog check
CHUNK = 64 * 1024  # the prolog check reads a large part this much at a time
MAX_PROLOG = 4 * 1024 * 1024  # Word writes a 60-byte prolog; megabytes of comments before the root are not a table

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc/.xls/.wps (Office 97–2003)


class UnsafeFile(ImportRefused):
    """The file is not the package it claims to be, or is hostile."""


def _encoding(first: bytes) -> tuple[str | None, int]:
    """The codec the prolog is read with and the BOM length, from the first four bytes (XML 1.0, appendix F).

    Markup characters are plain ASCII bytes in UTF-8 and in every encoding a parser accepts besides UTF-16, so
    those are read byte for byte (latin-1); ``None`` means an encoding no Office file uses (UTF-32, EBCDIC).
    """
    if first.startswith(b"\xef\xbb\xbf"):
        return "latin-1", 3
    if first.startswith((b"\xff\xfe\0\0", b"\0\0\xfe\xff")):
        return None, 0
    if first.startswith(b"\xff\xfe"):
        return "utf-16-le", 2
    if first.startswith(b"\xfe\xff"):
        return "utf-16-be", 2
    if first.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC
        return None, 0
    if b"\0" in first:  # a BOM-less UTF-16 "<" (or "<?") is "<\0" / "\0<"; other NULs are UTF-32 or junk
        if len(first) >= 2 and first[0] and not first[1] and (len(first) < 4 or (first[2] and not first[3])):
            return "utf-16-le", 0
        if len(first) >= 2 and not first[0] and first[1] and (len(first) < 4 or (not first[2] and first[3])):
            return "utf-16-be", 0
        return None, 0
    return "latin-1", 0


_DECLARED = re.compile(r"""^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))


def _byte_for_byte(name: str) -> bool:
    """Whether ``name`` keeps ASCII as ASCII, so a byte scan sees the markup a parser will see (not UTF-7 or UTF-16)."""
    try:
        return _PRINTABLE_ASCII.decode(name) == _PRINTABLE_ASCII.decode("ascii")
    except (LookupError, UnicodeError, ValueError):
        return False


def prolog_problem(part: IO[bytes], chunk: int = CHUNK, limit: int = MAX_PROLOG) -> str | None:
    """Why the part's prolog is refused (one line, for after its name), or ``None`` when it declares no DTD.

    A DTD can only stand before the root element; the part is read in ``chunk``-sized pieces until the root
    element's "<", keeping at most a chunk and a few characters, so time and memory are bounded for any input.
    A prolog (comments, processing instructions, whitespace) still running after ``limit`` bytes is refused.
    """
    first = part.read(max(chunk, 4))  # the encoding is told by the first four bytes
    codec, bom = _encoding(first[:4])
    if codec is None:
        return "is in an encoding no Word or Excel file uses (UTF-32 or EBCDIC)"
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    read, ended = len(first), len(first) < max(chunk, 4)
    text = decoder.decode(first[bom:], final=ended)
    declared = _DECLARED.match(text)
    if declared and codec == "latin-1" and not _byte_for_byte(declared.group(1)):
        return f"declares the encoding {declared.group(1)!r}, which cannot be checked for a DTD"
    state = "between"  # or "comment" (until "-->") or "instruction" (until "?>")
    while True:
        if state == "comment":
            end = text.find("-->")
            if end < 0:
                text = text[-2:]  # "--" may end this piece and ">" begin the next
            else:
                text, state = text[end + 3 :], "between"
                continue
        elif state == "instruction":
            end = text.find("?>")
            if end < 0:
                text = text[-1:]
            else:
                text, state = text[end + 2 :], "between"
                continue
        else:
            start = text.find("<")
            if start < 0:
                text = ""
            else:
                text = text[start:]
                if len(text) >= 4 or ended:  # "<!--" takes four characters to tell from "<!DOCTYPE"
                    if text.startswith("<?"):
                        text, state = text[2:], "instruction"
                    elif text.startswith("<!--"):
                        text, state = text[4:], "comment"
                    elif text.startswith("<!"):  # <!DOCTYPE, <!ENTITY, or anything else that is not the root
                        return "declares a DTD"
                    else:  # the root element: the prolog is over
                        return None
                    continue
        if ended:
            return None  # no root element at all: the parser reports the damage
        if read >= limit and not (state == "between" and text):  # past the limit, unless a "<" awaits a look
            return f"has more than {limit // (1024 * 1024)} MB of comments and instructions before its first element"
        piece = part.read(chunk)
        read += len(piece)
        ended = len(piece) < chunk
        text += decoder.decode(piece, final=ended)


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "AEIOU" else f"a {kind}"


_KIND_ZH = {"Word": "Word 文档", "Excel": "Excel 工作簿"}


def _unsafe(english: str, chinese: str, kind: str, **values: object) -> UnsafeFile:
    return UnsafeFile(english, chinese, kind, values)


def _problem_zh(problem: str) -> str:
    """The prolog check's finding in Chinese."""
    if problem == "declares a DTD":
        return "声明了 DTD（文档类型定义，可被用来发动实体扩展攻击）"
    if problem.startswith("is in an encoding"):
        return "使用了 Word、Excel 文件不会使用的编码（UTF-32 或 EBCDIC）"
    if problem.startswith("declares the encoding"):
        return "声明的编码无法检查其中是否含有 DTD"
    return f"在第一个元素之前有超过 {MAX_PROLOG // (1024 * 1024)} MB 的注释和处理指令"


def check_package(path: Path, kind: str, budget: Budget | None = None) -> None:
    """Raise :class:`UnsafeFile` unless ``path`` is a sane OOXML package (``kind``: "Word" or "Excel").

    Parts are read through ``budget``'s caps (see :mod:`.limits`): the declared sizes are checked first, for a
    quick refusal of an honest bomb, but what is really unpacked is counted too."""
    name = path.name
    budget = budget or Budget(file=name)
    what = _KIND_ZH.get(kind, kind)
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        reason = os_reason_zh(exc)
        raise _unsafe(
            f"{name}: cannot be read ({exc.strerror})", f"{name}：无法读取（{reason}）", "unreadable", file=name
        ) from None
    if head.startswith(OLE_MAGIC):
        extension = ".docx" if kind == "Word" else ".xlsx"
        raise _unsafe(
            f"{name}: an old-format (97–2003) file; open it in {kind}/WPS and save it as {extension} first",
            f"{name}：这是旧格式（97–2003）文件，请先用 {kind} 或 WPS 打开并另存为 {extension}",
            "old_format",
            file=name,
        )
    if not head.startswith(b"PK"):
        raise _unsafe(
            f"{name}: not {_a(kind)} file (its content is not a ZIP package)",
            f"{name}：不是 {what}（文件内容不是 ZIP 包）",
            "not_a_package",
            file=name,
        )
    try:
        with CappedZip(path, budget) as package:
            members = package.infolist()
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
                size, ratio = unpacked // (1024 * 1024), unpacked // packed
                raise _unsafe(
                    f"{name}: unpacks to {size} MB ({ratio}× its size) — not an indicator table or score sheet "
                    "(a ZIP bomb?)",
                    f"{name}：解压后有 {size} MB（是文件大小的 {ratio} 倍），不是指标表或自评得分表（可能是 ZIP 炸弹）",
                    "zip_bomb",
                    file=name,
                    size=unpacked,
                    ratio=ratio,
                )
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                raise _unsafe(
                    f"{name}: a ZIP file, but not {_a(kind)} document",
                    f"{name}：是 ZIP 文件，但不是 {what}",
                    "not_a_document",
                    file=name,
                )
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                with package.open(member) as part:
                    if member.file_size <= SMALL_PART:
                        SafeET.fromstring(part.read(), forbid_dtd=True)
                    elif problem := prolog_problem(part):
                        raise _unsafe(
                            f"{name}: {member.filename} {problem}; refused",
                            f"{name}：其中的 {member.filename} {_problem_zh(problem)}，已拒绝",
                            "unsafe_prolog",
                            file=name,
                            part=member.filename,
                        )
    except ImportRefused:
        raise
    except DefusedXmlException as exc:
        raise _unsafe(
            f"{name}: unsafe XML inside the file ({type(exc).__name__}); refused",
            f"{name}：文件中含有不安全的 XML（{type(exc).__name__}），已拒绝",
            "unsafe_xml",
            file=name,
        ) from None
    except SafeET.ParseError as exc:
        raise _unsafe(
            f"{name}: damaged XML inside the file ({exc})",
            f"{name}：文件中的 XML 已损坏（{exc}）",
            "damaged",
            file=name,
        ) from None
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError, zlib.error) as exc:
        raise _unsafe(
            f"{name}: the file is damaged or incomplete ({exc})",
            f"{name}：文件已损坏或不完整（{exc}）",
            "damaged",
            file=name,
        ) from None
