"""Stage 6: records to the hub layout (card + Parquet shards), in bounded batches.

Rows arrive one at a time; they are written as Parquet row groups of at most ROW_GROUP_ROWS
rows, in shards of at most about SHARD_BYTES, so memory does not grow with the corpus. The
whole folder is written beside the old one and swapped in only when complete (`outdir`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import arrow_schema, hf_features
from .stats import Stats

#: zstd at its default level 3: five times faster to write than level 9 for files about 15 % larger.
#: Content-defined chunking cuts data pages where the content says, not at fixed sizes, so a
#: republished shard whose rows mostly did not change shares most pages with the old one and the
#: hub's Xet storage uploads only what changed; the page index lets readers skip pages by statistics.
#: Both are deterministic, so a rebuild stays byte-identical.
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3, "use_dictionary": True, "write_statistics": True,
                   "use_content_defined_chunking": True, "write_page_index": True}
#: Largest shard, as the hub recommends for Parquet files; a shard closes before passing it.
SHARD_BYTES = 256 * 1024 * 1024
#: Rows per row group, and characters of text per row group, whichever comes first.
ROW_GROUP_ROWS = 1000
ROW_GROUP_CHARS = 8 * 1024 * 1024


def section_rows(a: dict[str, Any]) -> list[dict[str, Any]]:
    """One `SectionRow` per section of an article record, with its enclosing headings and region."""
    regions = a["regions"]
    rows: list[dict[str, Any]] = []
    path: list[str] = []
    roundup: str | None = None
    for k, s in enumerate(a["sections"]):
        path = path[: s["level"] - 1]
        heading = s["heading"]
        if s["level"] == 1 and heading is not None:
            roundup = next((r["code"] for r in regions if heading in r["name"]), None)
        region = roundup or (regions[0]["code"] if len(regions) == 1 else None)
        text = "\n".join(([heading] if heading else []) + s["paragraphs"])
        rows.append({"article_id": a["id"], "index": k, "level": s["level"], "heading": heading,
                     "heading_path": [p for p in path if p], "paragraphs": s["paragraphs"], "text": text,
                     "region_code": region})
        path = path + [heading or ""]
    return rows


def schema_with_features(model: type) -> pa.Schema:
    """The Arrow schema with the `huggingface` metadata `datasets` reads features from."""
    meta = {"huggingface": json.dumps({"info": {"features": hf_features(model).to_dict()}}, ensure_ascii=False)}
    return arrow_schema(model).with_metadata(meta)


class ShardWriter:
    """Writes rows of one config as `train-0000K-of-0000N.parquet` shards, a row group at a time.

    Several writers may share a folder (one per part of the corpus, each in its own process):
    each names its files after its `stem`, and `name_shards` gives them their final names.
    """

    def __init__(self, folder: Path, model: type, stem: str = "part-00000") -> None:
        self.folder = folder
        self.stem = stem
        self.model = model
        self.schema = schema_with_features(model)
        self.rows: list[dict[str, Any]] = []
        self.chars = 0
        self.shards: list[Path] = []
        self.count = 0
        self._writer: pq.ParquetWriter | None = None
        self._sink: pa.NativeFile | None = None
        self._group_bytes = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.count += 1
        self.chars += len(row["text"])
        if len(self.rows) >= ROW_GROUP_ROWS or self.chars >= ROW_GROUP_CHARS:
            self.flush()

    def flush(self) -> None:
        """Write the pending rows as one row group; close the shard when the next would overflow it."""
        if not self.rows:
            return
        if self._writer is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            path = self.folder / f"{self.stem}-{len(self.shards):03d}.parquet"
            self.shards.append(path)
            self._sink = pa.OSFile(str(path), "wb")
            self._writer = pq.ParquetWriter(self._sink, self.schema, **PARQUET_OPTIONS)
        assert self._sink is not None
        before = self._sink.tell()
        self._writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
        self._group_bytes = max(self._group_bytes, self._sink.tell() - before)
        self.rows, self.chars = [], 0
        if self._sink.tell() + self._group_bytes > SHARD_BYTES:
            self._close_shard()

    def _close_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
            assert self._sink is not None
            self._sink.close()
            self._writer = self._sink = None

    def abort(self) -> None:
        """Release the open file after a failure (the staged folder is discarded anyway)."""
        self.rows = []
        self._close_shard()

    def finish(self) -> list[Path]:
        """Finish the last shard; the files written, in order (under their working names)."""
        self.flush()
        self._close_shard()
        return list(self.shards)

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final `-of-` name (one empty shard if no rows)."""
        return name_shards(self.folder, self.model, self.finish())


def name_shards(folder: Path, model: type, paths: list[Path]) -> list[Path]:
    """Give the shards of one config, in order, their final `train-0000K-of-0000N` names (one empty shard if none)."""
    if not paths:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "part-empty.parquet"
        pq.write_table(schema_with_features(model).empty_table(), path, **PARQUET_OPTIONS)
        paths = [path]
    n = len(paths)
    final = []
    for k, path in enumerate(paths):
        target = path.with_name(f"train-{k:05d}-of-{n:05d}.parquet")
        path.rename(target)
        final.append(target)
    return final


@dataclass(frozen=True)
class Part:
    """One part of the corpus to write: its number, and per article (name, sha256, id, near duplicate of, then
    either the curated record or the cached payload with whether this build already checked those bytes)."""

    number: int
    folder: Path
    items: list[tuple[str, str, str, str | None, dict[str, Any] | None, bytes | None, bool]]


@dataclass
class Written:
    """What writing a part gave: its files per config, its counts, its first record, and the entries that failed."""

    files: dict[str, list[Path]]
    stats: Stats
    example: dict[str, Any] | None
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (name, sha256, reason)


def write_part(part: Part) -> Written:
    """Write the shards of one part of the corpus (in a worker): records decoded and checked, then encoded.

    A cached payload that no longer reads back valid is not written but returned as failed.
    """
    from .cache import CacheError, decode_record
    from .models import Article, SectionRow

    stem = f"part-{part.number:05d}"
    articles = ShardWriter(part.folder / "data" / "articles", Article, stem)
    sections = ShardWriter(part.folder / "data" / "sections", SectionRow, stem)
    out = Written({}, Stats(), None)
    try:
        for name, sha, id, duplicate_of, curated, blob, checked in part.items:
            if curated is not None:
                rec = dict(curated)
            else:
                try:
                    rec = decode_record(blob, checked=checked)  # type: ignore[arg-type]
                except CacheError as exc:
                    out.failed.append((name, sha, str(exc)))
                    continue
                rec["id"] = id  # equal bytes may have been parsed under another name
            rec["duplicate_of"] = duplicate_of
            rows = section_rows(rec)
            articles.add(rec)
            for row in rows:
                sections.add(row)
            out.stats.add(rec, len(rows))
            out.example = out.example or rec
        out.files = {"articles": articles.finish(), "sections": sections.finish()}
    except BaseException:
        articles.abort()
        sections.abort()
        raise
    return out


def write_reports(folder: Path, summary: dict[str, Any], rejects: list[dict[str, Any]]) -> None:
    """build_report.json always; rejects.jsonl when anything was rejected."""
    (folder / "build_report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if rejects:
        lines = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rejects)
        (folder / "rejects.jsonl").write_text(lines, encoding="utf-8")

