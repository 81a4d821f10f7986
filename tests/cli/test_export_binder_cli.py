"""``egov-desk-cli export binder``: an item's, a department's and the unit's binder written, its pages and size
printed; a binder asked without saying of what, or of a department no item names, exits 2 in one line."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from egov_desk.cli import main
from egov_desk.core.demo import create_demo_workspace


@pytest.fixture
def folder(qapp: object, tmp_path: Path) -> Path:  # the command finds pytest-qt's application, not one of its own
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("scope", "pages"), [(["--item", "003"], 5), (["--department", "信息中心"], 27), (["--unit"], 48)]
)
def test_a_binder_is_written_and_its_pages_printed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], scope: list[str], pages: int
) -> None:
    out = tmp_path / "装订册.pdf"
    code, said, told = run(capsys, "export", "binder", "--workspace", str(folder), *scope, "--out", str(out))
    assert code == 0, told
    assert said.strip() == f"{out}: {pages} pages, {out.stat().st_size} bytes"
    assert len(pypdf.PdfReader(out).pages) == pages
    assert "正在合成" in told  # the progress went to stderr


def test_a_binder_needs_one_scope_and_a_known_department(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "装订册.pdf"
    code, _, told = run(capsys, "export", "binder", "--workspace", str(folder), "--out", str(out))
    assert code == 2
    assert "--item" in told
    assert "--unit" in told
    code, _, told = run(
        capsys, "export", "binder", "--workspace", str(folder), "--item", "003", "--unit", "--out", str(out)
    )
    assert code == 2
    code, _, told = run(
        capsys, "export", "binder", "--workspace", str(folder), "--department", "档案室", "--out", str(out)
    )
    assert code == 2
    assert "档案室" in told
    assert "信息中心" in told
    assert not out.exists()


def test_a_department_that_leads_no_item_is_refused_and_nothing_written(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    out = tmp_path / "装订册.pdf"
    code, said, told = run(
        capsys, "export", "binder", "--workspace", str(folder), "--department", "基教科", "--out", str(out)
    )
    assert code == 2
    assert told.strip() == "egov-desk-cli: 「基教科」没有牵头的项目，无需装订（它配合的项目由牵头科室装订）"
    assert said == ""
    assert not out.exists()


def test_out_in_a_folder_that_does_not_exist_is_refused_and_no_folder_made(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    missing = tmp_path / "no" / "such"
    code, _, told = run(
        capsys, "export", "binder", "--workspace", str(folder), "--unit", "--out", str(missing / "x.pdf")
    )
    assert code == 2
    assert f"the folder {missing} does not exist" in told
    assert not (tmp_path / "no").exists()


def test_out_naming_a_folder_is_refused_naming_it_not_a_temporary_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    (tmp_path / "out").mkdir()
    for given in (f"{tmp_path / 'out'}/", str(tmp_path / "out"), f"{tmp_path / 'new'}/"):
        code, _, told = run(capsys, "export", "binder", "--workspace", str(folder), "--unit", "--out", given)
        assert code == 2
        assert f"--out {given}：这是一个文件夹；请给出其中的文件名" in told
        assert ".part" not in told
    assert list((tmp_path / "out").iterdir()) == []
    assert not (tmp_path / "new").exists()
