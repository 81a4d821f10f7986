"""审核 → 我的身份: the name the person gives, their role (填报人 of a department, 审核人, 负责人), remembered per
OS login on this PC and recorded in every audit row beside the login."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from egov_desk.core.person import NOBODY, Person
from egov_desk.core.review_states import FILLER, LEADER, REVIEWER, ROLES, said


def _key(login: str) -> str:
    return f"review/person/{login.replace('/', '_')}"


def remembered_person(login: str) -> Person:
    """The person last chosen under this OS login (nobody when none was)."""
    settings = QSettings()
    settings.beginGroup(_key(login))
    name, role, department = (str(settings.value(k, "") or "") for k in ("name", "role", "department"))
    settings.endGroup()
    if role not in ROLES:
        return Person(name=name) if name else NOBODY
    return Person(name, role, department if role == FILLER else "")


def remember_person(login: str, person: Person) -> None:
    settings = QSettings()
    settings.beginGroup(_key(login))
    settings.setValue("name", person.name)
    settings.setValue("role", person.role)
    if person.department:  # a reviewer for a while is a filler of the same department again after
        settings.setValue("department", person.department)
    settings.endGroup()


def last_department(login: str) -> str:
    """The department this login last filled in for (kept while it acts in another role)."""
    return str(QSettings().value(f"{_key(login)}/department", "") or "")


class PersonDialog(QDialog):
    """Who is using the app: name (required), role, and a 填报人's department (from the system's departments)."""

    def __init__(self, person: Person, departments: list[str], why: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle(self.tr("My identity"))
        self.setMinimumWidth(400)
        self.chosen: Person | None = None
        self.name = QLineEdit(person.name)
        self.name.setObjectName("personName")
        self.name.setPlaceholderText(self.tr("Your name, as it should appear in the records"))
        self.role = QComboBox()
        self.role.setObjectName("personRole")
        for role in (FILLER, REVIEWER, LEADER):
            self.role.addItem(said(ROLES, role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(person.role or FILLER)))
        self.department = QComboBox()
        self.department.setObjectName("personDepartment")
        for name in departments:
            self.department.addItem(name, name)
        if person.department and self.department.findData(person.department) < 0:
            self.department.addItem(person.department, person.department)  # a department of another system
        self.department.setCurrentIndex(max(0, self.department.findData(person.department)))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #475569;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if why:
            intro = QLabel(why)
            intro.setWordWrap(True)
            form.addRow(intro)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        self.department_label = QLabel(self.tr("&Department:"))
        self.department_label.setBuddy(self.department)
        form.addRow(self.department_label, self.department)
        form.addRow(self.hint)
        form.addRow(buttons)
        self.role.currentIndexChanged.connect(lambda _index: self._role_changed())
        self._role_changed()
        self.name.setFocus()

    def _role_changed(self) -> None:
        role = self.role.currentData()
        filler = role == FILLER
        self.department.setVisible(filler)
        self.department_label.setVisible(filler)
        hints = {
            FILLER: self.tr("Fills in and submits the items the department leads or cooperates on."),
            REVIEWER: self.tr("Returns items with a comment or approves them; moves the assessment to review."),
            LEADER: self.tr("May do everything: also signs off (final) and reopens."),
        }
        self.hint.setStyleSheet("color: #475569;")
        self.hint.setText(hints[role])

    def person(self) -> Person:
        role = str(self.role.currentData())
        department = str(self.department.currentData() or "") if role == FILLER else ""
        return Person(self.name.text().strip(), role, department)

    def accept(self) -> None:
        chosen = self.person()
        if not chosen.name:
            self._refuse(self.tr("Give your name: it is recorded with every review action."))
            self.name.setFocus()
            return
        if chosen.role == FILLER and not chosen.department:
            self._refuse(self.tr("Choose your department: a filler submits that department's items."))
            self.department.setFocus()
            return
        self.chosen = chosen
        super().accept()

    def _refuse(self, text: str) -> None:
        self.hint.setStyleSheet("color: #b91c1c;")
        self.hint.setText(text)
