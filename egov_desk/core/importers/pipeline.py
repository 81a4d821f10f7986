"""A .docx or .xlsx indicator table → interchange JSON with proposed rules and findings."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from egov_desk.core.collection import collection_paused
from egov_desk.core.evidence.vault import display_name
from egov_desk.core.importers.findings import Finding, all_items, blocking, check_system, grouped, places
from egov_desk.core.importers.flat import named_items
from egov_desk.core.importers.grid import Grid, ImportRefused, SheetRead
from egov_desk.core.importers.limits import Budget
from egov_desk.core.importers.options import ImportOptions, RowKind
from egov_desk.core.importers.sections import special_sections
from egov_desk.core.importers.table import Layout, read_layout
from egov_desk.core.importers.tree import Level, TreeBuilder
from egov_desk.core.importers.weights import weighting
from egov_desk.core.importers.without_points import finding as pass_fail_finding
from egov_desk.core.importers.without_points import judged, judgement_columns, pass_fail_levels
from egov_desk.core.points import json_number
from egov_desk.core.rules.reader import Proposal, propose

LOW_CONFIDENCE = 0.5


@dataclass
class ImportResult:
    data: dict[str, Any]  # interchange JSON: title, year, total_points, tree (items with "scoring")
    layout: Layout
    grid: Grid
    findings: list[Finding]
    proposals: dict[str, Proposal] = field(default_factory=dict)
    options: ImportOptions = field(default_factory=ImportOptions)  # what the person decided, as applied
    row_kinds: dict[int, RowKind] = field(default_factory=dict)  # grid row → what it was read as
    later_headers: tuple[int, ...] = ()  # a second table's header rows on the same sheet

    @property
    def header_rows(self) -> tuple[int, ...]:
        """Every header row read: the table's, then a second table's on the same sheet (grid rows)."""
        return (*self.layout.header_rows, *self.later_headers)

    @property
    def sheets(self) -> list[SheetRead]:
        """A workbook's sheets as read (name, rows, score, chosen, why); empty for Word."""
        return self.grid.sheets

    @property
    def errors(self) -> list[Finding]:
        return blocking(self.findings)

    def to_json(self) -> dict[str, Any]:
        """What ``egov-desk-cli import --json`` prints: the system plus its findings."""
        return self.data | {"findings": [f.to_json() for f in self.findings]}


def _word(path: Path, budget: Budget, sheet: str | None) -> Grid:
    from egov_desk.core.importers.docx import read_docx  # python-docx only for a Word file

    if sheet is not None:
        name = display_name(path.name)
        raise ImportRefused(
            f"{name}: a Word document has no sheets; --sheet is for Excel workbooks",
            f"{name}：Word 文档没有工作表；--sheet 只用于 Excel 工作簿",
            "no_sheets",
            {"file": name, "sheet": sheet},
        )
    return read_docx(path, budget)


def _workbook(path: Path, budget: Budget, sheet: str | None) -> Grid:
    from egov_desk.core.importers.xlsx import read_xlsx  # openpyxl only for an Excel file

    return read_xlsx(path, budget, sheet)


def read_grid(path: Path, budget: Budget | None = None, sheet: str | None = None) -> Grid:
    """The table of a Word or Excel file, chosen by the file's content rather than its name; ``sheet`` names
    the workbook's sheet to read (else the one most like an indicator table)."""
    budget = budget or Budget(file=display_name(path.name))
    suffix = path.suffix.lower()
    if suffix in (".docx", ".docm"):
        return _word(path, budget, sheet)
    if suffix in (".xlsx", ".xlsm"):
        return _workbook(path, budget, sheet)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
        if "word/document.xml" in names:
            return _word(path, budget, sheet)
        if "xl/workbook.xml" in names:
            return _workbook(path, budget, sheet)
    name = display_name(path.name)
    raise ImportRefused(
        f"{name}: not a Word (.docx) or Excel (.xlsx) file",
        f"{name}：不是 Word（.docx）或 Excel（.xlsx）文件",
        "not_a_table_file",
        {"file": name},
    )


def _levels_json(levels: list[Level], rows: dict[int, str]) -> list[dict[str, Any]]:
    out = []
    for level in levels:
        data: dict[str, Any] = {"name": level.name, "points": json_number(level.points)}
        if level.children:
            data["children"] = _levels_json(level.children, rows)
        if level.items:
            data["items"] = level.items
        rows[id(data)] = level.row
        out.append(data)
    return out


