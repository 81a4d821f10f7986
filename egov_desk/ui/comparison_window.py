"""视图 → 历年对比…: two assessments side by side, and each 一级指标 over every year of the workspace.

Above, the trend chart (every assessment, by year). Below, the two chosen (by default the one shown and the one
before it by year): per 一级指标 a row with its sub-totals, under it its items — the ones that lost points first
(the levels too) — with 分值 A → B, 得分 A → B, the change and what changed in the rule; 只看变化 hides the rest.
打印… shows a print preview, 导出… writes the comparison workbook."""

from __future__ import annotations

import html
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.comparison import (
    Comparison,
    ItemComparison,
    LevelComparison,
    compare_assessments,
    distinct_labels,
)
from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.core.points import compact, display
from egov_desk.core.trend import ordered_assessments, trends
from egov_desk.ui.html_preview import TABLE_STYLE, HtmlPreview
from egov_desk.ui.language import ui_language
from egov_desk.ui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.context import WindowContext

HEAD = ("编号", "名称", "分值 A → B", "得分 A → B", "差", "细则变化")  # printed; the window's own are translated
LOST = QColor("#b91c1c")
GAINED = QColor("#166534")
LEVEL = QColor("#eef3fb")
CodeRole = Qt.ItemDataRole.UserRole + 1


def _arrow(a: str, b: str) -> str:
    return a if a == b else f"{a or '—'} → {b or '—'}"


def _points(value: Decimal | None) -> str:
    return "" if value is None else compact(value)


def _delta(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"+{display(value)}" if value > 0 else display(value)


def item_cells(row: ItemComparison) -> tuple[str, ...]:
    from egov_desk.core.exports.comparison_xlsx import rule_words  # openpyxl: loaded once a comparison shows

    code = row.code_b or row.code_a or ""
    if row.code_a and row.code_b and row.code_a != row.code_b:
        code = f"{row.code_a} → {row.code_b}"
    return (
        code,
        row.name,
        _arrow(_points(row.points_a), _points(row.points_b)),
        _arrow(display(row.score_a), display(row.score_b)),
        _delta(item_change(row)),  # "8.60 → —" is not yet scored, not lost
        rule_words(row.rule_change, row.matched_by, row.code_a, row.code_b),
    )


def _both_scored_or_one_sided(row: ItemComparison) -> bool:
    return (row.score_a is not None and row.score_b is not None) or not (row.code_a and row.code_b)


def level_change(level: LevelComparison) -> Decimal | None:
    """A level's change, when it is scored in both (else nothing was lost: it is not scored yet, or new)."""
    both = level.score_a is not None and level.score_b is not None
    return level.delta if both or level.points_a is None or level.points_b is None else None


def changed(row: ItemComparison) -> bool:
    return bool(
        row.score_a != row.score_b  # unscored → 0 too
        or row.points_a != row.points_b
        or row.rule_change
        or not (row.code_a and row.code_b)
    )


def level_of_items(workspace: Workspace, comparison: Comparison) -> dict[int, str]:
    """Per item row (by its position) the name of its 一级指标: in B's system, else in A's."""
    system_a = workspace.system(comparison.a.system_id)
    system_b = workspace.system(comparison.b.system_id)
    names = {}
    for position, row in enumerate(comparison.items):
        item = system_b.item(row.code_b) if row.code_b else system_a.item(row.code_a or "")
        names[position] = item.path[0] if item.path else ""
    return names


def item_change(row: ItemComparison) -> Decimal | None:
    """The change shown: scored on both sides, or on one side only (new, dropped); not yet scored: none."""
    return row.delta if _both_scored_or_one_sided(row) else None


def grouped(workspace: Workspace, comparison: Comparison) -> list[tuple[Any, list[ItemComparison]]]:
    """The levels, the one that lost most first, each with its items (those that lost most first); what is not
    yet scored on one side lost nothing and comes after."""
    levels = {level.name: level for level in comparison.levels}
    names = level_of_items(workspace, comparison)
    items: dict[str, list[ItemComparison]] = {name: [] for name in levels}
    for position, row in enumerate(comparison.items):
        items.setdefault(names[position], []).append(row)
    order = list(levels)

    def loss(name: str) -> tuple[bool, Decimal, int]:
        level = levels.get(name)
        change = level_change(level) if level is not None else None
        return (change is None, change or Decimal(0), order.index(name) if name in order else len(order))

    def item_loss(row: ItemComparison) -> tuple[bool, Decimal]:
        change = item_change(row)
        return (change is None, change or Decimal(0))

    return [(levels.get(name), sorted(items[name], key=item_loss)) for name in sorted(items, key=loss)]


def comparison_html(workspace: Workspace, comparison: Comparison, only_changed: bool) -> str:
    parts = [f"<html><head>{TABLE_STYLE}</head><body>"]
    parts.append(f"<h3>历年对比：A {html.escape(comparison.a.label)}　B {html.escape(comparison.b.label)}</h3>")
    parts.append('<table width="100%"><thead><tr>')
    parts += [f"<th>{html.escape(text)}</th>" for text in HEAD]
    parts.append("</tr></thead><tbody>")
    for level, rows in grouped(workspace, comparison):
        if level is not None:
            cells: tuple[str, ...] = ("", level.name, _arrow(_points(level.points_a), _points(level.points_b)))
            cells += (_arrow(display(level.score_a), display(level.score_b)), _delta(level_change(level)), "")
            parts.append('<tr class="level">' + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        for row in rows:
            if not only_changed or changed(row):
                parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in item_cells(row)) + "</tr>")
    total: tuple[str, ...] = ("", "合计", _arrow(_points(comparison.a.max), _points(comparison.b.max)))
    total += (_arrow(display(comparison.a.total), display(comparison.b.total)), _delta(comparison.delta), "")
    parts.append('<tr class="level">' + "".join(f"<td>{html.escape(c)}</td>" for c in total) + "</tr>")
    parts.append("</tbody></table></body></html>")
    return "".join(parts)


