"""What a page's text says whatever the assessment — the dates standing on a line of their own (with their year)
and the organisations' names heading or signing the page — found once, when the text is written, and kept in
``evidence_text_marks`` (0010). :mod:`.findings` then weighs them against an assessment (its year, its unit and
departments) in one query, where scanning 10,000 pages of text took most of a second.

Which dates: only a *document's own* date — one standing on a line of its own (the 落款 date under a signature,
"日期：2019年12月5日", "二〇一九年十二月五日印发"), with a month. A date inside a sentence is nearly always a
citation (a law of 2015, last year's plan): flagging those would bury the real finding in noise.

Which names: an organisation's name (ending in 人民政府, 办公室, 局, 委员会, 中心, 公司…) making a line of its own
among the first three lines of a page (the letterhead, "××市人民政府文件") or the last four (the 落款).

Pure text work: no database, no Qt (the migration that fills the marks of text read before it imports this)."""

from __future__ import annotations

import re
from collections.abc import Iterator

DATE, ORGANISATION = "date", "organisation"
AROUND = 8  # characters a date's line may hold besides it ("日期：", "印发", "（盖章）")
HEAD_LINES, FOOT_LINES = 3, 4

_ARABIC = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|[-./](\d{1,2})[-./](\d{1,2})(?!\d))"
)
_HAN_DIGITS = "〇零○O０一二三四五六七八九"
_HAN_NUMBER = "[一二三四五六七八九十]{1,3}"
_CHINESE = re.compile(rf"([{_HAN_DIGITS}]{{4}})\s*年\s*({_HAN_NUMBER})\s*月(?:\s*({_HAN_NUMBER})\s*日)?")
_DIGIT = {c: (0 if n < 5 else n - 4) for n, c in enumerate(_HAN_DIGITS)}
_ORGANISATION = re.compile(
    r"^(?:中共)?[\u4e00-\u9fff（）()]{2,30}?(?:人民政府|人民代表大会常务委员会|办公厅|办公室|委员会|管理局|管理处|"
    r"局|厅|委|中心|公司|集团|医院|学校|大学|学院|研究院|研究所|政府|部)$"
)
_LETTERHEAD = re.compile(r"(?:文件|函|公函|（盖章）|\(盖章\)|盖章)$")


def plain(name: str) -> str:
    return re.sub(r"\s+", "", name or "")


def _lines(text: str) -> list[str]:
    return [line for line in (plain(line) for line in text.split("\n")) if line]


def document_dates(text: str) -> Iterator[tuple[str, int]]:
    """Each date standing on a line of its own (at most :data:`AROUND` other characters): (as written, year)."""
    for line in _lines(text):
        for pattern in (_ARABIC, _CHINESE):
            for match in pattern.finditer(line):
                if len(line) - len(match.group(0)) > AROUND:
                    continue
                year = _year(match.group(1))
                if year is not None:
                    yield match.group(0), year


def _year(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        return int("".join(str(_DIGIT[c]) for c in written))
    except KeyError:
        return None


def edge_organisations(text: str) -> list[str]:
    """The organisations' names making a line of their own at the page's head or foot, each once, in order."""
    lines = _lines(text)
    edges = lines[:HEAD_LINES] + lines[max(HEAD_LINES, len(lines) - FOOT_LINES) :]
    found: list[str] = []
    for line in edges:
        name = _LETTERHEAD.sub("", line)
        if _ORGANISATION.match(name) and not any(c.isdigit() for c in name) and name not in found:
            found.append(name)
    return found


def page_marks(text: str) -> list[tuple[str, str, int | None]]:
    """A page's marks: (kind, as written, year for a date), its dates first, each once."""
    marks: list[tuple[str, str, int | None]] = []
    for written, year in document_dates(text):
        if (DATE, written, year) not in marks:
            marks.append((DATE, written, year))
    marks += [(ORGANISATION, name, None) for name in edge_organisations(text)]
    return marks
