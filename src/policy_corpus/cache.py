"""The parse cache: raw SHA-256 plus parser version → a parsed record or a reject.

It lives outside the published folder (by default `~/.cache/policy-corpus`) and doubles as the
build's spool: parsed records wait here, compressed, until the writer streams them out in id
order, so memory does not grow with the corpus.

The cache is data, never code: records are stored as JSON (no pickle), and every record read
back is validated again through the models and the corpus rules, so an edited entry is
re-parsed instead of published. The folder must be private to this user: one that another user
owns, or that group or others can write, is refused.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import sqlite3
import stat
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import xxhash

from .dedup import NUM_PERM, text_digest

#: Modules whose code decides what a raw file parses to (with every module of the `parser`
#: subpackage); editing any of them re-parses everything.
PARSER_MODULES = ("errors", "models", "dedup", "jobs", "cache")
#: Packages whose data or behaviour the parse depends on.
PARSER_DEPENDENCIES = ("opencc", "cnloc", "pyahocorasick", "pydantic", "charset-normalizer", "numpy", "xxhash")
#: Entries of other parser versions are deleted once unused for this long (another checkout may share the cache).
KEEP_OTHER_VERSIONS_DAYS = 30
#: Parsed entries are committed at least this often, so a killed build resumes where it stopped.
COMMIT_SECONDS = 2.0
_CODEC = pa.Codec("zstd", compression_level=1)
#: Largest decompressed payload accepted from the cache (a record is at most a few MB of text).
MAX_PAYLOAD = 64 * 1024 * 1024


class CacheError(ValueError):
    """The cache folder or an entry in it cannot be trusted."""


def parser_version() -> str:
    """A hash of the rule code and the versions of the packages it relies on."""
    h = hashlib.sha256()
    pkg = resources.files("policy_corpus")
    stages = sorted(p.name for p in (pkg / "parser").iterdir() if p.name.endswith(".py"))
    for name in [*PARSER_MODULES, *(f"parser/{n[:-3]}" for n in stages)]:
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


def encode(value: bytes) -> bytes:
    """Compress one payload (size prefix first, as zstd needs it to decompress)."""
    return len(value).to_bytes(8, "little") + _CODEC.compress(value, asbytes=True)


def decode(blob: bytes) -> bytes:
    """The inverse of `encode`; CacheError for a blob that is not one."""
    if not isinstance(blob, bytes) or len(blob) < 8:
        raise CacheError("payload is not an encoded blob")
    size = int.from_bytes(blob[:8], "little")
    if size > MAX_PAYLOAD:
        raise CacheError(f"payload claims {size} bytes")
    try:
        return _CODEC.decompress(blob[8:], decompressed_size=size, asbytes=True)
    except (pa.ArrowException, ValueError) as exc:
        raise CacheError(f"payload does not decompress: {exc}") from None


def encode_record(article: Any) -> bytes:
    """A validated Article as compressed JSON: data that cannot run code when read back."""
    return encode(article.model_dump_json().encode("utf-8"))


def _fingerprint(blob: bytes) -> bytes:
    return xxhash.xxh3_128_digest(blob)


def decode_record(blob: bytes, checked: bool = False) -> dict[str, Any]:
    """A cached record as plain Python values, validated again through the model and the corpus rules.

    CacheError when the entry is not a valid record (edited, truncated, or from a bug), so no
    cache content reaches the output without passing the same checks as a fresh parse. `checked`
    says these very bytes already passed the corpus rules in this build (see `ParseCache.record`):
    the model still types them, the rules are not run twice.
    """
    from pydantic import ValidationError

    from .models import Article
    from .parser.validate import check_article

    try:
        article = Article.model_validate_json(decode(blob))
    except ValidationError as exc:
        raise CacheError(f"entry is not a valid record ({exc.error_count()} error(s))") from None
    problems = [] if checked else check_article(article)
    if problems:
        raise CacheError(f"entry breaks the corpus rules: {problems[0]}")
    record = article.model_dump()
    if record["published_at"] is not None:  # JSON keeps the offset; the record's zone is Beijing time
        record["published_at"] = record["published_at"].astimezone(_beijing())
    return record


@cache
def _beijing() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    from .schema import TIMEZONE

    return ZoneInfo(TIMEZONE)


def verify_entry(job: tuple[str, Any, Any, Any, bytes]) -> bytes | None:
    """The fingerprint of a cached record that reads back valid, belongs to these raw bytes and carries the
    duplicate keys of its own text; None for any other entry. Pure, so the build runs it in its workers."""
    sha256, digest, day, signature, blob = job
    try:
        check_keys(digest, day, signature)
        record = decode_record(blob)
        if record["raw_sha256"] != sha256:
            raise CacheError("record belongs to other raw bytes")
        if text_digest(record["text"]) != digest or (record["date"].toordinal() if record["date"] else None) != day:
            raise CacheError("duplicate keys do not belong to the record")
    except CacheError:
        return None
    return _fingerprint(blob)


def check_keys(digest: Any, day: Any, signature: Any) -> None:
    """CacheError unless the duplicate keys have the shapes `dedup.keys` gives."""
    if not (isinstance(digest, bytes) and len(digest) == 16):
        raise CacheError("text digest is not 16 bytes")
    if day is not None and not (isinstance(day, int) and 1 <= day <= dt.date.max.toordinal()):
        raise CacheError("date key is not a day")
    if not (isinstance(signature, bytes) and len(signature) == 4 * NUM_PERM):
        raise CacheError(f"signature is not {4 * NUM_PERM} bytes")


def private_folder(folder: Path) -> Path:
    """Create `folder` (0700) or check that it is this user's alone; CacheError otherwise.

    Whoever can write the cache decides what a build publishes, so a folder owned by another
    user, or writable by group or others, is refused rather than used.
    """
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _check_private(folder, "cache folder")
    return folder


def _create_private(path: Path) -> None:
    """Create an empty file readable by this user only (FileExistsError if something is there, a link included)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))


