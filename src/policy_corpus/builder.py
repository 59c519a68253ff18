"""The build: every raw file becomes a record or a line of the rejects report.

Three passes, none holding the corpus in memory:
1. scan: hash every raw file and look it up in the parse cache (raw SHA-256 + parser version);
2. parse the misses in worker processes, storing each record or reject in the cache, and feed
   every record's small duplicate keys to the corpus-wide duplicate finder;
3. read the records out of the cache in id order, a part of SHARD_ARTICLES at a time, and have the
   workers encode each part's Parquet shards and count its statistics, in parallel.
The output depends only on the raw files, never on the number of workers or on the cache.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import multiprocessing as mp
import os
import shutil
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import curate, deathsig, outdir
from .cache import CacheError, Entry, ParseCache, default_cache_dir, verify_entry
from .card import CHART, LICENSE_FILE, LICENSE_TEXT, render_card
from .chart import render_chart
from .croissant import write_croissant
from .errors import ParseError
from .jobs import PARSE_SECONDS, TIMEOUT, parse_path, warm_up, worker_init
from .models import Article, SectionRow
from .parser.read import check_name, display_name, list_raw, read_raw
from .reprints import Reprints
from .settings import default_workers
from .stats import NO_REGION, Stats
from .write import Part, Written, name_shards, write_part, write_reports


def default_out_dir() -> Path:
    """The packaged data folder, but only in a checkout of the project (`src/policy_corpus/data`, committed).

    An installed package's data lives in site-packages, which a build must never rewrite: there
    the output folder has to be given (`--out`).
    """
    from .corpus import packaged_dir

    data = packaged_dir()
    checkout = data.parent.parent.parent
    if data.parent.parent.name == "src" and (checkout / "pyproject.toml").is_file():
        return data
    raise ValueError(f"no output folder: this is an installed package ({data.parent}), whose data a build must not "
                     "rewrite; give one with --out DIR")


@dataclass
class Report:
    """What a build did; `summary` is written as build_report.json beside the data."""

    articles: int = 0
    rejects: list[dict] = field(default_factory=list)
    out_dir: str = ""
    summary: dict = field(default_factory=dict)
    parsed: int = 0  # files parsed in this build
    from_cache: int = 0  # files whose record came from the parse cache (rejects are always parsed again)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each pass (not in the summary: it varies)
    recovered: list[str] = field(default_factory=list)  # what the start-up recovery of the output folder did

    @property
    def ok(self) -> bool:
        return not self.rejects


@dataclass(slots=True)
class _Seen:
    """Pass 1's memory of one raw file: small, whatever the file's size."""

    name: str
    id: str
    sha256: str


class _Clock:
    """Wall time per pass, for profiling a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 3)
        self._last = now


def _reject(name: str, stage: str, reason: str) -> dict[str, str]:
    return {"file": display_name(name), "stage": stage, "reason": reason}


def _progress(items: Iterable, total: int, desc: str, show: bool) -> Iterable:
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="file", mininterval=1.0, leave=False)


#: Fewer files than this are parsed in the main process: starting workers costs about two seconds.
POOL_MIN_FILES = 64


