"""What Qt paints of a binder: the cover, the table of contents, each item's separator (its checklist), a notice page
for a file that is not bound, and an image placed on an A4 page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPen

from egov_desk.core.binder import DEPARTMENT, Binder, BinderItem
from egov_desk.core.exports.details import chinese_date
from egov_desk.core.snapshot import FROZEN_LABEL
from egov_desk.render.binder.sheets import A4, MARGIN, Line, Sheets, font

CENTER = Qt.AlignmentFlag.AlignHCenter
BODY_TOP, BODY_BOTTOM = 64.0, 60.0  # room above the text and, below it, for the stamp
IMAGE_MARGIN = 28.0
MOST_PIXELS = 300 / 72  # an image is read at no more than 300 dpi of the room it gets on the page


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: a level-1 or level-2 heading, or an item; the page its separator opens."""

    level: int  # 1, 2, or 3 for an item
    text: str
    page: int  # 1-based, in the whole binder


def _system_line(binder: Binder) -> str:
    """The system's title, with the year in front unless the title already names it."""
    year = f"{binder.year}年"
    return binder.system_title if year in binder.system_title else f"{year}度 {binder.system_title}"


def paint_cover(sheets: Sheets, binder: Binder, pages: int) -> None:
    sheets.page()
    width = A4.width() - 2 * MARGIN
    top = 150.0
    for line in (
        Line(binder.unit, font(28, heading=True, bold=True), align=CENTER),
        Line(_system_line(binder), font(16, heading=True), "#333333", above=26, align=CENTER),
        Line("佐证材料装订册", font(30, heading=True, bold=True), above=40, align=CENTER),
        Line(f"范围：{binder.scope.label}", font(16, heading=True), "#1d4ed8", above=28, align=CENTER),
    ):
        top = sheets.draw(line, MARGIN, top, width)
    facts = [
        f"考评：{binder.year}年 {binder.assessment_title}",
        f"自评总分：{binder.total}",
        f"本册：{len(binder.items)} 个评分项，{binder.files} 个材料文件，共 {pages} 页",
        f"日期：{chinese_date(binder.day)}",
    ]
    if binder.scope.kind == DEPARTMENT:
        facts.append("本册收入本科室牵头的评分项；配合的评分项由牵头科室装订，不重复收入。")
    top = max(top + 90, 470.0)
    left = MARGIN + 40
    for fact in facts:
        top = sheets.draw(Line(fact, font(14)), left, top, width - 80)
        top += 6
    sheets.painter.setPen(QPen(QColor("#9ca3af"), 0.8))
    sheets.painter.drawLine(int(left), int(top + 18), int(A4.width() - left), int(top + 18))
    if binder.snapshot:
        frozen = Line(f"已定稿。{FROZEN_LABEL}\n{binder.snapshot}", font(10), "#166534", above=30)
    else:
        frozen = Line(
            f"未定稿：本册按 {binder.made:%Y-%m-%d %H:%M} 的数据生成，定稿前内容可能变动。",
            font(10),
            "#b45309",
            above=30,
        )
    sheets.draw(frozen, left, top, width - 80)


def toc_lines(sheets: Sheets) -> tuple[float, int]:
    """The height of one line of the table of contents, and how many fit on a page."""
    height = sheets.line_height(font(11)) + 7
    title = 80.0
    return height, int((A4.height() - BODY_TOP - BODY_BOTTOM - title) // height)


def paint_toc(sheets: Sheets, entries: list[Entry]) -> int:
    """The table of contents over as many pages as it needs; returns that count (the same for any page numbers)."""
    height, per_page = toc_lines(sheets)
    chunks = [entries[start : start + per_page] for start in range(0, len(entries), per_page)] or [[]]
    width = A4.width() - 2 * MARGIN
    for number, chunk in enumerate(chunks):
        painter = sheets.page()
        title = "目　　录" if number == 0 else "目录（续）"
        top = sheets.draw(Line(title, font(20, heading=True, bold=True), align=CENTER), MARGIN, BODY_TOP - 10, width)
        top += 30
        for entry in chunk:
            chosen = font(12, heading=True, bold=True) if entry.level == 1 else font(11, heading=entry.level == 2)
            indent = {1: 0.0, 2: 16.0, 3: 32.0}[entry.level]
            page_text = str(entry.page)
            room = width - indent - sheets.text_width(page_text, chosen) - 24
            text = sheets.elided(entry.text, chosen, room)
            painter.setFont(chosen)
            painter.setPen(QColor("#111111"))
            left = MARGIN + indent
            painter.drawText(QRectF(left, top, room, height), Qt.AlignmentFlag.AlignVCenter, text)
            used = sheets.text_width(text, chosen)
            right = MARGIN + width
            at_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(right - 60, top, 60, height), at_right, page_text)
            dots_from, dots_to = left + used + 6, right - sheets.text_width(page_text, chosen) - 6
            if dots_to > dots_from:
                painter.setPen(QPen(QColor("#9ca3af"), 0.8, Qt.PenStyle.DotLine))
                baseline = top + height * 0.72
                painter.drawLine(int(dots_from), int(baseline), int(dots_to), int(baseline))
            top += height
    return len(chunks)


