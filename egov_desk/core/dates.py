"""Dates as people write them on Chinese office documents, read exactly or refused."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from egov_desk.core.errors import Refused

_PATTERNS = (
    re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


class DateNotRead(Refused, ValueError):
    """The text is not a date (the message quotes it)."""


def read_date(text: str) -> date | None:
    """``2019-12-05``, ``2019.12.5``, ``2019/12/05``, ``2019年12月5日``, ``20191205`` (full-width digits too);
    an empty text is no date. Anything else — including 2019-02-30 — raises :class:`DateNotRead`."""
    clean = unicodedata.normalize("NFKC", text).strip()
    if not clean:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(clean)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    raise DateNotRead(f"{text.strip()!r} is not a date (YYYY-MM-DD)")
