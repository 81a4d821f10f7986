"""The README's screenshots of the yearly cycle: the review bar, a final assessment, the carry-over matching, the
待办 tab, 历年对比 and the history dock, on a virtual 1366×768 or 1024×768 screen (``-1024`` in the name).

    python tools/cycle_shots.py docs        (tools/screenshots.py runs it on both screens)

Run inside an X display (tools/screenshots.py starts Xvfb). The demo workspace is reviewed and signed off through the
core, as people would in the window, then each view is opened as the menu would open it.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shoot(out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from egov_desk.core.deadlines import set_deadline
    from egov_desk.core.demo import create_demo_workspace
    from egov_desk.core.person import Person
    from egov_desk.core.review import approve, return_items, submit
    from egov_desk.core.sign_off import finalize, set_stage
    from egov_desk.core.workspace import Workspace
    from egov_desk.ui.app import create_app
    from egov_desk.ui.comparison_window import open_comparison
    from egov_desk.ui.dialogs.new_assessment import NewAssessmentDialog
    from egov_desk.ui.dialogs.person import remember_person
    from egov_desk.ui.main_window import MainWindow
    from tests.core.test_carry_over import last_year

    small = os.environ.get("SHOT_SCREEN", "1366").startswith("1024")
    suffix = "-1024" if small else ""
    home = Path(tempfile.mkdtemp(prefix="egov-cycle-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    app = create_app(["egov-desk"], "zh_CN")
    demo = create_demo_workspace(home / "demo")
    leader, reviewer = Person("王五", "leader"), Person("李四", "reviewer")
    demo.set_person(leader)
    entered = list(demo.inputs(1))
    submit(demo, 1, entered[:8])
    return_items(demo, 1, [entered[0]], "请补充经费备案表和会议纪要，扫描件需盖章")
    approve(demo, 1, entered[1:6])
    set_deadline(demo, 1, date(2019, 11, 30), department="计财科")
    later = demo.create_assessment(1, "市教育局", 2020).assessment_id
    for code, value in demo.inputs(1).items():
        if code not in ("021", "005"):
            demo.set_input(later, code, value)
    demo.set_input(later, "021", {"numerator": 9, "denominator": 9})
    demo.set_input(later, "005", {"yes": False})
    demo.set_person(reviewer)
    remember_person(demo.store.actor, reviewer)  # as if 李四 had said who they are in 我的身份
    window = MainWindow(demo, demo=True)
    window.setGeometry(QApplication.primaryScreen().availableGeometry())
    window.show()
    window.runner.synchronous = True
    window.select_item(entered[0])
    kept: list[object] = [window]

    def grab(name: str, widget: object | None = None) -> None:
        picture = widget.grab() if widget is not None else QApplication.primaryScreen().grabWindow(0)  # type: ignore[attr-defined]
        picture.save(str(out / f"{name}{suffix}.png"))

    def worklist() -> None:
        window.tabs.setCurrentWidget(window.worklist)
        window.worklist.refresh()

    def history() -> None:
        window.tabs.setCurrentIndex(0)
        window.select_item("021")
        demo.set_input(1, "021", {"numerator": 8, "denominator": 10})
        window.apply(demo.changes_since(1, window.inputs, window.notes))
        window.history.toggle.trigger()

    def comparison() -> None:
        window.history.toggle.trigger()
        window.switch_to_assessment(later)
        shown = open_comparison(window.context)
        shown.setGeometry(QApplication.primaryScreen().availableGeometry())
        kept.append(shown)

    def final() -> None:
        kept[-1].close()  # type: ignore[attr-defined]
        window.switch_to_assessment(1)
        demo.set_person(leader)
        set_stage(demo, 1, "review")
        window.apply(finalize(demo, 1, force=True).changes)
        window.review.reload()
        window.select_item(entered[2])

    def carry_over() -> None:
        window.close()
        fresh = Workspace.open(home / "ws")
        last_year(fresh, home)
        other = MainWindow(fresh)
        other.setGeometry(QApplication.primaryScreen().availableGeometry())
        other.show()
        other.runner.synchronous = True
        dialog = NewAssessmentDialog(fresh, other)
        dialog.source.setCurrentIndex(dialog.source.findData(1))
        dialog.show()
        dialog.accept()
        kept.extend([fresh, other, dialog])

    steps: list[tuple[str, Callable[[], object]]] = [
        ("review-bar", lambda: None),
        ("worklist", worklist),
        ("history", history),
        ("comparison", comparison),
        ("final", final),
        ("carry-over", carry_over),
    ]

    def run(index: int = 0) -> None:
        if index == len(steps):
            app.exit(0)
            return
        name, action = steps[index]
        action()
        QTimer.singleShot(1200, lambda: (grab(name), run(index + 1)))

    QTimer.singleShot(800, run)
    app.exec()
    for thing in kept:
        if isinstance(thing, Workspace):
            thing.close()
    demo.close()
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    shoot(target)
    print(f"saved the yearly cycle's screenshots in {target}")
