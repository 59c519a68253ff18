"""Curation without forking: `raw/metadata.jsonl` overrides or fills fields of extracted records.

The Hugging Face folder convention: one JSON object per line, keyed by `file_name`. Overridden
values are validated like extracted ones and marked in provenance with rule `metadata.jsonl`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path
from typing import Any

from .errors import ParseError
from .models import Article
from .parser.gazetteer import gazetteer, region_record, translate, year_of
from .parser.validate import check_article
from .schema import TIMEZONE

METADATA_FILE = "metadata.jsonl"
#: Fields a curator may set; the rest are facts of the raw file or derived from the body.
CURATED = ("url", "title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "date", "time", "regions", "documents")


#: Bounds on the curation file: it holds a line of a few short values per article.
MAX_METADATA_BYTES = 16 * 1024 * 1024
MAX_LINE_BYTES = 64 * 1024
MAX_DEPTH = 8


def read_metadata(path: Path, known_files: set[str]) -> tuple[dict[str, tuple[int, dict[str, Any]]], list[dict]]:
    """(file_name → (line number, values), problems); a bad line is reported and skipped.

    Two lines for one file are both reported (with both line numbers) and neither is applied:
    which one the curator meant cannot be told. A metadata file that is not a regular file (a
    symlink, a FIFO, a device) is refused without being opened for reading.
    """
    entries: dict[str, tuple[int, dict[str, Any]]] = {}
    problems: list[dict] = []
    text = _read_text(path, problems)
    if text is None:
        return entries, problems
    first_line: dict[str, int] = {}
    clashing: set[str] = set()
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        obj = _parse_line(line, n, problems)
        if obj is None:
            continue
        name = obj.pop("file_name")
        if name in first_line:
            problems.append(_problem(n, f"second line for {name!r} (first at line {first_line[name]}): neither applied"))
            clashing.add(name)
            continue
        first_line[name] = n
        unknown = sorted(set(obj) - set(CURATED))
        if unknown:
            problems.append(_problem(n, f"unknown key(s) {', '.join(unknown)}"))
            obj = {k: v for k, v in obj.items() if k in CURATED}
        if name not in known_files:
            problems.append(_problem(n, f"unknown file_name {name!r}"))
        elif obj:
            entries[name] = (n, obj)
    for name in clashing:
        entries.pop(name, None)
    return entries, problems


def _read_text(path: Path, problems: list[dict]) -> str | None:
    """The file's text, or None (with the problem recorded) when it is absent, special, too large or not UTF-8."""
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        problems.append(_problem(0, "not a regular file (a symlink, FIFO or device); no curation applied"))
        return None
    if st.st_size > MAX_METADATA_BYTES:
        problems.append(_problem(0, f"larger than {MAX_METADATA_BYTES} bytes; no curation applied"))
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        problems.append(_problem(0, f"cannot open: {exc.strerror}; no curation applied"))
        return None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # replaced between lstat and open
            problems.append(_problem(0, "not a regular file; no curation applied"))
            return None
        data = f.read(MAX_METADATA_BYTES + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(_problem(0, f"not UTF-8 ({exc.reason} at byte {exc.start}); no curation applied"))
        return None


def _parse_line(line: str, n: int, problems: list[dict]) -> dict[str, Any] | None:
    """One line's object with a string file_name, or None (problem recorded)."""
    if len(line.encode("utf-8")) > MAX_LINE_BYTES:
        problems.append(_problem(n, f"line longer than {MAX_LINE_BYTES} bytes"))
        return None
    if _depth(line) > MAX_DEPTH:
        problems.append(_problem(n, f"nested deeper than {MAX_DEPTH} levels"))
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        problems.append(_problem(n, f"not JSON: {exc.msg}"))
        return None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of thousands of digits
        problems.append(_problem(n, f"not usable JSON: {str(exc).split('(')[0].strip() or type(exc).__name__}"))
        return None
    if not isinstance(obj, dict) or "file_name" not in obj:
        problems.append(_problem(n, "an object with file_name is required"))
        return None
    if not isinstance(obj["file_name"], str):
        problems.append(_problem(n, "file_name must be a string"))
        return None
    return obj


def _depth(line: str) -> int:
    """Deepest bracket nesting of a JSON line (brackets inside strings may overcount, which only errs safe)."""
    depth = deepest = 0
    for ch in line:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _problem(line: int, reason: str) -> dict:
    return {"file": METADATA_FILE, "stage": "metadata", "reason": f"line {line}: {reason}"}


def apply(article: Article, values: dict[str, Any], line: int) -> tuple[Article, list[dict]]:
    """(record with the curated values that are valid, problems with the others).

    Each value is tried on its own: a bad one is reported with its line and the record keeps
    the parsed value for that field, so one typo never costs the article or its other values.
    """
    problems: list[dict] = []
    current = article
    for key, value in values.items():
        try:
            current = _apply_one(current, key, value, line)
        except ParseError as exc:
            problems.append(_problem(line, f"{exc.reason}; {article.id} keeps its parsed {key}"))
    return current, problems


def _apply_one(article: Article, key: str, value: Any, line: int) -> Article:
    """The record with one curated value in place, re-validated; ParseError if it breaks a rule."""
    data = article.model_dump()
    try:
        data[key] = _coerce(key, value, article.id, year_of(article.date))
        if key == "date" and data["regions"]:
            data["regions"] = _regions_in(data["regions"], year_of(article.date), year_of(data["date"]), article.id)
        if data["date"] is not None and data["time"] is not None:
            h, m, *sec = (int(x) for x in str(data["time"]).split(":"))
            data["published_at"] = dt.datetime.combine(data["date"], dt.time(h, m, *sec), tzinfo=_tz())
        else:
            data["published_at"] = None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ParseError("metadata", f"bad value for {key}: {_short(exc)}", article.id) from None
    data["provenance"] = [p for p in data["provenance"] if p["field"] != key] + [
        {"field": key, "rule": METADATA_FILE, "start": None, "end": None, "line": line}
    ]
    try:
        new = Article.model_validate(data)
    except ValueError as exc:
        raise ParseError("metadata", f"bad value for {key}: {_short(exc)}", article.id) from None
    problems = check_article(new)
    if problems:
        raise ParseError("metadata", f"{key}: {'; '.join(problems)}", article.id)
    return new


def _short(exc: Exception) -> str:
    """The first line of an error, bounded (a pydantic error lists the input)."""
    text = str(exc).split("\n")[0]
    return text[:200]


def _tz() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(TIMEZONE)


def _coerce(key: str, value: Any, id: str, year: int | None = None) -> Any:
    """JSON values to the record's Python types (dates, regions by code as of the article's year)."""
    if value is None:
        return [] if key in ("regions", "documents") else None
    if key == "date":
        return dt.date.fromisoformat(value)
    if key in ("regions", "documents") and not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    if key == "regions":
        codes = [v["code"] if isinstance(v, dict) else str(v) for v in value]
        # a code of the article's year, or of the latest table, followed to the article's year
        found = [c if c in gazetteer(year).places else translate(c, None, year) for c in codes]
        bad = [c for c, f in zip(codes, found, strict=True) if f is None]
        if bad:
            raise ParseError("metadata", f"unknown region code(s) {bad} in {gazetteer(year).year}", id)
        return [region_record(c, year) for c in found]
    return value


def _regions_in(regions: list[dict], old: int, new: int, id: str) -> list[dict]:
    """The record's regions re-resolved for a curated date in another year (names and codes of that year)."""
    codes = [translate(r["code"], old, new) for r in regions]
    lost = [r["code"] for r, c in zip(regions, codes, strict=True) if c is None]
    if lost:
        raise ParseError("metadata", f"region(s) {lost} have no counterpart in {new}; curate the regions too", id)
    return [region_record(c, new) for c in codes if c is not None]
