"""An evaluator process: holds a read-only store handle and answers queries over a socket.

pyoxigraph evaluates natively and cannot be interrupted from Python, so the only way to
really stop a runaway query is to kill the process running it. Each web worker keeps a few
of these (``endpoint.query_runner.ProcessPoolRunner``) and replaces any it kills.

Run as ``python -m endpoint.evaluator STORE_PATH FD``: FD is this end of a socket pair.
Messages are pickles framed by ``multiprocessing.connection``; the parent is trusted.
"""

from __future__ import annotations

import os
import pickle
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from endpoint.execute import Outcome, QueryJob, run_query


def serve_forever(store_path: str, conn: Connection) -> None:
    """Open the store, say so, then answer each ``QueryJob`` until the parent goes away."""
    try:
        store = ox.Store.read_only(store_path)
    except OSError as e:
        conn.send_bytes(pickle.dumps(Outcome(False, error=f"cannot open the store: {e}",
                                             status=503)))
        return
    conn.send_bytes(pickle.dumps(Outcome(True, kind="ready")))
    while True:
        try:
            job: QueryJob = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return  # the web worker exited: so do we
        try:
            if job.store_path and job.store_path != store_path:
                # A writer made a newer snapshot: read that one from now on.
                store, store_path = ox.Store.read_only(job.store_path), job.store_path
            outcome = run_query(store, job)
        except Exception as e:  # noqa: BLE001 - report, never die silently mid-request
            outcome = Outcome(False, error=f"internal error while evaluating: {e}", status=500)
        conn.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))


def main(argv: list[str]) -> None:
    """Entry point: ``STORE_PATH FD``."""
    store_path, fd = argv[0], int(argv[1])
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    serve_forever(store_path, Connection(fd))


if __name__ == "__main__":
    main(sys.argv[1:])
