"""我的身份 on a server workspace whose owner listed the login among its people (``server people add``): the name,
role and department are the login's, shown read-only — the server's row security acts on them whatever is typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from egov_desk.core.person import Person
from egov_desk.ui.dialogs.person import PersonDialog


def login_identity(dialog: PersonDialog, person: Person) -> None:
    """Show ``person`` (the login's row) in the dialog with nothing to change, and say why."""
    why = QCoreApplication.translate(
        "identity",
        "On this server your name, role and department come from your login; the workspace's owner changes them "
        "(egov-desk-cli server people add)",
    )
    dialog.name.setText(person.name)
    dialog.role.setCurrentIndex(max(0, dialog.role.findData(person.role)))
    if person.department and dialog.department.findData(person.department) < 0:
        dialog.department.addItem(person.department, person.department)
    dialog.department.setCurrentIndex(max(0, dialog.department.findData(person.department)))
    for field in (dialog.name, dialog.role, dialog.department):
        field.setEnabled(False)
        field.setToolTip(why)
    dialog.hint.setText(why)
