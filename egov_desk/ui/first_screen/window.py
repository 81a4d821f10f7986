"""The first screen: a window laid out like the main window — menus, toolbar, gauge, tree, item — painted from
the snapshot while the workspace opens. The tree can be scrolled and a row chosen; everything typed meanwhile is
kept and handed to the real window once it takes over, so a typed edit is queued, not lost."""

from __future__ import annotations

import base64
import zlib
from decimal import Decimal
from functools import cache

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QImage,
    QInputMethodEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.ui.first_screen.snapshot import Gauge, Panel, Row, Snapshot
from egov_desk.ui.widgets.gauge import Bar, ScoreGauge

# Nothing painted before the first paint touches PySide6's Qt namespace: its first use builds all of its 321 enums,
# some 15 ms. Its keys are looked up at the first key pressed; the tree's alignments travel as Qt's integers.
MUTED = "#64748b"  # the item panel's path and hints
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
TEXT_ALIGNMENT_ROLE, FOREGROUND_ROLE = 7, 9  # Qt.ItemDataRole's; a QBrush made of a colour uses Qt's enums


@cache
def navigation_keys() -> frozenset[QtCore.Qt.Key]:
    """The keys the first screen's tree answers itself; every other key waits for the real window."""
    key = QtCore.Qt.Key
    return frozenset(
        {
            key.Key_Up,
            key.Key_Down,
            key.Key_PageUp,
            key.Key_PageDown,
            key.Key_Home,
            key.Key_End,
            key.Key_Left,
            key.Key_Right,
        }
    )


@cache
def modifier_keys() -> frozenset[QtCore.Qt.Key]:
    key = QtCore.Qt.Key
    return frozenset({key.Key_Control, key.Key_Shift, key.Key_Alt, key.Key_Meta, key.Key_AltGr})


class TypedKey:
    """A key pressed (or text committed by an input method) before the real window was there: enough to type it
    again there."""

    def __init__(self, key: int, modifiers: QtCore.Qt.KeyboardModifier, text: str, committed: bool = False) -> None:
        self.key, self.modifiers, self.text, self.committed = key, modifiers, text, committed

    @classmethod
    def of(cls, event: QKeyEvent) -> TypedKey:
        return cls(event.key(), event.modifiers(), event.text())

    def __repr__(self) -> str:
        return f"TypedKey({self.key!r}, {self.modifiers!r}, {self.text!r})"


class PaintedCentre(QWidget):
    """The central widget; says when the window has been painted the first time: its own paint comes before its
    children's (the gauge, the tree, the item), so it says so once the event loop turns after that paint."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._announced = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._announced:
            self._announced = True
            QTimer.singleShot(0, self, self.painted.emit)


class FirstScreen(QMainWindow):
    def __init__(self, snapshot: Snapshot) -> None:
        super().__init__()
        self.setObjectName("firstScreen")
        self.snapshot = snapshot
        self.typed: list[TypedKey] = []
        self.successor: QWidget | None = None  # the real window, once it is taking this screen's place
        self.close_asked = False  # closed by the person before the real window was there: it closes then
        self.taken_over = False
        self.setWindowTitle(snapshot.title)
        opening = QCoreApplication.translate("FirstScreen", "Opening the workspace…")
        for title in snapshot.menus:
            menu = self.menuBar().addMenu(title)
            menu.addAction(opening).setEnabled(False)
        self._build_toolbar(snapshot.toolbar)
        self.centre = PaintedCentre()
        layout = QVBoxLayout(self.centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.gauge = _gauge(snapshot)
        layout.addWidget(self.gauge)
        self.tabs = QTabWidget()
        self.tree = _tree(snapshot)
        self.tabs.addTab(self.tree, snapshot.tabs[0] if snapshot.tabs else "")
        for title in snapshot.tabs[1:]:
            self.tabs.addTab(QWidget(), title)
            self.tabs.setTabEnabled(self.tabs.count() - 1, False)
        self.panel = ItemPreview(snapshot.panel)
        self.splitter = QSplitter()  # side by side, as Qt's default
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(self.centre)
        for text in snapshot.status[:1]:
            self.statusBar().showMessage(text)
        for text in snapshot.status[1:]:
            self.statusBar().addPermanentWidget(QLabel(text))
        self.tree.currentItemChanged.connect(self._row_chosen)
        self.resize(1280, 720)

    def _build_toolbar(self, entries: list[tuple[str, str, int, bool]]) -> None:
        bar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        for kind, text, width, enabled in entries:
            widget: QWidget
            if kind == "separator":
                bar.addSeparator()
                continue
            if kind == "combo":
                combo = QComboBox()
                combo.addItem(text)
                widget = combo
            elif kind == "search":
                line = QLineEdit()
                line.setPlaceholderText(text)
                widget = line
            elif kind == "button":
                button = QToolButton()
                button.setText(text)
                button.setAutoRaise(True)
                widget = button
            else:
                widget = QLabel(text)
            widget.setFixedWidth(width)
            widget.setEnabled(enabled and kind == "label")
            bar.addWidget(widget)

    def _row_chosen(self, row: QTreeWidgetItem | None) -> None:
        """Another row chosen before the real window is there: its name now, its rule and editor then."""
        if row is None:
            return
        code, name = row.text(0), row.text(1)
        self.panel.show_row(f"{code}  {name}".strip() if code else name)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing before the real window is there closes the real window once it is (and its own closing asks
        about anything unsaved); this screen stays until then, so the app does not end half-opened."""
        if self.taken_over:
            super().closeEvent(event)
            return
        self.close_asked = True
        event.ignore()

    def chosen_position(self) -> list[int]:
        """Where the row chosen now is (row numbers from the top level down): the real window chooses the same."""
        position: list[int] = []
        row = self.tree.currentItem()
        while row is not None:
            parent = row.parent()
            position.insert(0, parent.indexOfChild(row) if parent is not None else self.tree.indexOfTopLevelItem(row))
            row = parent
        return position

    # --- what is typed before the real window takes over ---------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.InputMethod and self._ours(watched):  # Chinese through an input method
            assert isinstance(event, QInputMethodEvent)
            if event.commitString():
                self.typed.append(
                    TypedKey(0, QtCore.Qt.KeyboardModifier.NoModifier, event.commitString(), committed=True)
                )
            return True
        if event.type() not in KEY_EVENTS or not self._ours(watched):
            return False  # a dialog meanwhile (a locked workspace, a damaged one) takes its keys as always
        assert isinstance(event, QKeyEvent)
        navigating = watched is self.tree and event.modifiers() == QtCore.Qt.KeyboardModifier.NoModifier
        if navigating and event.key() in navigation_keys():
            return False
        if event.type() == QEvent.Type.KeyPress and event.key() not in modifier_keys():
            self.typed.append(TypedKey.of(event))  # a modifier goes with the key it modifies
        return True  # kept for the real window: a shortcut or a typed score must not act on this screen

    def _ours(self, watched: QObject) -> bool:
        """Whether ``watched`` belongs to this screen or to the window taking its place."""
        windows = [self] if self.successor is None else [self, self.successor]
        if isinstance(watched, QWidget):
            return watched.window() in windows
        return any(watched is window.windowHandle() for window in windows)


