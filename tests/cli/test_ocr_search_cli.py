"""``egov-desk-cli ocr`` and ``search``: a file added with ``evidence add`` waits in the queue, ``ocr`` reads it (a
progress bar on stderr, or JSON lines) and ``search`` finds it with item, file, page and snippet; a worker killed
or stopped mid-queue leaves whole files only, and the next run finishes the rest without duplicates."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desk.cli import main
from egov_desk.core.evidence_text.worker import ocr_command
from egov_desk.core.workspace import Workspace
from tests.core.evidence_text_files import page_image, scanned_pdf

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    Workspace.open(tmp_path / "ws").close()
    return tmp_path / "ws"


def test_a_file_added_waits_for_ocr_and_is_found_after_it(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = page_image(tmp_path / "会议纪要.png", ["信息化工作会议纪要", "参会人员：各科室负责人"])
    assert run(capsys, "evidence", "add", "--workspace", str(folder), "--item", "003", str(scan))[0] == 0

    code, out, err = run(capsys, "search", "会议纪要", "--workspace", str(folder))
    assert (code, out) == (0, "")
    assert "nothing found in the evidence text for “会议纪要”" in err
    assert "1 files are not read yet" in err

    code, out, err = run(capsys, "ocr", "--workspace", str(folder))
    assert code == 0
    assert "[" in err
    assert "1/1" in err
    assert "read 1 files, 0 could not be read" in out

    code, out, _ = run(capsys, "search", "会议纪要", "--workspace", str(folder), "--json")
    [hit] = json.loads(out)["hits"]
    assert (hit["item"], hit["file"], hit["page"], hit["source"]) == ("003", "会议纪要.png", 1, "ocr")
    assert hit["snippet"][hit["match"][0] : hit["match"][1]] == "会议纪要"
    assert len(hit["boxes"]) == 1
    code, out, _ = run(capsys, "search", "会议纪要", "--workspace", str(folder))
    assert out.split() == ["003", "会议纪要.png", "page", "1", "信息化工作会议纪要", "参会人员：各科室负责人"]


def test_json_progress_names_each_page_and_ends_with_the_counts(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = [page_image(tmp_path / f"{n}.png", [f"第{n}页内容"], size=(600, 200)) for n in (1, 2)]
    run(
        capsys,
        "evidence",
        "add",
        "--workspace",
        str(folder),
        "--item",
        "001",
        str(scanned_pdf(tmp_path / "s.pdf", pages)),
    )
    code, out, _ = run(capsys, "ocr", "--workspace", str(folder), "--json-progress")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert lines[0] == {"done": 0, "total": 1, "file": "s.pdf", "page": 1, "pages": 2}
    assert lines[1] == {"done": 0, "total": 1, "file": "s.pdf", "page": 2, "pages": 2}
    assert lines[-1] == {"finished": True, "done": 1, "failed": 0, "stopped": False}


def test_the_command_the_window_starts_is_this_cli() -> None:
    assert ocr_command("/data/ws") == [
        sys.executable,
        "-m",
        "egov_desk.cli",
        "ocr",
        "--workspace",
        "/data/ws",
        "--json-progress",
    ]


def _worker(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(ocr_command(str(folder)), stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _queue(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], files: int) -> None:
    for n in range(files):
        scan = page_image(tmp_path / f"第{n}号.png", [f"编号{n}号材料的正文"], size=(600, 200))
        assert run(capsys, "evidence", "add", "--workspace", str(folder), "--item", "001", str(scan))[0] == 0


def _all_found(folder: Path, capsys: pytest.CaptureFixture[str], files: int) -> None:
    for n in range(files):
        _, out, _ = run(capsys, "search", f"编号{n}号", "--workspace", str(folder), "--json")
        assert [hit["file"] for hit in json.loads(out)["hits"]] == [f"第{n}号.png"]  # once: no duplicate page
    with Workspace.open(folder) as workspace:
        progress = workspace.evidence_text.progress()
    assert (progress.done, progress.failed, progress.pending) == (files, 0, 0)


def test_a_killed_worker_leaves_whole_files_and_the_next_run_finishes_the_queue(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(folder, tmp_path, capsys, 4)
    worker = _worker(folder)
    assert worker.stdout is not None
    for line in worker.stdout:
        if json.loads(line).get("done") == 1:  # one file recorded, the next begun
            break
    worker.kill()
    worker.wait(30)
    worker.stdout.close()
    with Workspace.open(folder) as workspace:
        left = workspace.evidence_text.progress()
    assert left.done >= 1
    assert left.pending >= 1
    assert left.done + left.pending == 4

    again = _worker(folder)
    out, _ = again.communicate(timeout=300)
    assert again.returncode == 0
    assert json.loads(out.splitlines()[-1])["done"] == left.pending
    _all_found(folder, capsys, 4)


def test_sigterm_stops_the_worker_between_pages_and_says_so(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _queue(folder, tmp_path, capsys, 3)
    worker = _worker(folder)
    assert worker.stdout is not None
    first = json.loads(worker.stdout.readline())
    assert first["done"] == 0
    worker.send_signal(signal.SIGTERM)
    out, _ = worker.communicate(timeout=120)
    end = json.loads(out.splitlines()[-1])
    assert worker.returncode == 0
    assert end["finished"] is True
    assert end["stopped"] is True
    assert end["done"] < 3
    assert run(capsys, "ocr", "--workspace", str(folder))[0] == 0
    _all_found(folder, capsys, 3)


def test_findings_name_the_file_the_page_and_what_was_found_in_chinese(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from tests.core.evidence_text_files import text_pdf

    pdf = text_pdf(tmp_path / "旧通知.pdf", [["某某区数据资源局文件", "关于开展检查的通知", "2016年6月1日"]])
    run(capsys, "evidence", "add", "--workspace", str(folder), "--item", "002", str(pdf))
    run(capsys, "ocr", "--workspace", str(folder))
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "search", "--findings", "--workspace", str(folder))
    assert code == 0
    assert out.splitlines() == [
        "002      材料中的日期不在考评年度（2019年）内：2016年6月1日（旧通知.pdf 第 1 页）",
        "002      可能是其他单位的材料：某某区数据资源局（旧通知.pdf 第 1 页）",
    ]
    code, out, _ = run(capsys, "search", "--findings", "--workspace", str(folder), "--json")
    assert [f["kind"] for f in json.loads(out)["findings"]] == ["date_outside_year", "other_unit"]


def test_a_search_without_words_is_refused_saying_what_to_give(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "search", "  ", "--workspace", str(folder))
    assert code == 2
    assert "give the words to find, or --findings" in err


def test_ocr_names_each_file_it_could_not_read_and_why(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4\nnothing else\n")
    run(capsys, "evidence", "add", "--workspace", str(folder), "--item", "001", str(broken))
    code, out, err = run(capsys, "ocr", "--workspace", str(folder))
    assert code == 3  # some could not be read
    assert "坏.pdf  could not be read" in err  # the progress line names it, not page 0/0
    assert "0/0" not in err
    assert "read 0 files, 1 could not be read" in out
    assert "  坏.pdf: the file cannot be read (damaged or not what its name says) — details: " in err


def test_ocr_again_in_chinese_names_the_file_in_whole_chinese(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "坏.pdf"
    broken.write_bytes(b"%PDF-1.4\nnothing else\n")
    run(capsys, "evidence", "add", "--workspace", str(folder), "--item", "001", str(broken))
    run(capsys, "ocr", "--workspace", str(folder))
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, _, err = run(capsys, "ocr", "--workspace", str(folder), "--again")
    assert code == 3
    assert "坏.pdf  无法识别" in err
    [line] = [line for line in err.splitlines() if line.startswith("  坏.pdf: ")]
    assert line == "  坏.pdf: 无法读取文件内容：文件已损坏，或与其类型不符；请添加一份能正常打开的副本"


def test_a_search_finding_nothing_says_so_in_the_locales_language(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "search", "区块链", "--workspace", str(folder))
    assert (code, out) == (0, "")
    assert err.strip() == "材料内容中没有找到“区块链”"
