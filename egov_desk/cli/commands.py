"""The command line's commands by name: which module registers each and the line the top-level help shows.

Only the command a person runs has its module imported and its options built (:func:`egov_desk.cli.build_parser`);
the others are listed by these words alone, so `score` pays for neither the workspace's modules nor 68 parsers.
A module may register more than one command (``evidence`` and ``verify``).
"""

from __future__ import annotations


class Command:
    """A plain class, not a NamedTuple: this module is read before Ctrl+C is handled (see main), without typing."""

    __slots__ = ("help", "module", "name", "register")

    def __init__(self, name: str, module: str, register: str, help: str) -> None:
        self.name = name
        self.module = module  # under egov_desk.cli
        self.register = register  # the module's function that adds the command (and its sub-commands) to a parser
        self.help = help


COMMANDS = (
    Command("template", "template", "add_template_commands", "built-in and JSON indicator systems"),
    Command("score", "scoring", "add_score_commands", "score an inputs file against a system; touches no workspace"),
    Command("import", "importing", "add_import_commands", "read an indicator table (.docx/.xlsx) with proposed rules"),
    Command("workspace", "workspace", "add_workspace_commands", "work on a workspace folder"),
    Command(
        "assessment", "assessment", "add_assessment_commands", "the assessment's unit, year, title, filled-in-by, date"
    ),
    Command("backup", "backup", "add_backup_commands", "copies of the workspace database: create, list, restore"),
    Command("evidence", "evidence", "add_evidence_commands", "evidence files (佐证材料)"),
    Command(
        "verify", "evidence", "add_evidence_commands", "re-hash every stored file; report missing, corrupt, orphaned"
    ),
    Command(
        "export", "export", "add_export_commands", "write the checklist (.docx/.pdf), score sheet, report or package"
    ),
    Command(
        "import-scores",
        "import_scores",
        "add_import_scores_commands",
        "read self-scores typed into a score sheet's 自评得分 column",
    ),
    Command("system", "system", "add_system_commands", "the workspace's indicator systems: list, export, new versions"),
    Command(
        "worklist",
        "worklist",
        "add_worklist_commands",
        "what is still to do: items not scored, materials missing or not checked, files in doubt, "
        "items returned or overdue, last year's materials to confirm",
    ),
    Command(
        "deadline",
        "deadline",
        "add_deadline_commands",
        "the optional deadlines of the assessment, a department, an item",
    ),
    Command("review", "review", "add_review_commands", "submit, return or approve items (review status)"),
    Command("audit", "audit", "add_audit_commands", "the change history: who changed what when (修改记录)"),
    Command(
        "package",
        "package",
        "add_package_commands",
        "department work packages (.egovpkg): a department's items to fill in on its own PC",
    ),
    Command(
        "server", "server", "add_server_commands", "a workspace on a PostgreSQL server (服务器): init, upgrade, check"
    ),
    Command("scan", "scan", "add_scan_commands", "scan pages into an item's evidence as one PDF (扫描)"),
    Command("ocr", "ocr", "add_ocr_command", "read the text of attached files not read yet (offline OCR)"),
    Command("search", "search", "add_search_command", "search the text of the evidence files (材料内容)"),
)


def chosen(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the top level has only ``-h`` and
    ``--version``, which take no value), when it is one of :data:`COMMANDS`."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if any(command.name == first for command in COMMANDS) else None
