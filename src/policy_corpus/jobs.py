"""The unit of work a worker runs: one raw file's bytes to a cache entry (a record or a reject).

Pure apart from reading the one file, so it runs the same in the main process, in a pool
worker, or in a datatrove task.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from . import dedup
from .cache import Entry, encode
from .errors import ParseError
from .pipeline import parse
from .read import read_raw


def parse_bytes(data: bytes, id: str) -> tuple[str, Entry]:
    """(sha256, entry) for one raw file's bytes: the record with its duplicate keys, or the reject."""
    sha = hashlib.sha256(data).hexdigest()
    try:
        article = parse(data, id=id, sha256=sha)
    except ParseError as exc:
        return sha, Entry(exc.stage, exc.reason.encode("utf-8"), None, None, None)
    except Exception as exc:  # a parser bug costs one file, reported, never the build
        return sha, Entry("internal", f"parser error {type(exc).__name__}: {exc}".encode(), None, None, None)
    digest, day, sig = dedup.keys(article.text, article.date)
    return sha, Entry("ok", encode(article.model_dump()), digest, day, sig)


def parse_path(job: tuple[str, str]) -> tuple[str, str, Entry]:
    """(file name, sha256, entry) for the file `job = (path, root)`; a read failure is a reject too."""
    path, root = Path(job[0]), Path(job[1])
    try:
        data = read_raw(path, root)
    except ParseError as exc:
        return path.name, "", Entry(exc.stage, exc.reason.encode("utf-8"), None, None, None)
    except OSError as exc:
        return path.name, "", Entry("read", f"cannot read: {exc.strerror}".encode(), None, None, None)
    sha, entry = parse_bytes(data, path.stem)
    return path.name, sha, entry


def warm_up() -> None:
    """Load the converters and the gazetteer once per worker, not once per file."""
    with contextlib.suppress(ParseError):
        parse("测试页面\n" + "网信工作是一项系统工程,必须坚持统筹协调,推动网络安全和信息化工作高质量发展。" * 2, id="warm-up")
