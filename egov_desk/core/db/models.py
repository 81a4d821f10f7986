"""The workspace database: SQLAlchemy 2 typed models.

Indicator systems are stored as rows (levels of any depth, items, departments, evidence requirements) so
that queries such as "what does 信息中心 owe" are plain SQL; the structured rule of each item is JSON.
Points are stored as text and read back as Decimal, so nothing passes through a float.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class DecimalText(TypeDecorator[Decimal]):
    """Exact decimals in SQLite (which has no DECIMAL type): stored as their text."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: object) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: object) -> Decimal | None:
        return None if value is None else Decimal(value)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dict[str, Any]: JSON, Decimal: DecimalText}


class Department(Base):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class IndicatorSystemRow(Base):
    __tablename__ = "indicator_systems"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)  # "builtin:2019", "import:2020-xx.docx:…"
    title: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None]
    total_points: Mapped[Decimal | None]
    source: Mapped[str] = mapped_column(Text, default="")  # where it came from: built in, a file name
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    nodes: Mapped[list[NodeRow]] = relationship(
        back_populates="system", cascade="all, delete-orphan", order_by="NodeRow.id"
    )


class NodeRow(Base):
    """A level of the indicator tree (一级/二级/三级指标 …)."""

    __tablename__ = "nodes"

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("nodes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    points: Mapped[Decimal | None]
    # interchange keys beyond name and points: section (bonus/deduction), cap, weight, scale, unknown ones
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")

    system: Mapped[IndicatorSystemRow] = relationship(back_populates="nodes")


class ItemRow(Base):
    """A scoring item (编号) under a level."""

    __tablename__ = "items"
    __table_args__ = (UniqueConstraint("system_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="CASCADE"), index=True)
    node_id: Mapped[int] = mapped_column(ForeignKey("nodes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    code: Mapped[str] = mapped_column(Text)  # any length: a server enforces VARCHAR limits (0006)
    name: Mapped[str] = mapped_column(Text, default="")
    points: Mapped[Decimal]
    rule_text: Mapped[str] = mapped_column(Text, default="")
    evidence_text: Mapped[str] = mapped_column(Text, default="")
    scoring: Mapped[dict[str, Any]]
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)

    lead: Mapped[Department | None] = relationship()
    cooperating: Mapped[list[ItemCooperation]] = relationship(
        cascade="all, delete-orphan", order_by="ItemCooperation.position"
    )
    requirements: Mapped[list[EvidenceRequirement]] = relationship(
        cascade="all, delete-orphan", order_by="EvidenceRequirement.position"
    )


class ItemCooperation(Base):
    """A cooperating department (配合科室) of an item."""

    __tablename__ = "item_cooperating"

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True, index=True)
    position: Mapped[int]

    department: Mapped[Department] = relationship()


class EvidenceRequirement(Base):
    """One material to provide for an item, parsed from 备注; ``supplied_by`` when another body provides it."""

    __tablename__ = "evidence_requirements"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    supplied_by: Mapped[str | None] = mapped_column(Text)


class Assessment(Base):
    """One evaluation: one indicator system × one unit × one year (e.g. the 2019 self-assessment)."""

    __tablename__ = "assessments"
    # AUTOINCREMENT: a removed assessment's id is never given again, so its history stays its own
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    system_id: Mapped[int] = mapped_column(ForeignKey("indicator_systems.id", ondelete="RESTRICT"), index=True)
    unit: Mapped[str] = mapped_column(Text)
    year: Mapped[int]
    title: Mapped[str] = mapped_column(Text, default="自评")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    filled_by: Mapped[str] = mapped_column(Text, default="", server_default="")  # 填报人
    report_date: Mapped[date | None] = mapped_column(Date)  # the date printed on the report and sheets
    # the yearly cycle (see core/review_states.py): filling → review → final, its deadline, the frozen snapshot
    stage: Mapped[str] = mapped_column(String(20), default="filling", server_default="filling")
    deadline: Mapped[date | None] = mapped_column(Date)
    snapshot_sha256: Mapped[str | None] = mapped_column(String(64))
    finalized_at: Mapped[datetime | None]
    finalized_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    carried_from: Mapped[int | None]  # the assessment it was started from (this year from last year)


class ItemInput(Base):
    """What a person entered for one item in one assessment, with the score it gave."""

    __tablename__ = "item_inputs"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    input: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    score: Mapped[Decimal | None]
    scored: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(Text, default="")
    # review: "" (not started or being filled in, told from what was entered), submitted, returned, approved
    status: Mapped[str] = mapped_column(String(20), default="", server_default="")
    status_comment: Mapped[str] = mapped_column(Text, default="", server_default="")
    deadline: Mapped[date | None] = mapped_column(Date)


class AuditEntry(Base):
    """Who changed what when. Written in the same transaction as the change itself."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))  # "set_input", "set_note", "add_system", …
    # no foreign key: the rows of an assessment removed since stay, or the hash chain would have a hole
    assessment_id: Mapped[int | None] = mapped_column(Integer)
    item_code: Mapped[str | None] = mapped_column(Text)
    before: Mapped[Any | None] = mapped_column(JSON)
    after: Mapped[Any | None] = mapped_column(JSON)
    name: Mapped[str] = mapped_column(Text, default="", server_default="")  # the name the person gave
    role: Mapped[str] = mapped_column(String(20), default="", server_default="")  # filler, reviewer, leader
    # the hash chain (core/audit_chain.py): each row's hash covers the previous row's hash and its own fields
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
    hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


class Setting(Base):
    """Workspace-wide settings (the assessment open last, the unit's name…)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any | None] = mapped_column(JSON)


class PersonRow(Base):
    """A server login's name, role and department (0008); on a server its row security reads it."""

    __tablename__ = "people"

    login: Mapped[str] = mapped_column(Text, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="", server_default="")
    role: Mapped[str] = mapped_column(String(20))  # filler, reviewer, leader
    department: Mapped[str] = mapped_column(Text, default="", server_default="")  # a filler's
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Blob(Base):
    """Bytes in the evidence vault, named by their SHA-256; stored once however often they are added."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))


class EvidenceFile(Base):
    """A piece of evidence in one assessment: a vault blob under the name and date the person gave it."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    kind_mismatch: Mapped[bool] = mapped_column(default=False)
    evidence_date: Mapped[date | None]
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(Text, default="")
    carried: Mapped[bool] = mapped_column(default=False, server_default="0")  # 去年材料 until confirmed

    links: Mapped[list[EvidenceLink]] = relationship(back_populates="file", cascade="all, delete-orphan")


class EvidenceLink(Base):
    """A file serving an item, under one of its requirements or the item generally (requirement None)."""

    __tablename__ = "evidence_links"
    __table_args__ = (UniqueConstraint("file_id", "item_id", "requirement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_files.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    requirement_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_requirements.id", ondelete="SET NULL"), index=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    file: Mapped[EvidenceFile] = relationship(back_populates="links")


class RequirementCheck(Base):
    """A person read the requirement's files and ticked it as checked (per assessment)."""

    __tablename__ = "requirement_checks"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    requirement_id: Mapped[int] = mapped_column(
        ForeignKey("evidence_requirements.id", ondelete="CASCADE"), primary_key=True
    )
    checked_by: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)


class DepartmentDeadline(Base):
    """By when a department owes its part of one assessment (optional)."""

    __tablename__ = "department_deadlines"

    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    deadline: Mapped[date]


class VaultBlob(Base):
    """Evidence bytes kept in the database (a server workspace's choice): named by their SHA-256, stored once."""

    __tablename__ = "vault_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    chunks: Mapped[int]
    added_ns: Mapped[int] = mapped_column(BigInteger)  # by the database's clock: a clean leaves newer bytes alone


class VaultChunk(Base):
    """The ``n``-th piece (1–4 MB) of a blob's bytes, in order from 0."""

    __tablename__ = "vault_chunks"

    sha256: Mapped[str] = mapped_column(ForeignKey("vault_blobs.sha256", ondelete="CASCADE"), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceTextRow(Base):
    """The text of one page of stored evidence bytes (by their SHA-256), read from the file or by OCR (0009). On
    SQLite the full-text index ``evidence_texts_fts`` (FTS5, trigram) follows it by triggers."""

    __tablename__ = "evidence_texts"
    __table_args__ = (UniqueConstraint("sha256", "page"),)

    id: Mapped[int] = mapped_column(primary_key=True)  # the FTS index's rowid: stable, unlike an implicit one
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    page: Mapped[int]  # 1-based
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(10))  # pdf, ocr, docx, ofd, xlsx, text
    lines: Mapped[list[Any]] = mapped_column(JSON, default=list)  # OCR: [[text, [x0, y0, x1, y1]]] in 0..1


class EvidenceTextMark(Base):
    """What a page's text says whatever the assessment (0010): a date standing on a line of its own with its year,
    or an organisation's name heading or signing the page — written with the page's text, weighed against an
    assessment by :mod:`egov_desk.core.evidence_text.findings`."""

    __tablename__ = "evidence_text_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    page: Mapped[int]  # 1-based
    kind: Mapped[str] = mapped_column(String(12))  # date, organisation
    found: Mapped[str] = mapped_column(Text)  # as written on the page
    year: Mapped[int | None]  # a date's year


class EvidenceTextClaim(Base):
    """A reader's claim on stored bytes it is reading (0011): who (host:pid) and when, so two readers never read the
    same file; see :mod:`egov_desk.core.evidence_text.claims`."""

    __tablename__ = "evidence_text_claims"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    who: Mapped[str] = mapped_column(Text)
    claimed_at: Mapped[datetime]


class EvidenceTextState(Base):
    """Whether the text of stored bytes was read (done) or could not be (failed, with the reason in words); bytes
    with no row here are still to be read — the queue."""

    __tablename__ = "evidence_text_states"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(10))  # done, failed
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    pages: Mapped[int] = mapped_column(default=0, server_default="0")
    read_at: Mapped[datetime] = mapped_column(default=utcnow)
    engine: Mapped[str] = mapped_column(Text, default="", server_default="")  # what read it, with its version
