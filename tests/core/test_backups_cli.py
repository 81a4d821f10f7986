"""Backups from the command line, in the locale's language, and refused where a backup would not be safe (a network
share, read-only media)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desk.core.backups import BackupError, create_backup, list_backups, restore_backup
from egov_desk.core.points import display
from egov_desk.core.workspace import Workspace
from tests.core.test_backups import database
from tests.core.test_evidence import PDF, make, sha


def cli(*args: str, language: str = "C") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "LC_ALL": language, "LANG": language}
    return subprocess.run(
        [sys.executable, "-m", "egov_desk.cli", *args], capture_output=True, text=True, timeout=120, env=environment
    )


def test_the_cli_creates_lists_and_restores_backups(workspace: Workspace, tmp_path: Path) -> None:
    folder = str(workspace.folder)
    workspace.set_input(1, "021", {"numerator": 7, "denominator": 9})
    total = workspace.scores(1).total
    lost = PDF + b"lost"
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    made = cli("backup", "create", "--workspace", folder)
    assert made.returncode == 0, made.stderr
    name = Path(made.stdout.strip()).name
    workspace.set_input(1, "005", {"yes": True})
    workspace.close()
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    listed = cli("backup", "list", "--workspace", folder, "--json")
    [backup] = [b for b in json.loads(listed.stdout)["backups"] if b["reason"] != "open"]
    assert backup["name"] == name
    assert backup["reason"] == "manual"
    assert backup["total"] == float(display(total))

    restored = cli("backup", "restore", "--latest", "--workspace", folder, language="zh_CN.UTF-8")
    assert restored.returncode == 0, restored.stderr  # restored, with a warning about the missing file
    assert f"已恢复：{name}" in restored.stdout
    assert f"缺少  {sha(lost)}  028  排名通报.pdf" in restored.stderr
    assert "警告" in restored.stderr
    with Workspace.open(workspace.folder, create=False) as reopened:
        assert reopened.inputs(1) == {"021": {"numerator": 7, "denominator": 9}}
    after = json.loads(cli("backup", "list", "--workspace", folder, "--json").stdout)["backups"]
    assert {"before-restore", "manual"} <= {b["reason"] for b in after}  # (and "open", once opening backs up)


def test_the_cli_refuses_an_unknown_backup_in_the_locales_language(workspace: Workspace) -> None:
    workspace.close()
    refused = cli("backup", "restore", "nope.sqlite", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("nope.sqlite：没有这个备份")
    none = cli("backup", "restore", "--latest", "--workspace", str(workspace.folder))
    assert none.returncode == 2
    assert "there is no backup yet" in none.stderr


# --- verify advises only backups that exist -------------------------------------------------------------


def test_verify_names_the_newest_backup_that_exists_and_how_to_restore_it(workspace: Workspace, tmp_path: Path) -> None:
    lost = PDF + b"lost"
    workspace.evidence.attach(1, "028", [make(tmp_path / "in", "排名通报.pdf", lost)])
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    (workspace.folder / "vault" / sha(lost)[:2] / sha(lost)).unlink()

    checked = cli("verify", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")

    assert checked.returncode == 1
    newest = list_backups(workspace.folder)[0]  # the manual one (or one the verify's own open made)
    assert newest.name == backup.name or newest.reason == "open"
    assert f"最新的数据库备份：{newest.name}（{newest.created:%Y-%m-%d %H:%M}）" in checked.stdout
    assert f"egov-desk-cli backup restore --workspace {workspace.folder} " in checked.stdout
    assert "重新添加" in checked.stdout


def test_verify_says_there_is_no_backup_when_there_is_none(tmp_path: Path) -> None:
    from egov_desk.core.evidence.verify import repair_advice

    advice = repair_advice(tmp_path / "ws", "en")
    assert advice[-1].startswith("There is no database backup of this workspace yet")
    assert "restore" not in " ".join(advice)


def seeing_a_network_share(
    share: Path, command: list[str], language: str = "zh_CN.UTF-8"
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in a process that sees ``share`` as an SMB (cifs) mount: a private mount table bound over
    its own /proc/PID/mounts, in a mount namespace of its own (needs root and unshare)."""
    if os.name == "nt" or os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("faking a network mount needs root and unshare")
    mounts = share.parent / f"{share.name}.mounts"
    escaped = str(share).replace("\\", "\\134").replace(" ", "\\040")
    mounts.write_text(f"/dev/root / ext4 rw 0 0\n//server/office {escaped} cifs rw,vers=3.0 0 0\n", encoding="utf-8")
    environment = {**os.environ, "LC_ALL": language, "LANG": language}
    bind = 'mount --bind "$0" /proc/$$/mounts && exec "$@"'  # exec keeps the pid: /proc/self/mounts is the fake
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", bind, str(mounts), *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )
    if done.returncode != 0 and done.stderr.startswith(("mount:", "unshare:")):
        pytest.skip(f"cannot bind a mount table here: {done.stderr.strip()}")
    return done


