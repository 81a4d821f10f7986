"""A scanner's sources in the UI's language: drivers name them in English ("Flatbed", "Automatic Document Feeder",
"ADF Duplex"); a name we do not recognise is shown as the driver gives it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from egov_desk.core.scanning.types import is_feeder


def source_label(source: str) -> str:
    lowered = source.lower()
    if "duplex" in lowered:
        return QCoreApplication.translate("ScanDialog", "Document feeder, both sides")
    if is_feeder(source):
        return QCoreApplication.translate("ScanDialog", "Document feeder")
    if "flatbed" in lowered or "platen" in lowered or "glass" in lowered:
        return QCoreApplication.translate("ScanDialog", "Flatbed")
    return source