class ItemPreview(QScrollArea):
    """The item shown when the window closed, as the item panel showed it: path, title, facts, rule, result."""

    def __init__(self, panel: Panel) -> None:
        super().__init__()
        self.setObjectName("itemPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setProperty(
            "horizontalScrollBarPolicy", "ScrollBarAlwaysOff"
        )  # by name: no Qt enum before the first paint
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 10)
        self.path = _label(panel.path, colour=MUTED)
        self.heading = _label(panel.heading, points=13, bold=True)
        self.facts = _label(panel.facts)
        self.boxes: list[QGroupBox] = []
        layout.addWidget(self.path)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        self.review = _review_row(panel.review)
        if self.review is not None:
            layout.addWidget(self.review)
        for title, text, points in ((panel.rule_title, panel.rule_text, 0), (panel.score_title, panel.result, 12)):
            if not title:
                continue
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(10, 8, 10, 8)
            inner.addWidget(_label(text, points=points, bold=bool(points)))
            layout.addWidget(box)
            self.boxes.append(box)
        self.opening = _label(QCoreApplication.translate("FirstScreen", "Opening the workspace…"), colour=MUTED)
        layout.addWidget(self.opening)
        layout.addStretch(1)
        self.setWidget(body)

    def show_row(self, heading: str) -> None:
        self.path.setText("")
        self.heading.setText(heading)
        self.facts.setText("")
        if self.review is not None:
            self.review.hide()
        for box in self.boxes:
            box.hide()


def _review_row(texts: list[str]) -> QWidget | None:
    """The item's review row as the panel showed it — 审核：, the status, the buttons (off until the window is
    there) — so the rule and score below it sit where the window will put them."""
    if not texts:
        return None
    row = QWidget()
    row.setObjectName("reviewBar")
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 2, 0, 2)
    label, status, *buttons = texts + [""] * (2 - len(texts))
    line.addWidget(QLabel(label))
    line.addWidget(_label(status, bold=True))
    line.addStretch(1)
    for text in buttons:
        button = QToolButton()
        button.setText(text)
        button.setEnabled(False)
        line.addWidget(button)
    return row


def _label(text: str, points: int = 0, bold: bool = False, colour: str = "") -> QLabel:
    """A label as the item panel styles it — by font and palette: a style sheet would start Qt's CSS engine, some
    milliseconds the first paint does not need."""
    label = QLabel(text)
    label.setWordWrap(True)
    if points or bold:
        font = QFont(label.font())
        if points:
            font.setPointSize(points)
        font.setBold(bold)
        label.setFont(font)
    if colour:
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
        label.setPalette(palette)
    return label


