"""Signing in to a server workspace: the password kept in the OS credential store (keyring), never in a file, and a
failed connection said by the field to fix. The credential store here is a real keyring backend kept in memory,
installed with keyring.set_keyring as any backend is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from egov_desk.core.errors import WorkspaceError
from egov_desk.core.messages import say
from egov_desk.core.server_login import (
    SERVICE,
    ConnectRefused,
    PasswordNotKept,
    ServerAddress,
    address_of,
    credential_store,
    forget_password,
    password_in,
    refused_connection,
    remember_password,
    saved_password,
    try_connection,
    without_password,
)
from tests.postgres import server

OFFICE = ServerAddress("db.bureau.local", "egov2026", "zhang", 5432)


class MemoryKeyring(KeyringBackend):
    """A keyring backend holding passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A Linux PC without a Secret Service: keyring's own fail backend; HOME is a new folder to look into after."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield tmp_path
    keyring.set_keyring(before)


def test_a_password_is_kept_per_host_port_database_and_user_and_forgotten(memory_keyring: MemoryKeyring) -> None:
    assert credential_store().usable
    remember_password(OFFICE, "s3cret")
    other_database = ServerAddress("db.bureau.local", "egov2025", "zhang", 5432)
    other_port = ServerAddress("db.bureau.local", "egov2026", "zhang", 5433)
    assert saved_password(OFFICE) == "s3cret"
    assert saved_password(other_database) is None
    assert saved_password(other_port) is None
    assert memory_keyring.kept == {(SERVICE, "zhang@db.bureau.local:5432/egov2026"): "s3cret"}
    remember_password(OFFICE, "n3w")
    assert saved_password(OFFICE) == "n3w"
    assert forget_password(OFFICE) is True
    assert saved_password(OFFICE) is None
    assert forget_password(OFFICE) is False


def test_without_a_credential_store_it_says_so_and_no_file_holds_the_password(no_keyring: Path) -> None:
    store = credential_store()
    assert not store.usable
    assert "Secret Service" in store.said(chinese=False)
    assert "asked each time" in store.said(chinese=False)
    assert "每次连接时都要输入" in store.said(chinese=True)
    with pytest.raises(PasswordNotKept) as refused:
        remember_password(OFFICE, "s3cret-never-kept")
    assert refused.value.kind == "no_credential_store"
    assert "密码不会保存" in say(refused.value, "zh_CN")
    assert saved_password(OFFICE) is None
    assert forget_password(OFFICE) is False
    written = [p for p in no_keyring.rglob("*") if p.is_file()]
    assert all(b"s3cret-never-kept" not in p.read_bytes() for p in written)


def test_a_typed_url_is_remembered_and_shown_without_its_password() -> None:
    typed = "postgresql://zhang:p%40ss:word@db.bureau.local:5433/egov2026"
    assert without_password(typed) == "postgresql://zhang@db.bureau.local:5433/egov2026"
    assert password_in(typed) == "p@ss:word"
    assert address_of(typed) == ServerAddress("db.bureau.local", "egov2026", "zhang", 5433)
    assert without_password("postgresql://zhang@db/egov") == "postgresql://zhang@db/egov"
    assert password_in("postgresql://zhang@db/egov") is None
    assert without_password("/home/zhang/workspace") == "/home/zhang/workspace"
    assert address_of(OFFICE.url("x y/z")) == OFFICE
    assert password_in(OFFICE.url("x y/z")) == "x y/z"


def test_a_refused_password_is_said_as_the_password_field() -> None:
    said = psycopg.OperationalError(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
        'password authentication failed for user "zhang"'
    )
    refused = refused_connection(OFFICE, said)
    assert refused.kind == "password"
    assert "请检查「密码」" in say(refused, "zh_CN")
    assert "check 密码 (password)" in say(refused, "en")
    assert "FATAL" not in say(refused, "zh_CN")  # the field to check says it all, in Chinese
    assert "password authentication failed" in say(refused, "en")  # the server's words, for whoever helps


def test_a_refusal_not_recognised_keeps_the_servers_words_without_libpqs_frame() -> None:
    said = psycopg.OperationalError(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  sorry, too many clients'
    )
    refused = refused_connection(OFFICE, said)
    assert refused.kind == "host"
    assert say(refused, "zh_CN").endswith("（服务器回复：sorry, too many clients）")


def test_an_unknown_host_is_said_as_the_host_field() -> None:
    with pytest.raises(ConnectRefused) as refused:
        try_connection(ServerAddress("no-such-server.invalid", "egov", "zhang", 5432), "x")
    assert refused.value.kind == "host"
    assert "请检查「主机」" in say(refused.value, "zh_CN")


@pytest.mark.postgres
def test_the_server_refusals_name_the_database_the_user_and_the_port(server_url: str) -> None:
    found = address_of(server_url)
    assert try_connection(found, password_in(server_url)).current
    cases = {
        "database": ServerAddress(found.host, "no_such_database_here", found.user, found.port),
        "user": ServerAddress(found.host, found.database, "no_such_person_here", found.port),
        "port": ServerAddress(found.host, found.database, found.user, 1),
    }
    for field, address in cases.items():
        with pytest.raises(ConnectRefused) as refused:
            try_connection(address, None)
        assert refused.value.kind == field, say(refused.value, "en")
    assert "请检查「数据库」" in say(refused_connection(cases["database"], _failure(cases["database"])), "zh_CN")


@pytest.mark.postgres
def test_a_database_without_a_workspace_says_to_set_it_up(server_url: str) -> None:
    admin = address_of(server.configured() or "")
    with pytest.raises(WorkspaceError) as refused:
        try_connection(ServerAddress(admin.host, "postgres", admin.user, admin.port), password_in(server_url))
    assert refused.value.kind == "server_not_initialised"
    assert "egov-desk-cli server init" in say(refused.value, "zh_CN")


def _failure(address: ServerAddress) -> BaseException:
    try:
        try_connection(address, None)
    except ConnectRefused as exc:
        return exc.__cause__ or exc
    raise AssertionError("connected")
