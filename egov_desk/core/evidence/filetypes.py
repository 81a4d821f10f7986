"""What a file is, read from its first bytes rather than its name; and whether the name agrees."""

from __future__ import annotations

import zipfile
from pathlib import Path

# kind → the extensions that may carry it
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "jpeg": (".jpg", ".jpeg", ".jpe", ".jfif"),
    "png": (".png",),
    "tiff": (".tif", ".tiff"),
    "bmp": (".bmp",),
    "gif": (".gif",),
    "doc": (".doc", ".wps", ".dot"),
    "xls": (".xls", ".et"),
    "ole": (".doc", ".xls", ".ppt", ".wps", ".et", ".dps"),
    "docx": (".docx", ".docm", ".wps"),
    "xlsx": (".xlsx", ".xlsm", ".et"),
    "pptx": (".pptx",),
    "ofd": (".ofd",),
    "zip": (".zip",),
    "rar": (".rar",),
    "7z": (".7z",),
    "text": (".txt", ".csv", ".md"),
    "other": (),
}
LABELS = {
    "pdf": "PDF",
    "jpeg": "JPEG 图片",
    "png": "PNG 图片",
    "tiff": "TIFF 图片",
    "bmp": "BMP 图片",
    "gif": "GIF 图片",
    "doc": "Word 97-2003/WPS 文档",
    "xls": "Excel 97-2003 表格",
    "ole": "Office 97-2003 文件",
    "docx": "Word 文档",
    "xlsx": "Excel 表格",
    "pptx": "PowerPoint 演示",
    "ofd": "OFD 版式文件",
    "zip": "ZIP 压缩包",
    "rar": "RAR 压缩包",
    "7z": "7z 压缩包",
    "text": "文本",
    "other": "其他文件",
}
IMAGES = {"jpeg", "png", "tiff", "bmp", "gif"}


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist()[:2000])
    except (zipfile.BadZipFile, OSError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    return "zip"


def _ole_kind(path: Path) -> str:
    """Word and Excel 97-2003 (and WPS, which uses the same container) differ only inside; the name decides."""
    suffix = path.suffix.lower()
    if suffix in (".xls", ".et"):
        return "xls"
    if suffix in (".doc", ".wps", ".dot"):
        return "doc"
    return "ole"


def sniff(path: Path, head: bytes | None = None) -> str:
    """The kind of file at ``path`` judged by its content ("pdf", "jpeg", "docx", "ofd", … or "other")."""
    if head is None:
        with path.open("rb") as handle:
            head = handle.read(16)
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM"):
        return "bmp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(path)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"Rar!"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head[:16]):
        return "text"
    return "other"


def disagrees(kind: str, name: str) -> bool:
    """True when the name's extension claims another kind than the content (a renamed file)."""
    suffix = Path(name).suffix.lower()
    if not suffix or kind == "other":
        return False
    return suffix not in EXTENSIONS.get(kind, ())
