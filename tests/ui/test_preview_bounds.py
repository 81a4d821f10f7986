"""Evidence preview of huge files: only the beginning is read, off the UI thread, and closing early is safe."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from egov_desk.core.evidence.types import FileInfo
from egov_desk.core.importers.document_text import MAX_CHARS
from egov_desk.ui.dialogs.preview import PreviewDialog, TextPreview
from egov_desk.ui.main_window import MainWindow
from tests.conftest import SEED
from tests.core.importing.bounded import run_bounded
from tests.core.importing.hostile_files import huge_document_docx


def sparse_text(path: Path, size: int = 1024 * 1024 * 1024) -> Path:
    with path.open("wb") as handle:
        handle.write("会议纪要".encode())
        handle.truncate(size)  # nothing is written to disk past the first bytes
    return path


def info(path: Path, kind: str) -> FileInfo:
    return FileInfo(1, "0" * 64, path.name, path.stat().st_size, kind, False, None, datetime.now(), "王晓梅", 2019)


def test_a_1_gb_text_file_shows_loading_then_its_beginning_while_the_window_keeps_working(
    window: MainWindow, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    path = sparse_text(tmp_path / "纪要.txt")
    dialog = PreviewDialog(info(path, "text"), path, lambda _file: None, window)
    qtbot.addWidget(dialog)
    text = dialog.content
    assert isinstance(text, TextPreview)
    # the constructor returned without reading: the text arrives through the event loop, from a worker
    assert text.loading
    assert text.toPlainText() == ""
    assert text.placeholderText()
    window.select_item("002")  # the window answers meanwhile
    qtbot.waitUntil(lambda: not text.loading, timeout=60_000)
    shown = text.toPlainText()
    assert shown.startswith("会议纪要")
    assert len(shown) > MAX_CHARS  # the beginning, then the line saying that only the beginning is shown
    assert len(shown) < MAX_CHARS + 200
    assert window.panel.evidence.code == "002"


def test_closing_the_preview_before_its_text_arrives_is_safe(window: MainWindow, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    path = huge_document_docx(tmp_path / "大文档.docx", SEED / "2019-indicators.docx", text_mb=20)
    dialog = PreviewDialog(info(path, "docx"), path, lambda _file: None, window)
    text = dialog.content
    dialog.close()
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(text)
    assert window.runner.wait(60_000)
    qtbot.wait(50)  # the worker's result reaches the UI thread after its widget is gone: ignored, no crash
    assert not window.runner.busy()


def test_previews_of_a_1_gb_text_file_and_a_300_mb_document_part_stay_within_1_gb(tmp_path: Path) -> None:
    text = sparse_text(tmp_path / "big.txt")
    document = huge_document_docx(tmp_path / "huge.docx", SEED / "2019-indicators.docx")
    code = (
        "import time\n"
        "from datetime import datetime\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication, QEvent\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from egov_desk.core.evidence.types import FileInfo\n"
        "from egov_desk.ui.dialogs.preview import PreviewDialog\n"
        f"for kind, name in (('text', {str(text)!r}), ('docx', {str(document)!r})):\n"
        "    path = Path(name)\n"
        "    size = path.stat().st_size\n"
        "    file = FileInfo(1, '0' * 64, path.name, size, kind, False, None, datetime.now(), 'x', 2019)\n"
        "    dialog = PreviewDialog(file, path, lambda _file: None)\n"
        "    dialog.show()\n"
        "    while dialog.content.loading:\n"
        "        app.processEvents()\n"
        "        time.sleep(0.01)\n"
        "    print(kind, len(dialog.content.toPlainText()) > 200000)\n"
        "    dialog.close()\n"
        # deleted here, on the UI thread: left to Python's cycle collector, a worker thread could delete it
        "    dialog.deleteLater()\n"
        "    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)\n"
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", MALLOC_ARENA_MAX="2")
    *said, peak = run_bounded(code, 1024, timeout=180, env=environment)
    assert said[-2:] == ["text True", "docx True"]
    assert int(peak.split()[1]) < 1024
