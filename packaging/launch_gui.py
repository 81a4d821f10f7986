"""Entry point of the frozen GUI (PyInstaller): the same as ``python -m egov_desk``."""

from egov_desk.ui.app import run

run()
