"""Who may change what, on a server: the ``people`` table maps a login to a name, a role (填报人 filler, 审核人
reviewer, 负责人 leader) and a department. On PostgreSQL the tables a filler writes get row-level security:

- an item's input, note and review status (``item_inputs``), its requirements and their ticks, its evidence links:
  a filler only on the items their department leads or cooperates on, a reviewer or leader on every item; a filler
  submits an item, never approves or returns one;
- an evidence file: anyone in ``people`` adds one; changing or removing it only while every item it is linked to is
  theirs;
- a row removed that is not theirs: refused aloud by a trigger (a policy would only hide it, and the DELETE would
  "succeed" with nothing removed);
- an assessment: its stage moved between 填报 and 审核 by a reviewer, made final (定稿) by the leader only;
- a setting: the assessment the window shows (``current_assessment``) by anyone, every other by the leader only.

The policies name ``current_user``; the workspace's owner (who made the tables) is not bound by them and keeps
every right. What each login may touch at all is granted when it is added (``server people add``:
:mod:`egov_desk.core.server_people`): the history (``audit``) only INSERT, so a client can never rewrite the chain.
A workspace folder (SQLite) gets the table too, but enforces nothing with it: one PC, one person at a time.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# table → (the check a row must pass to be written, {row} its columns' prefix; the item a removed row names)
_ITEM_TABLES = {
    "item_inputs": ("egov_may_write_item({row}item_id)", "OLD.item_id"),
    "evidence_links": ("egov_may_write_item({row}item_id)", "OLD.item_id"),
    "evidence_requirements": ("egov_may_write_item({row}item_id)", "OLD.item_id"),
    "requirement_checks": (
        "egov_may_write_requirement({row}requirement_id)",
        "(SELECT item_id FROM evidence_requirements WHERE id = OLD.requirement_id)",
    ),
}
_EVERYONES_SETTINGS = "('current_assessment')"  # the window remembers the assessment it shows, whoever it is
_FILE_ITEM = (
    "(SELECT l.item_id FROM evidence_links l WHERE l.file_id = OLD.id AND NOT egov_may_write_item(l.item_id) "
    "ORDER BY l.id LIMIT 1)"
)

_FUNCTIONS = """
CREATE FUNCTION egov_role() RETURNS text LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
    SELECT role FROM people WHERE login = current_user
$$;
CREATE FUNCTION egov_may_write_item(item integer) RETURNS boolean LANGUAGE sql STABLE
SET search_path = {schema}, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM people p WHERE p.login = current_user AND (
            p.role IN ('reviewer', 'leader')
            OR (p.role = 'filler' AND EXISTS (
                SELECT 1 FROM departments d WHERE d.name = p.department AND (
                    EXISTS (SELECT 1 FROM items i WHERE i.id = item AND i.lead_id = d.id)
                    OR EXISTS (SELECT 1 FROM item_cooperating c WHERE c.item_id = item AND c.department_id = d.id))))))
$$;
CREATE FUNCTION egov_may_write_requirement(requirement integer) RETURNS boolean LANGUAGE sql STABLE
SET search_path = {schema}, pg_temp AS $$
    SELECT egov_may_write_item((SELECT item_id FROM evidence_requirements WHERE id = requirement))
$$;
CREATE FUNCTION egov_may_write_file(file integer) RETURNS boolean LANGUAGE sql STABLE
SET search_path = {schema}, pg_temp AS $$
    SELECT egov_role() IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM evidence_links l WHERE l.file_id = file AND NOT egov_may_write_item(l.item_id))
