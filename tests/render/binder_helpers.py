"""What the binder tests share: the demo workspace, real files made here, and reading a binder back with pypdf and
pdftotext as a reader would."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pypdf

from egov_desk.core.workspace import Workspace

CODE = "001"  # the demo leaves it without evidence
STAMP = re.compile(r"(\d{3}) 第 (\d+) 页")


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as pdftotext gives it (the stamps and the painted pages are real text)."""
    pages = len(pypdf.PdfReader(pdf).pages)
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def outline(pdf: Path) -> list[tuple[int, str, int]]:
    """The bookmarks as (depth, title, 1-based page), in order."""
    reader = pypdf.PdfReader(pdf)
    found: list[tuple[int, str, int]] = []

    def walk(entries: list[object], depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return found


def toc_numbers(texts: list[str]) -> dict[str, int]:
    """编号 → the page the table of contents gives it."""
    numbers = {}
    for text in texts[1:]:  # the pages after the cover, up to the first stamped one
        if STAMP.search(text):
            break
        for line in text.splitlines():
            found = re.match(r"\s*(\d{3})\s.*?(\d+)\s*$", line)
            if found:
                numbers[found.group(1)] = int(found.group(2))
    return numbers


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's size as seen (points, rounded; turned by /Rotate)."""
    sizes = []
    for page in pypdf.PdfReader(pdf).pages:
        width, height = round(float(page.mediabox.width)), round(float(page.mediabox.height))
        sizes.append((height, width) if page.rotation % 180 else (width, height))
    return sizes


def pdf_bytes(pages: list[tuple[float, float]], rotate: int = 0) -> bytes:
    """A small PDF of blank pages of these sizes (points), each /Rotate'd as given."""
    from io import BytesIO

    writer = pypdf.PdfWriter()
    for width, height in pages:
        page = writer.add_blank_page(width, height)
        if rotate:
            page.rotate(rotate)
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def attach(workspace: Workspace, *files: Path) -> None:
    """Files attached to the first requirement of ``CODE``, dated within the assessed year."""
    assessment = workspace.default_assessment().id
    requirement = workspace.evidence.item_evidence(assessment, CODE).requirements[0].id
    workspace.evidence.attach(assessment, CODE, list(files), requirement, date(2019, 6, 1))
