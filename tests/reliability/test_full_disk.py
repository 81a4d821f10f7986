"""A full disk: `workspace init` leaves nothing behind; a write is refused with one line and changes nothing;
reading and exporting still work; an evidence add that runs out of room leaves no orphan in the vault.

A real small disk (tmpfs) when the tests run as root; otherwise SQLite's max_page_count stands in for a full
disk (only the refused write can be shown that way)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from egov_desk.core.workspace import Workspace
from tests.conftest import fill_disk
from tests.reliability import disks
from tests.reliability.figures import Figures
from tests.reliability.harness import Run, run_cli
from tests.reliability.workspaces import (
    changes,
    inputs,
    integrity,
    query,
    snapshot,
    stored_hashes,
    vault_files,
    vault_leftovers,
)

KLASS = "full or read-only disk"
root_only = pytest.mark.skipif(not disks.can_mount(), reason="a small tmpfs needs root; see the page-count case")


def record(figures: Figures, name: str, run: Run, problems: list[str]) -> None:
    verdict = run.outcome if run.outcome not in ("ok", "refused", "failed") or not problems else "corrupt"
    if any(p.startswith("lost") for p in problems):
        verdict = "lost"
    figures.record(KLASS, name, verdict, "; ".join([run.describe(), *problems])[:500])


@root_only
def test_workspace_init_on_a_full_disk_is_refused_and_leaves_nothing(tmp_path: Path, figures: Figures) -> None:
    with disks.small_disk(tmp_path / "disk", "96k") as disk:
        run = run_cli("workspace", "init", "--workspace", disk / "ws", "--unit", "测试单位")
        left = changes({}, snapshot(disk))
        problems = [f"left behind: {left}"] if left else []
        if run.outcome == "ok":
            problems.append("init said ok on a disk too small for a workspace")
        # nothing existed: a message calling the new database damaged (and sending the person to a backup) is wrong
        misleading = "damaged" in run.stderr
        if misleading:
            figures.record(KLASS, "workspace init on a 96 KB disk", "wrong", run.describe())
        else:
            record(figures, "workspace init on a 96 KB disk", run, problems)
        assert run.outcome in ("refused", "failed"), run.describe()
        assert not misleading, f"init on a full disk calls the database it could not create damaged: {run.stderr}"
        assert not left, f"init on a full disk left files behind: {left}"


@root_only
def test_a_write_on_a_full_disk_is_refused_and_reading_and_exporting_still_work(
    tmp_path: Path, figures: Figures
) -> None:
    with disks.small_disk(tmp_path / "disk", "4m") as disk:
        folder = disk / "ws"
        assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
        assert run_cli("workspace", "set", "--workspace", folder, "004", '{"score": 0.5}').outcome == "ok"
        before = inputs(folder)
        disks.fill(disk)
        write = run_cli("workspace", "set", "--workspace", folder, "008", '{"score": 1}')
        problems = []
        if write.outcome == "ok":
            problems.append("the write said ok on a full disk")
        if inputs(folder) != before and write.outcome != "ok":
            problems.append(f"lost or changed: {before} → {inputs(folder)}")
        if (sound := integrity(folder)) != "ok":
            problems.append(f"integrity_check: {sound}")
        record(figures, "workspace set on a full disk", write, problems)

        read = run_cli("workspace", "score", "--workspace", folder)
        record(figures, "workspace score on a full disk", read, [] if read.outcome == "ok" else ["reading failed"])
        out = tmp_path / "得分表.xlsx"
        export = run_cli("export", "sheet", "--workspace", folder, "--out", out)
        record(figures, "export sheet from a full disk", export, [] if export.outcome == "ok" else ["exporting failed"])
        assert write.outcome in ("refused", "failed"), write.describe()
        assert not problems, problems
        assert read.outcome == "ok", f"reading a workspace on a full disk: {read.describe()}"
        assert export.outcome == "ok", f"exporting from a full disk: {export.describe()}"
        assert out.is_file()


@root_only
def test_evidence_add_on_a_full_disk_leaves_no_orphan(tmp_path: Path, figures: Figures) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + random.Random(3).randbytes(2 * 1024 * 1024) + b"\n%%EOF\n")
    with disks.small_disk(tmp_path / "disk", "4m") as disk:
        folder = disk / "ws"
        assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
        disks.fill(disk, leave=512 * 1024)  # room for the database's journal, not for the scan
        add = run_cli("evidence", "add", "--workspace", folder, "--item", "002", scan)
        stored = stored_hashes(folder)
        orphans = sorted(set(vault_files(folder)) - stored)
        partial = [p.name for p in vault_leftovers(folder)]
        problems = []
        if add.outcome == "ok" and not stored:
            problems.append("lost: evidence add said ok, but nothing is stored")
        if orphans or partial:
            problems.append(f"left in the vault: {orphans + partial}")
        if (sound := integrity(folder)) != "ok":
            problems.append(f"integrity_check: {sound}")
        record(figures, "evidence add of 2 MB with 0.5 MB free", add, problems)
        assert add.outcome in ("refused", "failed"), add.describe()
        assert not problems, problems


def test_a_write_past_the_database_page_limit_is_refused_and_changes_nothing(tmp_path: Path, figures: Figures) -> None:
    """SQLite's max_page_count as the full disk (what a non-root run can show): the database may not grow."""
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        assessment = workspace.default_assessment().id
        workspace.set_inputs(assessment, {"004": {"score": 0.5}})
        workspace.set_note(assessment, "004", "原备注")
        fill_disk(workspace)
        before = rows(folder)
        try:
            workspace.set_note(assessment, "004", "备注" * 200_000)  # more than fits without growing
            outcome, detail = "ok", "the write said ok with no room"
        except Exception as exc:  # the refusal the app gives: its words are checked below
            outcome, detail = "failed", f"{type(exc).__name__}: {exc}"
    problems = [] if outcome != "ok" else [detail]
    if rows(folder) != before:
        problems.append("lost or changed: the refused write changed the stored inputs and notes")
    figures.record(KLASS, "note past max_page_count", "corrupt" if problems else outcome, detail[:300])
    assert not problems, problems
    assert "\n" not in detail.strip(), f"the refusal is more than one line: {detail}"


