"""A process that runs CLI commands one after another, each at a given moment, and reports each outcome.

Run as ``python -m tests.reliability.cli_runner PLAN.json``. The plan is ``{"start": EPOCH, "every": SECONDS,
"commands": [[arg, …], …]}``: command i runs at ``start + i * every`` (0: as fast as possible after start),
through ``egov_desk.cli.main`` in this process, so two runners hit one workspace at the same instant without
Python's start-up in between. Each command prints one JSON line: its index, exit status, stderr, and whether
it raised (a traceback is a crash).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import time
import traceback
from pathlib import Path


def main(plan_path: str) -> None:
    from egov_desk.cli import main as cli

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    for index, command in enumerate(plan["commands"]):
        wait = plan["start"] + index * plan["every"] - time.time()
        if wait > 0:
            time.sleep(wait)
        err, out = io.StringIO(), io.StringIO()
        raised = ""
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
                status = cli(command)
        except SystemExit as exc:  # argparse
            status = exc.code if isinstance(exc.code, int) else 2
        except BaseException:
            status, raised = 1, traceback.format_exc()
        line = {"index": index, "status": status, "stderr": err.getvalue() + raised, "crashed": bool(raised)}
        print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
