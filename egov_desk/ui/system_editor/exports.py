"""Writing the edited system as the original-layout .xlsx, through the core's system export when this version
has it (the editor greys its button out when it has not)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from egov_desk.core.errors import EgovError
from egov_desk.core.messages import say
from egov_desk.ui.language import ui_language

if TYPE_CHECKING:
    from egov_desk.core.system_draft import SystemDraft

WRITERS = ("write_system_xlsx", "export_system_xlsx")


def xlsx_writer() -> Callable[..., Any] | None:
    """The core's writer of a system as .xlsx (``(system, path)``), or None when this version has none."""
    try:
        module = importlib.import_module("egov_desk.core.exports.system_xlsx")
    except ImportError:
        return None
    for name in WRITERS:
        writer = getattr(module, name, None)
        if callable(writer):
            return writer
    return None


def export_xlsx(draft: SystemDraft, path: Path) -> str:
    """Write the draft to ``path``; "" when written, else why not in the UI's language."""
    writer = xlsx_writer()
    if writer is None:
        return QCoreApplication.translate("SystemEditor", "Writing a system as Excel is not part of this version yet")
    try:
        writer(draft.system(), path)
    except EgovError as error:
        return say(error, ui_language())
    except OSError as error:
        return str(error)
    return ""