def _number_codes(items: list[dict[str, Any]], findings: list[Finding]) -> None:
    """Items without a code get one in table order (001, 002, … skipping codes the table uses): one finding."""
    used = {item["code"] for item in items if item["code"]}
    counter = 0
    numbered: list[dict[str, Any]] = []
    for item in items:
        if item["code"]:
            continue
        counter += 1
        while f"{counter:03d}" in used:
            counter += 1
        item["code"] = f"{counter:03d}"
        used.add(item["code"])
        numbered.append(item)
    if len(numbered) == 1:
        item = numbered[0]
        findings.append(Finding("info", item.get("_row", ""), f"没有编号，按顺序编为 {item['code']}", item["code"]))
    elif numbered:
        rows = tuple(item.get("_row", "") for item in numbered)
        codes = f"{numbered[0]['code']}–{numbered[-1]['code']}"
        findings.append(
            Finding("info", "", f"{len(numbered)} 项没有编号，按顺序编为 {codes}：{places(rows)}", rows=rows)
        )


def import_table(
    path: Path | str,
    options: ImportOptions | Mapping[int, str] | None = None,
    known_departments: set[str] | frozenset[str] = frozenset(),
    budget: Budget | None = None,
    *,
    roles: Mapping[int, str] | None = None,
) -> ImportResult:
    """Read, understand and check an indicator table within ``budget`` (the limits of :mod:`.limits` when
    none is given), as the person's ``options`` say (sheet, header rows, column roles, row kinds). Raises
    ImportRefused for files that cannot be one, or that pass a limit (its message printable whatever bytes
    the file's name holds).

    ``roles`` (column → role) is kept for callers from before ImportOptions; it is folded into the options'
    roles, as is a mapping given where the options go."""
    path = Path(path)
    budget = budget or Budget(file=display_name(path.name))
    if options is None or not isinstance(options, ImportOptions):
        roles = {**dict(options or {}), **dict(roles or {})}
        options = ImportOptions()
    if roles:
        options = replace(options, roles={**options.roles, **roles})
    try:
        with collection_paused():
            return _import_table(path, options, known_departments, budget)
    except ImportRefused as exc:
        shown = display_name(str(exc))
        if shown == str(exc):
            raise
        raise exc.renamed(shown, display_name(exc.chinese)) from exc


def _where(path: Path, grid: Grid) -> tuple[str, str]:
    """The file and the sheets or tables read, as a refusal names them (English, Chinese)."""
    file = display_name(path.name)
    parts = list(dict.fromkeys(label.rsplit(" 第", 1)[0] for label in grid.labels if " 第" in label))
    if not parts:
        return file, file
    return f"{file} ({', '.join(parts)})", f"{file}（{'、'.join(parts)}）"


