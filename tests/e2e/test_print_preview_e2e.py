"""Print preview, driven by the keyboard on the real window. Every preview crashed the app until the dialog was
made to own its printer; a unit test with pytest-qt did not see it."""

from __future__ import annotations

import time

import pytest

from tests.e2e.desktop import App, Window, wait_until

pytestmark = pytest.mark.e2e

CHOOSER = "责任分解清单"  # "Department checklist": which department to print
PREVIEW = "打印预览|[Pp]rint [Pp]review"
TOOLBAR = 60  # rows of the preview's toolbar; the page number field there has a blinking cursor


def open_preview(app: App) -> Window:
    app.key("ctrl+p")
    app.wait_window(CHOOSER)
    app.key("Return")  # the whole unit, one section a department
    return app.wait_window(PREVIEW, timeout=30)


def test_print_preview_opens_pages_and_closes(app: App) -> None:
    preview = open_preview(app)
    app.assert_alive("the preview painted its first page")
    for _ in range(3):
        app.key("Next")  # PageDown
        app.assert_alive("PageDown in the print preview")
    app.key("End", "Home")
    app.key("Escape")
    app.wait_gone(PREVIEW)
    app.wait_main()
    time.sleep(0.5)  # a crash after the dialog is gone (the printer freed) shows within moments
    app.assert_alive("closing the print preview")
    assert preview.id not in [w.id for w in app.windows()]

    # and a second time: the first preview's printer and dialog are gone now
    open_preview(app)
    app.key("Escape")
    app.wait_gone(PREVIEW)
    app.assert_alive("the second print preview")


def test_print_preview_title_is_chinese(app: App) -> None:
    preview = open_preview(app)
    assert "打印预览" in preview.title


def test_page_down_turns_the_preview_page(app: App) -> None:
    preview = open_preview(app)
    time.sleep(1.0)  # let the first page paint
    first = app.pixels_below(preview, TOOLBAR)
    app.key("Next")
    wait_until(lambda: app.pixels_below(preview, TOOLBAR) != first, timeout=3, what="another page to show")
