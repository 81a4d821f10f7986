"""The editor of an item with a veto (一票否决): the rule's own editor, and a check box that triggers the veto.

The check box is saved like any input — ``{"vetoed": true}`` beside the rule's own fields — and so is undone
like any score. Ticked with nothing else entered, the item is scored 0 and the veto triggered."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QWidget

from egov_desk.core.indicators import Veto
from egov_desk.core.scoring import VETOED
from egov_desk.ui.editors.base import Input, RuleEditor

VETO_STYLE = "QCheckBox { color: #b91c1c; font-weight: bold; }"


class VetoEditor(RuleEditor):
    def __init__(self, inner: RuleEditor, veto: Veto, parent: QWidget | None = None) -> None:
        super().__init__(inner.rule, parent)
        self.inner = inner
        self.veto = veto
        self._said = False  # the input last loaded said "vetoed" (true or false): keep saying it
        self.fields.addWidget(inner)
        self.check = QCheckBox(self.tr("Triggers the veto (一票否决)"))
        self.check.setObjectName("vetoCheck")
        self.check.setToolTip(self.tip(veto))
        self.fields.addWidget(self.check)
        self.preview.hide()
        inner.edited.connect(lambda _: self.changed())
        self.check.toggled.connect(self._toggled)

    def tip(self, veto: Veto) -> str:
        """What ticking does: the veto's own words, then its effect on the total, and that it can be taken back."""
        if veto.effect == "zero":
            effect = self.tr("Tick it when this happened: the whole assessment's total then counts as 0.")
        else:
            effect = self.tr(
                "Tick it when this happened: the assessment is then marked failed (否决), its total kept as it is."
            )
        back = self.tr("Untick it, or undo (Ctrl+Z), to take it back.")
        return "\n".join(part for part in (veto.text, effect, back) if part)

    def _toggled(self, checked: bool) -> None:
        self.check.setStyleSheet(VETO_STYLE if checked else "")
        self.changed()

    def current_input(self) -> Input:
        own = self.inner.current_input()
        vetoed = self.check.isChecked()
        if not vetoed and not self._said:
            return own
        if own is None and not vetoed:
            return None
        return {**(own or {}), VETOED: vetoed}

    def _load(self, inp: Input) -> None:
        given: dict[str, Any] = dict(inp or {})
        self._said = VETOED in given
        vetoed = given.pop(VETOED, False) is True
        self.inner.show_input(given or None)
        self.check.setChecked(vetoed)
        self.check.setStyleSheet(VETO_STYLE if vetoed else "")

    def _validate(self, inp: Input) -> bool:
        rest = {k: v for k, v in (inp or {}).items() if k != VETOED} or None
        valid = self.inner._validate(rest)
        self.refusal = self.inner.refusal
        self.preview.hide()
        self.problem.hide()
        return valid

    def field_for(self, field: str) -> QWidget | None:
        return self.check if field == VETOED else self.inner.field_for(field)

    def focus_first(self) -> None:
        self.inner.focus_first()
