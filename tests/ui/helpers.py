"""Helpers for driving the window as a person would."""

from __future__ import annotations

import re

from egov_desk.core.workspace import Workspace
from egov_desk.ui.main_window import MainWindow


def plain(text: str) -> str:
    """A button's words without its access key: "放弃输入(&D)" → "放弃输入"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def shown_window(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    """The real main window over ``workspace``, shown and exposed, closed with the test."""
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def answer_next_message(window: MainWindow, button_text: str, seen: list[str]) -> None:
    """Click a button of the question the window is about to ask (it runs its own event loop)."""
    from PySide6.QtCore import QTimer

    def click() -> None:
        box = window.last_message
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if plain(b.text()) == button_text).click()

    QTimer.singleShot(20, click)


def answer(window: MainWindow, qtbot, button_text: str) -> str:  # type: ignore[no-untyped-def]
    """Wait for the question the window shows (without blocking: it was opened, not exec'd), click a button,
    and return what the question said."""
    qtbot.waitUntil(lambda: window.last_message is not None and window.last_message.isVisible())
    box = window.last_message
    assert box is not None
    said = box.text()
    next(b for b in box.buttons() if plain(b.text()) == button_text).click()
    return said


def choose(window: MainWindow, qtbot, name: str) -> str:  # type: ignore[no-untyped-def]
    """Click the button named ``name`` (its object name) of the question the window shows; what it said."""
    qtbot.waitUntil(lambda: window.last_message is not None and window.last_message.isVisible())
    box = window.last_message
    assert box is not None
    said = box.text()
    next(b for b in box.buttons() if b.objectName() == name).click()
    return said


def score_sheet_with(window: MainWindow, folder, code: str, score: float):  # type: ignore[no-untyped-def]
    """The assessment's score sheet written to ``folder``, with ``score`` typed into 自评得分 of ``code``."""
    import openpyxl

    from egov_desk.core.exports.score_sheet import CODE_HEADER, SCORE_HEADER, write_score_sheet

    path = write_score_sheet(window.workspace, window.assessment.id, folder / "表.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows() if any(c.value == CODE_HEADER for c in r))
    code_col = next(c.column for c in header if c.value == CODE_HEADER)
    score_col = next(c.column for c in header if c.value == SCORE_HEADER)
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        if row[code_col - 1].value == code:
            sheet.cell(row[0].row, score_col).value = score
    book.save(path)
    return path