class ComparisonWindow(QWidget):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent, Qt.WindowType.Window)
        self.setObjectName("comparisonWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.workspace = context.workspace
        self.comparison: Comparison | None = None
        self.last_dialog: QDialog | None = None
        self.last_export: Path | None = None
        self.setWindowTitle(self.tr("Years side by side"))
        self.a_combo, self.b_combo = QComboBox(), QComboBox()
        for combo in (self.a_combo, self.b_combo):  # as wide as the window allows, not as the longest label
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.a_combo.setObjectName("comparisonA")
        self.b_combo.setObjectName("comparisonB")
        assessments = ordered_assessments(self.workspace)
        labels = distinct_labels(self.workspace, assessments)
        for combo in (self.a_combo, self.b_combo):
            for info in assessments:
                combo.addItem(labels[info.id], info.id)
        shown = context.assessment
        earlier = [info for info in assessments if info.year < shown.year]
        before = earlier[-1] if earlier else next((i for i in assessments if i.id != shown.id), shown)
        self.a_combo.setCurrentIndex(self.a_combo.findData(before.id))
        self.b_combo.setCurrentIndex(self.b_combo.findData(shown.id))
        a_label, b_label = QLabel(self.tr("&A:")), QLabel(self.tr("&B:"))
        a_label.setBuddy(self.a_combo)
        b_label.setBuddy(self.b_combo)
        self.only_changed = QCheckBox(self.tr("Only &changes"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.close_button = QPushButton(self.tr("Close"))
        bar = QHBoxLayout()
        for widget in (a_label, self.a_combo, b_label, self.b_combo, self.only_changed):
            bar.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)  # the labels as long as room allows
        for button in (self.print_button, self.export_button, self.close_button):
            bar.addWidget(button)
        self.chart = TrendChart()
        self.chart_title = QLabel(self.tr("Each first-level indicator over the years (score / points)"))
        self.summary = QLabel()
        self.summary.setObjectName("comparisonSummary")
        self.table = QTreeWidget()
        self.table.setObjectName("comparisonTable")
        self.table.setColumnCount(len(HEAD))
        self.table.setHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Name"),
                self.tr("Points A → B"),
                self.tr("Score A → B"),
                self.tr("Change"),
                self.tr("Rule change"),
            ]
        )
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 90), (3, 130), (4, 70), (5, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.a_combo.currentIndexChanged.connect(lambda _index: self.compare())
        self.b_combo.currentIndexChanged.connect(lambda _index: self.compare())
        self.only_changed.toggled.connect(lambda _on: self.fill())
        self.print_button.clicked.connect(self.print_preview)
        self.export_button.clicked.connect(lambda: self.export())
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        QShortcut(QKeySequence("Esc"), self, self.close)
        self.chart.show_trends(trends(self.workspace))
        screen = (context.parent.screen() or self.screen()).availableGeometry()
        self.resize(min(1200, int(screen.width() * 0.95)), min(820, int(screen.height() * 0.92)))
        self.compare()

    def chosen(self) -> tuple[int, int]:
        return int(self.a_combo.currentData()), int(self.b_combo.currentData())

    def compare(self) -> None:
        a, b = self.chosen()
        self.comparison = compare_assessments(self.workspace, a, b)
        self.fill()

    def fill(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        self.table.clear()
        bold = QFont(self.table.font())
        bold.setBold(True)
        for level, rows in grouped(self.workspace, comparison):
            shown = [row for row in rows if not self.only_changed.isChecked() or changed(row)]
            if level is None:
                parent: QTreeWidget | QTreeWidgetItem = self.table
            else:
                cells = ["", level.name, _arrow(_points(level.points_a), _points(level.points_b))]
                cells += [_arrow(display(level.score_a), display(level.score_b)), _delta(level_change(level)), ""]
                parent = self._row(self.table, cells, level_change(level), bold)
            for row in shown:
                line = self._row(parent, list(item_cells(row)), item_change(row))
                line.setData(0, CodeRole, row.code_b or row.code_a)
                line.setToolTip(1, row.name)
        total = ["", self.tr("Total"), _arrow(_points(comparison.a.max), _points(comparison.b.max))]
        total += [_arrow(display(comparison.a.total), display(comparison.b.total)), _delta(comparison.delta), ""]
        self._row(self.table, total, comparison.delta, bold)
        self.table.expandAll()
        lost = len(comparison.lost)  # scored on both sides and fell: an item not yet scored has lost nothing
        self.summary.setText(
            self.tr("A %1 · B %2 · %3 item(s) lost points · %4 only in A · %5 only in B")
            .replace("%1", comparison.a.label)
            .replace("%2", comparison.b.label)
            .replace("%3", str(lost))
            .replace("%4", str(len(comparison.only_a)))
            .replace("%5", str(len(comparison.only_b)))
        )

    def _row(
        self,
        parent: QTreeWidget | QTreeWidgetItem,
        cells: list[str],
        delta: Decimal | None,
        font: QFont | None = None,
    ) -> QTreeWidgetItem:
        line = QTreeWidgetItem(parent, cells)
        for column in (2, 3, 4):
            line.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if delta is not None and delta != 0:
            line.setForeground(4, QBrush(LOST if delta < 0 else GAINED))
        if font is not None:
            for column in range(len(cells)):
                line.setFont(column, font)
                line.setBackground(column, QBrush(LEVEL))
        return line

    def item_codes(self) -> list[str]:
        """The items' codes in the table's order (tests)."""
        codes = []
        for top in range(self.table.topLevelItemCount()):
            level = self.table.topLevelItem(top)
            children = [level.child(n) for n in range(level.childCount())] if level is not None else []
            codes += [child.data(0, CodeRole) for child in children if child is not None]
        return codes

    def _heading(self) -> str:
        assert self.comparison is not None
        return f"历年对比 {self.comparison.a.label} - {self.comparison.b.label}"

    def print_preview(self) -> HtmlPreview | None:
        if self.comparison is None:
            return None
        page = comparison_html(self.workspace, self.comparison, self.only_changed.isChecked())
        dialog = HtmlPreview(page, self._heading(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def export(self, target: Path | None = None) -> None:
        from egov_desk.core.exports.comparison_xlsx import write_comparison_xlsx
        from egov_desk.ui.dialogs.choose import save_path

        comparison = self.comparison
        if comparison is None:
            return
        if target is None:
            name = safe_name(f"{self._heading()}.xlsx")
            target = save_path(self, self.tr("Save the comparison"), name, self.tr("Excel workbook (*.xlsx)"))
            if target is None:
                return
        chosen = target

        def written(_result: Any) -> None:
            self.last_export = chosen
            self.context.status(self.tr("Written: %1").replace("%1", str(chosen)), 8000)

        def failed(error: BaseException) -> None:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Years side by side"),
                self.tr("%1 was not written: %2").replace("%1", chosen.name).replace("%2", say(error, ui_language())),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        self.context.runner.start(lambda _progress: write_comparison_xlsx(comparison, chosen), written, failed)


def open_comparison(context: WindowContext) -> ComparisonWindow:
    """Open the window over the main one (kept alive by its parent until closed)."""
    window = ComparisonWindow(context)
    window.show()
    window.raise_()
    return window
