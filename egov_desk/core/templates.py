"""Built-in indicator systems shipped in ``resources/templates`` (e.g. ``builtin:2019``) and JSON files."""

from __future__ import annotations

import json
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from egov_desk.core.errors import Refused
from egov_desk.core.indicators import IndicatorSystem, IndicatorSystemError, system_from_interchange

BUILTIN_PREFIX = "builtin:"
DEFAULT_TEMPLATE = "builtin:2019"


class TemplateNotFound(Refused, LookupError):
    """No built-in template or file of that name."""


def _builtin_folder() -> Path:
    """resources/templates, found from the package's own file: importlib.resources would load zipfile, tempfile and
    threading for the same answer, and the package is a folder wherever it runs (a checkout, an install, the
    PyInstaller bundle)."""
    package = import_module("egov_desk.resources")  # by name: it is resources/ of the checkout, mapped at install
    return Path(str(package.__file__)).parent / "templates"


def builtin_names() -> list[str]:
    folder = _builtin_folder()
    return sorted(
        BUILTIN_PREFIX + entry.name.removesuffix(".json") for entry in folder.iterdir() if entry.name.endswith(".json")
    )


@cache
def _builtin_text(name: str) -> str:
    stem = name.removeprefix(BUILTIN_PREFIX)
    entry = _builtin_folder() / f"{stem}.json"
    if not stem or "/" in stem or not entry.is_file():
        known = ", ".join(builtin_names())
        raise TemplateNotFound(f"no built-in indicator system {name!r} (built in: {known})")
    return entry.read_text(encoding="utf-8")


def template_data(name_or_path: str) -> dict[str, Any]:
    """The interchange JSON of ``builtin:YEAR`` or of a .json file on disk."""
    if name_or_path.startswith(BUILTIN_PREFIX):
        text = _builtin_text(name_or_path)
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise TemplateNotFound(f"{name_or_path}: no such file, and not a built-in name like builtin:2019")
        text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IndicatorSystemError(f"{name_or_path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise IndicatorSystemError(f"{name_or_path}: the JSON must be an object with a 'tree'")
    return data


def load_template(name_or_path: str) -> IndicatorSystem:
    return system_from_interchange(template_data(name_or_path))