class PictureGauge(ScoreGauge):
    """The gauge as the window painted it at the close, shown as that picture while it has the same size — painting
    it anew sets pens and brushes, whose first use builds PySide6's Qt namespace (321 enums, ~15 ms) — and painted
    anew once its size is another."""

    def __init__(self, picture: QImage | None, texts: dict[str, str]) -> None:
        super().__init__()
        self.picture = picture
        self.texts = texts

    # Its words as the window said them when it closed: painted anew (at another size) before the translators are
    # asked, or under this class's own name, the gauge would speak English in the Chinese UI.
    @property
    def unscored_text(self) -> str:
        return self.texts.get("unscored_text") or super().unscored_text

    @property
    def breakdown_text(self) -> str:
        return self.texts.get("breakdown_text", "") if self.texts else super().breakdown_text

    @property
    def veto_text(self) -> str:
        return self.texts.get("veto_text", "") if self.texts else super().veto_text

    @property
    def veto_tip(self) -> str:
        return self.texts.get("veto_tip", "") if self.texts else super().veto_tip

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.picture is None or self.picture.deviceIndependentSize().toSize() != self.size():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.drawImage(QPointF(0, 0), self.picture)
        painter.end()


def _picture(data: Gauge) -> QImage | None:
    width, height = data.picture_size
    try:
        pixels = zlib.decompress(base64.b64decode(data.picture)) if data.picture else b""
    except (ValueError, zlib.error):
        return None
    if not pixels or len(pixels) != width * height * 4:
        return None
    image = QImage(pixels, width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()  # its own
    image.setDevicePixelRatio(data.picture_ratio)
    return image


def _gauge(snapshot: Snapshot) -> PictureGauge:
    data = snapshot.gauge
    gauge = PictureGauge(_picture(data), data.texts)
    gauge.title, gauge.subtitle = data.title, data.subtitle
    gauge.bars = [
        Bar(name, Decimal(points), Decimal(maximum) if maximum is not None else None, unscored)
        for name, points, maximum, unscored in data.bars
    ]
    if data.sections is not None:
        base, bonus, deduction = data.sections
        gauge.sections = (Decimal(base), Decimal(bonus), Decimal(deduction))
    gauge.veto, gauge.vetoed, gauge.veto_texts = data.veto, list(data.vetoed), list(data.veto_texts)
    gauge.setToolTip(gauge.veto_tip)
    gauge.set_total(Decimal(data.total), Decimal(data.maximum), data.unscored)
    return gauge


def indicator_tree_look(tree: QAbstractItemView) -> None:
    """How the indicator tree looks and selects, in the window and on its first screen alike."""
    tree.setObjectName("indicatorTree")
    tree.setAlternatingRowColors(True)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)


def _tree(snapshot: Snapshot) -> QTreeWidget:
    tree = QTreeWidget()
    indicator_tree_look(tree)
    tree.setUniformRowHeights(True)
    tree.setHeaderLabels(snapshot.headers)
    tree.setTreePosition(snapshot.tree_column)
    bold = QFont(tree.font())
    bold.setBold(True)
    expanded: list[QTreeWidgetItem] = []

    def add(parent: QTreeWidget | QTreeWidgetItem, row: Row) -> QTreeWidgetItem:
        entry = QTreeWidgetItem(parent, [cell.text for cell in row.cells])
        for column, cell in enumerate(row.cells):
            if cell.color:
                entry.setData(column, FOREGROUND_ROLE, QColor(cell.color))
            if cell.align:
                entry.setData(column, TEXT_ALIGNMENT_ROLE, cell.align)
            if row.bold:
                entry.setFont(column, bold)
        if row.expanded:
            expanded.append(entry)
        for child in row.children:
            add(entry, child)
        return entry

    tops = [add(tree, row) for row in snapshot.rows]
    for entry in expanded:
        entry.setExpanded(True)
    for column, width in enumerate(snapshot.widths):
        tree.setColumnWidth(column, width)
    for column in snapshot.hidden:
        tree.setColumnHidden(column, True)
    if snapshot.stretched is not None:  # as the window lays its header out (window_layout.py)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(snapshot.stretched, QHeaderView.ResizeMode.Stretch)
    chosen = _at(tops, snapshot.selected)
    if chosen is not None:
        tree.setCurrentItem(chosen)
    return tree


def _at(tops: list[QTreeWidgetItem], position: list[int]) -> QTreeWidgetItem | None:
    if not position or position[0] >= len(tops):
        return None
    entry: QTreeWidgetItem | None = tops[position[0]]
    for number in position[1:]:
        if entry is None or number >= entry.childCount():
            return None
        entry = entry.child(number)
    return entry
