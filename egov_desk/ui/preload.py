"""What the first paint needs that is not Qt, imported before PySide6 is.

PySide6 installs an import hook that reads the source of every module imported after it (to look for
``from __feature__ import …``): about a tenth of a millisecond per module, some thirty milliseconds of start-up for
the standard library's and our own modules. Imported first, they pass the hook by. Only Qt-free modules belong here;
tests/ui/test_first_paint_imports.py checks this module imports no Qt."""

from __future__ import annotations

import argparse  # noqa: F401
import contextlib  # noqa: F401
import ctypes  # noqa: F401
import dataclasses  # noqa: F401
import datetime  # noqa: F401
import decimal  # noqa: F401
import faulthandler  # noqa: F401
import importlib.resources  # noqa: F401
import json  # noqa: F401
import logging
import logging.handlers  # noqa: F401
import tempfile  # noqa: F401
import threading  # noqa: F401
import traceback  # noqa: F401

import platformdirs  # noqa: F401

import egov_desk.core.errors
import egov_desk.core.folder_layout
import egov_desk.core.points
import egov_desk.core.workspace_place
import egov_desk.logs
import egov_desk.paths
import egov_desk.render.singletons
import egov_desk.ui.first_screen.snapshot
import egov_desk.ui.startup_report  # noqa: F401
