"""File → Export: the department checklist (Word, PDF, print preview), the score sheet, the report; and reading
typed scores back from a score sheet. Writing runs off the UI thread; a failure leaves no file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from egov_desk.core.exports.files import safe_name
from egov_desk.core.messages import say
from egov_desk.ui.dialogs.choose import choose_one, save_path
from egov_desk.ui.language import ui_language
from egov_desk.ui.ops import Job

if TYPE_CHECKING:
    from egov_desk.ui.context import WindowContext


class Exports(QObject):
    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.parent)
        self.context = context
        self.last_result: Any = None
        self.last_error = ""
        self.last_preview: QDialog | None = None

    def _name(self, what: str, suffix: str) -> str:
        assessment = self.context.assessment
        return safe_name(f"{assessment.unit}{assessment.year}年{what}{suffix}")

    def default_department(self) -> str | None:
        """The 科室 the person is looking at (the tree's department filter), or None for all."""
        return self.context.default_department()

    def _department(self) -> tuple[bool, str | None]:
        everyone = self.tr("All departments (one section each)")
        names = [everyone, *self.context.departments()]
        choice = choose_one(
            self.context.parent,
            self.tr("Department checklist"),
            self.tr("Checklist for:"),
            names,
            self.default_department() or everyone,
        )
        return choice is not None, (None if choice in (None, everyone) else choice)

    def _target(self, title: str, name: str, pattern: str) -> Path | None:
        return save_path(self.context.parent, title, name, pattern)

    def run(self, title: str, work: Callable[[], Any], target: Path) -> Job:
        """Write ``target`` off the UI thread, with a busy indicator; report the outcome."""
        dialog = QProgressDialog(self.tr("Writing %1…").replace("%1", target.name), "", 0, 0, self.context.parent)
        dialog.setWindowTitle(title)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def done(result: Any) -> None:
            dialog.close()
            self.last_result = result
            self.context.status(self.tr("Written: %1").replace("%1", str(target)), 8000)

        def failed(error: BaseException) -> None:
            dialog.close()
            self.last_error = say(error, ui_language())
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                title,
                self.tr("%1 was not written: %2").replace("%1", target.name).replace("%2", self.last_error),
                QMessageBox.StandardButton.Ok,
                self.context.parent,
            )
            box.open()

        return self.context.runner.start(lambda _progress: work(), done, failed)

    # --- the menu's actions -----------------------------------------------------------------------

    def checklist(
        self, kind: str, department: str | None = None, target: Path | None = None, ask: bool = True
    ) -> Job | None:
        # The writers import python-docx, openpyxl, docxtpl and Qt's print support: loaded on first use.
        from egov_desk.core.exports.checklist import build_checklist
        from egov_desk.core.exports.run import write_checklist
        from egov_desk.render.printing import write_checklist_pdf
        from egov_desk.ui.print_preview import print_preview

        context = self.context
        if ask:
            ok, department = self._department()
            if not ok:
                return None
        checklist = build_checklist(context.workspace, context.assessment.id, department)
        if kind == "preview":
            dialog = print_preview(checklist, context.parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_preview = dialog
            dialog.open()
            return None
        suffix = ".pdf" if kind == "pdf" else ".docx"
        if target is None:
            name = self._name(f"责任分解清单{'-' + department if department else ''}", suffix)
            target = self._target(
                self.tr("Save the department checklist"),
                name,
                self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Word document (*.docx)"),
            )
            if target is None:
                return None
        chosen = target
        draw = write_checklist_pdf if kind == "pdf" else None
        return self.run(self.tr("Department checklist"), lambda: write_checklist(checklist, chosen, draw), chosen)

    def sheet(self, target: Path | None = None) -> Job | None:
        from egov_desk.core.exports.run import export

        target = target or self._target(
            self.tr("Save the score sheet"), self._name("自评得分表", ".xlsx"), self.tr("Excel workbook (*.xlsx)")
        )
        if target is None:
            return None
        workspace, assessment, chosen = self.context.workspace, self.context.assessment.id, target
        return self.run(self.tr("Score sheet"), lambda: export(workspace, assessment, "sheet", chosen), chosen)

    def report(self, target: Path | None = None) -> Job | None:
        from egov_desk.core.exports.run import Exported, export
        from egov_desk.render.charts import level_bars_png

        target = target or self._target(
            self.tr("Save the self-assessment report"),
            self._name("电子政务绩效自评报告", ".docx"),
            self.tr("Word document (*.docx)"),
        )
        if target is None:
            return None
        workspace, assessment, chosen = self.context.workspace, self.context.assessment.id, target

        def work() -> Exported:  # the chart from the database now, like the report's numbers
            return export(workspace, assessment, "report", chosen, chart=level_bars_png)

        return self.run(self.tr("Self-assessment report"), work, chosen)

    def import_sheet(self, path: Path | None = None) -> QMessageBox | None:
        """Read the scores typed into a score sheet, show what would change and what is refused, and apply only
        when the person agrees — as one undoable step."""
        from egov_desk.core.exports.score_import import read_scores
        from egov_desk.core.importers.grid import ImportRefused
        from egov_desk.core.messages import say

        context = self.context
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                context.parent,
                self.tr("Score sheet with typed scores"),
                str(Path.home()),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not name:
                return None
            path = Path(name)
        try:
            result = read_scores(context.workspace, context.assessment.id, path, language=ui_language())
        except (ImportRefused, OSError) as exc:  # ImportRefused carries its Chinese wording
            QMessageBox.warning(context.parent, self.tr("Score sheet"), say(exc, ui_language()))
            return None
        self.last_result = result
        lines = [f"{code}: {before or '—'} → {after}" for code, before, after in result.changed[:40]]
        if len(result.changed) > 40:
            lines.append("…")
        if result.refused:
            lines.append("")
            lines.append(self.tr("Refused (left as they are):"))
            lines += [f"{code}: {why}" for code, why in result.refused[:40]]
        box = QMessageBox(context.parent)
        box.setIcon(QMessageBox.Icon.Question if result.inputs else QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Score sheet"))
        if result.inputs:
            box.setText(self.tr("%n score(s) would change. Apply them?", "", len(result.changed)))
        else:
            box.setText(self.tr("The score sheet changes no score."))
        if len(lines) > 12:
            box.setDetailedText("\n".join(lines))
        else:
            box.setInformativeText("\n".join(lines))
        apply = None
        if result.inputs:
            apply = box.addButton(self.tr("Apply"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(apply)
        else:
            box.addButton(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        inputs = dict(result.inputs)

        def clicked(button: object) -> None:
            if button is apply:
                self._apply_scores(inputs)

        box.buttonClicked.connect(clicked)
        context.remember(box)
        box.open()
        return box

    def _apply_scores(self, inputs: dict[str, Any]) -> None:
        from egov_desk.core.changes import Changes
        from egov_desk.ui.undo import Step, push

        context = self.context
        assessment = context.assessment.id
        before = {code: context.shown_inputs().get(code) for code in inputs}  # what the person saw beside the preview

        def write(values: dict[str, Any], seen: dict[str, Any]) -> Changes:  # a value changed since: refused, all
            return context.workspace.set_inputs(assessment, values, expected=seen)

        text = self.tr("scores from a score sheet (%n)", "", len(inputs))
        step = Step(
            text,
            lambda: write(inputs, before),
            lambda: write(before, inputs),
            context.apply,
            context.report_failure,
        )
        if push(context.undo_stack, step):
            context.status(self.tr("%n score(s) read from the score sheet.", "", len(inputs)), 8000)
