"""One root for every error egov-desk raises on purpose: refused (exit 2), failed (exit 1) or cancelled."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import egov_desk
from egov_desk.cli import main
from egov_desk.core.errors import Cancelled, EgovError, Failure, Refused


def _our_exceptions() -> list[type[BaseException]]:
    found = []
    for module in pkgutil.walk_packages(egov_desk.__path__, "egov_desk."):
        if ".migrations." in module.name or module.name.endswith("__main__"):  # Alembic runs those
            continue
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == loaded.__name__
                and not name.startswith("_")  # control flow inside one function (``_Enough``, ``_BlobGone``)
            ):
                found.append(value)
    return found


def test_every_error_we_raise_on_purpose_has_one_root_and_says_if_it_was_refused_or_failed() -> None:
    exceptions = _our_exceptions()
    assert len(exceptions) > 15
    strays = [f"{e.__module__}.{e.__qualname__}" for e in exceptions if not issubclass(e, EgovError)]
    assert strays == [], "these errors are not EgovErrors"
    undecided = [
        e.__qualname__ for e in exceptions if e is not EgovError and not issubclass(e, (Refused, Failure, Cancelled))
    ]
    assert undecided == [], "each error is refused, failed or cancelled"


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        (["score", "--template", "no-such-template", "--inputs", "-"], 2),  # refused: the input's fault
        (["evidence", "list", "--workspace", "/nonexistent/egov-desk"], 1),  # failed: no workspace there
    ],
)
def test_the_command_line_exits_2_when_refused_and_1_when_failed(
    arguments: list[str], status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == status
    assert capsys.readouterr().err.startswith("egov-desk-cli: ")
