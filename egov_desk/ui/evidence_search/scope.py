"""The search box's scope: 指标 (code, name, rule — the tree filters as you type; Ctrl+F) or 材料内容 (the text of
every evidence file, searched on Enter; Ctrl+Shift+F). The toolbar shows the box of the scope chosen, in the same
place, with the switch before it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolBar, QWidget

INDICATORS, EVIDENCE = 0, 1


class SearchScope(QObject):
    searched = Signal(str)  # Enter in the 材料内容 box

    def __init__(self, window: QWidget, search: QLineEdit, find_action: QAction | None) -> None:
        super().__init__(window)
        self.search = search
        self.combo = QComboBox()
        self.combo.setObjectName("searchScope")
        self.combo.addItem(self.tr("Indicators"), INDICATORS)
        self.combo.addItem(self.tr("Evidence text"), EVIDENCE)
        self.combo.setToolTip(
            self.tr(
                "What the search box looks in: indicators (code, name, rule; Ctrl+F) or the text inside every "
                "evidence file, scans read by OCR included (Ctrl+Shift+F)"
            )
        )
        self.box = QLineEdit()
        self.box.setObjectName("evidenceSearchBox")
        self.box.setPlaceholderText(self.tr("Words in the evidence, then Enter (Ctrl+Shift+F)"))
        self.box.setClearButtonEnabled(True)
        self.box.setMaximumWidth(search.maximumWidth())
        self.box.returnPressed.connect(self._entered)
        self.box_action: QAction | None = None
        self.search_action: QAction | None = None
        bar = search.parentWidget()
        if isinstance(bar, QToolBar):
            actions = bar.actions()
            self.search_action = next((a for a in actions if bar.widgetForAction(a) is search), None)
            if self.search_action is not None:
                following = actions[actions.index(self.search_action) + 1 :]
                bar.insertWidget(self.search_action, self.combo)
                if following:
                    self.box_action = bar.insertWidget(following[0], self.box)
                else:
                    self.box_action = bar.addWidget(self.box)
        self.evidence_action = QAction(self.tr("Find in the &evidence text…"), window)
        self.evidence_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.evidence_action.setStatusTip(self.tr("Search the text inside every evidence file, scans included"))
        self.evidence_action.triggered.connect(self.focus_evidence)
        window.addAction(self.evidence_action)
        if find_action is not None:
            find_action.triggered.connect(self.focus_indicators)
        self.combo.currentIndexChanged.connect(self._scope_chosen)
        self._scope_chosen(INDICATORS)

    @property
    def scope(self) -> int:
        return int(self.combo.currentData())

    def _scope_chosen(self, _index: int) -> None:
        evidence = self.scope == EVIDENCE
        if evidence:
            self.search.clear()  # a hidden box must not keep the tree filtered
        if self.search_action is not None:
            self.search_action.setVisible(not evidence)
        if self.box_action is not None:
            self.box_action.setVisible(evidence)
        self.search.setVisible(not evidence)  # at once, not at the toolbar's next layout: the box takes the focus now
        self.box.setVisible(evidence)
        box = self.box if evidence else self.search
        if self.combo.hasFocus() or self.box.hasFocus() or self.search.hasFocus():
            box.setFocus()

    def focus_indicators(self) -> None:
        self.combo.setCurrentIndex(INDICATORS)
        self.search.setFocus()
        self.search.selectAll()

    def focus_evidence(self) -> None:
        self.combo.setCurrentIndex(EVIDENCE)
        self.box.setFocus()
        self.box.selectAll()

    def _entered(self) -> None:
        words = self.box.text().strip()
        if words:
            self.searched.emit(words)
