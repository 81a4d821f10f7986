"""Refuse files that are not what they claim before a parser touches them.

Word and Excel files are ZIP packages of XML. A renamed binary, a truncated download, a ZIP bomb or XML with a
DTD (the billion-laughs attack needs one) is refused here with one clear line; nothing is parsed further.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from egov_desk.core.importers.grid import ImportRefused

MAX_UNPACKED = 300 * 1024 * 1024  # an indicator table is a few hundred KB; 300 MB unpacked is not one
MAX_RATIO = 200  # ordinary XML compresses 5–20×; a ZIP bomb, thousands of times
SMALL_PART = 64 * 1024  # parts up to this size are parsed whole by defusedxml; larger ones get the prolog check
PROLOG_BYTES = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc/.xls/.wps (Office 97–2003)


class UnsafeFile(ImportRefused):
    """The file is not the package it claims to be, or is hostile."""


def _prolog_has_dtd(head: bytes) -> bool:
    """A DTD can only stand before the root element; look there, without parsing the whole part."""
    text = head.decode("utf-8", errors="replace")
    position = 0
    while True:
        start = text.find("<", position)
        if start < 0 or start + 1 >= len(text):
            return False
        following = text[start + 1]
        if following == "?":  # <?xml …?>
            position = text.find("?>", start) + 2
        elif text.startswith("<!--", start):
            position = text.find("-->", start) + 3
        else:  # "<!DOCTYPE" / "<!ENTITY" is a DTD; anything else is the root element, ending the prolog
            return following == "!"
        if position < 2:
            return False


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "AEIOU" else f"a {kind}"


def check_package(path: Path, kind: str) -> None:
    """Raise :class:`UnsafeFile` unless ``path`` is a sane OOXML package (``kind``: "Word" or "Excel")."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UnsafeFile(f"{path.name}: cannot be read ({exc.strerror})") from None
    if head.startswith(OLE_MAGIC):
        extension = ".docx" if kind == "Word" else ".xlsx"
        raise UnsafeFile(
            f"{path.name}: an old-format (97–2003) file; open it in {kind}/WPS and save it as {extension} first"
        )
    if not head.startswith(b"PK"):
        raise UnsafeFile(f"{path.name}: not {_a(kind)} file (its content is not a ZIP package)")
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            unpacked = sum(member.file_size for member in members)
            packed = sum(member.compress_size for member in members) or 1
            if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
                raise UnsafeFile(
                    f"{path.name}: unpacks to {unpacked // (1024 * 1024)} MB "
                    f"({unpacked // packed}× its size) — not an indicator table (a ZIP bomb?)"
                )
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names:
                raise UnsafeFile(f"{path.name}: a ZIP file, but not {_a(kind)} document")
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                with package.open(member) as part:
                    if member.file_size <= SMALL_PART:
                        SafeET.fromstring(part.read(), forbid_dtd=True)
                    elif _prolog_has_dtd(part.read(PROLOG_BYTES)):
                        raise UnsafeFile(f"{path.name}: {member.filename} declares a DTD; refused")
    except UnsafeFile:
        raise
    except DefusedXmlException as exc:
        raise UnsafeFile(f"{path.name}: unsafe XML inside the file ({type(exc).__name__}); refused") from None
    except SafeET.ParseError as exc:
        raise UnsafeFile(f"{path.name}: damaged XML inside the file ({exc})") from None
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as exc:
        raise UnsafeFile(f"{path.name}: the file is damaged or incomplete ({exc})") from None
