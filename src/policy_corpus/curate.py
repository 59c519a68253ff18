"""Curation without forking: `raw/metadata.jsonl` overrides or fills fields of extracted records.

The Hugging Face folder convention: one JSON object per line, keyed by `file_name`. Overridden
values are validated like extracted ones and marked in provenance with rule `metadata.jsonl`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .errors import ParseError
from .models import Article
from .regions import gazetteer, region_record
from .schema import TIMEZONE
from .validate import check_article

METADATA_FILE = "metadata.jsonl"
#: Fields a curator may set; the rest are facts of the raw file or derived from the body.
CURATED = ("title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "date", "time", "regions", "documents")


def read_metadata(path: Path, known_files: set[str]) -> tuple[dict[str, tuple[int, dict[str, Any]]], list[dict]]:
    """(file_name → (line number, values), problems); a bad line is reported and skipped."""
    entries: dict[str, tuple[int, dict[str, Any]]] = {}
    problems: list[dict] = []
    if not path.exists():
        return entries, problems
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return entries, [_problem(0, f"not UTF-8 ({exc.reason} at byte {exc.start}); no curation applied")]
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(_problem(n, f"not JSON: {exc.msg}"))
            continue
        if not isinstance(obj, dict) or "file_name" not in obj:
            problems.append(_problem(n, "an object with file_name is required"))
            continue
        name = obj.pop("file_name")
        if not isinstance(name, str):
            problems.append(_problem(n, "file_name must be a string"))
            continue
        unknown = sorted(set(obj) - set(CURATED))
        if unknown:
            problems.append(_problem(n, f"unknown key(s) {', '.join(unknown)}"))
        elif name not in known_files:
            problems.append(_problem(n, f"unknown file_name {name!r}"))
        else:
            entries[name] = (n, obj)
    return entries, problems


def _problem(line: int, reason: str) -> dict:
    return {"file": METADATA_FILE, "stage": "metadata", "reason": f"line {line}: {reason}"}


def apply(article: Article, values: dict[str, Any], line: int) -> Article:
    """The record with curated values in place, re-validated; ParseError if they break a rule."""
    data = article.model_dump()
    try:
        for key, value in values.items():
            data[key] = _coerce(key, value, article.id)
        if data["date"] is not None and data["time"] is not None:
            h, m, *sec = (int(x) for x in str(data["time"]).split(":"))
            data["published_at"] = dt.datetime.combine(data["date"], dt.time(h, m, *sec), tzinfo=_tz())
        else:
            data["published_at"] = None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ParseError("metadata", f"{METADATA_FILE} line {line}: bad value: {exc}", article.id) from None
    data["provenance"] = [p for p in data["provenance"] if p["field"] not in values] + [
        {"field": k, "rule": METADATA_FILE, "start": None, "end": None, "line": line} for k in values
    ]
    try:
        new = Article.model_validate(data)
    except ValueError as exc:
        raise ParseError("metadata", f"{METADATA_FILE} line {line}: {exc}", article.id) from None
    problems = check_article(new)
    if problems:
        raise ParseError("metadata", f"{METADATA_FILE} line {line}: {'; '.join(problems)}", article.id)
    return new


def _tz() -> dt.tzinfo:
    from zoneinfo import ZoneInfo

    return ZoneInfo(TIMEZONE)


def _coerce(key: str, value: Any, id: str) -> Any:
    """JSON values to the record's Python types (dates, regions by code)."""
    if value is None:
        return [] if key in ("regions", "documents") else None
    if key == "date":
        return dt.date.fromisoformat(value)
    if key in ("regions", "documents") and not isinstance(value, list):
        raise TypeError(f"{key} must be a list")
    if key == "regions":
        codes = [v["code"] if isinstance(v, dict) else str(v) for v in value]
        bad = [c for c in codes if c not in gazetteer().places]
        if bad:
            raise ParseError("metadata", f"unknown region code(s) {bad}", id)
        return [region_record(c) for c in codes]
    return value
