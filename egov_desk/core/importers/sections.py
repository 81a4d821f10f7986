"""Sections outside the 100: bonus (加分项), deduction (综合奖扣分) and veto (一票否决) parts of a table."""

from __future__ import annotations

import re
from typing import Any

from egov_desk.core.importers.findings import Finding

SPECIAL_SECTION = re.compile(r"加分|扣分|倒扣|否决")


def special_sections(tree: list[dict[str, Any]], rows: dict[int, str]) -> tuple[list[dict[str, Any]], list[Finding]]:
    """The top-level sections whose points sit outside the total, and a finding for each."""
    special = [node for node in tree if SPECIAL_SECTION.search(node["name"])]
    findings = [
        Finding(
            "info",
            rows.get(id(node), ""),
            f"“{node['name']}”是加分、扣分或否决部分，其分值不计入总分合计；请核对其计分方式",
        )
        for node in special
    ]
    return special, findings
