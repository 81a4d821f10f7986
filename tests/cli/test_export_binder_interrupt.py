"""Ctrl+C during ``egov-desk-cli export binder`` — while it binds, or right at start-up while Qt loads — ends it in
one line in the locale's language, exit 130, and leaves no binder (the real command, interrupted by SIGINT)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egov_desk.core.demo import create_demo_workspace

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGINT to a child; /proc/PID/maps")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    create_demo_workspace(tmp_path / "demo").close()
    return tmp_path / "demo"


def start(folder: Path, out: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, LANG="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    command = ["-m", "egov_desk.cli", "export", "binder", "--workspace", str(folder), "--unit", "--out", str(out)]
    return subprocess.Popen(
        [sys.executable, *command], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )


def test_ctrl_c_while_binding_says_so_in_chinese(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "装订册.pdf"
    binding = start(folder, out)
    assert binding.stderr is not None
    first = binding.stderr.readline()  # not a terminal: a line a step
    assert first.startswith("正在清点")
    binding.send_signal(signal.SIGINT)
    _, told = binding.communicate(timeout=120)
    assert binding.returncode == 130, told
    assert told.strip().splitlines()[-1] == f"已取消：未写入装订册 {out}"
    assert "Traceback" not in told
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["demo"]  # no temporary left beside it


def test_ctrl_c_right_at_start_up_is_one_line_not_a_traceback(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "装订册.pdf"
    binding = start(folder, out)
    maps = Path(f"/proc/{binding.pid}/maps")
    deadline = time.monotonic() + 60
    while "libQt6Core" not in maps.read_text() and time.monotonic() < deadline:  # the command has begun loading Qt
        time.sleep(0.005)
    binding.send_signal(signal.SIGINT)
    _, told = binding.communicate(timeout=120)
    assert binding.returncode == 130, told
    assert "Traceback" not in told
    assert "已取消" in told.strip().splitlines()[-1]
    assert not out.exists()
