"""The reliability suite's shared pieces: the figures collector (written once the session ends)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.reliability.figures import Figures


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    collected = Figures()
    yield collected
    collected.write()
