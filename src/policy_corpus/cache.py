"""The parse cache: raw SHA-256 plus parser version → a parsed record or a reject.

It lives outside the published folder (by default `~/.cache/policy-corpus`) and doubles as the
build's spool: parsed records wait here, compressed, until the writer streams them out in id
order, so memory does not grow with the corpus. Payloads are pickled plain dicts (the records
were validated when parsed); the cache is private to this user and machine, like pip's.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
import time
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pyarrow as pa

#: Modules whose code decides what a raw file parses to; editing any of them re-parses everything.
PARSER_MODULES = ("errors", "models", "patterns", "read", "normalise", "segment", "extract", "regions", "validate", "pipeline",
                  "dedup", "jobs", "cache")
#: Packages whose data or behaviour the parse depends on.
PARSER_DEPENDENCIES = ("opencc", "cpca", "pydantic", "datasketch", "charset-normalizer", "numpy", "xxhash")
#: Entries of other parser versions are deleted once unused for this long (another checkout may share the cache).
KEEP_OTHER_VERSIONS_DAYS = 30
_CODEC = pa.Codec("zstd", compression_level=1)


@cache
def parser_version() -> str:
    """A hash of the rule code and the versions of the packages it relies on."""
    h = hashlib.sha256()
    pkg = resources.files("policy_corpus")
    for name in PARSER_MODULES:
        h.update(name.encode() + b"\0" + (pkg / f"{name}.py").read_bytes() + b"\0")
    for dep in PARSER_DEPENDENCIES:
        h.update(f"{dep}=={metadata.version(dep)}\0".encode())
    # NFKC and character classes follow the interpreter's Unicode database
    h.update(f"unicode=={unicodedata.unidata_version}\0python=={sys.version_info[:2]}\0".encode())
    return h.hexdigest()[:16]


def default_cache_dir() -> Path:
    """`$POLICY_CORPUS_CACHE`, else `$XDG_CACHE_HOME/policy-corpus`, else `~/.cache/policy-corpus`."""
    if os.environ.get("POLICY_CORPUS_CACHE"):
        return Path(os.environ["POLICY_CORPUS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policy-corpus"


def encode(value: Any) -> bytes:
    """Pickle and compress one payload (size prefix first, as zstd needs it to decompress)."""
    raw = pickle.dumps(value, protocol=5)
    return len(raw).to_bytes(8, "little") + _CODEC.compress(raw, asbytes=True)


def decode(blob: bytes) -> Any:
    """The inverse of `encode`."""
    size = int.from_bytes(blob[:8], "little")
    return pickle.loads(_CODEC.decompress(blob[8:], decompressed_size=size, asbytes=True))


@dataclass(frozen=True)
class Entry:
    """What the cache knows of one raw file's bytes."""

    status: str  # "ok" or the stage of a reject
    payload: bytes  # encoded record dict, or the reject reason as UTF-8
    digest: bytes | None  # hash of the record's text, for exact duplicates
    day: int | None  # proleptic ordinal of the record's date, for "earliest" among duplicates
    signature: bytes | None  # MinHash values, for near duplicates


class ParseCache:
    """A SQLite file of entries per parser version (`parsed-VERSION.sqlite`); the main process is its only writer.

    One file per version lets checkouts with different rules share the cache folder without
    evicting each other's entries.
    """

    def __init__(self, folder: Path, version: str | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.version = version or parser_version()
        self.path = folder / f"parsed-{self.version}.sqlite"
        self.db = sqlite3.connect(self.path, timeout=60)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS parsed (version TEXT, sha256 TEXT, status TEXT, payload BLOB,"
            " digest BLOB, day INTEGER, signature BLOB, PRIMARY KEY (version, sha256))"
        )
        self._pending: list[tuple] = []

    def has(self, sha256: str) -> bool:
        q = "SELECT 1 FROM parsed WHERE version=? AND sha256=?"
        return self.db.execute(q, (self.version, sha256)).fetchone() is not None

    def keys(self, sha256: str) -> tuple[str, bytes | None, int | None, bytes | None]:
        """(status, digest, day, signature) without the payload."""
        q = "SELECT status, digest, day, signature FROM parsed WHERE version=? AND sha256=?"
        return self.db.execute(q, (self.version, sha256)).fetchone()

    def payload(self, sha256: str) -> bytes:
        q = "SELECT payload FROM parsed WHERE version=? AND sha256=?"
        return self.db.execute(q, (self.version, sha256)).fetchone()[0]

    def put(self, sha256: str, e: Entry) -> None:
        self._pending.append((self.version, sha256, e.status, e.payload, e.digest, e.day, e.signature))
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO parsed VALUES (?,?,?,?,?,?,?)", self._pending)
            self._pending.clear()

    def prune(self, keep_days: float = KEEP_OTHER_VERSIONS_DAYS) -> list[Path]:
        """Delete the files of other parser versions unused for `keep_days`; returns them."""
        self.path.touch()
        old = time.time() - keep_days * 86400
        gone = []
        for path in self.folder.glob("parsed-*.sqlite"):
            if path != self.path and path.stat().st_mtime < old:
                for extra in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                    extra.unlink(missing_ok=True)
                gone.append(path)
        return gone

    def close(self) -> None:
        self.flush()
        self.db.close()
