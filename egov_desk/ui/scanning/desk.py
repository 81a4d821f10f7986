"""How the window reaches 扫描…: an action (Ctrl+Shift+D) in the menu beside 添加佐证材料, a button beside the
evidence panel's 添加文件…, and an entry in a requirement's context menu. Saving the pages attaches one PDF
off the UI thread as one undo step: Ctrl+Z unlinks it, as for any attach."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QLayout, QMenu, QPushButton

from egov_desk.core.messages import say
from egov_desk.core.scanning.devices import Scanners
from egov_desk.core.scanning.saving import ScanSaved, save_scan, suggested_stem
from egov_desk.core.scanning.types import ScannedPage
from egov_desk.ui.evidence_steps import Attachment
from egov_desk.ui.language import ui_language
from egov_desk.ui.scanning.acquiring import Acquiring
from egov_desk.ui.scanning.dialog import ScanDialog
from egov_desk.ui.undo import Step, push
from egov_desk.ui.write_refusals import ADD_EVIDENCE, refused

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext
    from egov_desk.ui.evidence_actions import EvidenceActions

SHORTCUT = "Ctrl+Shift+D"


def _row_of(layout: QLayout | None, widget: QPushButton) -> QBoxLayout | None:
    """The box layout (at any depth) holding ``widget``."""
    if layout is None:
        return None
    if isinstance(layout, QBoxLayout) and layout.indexOf(widget) >= 0:
        return layout
    for number in range(layout.count()):
        entry = layout.itemAt(number)
        found = _row_of(entry.layout() if entry is not None else None, widget)
        if found is not None:
            return found
    return None


class ScanDesk(QObject):
    """Opens the scan dialog for the item shown (and the requirement chosen) and saves what it scanned."""

    def __init__(
        self, context: WindowContext, evidence: EvidenceActions, scanners: Callable[[], Scanners] = Scanners
    ) -> None:
        super().__init__(context.parent)
        self.context, self.evidence, self.scanners = context, evidence, scanners
        self.dialog: ScanDialog | None = None
        self.last_saved: ScanSaved | None = None
        self.action = QAction(self.tr("&Scan into the item…"), context.parent)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(self.tr("Scan pages from the scanner into the chosen requirement or item as one PDF"))
        self.action.triggered.connect(lambda: self.open(self.evidence.panel.selected_requirement()))
        context.parent.addAction(self.action)
        self._into_menus()
        panel = evidence.panel
        self.button = QPushButton(self.tr("Scan…"))
        self.button.setObjectName("scanEvidence")
        self.button.setToolTip(self.tr("Scan pages into this item (%1)").replace("%1", SHORTCUT))
        self.button.clicked.connect(self.action.trigger)
        row = _row_of(panel.layout(), panel.add_folder)
        if row is not None:
            row.insertWidget(row.indexOf(panel.add_folder) + 1, self.button)
        menu_built = getattr(panel, "menu_built", None)
        if menu_built is not None:
            menu_built.connect(self._menu_built)

    def _into_menus(self) -> None:
        """Beside 添加佐证材料 in the menu that holds it."""
        actions = getattr(self.context.parent, "menu_actions", None)
        beside = getattr(actions, "add_evidence_action", None)
        if beside is None:
            return
        for menu in beside.associatedObjects():
            if isinstance(menu, QMenu):
                listed = menu.actions()
                after = listed.index(beside) + 1
                menu.insertAction(listed[after] if after < len(listed) else None, self.action)  # type: ignore[arg-type]

    def _menu_built(self, menu: QMenu, requirement: int | None) -> None:
        text = self.tr("Scan into this requirement…") if requirement is not None else self.tr("Scan into the item…")
        scan = QAction(text, menu)
        scan.setShortcut(
            QKeySequence(SHORTCUT) if requirement == self.evidence.panel.selected_requirement() else QKeySequence()
        )
        scan.triggered.connect(lambda: self.open(requirement))
        menu.addSeparator()
        menu.addAction(scan)

    def open(self, requirement: int | None = None) -> ScanDialog | None:
        """The scan dialog for the item shown, into ``requirement`` (None: the item itself)."""
        item = self.context.current_item()
        if item is None:
            self.context.status(self.tr("Choose an item first."), 4000)
            return None
        if refused(self.context, ADD_EVIDENCE, item):
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        code = item.code
        target = f"{code} {item.title}"
        if requirement is not None:
            target += " — " + self.evidence.panel.requirement_text(requirement)
        said = self.evidence.panel.requirement_text(requirement) if requirement is not None else None
        name = suggested_stem(code, said, datetime.now())
        adding = getattr(getattr(self.context.parent, "menu_actions", None), "add_evidence_action", None)
        adding_name = re.sub(r"\(&\w\)|&|…", "", adding.text()) if adding is not None else ""
        acquiring = Acquiring(self.context.runner, self.scanners)
        dialog = ScanDialog(acquiring, target, self.context.parent, name, adding_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda pages, name: self._save(dialog, code, requirement, pages, name))
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: ScanDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _save(
        self, dialog: ScanDialog, code: str, requirement: int | None, pages: list[ScannedPage], name: str
    ) -> None:
        book = self.context.workspace.evidence
        assessment = self.context.assessment.id

        def done(saved: ScanSaved) -> None:
            self.last_saved = saved
            report = saved.report
            self.context.apply(report.changes)
            if report.links:  # Ctrl+Z unlinks what the scan attached, like any attach
                attachment = Attachment(book, list(report.links), report.changes)
                step = Step(
                    self.tr("scan into %1").replace("%1", code),
                    attachment.forward,
                    attachment.backward,
                    self.context.apply,
                    self.context.report_failure,
                    done=True,
                )
                push(self.context.undo_stack, step)
            text = self.tr("Saved %1 scanned page(s) to %2: %3").replace("%1", str(saved.pages))
            text = text.replace("%2", code).replace("%3", saved.name)
            self.context.status(text, 8000)
            dialog.saved(text)

        def failed(error: BaseException) -> None:
            dialog.save_failed(error)
            self.context.status(say(error, ui_language()), 8000)

        self.context.runner.start(
            lambda _progress: save_scan(book, assessment, code, pages, requirement, name=name), done, failed
        )
