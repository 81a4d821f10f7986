"""Translations not yet in the .ts, for a screenshot run: English→Chinese pairs (a JSON object) compiled into a .qm
holding them in each of the given contexts (pyside6-lrelease beside this Python)."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path


def compiled(pairs: Path, folder: Path, contexts: Iterable[str]) -> Path:
    mapping = json.loads(pairs.read_text(encoding="utf-8"))
    messages = "".join(
        f"<message><source>{html.escape(source)}</source><translation>{html.escape(target)}</translation></message>"
        for source, target in mapping.items()
    )
    body = "".join(f"<context><name>{name}</name>{messages}</context>" for name in contexts)
    ts = folder / "extra_zh_CN.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="zh_CN">{body}</TS>', "utf-8")
    qm = folder / "extra_zh_CN.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm
