"""Signing in to a workspace on a PostgreSQL server: where it is (host, port, database, user), its password kept in
the OS credential store (``keyring``: Windows' Credential Manager, macOS' Keychain, the Secret Service on Linux) and
never in a file, and why a connection failed said by the field a person fixes (主机, 端口, 数据库, 用户, 密码).

The URL a person types may carry a password (postgresql://user:secret@host/db): :func:`without_password` is what is
remembered (recent workspaces, settings) and shown. On a PC with no usable credential store (Linux without a Secret
Service, as in CI) nothing is kept: :func:`credential_store` says so in both languages and the password is asked
each time.
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from egov_desk.core.errors import Failure, WorkspaceError
from egov_desk.core.server import ServerCheck, check, engine_url, is_server_url, schema_refused

SERVICE = "egov-desk"  # the credential store's entry: service egov-desk, user "user@host:port/database"
DEFAULT_PORT = 5432
FIELDS_ZH = {"host": "主机", "port": "端口", "database": "数据库", "user": "用户", "password": "密码"}


@dataclass(frozen=True)
class ServerAddress:
    """Where a server workspace is and who signs in: never its password."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    @property
    def key(self) -> str:
        """The credential store's user name for this sign-in."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def shown(self) -> str:
        """How the window names it: host/database (the port when not the usual one)."""
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"{self.host}{port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The postgresql:// URL; with ``password`` only for connecting, never to keep."""
        secret = f":{quote(password, safe='')}" if password else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        user = quote(self.user, safe="")
        return f"postgresql://{user}{secret}@{host}:{self.port}/{quote(self.database, safe='')}"


def address_of(url: str) -> ServerAddress:
    """The address a postgresql:// URL names (its password, if any, left out)."""
    parts = urlsplit(engine_url(url))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise ConnectRefused(f"the port in {without_password(url)} is not a number", "端口不是数字", "port") from exc
    return ServerAddress(
        host=parts.hostname or "localhost",
        database=unquote(parts.path.lstrip("/")) or "postgres",
        user=unquote(parts.username or ""),
        port=port,
    )


def password_in(url: str) -> str | None:
    """The password a typed URL carries (to use once, never to keep)."""
    if not is_server_url(url):
        return None
    password = urlsplit(engine_url(url)).password
    return unquote(password) if password else None


def without_password(url: str) -> str:
    """``url`` as it may be remembered and shown: the password taken out, anything else as typed."""
    if not is_server_url(url):
        return url
    scheme, rest = url.split("://", 1)
    netloc, slash, path = rest.partition("/")
    userinfo, at, host = netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return f"{scheme}://{userinfo.split(':', 1)[0]}@{host}{slash}{path}"


# --- the credential store ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CredentialStore:
    usable: bool
    name: str  # the backend's name ("SecretService Keyring", "Windows WinVaultKeyring" …), "" when none
    english: str = ""  # why not, when it is not usable
    chinese: str = ""

    def said(self, chinese: bool) -> str:
        return self.chinese if chinese else self.english


NO_STORE = CredentialStore(
    False,
    "",
    "This computer has no credential store egov-desk can use (on Linux: a Secret Service such as GNOME Keyring or "
    "KWallet); the password is not kept and is asked each time you connect.",
    "本机没有可用的密码保管处（Linux 上需要 GNOME 密钥环或 KWallet 等密钥环服务），密码不会保存，每次连接时都要输入。",
)


def credential_store() -> CredentialStore:
    """Whether passwords can be kept on this PC, and where (keyring's chosen backend). keyring is loaded here, not
    at start-up: only a server workspace needs it."""
    import keyring
    from keyring.backends import fail, null

    backend = keyring.get_keyring()
    if isinstance(backend, (fail.Keyring, null.Keyring)) or backend.priority <= 0:
        return NO_STORE
    return CredentialStore(True, str(getattr(backend, "name", type(backend).__name__)))


class PasswordNotKept(Failure):
    """The credential store would not keep (or forget) a password; the connection goes on without it."""


def saved_password(address: ServerAddress) -> str | None:
    """The password kept for this sign-in, None when none is (or no store can be read)."""
    if not credential_store().usable:
        return None
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(SERVICE, address.key)
    except keyring.errors.KeyringError:
        return None


def remember_password(address: ServerAddress, password: str) -> None:
    """Keep ``password`` in the OS credential store; refused in both languages when there is none."""
    store = credential_store()
    if not store.usable:
        raise PasswordNotKept(store.english, store.chinese, "no_credential_store")
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, address.key, password)
    except keyring.errors.KeyringError as exc:
        raise PasswordNotKept(
            f"the credential store ({store.name}) did not keep the password: {exc}; it will be asked next time",
            f"密码保管处（{store.name}）没能保存密码：{exc}；下次连接时会再问",
            "password_not_kept",
        ) from exc


