"""Run queries so that a timeout really stops them: a pool of killable evaluator processes.

pyoxigraph evaluates natively, holding no Python-visible checkpoints, so a Python thread
cannot cancel a query. Each web worker therefore keeps ``size`` pre-started evaluator
processes (``endpoint.evaluator``), each holding its own read-only store handle. A request
borrows one; when the deadline passes, the evaluator is SIGKILLed (the work stops with it)
and a replacement is started in the background. Nothing has been sent to the client yet,
because an evaluator returns only a fully serialised result.

With updates enabled the web worker is the single writer and evaluators read snapshots
of the store (``Store.backup``, hard links) refreshed after every write; see ``use_store``.
``InProcessRunner`` evaluates in the calling thread, without a hard timeout: it is for
in-memory stores (tests) only.
"""

from __future__ import annotations

import logging
import os
import pickle
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from endpoint.execute import Outcome, QueryJob, run_query

log = logging.getLogger("kotakg.endpoint")
_PROJECT_ROOT = str(Path(__file__).resolve().parent.parent)
_START_TIMEOUT = 120.0


class QueryTimeout(Exception):
    """The query ran past its deadline and its evaluator was killed."""


class Busy(Exception):
    """No evaluator became free before the deadline."""


class Evaluator:
    """One evaluator child process and this end of its socket."""

    def __init__(self, store_path: str):
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            p for p in (_PROJECT_ROOT, os.environ.get("PYTHONPATH")) if p))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "endpoint.evaluator", store_path, str(theirs.fileno())],
            pass_fds=(theirs.fileno(),), env=env, stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn = Connection(ours.detach())
        self.store_path = store_path

    def wait_ready(self) -> Outcome:
        """The child's first message: ready, or why it could not open the store."""
        if not self.conn.poll(_START_TIMEOUT):
            return Outcome(False, error="the query evaluator did not start", status=503)
        try:
            return pickle.loads(self.conn.recv_bytes())
        except (EOFError, OSError):
            return Outcome(False, error="the query evaluator exited at start", status=503)

    def kill(self) -> None:
        """Stop the child now, whatever it is doing, and reap it."""
        self.proc.kill()
        self.proc.wait()
        self.conn.close()


class ProcessPoolRunner:
    """A fixed-size pool of evaluator processes over the store at ``store_path``."""

    def __init__(self, store_path: str, size: int = 4, writer: ox.Store | None = None):
        """Start ``size`` evaluators; with a ``writer`` store they read snapshots of it."""
        self.size = size
        self._path = store_path
        self._idle: queue.Queue[Evaluator] = queue.Queue()
        self._lock = threading.Lock()
        self._live: set[Evaluator] = set()
        self._start_error: Outcome | None = None
        self._snapshots: Path | None = None
        self._closed = False
        if writer is not None:
            self.use_store(writer)
        for _ in range(size):
            self._replace()

    def run(self, job: QueryJob, timeout: float) -> Outcome:
        """Evaluate ``job`` within ``timeout`` seconds.

        :raises QueryTimeout: if it did not finish in time (its evaluator was killed).
        :raises Busy: if every evaluator stayed busy until the deadline.
        """
        deadline = time.monotonic() + timeout
        evaluator = self._borrow(deadline)
        if evaluator is None:
            raise Busy(self._start_error.error if self._start_error else
                       "every query evaluator is busy; try again shortly")
        job.store_path = self._path
        try:
            evaluator.conn.send_bytes(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
            if not evaluator.conn.poll(max(0.0, deadline - time.monotonic())):
                self._discard(evaluator)
                raise QueryTimeout(f"the query did not finish within {timeout:g} s "
                                   "and was stopped")
            outcome: Outcome = pickle.loads(evaluator.conn.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            self._discard(evaluator)
            return Outcome(False, status=503, error="the query evaluator stopped unexpectedly "
                           "(the query may need more memory than this server allows)")
        evaluator.store_path = self._path
        self._idle.put(evaluator)
        self._collect_snapshots()
        return outcome

    def _borrow(self, deadline: float) -> Evaluator | None:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (self._start_error and not self._live):
                return None
            try:
                return self._idle.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue

    def _discard(self, evaluator: Evaluator) -> None:
        with self._lock:
            self._live.discard(evaluator)
        evaluator.kill()
        self._replace()

    def _replace(self) -> None:
        """Start one evaluator in the background; it joins the idle queue once ready."""
        threading.Thread(target=self._start_one, daemon=True).start()

    def _start_one(self) -> None:
        if self._closed:
            return
        evaluator = Evaluator(self._path)
        ready = evaluator.wait_ready()
        if not ready.ok:
            log.error("query evaluator: %s", ready.error)
            self._start_error = ready
            evaluator.kill()
            return
        with self._lock:
            if self._closed:
                evaluator.kill()
                return
            self._live.add(evaluator)
        self._idle.put(evaluator)

    def ready(self) -> tuple[bool, str]:
        """Whether an evaluator is up (and if not, why): /health reports it."""
        if self._live:
            return True, ""
        if self._start_error:
            return False, self._start_error.error
        return False, "starting: no query evaluator is ready yet"

    def use_store(self, store: ox.Store) -> None:
        """After a write: snapshot ``store`` and point evaluators at the snapshot.

        Evaluators cannot open a store that a writer holds, so they read a checkpoint
        (hard-linked files, cheap); each reopens the newest one on its next query.
        """
        if self._snapshots is None:
            # Beside the store: same filesystem, so a checkpoint is hard links, not a copy.
            origin = Path(self._path)
            self._snapshots = origin.parent / f".{origin.name}.snapshots-{os.getpid()}"
            self._snapshots.mkdir(parents=True, exist_ok=True)
        target = self._snapshots / f"{time.time_ns()}"
        store.flush()
        store.backup(str(target))
        self._path = str(target)
        self._collect_snapshots()

    def _collect_snapshots(self) -> None:
        """Delete snapshots that neither the pool nor any live evaluator still reads."""
        if self._snapshots is None:
            return
        with self._lock:
            in_use = {e.store_path for e in self._live} | {self._path}
        for child in self._snapshots.iterdir():
            if str(child) not in in_use:
                shutil.rmtree(child, ignore_errors=True)

    def close(self) -> None:
        """Kill every evaluator and remove the snapshots."""
        self._closed = True
        with self._lock:
            live, self._live = list(self._live), set()
        for evaluator in live:
            evaluator.kill()
        if self._snapshots is not None:
            shutil.rmtree(self._snapshots, ignore_errors=True)


class InProcessRunner:
    """Evaluate in the calling thread. No hard timeout: for in-memory stores in tests."""

    def __init__(self, store: ox.Store):
        self.store = store

    def run(self, job: QueryJob, timeout: float) -> Outcome:
        """Evaluate ``job`` now; ``timeout`` is not enforced here."""
        return run_query(self.store, job)

    def ready(self) -> tuple[bool, str]:
        """Always ready."""
        return True, ""

    def use_store(self, store: ox.Store) -> None:
        """Nothing to refresh: queries read the live store."""

    def close(self) -> None:
        """Nothing to release."""
