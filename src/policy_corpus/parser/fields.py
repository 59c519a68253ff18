"""Stage 4b: the field table, and the one runner that executes it.

Each field has an ordered list of rules (strongest evidence first, one signature: `page.Rule`)
and its checks (`checks.py`). `run` asks each rule in turn; every candidate a rule gives is
checked, a refused one is recorded with its reason code and falls through to the next
candidate, the first that passes wins. Nothing raises. Fields run in the table's order, and a
rule sees the fields found before its own (`post_from_announcement` reads the author).

The dataset card documents each field from this table and `explain` prints the winners and
the refused candidates, so what runs and what is described are the same thing. Adding a page
shape means one pattern, one rule in this table and one case file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import bylines as B
from . import checks as C
from . import dates as D
from . import sources as S
from . import titles as T
from .page import Found, Known, Page, Rule
from .places import regions_from_subjects


@dataclass(frozen=True)
class Field:
    """One field: its rules in order, the checks a value must pass, and when it applies at all."""

    name: str
    rules: tuple[Rule, ...]
    checks: tuple[C.Check, ...]
    #: the field is left null (and says why) when this holds of the fields found before it
    skip: tuple[str, Callable[[Known], bool]] | None = None


@dataclass(frozen=True)
class Refused:
    """A candidate a check refused: which field, which rule, what value, where, and why."""

    field: str
    rule: str
    value: Any
    line: int | None
    reason: str


def _by_reporter(found: Known) -> bool:
    author = found.get("author")
    return author is not None and author.rule == "author_from_reporter_byline"


FIELDS: tuple[Field, ...] = (
    Field("title", (T.title_from_original_title, T.title_from_header), C.TITLE_CHECKS),
    Field("subtitle", (T.subtitle_from_dash_line, T.subtitle_from_original_title, T.subtitle_from_title_line), C.SUBTITLE_CHECKS),
    Field("author", (B.author_from_name_line, B.author_from_title_prefix, B.author_from_label, B.author_from_announcement,
                     B.author_from_trailing_byline, B.author_from_reporter_byline, B.author_from_body_signature), C.AUTHOR_CHECKS),
    Field("post", (B.post_from_post_line, B.post_from_signed_note, B.post_from_announcement, B.post_from_body_signature),
          C.POST_CHECKS,
          skip=("a_reporter_byline_has_no_post", _by_reporter)),
    Field("site", (S.site,), C.PRESENT),
    Field("source", (S.source_with_issue, S.source_from_own_site, S.source_named), C.SOURCE_CHECKS),
    Field("editor", (S.editor,), C.PRESENT),
    Field("date", (D.date_from_header, D.date_from_footer_label), C.PRESENT),
    Field("regions", (regions_from_subjects,), C.REGIONS_CHECKS),
)

#: Record fields read off another field's value: `source` gives (name, issue), `date` gives (day, time).
PARTS: dict[str, tuple[str, int]] = {"source": ("source", 0), "source_issue": ("source", 1), "date": ("date", 0), "time": ("date", 1)}


def run(page: Page, fields: Sequence[Field] = FIELDS) -> tuple[dict[str, Found | None], list[Refused]]:
    """Every field's winning candidate (or None), and every refused candidate with its reason."""
    found: dict[str, Found | None] = {}
    refused: list[Refused] = []
    for spec in fields:
        found[spec.name] = None
        if spec.skip is not None and spec.skip[1](found):
            refused.append(Refused(spec.name, "-", None, None, spec.skip[0]))
            continue
        for rule in spec.rules:
            out = rule(page, found)
            for cand in (out,) if isinstance(out, Found) else out or ():
                reason = C.passes(spec.checks, cand.value)
                if reason is None:
                    found[spec.name] = cand
                    break
                refused.append(Refused(spec.name, cand.rule, cand.value, cand.line, reason))
            if found[spec.name] is not None:
                break
    return found, refused


def rule_names(name: str) -> list[str]:
    """The rules of a record field, in the order they run (for the card)."""
    table = {spec.name: spec for spec in FIELDS}
    spec = table.get(PARTS.get(name, (name, 0))[0])
    return [] if spec is None else [rule.__name__ for rule in spec.rules]


def check_codes(name: str) -> list[str]:
    """The reason codes a record field's candidates can be refused with (for the card)."""
    table = {spec.name: spec for spec in FIELDS}
    spec = table.get(PARTS.get(name, (name, 0))[0])
    return [] if spec is None else [code for code, _ in spec.checks] + ([spec.skip[0]] if spec.skip else [])
