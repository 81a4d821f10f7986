"""The indicator tree as a Qt item model: levels with their roll-up, items with their scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from egov_desk.core.indicators import IndicatorSystem, Item, Node, NodeKey
from egov_desk.core.judgements import Judgement, count_judgements, is_judged, judged_only, judgement, worst_judgement
from egov_desk.core.messages import is_chinese
from egov_desk.core.points import compact, display
from egov_desk.core.review_states import APPROVED, ITEM_STATES, RETURNED, SUBMITTED, said
from egov_desk.core.scoring import ItemScore, ScoreSheet
from egov_desk.core.workspace import Change
from egov_desk.ui.language import ui_language

AnyIndex = QModelIndex | QPersistentModelIndex

CODE, NAME, MAX, SCORE, EVIDENCE, LEAD = range(6)
COLUMN_COUNT = 6

ItemCodeRole = Qt.ItemDataRole.UserRole + 1
"""The item's 编号 for item rows, None for levels."""
SearchTextRole = Qt.ItemDataRole.UserRole + 2
"""What the search box looks in: code, name and rule text."""
DepartmentsRole = Qt.ItemDataRole.UserRole + 3
"""(lead, (cooperating, …)) of an item."""
SortRole = Qt.ItemDataRole.UserRole + 4
ReviewRole = Qt.ItemDataRole.UserRole + 5
"""The item's review status key (not_started, filling, submitted, returned, approved); None for levels."""

# Looked up once: the view asks data() for each role of each cell it paints, and each lookup of a Qt enum member
# (or each | of two flags) costs as much as the answer.
DISPLAY, TOOLTIP, DECORATION = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole
FOREGROUND, FONT, BACKGROUND = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
SERVED = frozenset(
    {DISPLAY, TOOLTIP, DECORATION, FOREGROUND, FONT, BACKGROUND, ALIGNMENT}
    | {ItemCodeRole, SearchTextRole, DepartmentsRole, SortRole, ReviewRole}
)

UNSCORED = QColor("#b45309")  # amber: "still to do", readable on white
MUTED = QColor("#64748b")
LEVEL_1 = QColor("#eef3fb")
FAILED = QColor("#b91c1c")  # 不合格 and a triggered veto
PASSED = QColor("#166534")  # 合格
BETWEEN = QColor("#a16207")  # 基本合格 and the levels between


MARKED = {SUBMITTED: QColor("#d97706"), RETURNED: FAILED, APPROVED: PASSED}  # the review states with a mark
_marks: dict[str, QIcon] = {}


def judgement_colour(found: Judgement) -> QColor:
    return FAILED if found.failing else PASSED if found.best else BETWEEN


class ReviewOfItem(Protocol):
    """What the tree shows of an item's review (core.review.ItemReview is one)."""

    @property
    def status(self) -> str: ...

    @property
    def comment(self) -> str: ...


def review_mark(status: str) -> QIcon | None:
    """A small dot before the code of an item submitted (amber), returned (red) or approved (green)."""
    colour = MARKED.get(status)
    if colour is None:
        return None
    if status not in _marks:
        pixmap = QPixmap(10, 10)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(1, 1, 8, 8)
        painter.end()
        _marks[status] = QIcon(pixmap)
    return _marks[status]


@dataclass
class _Row:
    """One row of the tree: a level (``node``) or an item; ``parent`` indexes into the model's rows."""

    node: Node | None
    item: Item | None
    parent: int  # -1 for top-level rows
    row: int
    children: list[int] = field(default_factory=list)