def separator_lines(item: BinderItem, files: int, pages: int) -> list[Line]:
    lines = [
        Line(f"编号 {item.code}", font(26, heading=True, bold=True), above=0),
        Line(item.name, font(16, heading=True), above=10),
        Line(" › ".join(p for p in (item.level1, item.level2) if p), font(11), "#555555", above=8),
        Line(f"分值：{item.points} 分　　得分：{item.score}", font(13, heading=True), above=14),
        Line("材料清单", font(13, heading=True, bold=True), above=22),
    ]
    for entry in item.checklist:
        color = "#166534" if entry.done else "#b91c1c"
        lines.append(Line(f"{entry.mark}  {entry.text}（{entry.status}）", font(11.5), color, indent=6, above=10))
        lines.extend(Line(f"·  {name}", font(10), "#333333", indent=26, above=3) for name in entry.files)
    if not item.checklist:
        lines.append(Line("本项没有材料要求。", font(11), "#555555", indent=6, above=10))
    said = f"本项材料：{files} 个文件，共 {pages} 页。" if files else "本项尚未附加材料。"
    lines.append(Line(said, font(11), "#555555", above=22))
    return lines


def separator_pages(sheets: Sheets, lines: list[Line]) -> list[list[Line]]:
    """The separator's lines split over pages (a long checklist continues on the next)."""
    width, room = A4.width() - 2 * MARGIN, A4.height() - BODY_TOP - BODY_BOTTOM
    pages: list[list[Line]] = [[]]
    used = 0.0
    for line in lines:
        height = line.above + sheets.height_of(line, width)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(line)
        used += height
    return pages


def paint_separator(sheets: Sheets, code: str, pages: list[list[Line]], stamps: list[str]) -> None:
    width = A4.width() - 2 * MARGIN
    for number, lines in enumerate(pages):
        painter = sheets.page()
        painter.fillRect(QRectF(0, 0, A4.width(), 36), QColor("#1e3a8a"))
        top = BODY_TOP
        if number:
            continued = Line(f"编号 {code}（续）", font(14, heading=True, bold=True), above=0)
            top = sheets.draw(continued, MARGIN, top, width)
        for line in lines:
            top = sheets.draw(line, MARGIN, top, width)
        sheets.stamp(stamps[number])


def paint_notice(sheets: Sheets, text: str, stamp: str) -> None:
    painter = sheets.page()
    width = A4.width() - 2 * MARGIN
    heading = Line(text, font(15, heading=True), "#b45309", align=CENTER)
    height = sheets.height_of(heading, width - 40)
    box = QRectF(MARGIN, 300, width, height + 90)
    painter.setPen(QPen(QColor("#b45309"), 1.2))
    painter.drawRect(box)
    top = sheets.draw(heading, MARGIN + 20, 330, width - 40)
    hint = (
        "原件保存在工作区的材料库中：请在“文件 → 导出佐证材料包”中一并提供，或打开原文件查看。"
        if text.startswith("见材料包")
        else "请检查原文件（是否损坏、加密），修复后重新附加，再装订一次。"
    )
    sheets.draw(Line(hint, font(10.5), "#555555", above=14, align=CENTER), MARGIN + 20, top, width - 40)
    sheets.stamp(stamp)


def _turned_size(reader: QImageReader) -> tuple[QSize, bool]:
    """The image's size as it is shown (EXIF orientation applied), and whether it is turned a quarter."""
    size = reader.size()
    quarter = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    return (QSize(size.height(), size.width()) if quarter else size), quarter


def _read(path: Path, frame: int, room: QSizeF) -> QImage:
    """One frame of the image, turned as its EXIF says and read at no more pixels than the page can show."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    if frame:
        reader.jumpToImage(frame)
    size, turned = _turned_size(reader)
    most = QSizeF(room.width() * MOST_PIXELS, room.height() * MOST_PIXELS)
    if size.isValid() and (size.width() > most.width() or size.height() > most.height()):
        scaled = QSizeF(size).scaled(most, Qt.AspectRatioMode.KeepAspectRatio).toSize()
        if turned:
            scaled = QSize(scaled.height(), scaled.width())  # the reader scales before it turns
        reader.setScaledSize(scaled)
    return reader.read()


def paint_image(sheets: Sheets, path: Path, frame: int, stamp: str) -> bool:
    """The image fitted on an A4 page (landscape for a wide one), its aspect kept; False if it could not be read."""
    probe = QImageReader(str(path))
    probe.setAutoTransform(True)
    if frame:
        probe.jumpToImage(frame)
    size, _ = _turned_size(probe)
    landscape = size.isValid() and size.width() > size.height()
    page = QSizeF(A4.height(), A4.width()) if landscape else A4
    room = QSizeF(page.width() - 2 * IMAGE_MARGIN, page.height() - 2 * IMAGE_MARGIN - 24)
    image = _read(path, frame, room)
    if image.isNull():
        return False
    painter = sheets.page(page)
    fitted = QSizeF(image.size()).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
    left = (page.width() - fitted.width()) / 2
    top = IMAGE_MARGIN + (room.height() - fitted.height()) / 2
    painter.drawImage(QRectF(left, top, fitted.width(), fitted.height()), image)
    del image
    sheets.stamp(stamp)
    return True
