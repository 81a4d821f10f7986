"""The import wizard's page of the tree as read, each item's proposed rule beside its text, the unsure ones marked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWizardPage

from egov_desk.core.points import compact, to_points
from egov_desk.core.rules import summary

if TYPE_CHECKING:
    from egov_desk.core.importers.pipeline import ImportResult

LOW = QColor("#b45309")


class SystemTree(QTreeWidget):
    """The levels and items read, each item's proposed rule beside its text, the unsure ones in amber."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderLabels(
            [
                QCoreApplication.translate("ReviewPage", "Code"),
                QCoreApplication.translate("ReviewPage", "Indicator / scoring rule"),
                QCoreApplication.translate("ReviewPage", "Points"),
                QCoreApplication.translate("ReviewPage", "Proposed rule"),
                QCoreApplication.translate("ReviewPage", "Confidence"),
            ]
        )
        self.setTreePosition(1)  # branches beside the names; codes stay readable
        self.setColumnWidth(0, 56)
        self.setColumnWidth(1, 360)
        self.setColumnWidth(2, 50)
        self.setColumnWidth(3, 300)

    def show_result(self, result: ImportResult | None) -> int:
        """Show the tree of ``result`` (nothing for None); the number of rules a person should check."""
        self.clear()
        if result is None:
            return 0
        unsure = sum(self._add(node, None, result) for node in result.data["tree"])
        self.expandAll()
        return unsure

    def _add(self, node: dict[str, Any], parent: QTreeWidgetItem | None, result: ImportResult) -> int:
        points = "" if node.get("points") is None else compact(to_points(node["points"]))
        if node.get("weight") is not None:  # a weighted level: its weight, its children scored inside it
            points = QCoreApplication.translate("ReviewPage", "weight %1%").replace(
                "%1", compact(to_points(node["weight"]))
            )
        entry = QTreeWidgetItem(["", node["name"], points])
        font = entry.font(1)
        font.setBold(True)
        entry.setFont(1, font)
        (parent.addChild(entry) if parent else self.addTopLevelItem(entry))
        unsure = 0
        for child in node.get("children", []):
            unsure += self._add(child, entry, result)
        for item in node.get("items", []):
            proposal = result.proposals[item["code"]]
            points = "" if item.get("points") is None else compact(to_points(item["points"]))
            text = item.get("name") or item["rule"].replace("\n", " ")
            row = QTreeWidgetItem(
                [item["code"], text, points, summary(proposal.rule), f"{round(proposal.confidence * 100)}%"]
            )
            row.setToolTip(1, item["rule"])
            row.setToolTip(3, "\n".join(proposal.notes) or summary(proposal.rule))
            if proposal.confidence < 0.5 or proposal.notes:
                unsure += 1
                for column in (3, 4):
                    row.setForeground(column, QBrush(LOW))
            entry.addChild(row)
        return unsure


class ReviewPage(QWizardPage):
    def __init__(self, read_result: Callable[[], ImportResult | None]) -> None:
        super().__init__()
        self.read_result = read_result
        self.setTitle(self.tr("Indicators and scoring rules"))
        self.setSubTitle(
            self.tr(
                "The tree as read, and the rule proposed for each item beside its text. "
                "Rules marked in amber need a person's check; all rules can be changed later."
            )
        )
        self.tree = SystemTree()
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)

    def initializePage(self) -> None:
        result = self.read_result()
        unsure = self.tree.show_result(result)
        if result is None:
            return
        count = len(result.proposals)
        self.summary.setText(self.tr("%n scoring item(s); ", "", count) + self.tr("%n rule(s) to check", "", unsure))
