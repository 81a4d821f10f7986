"""Each evidence file as the pages it gives the binder: a PDF's own pages, an image's pages (one per frame), or one
page saying why it is not bound ("无法装订：…" for a file that cannot be read, "见材料包：…" for one that is not
converted). Counted before anything is painted, so that the table of contents can give every page number."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from PySide6.QtGui import QImageReader

from egov_desk.core.binder import Binder, BinderFile
from egov_desk.core.errors import Cancelled
from egov_desk.core.evidence.filetypes import IMAGES
from egov_desk.render.binder.convert import convert_all, is_office, soffice

PDF, IMAGE, NOTICE = "pdf", "image", "notice"


@dataclass
class Part:
    file: BinderFile
    kind: str  # pdf / image / notice
    pages: int
    notice: str = ""  # a notice page's text
    pdf: pikepdf.Pdf | None = None  # a PDF part's open document (kept open until the binder is saved)
    converted: bool = False  # made by LibreOffice from an office document


def cannot_bind(file: BinderFile, why: str) -> Part:
    return Part(file, NOTICE, 1, f"无法装订：{file.name}（{why}）")


def see_package(file: BinderFile, why: str) -> Part:
    return Part(file, NOTICE, 1, f"见材料包：{file.name}（{why}）")


def pdf_part(file: BinderFile, path: Path, converted: bool = False) -> Part:
    """A PDF as it is; one that is damaged, needs a password or forbids assembling gives its notice instead."""
    try:
        document = pikepdf.open(path)
    except pikepdf.PasswordError:
        return cannot_bind(file, "加密文件，需要密码才能打开")
    except (pikepdf.PdfError, OSError, ValueError) as error:
        return cannot_bind(file, f"文件已损坏，无法读取：{str(error)[:80]}")
    if document.is_encrypted and not document.allow.modify_assembly:
        document.close()
        return cannot_bind(file, "加密文件，不允许装订")
    try:
        pages = len(document.pages)
        for page in document.pages:
            page.cropbox  # noqa: B018 - a page without a box cannot be placed or stamped
    except (pikepdf.PdfError, ValueError, KeyError) as error:
        document.close()
        return cannot_bind(file, f"文件已损坏：{str(error)[:80]}")
    if not pages:
        document.close()
        return cannot_bind(file, "文件没有页面")
    return Part(file, PDF, pages, pdf=document, converted=converted)


def image_part(file: BinderFile, path: Path) -> Part:
    reader = QImageReader(str(path))
    if not reader.canRead():
        return cannot_bind(file, f"图片无法读取：{reader.errorString()}")
    return Part(file, IMAGE, max(1, reader.imageCount()))


def is_image(file: BinderFile) -> bool:
    return file.kind in IMAGES


def evidence_parts(
    binder: Binder, work: Callable[[], Path], cancelled: Callable[[], bool], told: Callable[[str], None]
) -> list[list[Part]]:
    """Per item of the binder, its files' parts in binding order; the office documents converted in one run, in the
    temporary folder ``work()``."""
    parts: list[list[Part | None]] = []
    try:
        office: list[tuple[int, int, BinderFile]] = []
        can_convert = soffice() is not None
        for number, item in enumerate(binder.items):
            mine: list[Part | None] = []
            parts.append(mine)  # before it fills: a cancel half-way closes what it opened too
            for file in item.files:
                if cancelled():
                    raise Cancelled("the binder was cancelled", "装订已取消", "cancelled")
                told(file.name)
                if file.path is None:
                    mine.append(cannot_bind(file, file.problem or "文件缺失"))
                elif file.kind == "pdf":
                    mine.append(pdf_part(file, file.path))
                elif is_image(file):
                    mine.append(image_part(file, file.path))
                elif is_office(file.kind, file.name) and can_convert:
                    office.append((number, len(mine), file))
                    mine.append(None)
                elif is_office(file.kind, file.name):
                    mine.append(see_package(file, "本机未安装 LibreOffice，无法转换为 PDF"))
                elif file.kind == "ofd":
                    mine.append(see_package(file, "OFD 版式文件无法转换为 PDF"))
                else:
                    mine.append(see_package(file, "此类文件无法装订"))
        if office:
            told(f"LibreOffice：{len(office)} 个文件")
            converted = convert_all([(f.path, f.kind, f.name) for _, _, f in office if f.path], work(), cancelled)
            for (number, position, file), pdf in zip(office, converted, strict=True):
                parts[number][position] = (
                    pdf_part(file, pdf, converted=True) if pdf else see_package(file, "LibreOffice 未能转换此文件")
                )
    except BaseException:  # a cancel or a failure: the PDFs opened so far are closed, not left to the collector
        for part in (p for mine in parts for p in mine):
            if part is not None and part.pdf is not None:
                part.pdf.close()
        raise
    return [[part for part in mine if part is not None] for mine in parts]
