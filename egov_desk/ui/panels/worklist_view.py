"""The 待办 tab: what is still to do in the assessment shown, grouped by kind with counts, for every department or
one; Enter (or a double-click) on a line goes to the item in the 指标 tab. Printed (preview) and exported (.xlsx);
deadlines set from here for the item or the department chosen.

Built when first shown; read again after every change while it shows (once shown again after changes made
while hidden)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.core.review_states import FILLER
from egov_desk.core.worklist import KIND_LABELS, Worklist, worklist
from egov_desk.ui.html_preview import TABLE_STYLE, HtmlPreview
from egov_desk.ui.language import ui_language
from egov_desk.ui.models.worklist_model import CODE, DUE, NAME, OWED, ItemCodeRole, WorklistModel, owed

if TYPE_CHECKING:
    from egov_desk.core.changes import Changes
    from egov_desk.ui.context import WindowContext


def worklist_html(work: Worklist, heading: str) -> str:
    """The worklist as a page to print: a table per kind with its count."""
    parts = [f"<html><head>{TABLE_STYLE}</head><body><h3>{html.escape(heading)}</h3>"]
    counts = work.counts()
    if not work.entries:
        parts.append("<p>没有待办事项。</p>")
    for kind, label in KIND_LABELS.items():
        entries = work.of_kind(kind)
        if not entries:
            continue
        parts.append(f"<h4>{html.escape(label)}（{counts[kind]}）</h4>")
        parts.append('<table width="100%"><thead><tr><th>编号</th><th>名称</th><th>待办内容</th><th>截止日期</th>')
        parts.append("</tr></thead><tbody>")
        for entry in entries:
            cells = (entry.code, entry.title, owed(entry), entry.due.isoformat() if entry.due else "")
            parts.append("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "".join(parts)


class WorklistView(QWidget):
    item_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklistView")
        self.context: WindowContext | None = None
        self.built = False
        self.stale = True
        self.shown_for: int | None = None  # the assessment the lines are of
        self.work: Worklist | None = None
        self.last_dialog: QDialog | None = None  # the deadline dialog or the print preview (tests look at it)
        self.last_export: Path | None = None
        self.reads = 0  # reads started; only the latest one's result is shown
        self.reading = False
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(150)  # a burst of changes (an import, typing) read once
        self._refresh_soon.timeout.connect(self.refresh)

    def attach(self, context: WindowContext, assessment_shown: SignalInstance, go_to: Callable[[str], None]) -> None:
        """What it needs of the window: ``assessment_shown`` fires when another assessment is shown; ``go_to``
        shows an item in the 指标 tab."""
        self.context = context
        assessment_shown.connect(lambda *_: self.apply(None))
        self.item_activated.connect(go_to)

    # --- building (on first show) -------------------------------------------------------------------

    def _build(self) -> None:
        self.built = True
        self.department = QComboBox()
        self.department.setObjectName("worklistDepartment")
        label = QLabel(self.tr("Depar&tment:"))
        label.setBuddy(self.department)
        self.deadline_button = QPushButton(self.tr("Set &deadline…"))
        self.deadline_button.setToolTip(
            self.tr("For the item selected, a department or the whole assessment: chosen in the dialog")
        )
        self.print_button = QPushButton(self.tr("&Print…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.summary = QLabel()
        self.summary.setObjectName("worklistSummary")
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        for widget in (label, self.department, self.deadline_button, self.print_button, self.export_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.summary)
        self.tree = QTreeView()
        self.tree.setObjectName("worklistTree")
        self.model = WorklistModel(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.activated.connect(self._activated)  # Enter, or a double-click
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(OWED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(CODE, 110)
        header.resizeSection(NAME, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self.department.currentIndexChanged.connect(lambda _index: self.refresh())  # at once: the person chose
        self.deadline_button.clicked.connect(self.set_deadline)
        self.deadline_button.setEnabled(self.context is None or not self.context.workspace.read_only)
        self.print_button.clicked.connect(self.print_preview)
        self.export_button.clicked.connect(lambda: self.export())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.built:
            self._build()
        if self.stale or (self.context is not None and self.context.assessment.id != self.shown_for):
            self.refresh()

    # --- what it shows ------------------------------------------------------------------------------

    def apply(self, _changes: Changes | None) -> None:
        """Something changed (here, elsewhere, or another assessment is shown): read again while showing."""
        self.stale = True
        if self.built and self.isVisible():
            self._refresh_soon.start()

    def chosen_department(self) -> str | None:
        data = self.department.currentData()
        return data if isinstance(data, str) else None

    def _list_departments(self) -> None:
        assert self.context is not None
        names = self.context.departments()
        person = self.context.workspace.person
        first = person.department if person.role == FILLER and not self.shown_for else None
        keep = self.chosen_department() or first  # a filler first sees their own department's work
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All"), None)
        for name in names:
            self.department.addItem(name, name)
        self.department.setCurrentIndex(max(self.department.findData(keep), 0) if keep in names else 0)
        self.department.blockSignals(False)

    def refresh(self) -> None:
        """Read the worklist again off the UI thread (5,000 items take half a second); what comes back from an
        older read than the latest is dropped."""
        if self.context is None or not self.built:
            return
        context = self.context
        assessment = context.assessment.id
        if assessment != self.shown_for:
            self._list_departments()
        department = self.chosen_department()
        self.reads += 1
        read = self.reads
        self.reading = True
        self.stale = False
        self.summary.setText(self.tr("Reading…"))

        def done(work: Worklist) -> None:
            if read == self.reads:
                self.reading = False
                self._show(work, assessment)

        def failed(error: BaseException) -> None:
            if read == self.reads:
                self.reading = False
                self.summary.setText(say(error, ui_language()) if isinstance(error, Exception) else str(error))

        context.runner.start(lambda _progress: worklist(context.workspace, assessment, department), done, failed)

    def _show(self, work: Worklist, assessment: int) -> None:
        code = self.selected_code()
        collapsed = {
            self.model.groups[row].kind
            for row in range(self.model.rowCount())
            if not self.tree.isExpanded(self.model.index(row, 0))
        }
        self.work = work
        self.model.show(work)
        self.shown_for = assessment
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.setExpanded(self.model.index(row, 0), self.model.groups[row].kind not in collapsed)
        if code is not None:
            self._select(code)
        items = len(work.codes())
        self.summary.setText(self.tr("%1 item(s) with something to do").replace("%1", str(items)))

    def _select(self, code: str) -> None:
        for group in self.model.groups:
            index = self.model.index_of(group.kind, code)
            if index.isValid():
                self.tree.setCurrentIndex(index)
                return

    def selected_code(self) -> str | None:
        if not self.built:
            return None
        code = self.tree.currentIndex().data(ItemCodeRole)
        return code if isinstance(code, str) else None

    def _activated(self, index: QModelIndex) -> None:
        code = index.siblingAtColumn(0).data(ItemCodeRole)
        if isinstance(code, str):
            self.item_activated.emit(code)

    # --- actions --------------------------------------------------------------------------------------

    def set_deadline(self) -> None:
        from egov_desk.ui.dialogs.deadline import ask_deadline

        if self.context is None:
            return
        self.last_dialog = ask_deadline(self.context, self.selected_code(), self.chosen_department())

    def _heading(self) -> str:
        assert self.context is not None
        assessment = self.context.assessment
        department = self.chosen_department()
        return f"{assessment.label}{'（' + department + '）' if department else ''} 待办清单"

    def print_preview(self) -> HtmlPreview | None:
        if self.context is None or self.work is None:
            return None
        dialog = HtmlPreview(worklist_html(self.work, self._heading()), self._heading(), self.context.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def export(self, target: Path | None = None, done: Callable[[Path], None] | None = None) -> None:
        """Write the worklist shown (its department) as .xlsx, off the UI thread."""
        from egov_desk.core.exports.worklist_xlsx import write_worklist_xlsx
        from egov_desk.ui.dialogs.choose import save_path

        context, work = self.context, self.work
        if context is None or work is None:
            return
        if target is None:
            name = safe_name(f"{self._heading()}.xlsx")
            target = save_path(context.parent, self.tr("Save the worklist"), name, self.tr("Excel workbook (*.xlsx)"))
            if target is None:
                return
        system = context.workspace.system(context.assessment.system_id)
        heading, chosen = self._heading(), target

        def written(result: Any) -> None:
            self.last_export = chosen
            context.status(self.tr("Written: %1").replace("%1", str(chosen)), 8000)
            if done is not None:
                done(chosen)

        def failed(error: BaseException) -> None:
            text = self.tr("%1 was not written: %2").replace("%1", chosen.name)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Worklist"),
                text.replace("%2", say(error, ui_language())),
                QMessageBox.StandardButton.Ok,
                context.parent,
            )
            context.show(box)

        context.runner.start(lambda _progress: write_worklist_xlsx(work, system, heading, chosen), written, failed)
