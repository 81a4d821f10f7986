"""The vault repairs itself: adding the original again replaces a damaged stored copy, and keeps a good one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.evidence.vault import Vault, VaultError
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace
from tests.core.test_evidence import PDF, make, sha


def flip_a_byte(path: Path, at: int = 10) -> None:
    """Damage a stored copy as a bad sector would: same size, one bit different."""
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


def test_adding_the_original_again_replaces_a_copy_with_a_flipped_byte(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [original])
    vault = workspace.evidence.vault
    flip_a_byte(vault.path_of(sha(PDF)))
    assert [digest for digest, _ in workspace.evidence.verify().corrupt] == [sha(PDF)]

    stored = vault.add(original)

    assert (stored.new, stored.repaired) == (False, True)
    assert vault.path_of(sha(PDF)).read_bytes() == PDF
    assert workspace.evidence.verify().ok
    assert vault.leftovers() == []  # the verified copy was renamed over the bad one, nothing left in tmp


def test_a_truncated_copy_is_replaced_too(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [original])
    workspace.evidence.vault.path_of(sha(PDF)).write_bytes(PDF[:7])
    [again] = workspace.evidence.attach(1, "002", [original]).added
    assert again.sha256 == sha(PDF)
    assert workspace.evidence.verify().ok


def test_a_good_copy_is_kept_and_touched(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "vault")
    original = make(tmp_path, "a.pdf", PDF)
    first = vault.add(original)
    stored = vault.path_of(first.sha256)
    inode = stored.stat().st_ino
    os.utime(stored, (1_000_000, 1_000_000))
    second = vault.add(original)
    assert (first.new, first.repaired) == (True, False)
    assert (second.new, second.repaired) == (False, False)
    assert stored.stat().st_ino == inode  # the same file, not a new copy
    assert stored.stat().st_mtime > 1_000_000  # touched: a scanning clean sees it as in use now


def test_a_missing_copy_is_stored_again(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [original])
    workspace.evidence.vault.path_of(sha(PDF)).unlink()
    assert not workspace.evidence.verify().ok
    workspace.evidence.attach(1, "002", [original])
    assert workspace.evidence.verify().ok


def test_the_cli_repairs_a_corrupt_copy_by_adding_the_original(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    scan = make(tmp_path, "计划.pdf", PDF)
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(scan)]) == 0
    flip_a_byte(Path(folder, "vault", sha(PDF)[:2], sha(PDF)))
    assert main(["verify", "--workspace", folder]) == 1
    assert "CORRUPT" in capsys.readouterr().out

    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(scan)]) == 0

    assert main(["verify", "--workspace", folder]) == 0
    assert "all is well" in capsys.readouterr().out
    assert Path(folder, "vault", sha(PDF)[:2], sha(PDF)).read_bytes() == PDF


def test_a_damaged_copy_is_not_replaced_by_different_bytes(tmp_path: Path) -> None:
    """Only bytes that hash to the stored name replace it: another file is stored beside, never over it."""
    vault = Vault(tmp_path / "vault")
    first = vault.add(make(tmp_path, "a.pdf", PDF))
    flip_a_byte(vault.path_of(first.sha256))
    other = vault.add(make(tmp_path, "b.pdf", PDF + b"other"))
    assert other.sha256 != first.sha256
    assert vault.hash_of(first.sha256) != first.sha256  # still damaged: only its original can repair it


def test_a_vault_error_reads_in_chinese_and_english(tmp_path: Path) -> None:
    missing = tmp_path / "不存在.pdf"
    with pytest.raises(VaultError) as raised:
        Vault(tmp_path / "vault").add(missing)
    assert str(raised.value).startswith("不存在.pdf: not stored (")
    assert raised.value.describe("zh_CN") == "不存在.pdf：未能存入佐证材料库（文件不存在）"
    assert raised.value.describe("en") == str(raised.value)


# --- the repair is reported: the attach report, the CLI, verify's advice ---------------------------------


def test_the_attach_report_names_a_repaired_copy(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path, "计划.pdf", PDF)
    workspace.evidence.attach(1, "002", [original])
    flip_a_byte(workspace.evidence.vault.path_of(sha(PDF)))

    report = workspace.evidence.attach(1, "025", [original])

    assert [f.name for f in report.repaired] == ["计划.pdf"]
    assert [f.name for f in report.added] == ["计划.pdf"]  # attached to 025 as well


def test_adding_a_file_whose_copy_is_intact_reports_no_repair(workspace: Workspace, tmp_path: Path) -> None:
    original = make(tmp_path, "计划.pdf", PDF)
    assert workspace.evidence.attach(1, "002", [original]).repaired == []
    assert workspace.evidence.attach(1, "025", [original]).repaired == []


def test_a_file_that_cannot_be_stored_is_reported_with_its_error(workspace: Workspace, tmp_path: Path) -> None:
    report = workspace.evidence.attach(1, "002", [tmp_path / "不存在.pdf"])
    [error] = report.errors
    assert isinstance(error, VaultError)
    assert say(error, "zh_CN") == "不存在.pdf：未能存入佐证材料库（文件不存在）"
    assert [why for _path, why in report.failed] == [str(error)]  # the English list older callers read


def test_the_cli_says_which_copy_adding_repaired_in_the_locales_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    scan = make(tmp_path, "计划.pdf", PDF)
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(scan)]) == 0
    assert "已修复" not in capsys.readouterr().out
    flip_a_byte(Path(folder, "vault", sha(PDF)[:2], sha(PDF)))
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")

    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(scan)]) == 0

    assert "已修复库中损坏的副本：计划.pdf" in capsys.readouterr().out.splitlines()


def test_the_cli_says_in_english_why_a_file_was_not_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    monkeypatch.setenv("LC_ALL", "C")
    missing = tmp_path / "gone.pdf"
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(missing)]) == 1
    assert capsys.readouterr().err.startswith("egov-desk-cli: gone.pdf: not stored (")


def test_verify_advises_adding_the_originals_again_to_repair_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "ws")
    Workspace.open(Path(folder)).close()
    assert main(["evidence", "add", "--workspace", folder, "--item", "002", str(make(tmp_path, "计划.pdf", PDF))]) == 0
    flip_a_byte(Path(folder, "vault", sha(PDF)[:2], sha(PDF)))
    capsys.readouterr()
    monkeypatch.setenv("LC_ALL", "C")

    assert main(["verify", "--workspace", folder]) == 1

    out = capsys.readouterr().out
    assert f"CORRUPT  {sha(PDF)}  计划.pdf  (002)" in out.splitlines()
    assert "add the original files above again" in out.lower()
    assert "adding a file repairs its damaged copy" in out
