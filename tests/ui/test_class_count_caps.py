"""A deduction by class whose class has its own cap (每推迟一个月扣0.5分，最高扣2分) says the cap beside the count."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from egov_desk.core.rules import parse_rule
from egov_desk.ui.editors import editor_for
from egov_desk.ui.editors.class_counts import ClassCountEditor

LATE_AND_INCIDENTS = {
    "type": "deduct",
    "start": 30,
    "classes": [{"label": "推迟（个月）", "per": 0.5, "max": 2}, {"label": "发生（起）", "per": 1}],
}


def test_a_class_with_a_cap_says_it_and_scores_within_it(qtbot: Any) -> None:
    editor = editor_for(parse_rule(LATE_AND_INCIDENTS))
    qtbot.addWidget(editor)
    assert isinstance(editor, ClassCountEditor)
    texts = [label.text() for label in editor.findChildren(QLabel)]
    # 最多扣2分 once the .ts holds the new text; its English source until then
    capped = [t for t in texts if "最多扣2分" in t or "at most 2 off" in t]
    assert len(capped) == 1
    assert "0.5" in capped[0]
    editor.show_input({"counts": [4, 0]})
    assert "28" in editor.preview.text()
