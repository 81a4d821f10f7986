"""Text as Word and Excel files can hold it.

A note pasted from another program, a cell of an imported table or a file name may carry control characters
(BEL, vertical tab…) or, from a non-UTF-8 file name, lone surrogates. XML cannot hold them: python-docx and
openpyxl refuse the whole export. Writers pass every text through :func:`printable` first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# XML 1.0 allows tab, newline and carriage return among the C0 controls, and no surrogates.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` without control characters; a lone surrogate becomes the replacement character."""
    return _SURROGATE.sub("\ufffd", _NOT_IN_XML.sub("", text))


def printable_data(value: Any) -> Any:
    """:func:`printable` through dicts and lists (a report template's context)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, Mapping):
        return {key: printable_data(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
        return [printable_data(item) for item in value]
    return value
