"""``server init --evidence …`` and ``server check`` on where a server workspace keeps its evidence
(:mod:`~egov_desk.core.evidence_place`)."""

from __future__ import annotations

from egov_desk.core.evidence_place import EvidenceCheck, EvidencePlace, check_evidence, choose
from egov_desk.core.workspace import Workspace


def keep_evidence(url: str, chosen: EvidencePlace) -> EvidenceCheck:
    """The server workspace at ``url`` keeps its evidence at ``chosen`` from now on; whether this PC reaches it."""
    with Workspace.connect(url) as workspace:
        choose(workspace, chosen)
        return check_evidence(workspace)


def evidence_check(url: str) -> EvidenceCheck:
    with Workspace.connect(url) as workspace:
        return check_evidence(workspace)
