"""The 材料内容 hits dock left open at the close does not come back open and empty at the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from egov_desk.core.workspace import Workspace
from egov_desk.ui.shell import Shell


def test_the_hits_dock_left_open_comes_back_closed(qtbot, qapp: QApplication, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "workspace"
    Workspace.open(folder).close()
    shell = Shell(qapp, Workspace.open(folder))
    hits = shell.show().evidence_search.hits
    hits.searching("鲲鹏")
    hits.show()
    assert hits.isVisible()
    shell.close()  # the layout is kept with the dock open

    shell = Shell(qapp, Workspace.open(folder))
    window = shell.show()
    qtbot.waitExposed(window)
    assert not window.evidence_search.hits.isVisible()  # its hits are not searched again: nothing to show
    window.evidence_search.hits.searching("鲲鹏")
    window.evidence_search.hits.show()
    assert window.evidence_search.hits.isVisible()  # a search shows it as before
    shell.close()
