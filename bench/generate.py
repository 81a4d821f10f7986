"""Stress data for the benchmarks (and any scale test): big indicator systems, scan-like files, full workspaces."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from egov_desk.core.db.models import Blob, EvidenceFile, EvidenceLink, ItemRow
from egov_desk.core.templates import template_data
from egov_desk.core.workspace import Workspace

MB = 1024 * 1024
RULES: list[dict[str, Any]] = [
    {"type": "manual"},
    {"type": "yes_no"},
    {"type": "per_unit", "per": 1},
    {"type": "ratio", "numerator": "完成数", "denominator": "总数"},
    {"type": "checklist", "items": [{"label": "甲", "points": 1}, {"label": "乙", "points": 1}]},
]


def big_system(items: int = 5000) -> dict[str, Any]:
    """An indicator system of ``items`` items under 3 levels (10 × 10 × n), every rule type in turn."""
    per_leaf = max(1, items // 1000)
    tree, code = [], 0
    for a in range(10):
        level_2 = []
        for b in range(10):
            level_3 = []
            for c in range(10):
                leaf_items = []
                for _ in range(per_leaf):
                    code += 1
                    rule = dict(RULES[code % len(RULES)])
                    points = 2 if rule["type"] == "checklist" else 1
                    if rule["type"] == "per_unit":
                        rule["cap"] = points
                    leaf_items.append(
                        {
                            "code": f"{code:05d}",
                            "points": points,
                            "rule": f"第{code}项评分细则",
                            "evidence": "1.材料一\n2.材料二",
                            "lead": f"第{a + 1}科",
                            "cooperating": [f"第{b + 1}科"],
                            "scoring": rule,
                        }
                    )
                level_3.append(
                    {"name": f"三级{a}.{b}.{c}", "points": sum(i["points"] for i in leaf_items), "items": leaf_items}
                )
            level_2.append({"name": f"二级{a}.{b}", "points": sum(n["points"] for n in level_3), "children": level_3})
        tree.append({"name": f"一级{a}", "points": sum(n["points"] for n in level_2), "children": level_2})
    return {
        "title": f"{items}项压力测试指标体系",
        "year": 2020,
        "total_points": sum(n["points"] for n in tree),
        "tree": tree,
    }


def scan_files(folder: Path, total: int = 1024 * MB, seed: int = 2019) -> list[Path]:
    """Files shaped like a year's scans: PDFs and JPEGs of 0.2–20 MB, random (incompressible) content."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths, written, number = [], 0, 0
    while written < total:
        size = min(int(rng.uniform(0.2, 20) * MB), total - written)
        number += 1
        pdf = rng.random() < 0.6
        path = folder / (f"扫描件{number:04d}.pdf" if pdf else f"照片{number:04d}.jpg")
        with path.open("wb") as handle:
            handle.write(b"%PDF-1.4\n" if pdf else b"\xff\xd8\xff\xe0")
            handle.write(os.urandom(size))
        paths.append(path)
        written += size
    return paths


def full_workspace(folder: Path, assessments: int = 100, files_per_item: int = 10) -> Workspace:
    """The 2019 system with ``assessments`` assessments, every item scored, and ``files_per_item`` evidence files
    per item in each (the same 350 small files, stored once, linked from every assessment)."""
    workspace = Workspace.open(folder, unit="第1单位")
    system_id = workspace.systems()[0].id
    for number in range(2, assessments + 1):
        workspace.create_assessment(system_id, f"第{number}单位", 2019)
    inputs = {
        item.code: {"score": float(item.points) / 2} if item.scoring.type in ("manual", "external") else None
        for item in workspace.system(system_id).items()
    }
    inputs = {code: value for code, value in inputs.items() if value is not None}
    scans = folder / "scans"
    scans.mkdir(exist_ok=True)
    stored = []
    codes = [item.code for item in workspace.system(system_id).items()]
    for code in codes:
        for number in range(files_per_item):
            path = scans / f"{code}-{number}.pdf"
            path.write_bytes(b"%PDF-1.4\n" + f"{code} {number}".encode() + os.urandom(1024))
            stored.append((code, path.name, workspace.evidence.vault.add(path)))
    with workspace.store.read() as session:
        item_ids = dict(session.execute(select(ItemRow.code, ItemRow.id).where(ItemRow.system_id == system_id)).all())
        session.execute(insert(Blob), [{"sha256": s.sha256, "size": s.size, "kind": s.kind} for _, _, s in stored])
        for assessment in workspace.assessments():
            rows = [
                {
                    "assessment_id": assessment.id,
                    "sha256": s.sha256,
                    "original_name": name,
                    "kind": s.kind,
                    "kind_mismatch": False,
                    "added_by": "bench",
                }
                for _, name, s in stored
            ]
            session.execute(insert(EvidenceFile), rows)
            ids = list(
                session.scalars(
                    select(EvidenceFile.id).where(EvidenceFile.assessment_id == assessment.id).order_by(EvidenceFile.id)
                )
            )
            session.execute(
                insert(EvidenceLink),
                [
                    {"file_id": file_id, "item_id": item_ids[code]}
                    for file_id, (code, _, _) in zip(ids, stored, strict=True)
                ],
            )
        session.commit()
    for assessment in workspace.assessments():
        workspace.set_inputs(assessment.id, inputs)
    return workspace


def seed_docx() -> Path:
    return Path(__file__).resolve().parents[1] / "tests" / "data" / "seed" / "2019-indicators.docx"


__all__ = ["big_system", "full_workspace", "scan_files", "seed_docx", "template_data"]
