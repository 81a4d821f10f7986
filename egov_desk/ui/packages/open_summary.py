"""What a department's work package is, before its workspace is made: unit, year, assessment, department, number,
from whom and when, deadline, items (lead and cooperating) and evidence — and where the workspace goes, or that the
one made from this package before is opened again; and the clerk's name (required, remembered on this PC), so that
every history row there names them from the first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.packages.payload import LEAD
from egov_desk.core.packages.reading import Package
from egov_desk.ui.packages.export_run import file_size


def local_time(text: str) -> str:
    """An ISO time with its offset, as this PC's local date and minute."""
    try:
        return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


class OpenSummary(QDialog):
    def __init__(
        self, package: Package, made: Path | None, place: Path, parent: QWidget | None, name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openPackageSummary")
        self.setWindowTitle(self.tr("Open a department work package"))
        self.made = made
        manifest, payload = package.manifest, package.payload
        ref = manifest.assessment
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("<b>%1</b> is package %2 of %3.")
            .replace("%1", package.path.name)
            .replace("%2", str(manifest.sequence))
            .replace("%3", manifest.department)
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        roles = [item.get("role") for item in package.items]
        deadlines = payload.get("deadlines", {})
        due = deadlines.get("department") or deadlines.get("assessment")
        evidence = package.to_json()["evidence"]
        self.facts = {
            "unit": ref.unit,
            "year": str(ref.year),
            "assessment": ref.title,
            "department": manifest.department,
            "number": str(manifest.sequence),
            "from": f"{manifest.made_by.label} · {local_time(manifest.made_at)}",
            "deadline": due or self.tr("none set"),
            "items": self.tr("%1 as lead, %2 cooperating")
            .replace("%1", str(roles.count(LEAD)))
            .replace("%2", str(len(roles) - roles.count(LEAD))),
            "evidence": self.tr("%1 file(s), %2")
            .replace("%1", str(evidence["files"]))
            .replace("%2", file_size(int(evidence["bytes"]))),
        }
        labels = {
            "unit": self.tr("Unit:"),
            "year": self.tr("Year:"),
            "assessment": self.tr("Assessment:"),
            "department": self.tr("Department:"),
            "number": self.tr("Package number:"),
            "from": self.tr("From:"),
            "deadline": self.tr("Deadline:"),
            "items": self.tr("Items:"),
            "evidence": self.tr("Evidence:"),
        }
        for key, text in labels.items():
            value = QLabel(self.facts[key])
            value.setWordWrap(True)
            form.addRow(text, value)
        self.name = QLineEdit(name)
        self.name.setObjectName("clerkName")
        self.name.setPlaceholderText(self.tr("As it should appear beside every change in the history"))
        form.addRow(self.tr("&Your name:"), self.name)
        self.name_needed = QLabel(self.tr("Your name is needed: every change made here is recorded under it."))
        self.name_needed.setObjectName("clerkNameNeeded")
        self.name_needed.setStyleSheet("color: #b91c1c;")
        self.name_needed.setWordWrap(True)
        self.name_needed.hide()
        form.addRow("", self.name_needed)
        layout.addLayout(form)
        self.folder = QLineEdit(str(place))
        self.folder.setObjectName("departmentFolder")
        self.again = QCheckBox(self.tr("Make a &new workspace instead"))
        where = QHBoxLayout()
        label = QLabel(self.tr("Make the department's workspace in &folder:"))
        label.setBuddy(self.folder)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if made is not None:
            said = QLabel(
                self.tr(
                    "This package was opened before: its workspace %1 is opened again, with what was filled in "
                    "there — it is not made twice."
                ).replace("%1", str(made))
            )
            said.setObjectName("openedBefore")
            said.setWordWrap(True)
            layout.addWidget(said)
            layout.addWidget(self.again)
            self.again.toggled.connect(lambda on: self._show_place(on, label, where))
            ok.setText(self.tr("&Open it again"))
        else:
            ok.setText(self.tr("&Make the workspace"))
        layout.addWidget(label)
        layout.addLayout(where)
        self._show_place(made is None, label, where)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        if not name:
            self.name.setFocus()  # typed, then Enter

    def _show_place(self, shown: bool, label: QLabel, where: QHBoxLayout) -> None:
        label.setVisible(shown)
        for index in range(where.count()):
            entry = where.itemAt(index)
            widget = entry.widget() if entry is not None else None
            if widget is not None:
                widget.setVisible(shown)
        if self.made is not None:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
                self.tr("&Make the workspace") if shown else self.tr("&Open it again")
            )

    def make_new(self) -> bool:
        """Whether a workspace is to be made (none was before, or the person asked for a new one)."""
        return self.made is None or self.again.isChecked()

    def place(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the department's workspace"))
        if chosen:
            self.folder.setText(chosen)

    def clerk(self) -> str:
        return self.name.text().strip()

    def accept(self) -> None:
        if not self.clerk():
            self.name_needed.show()
            self.name.setFocus()
            return
        if self.make_new() and not self.folder.text().strip():
            self.folder.setFocus()
            return
        super().accept()
