"""The build on datatrove (extra `[scale]`): the same parse step, run by any datatrove executor.

Two stages, as datatrove runs corpus-wide steps:

1. **parse** (`parse_steps`, any number of tasks): `RawPageReader` reads this task's share of
   the raw files → `ParseStep` runs the project's parse (`jobs.parse_bytes`: decode, normalise,
   the field table, validate) → `EntryWriter` writes each record or reject, with its duplicate keys, to
   `WORK/entries/{rank}.parquet`.
2. **publish** (`publish_steps`, one task, after stage 1): `PublishStep` loads every task's
   entries into a parse cache and runs `policy_corpus.build` on it, which finds every file
   already parsed, removes duplicates across the corpus and writes the validated hub layout.

So the published records are the ones `build.py` writes, byte for byte, whatever the executor
(local here; Slurm or Ray on a cluster, see the README). datatrove is imported only here.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datatrove.data import Document, DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers.base import BaseDiskReader

from .cache import Entry, ParseCache, parser_version
from .jobs import parse_bytes
from .parser.read import MAX_BYTES

ENTRY_SCHEMA = pa.schema([
    ("name", pa.string()), ("version", pa.string()), ("sha256", pa.string()), ("status", pa.string()), ("payload", pa.binary()),
    ("digest", pa.binary()), ("day", pa.int64()), ("signature", pa.binary()),
])


class RawPageReader(BaseDiskReader):
    """One Document per raw `*.txt` page; its bytes travel in metadata, undecoded (the parse decodes)."""

    name = "📄 raw pages"

    def __init__(self, data_folder: DataFolderLike, **kwargs: Any) -> None:
        super().__init__(data_folder, glob_pattern="*.txt", recursive=False, **kwargs)

    def read_file(self, filepath: str) -> DocumentsPipeline:
        name = PurePath(filepath).name
        with self.data_folder.open(filepath, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        yield Document(text="", id=PurePath(name).stem, metadata={"name": name, "raw": data})


class ParseStep(PipelineStep):
    """The project's parse of one page: a validated record or a reject, with the reason counted."""

    name = "🔎 parse"
    type = "🔧 - PARSE"

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            sha, entry = parse_bytes(doc.metadata.pop("raw"), doc.id)
            self.stat_update("parsed" if entry.status == "ok" else f"rejected_{entry.status}")
            doc.metadata.update(sha256=sha, entry=entry)
            yield doc


class EntryWriter(PipelineStep):
    """Every entry of this task into `entries/{rank:05d}.parquet`, a row group per 500 entries."""

    name = "💾 entries"
    type = "💽 - WRITER"

    def __init__(self, output_folder: DataFolderLike) -> None:
        super().__init__()
        self.output_folder = get_datafolder(output_folder)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        rows: list[dict[str, Any]] = []
        version = parser_version()
        with self.output_folder.open(f"entries/{rank:05d}.parquet", "wb") as f, pq.ParquetWriter(f, ENTRY_SCHEMA) as writer:
            for doc in data:
                e: Entry = doc.metadata["entry"]
                rows.append({"name": doc.metadata["name"], "version": version, "sha256": doc.metadata["sha256"], "status": e.status,
                             "payload": e.payload, "digest": e.digest, "day": e.day, "signature": e.signature})
                if len(rows) >= 500:
                    writer.write_table(pa.Table.from_pylist(rows, schema=ENTRY_SCHEMA))
                    rows = []
                self.stat_update("written")
            writer.write_table(pa.Table.from_pylist(rows, schema=ENTRY_SCHEMA))
        yield from ()


class PublishStep(PipelineStep):
    """Merge all tasks' entries into a parse cache and publish with `policy_corpus.build`."""

    name = "📦 publish"
    type = "💽 - WRITER"

    def __init__(self, raw_dir: str | Path, work_dir: str | Path, out_dir: str | Path, workers: int = 1) -> None:
        super().__init__()
        self.raw_dir, self.work_dir, self.out_dir, self.workers = Path(raw_dir), Path(work_dir), Path(out_dir), workers

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from .builder import build

        cache_dir = self.work_dir / "cache"
        load_entries(self.work_dir / "entries", cache_dir)
        report = build(self.raw_dir, self.out_dir, workers=self.workers, cache_dir=cache_dir)
        self.stat_update("articles", value=report.articles)
        self.stat_update("rejected", value=len(report.rejects))
        self.stat_update("parsed_again", value=report.parsed)
        yield from ()


def load_entries(entries_dir: Path, cache_dir: Path) -> int:
    """Put every task's entries into the parse cache; returns how many.

    Entries written by another parser version (a reused work folder, a node with other code)
    are skipped, so `build` parses those files again instead of publishing stale records.
    """
    cache = ParseCache(cache_dir)
    n = 0
    try:
        for path in sorted(entries_dir.glob("*.parquet")):
            for batch in pq.ParquetFile(path).iter_batches(batch_size=500):
                for r in batch.to_pylist():
                    if r["sha256"] and r["version"] == cache.version:
                        cache.put(r["sha256"], Entry(r["status"], r["payload"], r["digest"], r["day"], r["signature"]))
                        n += 1
    finally:
        cache.close()
    return n


def parse_steps(raw_dir: DataFolderLike, work_dir: str | Path) -> list[PipelineStep]:
    """Stage 1, for any number of tasks."""
    return [RawPageReader(raw_dir), ParseStep(), EntryWriter(str(work_dir))]


def publish_steps(raw_dir: str | Path, work_dir: str | Path, out_dir: str | Path, workers: int = 1) -> list[PipelineStep]:
    """Stage 2, one task, after stage 1."""
    return [PublishStep(raw_dir, work_dir, out_dir, workers)]


def run_local(raw_dir: str | Path, out_dir: str | Path, work_dir: str | Path, tasks: int = 2, workers: int = 2) -> None:
    """Both stages on this machine with datatrove's local executor."""
    from datatrove.executor import LocalPipelineExecutor

    work = Path(work_dir)
    parse = LocalPipelineExecutor(pipeline=parse_steps(str(raw_dir), work), tasks=tasks, workers=workers,
                                  logging_dir=str(work / "logs" / "parse"))
    publish = LocalPipelineExecutor(pipeline=publish_steps(raw_dir, work, out_dir), tasks=1, workers=1,
                                    logging_dir=str(work / "logs" / "publish"), depends=parse)
    publish.run()