class _Workers:
    """The build's worker processes: started on first use, shared by the parse and the write passes.

    A worker that dies raises BrokenProcessPool in the build instead of hanging it; workers leave
    by themselves when the build's process is killed (`worker_init`).
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self._pool: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
            os.environ[deathsig.ENV] = str(os.getpid())
            if ctx.get_start_method() == "forkserver":
                # the forkserver dies with this process (deathsig) and holds the tables its workers share (preload)
                ctx.set_forkserver_preload(["__main__", "policy_corpus.deathsig", "policy_corpus.preload"])
            self._pool = ProcessPoolExecutor(self.n, mp_context=ctx, initializer=worker_init, initargs=(os.getpid(),))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _parse_all(jobs: list[tuple[str, str, float | None]], workers: _Workers) -> Iterator[tuple[str, str, Entry]]:
    """Parse the files of `jobs` in the worker processes (in this one for 1 or a few files), results in job order."""
    if not jobs:
        return
    if workers.n <= 1 or len(jobs) < POOL_MIN_FILES:
        warm_up()
        yield from map(parse_path, jobs)
        return
    yield from workers.pool().map(parse_path, jobs, chunksize=4)


def _in_order(pool: ProcessPoolExecutor, fn: Any, jobs: Iterable[Any], window: int) -> Iterator[Any]:
    """`pool.map` with at most `window` jobs submitted and not yet taken, so their inputs never pile up in memory."""
    pending: deque = deque()
    try:
        for job in jobs:
            pending.append(pool.submit(fn, job))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # on an error (or an abandoned loop) no job may still run when the caller cleans up its output
        for future in pending:
            future.cancel()
        concurrent.futures.wait(pending)


def build(
    raw_dir: str | Path = "raw",
    out_dir: str | Path | None = None,
    *,
    workers: int | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    progress: bool = False,
    time_limit: float | None = PARSE_SECONDS,
) -> Report:
    """Parse every `*.txt` of `raw_dir` and publish the dataset to `out_dir`; never stops on a bad file.

    `workers` processes parse (default: all cores); unchanged files are taken from the cache in
    `cache_dir` (default `~/.cache/policy-corpus`), or from a throw-away one with `use_cache=False`.
    Workers import the calling script again, so a script calling `build` guards it with
    `if __name__ == "__main__":`. `out_dir` is replaced as a whole: it must not hold the raw
    folder or the cache, and must be empty or a folder a build wrote (its manifest lists every
    file): anything else in it is refused before parsing, and nothing outside it is touched but
    this build's own transient folders beside it. A file that takes longer than `time_limit`
    seconds to parse is rejected as `timeout`.
    """
    raw_dir = Path(raw_dir)
    out = Path(out_dir) if out_dir is not None else default_out_dir()
    workers = _Workers(workers or default_workers())
    folder = (Path(cache_dir) if cache_dir is not None else default_cache_dir()) if use_cache else None
    check_folders(raw_dir, out, folder)
    out.parent.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        stack.enter_context(outdir.locked(out))
        try:
            recovered = outdir.recover(out)
        except OSError as exc:
            raise outdir.OutputError(f"cannot recover the interrupted build beside {out} ({exc}); look at the .{out.name}.* entries there") from None
        outdir.check_target(out)  # again: a recovered swap may have put a folder back
        if folder is None:  # a throw-away spool on the output's disk (a tmpfs /tmp would hold it in RAM)
            folder = outdir.spool_dir(out)
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
        cache = ParseCache(folder)
        stack.callback(cache.close)
        stack.callback(workers.close)
        if cache.reset:
            recovered.append(cache.reset)
        clock = _Clock()
        paths = list_raw(raw_dir)
        rejects: list[dict[str, Any]] = []
        seen, misses = _scan(paths, raw_dir, cache, rejects, progress, workers)
        clock.lap("scan")
        hits = len(seen) - len(misses)
        parsed = _parse_all([(str(raw_dir / name), str(raw_dir), time_limit) for name in misses], workers)
        for name, sha, entry in _progress(parsed, len(misses), "parse", progress):
            if sha and entry.status != TIMEOUT:  # a timeout depends on the machine's load: not cached
                cache.put(sha, entry)
                seen[name].sha256 = sha
            else:
                seen.pop(name)
                rejects.append(_reject(name, entry.status, entry.payload.decode("utf-8", "replace")))
        cache.flush()
        clock.lap("parse")
        ok, curated = _collect(seen, raw_dir, cache, rejects)
        exact, near = _duplicates(ok, cache, curated)
        clock.lap("dedup")
        rejects.extend(_reject(f"{i}.txt", "dedup", f"exact duplicate of {j}") for i, j in sorted(exact.items()))
        kept = [s for s in ok if s.id not in exact]
        with outdir.staged(out) as tmp:
            stats = _write(kept, near, curated, cache, tmp, progress, rejects, workers)
            rejects.sort(key=lambda r: (r["file"], r["stage"]))
            summary = summarise(stats, rejects, len(paths))
            write_reports(tmp, summary, rejects)
        clock.lap("write")
        if use_cache:
            cache.prune()
    return Report(articles=stats.articles, rejects=rejects, out_dir=str(out), summary=summary,
                  parsed=len(misses), from_cache=hits, seconds=clock.laps, recovered=recovered)


def _import_writers() -> None:
    """Load what the card and the chart need (`datasets`, `huggingface_hub`, `matplotlib`, the gazetteer's table
    for its version and years): two to three seconds that would otherwise be spent serially after the write pass."""
    import contextlib

    with contextlib.suppress(Exception):  # a load that fails here fails again, reported, where it is needed
        import datasets  # noqa: F401
        import huggingface_hub  # noqa: F401
        import matplotlib.figure  # noqa: F401

        from .parser.gazetteer import table_years

        table_years()


def check_folders(raw_dir: Path, out: Path, cache: Path | None) -> None:
    """Refuse, before any parsing, an output whose replacement would delete the input, the cache or other files."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist or is not a folder")
    outdir.check_target(out)
    out_r = out.resolve()
    for name, path in (("raw folder", raw_dir), ("cache", cache)):
        if path is not None and (path.resolve() == out_r or out_r in path.resolve().parents):
            raise ValueError(f"the {name} {path} is inside the output folder {out}, which a build replaces")


