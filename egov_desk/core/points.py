"""Points are Decimals: exact sums, rounding only for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import overload

from egov_desk.core.errors import Refused

ZERO = Decimal(0)
CENT = Decimal("0.01")


class NotANumber(Refused, ValueError):
    """The value cannot be read as a finite number."""


def to_points(value: object) -> Decimal:
    """Read a JSON-ish number (int, float, numeric string, Decimal) exactly.

    Floats go through ``repr`` so that 0.1 stays 0.1 rather than 0.1000000000000000055….
    Booleans are refused: ``True`` is not 1 point.
    """
    if isinstance(value, bool) or value is None:
        raise NotANumber(f"{value!r} is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise NotANumber(f"{value!r} is not a number") from None
    else:
        raise NotANumber(f"{value!r} is not a number")
    if not result.is_finite():
        raise NotANumber(f"{value!r} is not a finite number")
    return result


def clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(high, value))


def rounded(value: Decimal) -> Decimal:
    """The value as shown to people and written to reports: 2 places, half up (四舍五入)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def display(value: Decimal | None) -> str:
    """ "68.50"-style text; "" for nothing."""
    return "" if value is None else f"{rounded(value):.2f}"


def compact(value: Decimal) -> str:
    """Points as printed in tables: 4, 0.5, 0.8 (no trailing zeros)."""
    text = format(value.normalize(), "f")
    return text


@overload
def json_number(value: Decimal) -> int | float: ...
@overload
def json_number(value: None) -> None: ...
def json_number(value: Decimal | None) -> int | float | None:
    """The one way a Decimal becomes a JSON number, exactly: integral values stay ints (4, not 4.0), others are
    floats (0.5); ``None`` stays ``None``. Points in interchange files and rule parameters are short decimals, so
    the float is the decimal as written."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@overload
def to_json_number(value: Decimal) -> int | float: ...
@overload
def to_json_number(value: None) -> None: ...
def to_json_number(value: Decimal | None) -> int | float | None:
    """A score for JSON output as people see it: rounded to 2 places first (:func:`rounded`), then
    :func:`json_number`."""
    return None if value is None else json_number(rounded(value))
