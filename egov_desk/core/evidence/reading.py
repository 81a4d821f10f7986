"""Reading a workspace's evidence: its files with their links, every item's requirements with their status and
files, the counts the tree shows. Three queries whatever the count of files or items."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from egov_desk.core.db.models import (
    Assessment,
    Blob,
    EvidenceFile,
    EvidenceLink,
    EvidenceRequirement,
    ItemRow,
    RequirementCheck,
)
from egov_desk.core.evidence.refusals import EvidenceRefusal, no_assessment
from egov_desk.core.evidence.types import (
    CHECKED,
    COLLECTED,
    MISSING,
    SUPPLIED,
    FileInfo,
    ItemEvidence,
    RequirementState,
)

if TYPE_CHECKING:
    from egov_desk.core.evidence.vaults import EvidenceVault
    from egov_desk.core.store import Store


def file_with(session: Session, assessment_id: int, sha256: str, name: str | None = None) -> EvidenceFile | None:
    """The assessment's file holding these bytes under this name (``None``: under any name, the first added). The
    same bytes attached under another name are another file of the assessment (the vault stores them once): each
    is listed, printed and packaged under the name it was given."""
    query = select(EvidenceFile).where(EvidenceFile.assessment_id == assessment_id, EvidenceFile.sha256 == sha256)
    if name is not None:
        query = query.where(EvidenceFile.original_name == name)
    return session.scalars(query.order_by(EvidenceFile.id)).first()


class EvidenceReading:
    """Part of :class:`~egov_desk.core.evidence.EvidenceBook` (a mixin; the book gives the store and vault)."""

    store: Store
    vault: EvidenceVault

    def _session(self) -> Session:
        """A session for reading; every write goes through ``self.store.write``."""
        return self.store.read()

    def file_id(self, assessment_id: int, sha256: str, name: str | None = None) -> int:
        """The id of the assessment's file with these bytes and name (ids change when a file is removed and
        restored)."""
        with self._session() as session:
            found = file_with(session, assessment_id, sha256, name)
            if found is None:
                raise EvidenceRefusal(
                    f"the file {sha256[:12]}… is no longer in this assessment",
                    f"文件 {sha256[:12]}… 已不在本次考评中（可能已被移除）",
                    "not_in_assessment",
                    sha256=sha256,
                )
            return found.id

    def _file_info(self, file_id: int, year: int) -> FileInfo:
        with self._session() as session:
            file = session.get(EvidenceFile, file_id)
            assert file is not None
            return self._info(session, file, year)

    @staticmethod
    def _info(
        session: Session,
        file: EvidenceFile,
        year: int,
        codes: dict[int, str] | None = None,
        sizes: dict[str, int] | None = None,
    ) -> FileInfo:
        size = sizes.get(file.sha256, 0) if sizes is not None else getattr(session.get(Blob, file.sha256), "size", 0)
        links = tuple(
            sorted(
                (
                    link.id,
                    codes[link.item_id] if codes else session.get(ItemRow, link.item_id).code,  # type: ignore[union-attr]
                    link.requirement_id,
                )
                for link in file.links
            )
        )
        return FileInfo(
            file.id,
            file.sha256,
            file.original_name,
            size,
            file.kind,
            file.kind_mismatch,
            file.evidence_date,
            file.added_at,
            file.added_by,
            year,
            links,
            file.carried,
        )

    def files(self, assessment_id: int, code: str | None = None) -> list[FileInfo]:
        """The assessment's evidence files (those serving item ``code`` only, when given), with their links.

        Plain rows rather than ORM objects, three queries whatever the count: switching between assessments of
        thousands of files stays quick."""
        with self._session() as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None:
                raise no_assessment(assessment_id)
            codes = dict(
                session.execute(select(ItemRow.id, ItemRow.code).where(ItemRow.system_id == assessment.system_id)).all()
            )
            query = (
                select(
                    EvidenceFile.id,
                    EvidenceFile.sha256,
                    EvidenceFile.original_name,
                    EvidenceFile.kind,
                    EvidenceFile.kind_mismatch,
                    EvidenceFile.evidence_date,
                    EvidenceFile.added_at,
                    EvidenceFile.added_by,
                    Blob.size,
                    EvidenceFile.carried,
                )
                .join(Blob, Blob.sha256 == EvidenceFile.sha256)
                .where(EvidenceFile.assessment_id == assessment_id)
                .order_by(EvidenceFile.id)
            )
            links_query = (
                select(EvidenceLink.file_id, EvidenceLink.id, EvidenceLink.item_id, EvidenceLink.requirement_id)
                .join(EvidenceFile, EvidenceFile.id == EvidenceLink.file_id)
                .where(EvidenceFile.assessment_id == assessment_id)
            )
            if code is not None:
                serving = (
                    select(EvidenceLink.file_id)
                    .join(ItemRow, ItemRow.id == EvidenceLink.item_id)
                    .where(ItemRow.code == code, ItemRow.system_id == assessment.system_id)
                )
                query = query.where(EvidenceFile.id.in_(serving))
                links_query = links_query.where(EvidenceLink.file_id.in_(serving))
            links: dict[int, list[tuple[int, str, int | None]]] = {}
            elsewhere: set[int] = set()  # files linked only to items of another version of the system (a move)
            for file_id, link_id, item_id, requirement_id in session.execute(links_query):
                if item_id in codes:
                    links.setdefault(file_id, []).append((link_id, codes[item_id], requirement_id))
                else:
                    elsewhere.add(file_id)
            return [
                FileInfo(
                    row[0],
                    row[1],
                    row[2],
                    row[8],
                    row[3],
                    row[4],
                    row[5],
                    row[6],
                    row[7],
                    assessment.year,
                    tuple(sorted(links.get(row[0], []))),
                    row[9],
                )
                for row in session.execute(query)
                if row[0] in links or row[0] not in elsewhere
            ]

    def by_item(self, assessment_id: int, only: str | None = None) -> dict[str, ItemEvidence]:
        """Every item's requirements with their status and files, read in three queries."""
        files = self.files(assessment_id, only)
        with self._session() as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None:
                raise no_assessment(assessment_id)
            query = (
                select(ItemRow.code, EvidenceRequirement)
                .join(ItemRow, ItemRow.id == EvidenceRequirement.item_id)
                .where(ItemRow.system_id == assessment.system_id)
                .order_by(EvidenceRequirement.item_id, EvidenceRequirement.position)
            )
            if only is not None:
                query = query.where(ItemRow.code == only)
            requirements: dict[str, list[EvidenceRequirement]] = {}
            for code, requirement in session.execute(query):
                requirements.setdefault(code, []).append(requirement)
            codes = (
                [only]
                if only
                else list(
                    session.scalars(
                        select(ItemRow.code).where(ItemRow.system_id == assessment.system_id).order_by(ItemRow.id)
                    )
                )
            )
            checked = set(
                session.scalars(
                    select(RequirementCheck.requirement_id).where(RequirementCheck.assessment_id == assessment_id)
                )
            )
        attached: dict[tuple[str, int | None], list[FileInfo]] = {}
        for file in files:
            for _, code, requirement_id in file.links:
                attached.setdefault((code, requirement_id), []).append(file)
        result = {}
        for code in codes:
            states = []
            for requirement in requirements.get(code, []):
                mine = tuple(attached.get((code, requirement.id), ()))
                if mine:
                    status = CHECKED if requirement.id in checked else COLLECTED
                else:
                    status = SUPPLIED if requirement.supplied_by else MISSING
                states.append(
                    RequirementState(
                        requirement.id, requirement.position, requirement.text, requirement.supplied_by, status, mine
                    )
                )
            result[code] = ItemEvidence(code, tuple(states), tuple(attached.get((code, None), ())))
        return result

    def item_evidence(self, assessment_id: int, code: str) -> ItemEvidence:
        with self._session() as session:
            self.store.item_row(session, assessment_id, code)
        return self.by_item(assessment_id, code)[code]

    def counts(self, assessment_id: int) -> dict[str, tuple[int, int, int]]:
        """Per item code: (requirements collected, checked, needed from the unit)."""
        return {code: (e.collected, e.checked, e.needed) for code, e in self.by_item(assessment_id).items()}

    def _requirement(self, session: Session, assessment_id: int, code: str, requirement_id: int) -> EvidenceRequirement:
        _, item = self.store.item_row(session, assessment_id, code)
        requirement = session.get(EvidenceRequirement, requirement_id)
        if requirement is None or requirement.item_id != item.id:
            raise EvidenceRefusal(
                f"{code}: requirement {requirement_id} is not one of this item's",
                f"{code}：所选材料要求不属于该指标",
                "foreign_requirement",
                code=code,
                requirement=requirement_id,
            )
        return requirement

    def path_of(self, file: FileInfo) -> Path:
        return self.vault.path_of(file.sha256)
