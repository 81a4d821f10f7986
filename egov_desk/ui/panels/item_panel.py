"""The selected item: where it sits, its rule as printed, who does what, its score editor, its note."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.evidence import ItemEvidence
from egov_desk.core.indicators import Item, Node
from egov_desk.core.judgements import is_judged, items_below, judgement, worst_below
from egov_desk.core.points import compact, display
from egov_desk.core.rules import PassFail
from egov_desk.core.scoring import ItemScore, NodeScore
from egov_desk.ui.editors import RuleEditor, editor_for
from egov_desk.ui.panels.evidence_panel import EvidencePanel
from egov_desk.ui.panels.review_bar import ReviewBar

NOTE_SAVE_DELAY_MS = 700


class NoteEdit(QPlainTextEdit):
    """A note saved a moment after typing stops, or when focus leaves."""

    finished = Signal(str)
    focused = Signal()  # its panel scrolls it into sight (Alt+N from anywhere)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(72)
        self.saved = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        self.textChanged.connect(self.timer.start)

    def load(self, text: str) -> None:
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)
        self.saved = text
        self.timer.stop()

    def flush(self) -> None:
        self.timer.stop()
        if self.toPlainText() != self.saved:
            self.saved = self.toPlainText()
            self.finished.emit(self.saved)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.ShortcutFocusReason:  # Alt+N: to go on writing where the note ends
            self.moveCursor(QTextCursor.MoveOperation.End)
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)


def _takes_tab(widget: QWidget, within: QWidget) -> bool:
    """Tab can land on ``widget``, shown as part of ``within`` (a field of an editor hidden to be deleted cannot)."""
    shown = widget is within or widget.isVisibleTo(within)
    return shown and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _section(title: str) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(10, 8, 10, 8)
    return box, layout


def _text(selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ItemPanel(QScrollArea):
    input_edited = Signal(str, object)  # item code, new input (None: not scored)
    note_edited = Signal(str, str)
    input_abandoned = Signal(str, list, str)  # item code, the texts typed, why they were refused

    def minimumSizeHint(self) -> QSize:  # as wide as its content needs: the splitter narrows the tree instead
        inner, hint = self.widget(), super().minimumSizeHint()
        need = inner.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() if inner else 0
        return QSize(max(hint.width(), need + 2 * self.frameWidth()), hint.height())

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long labels wrap instead
        self.item: Item | None = None
        self.editor: RuleEditor | None = None
        self.read_only = False
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 10, 14, 10)
        self.path = _text()
        self.path.setStyleSheet("color: #64748b;")
        self.heading = _text()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.facts = _text()
        self.review_bar = ReviewBar()  # the item's review status and the actions the person's role allows
        self.rule_box, rule_layout = _section(self.tr("Scoring rule (as printed)"))
        self.rule_text = _text()
        rule_layout.addWidget(self.rule_text)
        self.score_box, self.score_layout = _section(self.tr("Self-assessment"))
        self.result = QLabel()
        self.result.setObjectName("itemResult")
        self.result.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.score_layout.addWidget(self.result)
        self.veto_said = _text()
        self.veto_said.setObjectName("itemVeto")
        self.veto_said.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.veto_said.hide()
        self.score_layout.addWidget(self.veto_said)
        self.evidence_box, evidence_layout = _section(self.tr("Evidence (drop files on a requirement)"))
        self.evidence = EvidencePanel()
        evidence_layout.addWidget(self.evidence)
        self.note_box, note_layout = _section(self.tr("&Note"))  # Alt+N: the cursor in the note
        self.note = NoteEdit()
        self.note.setPlaceholderText(self.tr("How the score was reached, what is still missing…"))
        self.note.finished.connect(lambda text: self.item and self.note_edited.emit(self.item.code, text))
        self.note.focused.connect(lambda: self.ensureWidgetVisible(self.note_box))
        note_layout.addWidget(self.note)
        for widget in (
            self.path,
            self.heading,
            self.facts,
            self.review_bar,
            self.rule_box,
            self.score_box,
            self.evidence_box,
            self.note_box,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.leave_editor()
        self.item = None
        self.review_bar.follow(None)
        self._replace_editor(None)
        self.path.setText("")
        self.heading.setText(self.tr("Select an item in the tree"))
        self.facts.setText(self.tr("Its rule, its score editor and its evidence appear here."))
        for box in (self.rule_box, self.score_box, self.evidence_box, self.note_box):
            box.hide()

    def show_node(self, node: Node, score: NodeScore) -> None:
        self.show_nothing()
        self.path.setText(" › ".join(node.path[:-1]))
        points = compact(node.points) if node.points is not None else "—"
        if node.weighted and node.weight is not None and node.scale is not None:
            points = self.tr("weight %1%").replace("%1", compact(node.weight))
        done = score.items - score.unscored
        below = items_below(node)
        if below and all(is_judged(item) for item in below):  # a table without points: judged, not scored
            self.heading.setText(node.name)
            self._show_judged_node(node, score, done)
            return
        self.heading.setText(f"{node.name}（{points}）")
        facts = (
            self.tr("Score %1 · %2 of %3 items scored")
            .replace("%1", display(score.points))
            .replace("%2", str(done))
            .replace("%3", str(score.items))
        )
        if node.weighted and node.scale is not None and score.within is not None:
            inside = self.tr("%1 of %2 inside, × %3% in the total")
            facts += " · " + inside.replace("%1", display(score.within)).replace("%2", compact(node.scale)).replace(
                "%3", compact(node.weight) if node.weight is not None else "—"
            )
        self.facts.setText(facts)

    def _show_judged_node(self, node: Node, score: NodeScore, done: int) -> None:
        facts = self.tr("%1 of %2 items judged").replace("%1", str(done)).replace("%2", str(score.items))
        worst = worst_below(node, score)
        if worst is not None:
            facts += " · " + self.tr("worst judgement: %1").replace("%1", worst.label)
        self.facts.setText(facts)

    def show_item(
        self, item: Item, inp: dict[str, Any] | None, note: str, score: ItemScore, evidence: ItemEvidence
    ) -> None:
        if self.item is not None and self.item.code != item.code:
            self.note.flush()
            self.leave_editor()
            self.verticalScrollBar().setValue(0)  # the new item's title, not the old one's scroll position
        self.item = item
        for box in (self.rule_box, self.score_box, self.evidence_box, self.note_box):
            box.show()
        self.path.setText(" › ".join(item.path))
        self.heading.setText(f"{item.code}  {item.title}")
        if isinstance(item.scoring, PassFail):
            worth = self.tr("Judged by: %1").replace("%1", " / ".join(item.scoring.levels))
        else:
            worth = self.tr("Points: %1").replace("%1", compact(item.points))
        facts = [worth, self.tr("Lead: %1").replace("%1", item.lead or "—")]
        if item.cooperating:
            facts.append(self.tr("Cooperating: %1").replace("%1", "、".join(item.cooperating)))
        if item.supplied_by:
            facts.append(self.tr("Result supplied by: %1").replace("%1", "、".join(item.supplied_by)))
        self.facts.setText("　·　".join(facts))
        self.rule_text.setText(item.rule_text or self.tr("(no rule text)"))
        self._replace_editor(item)
        assert self.editor is not None
        self.editor.show_input(inp)
        self.show_score(score)
        self.evidence.show_evidence(evidence)
        self.note.load(note)
        self.review_bar.follow(item.code)

    def leave_editor(self) -> None:
        """Save what is typed in the editor; announce a refused value rather than drop it in silence."""
        if self.item is None or self.editor is None:
            return
        self.editor.commit()
        if self.editor.refusal:
            self.input_abandoned.emit(self.item.code, self.editor.typed(), self.editor.refusal)

    def _replace_editor(self, item: Item | None) -> None:
        if self.editor is not None:
            # Hidden and deleted later, but kept in the panel until then: a widget taken out of its parent is a
            # window of its own, which the next show of the panel would put on the screen.
            self.score_layout.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
            self.editor = None
        if item is not None:
            self.editor = editor_for(item.scoring, veto=item.veto)
            self.editor.setObjectName("scoreEditor")
            self.editor.edited.connect(self._input_edited)
            self.score_layout.insertWidget(0, self.editor)
            self._tab_through_editor()
            self.editor.setEnabled(not self.read_only)

    def _tab_through_editor(self) -> None:
        """A widget added later joins the end of the window's tab chain, so Tab from its last field wrapped to the
        指标 tab: its fields are put where it is shown, after the panel's top, before the evidence and the note."""
        assert self.editor is not None
        fields = [widget for widget in self.editor.findChildren(QWidget) if _takes_tab(widget, self.editor)]
        for first, second in zip([self, *fields], fields, strict=False):
            QWidget.setTabOrder(first, second)

    def _input_edited(self, inp: object) -> None:
        if self.item:
            self.input_edited.emit(self.item.code, inp)

    def set_read_only(self, read_only: bool) -> None:
        """Show everything, change nothing: the workspace is open read-only in this window."""
        self.read_only = read_only
        if self.editor is not None:
            self.editor.setEnabled(not read_only)
        self.note.setReadOnly(read_only)
        self.evidence.set_read_only(read_only)

    def show_score(self, score: ItemScore) -> None:
        self._show_veto(score)
        if self.item is not None and is_judged(self.item):
            self._show_judgement(self.item, score)
            return
        if score.scored:
            text, color = self.tr("Score %1 / %2"), "#166534"
        elif score.partial:
            text, color = self.tr("Score %1 / %2 (not all parts entered)"), "#b45309"
        else:
            text, color = self.tr("Not scored yet (counts as 0 of %2)"), "#b45309"
        self.result.setText(text.replace("%1", display(score.points)).replace("%2", compact(score.max)))
        self.result.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {color};")

    def _show_judgement(self, item: Item, score: ItemScore) -> None:
        """A pass/fail item says its judgement (评定：合格), coloured as the tree colours it; no points."""
        found = judgement(item, score)
        if found is None:
            text, color = self.tr("Not judged yet"), "#b45309"
        else:
            text = self.tr("Judgement: %1").replace("%1", found.label)
            color = "#b91c1c" if found.failing else "#166534" if found.best else "#a16207"
        self.result.setText(text)
        self.result.setStyleSheet(f"font-size: 12pt; font-weight: bold; color: {color};")

    def _show_veto(self, score: ItemScore) -> None:
        """Under the score, in red, what a triggered veto does to the total."""
        veto = self.item.veto if self.item is not None else None
        if not score.vetoed or veto is None:
            self.veto_said.hide()
            return
        if veto.effect == "zero":
            said = self.tr("Veto triggered: the total counts as 0")
        else:
            said = self.tr("Veto triggered: the assessment is marked failed")
        self.veto_said.setText(said)
        self.veto_said.setToolTip(veto.text)
        self.veto_said.show()

    def reload_input(self, inp: Mapping[str, Any] | None) -> None:
        """After undo/redo: show the restored input without emitting it again."""
        if self.editor is not None:
            self.editor.show_input(inp)

    def focus_editor(self) -> None:
        if self.editor is not None:
            self.editor.focus_first()
