"""The audit trail as a hash chain: each row's SHA-256 covers the previous row's hash and every field of its own.

A row edited, deleted or inserted behind the app's back (with sqlite3 on the file, say) no longer fits the chain:
its own hash, or the next row's ``prev_hash``, stops matching. :func:`entry_hash` is the one definition of what a
row's hash covers; the write side (:meth:`Store.audit`) and the check (``audit verify``) both use it, and so does
migration 0005, which chains the rows written before it.

A chain needs no secret to be checked, so someone who rewrites every row after the one they change, with this
code, is not caught by the chain alone; the snapshot hash printed on paper at 定稿 is the anchor outside the file.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS = ""  # the prev_hash of the first row


def plain(value: Any) -> Any:
    """The value as the JSON column gives it back (tuples become lists, …), so the hash written is the hash read."""
    return None if value is None else json.loads(json.dumps(value))


def entry_hash(
    *,
    id: int,
    prev_hash: str,
    at: datetime,
    actor: str,
    name: str,
    role: str,
    action: str,
    assessment_id: int | None,
    item_code: str | None,
    before: Any,
    after: Any,
) -> str:
    fields = [
        id,
        prev_hash,
        at.isoformat(sep=" "),
        actor,
        name,
        role,
        action,
        assessment_id,
        item_code,
        plain(before),
        plain(after),
    ]
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def row_hash(row: Any) -> str:
    """The hash a stored audit row (an ``AuditEntry`` or a row with the same attributes) should carry."""
    at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
    return entry_hash(
        id=row.id,
        prev_hash=row.prev_hash or GENESIS,
        at=at,
        actor=row.actor,
        name=row.name or "",
        role=row.role or "",
        action=row.action,
        assessment_id=row.assessment_id,
        item_code=row.item_code,
        before=row.before,
        after=row.after,
    )
