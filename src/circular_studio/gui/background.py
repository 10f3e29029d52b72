"""Work that may be long (building a language version, checking the letter) runs off the GUI
thread, so the editor answers clicks and keys whatever the letter holds.

``Background.run(key, fn, *args)`` starts ``fn`` in a worker thread the first time ``key`` is
asked for, then waits a little (``WAIT_S``): a normal letter is built and checked within it and
the caller goes on as if the work were done in place; a hostile or huge one is not (and once a
job of a kind has been long, the next of that kind is not waited for at all): the caller
gets ``PENDING``, shows what it has, and ``finished`` tells it when to ask again (the result is
then ready at once). Keys carry the draft's revision: a job of an older revision still running
is left to finish, and forgotten; one not yet started is cancelled.
"""
from __future__ import annotations

import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout

from PySide6.QtCore import QObject, Signal

# how long the GUI thread waits for a result before showing what it has, by kind of job: a
# normal letter is built within it (the page follows the typing as if built in place)
WAIT_S = {"build": 0.1, "check": 0.05}

PENDING = object()

# One worker per kind of job for the whole application ("build": a language version for the
# preview, "check": the checks): a long check never delays the preview of the next keystroke, and
# a hostile letter's job never delays the window, only later jobs of its kind.
_POOLS: dict[str, ThreadPoolExecutor] = {}


def _pool(kind: str) -> ThreadPoolExecutor:
    if kind not in _POOLS:
        _POOLS[kind] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"circular-studio-{kind}")
    return _POOLS[kind]

# The worker and the GUI thread share the interpreter lock: hand it over every millisecond (the
# default is 5 ms) so that a click waits for the worker as little as possible.
sys.setswitchinterval(0.001)


class Background(QObject):
    finished = Signal()  # a job is done: ask again

    def __init__(self, parent=None, wait_s: dict[str, float] | None = None):
        super().__init__(parent)
        self.wait_s = dict(wait_s or WAIT_S)
        self._jobs: dict[tuple, Future] = {}
        self._seconds: dict[str, float] = {}  # how long the last job of each kind took

    def run(self, key: tuple, fn, *args, wait: bool = False, fresh: bool = False):
        """The result of ``fn(*args)`` (its exception re-raised), or PENDING. ``key[0]`` is the
        kind of job, ``key[1]`` the draft revision it works on; the same key gives the same
        result without running again. ``wait``: block until done (an export must know the
        findings); ``fresh``: run again even if a result for the key is there."""
        job = self._jobs.get(key)
        if job is not None and fresh and job.done():
            job = None
        if job is None:
            self._forget(keep_revision=key[1])
            job = _pool(key[0]).submit(self._timed, key[0], fn, *args)
            job.add_done_callback(self._done)
            self._jobs[key] = job
        # the last job of this kind was long (a hostile or huge letter): do not wait at all
        patience = self.wait_s.get(key[0], 0.05)
        timeout = None if wait else (patience if self._seconds.get(key[0], 0.0) <= patience else 0.0)
        try:
            return job.result(timeout=timeout)
        except FutureTimeout:
            return PENDING

    def pending(self) -> bool:
        return any(not job.done() for job in self._jobs.values())

    def clear(self) -> None:
        self._forget(keep_revision=None)

    def _forget(self, keep_revision) -> None:
        for key in [k for k in self._jobs if k[1] != keep_revision]:
            self._jobs.pop(key).cancel()  # a job already running finishes and is dropped

    def _timed(self, kind: str, fn, *args):
        start = time.monotonic()
        try:
            return fn(*args)
        finally:
            self._seconds[kind] = time.monotonic() - start

    def _done(self, job: Future) -> None:  # in the worker thread: the signal is queued
        if job.cancelled():
            return
        try:
            self.finished.emit()
        except RuntimeError:  # the window was closed meanwhile
            pass
