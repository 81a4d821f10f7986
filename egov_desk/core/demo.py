"""A lived-in workspace for newcomers and screenshots: the 2019 system, partly scored by plausible inputs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from egov_desk.core.demo_files import pdf_page, png
from egov_desk.core.errors import WorkspaceError
from egov_desk.core.folder_layout import DATABASE_NAME
from egov_desk.core.workspace import Workspace

DEMO_UNIT = "市教育局"

# Roughly what a diligent unit has entered by mid-December: most items done, a few still open.
DEMO_INPUTS: dict[str, dict[str, Any]] = {
    "001": {"parts": [{"count": 3}, {"count": 1}]},
    "002": {"checked": [0, 1]},
    "003": {"count": 2},
    "004": {"score": 2.5},
    "005": {"yes": True},
    "006": {"option": 0},
    "007": {"yes": True},
    "008": {"score": 8.6},
    "009": {"yes": True},
    "010": {"yes": True},
    "011": {"rate": 0.92},
    "012": {"score": 2},
    "013": {"score": 1.5},
    "014": {"score": 2},
    "019": {"parts": [{"score": 0.8}, {"score": 0.6}, None]},
    "020": {"checked": [0]},
    "021": {"numerator": 7, "denominator": 9},
    "025": {"checked": [0, 1]},
    "026": {"parts": [{"numerator": 4, "denominator": 5}, {"numerator": 3, "denominator": 5}]},
    "027": {"numerator": 5, "denominator": 6},
    "028": {"rank": 7},
    "029": {"count": 1},
    "030": {"parts": [{"yes": True}, {"checked": [0, 1, 2]}]},
    "031": {"option": 0},
    "032": {"checked": [0, 1]},
    "033": {"yes": True},
}

DEMO_NOTES = {
    "004": "建设经费项目已备案，运维经费项目备案材料待计财科补充。",
    "021": "9个目录中7个已挂接数据资源（截至12月10日平台数据）。",
    "028": "按省通报第7名。",
}


def create_demo_workspace(folder: Path) -> Workspace:
    """A new workspace in ``folder`` with the demo unit's partly scored 2019 self-assessment."""
    if (folder / DATABASE_NAME).exists():
        raise WorkspaceError(f"{folder}: a workspace already exists here; the demo needs an empty folder")
    workspace = Workspace.open(folder, unit=DEMO_UNIT)
    fill_demo(workspace, folder / "scans")
    return workspace


def fill_demo(workspace: Workspace, scans: Path) -> None:
    """The demo's inputs, notes and evidence (its scans made in ``scans``) in the workspace's first assessment."""
    assessment = workspace.default_assessment().id
    workspace.set_inputs(assessment, DEMO_INPUTS)
    for code, note in DEMO_NOTES.items():
        workspace.set_note(assessment, code, note)
    _demo_evidence(workspace, assessment, scans)


# (item, requirement number or None, file name, date): what a unit has scanned by December
DEMO_EVIDENCE = [
    ("002", 0, "2019年电子政务工作计划及完成情况.pdf", date(2019, 12, 5)),
    ("003", 0, "关于参加全市网上政务服务培训的通知.pdf", date(2019, 4, 18)),
    ("003", 0, "培训签到表.png", date(2019, 4, 25)),
    ("005", 0, "本单位政务信息化系统清单.pdf", date(2019, 3, 12)),
    ("006", 0, "电子政务外网专线接入证明.pdf", date(2018, 11, 2)),
    ("025", 0, "信息系统整合共享工作方案.pdf", date(2019, 6, 3)),
    ("030", 0, "项目可研报告（信息共享需求分析）.pdf", date(2019, 8, 20)),
    ("033", 0, "数据资源分级管理制度.pdf", date(2019, 9, 9)),
    ("035", 0, "网络安全应急预案（正式印发）.pdf", date(2019, 5, 6)),
]


def _demo_evidence(workspace: Workspace, assessment: int, scans: Path) -> None:
    scans.mkdir(parents=True, exist_ok=True)
    for number, (code, requirement, name, when) in enumerate(DEMO_EVIDENCE):
        path = scans / name
        if name.endswith(".png"):
            path.write_bytes(png(480, 320, (236, 232, 220)))
        else:
            path.write_bytes(
                pdf_page(
                    f"egov-desk demo document {number + 1}",
                    [f"Item {code}, dated {when.isoformat()}", "A stand-in for a scanned official document."],
                )
            )
        requirements = workspace.evidence.item_evidence(assessment, code).requirements
        target = requirements[requirement].id if requirement is not None and requirements else None
        workspace.evidence.attach(assessment, code, [path], target, when)
    checked = workspace.evidence.item_evidence(assessment, "005").requirements[0].id
    workspace.evidence.set_checked(assessment, checked, True)
