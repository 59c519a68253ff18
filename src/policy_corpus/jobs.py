"""The unit of work a worker runs: one raw file's bytes to a cache entry (a record or a reject).

Pure apart from reading the one file, so it runs the same in the main process, in a pool
worker, or in a datatrove task. Every file gets a wall-clock limit: a page that would take
longer becomes a `timeout` reject naming the file, and the next file starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from . import dedup
from .cache import Entry, encode_record
from .errors import ParseError
from .parser.pipeline import parse
from .parser.read import check_name, read_raw
from .settings import PARSE_SECONDS  # wall-clock seconds one file may take (re-exported: the build's default)

#: The stage named by a reject for a file that overran its limit; such rejects are not cached.
TIMEOUT = "timeout"


class ParseTimeout(BaseException):
    """Raised inside the parse when its time is up; a BaseException so no `except Exception` swallows it."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ParseTimeout in this thread after `seconds` of wall time.

    SIGALRM interrupts Python code and the regular-expression engine alike (sre checks for
    signals while matching). Only the main thread receives signals, which is where pool workers
    and the in-process path run; elsewhere (a thread pool) the file runs unbounded.
    """
    usable = seconds and seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise ParseTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_bytes(data: bytes, id: str, limit: float | None = PARSE_SECONDS) -> tuple[str, Entry]:
    """(sha256, entry) for one raw file's bytes: the record with its duplicate keys, or the reject.

    `entry.seconds` is the CPU time the parse took, measured here so that callers (the hostile
    input tests, the benchmarks) judge the parser and not the machine's load.
    """
    sha = hashlib.sha256(data).hexdigest()
    started = time.process_time()
    try:
        with time_limit(limit):
            try:
                article = parse(data, id=id, sha256=sha)
            except ParseError as exc:
                entry = Entry(exc.stage, exc.reason.encode("utf-8"), None, None, None)
            except Exception as exc:  # a parser bug costs one file, reported, never the build
                entry = Entry("internal", f"parser error {type(exc).__name__}: {exc}".encode(), None, None, None)
            else:
                digest, day, sig = dedup.keys(article.text, article.date)
                entry = Entry("ok", encode_record(article), digest, day, sig)
    except ParseTimeout:
        entry = Entry(TIMEOUT, f"parse took longer than {limit:g} s of wall time; file skipped".encode(), None, None, None)
    return sha, replace(entry, seconds=time.process_time() - started)


def parse_path(job: tuple[str, str] | tuple[str, str, float | None]) -> tuple[str, str, Entry]:
    """(file name, sha256, entry) for the file `job = (path, root[, limit])`; a read failure is a reject too."""
    path, root = Path(job[0]), Path(job[1])
    limit = job[2] if len(job) > 2 else PARSE_SECONDS  # type: ignore[misc]
    try:
        check_name(path.name)
        data = read_raw(path, root)
    except ParseError as exc:
        return path.name, "", Entry(exc.stage, exc.reason.encode("utf-8"), None, None, None)
    except OSError as exc:
        return path.name, "", Entry("read", f"cannot read: {exc.strerror}".encode(), None, None, None)
    sha, entry = parse_bytes(data, path.stem, limit)
    return path.name, sha, entry


def warm_up() -> None:
    """Load the converters, the gazetteer and the MinHash code once per worker, not in the first file's time."""
    page = "测试页面\n" + "网信工作是一项系统工程,必须坚持统筹协调,推动网络安全和信息化工作高质量发展。" * 2
    parse_bytes(page.encode("utf-8"), "warm-up", limit=None)


def _ours(ppid: int, build_pid: int) -> bool:
    """This worker's parent is the build, or a forkserver the build started, and the build is alive."""
    import os

    try:
        os.kill(build_pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    if ppid == build_pid:
        return True
    try:  # Linux: the forkserver's own parent, field 4 of /proc/PID/stat
        return int(Path(f"/proc/{ppid}/stat").read_text().rsplit(")", 1)[1].split()[1]) == build_pid
    except (OSError, ValueError, IndexError):
        return True  # no /proc to ask: the parent watch below still ends an orphan within a second


def worker_init(parent_pid: int) -> None:
    """Pool worker set-up: warm up, and exit when the build's main process is gone.

    A killed main process cannot stop its workers (they are children of the forkserver), so
    each watches it and leaves on its own within a second.
    """
    import os

    from .deathsig import arm

    arm()  # the kernel kills this worker when its parent (the forkserver, or the build) exits, even mid-match
    ppid = os.getppid()  # the forkserver (or the main process), which exits with the main process
    if not _ours(ppid, parent_pid):  # the parent died before the kernel was asked: no signal will come
        os._exit(3)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != ppid:
                os._exit(3)
            try:
                os.kill(parent_pid, 0)
            except (ProcessLookupError, PermissionError):  # gone, or its pid reused by another user's process
                os._exit(3)

    threading.Thread(target=watch, name="policy-corpus-parent-watch", daemon=True).start()
    warm_up()
