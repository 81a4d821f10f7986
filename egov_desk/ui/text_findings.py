"""What a file's text says against the assessment, shown where the person looks: in the item's evidence checklist a
file whose text carries a date outside the assessed year or another unit's name gets a warning mark, and its
tooltip (and the status bar, when the row is reached by the keyboard) says each finding with its page —
"第 2 页：2016年5月 不在考评年度（2019）内", "第 1 页：可能是其他单位的材料：某某市交通运输局".

Marked each time the checklist is shown (one query for the item's files: a few milliseconds) — which the window's
watch of writes made by other processes does while the OCR worker commits files — and again when the worker ends.
The worklist's 材料内容存疑 is read again by the same watch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QTreeWidgetItem

from egov_desk.core.errors import EgovError
from egov_desk.core.evidence_text import TextFinding
from egov_desk.core.messages import is_chinese
from egov_desk.ui.language import ui_language
from egov_desk.ui.panels.checklist_tree import FileRole

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
    from egov_desk.ui.panels.evidence_panel import EvidencePanel

PlainTipRole = Qt.ItemDataRole.UserRole + 40  # a file row's tooltip before any finding was added to it
SAID = 8  # findings listed in a tooltip; the rest are counted


class TextFindingMarks(QObject):
    def __init__(self, context: WindowContext, panel: EvidencePanel, ocr: OcrRunner | None = None) -> None:
        super().__init__(panel)
        self.context = context
        self.panel = panel
        self.shown: dict[int, list[TextFinding]] = {}  # by file id: the findings marked now
        panel.evidence_shown.connect(self.mark)
        panel.tree.currentItemChanged.connect(self._reached)
        if ocr is not None:
            ocr.text_read.connect(self.mark)

    def mark(self) -> None:
        """Mark the files of the item shown whose text has findings (and unmark those that have none now)."""
        code = self.panel.code
        try:
            found = self.context.workspace.evidence_text.findings(self.context.assessment.id, code) if code else []
        except EgovError:  # the workspace went away (a server unreachable): the marks come with the next showing
            return
        self.shown = {}
        for finding in found:
            self.shown.setdefault(finding.file_id, []).append(finding)
        for row in self._file_rows():
            self._mark_row(row, self.shown.get(row.data(0, FileRole).id, []))

    def _file_rows(self) -> list[QTreeWidgetItem]:
        rows = []
        tree = self.panel.tree
        for number in range(tree.topLevelItemCount()):
            parent = tree.topLevelItem(number)
            for child in range(parent.childCount() if parent is not None else 0):
                row = parent.child(child) if parent is not None else None
                if row is not None and row.data(0, FileRole) is not None:
                    rows.append(row)
        return rows

    def _mark_row(self, row: QTreeWidgetItem, found: list[TextFinding]) -> None:
        plain = row.data(0, PlainTipRole)
        if not found:
            if plain is not None:  # marked before: its plain look back (a row never marked is left untouched: each
                row.setIcon(0, QIcon())  # change repaints, and the rows of an attach of 100 files are all new)
                row.setToolTip(0, plain)
                row.setData(0, PlainTipRole, None)
            return
        if plain is None:
            plain = row.toolTip(0)
            row.setData(0, PlainTipRole, plain)
        row.setIcon(0, self.panel.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        row.setToolTip(0, self.tr("The text may not belong here:") + "\n" + self.lines(found) + "\n\n" + plain)

    def lines(self, found: list[TextFinding]) -> str:
        """Each finding on a line of its own, at most :data:`SAID`, the rest counted."""
        said = [self.said(finding) for finding in found[:SAID]]
        if len(found) > SAID:
            said.append(self.tr("…and %n more", "", len(found) - SAID))
        return "\n".join(said)

    def said(self, finding: TextFinding) -> str:
        if finding.kind == "date_outside_year":
            words = self.tr("Page %1: %2 is outside the assessed year (%3)")
            return words.replace("%1", str(finding.page)).replace("%2", finding.found).replace("%3", str(finding.year))
        words = self.tr("Page %1: may be another unit's material: %2")
        return words.replace("%1", str(finding.page)).replace("%2", finding.found)

    def _reached(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        file = current.data(0, FileRole) if current is not None else None
        found = self.shown.get(file.id, []) if file is not None else []
        if file is not None and found:
            between = "；" if is_chinese(ui_language()) else "; "
            said = between.join(self.said(finding) for finding in found[:SAID])
            self.context.status(self.tr("%1: %2").replace("%1", file.name).replace("%2", said), 10_000)