def _import_table(
    path: Path, options: ImportOptions, known_departments: set[str] | frozenset[str], budget: Budget
) -> ImportResult:
    grid = read_grid(path, budget, options.sheet)
    budget.check()
    try:
        layout = read_layout(grid, dict(options.roles), options.header_rows)
    except ImportRefused as refused:  # said with the file and the sheets or tables it looked at
        where = _where(path, grid)
        raise ImportRefused(
            f"{where[0]}: {refused.english}", f"{where[1]}：{refused.chinese}", refused.kind, refused.values
        ) from refused
    budget.check()
    built = TreeBuilder(grid, layout, set(known_departments), options.row_kinds).build()
    budget.check()
    rows: dict[int, str] = {}
    tree = _levels_json(built.roots, rows)
    items = all_items(tree)
    if not items:
        columns = ", ".join(f"{c.index + 1}:{c.header}→{c.describe}" for c in layout.columns)
        where = _where(path, grid)
        raise ImportRefused(
            f"{where[0]}: no scoring items found under the header (columns read: {columns}); "
            "set the columns' roles with --role COL=ROLE",
            f"{where[1]}：表头下没有找到评分项（读出的列：{columns}）；"
            "可在导入向导中单击列标题指定各列的用途（命令行：--role 列号=用途）",
            "no_items",
        )
    judgements = judgement_columns(layout)
    levels = pass_fail_levels(layout, tree, built.total_row)
    findings = [Finding("info", "", note) for note in grid.notes]
    if layout.inferred:
        findings.append(_inferred_finding(layout))
    findings += [
        Finding("info", "", f"未识别的列“{c.header}”已作为附加信息保留")
        for c in layout.of("extra")
        if c not in judgements and not (built.tables > 1 and _unnamed(c.header))  # the second table names it
    ]
    findings += built.findings
    _number_codes(items, findings)

    proposals: dict[str, Proposal] = {}
    judged_items: list[dict[str, Any]] = []  # items read as pass/fail because the table gives no points
    for item in items:
        budget.check()
        proposal = propose(item["rule"], item["points"], item["evidence"])
        if levels and (judged_proposal := judged(proposal, levels, bool(judgements))) is not proposal:
            proposal = judged_proposal
            judged_items.append(item)
        proposals[item["code"]] = proposal
        item["scoring"] = proposal.rule
        for note in proposal.notes:
            flagged = ("重叠", "超过", "一票否决")  # overlapping tiers, too many points, a veto
            severity = "warning" if proposal.confidence < LOW_CONFIDENCE or any(w in note for w in flagged) else "info"
            row, code = item.get("_row", ""), item["code"]
            findings.append(Finding(severity, row, f"{code} 评分规则：{note}", code, many=f"项评分规则：{note}"))

    if levels and judged_items:
        findings.append(pass_fail_finding(judged_items, levels, bool(judgements)))
    pass_fail = all(item["scoring"]["type"] == "pass_fail" for item in items)
    special, section_findings = special_sections(tree, rows)
    findings += section_findings
    findings += weighting(tree, rows, special, grid, layout, built.row_kinds, known_departments)
    if len(layout.levels) <= 1 and not special:
        findings += named_items(tree, rows, layout.title or grid.title or display_name(path.stem))
    roots = [node["points"] if "weight" not in node else node["weight"] for node in tree if node not in special]
    total = sum((Decimal(str(p)) for p in roots), Decimal(0)) if all(p is not None for p in roots) else built.total_row
    # two tables on the sheet: each title names its own top-level level, the system is named after the file
    title = (layout.title if built.tables == 1 else "") or grid.title or display_name(path.stem)
    year = re.search(r"(20\d\d)\s*年", title)
    data = {
        "title": title,
        "year": int(year.group(1)) if year else None,
        "total_points": json_number(total) if not pass_fail else None,
        "tree": tree,
    }
    findings += check_system(data, set(known_departments), rows, pass_fail)
    budget.check()
    for item in items:
        item.pop("_row", None)
    order = {"error": 0, "warning": 1, "info": 2}
    findings = sorted(grouped(findings), key=lambda f: order[f.severity])
    return ImportResult(data, layout, grid, findings, proposals, options, dict(built.row_kinds), built.later_headers)


def _inferred_finding(layout: Layout) -> Finding:
    read = "，".join(f"{c.index + 1}:{c.describe}" for c in layout.columns if c.role not in ("extra", "ignore"))
    return Finding(
        "warning",
        "",
        f"没有找到表头，各列的用途按内容推断（{read}）；如不对，可在导入向导的“表格的行”页指明表头所在行或各列的用途"
        "（命令行：--header-row 行号、--role 列号=用途）",
    )


def _unnamed(header: str) -> bool:
    """A column the header row leaves blank ("第5列")."""
    return re.fullmatch(r"第\d+列", header) is not None


def system_key(path: Path, options: ImportOptions | None = None) -> str:
    """The key a file's system is stored under: its name and the start of its SHA-256, so the same file
    imported twice is recognised and a changed file with the same name is not; a file read with the person's
    corrections (``options``) gets their digest too — the same table read differently is another system."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    key = f"import:{display_name(path.name)}:{digest}"
    if options is not None and options != ImportOptions():
        roles, kinds = sorted(options.roles.items()), sorted(options.row_kinds.items())
        said = repr((options.sheet, options.header_rows, roles, kinds))
        key += ":" + hashlib.sha256(said.encode()).hexdigest()[:8]
    return key


def system_data(result: ImportResult, accept: bool = False) -> dict[str, Any]:
    """The system to store: refuses while errors stand, unless accepted (duplicate codes get a suffix)."""
    if result.errors and not accept:
        first = result.errors[0]
        more = f"（另有 {len(result.errors) - 1} 个错误）" if len(result.errors) > 1 else ""
        raise ImportRefused(
            f"{first.row} {first.message}{more}; fix the table or accept the findings".strip(),
            f"{first.row} {first.message}{more}；请修改表格，或确认接受这些问题".strip(),
            "findings",
            {"errors": len(result.errors)},
        )
    data = dict(result.data)
    seen: dict[str, int] = {}
    for item in all_items(data["tree"]):
        seen[item["code"]] = seen.get(item["code"], 0) + 1
        if seen[item["code"]] > 1:
            item["code"] = f"{item['code']}-{seen[item['code']]}"
        if item.get("points") is None:
            item["points"] = 0
    return data