def forget_password(address: ServerAddress) -> bool:
    """Take this sign-in's password out of the credential store; False when none was kept."""
    if not credential_store().usable:
        return False
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, address.key)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.KeyringError as exc:
        raise PasswordNotKept(
            f"the credential store did not forget the password: {exc}",
            f"密码保管处没能删除密码：{exc}",
            "password_not_forgotten",
        ) from exc
    return True


# --- why a connection failed, by the field to fix ----------------------------------------------------------------


class ConnectRefused(WorkspaceError):
    """The server did not let us in; ``kind`` is the field a person fixes (host, port, database, user, password)."""


# What a server or libpq says when it refuses a connection. A connection attempt carries no SQLSTATE in psycopg
# (libpq gives only the text), so the server's words are matched, English and Chinese (a server's lc_messages).
_REASONS: tuple[tuple[str, str], ...] = (
    ("28P01", "password"),  # invalid_password
    ("3D000", "database"),  # invalid_catalog_name
    ("28000", "user"),  # invalid_authorization_specification: no such role, or pg_hba refuses it
    (
        r"password authentication failed|no password supplied|password is required|口令|密码|password 认证失败",
        "password",
    ),
    (r"database \".*\" does not exist|数据库 \".*\" 不存在", "database"),
    (r"role \".*\" does not exist|角色 \".*\" 不存在|no pg_hba\.conf entry|没有.*pg_hba", "user"),
    (r"failed to resolve host|could not translate host name|name or service not known|nodename nor servname", "host"),
    (r"connection refused|is the server running|拒绝连接", "port"),
    (r"timeout expired|timed out|no route to host|network is unreachable", "host"),
)


def _reason_text(exc: BaseException) -> str:
    inner = getattr(exc, "__cause__", None) or getattr(exc, "orig", None) or exc
    inner = getattr(inner, "orig", None) or inner
    text = str(inner).strip() or type(inner).__name__
    return text


def refused_connection(address: ServerAddress, exc: BaseException) -> ConnectRefused:
    """Why connecting to ``address`` failed, naming the field to fix, in both languages."""
    inner = getattr(exc, "__cause__", None) or exc
    sqlstate = str(getattr(getattr(inner, "orig", None) or inner, "sqlstate", "") or "")
    text = _reason_text(exc)
    first = text.replace("connection failed: ", "").splitlines()[0]
    field = next((f for pattern, f in _REASONS if pattern == sqlstate), None)
    if field is None and isinstance(inner, socket.gaierror):
        field = "host"
    if field is None:
        field = next((f for pattern, f in _REASONS if re.search(pattern, text, re.IGNORECASE)), None)
    known = field is not None  # the Chinese then needs no words of libpq's: the field to check says it all
    field = field or "host"
    where = f"{address.host}:{address.port}"
    english, chinese = {
        "password": (
            f"the server {where} did not accept the password of {address.user}: check 密码 (password)",
            f"服务器 {where} 不接受用户 {address.user} 的密码：请检查「密码」",
        ),
        "database": (
            f"there is no database {address.database} on {where}: check 数据库 (database)",
            f"服务器 {where} 上没有数据库 {address.database}：请检查「数据库」",
        ),
        "user": (
            f"the server {where} does not let the user {address.user} in: check 用户 (user)",
            f"服务器 {where} 不允许用户 {address.user} 登录：请检查「用户」",
        ),
        "port": (
            f"nothing answers on {where}: check 端口 (port), and that the server is running",
            f"{where} 没有应答：请检查「端口」，并确认服务器已启动",
        ),
        "host": (
            f"the server {address.host} cannot be reached: check 主机 (host) and the network",
            f"连不上服务器 {address.host}：请检查「主机」和网络",
        ),
    }[field]
    server_said = first.rsplit("FATAL:", 1)[-1].strip()
    chinese = chinese if known else f"{chinese}（服务器回复：{server_said}）"
    return ConnectRefused(f"{english} ({first})", chinese, field, server=where)


CONNECT_TIMEOUT_S = 10  # a host that does not answer is said as such after this long, not after TCP's minutes


def signed_in_url(address: ServerAddress, password: str | None) -> str:
    """The URL to connect with: the password (when one is given) and a connect timeout, never to keep."""
    return f"{address.url(password)}?connect_timeout={CONNECT_TIMEOUT_S}"


def try_connection(address: ServerAddress, password: str | None) -> ServerCheck:
    """Connect once and look (nothing is written): the server's version and its workspace's schema; refused naming
    the field to fix when it cannot be reached, and saying what to run when its database holds no workspace of
    this version (server init / upgrade)."""
    url = signed_in_url(address, password)
    try:
        found = check(url)
    except WorkspaceError as exc:
        if exc.kind == "server_unreachable":
            raise refused_connection(address, exc) from exc
        raise
    if not found.current:
        raise schema_refused(address.url(), found.revision)
    return found