def rows(folder: Path) -> list[tuple[object, ...]]:
    return query(folder, "SELECT item_id, input, note FROM item_inputs ORDER BY item_id")


@root_only
def test_a_workspace_on_read_only_media_reads_and_exports_and_refuses_writes(tmp_path: Path, figures: Figures) -> None:
    with disks.small_disk(tmp_path / "disk", "8m") as disk:
        folder = disk / "ws"
        assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
        assert run_cli("workspace", "set", "--workspace", folder, "004", '{"score": 0.5}').outcome == "ok"
        before = snapshot(folder)
        disks.make_read_only(disk)
        read = run_cli("workspace", "score", "--workspace", folder)
        record(figures, "workspace score on read-only media", read, [] if read.outcome == "ok" else ["reading failed"])
        out = tmp_path / "得分表.xlsx"
        export = run_cli("export", "sheet", "--workspace", folder, "--out", out)
        record(
            figures, "export sheet from read-only media", export, [] if export.outcome == "ok" else ["exporting failed"]
        )
        write = run_cli("workspace", "set", "--workspace", folder, "008", '{"score": 1}')
        problems = ["the write said ok on read-only media"] if write.outcome == "ok" else []
        record(figures, "workspace set on read-only media", write, problems)
        assert snapshot(folder) == before
        assert read.outcome == "ok", f"reading a workspace on read-only media: {read.describe()}"
        assert export.outcome == "ok", f"exporting from read-only media: {export.describe()}"
        assert write.outcome in ("refused", "failed"), write.describe()
