"""Exports as a reader sees them: rendered by LibreOffice (a slow test, skipped without it)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_without_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (make test installs libreoffice-writer-nogui on Debian)"
)


def needs_libreoffice(test: Callable[..., None]) -> Callable[..., None]:
    """A test that renders through LibreOffice: marked slow (`-m "not slow"` leaves it out), skipped without it."""
    return pytest.mark.slow(_without_libreoffice(test))


def render(path: Path) -> tuple[int, str]:
    """LibreOffice → PDF → (pages, text), as a reader would see the document."""
    out = path.parent / "rendered"
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(path)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(path.parent), "PATH": "/usr/bin:/bin"},
    )
    pdf = out / (path.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, "".join(unicodedata.normalize("NFKC", text).split())  # layout breaks lines anywhere