#: Cached entries verified per job sent to a worker.
VERIFY_BATCH = 256


def _scan(paths: list[Path], raw_dir: Path, cache: ParseCache, rejects: list[dict], progress: bool,
          workers: _Workers) -> tuple[dict[str, _Seen], list[str]]:
    """Hash every file; those the cache does not know, or knows by an entry that fails verification, are to be parsed.

    Cached entries are verified (`cache.verify_entry`) in the workers, a batch at a time.
    """
    seen: dict[str, _Seen] = {}
    known: list[str] = []
    misses: list[str] = []
    for path in _progress(paths, len(paths), "scan", progress):
        try:
            check_name(path.name)
            sha = hashlib.sha256(read_raw(path, raw_dir)).hexdigest()
        except ParseError as exc:
            rejects.append(_reject(path.name, exc.stage, exc.reason))
            continue
        except OSError as exc:
            rejects.append(_reject(path.name, "read", f"cannot read: {exc.strerror}"))
            continue
        seen[path.name] = _Seen(path.name, path.stem, sha)
        known.append(path.name)

    def batches() -> Iterator[list[tuple[str, tuple | None]]]:
        for k in range(0, len(known), VERIFY_BATCH):
            names = known[k : k + VERIFY_BATCH]
            yield [(name, cache.entry_to_verify(seen[name].sha256)) for name in names]

    if workers.n <= 1 or len(known) < POOL_MIN_FILES:
        verdicts: Iterable[list[tuple[str, bool, bytes | None]]] = map(_verify_batch, batches())
    else:
        verdicts = _in_order(workers.pool(), _verify_batch, batches(), window=2 * workers.n)
    for found in verdicts:
        for name, cached, fingerprint in found:
            if not cached or not cache.accept(seen[name].sha256, fingerprint):  # absent, or invalid and deleted: parse it
                misses.append(name)
    return seen, misses


def _verify_batch(batch: list[tuple[str, tuple | None]]) -> list[tuple[str, bool, bytes | None]]:
    """(name, whether a record is cached, `cache.verify_entry`'s fingerprint) for a batch of (name, entry or None), in a worker."""
    return [(name, job is not None, None if job is None else verify_entry(job)) for name, job in batch]


def _collect(seen: dict[str, _Seen], raw_dir: Path, cache: ParseCache, rejects: list[dict]) -> tuple[list[_Seen], dict[str, dict]]:
    """The files that parsed, in id order, and the records `metadata.jsonl` curates (validated)."""
    ok = []
    for s in seen.values():
        status = cache.keys(s.sha256)[0]
        if status == "ok":
            ok.append(s)
        else:
            rejects.append(_reject(s.name, status, cache.payload(s.sha256).decode("utf-8", "replace")))
    entries, problems = curate.read_metadata(raw_dir / curate.METADATA_FILE, set(seen))
    rejects.extend(problems)
    curated: dict[str, dict] = {}
    by_name = {s.name: s for s in ok}
    for name, (line, values) in sorted(entries.items()):
        s = by_name.get(name)
        if s is None:
            rejects.append(_reject(curate.METADATA_FILE, "metadata", f"line {line}: {name} was rejected, its curation not applied"))
            continue
        try:
            article = Article.model_validate(_record(s, cache))
        except CacheError as exc:
            rejects.append(_reject(name, "cache", f"cache entry changed during the build: {exc}"))
            continue
        record, problems = curate.apply(article, values, line)
        curated[s.id] = record.model_dump()
        rejects.extend(problems)
    bad = {r["file"] for r in rejects}
    return sorted((s for s in ok if s.name not in bad), key=lambda s: s.id), curated


