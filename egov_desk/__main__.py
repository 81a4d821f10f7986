"""``python -m egov_desk`` starts the GUI; ``python -m egov_desk.cli`` is the command line."""

from egov_desk.ui.app import run

run()
