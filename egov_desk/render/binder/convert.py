"""Office documents (DOCX/XLSX/DOC/XLS/ODT/…) turned into PDF by LibreOffice, all of a binder's in one run.

LibreOffice runs headless with a profile of its own (``-env:UserInstallation``) in the binder's temporary folder, so
it neither clashes with a LibreOffice the person has open nor leaves anything in their profile. Files go in under
a plain numbered name with their extension (the vault keeps them under their hash); a cancel kills the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from egov_desk.core.errors import Cancelled

OFFICE_KINDS = {"docx", "xlsx", "pptx", "doc", "xls", "ole", "text"}
OFFICE_SUFFIXES = {".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".wps", ".et"}
DEFAULT_SUFFIX = {"docx": ".docx", "xlsx": ".xlsx", "pptx": ".pptx", "doc": ".doc", "xls": ".xls", "text": ".txt"}
SECONDS_PER_FILE = 60


def soffice() -> str | None:
    """The LibreOffice program, if this PC has one."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for folder in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
        candidate = Path(folder) / "LibreOffice" / "program" / "soffice.exe"
        if folder and candidate.is_file():
            return str(candidate)
    return None


def is_office(kind: str, name: str) -> bool:
    return kind in OFFICE_KINDS or Path(name).suffix.lower() in OFFICE_SUFFIXES


def _suffix(kind: str, name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if suffix in OFFICE_SUFFIXES or suffix in (".txt", ".csv") else DEFAULT_SUFFIX.get(kind, ".docx")


def _place(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # no copy where the file system allows it
    except OSError:
        shutil.copyfile(source, target)


def convert_all(
    files: list[tuple[Path, str, str]], work: Path, cancelled: Callable[[], bool] = lambda: False
) -> list[Path | None]:
    """Each (path, kind, name) as a PDF in ``work`` (None where LibreOffice made none); one LibreOffice run."""
    program = soffice()
    if program is None or not files:
        return [None] * len(files)
    given, made = work / "office-in", work / "office-out"
    given.mkdir(parents=True, exist_ok=True)
    made.mkdir(parents=True, exist_ok=True)
    inputs = []
    for number, (path, kind, name) in enumerate(files):
        target = given / f"{number:05d}{_suffix(kind, name)}"
        _place(path, target)
        inputs.append(target)
    profile = (work / "office-profile").resolve().as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo"]
    command += ["--convert-to", "pdf", "--outdir", str(made), *map(str, inputs)]
    environment = dict(os.environ, HOME=str(work))  # LibreOffice writes beside HOME on first start
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    deadline = time.monotonic() + 30 + SECONDS_PER_FILE * len(files)
    try:
        while process.poll() is None:
            if cancelled():
                raise Cancelled("the binder was cancelled", "装订已取消", "cancelled")
            if time.monotonic() > deadline:
                break  # what it made is used; the rest is listed as 见材料包
            time.sleep(0.1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    results: list[Path | None] = []
    for target in inputs:
        pdf = made / f"{target.stem}.pdf"
        results.append(pdf if pdf.is_file() and pdf.stat().st_size else None)
    return results
