"""The scanner and the settings of the last scan, so the next one starts from them (in the app's settings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

from egov_desk.core.scanning.types import MODES, ScanDevice, ScanSettings

KEY = "scanning/last"


def remember(device: ScanDevice, settings: ScanSettings) -> None:
    QSettings().setValue(
        KEY,
        {
            "device": device.shown,
            "source": settings.source or "",
            "mode": settings.mode,
            "dpi": settings.dpi,
            "pages": settings.pages or 0,
        },
    )


def remembered(device: ScanDevice) -> ScanSettings | None:
    """The settings last used with ``device`` (None: another device, or none remembered)."""
    value = QSettings().value(KEY)
    if not isinstance(value, dict) or value.get("device") != device.shown:
        return None
    try:
        mode = next(m for m in MODES if m == value.get("mode"))
        pages = int(value.get("pages") or 0)
        return ScanSettings(str(value.get("source") or "") or None, mode, int(value["dpi"]), pages or None)
    except (KeyError, StopIteration, TypeError, ValueError):
        return None


def last_device() -> str:
    value = QSettings().value(KEY)
    return str(value.get("device", "")) if isinstance(value, dict) else ""


def choose(combo: QComboBox, data: object) -> None:
    """Make the entry holding ``data`` current, when there is one."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
