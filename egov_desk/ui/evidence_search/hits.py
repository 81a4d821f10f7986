"""The 材料内容 hits, in a dock below the tree: 编号, 名称, 文件, 第 n 页 and the words around the match, the match
in bold. Enter or a double-click opens the preview at that page with the words marked."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.evidence_text import SearchHit

CODE, TITLE, FILE, PAGE, SNIPPET = range(5)
HIT = Qt.ItemDataRole.UserRole


def snippet_html(hit: SearchHit, words: str = "") -> str:
    """The snippet with every occurrence of the searched words in bold (the search's own span when none is found
    as typed, e.g. a PDF whose text holds a radical form of a character)."""
    text = hit.snippet.replace("\n", " ")
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for term in {t.lower() for t in words.split() if t}:
        at = lowered.find(term)
        while at >= 0:
            spans.append((at, at + len(term)))
            at = lowered.find(term, at + len(term))
    if not spans and hit.match[1] > hit.match[0]:
        spans = [hit.match]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    parts, done = [], 0
    for start, end in merged:
        parts.append(f"{html.escape(text[done:start])}<b>{html.escape(text[start:end])}</b>")
        done = end
    return "".join(parts) + html.escape(text[done:])


class RichText(QStyledItemDelegate):
    """A cell's text as HTML (the match in bold)."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        document = QTextDocument()
        document.setDefaultFont(shown.font)
        document.setHtml(shown.text)
        shown.text = ""
        style = shown.widget.style() if shown.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(shown.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, shown.palette.color(role))
        painter.save()
        top = shown.rect.top() + max(0, (shown.rect.height() - document.size().height()) / 2)
        painter.translate(shown.rect.left() + 2, top)
        painter.setClipRect(0, 0, shown.rect.width() - 2, shown.rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


class HitsDock(QDockWidget):
    opened = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Found in the evidence"), parent)
        self.setObjectName("evidenceHits")
        self.said = QLabel()
        self.said.setObjectName("evidenceHitsSaid")
        self.said.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("evidenceHitsList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setHeaderLabels([self.tr("Code"), self.tr("Item"), self.tr("File"), self.tr("Page"), self.tr("Text")])
        self.list.setItemDelegateForColumn(SNIPPET, RichText(self.list))
        self.list.itemActivated.connect(lambda item, _column: self.opened.emit(item.data(0, HIT)))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.said)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.hits: list[SearchHit] = []
        self.words = ""  # the words whose hits are shown
        self.waiting = 0  # files not read yet when they were found
        self.asked = False  # whether anything was searched in this window

    def setVisible(self, visible: bool) -> None:
        """Not shown before anything was searched: the window's saved layout would bring it back open and empty
        at the next start (the hits are not searched again), taking half the tree's height."""
        if visible and not self.asked:
            return
        super().setVisible(visible)

    def searching(self, words: str) -> None:
        self.asked = True
        self.said.setText(self.tr("Searching the evidence for “%1”…").replace("%1", words))
        self.list.clear()
        self.hits = []

    def show_hits(self, words: str, hits: list[SearchHit], waiting: int, again: bool = False) -> None:
        self.hits, self.words, self.waiting, self.asked = hits, words, waiting, True
        self.list.clear()
        for hit in hits:
            code = hit.code
            if hit.requirement_position:
                code = (
                    self.tr("%1 (requirement %2)").replace("%1", hit.code).replace("%2", str(hit.requirement_position))
                )
            row = QTreeWidgetItem(
                [
                    code,
                    hit.item_title,
                    hit.file_name,
                    self.tr("p. %1").replace("%1", str(hit.page)),
                    snippet_html(hit, words),
                ]
            )
            row.setData(0, HIT, hit)
            row.setToolTip(SNIPPET, hit.snippet)
            row.setToolTip(TITLE, hit.item_title)
            self.list.addTopLevelItem(row)
        lines = []
        if hits:
            lines.append(self.counted(words, hits))
        else:
            lines.append(self.tr("Nothing found in the evidence's text for “%1”").replace("%1", words))
        if again:
            lines.append(self.tr("(searched again: the reading ended)"))
        if waiting:
            lines.append(
                self.tr("%1 files are not read yet: the results may be incomplete").replace("%1", str(waiting))
            )
        self.said.setText("　".join(lines))
        for column, width in ((CODE, self.code_width()), (TITLE, 220), (FILE, 180), (PAGE, 60)):
            self.list.setColumnWidth(column, width)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    def code_width(self) -> int:
        """As wide as the longest 编号 shown with its requirement (002（第 3 项材料要求）), else as the title."""
        metrics = self.list.fontMetrics()
        rows = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        shown = [self.list.headerItem().text(CODE), *(row.text(CODE) for row in rows if row is not None)]
        return max(70, *(metrics.horizontalAdvance(text) + 16 for text in shown))

    def forget_file(self, file_id: int) -> None:
        """A file removed since it was found: its rows go (the others keep their place)."""
        self.hits = [hit for hit in self.hits if hit.file_id != file_id]
        for number in reversed(range(self.list.topLevelItemCount())):
            row = self.list.topLevelItem(number)
            if row is not None and row.data(0, HIT).file_id == file_id:
                self.list.takeTopLevelItem(number)

    def counted(self, words: str, hits: list[SearchHit]) -> str:
        """Pages of files, once each however many items hold the file (a hit is a page of an item's file)."""
        files = {hit.sha256 for hit in hits}
        pages = {(hit.sha256, hit.page) for hit in hits}
        items = {hit.code for hit in hits}
        said = (
            self.tr("“%1”: found on %2 page(s) of %3 file(s)")
            .replace("%1", words)
            .replace("%2", str(len(pages)))
            .replace("%3", str(len(files)))
        )
        if len(items) > 1:
            said += self.tr(", in %1 items").replace("%1", str(len(items)))
        return said + self.tr(" — Enter or a double-click shows the page")

    def failed(self, words: str, reason: str) -> None:
        self.said.setText(
            self.tr("The evidence could not be searched for “%1”: %2").replace("%1", words).replace("%2", reason)
        )
