"""Every UI string has a Chinese translation, and the shipped .qm is built from the .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "egov_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def unfinished(ts: Path) -> list[str]:
    return [
        m.findtext("source") or ""
        for m in ET.parse(ts).getroot().iter("message")
        if (t := m.find("translation")) is not None
        and (t.get("type") == "unfinished" or not (t.text or "".join(f.text or "" for f in t)))
    ]


def test_the_ts_file_is_fully_translated() -> None:
    assert unfinished(TS) == []


def test_every_string_in_the_ui_code_is_in_the_ts_file(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "egov_desk" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert unfinished(copy) == [], "new UI strings: run `make translations` and translate them"


def test_no_ui_string_is_translated_inside_an_f_string() -> None:
    """lupdate cannot see into f-strings: a tr() there is never collected, so it shows in English."""
    ui = Path(__file__).resolve().parents[2] / "egov_desk" / "ui"
    inside = re.compile(r"""f(["']).*?\{[^}]*(self\.tr|QCoreApplication\.translate)\(""")
    found = [
        f"{path.relative_to(ui)}:{number}"
        for path in sorted(ui.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inside.search(line)
    ]
    assert found == []


def test_every_translated_text_is_a_literal_lupdate_can_see() -> None:
    """A text passed to tr()/translate() through a variable or a wrapper (def _tr(text)) is never collected: it
    shows in English. Texts chosen at run time are marked where they are written, with QT_TRANSLATE_NOOP."""
    ui = Path(__file__).resolve().parents[2] / "egov_desk" / "ui"
    hidden = re.compile(r"""(\.tr\(|translate\(\s*"[^"]*",)\s*(?!["'\s]|$|self\.tr|\)|f?["'])""")
    wrapper = re.compile(r"def \w+\(text: str\) -> str:\s*\n\s*return (QCoreApplication\.translate|self\.tr)\(")
    found = []
    for path in sorted(ui.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(ui)}: a wrapper" for _ in wrapper.finditer(text)]
        for number, line in enumerate(text.splitlines(), 1):
            if hidden.search(line) and "QT_TRANSLATE_NOOP" not in line and "# marked" not in line:
                found.append(f"{path.relative_to(ui)}:{number}: {line.strip()}")
    assert found == []


def test_the_qm_file_is_built_from_the_ts_file(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_qt_file_dialogs_speak_chinese_with_our_better_words(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"  # Qt's own file says 体积
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："  # Qt's own file lacks these
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
