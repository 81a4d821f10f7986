"""Evidence refusals that carry their Chinese wording (the UI is Chinese; the CLI follows the locale)."""

from __future__ import annotations

from egov_desk.core.evidence.types import EvidenceError


class EvidenceRefusal(EvidenceError):
    """An :class:`EvidenceError` that carries its Chinese wording: ``str()`` is English (logs, English users),
    ``chinese`` the same for the Chinese UI and CLI (``messages.say`` picks one), ``kind`` names the case and
    ``values`` what it names."""

    def __init__(self, english: str, chinese: str, kind: str, **values: object) -> None:
        super().__init__(english)
        self.english, self.chinese, self.kind, self.values = english, chinese, kind, values

    def text(self, chinese: bool) -> str:
        return self.chinese if chinese else self.english


def no_file(file_id: int) -> EvidenceRefusal:
    return EvidenceRefusal(
        f"there is no evidence file {file_id}", "该佐证材料文件已不存在（可能已被移除）", "no_file", file=file_id
    )


def no_assessment(assessment_id: int) -> EvidenceRefusal:
    return EvidenceRefusal(
        f"there is no assessment {assessment_id}",
        f"没有编号为 {assessment_id} 的考评",
        "no_assessment",
        id=assessment_id,
    )


def no_requirement_text() -> EvidenceRefusal:
    return EvidenceRefusal("a requirement needs a text", "材料要求不能为空，请填写要提供的材料", "empty_requirement")


def no_requirement(requirement_id: int) -> EvidenceRefusal:
    return EvidenceRefusal(
        f"there is no requirement {requirement_id}",
        "该材料要求已不存在（可能已在别处删除）",
        "no_requirement",
        requirement=requirement_id,
    )


def requirement_has_files(requirement_id: int, text: str) -> EvidenceRefusal:
    return EvidenceRefusal(
        f"“{text}” has files attached; remove them first",
        f"“{text}”下还有文件，请先移除这些文件再删除该材料要求",
        "requirement_has_files",
        requirement=requirement_id,
        text=text,
    )
