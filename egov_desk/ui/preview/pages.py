"""Where a preview's pages come from: a PDF (QtPdf renders them) or an image file (every page of a multi-page
TIFF). Both render one page, unrotated, at a given width; the view turns and marks it."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter
from PySide6.QtPdf import QPdfDocument


class PageSource(Protocol):
    def count(self) -> int: ...

    def natural_size(self, page: int) -> QSizeF:
        """The page's size at 100 % (PDF points shown at 96 dpi, image pixels)."""
        ...

    def render(self, page: int, width: int) -> QImage: ...

    def thumbnail(self, page: int, width: int) -> QImage:
        """A small rendering that leaves what :meth:`render` keeps alone."""
        ...


class PdfPages:
    def __init__(self, path: Path, document: QPdfDocument) -> None:
        self.document = document
        self.error = document.load(str(path))

    def count(self) -> int:
        return self.document.pageCount()

    def natural_size(self, page: int) -> QSizeF:
        return self.document.pagePointSize(page) * (96 / 72)

    def render(self, page: int, width: int) -> QImage:
        size = self.document.pagePointSize(page)
        height = round(width * size.height() / size.width()) if size.width() else width
        image = self.document.render(page, QSize(max(width, 1), max(height, 1)))
        if image.hasAlphaChannel():  # a page without a painted background is transparent: show it on paper
            paper = QImage(image.size(), QImage.Format.Format_RGB32)
            paper.fill(Qt.GlobalColor.white)
            painter = QPainter(paper)
            painter.drawImage(0, 0, image)
            painter.end()
            return paper
        return image

    def thumbnail(self, page: int, width: int) -> QImage:
        return self.render(page, width)


class ImagePages:
    """JPEG, PNG, BMP, GIF and TIFF. The page read last is kept: turning or zooming it reads nothing again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        reader = self._reader()
        self.pages = max(reader.imageCount(), 1)
        self._kept: tuple[int, QImage] | None = None

    def _reader(self) -> QImageReader:
        reader = QImageReader(str(self.path))
        reader.setDecideFormatFromContent(True)
        reader.setAutoTransform(True)
        return reader

    def count(self) -> int:
        return self.pages

    def read(self, page: int) -> QImage:
        if self._kept is not None and self._kept[0] == page:
            return self._kept[1]
        reader = self._reader()
        if page:
            reader.jumpToImage(page)
        image = reader.read()
        self._kept = (page, image)
        return image

    def natural_size(self, page: int) -> QSizeF:
        return QSizeF(self.read(page).size())

    def render(self, page: int, width: int) -> QImage:
        image = self.read(page)
        if image.isNull() or width == image.width():
            return image
        return image.scaledToWidth(max(width, 1), Qt.TransformationMode.SmoothTransformation)

    def thumbnail(self, page: int, width: int) -> QImage:
        if self._kept is not None and self._kept[0] == page:
            image = self._kept[1]
        else:
            reader = self._reader()
            if page:
                reader.jumpToImage(page)
            image = reader.read()
        if image.isNull():
            return image
        return image.scaledToWidth(max(width, 1), Qt.TransformationMode.SmoothTransformation)
