"""UI fixtures: the real main window over a real workspace, in Chinese as users see it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from egov_desk.core.demo import create_demo_workspace
from egov_desk.core.workspace import Workspace
from egov_desk.ui.app import create_app, install_translations
from egov_desk.ui.evidence_search.ocr_runner import OcrRunner
from egov_desk.ui.main_window import MainWindow
from egov_desk.ui.shell import Shell
from tests.core.test_server_login import MemoryKeyring
from tests.ui.helpers import shown_window


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    create_app(["egov-desk"], "zh_CN")  # names, font and translations as the real start sets them
    QSettings().clear()  # no layout or language remembered from another test
    yield
    install_translations(qapp, "zh_CN")  # a test that switched language leaves Chinese behind
    QSettings().clear()


@pytest.fixture(autouse=True)
def no_reading_by_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The OCR worker starts only when a test asks (tests/ui/test_evidence_search.py turns it back on)."""
    monkeypatch.setattr(OcrRunner, "automatic", False)


@pytest.fixture
def window(qtbot, workspace: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    return shown_window(qtbot, workspace)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    """The demo unit's workspace: a partly scored assessment with evidence, several departments."""
    workspace = create_demo_workspace(tmp_path / "demo")
    yield workspace
    workspace.close()


@pytest.fixture
def demo_window(qtbot, demo: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    return shown_window(qtbot, demo)


@pytest.fixture
def shell(qtbot, qapp: QApplication, workspace: Workspace) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    """The shell that owns the window (menus that open workspaces, the demo, the language)."""
    the_shell = Shell(qapp, workspace)
    the_shell.show()
    yield the_shell
    if the_shell.window is not None:
        the_shell.window.close()
    if the_shell.workspace is not workspace:
        the_shell.workspace.close()


@pytest.fixture
def kept_passwords() -> Iterator[MemoryKeyring]:
    """A credential store in memory, installed as keyring installs any backend (the server tests)."""
    import keyring

    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Background work run at once, on the test's thread."""
    from egov_desk.ui.ops import Runner

    monkeypatch.setattr(Runner, "synchronous", True)


# --- a department's work package: each test module says which ``office`` sends it ------------------------------


@pytest.fixture
def package(office: Workspace, tmp_path: Path) -> Path:
    """办公室's work package from the ``office`` workspace."""
    from egov_desk.core.packages.export import export_department_package

    out = tmp_path / "办公室.egovpkg"
    export_department_package(office, office.default_assessment().id, "办公室", out)
    return out


@pytest.fixture
def department(package: Path, tmp_path: Path) -> Iterator[Workspace]:
    """办公室's workspace made from its package, as on its own PC."""
    from egov_desk.core.packages.department import open_package

    open_package(package, tmp_path / "dept")
    workspace = Workspace.open(tmp_path / "dept", create=False)
    yield workspace
    workspace.close()


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The person's documents folder: where a department's workspace goes at first."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr("egov_desk.ui.packages.open_package.documents_folder", lambda: folder)
    return folder


@pytest.fixture
def office_shell(qtbot, qapp: QApplication, office: Workspace) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    """The app over the ``office`` workspace, its background work run inline."""
    the_shell = Shell(qapp, office)
    the_shell.show()
    assert the_shell.window is not None
    the_shell.window.runner.synchronous = True
    yield the_shell
    if the_shell.window is not None:
        the_shell.window.close()
    if the_shell.workspace is not office:
        the_shell.workspace.close()
