"""A writer process for test_crash.py: commits batches of inputs forever, saying which after each commit.

Run as ``python crash_writer.py WORKSPACE FIRST``. Batches are numbered from FIRST; batch n sets every item
in CODES to ``inputs_for(n)``;
the line "committed n" is printed only after batch n's transaction has committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

CODES = ("004", "008", "012", "013", "014", "015", "016", "017", "018", "022", "023", "024")


def inputs_for(batch: int) -> dict[str, dict[str, float]]:
    return {code: {"score": (batch % 4) * 0.5} for code in CODES}


def main(folder: str, first: int) -> None:
    from egov_desk.core.workspace import Workspace

    workspace = Workspace.open(Path(folder))
    assessment = workspace.default_assessment().id
    batch = first - 1
    while True:
        batch += 1
        workspace.set_inputs(assessment, inputs_for(batch))
        print(f"committed {batch}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
