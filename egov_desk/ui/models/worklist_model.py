"""The worklist as a Qt item model: a group per kind of work (its count as the tree counts it), under it one line
per item: 编号, 名称, what is owed, the due date."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from egov_desk.core.messages import is_chinese
from egov_desk.core.worklist import KIND_LABELS, KIND_LABELS_EN, KINDS, OVERDUE, RETURNED_ITEM, WorkEntry, Worklist
from egov_desk.ui.language import ui_language

AnyIndex = QModelIndex | QPersistentModelIndex

CODE, NAME, OWED, DUE = range(4)
COLUMN_COUNT = 4

ItemCodeRole = Qt.ItemDataRole.UserRole + 1
"""The item's 编号 on an entry's line, None on a kind's."""
KindRole = Qt.ItemDataRole.UserRole + 2
"""The kind of work (:data:`~egov_desk.core.worklist.KINDS`) of a group and of each of its lines."""

URGENT = QColor("#b91c1c")  # returned and overdue
GROUP = QColor("#eef3fb")
NO_PARENT = 0  # a group's internal id; an entry's is its group's row + 1


@dataclass
class _Group:
    kind: str
    count: int
    entries: list[WorkEntry] = field(default_factory=list)


def owed(entry: WorkEntry, chinese: bool = True) -> str:
    """What is owed, in one line: the requirements, files or comment; for an unscored item its parts."""
    if entry.subjects:
        return "；".join(entry.subjects) if chinese else "; ".join(entry.subjects)
    if entry.partial:
        return "部分已填" if chinese else "partly entered"
    return KIND_LABELS[entry.kind] if chinese else KIND_LABELS_EN[entry.kind]


class WorklistModel(QAbstractItemModel):
    """Two levels: kinds (only those with work), then entries. ``show`` replaces everything."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[_Group] = []
        self.work: Worklist | None = None
        self.chinese = is_chinese(ui_language())

    def show(self, work: Worklist) -> None:
        self.beginResetModel()
        self.work = work
        counts = work.counts()
        self.groups = [_Group(kind, counts[kind], work.of_kind(kind)) for kind in KINDS if work.of_kind(kind)]
        self.endResetModel()

    # --- the structure: a group's row has no parent; an entry's internal id is its group's row + 1 --

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, NO_PARENT)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == NO_PARENT and parent.column() == 0:
            return len(self.groups[parent.row()].entries)
        return 0

    def columnCount(self, _parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Name"), self.tr("Owed"), self.tr("Due"))[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def entry(self, index: AnyIndex) -> WorkEntry | None:
        if not index.isValid() or index.internalId() == NO_PARENT:
            return None
        return self.groups[int(index.internalId()) - 1].entries[index.row()]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry(index)
        if entry is None:
            return self._group_data(self.groups[index.row()], index.column(), role)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            due = entry.due.isoformat() if entry.due else ""
            return (entry.code, entry.title, owed(entry, self.chinese), due)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return entry.title
        if role == Qt.ItemDataRole.ToolTipRole and column == OWED:
            return "\n".join(entry.subjects) or None
        if role == ItemCodeRole:
            return entry.code
        if role == KindRole:
            return entry.kind
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE and entry.kind in (OVERDUE, RETURNED_ITEM):
            return QBrush(URGENT)
        return None

    def _group_data(self, group: _Group, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole and column == CODE:
            label = KIND_LABELS[group.kind] if self.chinese else KIND_LABELS_EN[group.kind]
            return f"{label}（{group.count}）" if self.chinese else f"{label} ({group.count})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP)
        if role == Qt.ItemDataRole.ForegroundRole and group.kind in (OVERDUE, RETURNED_ITEM):
            return QBrush(URGENT)
        if role == KindRole:
            return group.kind
        return None

    def group_row(self, kind: str) -> int:
        """The row of the kind's group; -1 when it has no work."""
        return next((row for row, group in enumerate(self.groups) if group.kind == kind), -1)

    def counts(self) -> dict[str, int]:
        """Per kind shown, the count its group says."""
        return {group.kind: group.count for group in self.groups}

    def index_of(self, kind: str, code: str) -> QModelIndex:
        """The line of ``code`` under ``kind``; invalid when there is none."""
        row = self.group_row(kind)
        if row < 0:
            return QModelIndex()
        for number, entry in enumerate(self.groups[row].entries):
            if entry.code == code:
                return self.index(number, 0, self.index(row, 0))
        return QModelIndex()
