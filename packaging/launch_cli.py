"""Entry point of the frozen command line (PyInstaller): the same as ``python -m egov_desk.cli``."""

from egov_desk.cli import main

raise SystemExit(main())
