"""Points are Decimals: exact sums, rounding only for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
CENT = Decimal("0.01")


class NotANumber(ValueError):
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


def to_json_number(value: Decimal) -> int | float:
    """A Decimal for JSON output, rounded for display; integral values stay ints."""
    shown = rounded(value)
    return int(shown) if shown == shown.to_integral_value() else float(shown)