def _check_private(path: Path, what: str) -> None:
    st = path.stat()
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        raise CacheError(f"{what} {path} belongs to another user (uid {st.st_uid}): refusing to use it; choose another with --cache")
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise CacheError(f"{what} {path} is writable by group or others: refusing to use it (chmod go-w {path}, or choose another with --cache)")


@dataclass(frozen=True)
class Entry:
    """What the cache knows of one raw file's bytes."""

    status: str  # "ok" or the stage of a reject
    payload: bytes  # encoded record (JSON), or the reject reason as UTF-8
    digest: bytes | None  # hash of the record's text, for exact duplicates
    day: int | None  # proleptic ordinal of the record's date, for "earliest" among duplicates
    signature: bytes | None  # MinHash values, for near duplicates
    seconds: float = field(default=0.0, compare=False)  # CPU time of the parse (not stored)


class ParseCache:
    """A SQLite file of entries per parser version (`parsed-VERSION.sqlite`); the main process is its only writer.

    One file per version lets checkouts with different rules share the cache folder without
    evicting each other's entries.
    """

    def __init__(self, folder: Path, version: str | None = None) -> None:
        self.folder = private_folder(folder)
        self.version = version or parser_version()
        self.path = folder / f"parsed-{self.version}.sqlite"
        with contextlib.suppress(FileExistsError):  # created private before SQLite opens it
            _create_private(self.path)
        if self.path.is_symlink():
            raise CacheError(f"cache file {self.path} is a symlink: refusing to use it")
        _check_private(self.path, "cache file")
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:  # not a database (truncated, overwritten): ours to start again
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            for extra in (self.path, self.path.with_name(self.path.name + "-wal"), self.path.with_name(self.path.name + "-shm")):
                extra.unlink(missing_ok=True)
            _create_private(self.path)
            self.db = self._open()
            self.reset = f"cache file {self.path.name} was damaged ({exc}) and was started again"
        self._pending: list[tuple] = []
        self._committed = time.monotonic()
        #: sha256 → fingerprint of a record payload that passed the corpus rules in this build (a fresh
        #: parse by this build's workers, or a cached entry `trusted` validated): read again unchanged,
        #: it is not validated twice
        self.checked: dict[str, bytes] = {}

    reset: str | None = None  # set when a damaged cache file was replaced

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS parsed (version TEXT, sha256 TEXT, status TEXT, payload BLOB,"
                " digest BLOB, day INTEGER, signature BLOB, PRIMARY KEY (version, sha256))"
            )
            db.execute("SELECT COUNT(*) FROM (SELECT 1 FROM parsed LIMIT 1)").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

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
        if e.status == "ok":  # made by this build's parse, which validated the record
            self.checked[sha256] = _fingerprint(e.payload)
        if len(self._pending) >= 500 or time.monotonic() - self._committed >= COMMIT_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO parsed VALUES (?,?,?,?,?,?,?)", self._pending)
            self._pending.clear()
        self._committed = time.monotonic()

    def forget(self, sha256: str) -> None:
        """Delete one entry (found invalid), so the next look-up misses and the file is parsed again."""
        with self.db:
            self.db.execute("DELETE FROM parsed WHERE version=? AND sha256=?", (self.version, sha256))

    def trusted(self, sha256: str) -> bool:
        """True when a record entry exists and reads back valid and consistent; otherwise the file is parsed again.

        Only records are taken from the cache: a cached reject is parsed again (rejects are few),
        so a planted one cannot remove an article. A record must validate, belong to these raw
        bytes (`raw_sha256`), and carry the text digest and date key of its own text; an entry
        that fails is deleted.
        """
        job = self.entry_to_verify(sha256)
        return job is not None and self.accept(sha256, verify_entry(job))

    def entry_to_verify(self, sha256: str) -> tuple[str, Any, Any, Any, bytes] | None:
        """(sha256, digest, day, signature, payload) of a cached record, for `verify_entry`; None for no record."""
        row = self.keys(sha256)
        if row is None or row[0] != "ok":
            return None
        return (sha256, row[1], row[2], row[3], self.payload(sha256))

    def accept(self, sha256: str, fingerprint: bytes | None) -> bool:
        """Take `verify_entry`'s verdict: remember a valid payload as checked, delete an invalid entry."""
        if fingerprint is None:
            self.forget(sha256)
            return False
        self.checked[sha256] = fingerprint
        return True

    def record_payload(self, sha256: str) -> tuple[bytes, bool]:
        """The cached payload for these raw bytes, and whether this build already checked exactly these bytes
        (for `decode_record` in another process)."""
        blob = self.payload(sha256)
        return blob, self.checked.get(sha256) == _fingerprint(blob)

    def record(self, sha256: str) -> dict[str, Any]:
        """The record cached for these raw bytes, typed by the model; the corpus rules run again unless this
        build already checked these exact bytes."""
        blob = self.payload(sha256)
        return decode_record(blob, checked=self.checked.get(sha256) == _fingerprint(blob))

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