def _record(s: _Seen, cache: ParseCache) -> dict[str, Any]:
    """The cached record of a file, validated again, under this file's id (equal bytes may have been parsed under another name)."""
    rec = cache.record(s.sha256)
    rec["id"] = s.id
    return rec


def _duplicates(ok: list[_Seen], cache: ParseCache, curated: dict[str, dict]) -> tuple[dict[str, str], dict[str, str]]:
    """Exact and near duplicates over the whole corpus, from the cached keys only."""
    finder = Reprints()
    for s in ok:
        _, digest, day, sig = cache.keys(s.sha256)
        if s.id in curated:
            date = curated[s.id]["date"]
            day = date.toordinal() if date else None
        finder.add(s.id, digest, day, sig)
    return finder.result(lambda k: cache.keys(ok[k].sha256)[3])  # records were added in `ok` order


#: Articles per shard: a fixed number, so the files depend on the corpus alone (never on the number of
#: workers), and the shards are encoded in the workers, in parallel, while this process only reads the cache.
SHARD_ARTICLES = 2500


def _write(kept: list[_Seen], near: dict[str, str], curated: dict[str, dict], cache: ParseCache, folder: Path, progress: bool,
           rejects: list[dict], workers: _Workers) -> Stats:
    """Write the records in id order into the shards of both configs (a part of SHARD_ARTICLES each), then the card.

    A record that no longer reads back valid (its cache entry edited during the build) is
    rejected here, never written.
    """

    def part(number: int, chunk: list[_Seen]) -> Part:
        items = []
        for s in chunk:
            rec = curated.get(s.id)
            blob, checked = (None, False) if rec is not None else cache.record_payload(s.sha256)
            items.append((s.name, s.sha256, s.id, near.get(s.id), rec, blob, checked))
        return Part(number, folder, items)

    chunks = [kept[k : k + SHARD_ARTICLES] for k in range(0, len(kept), SHARD_ARTICLES)]
    if len(chunks) > 1 and workers.n > 1:  # the card's and the chart's libraries load while the workers encode
        threading.Thread(target=_import_writers, name="import-writers", daemon=True).start()
    parts = (part(n, chunk) for n, chunk in enumerate(chunks))
    if workers.n <= 1 or len(chunks) <= 1:
        written: Iterable[Written] = map(write_part, parts)
    else:
        written = _in_order(workers.pool(), write_part, parts, window=workers.n + 1)
    stats = Stats()
    example = None
    files: dict[str, list[Path]] = {"articles": [], "sections": []}
    for out in _progress(written, len(chunks), "write", progress):
        for name, sha, reason in out.failed:
            rejects.append(_reject(name, "cache", f"cache entry changed during the build: {reason}"))
            cache.forget(sha)
        stats.merge(out.stats)
        example = example or out.example
        for config, paths in out.files.items():
            files[config] += paths
    shards = {"articles": name_shards(folder / "data" / "articles", Article, files["articles"]),
              "sections": name_shards(folder / "data" / "sections", SectionRow, files["sections"])}
    years = {int(y): k for y, k in stats.by_year.items() if y.isdigit()}
    render_chart({p: k for p, k in stats.by_province.items() if p != NO_REGION}, years, folder / CHART)
    write_croissant(folder)
    (folder / "README.md").write_text(render_card(stats, example, shards), encoding="utf-8")
    (folder / LICENSE_FILE).write_text(LICENSE_TEXT, encoding="utf-8")
    return stats


def summarise(stats: Stats, rejects: list[dict], raw_files: int) -> dict:
    """Counts per stage, rejects by reason, the corpus statistics."""
    return {
        "raw_files": raw_files,
        "rejected": len(rejects),
        "rejects_by_stage": dict(sorted(Counter(r["stage"] for r in rejects).items())),
        "rejects_by_reason": dict(sorted(Counter(r["reason"].split(":")[0] for r in rejects).items())),
        "exact_duplicates_dropped": sum(r["stage"] == "dedup" for r in rejects),
        **stats.to_dict(),
    }
