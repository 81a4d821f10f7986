"""Where a server workspace's evidence lives, said by ``server init --evidence`` and ``server check``."""

from __future__ import annotations

import argparse
from typing import Any

from egov_desk.core.evidence_place import EvidenceCheck


def evidence_json(found: EvidenceCheck | None) -> dict[str, Any]:
    if found is None:
        return {}
    kind = found.place.kind if found.place else "folder"
    where = found.place.path if found.place and found.place.path else found.where
    return {"evidence": {"kind": kind, "where": where, "reachable": found.reachable, "reason": found.reason or None}}


def evidence_said(found: EvidenceCheck | None, args: argparse.Namespace) -> int:
    """Print where evidence lives (unless ``--json`` prints it elsewhere); exit 0 when reachable, else 1."""
    if found is None:
        return 0
    if not getattr(args, "json", False) or args.server_command == "init":
        from egov_desk.core.messages import cli_language, is_chinese

        for line in found.lines(is_chinese(cli_language())):
            print(line)
    return 0 if found.reachable else 1
