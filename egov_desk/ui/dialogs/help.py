"""Help → 使用说明 (F1): how the year's work goes in the app, and every keyboard shortcut the window has, read
from its actions so the list can never miss one."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, in menu order, without mnemonics."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        what = action.text().replace("&", "").replace("…", "").split("(")[0].strip()
        if keys and what and keys not in seen:
            seen.add(keys)
            rows.append((what, keys))
    return rows


class HelpDialog(QDialog):
    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("How to use egov-desk"))
        self.resize(640, 560)
        steps = [
            self.tr(
                "<b>The table.</b> The tree on the left is the year's indicator table; choose an item to see "
                "its scoring rule, its score editor, its evidence and a note on the right."
            ),
            self.tr(
                "<b>Scoring.</b> Type the score or the numbers the rule asks for and press Enter or Tab. "
                "A value the rule cannot take is marked red with the reason and is not saved. The total "
                "at the top moves with every saved score."
            ),
            self.tr(
                "<b>Evidence.</b> Drag scans and documents onto a requirement of the item's checklist, or "
                "use Add files… (Ctrl+Shift+A). Tick a requirement when you have read its files."
            ),
            self.tr(
                "<b>Scans and their words.</b> Scan… (Ctrl+Shift+D) takes pages from the office scanner into the "
                "item as one PDF. The text of every file, scans too, is read in the background (the status bar "
                "shows it; Ctrl+Shift+T starts or stops it); Ctrl+Shift+F finds words inside the files and Enter "
                "opens the page with them marked. A file dated outside the year or from another unit gets a "
                "warning mark. Bind into a binder: this item Ctrl+B, a department Ctrl+Shift+B, the unit Ctrl+Alt+B. "
                "In the preview: Space or Enter on a file opens it, PageUp/PageDown/Home/End turn the pages, "
                "Ctrl++/Ctrl+-/Ctrl+0 zoom, Ctrl+L/Ctrl+R turn a page."
            ),
            self.tr(
                "<b>Departments.</b> The Departments tab (Ctrl+2) shows what each department owes; File → Export "
                "writes and prints each department's checklist."
            ),
            self.tr(
                "<b>What is left.</b> The Worklist tab (Ctrl+3) lists, for the unit or one department, the items "
                "not scored, materials missing or not checked, items returned for rework, deadlines passed and "
                "last year's materials to confirm; Enter goes to the item. Print or export it for the departments."
            ),
            self.tr(
                "<b>Review and sign-off.</b> Review → Who I am sets your name and role (filler of a department, "
                "reviewer, leader). Fillers submit their items, the reviewer returns them with a comment or "
                "approves them, and the leader finalizes the assessment: it is then locked, and its snapshot "
                "SHA-256 is printed on the report, the score sheet and the package. Only the leader can reopen it."
            ),
            self.tr(
                "<b>Next year.</b> File → New assessment… can start from last year's assessment, on the same table "
                "or a new year's imported one: you confirm how the items match, then notes, requirements and the "
                "chosen materials are carried over (marked 去年材料 until confirmed). View → Years side by side "
                "compares two assessments and shows each first-level indicator over the years."
            ),
            self.tr(
                "<b>History.</b> View → Change history (Ctrl+H) shows who changed what and when, for the item or "
                "the whole assessment; Help → Check the change history… shows whether anything was changed behind "
                "the app's back."
            ),
            self.tr(
                "<b>Exports.</b> File → Export writes the score sheet (Excel), the self-assessment report "
                "(Word) and the evidence package (ZIP, by item code)."
            ),
            self.tr(
                "<b>Saving.</b> Every change is saved when it is made; there is no Save button. Edit → Undo "
                "(Ctrl+Z) takes back any change of the assessment shown — scores, notes, the details, files added "
                "or removed, dates, ticks, the checklist's requirements, scores read from a score sheet, a new "
                "assessment or an imported table — and Edit → Redo (Ctrl+Y) makes it again. Switching to another "
                "assessment starts its own history; restoring a backup is undone by restoring the before-restore "
                "backup."
            ),
            self.tr(
                "<b>The unit.</b> File → Assessment details changes the unit's name, the year, who fills "
                "it in and the report's date."
            ),
            self.tr(
                "<b>Backups.</b> The workspace's data is backed up when it is opened, daily, and before every "
                "import; File → Back up the workspace… makes one now and File → Restore from a backup… puts one "
                "back. File → Check the evidence files… finds missing or damaged scans; adding the original again "
                "repairs them."
            ),
            self.tr(
                "<b>One window at a time.</b> While one window has the workspace open, a second one can only "
                "read it: a yellow bar says who has it open. Keep workspaces on this PC's disk, not on a shared "
                "network folder."
            ),
        ]
        rows = "".join(
            f"<tr><td>{html.escape(what)}</td><td>&nbsp;&nbsp;<b>{html.escape(keys)}</b></td></tr>"
            for what, keys in shortcut_rows(window)
        )
        body = "".join(f"<p>{step}</p>" for step in steps)
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        guide = self.tr("How to use egov-desk")
        keys = self.tr("Keyboard shortcuts")
        self.text.setHtml(f"<h3>{guide}</h3>{body}<h3>{keys}</h3><table>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
