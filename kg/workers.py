"""Processes of a build besides its own: how they start and how work is run in one.

The extraction's worker pool (:mod:`kg.nlp`) and the page's process (:mod:`kg.pipeline`)
start through :func:`start_worker`.  Nothing here imports spaCy, so a process that only
draws the page starts in a fraction of a second.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from kg.errors import KGError

T = TypeVar("T")


def start_worker() -> None:
    """Set up a worker process: Ctrl-C is the parent's to handle, and the worker leaves
    when its parent is gone."""
    # Ctrl-C reaches the whole process group: the parent alone handles it and stops its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A killed build (SIGKILL) cannot stop its workers: each leaves when its parent is gone
    # rather than work on for nobody.
    parent = os.getppid()

    def leave_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=leave_with_parent, name="kg-parent-watch", daemon=True).start()


def run_in_process(function: Callable[..., T], *args: Any, what: str) -> T:
    """``function(*args)`` run in a new process, its result returned and its exception
    raised here.  What the process allocated goes back to the system when it ends, so a
    stage with a high peak of its own does not add it to this process's.

    ``function`` must be importable by name from a module that does not import spaCy,
    or the new process pays for that import.  ``what`` names the work in errors.
    """
    context = multiprocessing.get_context("spawn")  # not fork: this process has threads (RocksDB's, the progress bar's)
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(send, function, args), name=f"kg {what}", daemon=True)
    process.start()
    send.close()
    try:
        try:
            succeeded, value = receive.recv()
        except EOFError:
            process.join()
            raise KGError(f"the process {what} stopped with exit code {process.exitcode} (out of memory?)") from None
        process.join()
    except BaseException:
        process.terminate()  # Ctrl-C or an error here: the work is not wanted any more
        process.join()
        raise
    finally:
        receive.close()
    if not succeeded:
        raise value
    return value


def _run(send: Connection, function: Callable[..., Any], args: tuple) -> None:
    start_worker()
    try:
        outcome = (True, function(*args))
    except Exception as error:  # noqa: BLE001 — raised again in the parent, with where it came from
        if not isinstance(error, KGError):
            error.add_note("in the worker process:\n" + traceback.format_exc().rstrip())
        outcome = (False, error)
    try:
        send.send(outcome)
    except Exception as error:  # noqa: BLE001 — a result or an exception that cannot be pickled
        send.send((False, KGError(f"{outcome[1]!r} (could not be sent back from the worker: {error})")))
    send.close()
