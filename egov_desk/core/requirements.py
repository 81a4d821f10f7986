"""Evidence requirements read from an item's 备注.

The 备注 cell either lists materials the unit provides ("1.…\\n2.…", or sentences) or says who supplies the
result instead ("市发改委提供", "市大数据资源局监测结果", "平台检查", "登录平台查看"). Each numbered line or
sentence becomes one requirement; the ones another body supplies carry ``supplied_by``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLATFORM = "平台检查"
"""``supplied_by`` for results the evaluators read off a platform themselves."""

_PLATFORM_MARKERS = ("平台检查", "登录平台查看", "平台查看")
_NUMBERED = re.compile(r"^\s*(?:\d+[.．、]|[（(]\d+[）)]|[①-⑳])\s*")
# "市发改委提供", "市大数据资源局监测结果": a body's name, then what it supplies.
_BODY_SUPPLIES = re.compile(
    r"^(?P<body>[^，,。；;、]{1,24}?(?:局|委|办|中心|厅|院|部|处|室|政府))(?:提供|监测结果|检查结果|评价结果|反馈)$"
)


@dataclass(frozen=True)
class Requirement:
    text: str
    supplied_by: str | None = None

    @property
    def by_unit(self) -> bool:
        return self.supplied_by is None


def supplier_of(sentence: str) -> str | None:
    """Who supplies this line, if not the unit itself."""
    core = sentence.strip().rstrip("。.;；")
    if any(core == marker or core.endswith(marker) for marker in _PLATFORM_MARKERS):
        return PLATFORM
    match = _BODY_SUPPLIES.match(core)
    return match.group("body") if match else None


def _sentences(line: str) -> list[str]:
    """Split on 。 outside brackets, keeping each sentence's own text."""
    parts, depth, current = [], 0, []
    for char in line:
        depth += char in "（(“"
        depth -= char in "）)”" and depth > 0
        current.append(char)
        if char == "。" and depth == 0:
            parts.append("".join(current))
            current = []
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip().strip("。")]


def _clean(text: str) -> str:
    return text.strip().rstrip("。.;；").strip()


def parse_requirements(evidence_text: str) -> list[Requirement]:
    """One requirement per numbered line or sentence of 备注; empty 备注 gives none."""
    requirements: list[Requirement] = []
    for raw_line in evidence_text.replace("\r", "\n").split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        numbered = _NUMBERED.match(line)
        pieces = [line[numbered.end() :]] if numbered else _sentences(line)
        for piece in pieces:
            # "查证有关资料、平台检查": materials from the unit, and a platform check.
            subparts = piece.rstrip("。").split("、")
            if len(subparts) > 1 and any(supplier_of(s) for s in subparts) and not numbered:
                split = [_clean(s) for s in subparts if _clean(s)]
            else:
                split = [_clean(piece)] if _clean(piece) else []
            requirements.extend(Requirement(text, supplier_of(text)) for text in split)
    return requirements


def suppliers(requirements: list[Requirement]) -> list[str]:
    """The bodies named as supplying results, in order, without repeats."""
    seen: list[str] = []
    for requirement in requirements:
        if requirement.supplied_by and requirement.supplied_by not in seen:
            seen.append(requirement.supplied_by)
    return seen