$$;
"""

# A filler submits their items (or takes a submission back); approving or returning one is a reviewer's.
_REVIEW_GUARD = """
CREATE FUNCTION egov_guard_review() RETURNS trigger LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF egov_role() = 'filler' AND NEW.status IN ('approved', 'returned')
       AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        RAISE EXCEPTION 'permission denied to set an item %', NEW.status
            USING ERRCODE = '42501', DETAIL = 'item_id=' || NEW.item_id || ' status=' || NEW.status;
    END IF;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("login", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), server_default="", nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("department", sa.Text(), server_default="", nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("login"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    schema = op.get_bind().execute(sa.text("SELECT quote_ident(current_schema())")).scalar_one()
    op.execute(_FUNCTIONS.format(schema=schema))
    op.execute(
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC"
    )  # no DDL by a client (a server from before 15 allowed it)
    for table, (check, item) in _ITEM_TABLES.items():
        _row_security(table, check.format(row=""))
        _guard_deletes(schema, table, check.format(row="OLD."), item)
    _row_security("evidence_files", "egov_may_write_file(id)", insert="egov_role() IS NOT NULL")
    _guard_deletes(schema, "evidence_files", "egov_may_write_file(OLD.id)", _FILE_ITEM)
    _row_security("assessments", "(egov_role() = 'leader' OR stage <> 'final')")
    _guard_deletes(schema, "assessments", "egov_role() = 'leader'", "NULL")
    op.execute(_REVIEW_GUARD.format(schema=schema))
    op.execute(
        "CREATE TRIGGER egov_guard_review BEFORE INSERT OR UPDATE ON item_inputs "
        "FOR EACH ROW EXECUTE FUNCTION egov_guard_review()"
    )
    _row_security("settings", f"(egov_role() = 'leader' OR key IN {_EVERYONES_SETTINGS})")
    _guard_deletes(schema, "settings", "egov_role() = 'leader'", "NULL")


def _row_security(table: str, check: str, insert: str = "") -> None:
    """Everyone reads every row; an INSERT or UPDATE must pass ``check`` (else refused with SQLSTATE 42501: "new
    row violates row-level security policy"). A DELETE is checked by :func:`_guard_deletes`, which refuses aloud
    where a policy would only hide the row (a DELETE that finds nothing, an audit row claiming it removed it)."""
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY egov_read ON {table} FOR SELECT USING (true)")
    op.execute(f"CREATE POLICY egov_insert ON {table} FOR INSERT WITH CHECK ({insert or check})")
    op.execute(f"CREATE POLICY egov_update ON {table} FOR UPDATE USING (true) WITH CHECK ({check})")
    op.execute(f"CREATE POLICY egov_delete ON {table} FOR DELETE USING (true)")


def _guard_deletes(schema: str, table: str, check: str, item: str) -> None:
    """A client's DELETE of a row it may not write raises 42501, its DETAIL naming the item (``item_id=N``). The
    owner, and a referential cascade (run as the owner), are none of the people: let through."""
    op.execute(f"""
CREATE FUNCTION egov_guard_delete_{table}() RETURNS trigger LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF egov_role() IS NOT NULL AND NOT ({check}) THEN
        RAISE EXCEPTION 'permission denied to remove this row of %', TG_TABLE_NAME
            USING ERRCODE = '42501', DETAIL = 'item_id=' || coalesce(({item})::text, '');
    END IF;
    RETURN OLD;
END
$$""")
    op.execute(
        f"CREATE TRIGGER egov_guard_delete BEFORE DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION egov_guard_delete_{table}()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in (*_ITEM_TABLES, "evidence_files", "assessments", "settings"):
            for policy in ("egov_read", "egov_insert", "egov_update", "egov_delete"):
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
            op.execute(f"DROP TRIGGER IF EXISTS egov_guard_delete ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS egov_guard_delete_{table}()")
        op.execute("DROP TRIGGER IF EXISTS egov_guard_review ON item_inputs")
        op.execute("DROP FUNCTION IF EXISTS egov_guard_review()")
        op.execute("DROP FUNCTION IF EXISTS egov_may_write_file(integer)")
        op.execute("DROP FUNCTION IF EXISTS egov_may_write_requirement(integer)")
        op.execute("DROP FUNCTION IF EXISTS egov_may_write_item(integer)")
        op.execute("DROP FUNCTION IF EXISTS egov_role()")
    op.drop_table("people")
