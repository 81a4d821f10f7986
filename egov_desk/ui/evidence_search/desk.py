"""The window's side of the evidence text, wired in one place: the OCR runner in the status bar, the search box's
材料内容 scope, the hits dock and the preview opened at a hit's page with its words marked. The window makes one
:class:`EvidenceSearch`; nothing here touches the window's other widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu

from egov_desk.core.evidence import FileInfo
from egov_desk.core.evidence_text import SearchHit
from egov_desk.core.messages import say
from egov_desk.ui.context import WindowContext
from egov_desk.ui.evidence_copies import EvidenceCopies
from egov_desk.ui.evidence_search.hits import HitsDock
from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
from egov_desk.ui.evidence_search.scope import SearchScope
from egov_desk.ui.language import ui_language
from egov_desk.ui.open_outside import open_outside
from egov_desk.ui.ops import Job


class EvidenceSearch(QObject):
    def __init__(self, window: QMainWindow, context: WindowContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.ocr = OcrRunner(window, context)
        self.ocr.worker.ended.connect(self._reading_ended)
        actions = getattr(window, "menu_actions", None)
        find_action = getattr(actions, "find_action", None)
        search = window.findChild(QLineEdit, "searchBox")
        assert search is not None, "the window's toolbar has its search box"
        self.scope = SearchScope(window, search, find_action)
        self.scope.searched.connect(self.search)
        self.hits = HitsDock(window)
        self.hits.hide()
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.hits)
        self.hits.opened.connect(self.open_hit)
        self.copies = EvidenceCopies(context)
        self.job: Job | None = None
        self.searches = 0
        self.preview: QObject | None = None  # the preview opened last (tests and screenshots look at it)
        self._add_to_menu(find_action)

    def _add_to_menu(self, find_action: object) -> None:
        """After 查找… in the Edit menu: 在材料内容中查找… and 识别材料文字."""
        for menu in self.window.menuBar().findChildren(QMenu):
            if find_action in menu.actions():
                menu.addAction(self.scope.evidence_action)
                menu.addAction(self.ocr.action)
                return

    def _reading_ended(self, _ended: object) -> None:
        """The hits shown said files were still waiting: the same words again, now that the reading ended."""
        if self.hits.isVisible() and self.hits.waiting and self.hits.words:
            self.search(self.hits.words, again=True)

    def search(self, words: str, again: bool = False) -> Job:
        """Search the assessment's evidence text off the UI thread (a server answers in its own time); ``again``:
        the hits shown are looked for once more, after the reading ended."""
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.searches += 1
        number = self.searches  # only the last search's result is shown
        assessment_id = self.context.assessment.id
        workspace = self.context.workspace
        self.hits.searching(words)
        if not self.hits.isVisible():
            self.hits.show()
            self.window.resizeDocks([self.hits], [max(160, self.window.height() // 4)], Qt.Orientation.Vertical)
        self.hits.raise_()
        job = self.context.runner.start(
            lambda _progress: (
                workspace.evidence_text.search(words, assessment_id),
                workspace.evidence_text.progress(),
            ),
            lambda found: self._found(number, words, found, again),
            lambda error: self._failed(number, words, error),
        )
        self.job = job
        return job

    def _found(self, number: int, words: str, found: tuple[list[SearchHit], object], again: bool = False) -> None:
        if number != self.searches:
            return  # a later search replaced it
        hits, progress = found
        waiting = int(getattr(progress, "pending", 0))
        self.hits.show_hits(words, hits, waiting, again)
        if not again:  # the person is elsewhere by now: the focus stays there
            self.hits.list.setFocus()

    def _failed(self, number: int, words: str, error: BaseException) -> None:
        if number == self.searches:
            self.hits.failed(words, say(error, ui_language()) if isinstance(error, Exception) else str(error))

    def file_of(self, hit: SearchHit) -> FileInfo | None:
        files = self.context.workspace.evidence.files(self.context.assessment.id)
        return next((file for file in files if file.id == hit.file_id), None)

    def open_hit(self, hit: SearchHit) -> None:
        """The preview at the hit's page, its words marked (fetched first from a server's database)."""
        file = self.file_of(hit)
        if file is None:  # removed since it was found: its rows go, and the person is told to search again
            self.hits.forget_file(hit.file_id)
            said = self.tr("%1 is no longer in the evidence; search again").replace("%1", hit.file_name)
            self.context.status(said, 8000)
            return
        self.copies.fetch(file, lambda path: self._preview(file, path, hit), self._not_fetched, False)

    def _preview(self, file: FileInfo, path: Path, hit: SearchHit) -> None:
        from egov_desk.ui.dialogs.preview import PreviewDialog  # QtPdf: loaded on the first preview
        from egov_desk.ui.preview.highlight import Highlight

        start, end = hit.match
        words = hit.snippet[start:end]
        dialog = PreviewDialog(
            file,
            path,
            self._open_with,
            self.window,
            page=hit.page,
            highlight=Highlight(words, hit.page - 1, hit.boxes),
            workspace=self.context.workspace,
        )
        self.preview = dialog
        dialog.open()

    def _open_with(self, file: FileInfo) -> None:
        def show(path: Path) -> None:
            open_outside(path, self.context.parent)

        self.copies.fetch(file, show, self._not_fetched, True)

    def _not_fetched(self, error: BaseException) -> None:
        if isinstance(error, Exception):
            self.context.report_failure(error)

    def stop_for_closing(self) -> None:
        self.ocr.stop_for_closing()
