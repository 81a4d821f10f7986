"""Taking the snapshot of a main window as it closes: its words and numbers exactly as shown, so the next start can
paint them before anything else loads (ui/first_screen/window.py)."""

from __future__ import annotations

import base64
import zlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QLineEdit, QToolBar, QToolButton, QWidget

from egov_desk.ui.first_screen.snapshot import Cell, Gauge, Panel, Row, Snapshot

if TYPE_CHECKING:
    from egov_desk.ui.main_window import MainWindow
    from egov_desk.ui.widgets.gauge import ScoreGauge

START_AT_FIRST = ("departmentFilter", "roleFilter", "searchScope")  # as the window starts
GAUGE_TEXTS = ("unscored_text", "breakdown_text", "veto_text", "veto_tip")  # what the first screen's gauge says
ROLE_DISPLAY = Qt.ItemDataRole.DisplayRole
ROLE_COLOUR = Qt.ItemDataRole.ForegroundRole
ROLE_FONT = Qt.ItemDataRole.FontRole
ROLE_ALIGN = Qt.ItemDataRole.TextAlignmentRole


def capture(window: MainWindow, language: str) -> Snapshot | None:
    """What ``window`` will show when it opens again — its tree whole and expanded, whatever filter is applied
    now, the item selected now — or None when the first screen could not show it faithfully (a table judged
    rather than scored, a read-only window)."""
    gauge = window.gauge
    if gauge.judgements is not None or window.workspace.read_only:
        return None
    tree, model = window.tree, window.model  # the model under the filter: the whole tree, as it opens
    columns = model.columnCount()
    return Snapshot(
        title=window.windowTitle(),
        menus=[action.text() for action in window.menuBar().actions() if action.isVisible()],
        toolbar=_toolbar(window.findChild(QToolBar, "mainToolbar")),
        gauge=_gauge(gauge),
        tabs=[window.tabs.tabText(number) for number in range(window.tabs.count())],
        headers=[str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(columns)],
        widths=[tree.columnWidth(column) for column in range(columns)],
        hidden=[column for column in range(columns) if tree.isColumnHidden(column)],
        rows=_rows(model, QModelIndex(), columns),
        selected=_position(window.proxy.mapToSource(tree.currentIndex())),
        panel=_panel(window),
        status=[window.statusBar().currentMessage()]
        + [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisible() and label.text()],
        language=language,
        tree_column=tree.treePosition(),
        stretched=next(
            (c for c in range(columns) if tree.header().sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch), None
        ),
    )


def _toolbar(bar: QToolBar | None) -> list[tuple[str, str, int, bool]]:
    entries: list[tuple[str, str, int, bool]] = []
    if bar is None:
        return entries
    evidence_box = bar.findChild(QLineEdit, "evidenceSearchBox")
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if evidence_box is not None and widget is evidence_box:
            continue  # the window starts searching indicators, in the box's place
        indicator_box = isinstance(widget, QLineEdit) and widget.objectName() == "searchBox"
        if not action.isVisible() and not indicator_box:
            continue
        if action.isSeparator():
            entries.append(("separator", "", 0, True))
            continue
        width = widget.width() if widget is not None else 0
        if indicator_box and not action.isVisible() and evidence_box is not None:
            width = evidence_box.width()  # the evidence box was shown in its place
        if isinstance(widget, QComboBox):  # a filter starts at its first choice (all departments)
            text = widget.itemText(0) if widget.objectName() in START_AT_FIRST else widget.currentText()
            entries.append(("combo", text, width, widget.isEnabled()))
        elif isinstance(widget, QLineEdit):
            entries.append(("search", widget.placeholderText(), width, widget.isEnabled()))
        elif isinstance(widget, QLabel):
            entries.append(("label", widget.text(), width, True))
        else:
            entries.append(("button", action.iconText(), width, action.isEnabled()))
    return entries


