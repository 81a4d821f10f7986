"""Exports that cannot be turned against their reader, and names the OS gives that are not what the app expects.

Notes, the unit and evidence file names hold formulas, markup, template syntax, control characters and emoji:
every workbook cell the app writes from data is text (never a formula), the report and checklist carry the text
whole, a report template that reaches for Python's internals runs nothing, any file name is accepted or refused
cleanly, and the recorded user is the OS account whatever USER says."""

from __future__ import annotations

import os
import pwd
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.reliability.figures import Figures
from tests.reliability.harness import Run, run_cli
from tests.reliability.workspaces import query, sha256, stored_hashes, vault_files, vault_leftovers

KLASS = "hostile text and names"
NOTES = {
    "004": '=HYPERLINK("http://evil.example/","点击")',
    "008": "=cmd|' /C calc'!A0",
    "012": "@SUM(1+1)*cmd|' /C calc'!A0",
    "013": "甲 & 乙 <w:p> </w:t> ‹…> 丙",
    "014": "{{ 7*7 }} {% if true %}真{% endif %} {# 注释 #}",
    "015": "材料 😀 已收集 ✅ 𠀀",
    "016": "响铃\x07换页\x0c制表\t结束",
}
UNIT = '=HYPERLINK("http://evil.example/","市教育局")'
FILLED_BY = "王晓梅 <b>&amp;</b> {{ x }}"
NAMES = (
    '=HYPERLINK("evil.example","x").pdf',
    "+cmd.pdf",
    "<script>alert(1)<script>.pdf",
    "{{ 7*7 }}.pdf",
    "材料😀.pdf",
    "换行\n名称.pdf",
    "响铃\x07.pdf",
    "长" * 80 + ".pdf",  # 243 bytes in UTF-8: near the 255-byte limit of a name
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EVIL_TEMPLATE = (
    "{{ cycler.__init__.__globals__.os.system('touch %s') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{%% for c in [].__class__.__base__.__subclasses__() %%}{{ c }}{%% endfor %%}",
)

pytestmark = pytest.mark.slow


def check(figures: Figures, name: str, run: Run, problems: list[str]) -> list[str]:
    verdict = run.outcome if run.clean and not problems else ("corrupt" if run.clean else run.outcome)
    figures.record(KLASS, name, verdict, "; ".join([run.describe(), *problems])[:500])
    return ([] if run.clean else [run.describe()]) + problems


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace whose notes, unit and filled-in-by hold hostile text, with hostile-named evidence."""
    home = tmp_path_factory.mktemp("hostile")
    folder = home / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    assert run_cli("assessment", "set", "--workspace", folder, "--unit", UNIT, "--filled-by", FILLED_BY).clean
    for code, note in NOTES.items():
        run = run_cli("workspace", "note", "--workspace", folder, code, note)
        assert run.clean, run.describe()
    return folder


def formulas(path: Path) -> list[str]:
    """Every formula cell in a workbook (the app's own sums included: the caller tells them apart)."""
    workbook = openpyxl.load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}: {cell.value}"
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def injected(found: list[str]) -> list[str]:
    markers = ("HYPERLINK", "cmd|", "evil.example", "@SUM")
    return [cell for cell in found if any(marker in cell for marker in markers)]


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def visible(text: str) -> str:
    """What an export can keep of a text: Word and Excel cannot hold control characters other than tab/newline."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32)


def test_the_score_sheet_writes_hostile_text_as_text(hostile: Path, tmp_path: Path, figures: Figures) -> None:
    out = tmp_path / "得分表.xlsx"
    run = run_cli("export", "sheet", "--workspace", hostile, "--out", out)
    problems = [f"a formula from data: {cell}" for cell in injected(formulas(out))] if run.outcome == "ok" else []
    failures = check(figures, "score sheet with formula-looking notes and unit", run, problems)
    assert run.outcome == "ok", run.describe()
    assert not failures, failures


@pytest.mark.parametrize("what", ["report", "checklist"])
def test_word_exports_carry_hostile_text_whole(what: str, hostile: Path, tmp_path: Path, figures: Figures) -> None:
    out = tmp_path / f"{what}.docx"
    run = run_cli("export", what, "--workspace", hostile, "--out", out)
    problems = []
    if run.outcome == "ok":
        text = docx_text(out)
        problems = [
            f"{code}: {note!r} is not in the {what}" for code, note in NOTES.items() if visible(note) not in text
        ]
        if "49" in text and "{{ 7*7 }}" not in text:
            problems.append("template syntax in a note was evaluated")
    failures = check(figures, f"{what} with markup, template syntax, control characters, emoji", run, problems)
    assert run.outcome == "ok", run.describe()
    assert not failures, failures


@pytest.mark.parametrize("number", range(len(EVIL_TEMPLATE)))
def test_a_report_template_reaching_for_python_runs_nothing(
    number: int, hostile: Path, tmp_path: Path, figures: Figures
) -> None:
    marker = tmp_path / "pwned"
    template = tmp_path / "mine.docx"
    document = docx.Document()
    document.add_paragraph("{{ unit }} 自评报告")
    document.add_paragraph(EVIL_TEMPLATE[number] % ((str(marker),) if "%s" in EVIL_TEMPLATE[number] else ()))
    document.save(str(template))
    out = tmp_path / "report.docx"
    run = run_cli("export", "report", "--workspace", hostile, "--out", out, "--template", template)
    problems = []
    if marker.exists():
        problems.append("the template ran a shell command")
    if run.outcome == "ok" and "subclasses" not in docx_text(out) and "class '" in docx_text(out):
        problems.append("the template listed Python's classes")
    if run.outcome != "ok" and out.exists():
        problems.append("a refused report left a file under its name")
    failures = check(figures, f"report template #{number + 1} reaching for Python", run, problems)
    assert not failures, failures


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace the hostile-named files are added to, one test each."""
    folder = tmp_path_factory.mktemp("named") / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    return folder


@pytest.mark.parametrize("name", NAMES, ids=[f"name{n}" for n in range(len(NAMES))])
def test_any_evidence_name_is_stored_or_refused_cleanly(
    name: str, named: Path, tmp_path: Path, figures: Figures
) -> None:
    source = tmp_path / name
    source.write_bytes(PDF + name.encode("utf-8", "surrogateescape"))
    add = run_cli("evidence", "add", "--workspace", named, "--item", "002", source)
    problems = []
    if orphans := sorted(set(vault_files(named)) - stored_hashes(named)) + [p.name for p in vault_leftovers(named)]:
        problems.append(f"left in the vault: {orphans}")
    if add.outcome == "ok" and sha256(source) not in stored_hashes(named):
        problems.append("evidence add said ok, but the file is not stored")
    failures = check(figures, f"evidence named {name[:40]!r}", add, problems)
    assert not failures, failures


@pytest.mark.parametrize("what", ["package", "sheet"])
def test_hostile_file_names_are_exported_as_text(what: str, named: Path, tmp_path: Path, figures: Figures) -> None:
    """After the names above: the package's index workbook and the score sheet hold them as text, not formulas."""
    out = tmp_path / ("包.zip" if what == "package" else "得分表.xlsx")
    run = run_cli("export", what, "--workspace", named, "--out", out)
    problems = []
    if run.outcome == "ok" and what == "package":
        with zipfile.ZipFile(out) as archive:
            index = [n for n in archive.namelist() if n.endswith(".xlsx")]
            for member in index:
                (tmp_path / "index.xlsx").write_bytes(archive.read(member))
                problems += [f"a formula from a file name: {c}" for c in injected(formulas(tmp_path / "index.xlsx"))]
        if not index:
            problems.append("the package has no index workbook")
    elif run.outcome == "ok":
        problems += [f"a formula from a file name: {c}" for c in injected(formulas(out))]
    failures = check(figures, f"export {what} of hostile-named evidence", run, problems)
    assert run.outcome == "ok", run.describe()
    assert not failures, failures


def test_a_gbk_named_evidence_file_is_stored(tmp_path: Path, figures: Figures) -> None:
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    source = tmp_path / os.fsdecode("工作计划".encode("gbk") + b".pdf")
    source.write_bytes(PDF + b"gbk")
    add = run_cli("evidence", "add", "--workspace", folder, "--item", "002", source)
    stored = stored_hashes(folder)
    problems = [] if add.outcome == "ok" and len(stored) == 1 else ["not stored"]
    if orphans := sorted(set(vault_files(folder)) - stored):
        problems.append(f"orphans in the vault: {orphans}")
    failures = check(figures, "evidence with a GBK file name", add, problems)
    assert not failures, failures


def test_the_recorded_user_is_the_os_account_not_the_user_variable(tmp_path: Path, figures: Figures) -> None:
    folder = tmp_path / "ws"
    assert run_cli("workspace", "init", "--workspace", folder, "--unit", "测试单位").outcome == "ok"
    run = run_cli(
        "workspace", "set", "--workspace", folder, "004", '{"score": 1}', env={"USER": "局长", "LOGNAME": "局长"}
    )
    [(actor,)] = query(folder, "SELECT actor FROM audit WHERE action = 'set_input'")
    account = pwd.getpwuid(os.getuid()).pw_name
    problems = [] if actor == account else [f"recorded {actor!r}, the OS account is {account!r}"]
    failures = check(figures, "USER=局长 LOGNAME=局长", run, problems)
    assert not failures, failures


@pytest.mark.parametrize("text", ["{{ unit ", "{% for x in %}{% endfor %}", "{{ unit | nosuchfilter }}"])
def test_a_broken_report_template_is_refused_with_one_line(
    text: str, hostile: Path, tmp_path: Path, figures: Figures
) -> None:
    template = tmp_path / "mine.docx"
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(template))
    out = tmp_path / "report.docx"
    run = run_cli("export", "report", "--workspace", hostile, "--out", out, "--template", template)
    problems = ["a refused report left a file under its name"] if run.outcome != "ok" and out.exists() else []
    failures = check(figures, f"report template {text!r}", run, problems)
    assert not failures, failures
    assert run.outcome == "refused", run.describe()
