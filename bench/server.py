"""Several people on one PostgreSQL server (python -m bench server, or python -m bench.server to print the rows
alone): a throwaway cluster started with tools/pg_cluster.sh and stopped at the end.

- "a score edit on the server seen by a second client": client A sets 004's score, client B's watch hears it and B
  reads the score back; the median over 30 edits, against a bare psycopg NOTIFY round trip between two connections.
- "20 clients editing different items for a minute": 20 processes, each writing notes on an item of its own as its
  own person; afterwards the edits each made are counted against the audit rows under its name and the note stored.
  0 lost (a made edit with no row, or a stored note not its last) and 0 misattributed (a row under another's name).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import ROOT, Figure

EDITS = 30
CLIENTS = 20
SECONDS = float(os.environ.get("EGOV_BENCH_SERVER_SECONDS", "60"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cluster(folder: Path) -> str:
    """Start a throwaway cluster in ``folder``; its admin URL."""
    result = subprocess.run(
        [str(ROOT / "tools" / "pg_cluster.sh"), "start", str(folder), str(_free_port())], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"tools/pg_cluster.sh could not start a cluster: {result.stderr.strip()}")
    return result.stdout.strip().splitlines()[-1]


def _database(admin: str, name: str) -> str:
    """A new database on the cluster made a workspace (as ``server init`` does); its URL."""
    import psycopg

    from egov_desk.core.server_setup import initialise

    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}".encode())  # a name made here
    url = admin.rsplit("/", 1)[0] + f"/{name}"
    initialise(url, vault=Path(os.devnull))
    return url


def _notify_round_trip(url: str) -> float:
    """The median time from a NOTIFY on one connection to its arrival on another."""
    import psycopg

    times = []
    with psycopg.connect(url, autocommit=True) as listener, psycopg.connect(url, autocommit=True) as sender:
        listener.execute("LISTEN bench_round_trip")
        for number in range(EDITS + 3):
            start = time.perf_counter()
            sender.execute("SELECT pg_notify('bench_round_trip', %s)", (str(number),))
            next(iter(listener.notifies(timeout=5, stop_after=1)))
            times.append(time.perf_counter() - start)
    return statistics.median(times[3:])


def _seen_by_another(url: str, vault: Path) -> float:
    """The median time from A's score edit to B having heard it and read the new score."""
    from egov_desk.core.workspace import Workspace

    times = []
    with Workspace.connect(url, vault=vault) as a, Workspace.connect(url, vault=vault) as b:
        assessment = a.default_assessment().id
        watch = b.watch()
        assert watch is not None
        try:
            for number in range(EDITS + 3):
                score = {"score": (number % 5) / 2}
                start = time.perf_counter()
                a.set_input(assessment, "004", score)
                deadline = start + 5
                while not watch.changed():
                    if time.perf_counter() > deadline:
                        raise RuntimeError("a score edit was not heard within 5 s")
                    time.sleep(0.0005)
                if b.inputs(assessment).get("004") != score:
                    raise RuntimeError("the second client read another score than was written")
                times.append(time.perf_counter() - start)
        finally:
            watch.close()
    return statistics.median(times[3:])


def client(url: str, vault: str, code: str, name: str, seconds: str, start: str) -> None:
    """One of the 20: from START on, for SECONDS, notes on item CODE as NAME; prints how many it made."""
    from egov_desk.core.person import Person
    from egov_desk.core.workspace import Workspace

    made = 0
    with Workspace.connect(url, vault=Path(vault)) as workspace:
        workspace.set_person(Person(name))
        assessment = workspace.default_assessment().id
        time.sleep(max(0.0, float(start) - time.time()))
        until = time.time() + float(seconds)
        while time.time() < until:
            workspace.set_note(assessment, code, f"{name} {made}")
            made += 1
    print(made, flush=True)


def _many_clients(url: str, vault: Path) -> tuple[int, int, int, int, float]:
    """(edits made, audit rows, lost, misattributed, edits per second) of 20 clients in processes of their own."""
    from egov_desk.core.workspace import Workspace

    start = time.time() + 5  # every process connected before any writes
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    codes = [f"{n:03d}" for n in range(1, CLIENTS + 1)]
    arguments = [sys.executable, "-m", "bench.server", "client", url, str(vault)]
    processes = {
        code: subprocess.Popen(
            [*arguments, code, f"client{code}", str(SECONDS), str(start)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for code in codes
    }
    made = {code: int(process.communicate(timeout=SECONDS + 120)[0].split()[-1]) for code, process in processes.items()}
    lost = misattributed = rows = 0
    with Workspace.connect(url, vault=vault) as workspace:
        assessment = workspace.default_assessment().id
        notes = workspace.notes(assessment)
        for code in codes:
            entries = [e for e in workspace.audit(assessment, code) if e.action == "set_note"]
            rows += len(entries)
            mine = [e for e in entries if e.name == f"client{code}"]
            misattributed += len(entries) - len(mine)
            said = [e.after for e in mine]
            lost += made[code] - len(set(said) & {f"client{code} {n}" for n in range(made[code])})
            lost += notes.get(code) != f"client{code} {made[code] - 1}"
    total = sum(made.values())
    return total, rows, lost, misattributed, total / SECONDS


def bench_server(work: Path) -> list[Figure]:
    cluster = Path(tempfile.gettempdir()) / f"egov-bench-pg-{os.getpid()}"  # the server's account must reach it
    admin = _cluster(cluster)
    try:
        url = _database(admin, "bench_server")
        bare = _notify_round_trip(url)
        seen = _seen_by_another(url, work / "vault")
        made, rows, lost, misattributed, rate = _many_clients(url, work / "vault")
    finally:
        subprocess.run([str(ROOT / "tools" / "pg_cluster.sh"), "stop", str(cluster)], capture_output=True)
    return [
        Figure(
            "a score edit on the server seen by a second client",
            seen * 1000,
            bare * 1000,
            "ms",
            seen / bare,
            "≤ 1 s",
            seen <= 1,
            f"median of {EDITS}: A's write to B's watch hearing it and B reading it, vs a bare NOTIFY round trip",
        ),
        Figure(
            f"{CLIENTS} clients editing different items for {SECONDS:.0f} s: lost or misattributed",
            lost + misattributed,
            None,
            "edits",
            None,
            "0",
            lost + misattributed == 0,
            f"{made} edits made ({rate:.0f}/s), {rows} audit rows, {lost} lost, {misattributed} misattributed",
        ),
    ]


def main() -> None:
    from bench.__main__ import table

    work = Path(tempfile.mkdtemp(prefix="egov-bench-server-"))
    print(table(bench_server(work)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client(*sys.argv[2:8])
    else:
        main()
