"""文件 → 连接服务器…: where the workspace is (主机, 端口, 数据库, 用户), the password and whether this PC keeps it
(记住密码, in the OS credential store), and 测试连接 — tried off the UI thread with a busy bar and 取消, a refusal said
under the fields with the field to fix marked and focused. 连接 tries the same way and closes once it is in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from egov_desk.core.errors import EgovError
from egov_desk.core.messages import say
from egov_desk.core.server_login import DEFAULT_PORT, ServerAddress, credential_store, try_connection
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job, Runner

FIELDS = ("host", "port", "database", "user", "password")
_attempts: list[Runner] = []


def attempts() -> Runner:
    """Where connection attempts run: owned by the application, not by a dialog — an attempt the person stopped
    goes on until the connect timeout, and a dialog closed meanwhile must not wait for it."""
    if not _attempts:
        _attempts.append(Runner(QCoreApplication.instance()))
    return _attempts[0]


class ConnectDialog(QDialog):
    """Gives :meth:`address` and :meth:`password` once accepted: a connection that was tried and went in."""

    def __init__(
        self,
        parent: QWidget | None,
        address: ServerAddress | None,
        password: str | None,
        runner: Runner | None,
        remembered: bool = False,
    ) -> None:
        """``remembered``: ``password`` came from the credential store (记住密码 starts ticked)."""
        super().__init__(parent)
        self.setObjectName("connectServer")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.runner = runner or attempts()
        self.job: Job | None = None
        self.accept_when_in = False
        self.last_refusal: BaseException | None = None
        self.host = QLineEdit(address.host if address else "")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(address.port if address else DEFAULT_PORT)
        self.database = QLineEdit(address.database if address else "")
        self.user = QLineEdit(address.user if address else "")
        self.password_edit = QLineEdit(password or "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember the password on this computer"))
        store = credential_store()
        self.remember.setEnabled(store.usable)
        self.remember.setChecked(store.usable and remembered)
        self.remember.setToolTip(
            self.tr("Kept in the system's credential store, never in a file")
            if store.usable
            else store.said(ui_language().startswith("zh"))
        )
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        widgets: dict[str, QWidget] = {
            "host": self.host,
            "port": self.port,
            "database": self.database,
            "user": self.user,
            "password": self.password_edit,
        }
        names = {
            "host": self.tr("&Host:"),
            "port": self.tr("P&ort:"),
            "database": self.tr("&Database:"),
            "user": self.tr("&User:"),
            "password": self.tr("&Password:"),
        }
        for field in FIELDS:
            label = QLabel(names[field])
            label.setBuddy(widgets[field])
            self.labels[field] = label
            form.addRow(label, widgets[field])
        self.widgets = widgets
        form.addRow("", self.remember)
        self.no_store = QLabel("" if store.usable else store.said(ui_language().startswith("zh")))
        self.no_store.setWordWrap(True)
        self.no_store.setVisible(not store.usable)
        self.outcome = QLabel("")
        self.outcome.setObjectName("connectOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # turning: how long a server takes is not known
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.cancel_try = QPushButton(self.tr("&Stop trying"))
        self.cancel_try.setVisible(False)
        self.cancel_try.clicked.connect(self.stop_trying)
        trying = QHBoxLayout()
        trying.addWidget(self.busy, 1)
        trying.addWidget(self.cancel_try)
        self.buttons = QDialogButtonBox()
        self.test_button = self.buttons.addButton(
            self.tr("&Test the connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.connect_button = self.buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.test_button.clicked.connect(lambda: self.try_it(accept=False))
        self.connect_button.clicked.connect(lambda: self.try_it(accept=True))
        self.buttons.rejected.connect(self.reject)
        self.connect_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.no_store)
        layout.addLayout(trying)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        first_empty = next((f for f in FIELDS if f != "port" and not self._text(f)), "password")
        self.widgets[first_empty].setFocus()

    def _text(self, field: str) -> str:
        widget = self.widgets[field]
        return widget.text().strip() if isinstance(widget, QLineEdit) and field != "password" else ""

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text().strip(), self.database.text().strip(), self.user.text().strip(), self.port.value()
        )

    def password(self) -> str | None:
        return self.password_edit.text() or None

    # --- trying -----------------------------------------------------------------------------------

    def try_it(self, accept: bool) -> Job | None:
        """测试连接 (``accept`` False) or 连接: off the UI thread; 连接 closes the dialog once it is in."""
        missing = next((f for f in ("host", "database", "user") if not self._text(f)), None)
        if missing is not None:
            plain = {"host": self.tr("the host"), "database": self.tr("the database"), "user": self.tr("the user")}
            self._say_wrong(missing, self.tr("Fill in %1.").replace("%1", plain[missing]))
            return None
        self._mark(None)
        self.accept_when_in = accept
        self.last_refusal = None
        address, password = self.address(), self.password()
        self._trying(True)
        self.outcome.setText(self.tr("Connecting to %1…").replace("%1", f"{address.host}:{address.port}"))
        job = self.runner.start(lambda _progress: try_connection(address, password), self._went_in, self._refused)
        self.job = job
        return job

    def stop_trying(self) -> None:
        """取消: the attempt's answer is no longer waited for (it ends by itself within the connect timeout)."""
        if self.job is not None:
            self.job.cancel()
            self.job.succeeded.disconnect()
            self.job.failed.disconnect()
            self.job = None
        self._trying(False)
        self.outcome.setText(self.tr("Stopped trying; nothing was changed."))
        self.test_button.setFocus()

    def _trying(self, on: bool) -> None:
        self.busy.setVisible(on)
        self.cancel_try.setVisible(on)
        for widget in (*self.widgets.values(), self.test_button, self.connect_button, self.remember):
            widget.setEnabled(not on and (widget is not self.remember or credential_store().usable))
        if on:
            self.cancel_try.setFocus()

    def _went_in(self, found: object) -> None:
        self.job = None
        self._trying(False)
        version = getattr(found, "version", "")
        text = self.tr("Connected: PostgreSQL %1, the workspace is up to date.").replace("%1", str(version))
        self.outcome.setText(text)
        if self.accept_when_in:
            self.accept()
        else:
            self.connect_button.setFocus()

    def _refused(self, error: BaseException) -> None:
        self.job = None
        self._trying(False)
        self.last_refusal = error
        field = error.kind if isinstance(error, EgovError) and error.kind in FIELDS else None
        if isinstance(error, EgovError) and error.kind.startswith("server_"):
            field = "database"  # no workspace in it, or one of another version: the database is what to change
        self._say_wrong(field, say(error, ui_language()))

    def _say_wrong(self, field: str | None, text: str) -> None:
        self.outcome.setText(text)
        self._mark(field)
        if field is not None:
            self.widgets[field].setFocus()
            widget = self.widgets[field]
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _mark(self, field: str | None) -> None:
        """The field to fix in bold red, the others as usual."""
        for name, label in self.labels.items():
            label.setStyleSheet("color: #b00020; font-weight: bold;" if name == field else "")

    def reject(self) -> None:
        if self.job is not None:
            self.stop_trying()
        super().reject()