class IndicatorTreeModel(QAbstractItemModel):
    """Read-only tree over one assessment's :class:`ScoreSheet`; :meth:`apply` repaints what a write changed."""

    def __init__(
        self, sheet: ScoreSheet, evidence: dict[str, tuple[int, int, int]] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._sheet = sheet
        self._evidence = evidence or {}
        self._rows: list[_Row] = []
        self._top: list[int] = []
        self._by_code: dict[str, int] = {}
        self._by_key: dict[tuple[int, ...], int] = {}
        self._judged_only = judged_only(sheet.system)  # a table without points: levels show judgements
        self._worst: dict[NodeKey, Judgement | None] = {}  # levels' worst judgements, forgotten on each change
        self._reviews: dict[str, ReviewOfItem] = {}
        self._build(sheet.system)

    def _build(self, system: IndicatorSystem) -> None:
        def add(node: Node, parent: int, row: int) -> int:
            number = len(self._rows)
            self._rows.append(_Row(node, None, parent, row))
            self._by_key[node.key] = number
            entries = self._rows[number].children
            for child in node.children:
                entries.append(add(child, number, len(entries)))
            for item in node.items:
                item_number = len(self._rows)
                self._rows.append(_Row(None, item, number, len(entries)))
                self._by_code[item.code] = item_number
                entries.append(item_number)
            return number

        for position, node in enumerate(system.tree):
            self._top.append(add(node, -1, position))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == ALIGNMENT and section in (MAX, SCORE):
            return RIGHT
        if role == DISPLAY:
            headers = (
                self.tr("Code"),
                self.tr("Indicator / item"),
                self.tr("Points"),
                self.tr("Self score"),
                self.tr("Evidence"),
                self.tr("Lead department"),
            )
            return headers[section]
        return None

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return COLUMN_COUNT

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._top)
        if parent.column() > 0:
            return 0
        return len(self._rows[parent.internalId()].children)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Checked here rather than by hasIndex(), which calls back into rowCount() and columnCount(): the view asks
        # for thousands of indexes each time it lays out the tree.
        if parent.isValid():
            if parent.column() > 0:
                return QModelIndex()
            siblings = self._rows[parent.internalId()].children
        else:
            siblings = self._top
        if 0 <= row < len(siblings) and 0 <= column < COLUMN_COUNT:
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        parent = self._rows[child.internalId()].parent
        if parent < 0:
            return QModelIndex()
        return self.createIndex(self._rows[parent].row, 0, parent)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return ITEM_FLAGS

    def data(self, index: AnyIndex, role: int = DISPLAY):
        if role not in SERVED or not index.isValid():  # the view asks every cell for a dozen roles as it paints
            return None
        entry = self._rows[index.internalId()]
        column = index.column()
        if entry.item is not None:
            return self._item_data(entry.item, column, role)
        assert entry.node is not None
        return self._node_data(entry.node, column, role)

    def _item_data(self, item: Item, column: int, role: int):
        score = self._sheet.items[item.code]
        if role == DISPLAY:
            if column == CODE:
                return item.code
            if column == NAME:
                return item.title
            if column == MAX:
                return "" if is_judged(item) else compact(item.points)
            if column == SCORE:
                return self._item_score_text(item, score)
            if column == EVIDENCE:
                return self._evidence_text(item)
            if column == LEAD:
                return item.lead
        elif role == TOOLTIP and column == EVIDENCE:
            have, checked, need = self._evidence.get(item.code, (0, 0, 0))
            return (
                self.tr("collected %1 · checked %2 · missing %3")
                .replace("%1", str(have))
                .replace("%2", str(checked))
                .replace("%3", str(need - have))
            )
        elif role == DECORATION and column == CODE:
            return review_mark(self.review_status(item.code))
        elif role == TOOLTIP and column == CODE and self.review_status(item.code) in MARKED:
            return self._review_tip(item.code)
        elif role == TOOLTIP and column == SCORE and score.vetoed and item.veto is not None:
            return self._veto_tip(item.veto.text, item.veto.effect)
        elif role == TOOLTIP:
            return item.rule_text
        elif role == FOREGROUND and column == SCORE:
            return self._item_score_colour(item, score)
        elif role == FOREGROUND and column == EVIDENCE:
            have, _checked, need = self._evidence.get(item.code, (0, 0, 0))
            return QBrush(UNSCORED if have < need else MUTED)
        elif role == ALIGNMENT and column in (MAX, SCORE, EVIDENCE):
            return RIGHT
        elif role == ItemCodeRole:
            return item.code
        elif role == SearchTextRole:
            return f"{item.code} {item.title} {item.rule_text}".casefold()
        elif role == DepartmentsRole:
            return (item.lead, item.cooperating)
        elif role == ReviewRole:
            return self.review_status(item.code)
        elif role == SortRole:
            return self._sort_key(item, score, column)
        return None

    def _node_data(self, node: Node, column: int, role: int):
        score = self._sheet.nodes[node.key]
        if role == DISPLAY:
            if column == NAME:
                return node.name
            if column == MAX:
                if node.points is None and score.max is not None:  # a weighted level: its weight
                    return compact(score.max)
                return compact(node.points) if node.points is not None else ""
            if column == SCORE:
                return self._node_score_text(node) if self._judged_only else display(score.points)
        elif role == TOOLTIP and column == SCORE and self._judged_only:
            return count_judgements(self._sheet, node.key).text(self.tr("not judged"))
        elif role == FOREGROUND and column == SCORE and self._judged_only:
            worst = self._node_worst(node)
            return QBrush(judgement_colour(worst)) if worst is not None else QBrush(UNSCORED)
        elif role == TOOLTIP and node.weighted and node.scale is not None and column in (MAX, SCORE):
            within = display(score.within) if score.within is not None else "—"
            return (
                self.tr("Weighted: %1 of %2 inside, counted × %3% in the total")
                .replace("%1", within)
                .replace("%2", compact(node.scale))
                .replace("%3", compact(node.weight) if node.weight is not None else "—")
            )
        elif role == TOOLTIP and column == SCORE and score.unscored:
            return self.tr("%n item(s) not scored yet", "", score.unscored)
        elif role == FONT and node.level == 1:
            font = QFont()
            font.setBold(True)
            return font
        elif role == BACKGROUND and node.level == 1:
            return QBrush(LEVEL_1)
        elif role == ALIGNMENT and column in (MAX, SCORE):
            return RIGHT
        elif role == SearchTextRole:
            return node.name.casefold()
        elif role == SortRole:
            if column in (MAX, SCORE):
                return float((node.points or score.max or 0) if column == MAX else score.points)
            return ".".join(f"{position:04d}" for position in node.key)  # levels keep the table's order
        return None

    def _item_score_text(self, item: Item, score: ItemScore) -> str:
        if score.vetoed:
            return self.tr("Vetoed")
        if is_judged(item):
            found = judgement(item, score)
            return found.label if found is not None else "—"
        return display(score.points) if score.scored or score.partial else "—"

    def _item_score_colour(self, item: Item, score: ItemScore) -> QBrush | None:
        if score.vetoed:
            return QBrush(FAILED)
        found = judgement(item, score)
        if found is not None:
            return QBrush(judgement_colour(found))
        return None if score.scored else QBrush(UNSCORED)

    def _review_tip(self, code: str) -> str:
        review = self._reviews[code]
        word = said(ITEM_STATES, review.status, is_chinese(ui_language()))
        if review.status == RETURNED and review.comment:
            return self.tr("%1: %2").replace("%1", word).replace("%2", review.comment)
        return word

    def _veto_tip(self, text: str, effect: str) -> str:
        said = self.tr("The total counts as 0") if effect == "zero" else self.tr("The assessment is marked failed")
        return self.tr("Veto triggered: %1\n%2").replace("%1", text).replace("%2", said)

    def _node_worst(self, node: Node) -> Judgement | None:
        if node.key not in self._worst:
            self._worst[node.key] = worst_judgement(self._sheet, node.key)
        return self._worst[node.key]

    def _node_score_text(self, node: Node) -> str:
        """A level of a table without points: the worst judgement below it (不合格 when any item failed)."""
        worst = self._node_worst(node)
        return worst.label if worst is not None else "—"

    def _evidence_text(self, item: Item) -> str:
        have, _checked, need = self._evidence.get(item.code, (0, 0, 0))
        if need:
            return f"{have}/{need}"
        return self.tr("others") if item.supplied_by else ""

    @staticmethod
    def _sort_key(item: Item, score: ItemScore, column: int) -> object:
        found = judgement(item, score)
        if column == SCORE and found is not None:
            return float(-found.index)  # the best first when sorted high to low, as points are
        if column in (MAX, SCORE):
            return float(item.points if column == MAX else score.points)
        if column == EVIDENCE:
            return 0
        return item.code if column == CODE else item.title

    # --- lookups and updates ----------------------------------------------------------------------

    @property
    def sheet(self) -> ScoreSheet:
        return self._sheet

    def entry(self, index: AnyIndex) -> Item | Node | None:
        """The item or level a row shows."""
        if not index.isValid():
            return None
        row = self._rows[index.internalId()]
        return row.item if row.item is not None else row.node

    def item_codes(self) -> list[str]:
        return list(self._by_code)

    def set_evidence(self, code: str, collected: int, checked: int, needed: int) -> None:
        self._evidence[code] = (collected, checked, needed)
        index = self.index_of_item(code, EVIDENCE)
        self.dataChanged.emit(index, index)

    def review_status(self, code: str) -> str:
        review = self._reviews.get(code)
        return review.status if review is not None else ""

    def set_reviews(self, reviews: Mapping[str, ReviewOfItem]) -> None:
        """Show these items' review (status marks and their tips); repaint the codes whose status changed."""
        before = self._reviews
        self._reviews = dict(reviews)

        def shown(review: ReviewOfItem | None) -> tuple[str, str]:  # what the mark and its tip say
            return (review.status, review.comment) if review is not None and review.status in MARKED else ("", "")

        for code in self._by_code:
            if shown(before.get(code)) != shown(self._reviews.get(code)):
                index = self.index_of_item(code, CODE)
                self.dataChanged.emit(index, index)

    # --- lookups and updates ----------------------------------------------------------------------

    def index_of_item(self, code: str, column: int = 0) -> QModelIndex:
        number = self._by_code[code]
        return self.createIndex(self._rows[number].row, column, number)

    def apply(self, change: Change) -> None:
        """Repaint the changed item and the levels above it (the Workspace updated the sheet in place)."""
        self._worst.clear()
        rows = [self._by_code[change.code]] + [self._by_key[node.key] for node in change.nodes]
        for number in rows:
            entry = self._rows[number]
            left = self.createIndex(entry.row, 0, number)
            right = self.createIndex(entry.row, COLUMN_COUNT - 1, number)
            self.dataChanged.emit(left, right)
