"""Runs the core store/workspace tests on both backends: with a test server configured (tests/postgres/server.py),
every test of the modules below that takes the ``workspace`` fixture runs twice, ``[sqlite]`` and ``[postgres]``
— the same test, a workspace folder or a fresh server database. Without one they run on SQLite as always, and
the tests that need a server skip saying why (in CI they fail instead: test_ci.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.postgres import server

# The modules whose workspace tests run on both backends (the store, workspace, review, audit and evidence core).
BOTH = (
    "tests/core/test_workspace.py",
    "tests/core/test_review.py",
    "tests/core/test_sign_off.py",
    "tests/core/test_history.py",
    "tests/core/test_verify_clean.py",
    "tests/core/test_audit_verify.py",
    "tests/core/test_evidence.py",
    "tests/core/test_evidence_writes.py",
    "tests/core/test_evidence_changes.py",
    "tests/core/test_deadlines.py",
    "tests/core/test_assessment_details.py",
    "tests/core/test_system_versions.py",
    "tests/core/test_worklist.py",
    "tests/core/test_score_sheet.py",
    "tests/core/test_evidence_text.py",
    "tests/core/test_evidence_text_item_findings.py",
    "tests/core/test_worklist_text_findings.py",
    "tests/postgres/",
)

# Tests of those modules that are about the SQLite file itself (its bytes, its folder, its lock): SQLite only.
SQLITE_ONLY: dict[str, str] = {
    "tests/core/test_workspace.py::test_a_new_workspace_holds_the_2019_system_and_an_empty_self_assessment": "folder",
    "tests/core/test_workspace.py::test_a_full_disk_gives_a_clear_message_and_changes_nothing": "SQLite's page limit",
    "tests/core/test_workspace.py::test_the_stored_system_reads_back_as_it_was_given": "reopens the folder",
    "tests/core/test_verify_clean.py::test_a_file_attached_from_another_connection_during_a_slow_clean_survives": (
        "opens the folder from another connection"
    ),
    "tests/core/test_verify_clean.py::test_a_check_runs_on_read_only_media": "a read-only folder",
    "tests/core/test_evidence.py::test_a_file_is_copied_in_by_its_hash_and_the_original_is_untouched": "folder",
    "tests/core/test_evidence.py::test_verify_cleans_orphans_and_unfinished_copies": "the folder's vault",
    "tests/core/test_evidence.py::test_a_date_given_again_for_a_file_already_stored_is_applied": "CLI on the folder",
    "tests/core/test_sign_off.py::test_a_final_assessment_refuses_the_write_and_nothing_changes": "the folder's vault",
    "tests/core/test_score_sheet.py::test_typed_scores_come_back_from_the_sheet": "the CLI on the folder",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgres",
        metavar="URL",
        default="",
        help=f"also run the core workspace tests on this PostgreSQL server (or set {server.ENV})",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--postgres", default=""):
        server._given.append(config.getoption("--postgres"))
    config.addinivalue_line("markers", "postgres: needs the PostgreSQL test server (skipped without one)")


def pytest_unconfigure(config: pytest.Config) -> None:
    if server.configured():
        server.drop_template()


def _runs_on_both(path: Path, rootdir: Path) -> bool:
    relative = path.resolve().relative_to(rootdir.resolve()).as_posix() if path.is_absolute() else str(path)
    return any(relative == module or (module.endswith("/") and relative.startswith(module)) for module in BOTH)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    fixture = next((name for name in ("workspace", "demo") if name in metafunc.fixturenames), None)
    if fixture is None:
        return
    path = Path(str(metafunc.definition.path))
    node = f"{path.resolve().relative_to(metafunc.config.rootpath.resolve()).as_posix()}::{metafunc.function.__name__}"
    if server.configured() and _runs_on_both(path, metafunc.config.rootpath) and node not in SQLITE_ONLY:
        metafunc.parametrize(fixture, ["sqlite", "postgres"], indirect=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if server.configured():
        return
    skip = pytest.mark.skip(reason=server.skip_reason())
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


def new_workspace(folder: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The ``workspace`` fixture's workspace: a new folder, or (``[postgres]``) a new database on the test server
    with its vault in ``folder``; the database is dropped after the test."""
    from egov_desk.core.workspace import Workspace

    if getattr(request, "param", "sqlite") == "sqlite":
        return Workspace.open(folder)
    url = server.new_database()
    request.addfinalizer(lambda: server.drop(url))
    return Workspace.connect(url, vault=folder / "vault")


def new_demo(folder: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The ``demo`` fixture's workspace (the demo unit's partly scored assessment with evidence), on either backend."""
    from egov_desk.core.demo import DEMO_UNIT, create_demo_workspace, fill_demo

    if getattr(request, "param", "sqlite") == "sqlite":
        return create_demo_workspace(folder)
    workspace = new_workspace(folder, request)
    workspace.update_assessment(workspace.default_assessment().id, unit=DEMO_UNIT)
    fill_demo(workspace, folder / "scans")
    return workspace


@pytest.fixture
def server_url() -> str:
    """A new database on the test server holding a fresh workspace (skipped without a server)."""
    if not server.configured():
        pytest.skip(server.skip_reason())
    url = server.new_database()
    yield url
    server.drop(url)