def _gauge(gauge: ScoreGauge) -> Gauge:
    picture, size, ratio = _picture(gauge)
    return Gauge(
        title=gauge.title,
        subtitle=gauge.subtitle,
        total=str(gauge.total),
        maximum=str(gauge.maximum),
        unscored=gauge.unscored,
        bars=[
            (bar.name, str(bar.points), str(bar.max) if bar.max is not None else None, bar.unscored)
            for bar in gauge.bars
        ],
        sections=tuple(str(value) for value in gauge.sections) if gauge.sections is not None else None,  # type: ignore[arg-type]
        veto=gauge.veto,
        vetoed=list(gauge.vetoed),
        veto_texts=list(gauge.veto_texts),
        picture=picture,
        picture_size=size,
        picture_ratio=ratio,
        texts={name: getattr(gauge, name) for name in GAUGE_TEXTS},
    )


def _picture(gauge: ScoreGauge) -> tuple[str, tuple[int, int], float]:
    """The gauge as painted now — its pixels (ARGB32 premultiplied, zlib, base64), their size and device pixel
    ratio — or ("", (0, 0), 1.0) when it has no size. Raw pixels, not PNG: decoding a PNG at the next start costs
    some 6 ms (Qt's image readers are looked for first), inflating these about 1 ms."""
    if gauge.width() <= 0 or gauge.height() <= 0:
        return "", (0, 0), 1.0
    pixmap = gauge.grab()
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    pixels = zlib.compress(bytes(image.constBits())[: image.width() * image.height() * 4])
    return base64.b64encode(pixels).decode("ascii"), (image.width(), image.height()), pixmap.devicePixelRatio()


def _rows(model: QAbstractItemModel, parent: QModelIndex, columns: int) -> list[Row]:
    rows = []
    for number in range(model.rowCount(parent)):
        first = model.index(number, 0, parent)
        cells = [_cell(model.index(number, column, parent)) for column in range(columns)]
        font = model.data(first, ROLE_FONT) or model.data(model.index(number, 1, parent), ROLE_FONT)
        children = _rows(model, first, columns)
        rows.append(
            Row(cells=cells, bold=isinstance(font, QFont) and font.bold(), expanded=bool(children), children=children)
        )
    return rows


def _cell(index: QModelIndex) -> Cell:
    model = index.model()
    text = model.data(index, ROLE_DISPLAY)
    colour = model.data(index, ROLE_COLOUR)
    if isinstance(colour, QBrush):
        colour = colour.color()
    align = model.data(index, ROLE_ALIGN)
    return Cell(
        text="" if text is None else str(text),
        color=colour.name() if isinstance(colour, QColor) else None,
        align=int(align.value if hasattr(align, "value") else align) if align else 0,
    )


def _position(index: QModelIndex) -> list[int]:
    position: list[int] = []
    index = index.siblingAtColumn(0)
    while index.isValid():
        position.insert(0, index.row())
        index = index.parent()
    return position


def _panel(window: MainWindow) -> Panel:
    panel = window.panel
    shown = panel.item is not None
    return Panel(
        path=panel.path.text(),
        heading=panel.heading.text(),
        facts=panel.facts.text(),
        rule_title=panel.rule_box.title() if shown else "",
        rule_text=panel.rule_text.text() if shown else "",
        score_title=panel.score_box.title() if shown else "",
        result=panel.result.text() if shown else "",
        evidence_title=panel.evidence_box.title() if shown else "",
        review=_review(panel.review_bar) if shown else [],
    )


def _review(bar: QWidget) -> list[str]:
    """The review row as the panel shows it — its label, the status, each button — or [] when it is not shown."""
    if bar.isHidden():
        return []
    chip = bar.findChild(QLabel, "reviewChip")
    label = next((child for child in bar.findChildren(QLabel) if not child.objectName()), None)
    buttons = [button.text() for button in bar.findChildren(QToolButton) if not button.isHidden()]
    return [label.text() if label else "", chip.text() if chip else "", *buttons]
