"""Reading the cells of an indicator table: points inside labels, numbering, department lists."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# "发展环境（14）", "(20分)", "（20）", "10分", "（８分）": points at the end of a label.
_POINTS_IN_LABEL = re.compile(
    r"\s*[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?\s*[)）]\s*$|\s+([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*$"
    r"|(?<=[^\d０-９.])([0-9０-９]+(?:[.．][0-9０-９]+)?)分\s*$"
)
_NUMBER = re.compile(r"^\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(?:分|[%％])?\s*$")

# Level numbering, outermost first: 一、 / （一） / 1. / （1）
NUMBERING_STYLES = (
    ("一、", re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")),
    ("（一）", re.compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]")),
    ("1.", re.compile(r"^\s*\d+\s*[.．、](?!\d)")),
    ("（1）", re.compile(r"^\s*[（(]\s*\d+\s*[）)]")),
)

DEPARTMENT_ENDINGS = ("办公室", "中心", "科", "办", "室", "局", "委", "处", "股", "站", "所", "队", "院")
_SEPARATORS = re.compile(r"[\n、，,；;/／\s]+")


def to_number(text: str) -> Decimal:
    return Decimal(unicodedata.normalize("NFKC", text).replace("．", "."))


def split_points(label: str) -> tuple[str, Decimal | None]:
    """("发展环境（14）") → ("发展环境", 14); a label without points comes back unchanged with None."""
    text = label.strip()
    match = _POINTS_IN_LABEL.search(text)
    if not match:
        return re.sub(r"\s*\n\s*", "", text), None
    digits = next(group for group in match.groups() if group)
    name = text[: match.start()].strip()
    return re.sub(r"\s*\n\s*", "", name), to_number(digits)


def read_points(text: str) -> Decimal | None:
    """A points cell: "4", "4分", "0.8", "４"; a weight in percent ("30%") is that many points out of 100
    (:mod:`.weights` says so in a finding, and warns when a column's percentages do not add up to 100%);
    anything else is None."""
    match = _NUMBER.match(text)
    return to_number(match.group(1)) if match else None


def numbering_style(label: str) -> str | None:
    for style, pattern in NUMBERING_STYLES:
        if pattern.match(label):
            return style
    return None


def strip_numbering(label: str) -> str:
    for _, pattern in NUMBERING_STYLES:
        match = pattern.match(label)
        if match:
            return label[match.end() :].strip()
    return label.strip()


def _glued(text: str, known: set[str]) -> list[str] | None:
    """Split names written without a separator ("政策法规科信息中心") by known names, then by endings."""
    if not text:
        return []
    for name in sorted(known, key=len, reverse=True):
        if text.startswith(name):
            after = _glued(text[len(name) :], known)
            if after is not None:
                return [name, *after]
    for end in range(2, len(text) + 1):
        piece, rest = text[:end], text[end:]
        if not piece.endswith(DEPARTMENT_ENDINGS) or rest.startswith(("公室", "公厅")):
            continue
        if not rest:
            return [piece]
        if len(rest) >= 2:
            split = _glued(rest, known)
            if split is not None:
                return [piece, *split]
    return None


def split_departments(cell: str, known: set[str] | None = None) -> list[str]:
    """Department names in a cell: split on line breaks, 、，; and glued names; order kept, no repeats."""
    names: list[str] = []
    for part in _SEPARATORS.split(cell.strip()):
        part = part.strip("。.")
        if not part:
            continue
        for name in _glued(part, known or set()) or [part]:
            if name not in names:
                names.append(name)
    return names


# "责任科室：办公室", "牵头单位:信息中心" — a label saying the rest of the line names departments.
_DEPARTMENT_LABEL = re.compile(r"(?:责任|牵头|主责|承办|配合|协办)(?:科室|单位|部门|处室)?\s*[:：]\s*")


_NOT_DEPARTMENTS = ("网站", "场所")  # end like a department (站, 所) but are things evidence names


def is_department(name: str, known: set[str]) -> bool:
    """A known department, or a short name ending like one (科, 室, 中心 …) but not a thing evidence names."""
    if name in known:
        return True
    return len(name) <= 10 and name.endswith(DEPARTMENT_ENDINGS) and not name.endswith(_NOT_DEPARTMENTS)


def _names_only(line: str, known: set[str]) -> list[str] | None:
    """The departments a line consists of, or None when it says something else (an evidence line)."""
    names = split_departments(line, known)
    if not names or not all(is_department(name, known) for name in names):
        return None
    return names


def split_evidence_and_departments(cell: str, known: set[str] | None = None) -> tuple[str, list[str]]:
    """A combined 佐证材料及责任科室 cell → (its evidence lines, the departments it names, in order).

    A department is named after a label ("责任科室：办公室") or on a line of nothing but department names
    (known ones, or short names ending like one: 科, 室, 中心 …); every other line is evidence, kept as written."""
    known = known or set()
    evidence: list[str] = []
    departments: list[str] = []
    for line in cell.strip().splitlines():
        label = _DEPARTMENT_LABEL.search(line)
        if label:
            before, named = line[: label.start()].strip(), split_departments(line[label.end() :], known)
        else:
            named = _names_only(line.strip(), known) or []
            before = "" if named else line.rstrip()
        if before:
            evidence.append(before)
        departments += [name for name in named if name not in departments]
    return "\n".join(evidence), departments
