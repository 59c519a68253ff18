"""Stage 5: rules every finished record must meet before it is written."""

from __future__ import annotations

import datetime as dt
import re
from importlib.metadata import PackageNotFoundError

from ..models import FLAGS, Article
from . import patterns as P

#: Markers that must never survive in a text field: they show boilerplate leaked through. A licence number
#: (`京ICP备12345678号`), never the word: this genre reports on ICP filings (`注销问题网站ICP备案`).
BOILERPLATE = re.compile(r"责任编辑|版权所有|ICP[备证][\s字第]*\d|分享到|【纠错】|全文如下|扫一扫")
EARLIEST = dt.date(1990, 1, 1)
#: The latest plausible date: a constant, not today, so a parse never depends on the day it runs
#: (and a cached parse stays valid). Raise it when the corpus reaches it.
LATEST = dt.date(2030, 12, 31)


def _text_fields(a: Article) -> list[tuple[str, str]]:
    out = [(k, getattr(a, k)) for k in ("title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "time")]
    out += [("documents", d) for d in a.documents]
    for s in a.sections:
        out += [("sections.heading", s.heading)] + [("sections.paragraphs", p) for p in s.paragraphs]
    return [(k, v) for k, v in out if v is not None]


#: A page's address: http(s), no blanks, of a length browsers accept.
_URL = re.compile(r"https?://[^\s/]+\S*")
MAX_URL = 2048


def check_article(a: Article) -> list[str]:
    """Every way the record breaks the corpus's rules; empty when it is valid."""
    from .gazetteer import current_code, gazetteer, year_of

    problems = []
    for name, value in _text_fields(a):
        if not value or value != value.strip():
            problems.append(f"{name} is empty or untrimmed")
        elif name != "documents" and BOILERPLATE.search(value):
            problems.append(f"{name} contains boilerplate")
    if a.url is not None and (_URL.fullmatch(a.url) is None or len(a.url) > MAX_URL):
        problems.append("url is not an http(s) address")
    if a.date is not None and not EARLIEST <= a.date <= LATEST:
        problems.append(f"implausible date {a.date}")
    if a.time is not None and not P.VALID_TIME.fullmatch(a.time):
        problems.append(f"implausible time {a.time}")
    if a.published_at is not None and a.published_at.date() != a.date:
        problems.append("published_at does not fall on date")
    try:
        year = year_of(a.date)
        places = gazetteer(year).places
    except (ImportError, PackageNotFoundError):  # a reading-only install (no `build` extra): codes are not checked
        year, places = None, None
    for r in a.regions if places is not None else ():
        if r.code not in places:
            problems.append(f"unknown region code {r.code} in {year}")
        elif r.current_code != current_code(r.code, year):
            problems.append(f"region {r.code}: current_code {r.current_code} is not the table's")
    if not any(s.paragraphs for s in a.sections):
        problems.append("no paragraph")
    level = 0
    for s in a.sections:
        if s.level > level + 1:
            problems.append(f"heading level jumps from {level} to {s.level}")
        level = s.level
    texts = [t for s in a.sections for t in ([s.heading] if s.heading else []) + s.paragraphs]
    if a.text != "\n".join(texts):
        problems.append("text disagrees with sections")
    if P.han_count(a.text) == 0:
        problems.append("text has no Chinese")
    unknown = set(a.flags) - FLAGS.keys()
    if unknown or a.flags != sorted(a.flags):
        problems.append(f"flags unsorted or unknown: {sorted(unknown)}")
    return problems
