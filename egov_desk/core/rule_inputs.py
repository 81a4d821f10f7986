"""Reading a person's input for a rule, and the error that names what is wrong with it."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from egov_desk.core.points import NotANumber, compact, to_points


class InputError(ValueError):
    """An input is impossible for its rule. ``str()`` is one line: ``"021 denominator: …"``."""

    def __init__(self, field: str, message: str, code: str = "") -> None:
        self.code = code
        self.field = field
        self.message = message
        super().__init__(self._text())

    def _text(self) -> str:
        where = f"{self.code} {self.field}".strip()
        return f"{where}: {self.message}"

    def for_item(self, code: str) -> InputError:
        return InputError(self.field, self.message, code)

    def within(self, prefix: str) -> InputError:
        return InputError(f"{prefix}.{self.field}", self.message, self.code)


def require(inp: Mapping[str, Any], key: str) -> Any:
    if not isinstance(inp, Mapping):
        raise InputError("input", f'must be an object such as {{"{key}": …}}, got {inp!r}')
    if key not in inp or inp[key] is None:
        raise InputError(key, "is missing")
    return inp[key]


def read_number(inp: Mapping[str, Any], key: str) -> Decimal:
    raw = require(inp, key)
    try:
        value = to_points(raw)
    except NotANumber as exc:
        raise InputError(key, str(exc)) from None
    if value < 0:
        raise InputError(key, f"{raw} is negative")
    return value


def read_count(inp: Mapping[str, Any], key: str) -> int:
    value = read_number(inp, key)
    if value != value.to_integral_value():
        raise InputError(key, f"{compact(value)} is not a whole number")
    return int(value)


def read_index(inp: Mapping[str, Any], key: str, size: int, what: str) -> int:
    index = read_count(inp, key)
    if index >= size:
        raise InputError(key, f"{what} {index} does not exist (there are {size}: 0..{size - 1})")
    return index
