"""The build: every raw file becomes a record or a line of the rejects report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import curate, dedup
from .errors import ParseError
from .models import Article
from .pipeline import parse
from .read import list_raw, read_file
from .write import write_dataset

REPORTED_FIELDS = ("title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "date", "time")


def default_out_dir() -> Path:
    """The packaged data folder (src/policy_corpus/data in a checkout)."""
    return Path(str(resources.files("policy_corpus") / "data"))


@dataclass
class Report:
    """What a build did; `summary` is written as build_report.json beside the data."""

    articles: int = 0
    rejects: list[dict] = field(default_factory=list)
    out_dir: str = ""
    summary: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejects


def parse_folder(raw_dir: Path) -> tuple[list[Article], list[dict], int]:
    """(articles, rejects, raw file count): parse, curate and drop exact duplicates."""
    paths = list_raw(raw_dir)
    articles: list[Article] = []
    rejects: list[dict] = []
    for path in paths:
        try:
            doc = read_file(path, raw_dir)
            articles.append(parse(doc.text, id=doc.id, sha256=doc.sha256))
        except ParseError as exc:
            rejects.append({"file": path.name, "stage": exc.stage, "reason": exc.reason})
        except OSError as exc:
            rejects.append({"file": path.name, "stage": "read", "reason": f"cannot read: {exc.strerror}"})
    entries, problems = curate.read_metadata(raw_dir / curate.METADATA_FILE, {p.name for p in paths})
    rejects.extend(problems)
    curated = []
    for a in articles:
        entry = entries.get(f"{a.id}.txt")
        try:
            curated.append(curate.apply(a, entry[1], entry[0]) if entry else a)
        except ParseError as exc:
            rejects.append({"file": f"{a.id}.txt", "stage": exc.stage, "reason": exc.reason})
    exact = dedup.exact_duplicates(curated)
    rejects.extend({"file": f"{i}.txt", "stage": "dedup", "reason": f"exact duplicate of {j}"} for i, j in sorted(exact.items()))
    kept = [a for a in curated if a.id not in exact]
    near = dedup.near_duplicates(kept)
    kept = [a.model_copy(update={"duplicate_of": near.get(a.id)}) for a in kept]
    return sorted(kept, key=lambda a: a.id), sorted(rejects, key=lambda r: (r["file"], r["stage"])), len(paths)


def summarise(articles: list[Article], rejects: list[dict], raw_files: int) -> dict:
    """Counts per stage, rejects by reason, flags by kind, fields filled, duplicates."""
    return {
        "raw_files": raw_files,
        "articles": len(articles),
        "rejected": len(rejects),
        "rejects_by_stage": dict(sorted(Counter(r["stage"] for r in rejects).items())),
        "rejects_by_reason": dict(sorted(Counter(r["reason"].split(":")[0] for r in rejects).items())),
        "flags": dict(sorted(Counter(f for a in articles for f in a.flags).items())),
        "fields_filled": {k: sum(getattr(a, k) is not None for a in articles) for k in REPORTED_FIELDS},
        "near_duplicates": sum(a.duplicate_of is not None for a in articles),
        "exact_duplicates_dropped": sum(r["stage"] == "dedup" for r in rejects),
    }


def build(raw_dir: str | Path = "raw", out_dir: str | Path | None = None) -> Report:
    """Parse every `*.txt` of `raw_dir` and publish the dataset to `out_dir`; never stops on a bad file."""
    raw_dir = Path(raw_dir)
    out = Path(out_dir) if out_dir is not None else default_out_dir()
    articles, rejects, raw_files = parse_folder(raw_dir)
    summary = summarise(articles, rejects, raw_files)
    write_dataset(articles, out, rejects, summary)
    return Report(articles=len(articles), rejects=rejects, out_dir=str(out), summary=summary)


def load(config: str = "articles", split: str = "train", data_dir: str | Path | None = None):
    """The packaged corpus as a `datasets.Dataset`, read straight from Parquet (no cache, offline)."""
    import datasets
    import pyarrow as pa
    import pyarrow.parquet as pq

    if split != "train":
        raise ValueError(f"unknown split {split!r}: the corpus has only 'train'")
    folder = Path(data_dir) if data_dir is not None else default_out_dir()
    files = sorted((folder / "data" / config).glob(f"{split}-*.parquet"))
    if not files:
        raise ValueError(f"unknown config {config!r} or no data in {folder}")
    return datasets.Dataset(pa.concat_tables([pq.read_table(f) for f in files]))


def explain(id: str, raw_dir: str | Path = "raw", data_dir: str | Path | None = None) -> str:
    """The raw lines of an article with the fields they produced (also printed)."""
    import pyarrow.parquet as pq

    folder = Path(data_dir) if data_dir is not None else default_out_dir()
    rows = [r for f in sorted((folder / "data" / "articles").glob("*.parquet")) for r in pq.read_table(f).to_pylist() if r["id"] == id]
    if not rows:
        raise KeyError(f"no article {id!r} in the corpus")
    row = rows[0]
    by_line: dict[int | None, list[str]] = {}
    for p in row["provenance"]:
        value = row[p["field"]]
        if p["field"] == "regions":
            value = "、".join(r["name"] for r in value)
        by_line.setdefault(p["line"], []).append(f"{p['field']}={value} [{p['rule']}]")
    raw = Path(raw_dir) / f"{id}.txt"
    lines = raw.read_text(encoding="utf-8", errors="replace").splitlines() if raw.exists() else []
    out = [f"{id}  (raw: {raw if raw.exists() else 'not found'})"]
    for n in sorted(k for k in by_line if k is not None):
        text = lines[n - 1].strip() if n <= len(lines) else ""
        out.append(f"{n:>5} | {text[:80]}")
        out.extend(f"      → {f}" for f in by_line[n])
    out.extend(f"    - → {f}" for f in by_line.get(None, []))
    text = "\n".join(out)
    print(text)
    return text
