"""Stage 6: records to the hub layout (card + Parquet), written to a temporary folder and swapped in."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .card import render_card
from .models import Article, SectionRow
from .schema import arrow_schema, hf_features

PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9, "use_dictionary": True, "write_statistics": True}


def section_rows(a: Article) -> list[SectionRow]:
    """One row per section, with the enclosing headings and the region it belongs to."""
    short = {r.code: r for r in a.regions}
    rows, path = [], []
    roundup: str | None = None
    for k, s in enumerate(a.sections):
        path = path[: s.level - 1]
        if s.level == 1 and s.heading is not None:
            roundup = next((c for c, r in short.items() if s.heading and s.heading in r.name), None)
        region = roundup or (a.regions[0].code if len(a.regions) == 1 else None)
        text = "\n".join(([s.heading] if s.heading else []) + s.paragraphs)
        rows.append(
            SectionRow(article_id=a.id, index=k, level=s.level, heading=s.heading, heading_path=[p for p in path if p],
                       paragraphs=s.paragraphs, text=text, region_code=region)
        )
        path = path + [s.heading or ""]
    return rows


def _table(model: type, records: list) -> pa.Table:
    schema = arrow_schema(model)
    meta = {"huggingface": json.dumps({"info": {"features": hf_features(model).to_dict()}}, ensure_ascii=False)}
    rows = [r.model_dump() for r in records]
    return pa.Table.from_pylist(rows, schema=schema).replace_schema_metadata(meta)


def write_dataset(articles: list[Article], out_dir: Path, rejects: list[dict], summary: dict | None = None) -> None:
    """Write card and Parquet files; the old output is replaced only once everything is written."""
    articles = sorted(articles, key=lambda a: a.id)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir.parent))
    try:
        sections = [row for a in articles for row in section_rows(a)]
        for name, model, recs in (("articles", Article, articles), ("sections", SectionRow, sections)):
            target = tmp / "data" / name / "train-00000-of-00001.parquet"
            target.parent.mkdir(parents=True)
            pq.write_table(_table(model, recs), target, **PARQUET_OPTIONS)
        (tmp / "README.md").write_text(render_card(articles, sections), encoding="utf-8")
        if summary is not None:
            (tmp / "build_report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        if rejects:
            lines = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rejects)
            (tmp / "rejects.jsonl").write_text(lines, encoding="utf-8")
        if out_dir.exists():
            backup = out_dir.with_name(out_dir.name + ".old")
            shutil.rmtree(backup, ignore_errors=True)
            out_dir.rename(backup)
            tmp.rename(out_dir)
            shutil.rmtree(backup)
        else:
            tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
