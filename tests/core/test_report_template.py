"""A unit's own report template: used when it is a sound .docx template; refused in one line, in the person's
language, when it reaches for Python's insides, has broken fields or is not a .docx — and nothing is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from egov_desk.core.exports.report import TemplateRefused, write_report
from egov_desk.core.messages import say
from egov_desk.core.workspace import Workspace


def template(tmp_path: Path, text: str) -> Path:
    document = Document()
    document.add_paragraph(text)
    path = tmp_path / "mine.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "template_unsafe"),
        ("{{ unit.__class__.__init__.__globals__ }}", "template_unsafe"),
        ("{% for x in %}", "template_syntax"),
    ],
)
def test_a_template_that_cannot_be_used_is_refused_and_nothing_is_written(
    workspace: Workspace, tmp_path: Path, text: str, kind: str
) -> None:
    out = tmp_path / "report.docx"
    with pytest.raises(TemplateRefused) as refused:
        write_report(workspace, workspace.default_assessment().id, out, template(tmp_path, text))
    assert refused.value.kind == kind
    assert "没有写出报告" in say(refused.value)
    assert not out.exists()


def test_the_cli_refuses_it_in_one_line(tmp_path: Path) -> None:
    Workspace.open(tmp_path / "ws").close()
    bad = template(tmp_path, "{{ unit.__class__.__init__.__globals__ }}")
    # a process of its own: the report's chart needs a Qt application, which must not outlive this test
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "egov_desk.cli",
            "export",
            "report",
            "--workspace",
            str(tmp_path / "ws"),
            "--out",
            str(tmp_path / "r.docx"),
            "--template",
            str(bad),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": ""},
        timeout=120,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert "mine.docx：模板试图访问报告不允许访问的内容" in run.stderr
    assert not (tmp_path / "r.docx").exists()


def test_a_file_that_is_not_a_docx_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    fake = tmp_path / "mine.docx"
    fake.write_text("not a document", encoding="utf-8")
    with pytest.raises(TemplateRefused) as refused:
        write_report(workspace, workspace.default_assessment().id, tmp_path / "r.docx", fake)
    assert refused.value.kind == "template_not_docx"


def test_a_sound_template_of_the_units_own_is_used(workspace: Workspace, tmp_path: Path) -> None:
    out = write_report(
        workspace, workspace.default_assessment().id, tmp_path / "r.docx", template(tmp_path, "{{ unit }} 自评")
    )
    assert "本单位 自评" in [p.text for p in Document(str(out)).paragraphs]
