"""Reading a person's input for a rule, and the error that says what is wrong with it.

An :class:`InputError` is structured: *what* is wrong (``kind``, a short stable identifier such as
``"zero_denominator"``), *with which numbers* (``values``), *where* (``code`` of the item, ``field`` — the input's
key path such as ``parts[1].score`` — the field's ``label`` as the table names it when the rule knows it, and
the sum ``parts`` it sits in). :func:`egov_desk.core.messages.describe` words it in the person's language;
``str(error)`` is the English line (``"021 denominator: is 0; …"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from egov_desk.core.errors import Refused
from egov_desk.core.points import NotANumber, to_points
from egov_desk.core.rules.input_words import english


class InputError(Refused, ValueError):
    """An input is impossible for its rule. ``str()`` is one English line: ``"021 denominator: …"``.

    ``parts`` lists the sum parts the field sits in, outermost first, as ``(position, part label)``.
    ``message`` is the English text after the field (kept for callers that show only that).
    """

    def __init__(
        self,
        field: str,
        message: str = "",
        code: str = "",
        *,
        kind: str = "",
        values: Mapping[str, Any] | None = None,
        label: str = "",
        parts: tuple[tuple[int, str], ...] = (),
    ) -> None:
        self.code = code
        self.field = field
        self.kind = kind
        self.values: dict[str, Any] = dict(values or {})
        self.label = label
        self.parts = parts
        self.message = message or english(self)
        super().__init__(self._text(), kind=kind)
        self.values = dict(values or {})  # the root keeps keyword values; these are the rule's

    def _text(self) -> str:
        where = f"{self.code} {self.field}".strip()
        return f"{where}: {self.message}" if where else self.message

    def replace(self, **changes: Any) -> InputError:
        """A copy with some attributes changed (``code``, ``field``, ``label``, ``parts`` …)."""
        given = {
            "field": self.field,
            "code": self.code,
            "kind": self.kind,
            "values": self.values,
            "label": self.label,
            "parts": self.parts,
        }
        # a custom message (an error raised the old way, without a kind) travels with the copy
        message = changes.pop("message", "" if self.kind else self.message)
        return InputError(message=message, **(given | changes))

    def for_item(self, code: str) -> InputError:
        return self.replace(code=code)

    def within(self, prefix: str, position: int | None = None, part: str = "") -> InputError:
        """The error of a sum's part, seen from the sum: ``score`` becomes ``parts[1].score``."""
        parts = self.parts if position is None else ((position, part), *self.parts)
        return self.replace(field=f"{prefix}.{self.field}", parts=parts)


def require(inp: Mapping[str, Any], key: str, label: str = "") -> Any:
    if not isinstance(inp, Mapping):
        raise InputError("input", kind="not_object", values={"key": key, "value": inp})
    if key not in inp or inp[key] is None:
        raise InputError(key, kind="missing", label=label)
    return inp[key]


def read_number(inp: Mapping[str, Any], key: str, label: str = "") -> Decimal:
    raw = require(inp, key, label)
    try:
        value = to_points(raw)
    except NotANumber:
        raise InputError(key, kind="not_a_number", values={"value": raw}, label=label) from None
    if value < 0:
        raise InputError(key, kind="negative", values={"value": value}, label=label)
    return value


def read_count(inp: Mapping[str, Any], key: str, label: str = "") -> int:
    value = read_number(inp, key, label)
    if value != value.to_integral_value():
        raise InputError(key, kind="not_whole", values={"value": value}, label=label)
    return int(value)


def read_index(inp: Mapping[str, Any], key: str, size: int, what: str, label: str = "") -> int:
    """An index into ``size`` choices; ``what`` names them in English ("option", "condition", "level")."""
    index = read_count(inp, key, label)
    if index >= size:
        raise InputError(key, kind="no_such_index", values={"index": index, "size": size, "what": what}, label=label)
    return index
