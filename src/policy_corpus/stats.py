"""Corpus statistics, accumulated one record at a time while the writer streams.

The card, `build_report.json` and the `stats` command all read these numbers, so they are
computed once, from the records actually written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .models import Article

#: Fields whose coverage (share of records with a value) is reported.
COVERAGE_FIELDS = tuple(n for n in Article.model_fields if n not in ("id", "text", "script", "raw_sha256", "flags", "provenance"))
NO_REGION = "(none)"


def _filled(value: Any) -> bool:
    return value is not None and value != [] and value != ""


@dataclass
class Stats:
    """Counts over the written articles (an article about two provinces counts for both)."""

    articles: int = 0
    sections: int = 0
    characters: int = 0
    by_province: Counter[str] = field(default_factory=Counter)
    by_year: Counter[str] = field(default_factory=Counter)
    by_source: Counter[str] = field(default_factory=Counter)
    by_script: Counter[str] = field(default_factory=Counter)
    by_level: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    filled: Counter[str] = field(default_factory=Counter)

    def add(self, rec: dict[str, Any], sections: int) -> None:
        """Count one article record (a plain dict as dumped from `Article`)."""
        self.articles += 1
        self.sections += sections
        self.characters += len(rec["text"])
        provinces = sorted({r["province"] for r in rec["regions"]}) or [NO_REGION]
        self.by_province.update(provinces)
        self.by_level.update({r["level"] for r in rec["regions"]})
        self.by_year[str(rec["date"].year) if rec["date"] else "undated"] += 1
        self.by_source[rec["source"] or "(none)"] += 1
        self.by_script[rec["script"]] += 1
        self.flags.update(rec["flags"])
        self.filled.update(k for k in COVERAGE_FIELDS if _filled(rec[k]))

    def merge(self, other: Stats) -> None:
        """Add the counts of another part of the corpus (a shard counted by a worker)."""
        self.articles += other.articles
        self.sections += other.sections
        self.characters += other.characters
        for name in ("by_province", "by_year", "by_source", "by_script", "by_level", "flags", "filled"):
            getattr(self, name).update(getattr(other, name))

    @property
    def near_duplicates(self) -> int:
        return self.filled["duplicate_of"]

    def coverage(self) -> dict[str, float]:
        """Share of articles with a value, per field, in schema order."""
        return {k: (self.filled[k] / self.articles if self.articles else 0.0) for k in COVERAGE_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary with sorted keys (counts sorted by count, then name)."""

        def ranked(c: Counter[str]) -> dict[str, int]:
            return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

        return {
            "articles": self.articles,
            "sections": self.sections,
            "characters": self.characters,
            "near_duplicates": self.near_duplicates,
            "by_province": ranked(self.by_province),
            "by_year": dict(sorted(self.by_year.items())),
            "by_source": ranked(self.by_source),
            "by_script": ranked(self.by_script),
            "by_region_level": ranked(self.by_level),
            "flags": ranked(self.flags),
            "fields_filled": {k: self.filled[k] for k in COVERAGE_FIELDS},
        }
