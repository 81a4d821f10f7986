"""The people of a server workspace: a login (a PostgreSQL LOGIN role) mapped to a name, a role (填报人, 审核人,
负责人) and a department, kept in the ``people`` table that the database's row security reads (migration 0008).

``server people add|remove|list`` runs as the workspace's owner (who made its tables and keeps every right). Adding
a person creates their login (the password given on stdin or in a file, sent already hashed: it never reaches the
server's log in clear) and grants what the role may touch: every table read; the history (``audit``) only added
to; a filler's and reviewer's item tables written (the row security narrows a filler to their department's items);
a reviewer also the assessment's stage; the leader every table but the history and the people. Nobody added here
gets DDL. A workspace folder keeps no people: one PC, one person at a time, nothing to enforce.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from egov_desk.core import server
from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.migrations import HEAD
from egov_desk.core.db.models import Department, PersonRow, utcnow
from egov_desk.core.errors import Refused, WorkspaceError
from egov_desk.core.person import Person
from egov_desk.core.review_states import FILLER, LEADER, REVIEWER, ROLES, said
from egov_desk.core.store import Store

LOGIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}")
ITEM_TABLES = (
    "item_inputs",
    "requirement_checks",
    "evidence_links",
    "evidence_requirements",
    "evidence_files",
    "blobs",
    "vault_blobs",
    "vault_chunks",
)
NEVER_WRITTEN = ("audit", "people", "alembic_version")  # by anyone but the owner (audit: INSERT only)


@dataclass(frozen=True)
class PersonEntry:
    login: str
    name: str
    role: str
    department: str

    def person(self) -> Person:
        return Person(self.name or self.login, self.role, self.department if self.role == FILLER else "")


@dataclass(frozen=True)
class PersonRemoved:
    entry: PersonEntry
    login_dropped: bool  # False: the login has rights in another database of the server and was kept there


def _refused(english: str, chinese: str, kind: str, **values: object) -> Refused:
    return Refused(english, chinese, kind, **values)


@contextmanager
def _owner(url: str) -> Iterator[Connection]:
    """One transaction on the server's workspace as the owner; a server that is not reached or not current said."""
    engine = make_engine(server.engine_url(url))
    try:
        revision, _tables = server.revision_of(engine, url)
        if revision != HEAD:
            raise server.schema_refused(url, revision)
        try:
            with engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise WorkspaceError(
                f"the people of {server.where(url)} were not changed: {reason} (run this as the workspace's owner, "
                "a login that may create roles)",
                f"服务器 {server.where(url)} 上的人员没有改动：{reason}（请用工作区所有者、可以创建角色的账号执行）",
                "people_not_changed",
            ) from exc
    finally:
        engine.dispose()


def _quote(connection: Connection, name: str) -> str:
    return str(connection.exec_driver_sql("SELECT quote_ident(%(n)s)", {"n": name}).scalar_one())


def _entries(connection: Connection) -> list[PersonEntry]:
    rows = connection.execute(select(PersonRow).order_by(PersonRow.role, PersonRow.department, PersonRow.login))
    return [PersonEntry(row.login, row.name, row.role, row.department) for row in rows]


def people(url: str) -> list[PersonEntry]:
    with _owner(url) as connection:
        return _entries(connection)


def check_person(login: str, role: str, department: str) -> None:
    """Refuse, in both languages, a login the server would not take, an unknown role, a filler with no department."""
    if not LOGIN.fullmatch(login):
        raise _refused(
            f"--login {login!r}: a login is 1–63 letters, digits, _ . @ - and starts with a letter or _",
            f"--login {login}：登录名由 1–63 个英文字母、数字或 _ . @ - 组成，以字母或 _ 开头",
            "bad_login",
        )
    if role not in ROLES:
        raise _refused(
            f"--role {role!r}: choose filler, reviewer or leader",
            f"--role {role}：请选择 filler（填报人）、reviewer（审核人）或 leader（负责人）",
            "bad_role",
        )
    if role == FILLER and not department.strip():
        raise _refused(
            "a filler fills in for a department: give --department",
            "填报人需要所在部门：请给出 --department",
            "no_department",
        )


def add_person(
    url: str, login: str, role: str, department: str = "", name: str = "", password: str = ""
) -> PersonEntry:
    """Add (or change) a person: their login made if new (``password`` needed then; kept when it exists and none is
    given), their row written, their rights granted afresh for ``role``."""
    check_person(login, role, department)
    department = department.strip()
    with _owner(url) as connection:
        if login == connection.exec_driver_sql("SELECT current_user").scalar_one():
            raise _refused(
                f"{login} is the workspace's owner, who keeps every right: add the people by their own logins",
                f"{login} 是工作区的所有者，始终拥有全部权限；请为每个人添加他自己的登录名",
                "owner_login",
            )
        if department:
            known = list(connection.scalars(select(Department.name).order_by(Department.name)))
            if department not in known:
                raise _refused(
                    f"--department {department}: no such department in this workspace ({', '.join(known[:12])})",
                    f"--department {department}：工作区里没有这个部门（{'、'.join(known[:12])}）",
                    "unknown_department",
                    department=department,
                )
        role_ident = _quote(connection, login)
        exists = connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(n)s", {"n": login}).first()
        if exists is None and not password:
            raise _refused(
                f"{login} is a new login: give its password on stdin or with --password-file",
                f"{login} 是新登录名：请通过标准输入或 --password-file 提供密码",
                "no_password",
            )
        if exists is not None:
            superuser = connection.exec_driver_sql(
                "SELECT rolsuper FROM pg_roles WHERE rolname = %(n)s", {"n": login}
            ).scalar_one()
            if superuser:
                raise _refused(
                    f"{login} is a superuser of the server, whom no row security binds: add a login of its own",
                    f"{login} 是服务器的超级用户，不受任何行级权限约束：请为此人建立普通登录名",
                    "superuser_login",
                )
        if password:
            hashed = _hashed(connection, login, password)
            verb = "ALTER" if exists is not None else "CREATE"
            literal = connection.exec_driver_sql("SELECT quote_literal(%(p)s)", {"p": hashed}).scalar_one()
            connection.exec_driver_sql(
                f"{verb} ROLE {role_ident} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {literal}"
            )
        _grant(connection, role_ident, role)
        row = connection.execute(select(PersonRow).where(PersonRow.login == login)).first()
        values = {"name": name.strip(), "role": role, "department": department}
        if row is None:
            connection.execute(insert(PersonRow).values(login=login, added_at=utcnow(), **values))
        else:
            connection.execute(update(PersonRow).where(PersonRow.login == login).values(**values))
    return PersonEntry(login, name.strip(), role, department)


