"""The beginning of an evidence file's text, for its preview: plain text, DOCX and OFD — in bounded memory and time.

Only what is shown is read: at most :data:`MAX_CHARS` characters. A text file is read up to a few bytes per
character; a DOCX's main part is streamed through the capped ZIP reader of :mod:`.limits` into expat, which keeps
only the characters still wanted and stops as soon as there are enough (a 1.5 GB ``document.xml`` costs its first
megabytes); an OFD is read page by page (ofdkit caps each part at 64 MB) until there are enough. A DTD in the
document is refused; ``cancelled`` is asked between pieces so a closed preview stops the reading.
"""

from __future__ import annotations

import codecs
import xml.parsers.expat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET

from egov_desk.core.errors import Refused
from egov_desk.core.importers.grid import ImportRefused
from egov_desk.core.importers.limits import CHUNK, Budget, CappedZip

MAX_CHARS = 200_000  # characters shown of a long document
PREVIEW_PART = 64 * 1024 * 1024  # unpacked bytes of a document part read looking for text
PREVIEW_SECONDS = 120.0
PIECE = 16 * 1024  # fed to the parser at a time: past a limit, all but the last piece's text is still shown
WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE_DOCUMENT = "/officeDocument"


class PreviewRefused(Refused, ValueError):
    """The file's text cannot be shown; the message says why."""


@dataclass(frozen=True)
class DocumentText:
    text: str
    complete: bool  # False: only the beginning (the file holds more than is shown)


class _Enough(Exception):
    """Raised inside the parser when enough text has been collected."""


def text_file(path: Path, limit: int = MAX_CHARS) -> DocumentText:
    """The beginning of a plain text file: UTF-8, else GB18030 (GBK files from Windows), else UTF-8 with
    replacement characters."""
    wanted = limit * 4 + 4  # UTF-8 needs at most four bytes a character
    with path.open("rb") as handle:
        data = handle.read(wanted)
        more = bool(handle.read(1))
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            text = decoder.decode(data, final=not more)
        except UnicodeDecodeError:
            continue
        break
    else:
        text = data.decode("utf-8", errors="replace")
    return DocumentText(text[:limit], not more and len(text) <= limit)


class _WordText:
    """Expat handlers gathering a Word body's text: paragraphs on lines, table cells joined with " | "."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.lines: list[str] = []
        self.paragraph: list[str] = []
        self.in_text = False
        self.rows: list[list[str]] = []  # one open row per table level
        self.cells: list[list[str]] = []  # the paragraphs of each open cell

    def start(self, name: str, _attributes: dict[str, str]) -> None:
        space, _, local = name.rpartition(" ")
        if space != WORD:
            return
        if local == "t":
            self.in_text = True
        elif local == "tab":
            self._add("\t")
        elif local in ("br", "cr"):
            self._add("\n")
        elif local == "tr":
            self.rows.append([])
        elif local == "tc":
            self.cells.append([])

    def end(self, name: str) -> None:
        space, _, local = name.rpartition(" ")
        if space != WORD:
            return
        if local == "t":
            self.in_text = False
        elif local == "p":
            text = "".join(self.paragraph)
            self.paragraph = []
            if self.cells:
                self.cells[-1].append(text)
            else:
                self._line(text)
        elif local == "tc" and self.cells:
            cell = " ".join(part for part in self.cells.pop() if part)
            if self.rows:
                self.rows[-1].append(cell)
        elif local == "tr" and self.rows:
            row = " | ".join(self.rows.pop())
            if self.cells:
                self.cells[-1].append(row)
            else:
                self._line(row)

    def characters(self, data: str) -> None:
        if self.in_text:
            self._add(data)

    def _add(self, text: str) -> None:
        room = self.limit - self.size
        self.paragraph.append(text[:room])
        self.size += min(len(text), room)
        if self.size >= self.limit:
            raise _Enough

    def _line(self, text: str) -> None:
        self.lines.append(text)
        self.size += 1
        if self.size >= self.limit:
            raise _Enough

    def text(self) -> str:
        pending = "".join(self.paragraph)
        return "\n".join([*self.lines, pending] if pending else self.lines)


def _main_part(package: CappedZip) -> str:
    """The package's main document part, from its root relationships (``word/document.xml`` when unsaid)."""
    try:
        with package.open("_rels/.rels") as rels:
            root = SafeET.fromstring(rels.read(), forbid_dtd=True)
    except (KeyError, SafeET.ParseError, ValueError):
        return "word/document.xml"
    for relation in root:
        if relation.get("Type", "").endswith(OFFICE_DOCUMENT) and relation.get("Target"):
            return relation.get("Target", "").lstrip("/")
    return "word/document.xml"


def docx_text(
    path: Path, limit: int = MAX_CHARS, cancelled: Callable[[], bool] | None = None, part_bytes: int = PREVIEW_PART
) -> DocumentText:
    """The beginning of a DOCX's body text, streamed: reading stops once ``limit`` characters are in, or when the
    part passes ``part_bytes`` unpacked (what was found so far is shown)."""
    budget = Budget(
        file=path.name,
        seconds=PREVIEW_SECONDS,
        part_bytes=part_bytes,
        total_bytes=part_bytes + CHUNK,
        is_cancelled=cancelled,
    )
    words = _WordText(limit)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = words.start
    parser.EndElementHandler = words.end
    parser.CharacterDataHandler = words.characters

    def refuse(*_args: object) -> None:
        raise PreviewRefused("the document declares a DTD; it is not shown")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    complete = False
    try:
        with CappedZip(path, budget) as package, package.open(_main_part(package)) as part:
            while piece := part.read(PIECE):
                parser.Parse(piece, False)
            parser.Parse(b"", True)
            complete = True
    except _Enough:
        pass
    except ImportRefused as exc:
        if exc.kind not in ("part_too_large", "import_too_large"):
            raise PreviewRefused(str(exc)) from None
    except xml.parsers.expat.ExpatError as exc:
        raise PreviewRefused(f"damaged XML in the document ({exc})") from None
    except (KeyError, OSError, EOFError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
        if isinstance(exc, PreviewRefused):
            raise
        raise PreviewRefused(f"not a readable Word document ({exc})") from None
    return DocumentText(words.text(), complete)


def ofd_text(path: Path, limit: int = MAX_CHARS, cancelled: Callable[[], bool] | None = None) -> DocumentText:
    """The beginning of an OFD's text, page by page until ``limit`` characters are in."""
    from ofdkit.document import OFDDocument

    pages: list[str] = []
    size = 0
    with OFDDocument(str(path)) as document:
        for page in document.pages:
            if cancelled is not None and cancelled():
                break
            text = page.text()
            pages.append(text)
            size += len(text) + 2
            if size >= limit:
                break
        else:
            return DocumentText("\n\n".join(pages), True)
    return DocumentText("\n\n".join(pages)[:limit], False)


def document_text(
    kind: str, path: Path, limit: int = MAX_CHARS, cancelled: Callable[[], bool] | None = None
) -> DocumentText:
    """The beginning of the text of a ``kind`` ("docx", "ofd", "text") file, bounded in memory and time."""
    if kind == "docx":
        return docx_text(path, limit, cancelled)
    if kind == "ofd":
        return ofd_text(path, limit, cancelled)
    return text_file(path, limit)
