"""The Workspace: the one door through which the UI and the CLI reach data.

One folder holds one workspace: ``workspace.sqlite``, ``vault/`` (evidence files) and ``backups/``.
Every write is one transaction and returns what it changed, so the UI repaints only that.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from platformdirs import user_data_dir
from sqlalchemy import Engine, select

from egov_desk import APP_AUTHOR, APP_NAME
from egov_desk.core import assessment_move, system_versions, version_effects, workspace_inputs, workspace_systems
from egov_desk.core.actor import os_account
from egov_desk.core.changes import (
    AnyChange,
    AssessmentChange,
    AssessmentCreated,
    Change,
    Changes,
    DetailsChange,
    ScoreChange,
    SystemStored,
)
from egov_desk.core.db.engine import make_engine
from egov_desk.core.db.models import Assessment, AuditEntry, IndicatorSystemRow, Setting
from egov_desk.core.db.system_store import load_system
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.evidence.book import EvidenceBook
from egov_desk.core.evidence_place import place_evidence
from egov_desk.core.indicators import IndicatorSystem
from egov_desk.core.opening import (
    Access,
)
from egov_desk.core.packages.department_guard import department_person
from egov_desk.core.person import Person
from egov_desk.core.scoring import ScoreSheet, score_system
from egov_desk.core.stale_writes import Seen, seen_version
from egov_desk.core.store import Store
from egov_desk.core.templates import DEFAULT_TEMPLATE
from egov_desk.core.version_effects import VersionEffects
from egov_desk.core.workspace_info import (
    DATABASE_NAME,
    PLACEHOLDER_UNIT,
    UNIT_GIVEN,
    AssessmentInfo,
    DepartmentItems,
    SystemInfo,
    _assessment_info,
)
from egov_desk.core.workspace_open import housekeeping, open_folder, prepare_database
from egov_desk.core.write_refusals import UNSEEN, no_assessment

if TYPE_CHECKING:  # each loaded where first used: a folder's workspace never needs the server's modules
    from egov_desk.core.evidence_text import EvidenceText
    from egov_desk.core.watch import DataWatch

__all__ = [  # what the UI and the CLI import from here, besides the Workspace
    "DATABASE_NAME",
    "PLACEHOLDER_UNIT",
    "UNIT_GIVEN",
    "AssessmentChange",
    "AssessmentInfo",
    "Change",
    "DepartmentItems",
    "SystemInfo",
    "Workspace",
    "WorkspaceError",
    "current_user",
    "default_workspace_dir",
]


def default_workspace_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR)) / "workspace"


def current_user() -> str:
    """The OS account making changes (never an environment variable anyone can set)."""
    return os_account()


class Workspace:
    """Open with :meth:`open` (a folder) or construct with a SQLAlchemy URL; close when done."""

    def __init__(
        self, url: str, folder: Path | None = None, actor: str | None = None, access: Access | None = None
    ) -> None:
        self.url = url
        self.folder = folder
        self.actor = actor or current_user()
        self.access = access or Access()
        self._watches: list[DataWatch] = []  # closed with the workspace
        self.engine: Engine = make_engine(url)
        try:
            self.backup = prepare_database(self.engine, folder, self.access)
        except BaseException:
            self.engine.dispose()
            raise
        self.store = Store(self.engine, self.actor, self.access)
        self.store.person = self._login_person(department_person(self.store.read))  # server: people table
        self._sheets: dict[int, ScoreSheet] = {}
        self.evidence = EvidenceBook(self.store, (folder if folder else Path.cwd()) / "vault")

    @cached_property
    def evidence_text(self) -> EvidenceText:
        """The text inside the files: search, findings (OCR: cli ocr); loaded when first asked for."""
        from egov_desk.core.evidence_text import EvidenceText

        return EvidenceText(self.store)

    def _on_server(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def _login_person(self, given: Person) -> Person:
        """On a server, the connecting login's row in ``people`` (:func:`~egov_desk.core.server_people.login_person`);
        a folder's workspace has no people table: what was given."""
        if not self._on_server():
            return given
        from egov_desk.core.server_people import login_person

        return login_person(self.store, given)

    @property
    def read_only(self) -> bool:
        return self.access.read_only

    # --- opening and creating ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: Path | str,
        *,
        create: bool = True,
        template: str = DEFAULT_TEMPLATE,
        unit: str | None = None,
        year: int | None = None,
        hold: bool = False,
    ) -> Workspace:
        """Open the workspace in ``folder``; a new one starts with ``template`` and an empty self-assessment.

        ``hold`` (the window): take the workspace's lock; when another window holds it, open read-only. A folder
        on a network share or on media that cannot be written opens read-only too (:mod:`~egov_desk.core.opening`).
        A damaged database, or a missing one beside evidence, is refused and left as it is.
        """
        return open_folder(cls, Path(folder), create, template, unit, year, hold)

    @classmethod
    def connect(cls, url: str, vault: Path | None = None) -> Workspace:  # on a PostgreSQL server: core/server.py
        from egov_desk.core.server import connect as connect_server
        from egov_desk.core.server import login as server_login

        login = server_login(url) or current_user()  # who the server knows, as its row security does
        return place_evidence(connect_server(lambda at: cls(at, actor=login), url, vault), vault)

    def after_open(self) -> None:
        """Housekeeping of a writable workspace: a backup at most hourly (the CLI opens once per command) and
        the leftovers of exports or copies that were killed. Neither may stop the workspace from opening."""
        assert self.folder is not None
        housekeeping(self.folder)

    @classmethod
    def open_default(cls, hold: bool = False) -> Workspace:
        return cls.open(default_workspace_dir(), hold=hold)

    def watch(self) -> DataWatch | None:
        """A watch that tells when the database changed underneath (None for a server database or a snapshot)."""
        from egov_desk.core.server_watch import watch_workspace

        watch = watch_workspace(self.folder, self.access.snapshot, self.engine)
        if watch is not None:
            self._watches.append(watch)
        return watch

    def close(self) -> None:
        for watch in self._watches:  # a watch left open keeps the database's write-ahead log from being folded in
            watch.close()
        self._watches.clear()
        self.engine.dispose()
        self.access.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def refuse_if_read_only(self) -> None:
        self.store.refuse_if_read_only()

    @property
    def person(self) -> Person:
        """The name and role the person gave (recorded in every audit row beside the OS account)."""
        return self.store.person

    def person_by_login(self) -> Person | None:  # on a server: the login's row in people (None: what was given)
        if not self._on_server():
            return None
        from egov_desk.core.server_people import person_of_login

        return person_of_login(self.store)

    def set_person(self, person: Person) -> None:
        self.store.person = self._login_person(department_person(self.store.read, person))

    # --- indicator systems ------------------------------------------------------------------------

    def systems(self) -> list[SystemInfo]:
        with self.store.read() as session:
            rows = session.scalars(select(IndicatorSystemRow).order_by(IndicatorSystemRow.id))
            return [system_versions.system_info(r) for r in rows]

    def system(self, system_id: int) -> IndicatorSystem:
        return self.store.system(system_id)

    def system_now(self, system_id: int) -> IndicatorSystem:
        """The indicator system as the database holds it this moment (requirements another process edited
        included), not the copy kept for the window: what exports print."""
        with self.store.read() as session:
            return load_system(session, system_id)

    def add_system(self, data: Mapping[str, Any], key: str, source: str = "") -> SystemStored:
        """Store an indicator system given as interchange JSON; refuses a key already used. Undone by
        :meth:`remove_system`."""
        return workspace_systems.add_system(self.store, data, key, source)

    def import_system(
        self, data: Mapping[str, Any], key: str, source: str, unit: str, year: int, title: str = "自评"
    ) -> Changes:
        """Store an indicator system and create its assessment, in one transaction: both are added, or
        neither. Undone by :meth:`remove_assessment` with ``with_system``."""
        return workspace_systems.import_system(self.store, data, key, source, unit, year, title)

    def remove_system(self, system_id: int) -> Changes:
        """Remove an indicator system no assessment uses (the undo of :meth:`add_system`)."""
        return workspace_systems.remove_system(self.store, system_id)

    def store_system_version(self, system_id: int, data: Mapping[str, Any]) -> SystemStored:
        """A new version of the system from its edited interchange JSON, beside the old one (see
        :mod:`~egov_desk.core.system_versions`); undone by :meth:`remove_system` of the new one."""
        return system_versions.store_system_version(self.store, system_id, data)

    def version_effects(self, assessment_id: int, system_id: int) -> VersionEffects:
        """What moving the assessment onto another version of its system would change; nothing is written."""
        with self.store.read() as session:
            return version_effects.version_effects(session, assessment_id, system_id)

    def move_assessment(self, assessment_id: int, system_id: int) -> Changes:
        """Move the assessment onto another version of its system; undone by moving it back."""
        changes = assessment_move.move_assessment(self.store, assessment_id, system_id)
        self._sheets.pop(assessment_id, None)
        return changes

    def export_system_json(self, system_id: int) -> dict[str, Any]:
        """The system as interchange JSON (the shape ``import --json`` and ``template show --json`` print)."""
        return system_versions.export_system_json(self.store, system_id)

    def export_system_xlsx(self, system_id: int, out: Path) -> Path:
        """The system written to ``out`` in the original table's .xlsx layout (the importer reads it back)."""
        return system_versions.export_system_xlsx(self.store, system_id, out)

    def departments(self, system_id: int) -> list[str]:
        return self.system(system_id).departments()

    def items_by_department(self, system_id: int, department: str) -> DepartmentItems:
        return DepartmentItems.of(self.system(system_id), department)

    # --- assessments ------------------------------------------------------------------------------

    def assessments(self) -> list[AssessmentInfo]:
        with self.store.read() as session:
            rows = session.scalars(select(Assessment).order_by(Assessment.id))
            return [_assessment_info(r) for r in rows]

    def assessment(self, assessment_id: int) -> AssessmentInfo:
        with self.store.read() as session:
            row = session.get(Assessment, assessment_id)
            if row is None:
                raise no_assessment(assessment_id)
            return _assessment_info(row)

    def create_assessment(self, system_id: int, unit: str, year: int, title: str = "自评") -> AssessmentCreated:
        """A new assessment of an indicator system; undone by :meth:`remove_assessment`."""
        return workspace_systems.create_assessment(self.store, system_id, unit, year, title)

    def remove_assessment(self, assessment_id: int, *, with_system: bool = False) -> Changes:
        """Remove an assessment nothing was entered into since it was made (no score, note, file or tick): the
        undo of creating or importing it. ``with_system``: its indicator system goes too when no other
        assessment uses it (the undo of an import). Anything entered, or the workspace's only assessment:
        refused, in both languages, nothing removed."""
        changes = workspace_systems.remove_assessment(self.store, assessment_id, with_system=with_system)
        self._sheets.pop(assessment_id, None)
        return changes

    def update_assessment(
        self, assessment_id: int, *, expected: Mapping[str, Any] | None = None, **details: Any
    ) -> DetailsChange:
        """Change an assessment's unit, year, title, filled_by or report_date, in one transaction. ``expected``:
        the details the person saw; one changed since refuses the write (:class:`ChangedSince`).

        Setting the unit also records that the unit's name has been given, so the window stops asking."""
        return workspace_systems.update_assessment(self.store, assessment_id, expected, details)

    def unit_given(self) -> bool:
        """Whether someone has said what the unit is called (on first start, by the CLI or in the properties)."""
        return bool(self.setting(UNIT_GIVEN, False))

    def default_assessment(self) -> AssessmentInfo:
        """The assessment opened last, else the first one."""
        assessments = self.assessments()
        if not assessments:
            raise WorkspaceError("this workspace has no assessment yet", "工作区里还没有考评", "no_assessment")
        last = self.setting("current_assessment")
        return next((a for a in assessments if a.id == last), assessments[0])

    def setting(self, key: str, default: Any = None) -> Any:
        with self.store.read() as session:
            row = session.get(Setting, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any) -> None:
        with self.store.write() as session:
            session.merge(Setting(key=key, value=value))
            self.store.commit(session, f"setting {key}", f"设置 {key}")

    # --- inputs and scores ------------------------------------------------------------------------

    seen = seen_version  # the version of what is read after it; a write hands it back as expected=Seen(n)

    def inputs(self, assessment_id: int) -> dict[str, dict[str, Any]]:
        with self.store.read() as session:
            rows = system_versions.input_rows(session, assessment_id)
            return {code: row.input for code, row in rows.items() if row.input is not None}

    def notes(self, assessment_id: int) -> dict[str, str]:
        with self.store.read() as session:
            rows = system_versions.input_rows(session, assessment_id)
            return {code: row.note for code, row in rows.items() if row.note}

    def scores(self, assessment_id: int) -> ScoreSheet:
        """Every score of the assessment; kept in memory and updated by each write."""
        if assessment_id not in self._sheets:
            system = self.system(self.assessment(assessment_id).system_id)
            self._sheets[assessment_id] = score_system(system, self.inputs(assessment_id))
        return self._sheets[assessment_id]

    def scores_now(self, assessment_id: int) -> ScoreSheet:
        """The assessment's scores computed from what the database holds this moment, not from the copy kept
        for the window (which may be a second behind another process's write): what exports print."""
        system = self.system(self.assessment(assessment_id).system_id)
        return score_system(system, self.inputs(assessment_id))

    def forget_scores(self, keep: int | None = None) -> None:
        """Drop the score sheets kept in memory (another process wrote): they are read again when asked for."""
        for assessment_id in [a for a in self._sheets if a != keep]:
            del self._sheets[assessment_id]

    def set_input(
        self, assessment_id: int, code: str, inp: Mapping[str, Any] | None, *, expected: Any = UNSEEN
    ) -> ScoreChange:
        """Set (or with ``None`` clear) one item's input. Impossible input raises
        :class:`~egov_desk.core.rules.InputError` and nothing is written. ``expected``: the input the person saw
        (None: none); when the stored one differs, :class:`ChangedSince` is raised and nothing is written."""
        seen = None if expected is UNSEEN else {code: expected}
        return self.set_inputs(assessment_id, {code: inp}, expected=seen).scores[0]

    def set_inputs(
        self,
        assessment_id: int,
        inputs: Mapping[str, Mapping[str, Any] | None],
        *,
        expected: Mapping[str, Any] | None = None,
    ) -> Changes:
        """Set several items' inputs in one transaction: all of them are saved, or none. ``expected`` maps codes
        to the inputs the person saw; one that changed since refuses the whole write (:class:`ChangedSince`)."""
        return workspace_inputs.set_inputs(self.store, self.scores(assessment_id), assessment_id, inputs, expected)

    def changes_since(
        self,
        assessment_id: int,
        inputs: Mapping[str, Any],
        notes: Mapping[str, str],
        *,
        evidence_counts: Mapping[str, tuple[int, int, int]] | None = None,
        details: AssessmentInfo | None = None,
    ) -> Changes:
        """What the database holds now that differs from what a window shows — ``inputs`` and ``notes`` (one
        ScoreChange per item, scores updated), the ``evidence_counts`` per item (collected, checked, needed:
        one EvidenceChange), the assessment's ``details`` — for writes made by another process."""
        shown = (inputs, notes)
        now = (self.inputs(assessment_id), self.notes(assessment_id))
        changes: list[AnyChange] = []
        changes += workspace_inputs.score_changes(self.scores(assessment_id), assessment_id, shown, now)
        if evidence_counts is not None:
            changes += workspace_inputs.evidence_changes(
                assessment_id, evidence_counts, self.evidence.counts(assessment_id)
            )
        if details is not None and (info := self.assessment(assessment_id)) != details:
            changes.append(DetailsChange(details, info))
        return Changes(tuple(changes))

    def set_note(self, assessment_id: int, code: str, note: str, *, expected: str | Seen | None = None) -> ScoreChange:
        """Set one item's note; ``expected`` is the note the person saw (a different stored one: refused)."""
        workspace_inputs.save_note(self.store, assessment_id, code, note, expected)
        return workspace_inputs.noted(self.scores(assessment_id), assessment_id, code, note)

    def audit(self, assessment_id: int | None = None, code: str | None = None) -> list[AuditEntry]:
        with self.store.read() as session:
            query = select(AuditEntry).order_by(AuditEntry.id)
            if assessment_id is not None:
                query = query.where(AuditEntry.assessment_id == assessment_id)
            if code is not None:
                query = query.where(AuditEntry.item_code == code)
            return list(session.scalars(query))