def _hashed(connection: Connection, login: str, password: str) -> str:
    """The password as the server stores it (SCRAM), made here: the statement never carries it in clear."""
    raw = connection.connection.driver_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:  # pragma: no cover - psycopg 3 always has it
        return password
    return bytes(pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")).decode()


def _grant(connection: Connection, role_ident: str, role: str) -> None:
    schema = connection.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
    database = connection.exec_driver_sql("SELECT quote_ident(current_database())").scalar_one()
    _revoke(connection, role_ident, schema)
    statements = [
        f"GRANT CONNECT ON DATABASE {database} TO {role_ident}",
        f"GRANT USAGE ON SCHEMA {schema} TO {role_ident}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role_ident}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role_ident}",
        f"GRANT INSERT ON audit TO {role_ident}",
        # tables a later upgrade makes (as this owner) are readable too, without adding everyone again
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {role_ident}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role_ident}",
    ]
    if role in (FILLER, REVIEWER):
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(ITEM_TABLES)} TO {role_ident}")
    if role in (FILLER, REVIEWER):  # the row security lets them write only the assessment the window shows
        statements.append(f"GRANT INSERT, UPDATE ON settings TO {role_ident}")
    if role == REVIEWER:
        statements.append(f"GRANT UPDATE (stage) ON assessments TO {role_ident}")
    if role == LEADER:
        tables = connection.exec_driver_sql(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> ALL(%(never)s) ORDER BY tablename",
            {"never": list(NEVER_WRITTEN)},
        ).scalars()
        statements.append(f"GRANT INSERT, UPDATE, DELETE ON {', '.join(tables)} TO {role_ident}")
    for statement in statements:
        connection.exec_driver_sql(statement)


def _revoke(connection: Connection, role_ident: str, schema: str) -> None:
    database = connection.exec_driver_sql("SELECT quote_ident(current_database())").scalar_one()
    for statement in (
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role_ident}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role_ident}",
        f"REVOKE ALL ON SCHEMA {schema} FROM {role_ident}",
        f"REVOKE ALL ON DATABASE {database} FROM {role_ident}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {role_ident}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {role_ident}",
    ):
        connection.exec_driver_sql(statement)


def remove_person(url: str, login: str) -> PersonRemoved:
    """Take a person's rights on this workspace and their row away; their login is dropped unless another database
    of the server still grants it something (then it is kept, with nothing here)."""
    with _owner(url) as connection:
        found = [entry for entry in _entries(connection) if entry.login == login]
        if not found:
            raise _refused(
                f"{login} is not one of this workspace's people (see: server people list)",
                f"{login} 不在本工作区的人员名单里（请查看 server people list）",
                "no_such_person",
                login=login,
            )
        role_ident = _quote(connection, login)
        schema = connection.exec_driver_sql("SELECT quote_ident(current_schema())").scalar_one()
        _revoke(connection, role_ident, schema)
        connection.execute(delete(PersonRow).where(PersonRow.login == login))
        savepoint = connection.begin_nested()
        try:
            connection.exec_driver_sql(f"DROP ROLE {role_ident}")
            savepoint.commit()
            dropped = True
        except SQLAlchemyError:  # 2BP01: it still holds rights or objects in another database
            savepoint.rollback()
            dropped = False
    return PersonRemoved(found[0], dropped)


def person_of_login(store: Store) -> Person | None:
    """On a server, the person the connecting login is in the ``people`` table (None: not there, or a folder)."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.read() as session:
        row = session.execute(
            select(PersonRow.login, PersonRow.name, PersonRow.role, PersonRow.department).where(
                PersonRow.login == func.current_user()
            )
        ).first()
    return None if row is None else PersonEntry(row[0], row[1], row[2], row[3]).person()


def login_person(store: Store, given: Person) -> Person:
    """The person a Workspace works as: on a server, the connecting login's row in ``people`` whatever was typed
    in 我的身份 (the owner and logins not there: what was given)."""
    try:
        found = person_of_login(store)
    except SQLAlchemyError:  # a database not (yet) at this version's schema: no people to read
        return given
    return given if found is None else found


def role_words(role: str, chinese: bool) -> str:
    return said(ROLES, role, chinese)