def on_a_network_share(share: Path, *args: str, language: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess[str]:
    """The CLI, seeing ``share`` as an SMB mount."""
    return seeing_a_network_share(share, [sys.executable, "-m", "egov_desk.cli", *args], language)


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_backup_create_and_restore_are_refused_on_a_network_share(workspace: Workspace) -> None:
    workspace.set_input(1, "005", {"yes": True})
    backup = create_backup(database(workspace), "manual")
    workspace.close()
    before = files_in(workspace.folder)
    folder = str(workspace.folder)

    created = on_a_network_share(workspace.folder, "backup", "create", "--workspace", folder)
    restored = on_a_network_share(workspace.folder, "backup", "restore", backup.name, "--workspace", folder)
    latest = on_a_network_share(workspace.folder, "backup", "restore", "--latest", "--workspace", folder, language="C")

    for done in (created, restored):
        assert done.returncode == 1, done.stderr
        assert "工作区在网络共享文件夹上（cifs）" in done.stderr
        assert "请把工作区文件夹复制到本机磁盘后打开副本" in done.stderr
        assert "未做任何更改" in done.stderr
    assert latest.returncode == 1
    assert "The workspace is on a network share (cifs)" in latest.stderr
    assert files_in(workspace.folder) == before  # no backup made, none rotated away, the database untouched


def test_importing_into_a_workspace_on_a_network_share_is_refused_before_any_backup(
    workspace: Workspace, tmp_path: Path
) -> None:
    from egov_desk.core.exports.score_sheet import write_score_sheet
    from tests.conftest import SEED

    sheet = tmp_path / "得分表.xlsx"
    write_score_sheet(workspace, 1, sheet)
    workspace.close()
    _type_a_score(sheet)
    before = files_in(workspace.folder)
    folder = str(workspace.folder)

    table = on_a_network_share(workspace.folder, "import", str(SEED / "2019-indicators.docx"), "--into", folder)
    scores = on_a_network_share(workspace.folder, "import-scores", str(sheet), "--workspace", folder)

    for done in (table, scores):
        assert done.returncode == 1, done.stderr
        assert "工作区在网络共享文件夹上（cifs）" in done.stderr
    assert files_in(workspace.folder) == before  # no before-import backup written into the share


def _type_a_score(sheet: Path) -> None:
    """Type 2 into the 自评得分 cell of item 004, as a department would."""
    import openpyxl

    book = openpyxl.load_workbook(sheet)
    page = book.active
    header = next(r for r in page.iter_rows() if any(c.value == "自评得分" for c in r))
    column = next(c.column for c in header if c.value == "自评得分")
    row = next(r[0].row for r in page.iter_rows() if any(c.value == "004" for c in r))
    page.cell(row, column, 2)
    book.save(sheet)


def test_a_backup_and_a_restore_are_refused_on_read_only_media(tmp_path: Path) -> None:
    from tests.core.media import make_read_only, tmpfs

    with tmpfs(tmp_path / "stick", "16m") as stick:
        with Workspace.open(stick / "ws") as workspace:
            workspace.set_input(1, "005", {"yes": True})
            backup = create_backup(database(workspace), "manual")
        make_read_only(stick)
        before = files_in(stick / "ws")
        with pytest.raises(BackupError) as refused_backup:
            create_backup(stick / "ws" / "workspace.sqlite", "manual")
        with pytest.raises(BackupError) as refused_restore:
            restore_backup(stick / "ws", backup.name)
        for refused in (refused_backup.value, refused_restore.value):
            assert refused.kind == "read_only"
            assert "不能写入（只读介质或没有写权限）" in refused.describe("zh_CN")
            assert "cannot be written (read-only media" in str(refused)
        assert files_in(stick / "ws") == before


def test_restore_without_a_name_is_explained_in_the_locales_language(workspace: Workspace) -> None:
    workspace.close()
    refused = cli("backup", "restore", "--workspace", str(workspace.folder), language="zh_CN.UTF-8")
    assert refused.returncode == 2
    assert "请给出一个备份的文件名" in refused.stderr
    assert "--latest" in refused.stderr
