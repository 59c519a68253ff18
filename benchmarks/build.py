"""Build benchmark: the full build against a floor, at several corpus sizes.

    python benchmarks/build.py --sizes 1000 10000 100000 [--workdir DIR] [--workers N]
                               [--seed S] [--markdown FILE] [--steps ...] [--keep]

For each size N a synthetic corpus (`benchmarks/synth.py`, fixed seed) is written to
WORKDIR/raw-N, then every step runs in a fresh Python subprocess, which reports its own wall time
and peak RSS (`ru_maxrss` of itself and of its largest waited-for child, i.e. the largest worker):

- floor: read every file, `policy_corpus.read.decode`, NFKC, write (id, text) to Parquet with
  `policy_corpus.write.PARQUET_OPTIONS` in batches of 1000 rows (flat memory);
- build, 1 worker: `policy_corpus.build(raw, out, workers=1, cache_dir=<fresh empty>)`;
- build, all cores: the same with `workers=--workers` (default `os.cpu_count()`), fresh cache;
- incremental: `synth.mutate(raw, 0.01)`, then the all-cores build again with its cache;
- load: `policy_corpus.load(data_dir=out)` against `import datasets` + `pyarrow.parquet.read_table`
  of the same article files, imports included (best of --load-repeat runs).

Build and floor times cover the call only (imports excluded); load times include the imports.
Worker RSS includes the pages a forked worker shares with its parent. Children get
POLICY_CORPUS_CACHE=WORKDIR/cache-default so nothing touches the user's own parse cache.

Prints a Markdown table per N and the targets; `--markdown FILE` appends them with a machine
description, ready for benchmarks/RESULTS.md. Exit status 0 even when a target is missed (this
is a measurement, not a test); 1 when a step failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MARK = "@@bench@@ "
FLOOR_BATCH = 1000
MUTATE_FRACTION = 0.01
STEPS = ("floor", "build1", "buildall", "incremental", "load")

# targets: (key, description, limit, comparison)
TARGET_FULL_OVER_FLOOR = 6.0
TARGET_SPEEDUP = 1.7
TARGET_INCREMENTAL = 0.10
TARGET_RSS_MIB = 1024.0
TARGET_RSS_FLAT = 0.20
TARGET_LOAD = 2.0


# ------------------------------------------------------------------------------------ children


def _rss() -> dict[str, float]:
    """Peak RSS in MiB of this process and of its largest waited-for descendant (Linux: KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_main": own, "rss_worker": kids}


def _floor(raw: Path, out: Path) -> dict:
    import unicodedata

    import pyarrow as pa
    import pyarrow.parquet as pq

    from policy_corpus.parser.read import decode
    from policy_corpus.write import PARQUET_OPTIONS

    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    out.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    paths = sorted(p for p in raw.iterdir() if p.suffix == ".txt")
    rows = 0
    with pq.ParquetWriter(out, schema, **PARQUET_OPTIONS) as writer:
        ids: list[str] = []
        texts: list[str] = []
        for path in paths:
            ids.append(path.stem)
            texts.append(unicodedata.normalize("NFKC", decode(path.read_bytes(), path.name)))
            if len(ids) == FLOOR_BATCH:
                writer.write_table(pa.table({"id": ids, "text": texts}, schema=schema))
                rows += len(ids)
                ids, texts = [], []
        if ids:
            writer.write_table(pa.table({"id": ids, "text": texts}, schema=schema))
            rows += len(ids)
    return {"seconds": time.perf_counter() - t0, "rows": rows, "parquet_bytes": out.stat().st_size}


class _Descendants:
    """Peak resident memory of every descendant process, sampled from /proc (Linux).

    Pool workers of a forkserver are the build's grandchildren, which `RUSAGE_CHILDREN` never
    sees; each one's `VmHWM` (its own high-water mark) is read every `period` seconds while the
    build runs, so a worker's peak is caught even though it exits before the build returns.
    """

    def __init__(self, period: float = 0.1) -> None:
        import threading

        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(period,), daemon=True)

    def __enter__(self) -> _Descendants:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, period: float) -> None:
        while not self._stop.wait(period):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
        found, frontier = set(), {os.getpid()}
        while frontier:
            frontier = {p for p, pp in parents.items() if pp in frontier} - found
            found |= frontier
        for pid in found:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(line.split()[1]) / 1024)
            except OSError:
                continue


def _build(raw: Path, out: Path, cache: Path, workers: int) -> dict:
    import policy_corpus

    t0 = time.perf_counter()
    with _Descendants() as procs:
        report = policy_corpus.build(raw, out, workers=workers, cache_dir=cache)
    seconds = time.perf_counter() - t0
    summary = getattr(report, "summary", {}) or {}
    return {
        "seconds": seconds,
        "articles": report.articles,
        "rejected": len(report.rejects),
        "near_duplicates": summary.get("near_duplicates"),
        "exact_duplicates": summary.get("exact_duplicates_dropped"),
        "parsed": getattr(report, "parsed", None),
        "from_cache": getattr(report, "from_cache", None),
        "reject_reasons": summary.get("rejects_by_reason"),
        "passes": getattr(report, "seconds", None),
        "rss_descendants": sorted(procs.peaks.values(), reverse=True)[:4],  # MiB: forkserver and workers
    }


def _load(out: Path, t0: float) -> dict:
    import policy_corpus

    ds = policy_corpus.load(data_dir=out)
    return {"seconds": time.perf_counter() - t0, "rows": len(ds)}


def _load_baseline(out: Path, t0: float) -> dict:
    import datasets  # noqa: F401  (the import is part of what is measured)
    import pyarrow.parquet as pq

    files = sorted((out / "data" / "articles").glob("*.parquet"))
    rows = sum(pq.read_table(f).num_rows for f in files)
    return {"seconds": time.perf_counter() - t0, "rows": rows}


def child(step: str, params: dict) -> dict:
    t0 = time.perf_counter()
    if step in ("generate", "mutate"):
        sys.path.insert(0, str(HERE))
        import synth

        if step == "generate":
            total = synth.generate(Path(params["raw"]), params["n"], params["seed"], params["workers"])
            result = {"seconds": time.perf_counter() - t0, "bytes": total}
        else:
            changed = synth.mutate(Path(params["raw"]), params["fraction"], params["seed"])
            result = {"seconds": time.perf_counter() - t0, "changed": changed}
    elif step == "floor":
        result = _floor(Path(params["raw"]), Path(params["out"]))
    elif step == "build":
        result = _build(Path(params["raw"]), Path(params["out"]), Path(params["cache"]), params["workers"])
    elif step == "load":
        result = _load(Path(params["out"]), t0)
    elif step == "load_baseline":
        result = _load_baseline(Path(params["out"]), t0)
    else:
        raise SystemExit(f"unknown step {step!r}")
    return result | _rss()


# ------------------------------------------------------------------------------------ parent


def run_step(step: str, params: dict, env: dict[str, str]) -> dict:
    """Run one step in a fresh interpreter; its result dict, or {"error": ...}."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", step, json.dumps(params)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - t0
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith(MARK) and proc.returncode == 0:
            return json.loads(line[len(MARK) :]) | {"process_wall": wall}
    tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
    return {"error": f"exit {proc.returncode}: {tail}", "stderr": proc.stderr[-4000:]}


def _fresh(*dirs: Path) -> None:
    for d in dirs:
        shutil.rmtree(d, ignore_errors=True)


def measure(n: int, args: argparse.Namespace, env: dict[str, str]) -> dict:
    work: Path = args.workdir
    raw, floor_out = work / f"raw-{n}", work / f"floor-{n}" / "articles.parquet"
    out1, cache1 = work / f"out-{n}-1", work / f"cache-{n}-1"
    outall, cacheall = work / f"out-{n}-all", work / f"cache-{n}-all"
    _fresh(raw, floor_out.parent, out1, cache1, outall, cacheall)
    res: dict = {"n": n, "workers": args.workers}

    def step(name: str, kind: str, params: dict) -> dict:
        log(f"N={n}: {name} ...")
        r = run_step(kind, params, env)
        res[name] = r
        log(f"N={n}: {name}: " + (r["error"] if "error" in r else f"{r['seconds']:.2f} s, peak RSS {r['rss_main']:.0f} MiB"))
        return r

    gen = step("generate", "generate", {"raw": str(raw), "n": n, "seed": args.seed, "workers": args.workers})
    if "error" in gen:
        return res
    res["bytes"] = gen["bytes"]
    if "floor" in args.steps:
        step("floor", "floor", {"raw": str(raw), "out": str(floor_out)})
    if "build1" in args.steps:
        step("build1", "build", {"raw": str(raw), "out": str(out1), "cache": str(cache1), "workers": 1})
    if {"buildall", "incremental"} & set(args.steps):
        step("buildall", "build", {"raw": str(raw), "out": str(outall), "cache": str(cacheall), "workers": args.workers})
    if "incremental" in args.steps and "error" not in res["buildall"]:
        step("mutate", "mutate", {"raw": str(raw), "fraction": MUTATE_FRACTION, "seed": args.seed + 1})
        step("incremental", "build", {"raw": str(raw), "out": str(outall), "cache": str(cacheall), "workers": args.workers})
    if "load" in args.steps:
        data = next((o for key, o in (("buildall", outall), ("build1", out1)) if key in res and "error" not in res[key]), None)
        if data is None:
            res["load"] = res["load_baseline"] = {"error": "no built corpus to load"}
        else:
            runs: dict[str, list[dict]] = {"load": [], "load_baseline": []}
            for _ in range(args.load_repeat):  # interleaved, so that a busy moment hits both
                for kind, got in runs.items():
                    got.append(run_step(kind, {"out": str(data)}, env))
            for name, got in runs.items():
                ok = [r for r in got if "error" not in r]
                res[name] = min(ok, key=lambda r: r["seconds"]) if ok else got[0]
                log(f"N={n}: {name}: " + (f"{res[name]['seconds']:.2f} s (best of {len(ok)})" if ok else res[name]["error"]))
    if not args.keep:
        _fresh(raw, floor_out.parent, out1, cache1, outall, cacheall)
    return res


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------ report


def _fmt(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:,.{digits}f}"


def table(res: dict) -> str:
    n, mb = res["n"], res.get("bytes", 0) / 1e6
    floor = res.get("floor", {}).get("seconds")
    base = res.get("load_baseline", {}).get("seconds")
    rows = [
        ("floor: read + decode + NFKC + Parquet", "floor", floor),
        ("build, 1 worker", "build1", floor),
        (f"build, {res['workers']} workers", "buildall", floor),
        (f"incremental ({MUTATE_FRACTION:.0%} changed), {res['workers']} workers", "incremental", floor),
        ("load: policy_corpus.load (incl. import)", "load", base),
        ("load baseline: import datasets + read_table", "load_baseline", base),
    ]
    out = [f"N = {n:,} articles, {mb:,.1f} MB raw UTF-8", "",
           "| step | time s | MB/s | articles/s | peak RSS main MiB | peak RSS worker MiB | × floor / × baseline |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for label, key, ref in rows:
        r = res.get(key)
        if r is None:
            continue
        if "error" in r:
            out.append(f"| {label} | failed: {r['error'][:120]} | | | | | |")
            continue
        s = r["seconds"]
        worker = _worker_peak(r) if key in ("build1", "buildall", "incremental") else None
        ratio = s / ref if ref else None
        out.append(f"| {label} | {_fmt(s)} | {_fmt(mb / s, 1)} | {_fmt(n / s, 0)} | {_fmt(r['rss_main'], 0)} | {_fmt(worker, 0)} | {_fmt(ratio)} |")
    notes = []
    gen = res.get("generate", {})
    if "seconds" in gen:
        notes.append(f"generated in {gen['seconds']:.1f} s ({n / gen['seconds']:,.0f} files/s)")
    for key in ("build1", "buildall", "incremental"):
        r = res.get(key, {})
        if "articles" in r:
            extra = f", {r['parsed']} parsed, {r['from_cache']} from cache" if r.get("parsed") is not None else ""
            passes = ", ".join(f"{k} {v:.1f} s" for k, v in (r.get("passes") or {}).items())
            notes.append(f"{key}: {r['articles']} articles, {r['rejected']} rejected, {r['near_duplicates']} near duplicates{extra}"
                         + (f"; passes: {passes}" if passes else ""))
    if "changed" in res.get("mutate", {}):
        notes.append(f"mutate: {res['mutate']['changed']} files changed")
    out += [""] + [f"- {x}" for x in notes]
    return "\n".join(out)


def _secs(res: dict, key: str) -> float | None:
    r = res.get(key)
    return r["seconds"] if r and "seconds" in r else None


def _worker_peak(r: dict) -> float | None:
    """The largest peak RSS of a worker (or forkserver): sampled from /proc, else the waited-for children's."""
    sampled = r.get("rss_descendants") or []
    peak = max([*sampled, r.get("rss_worker") or 0.0])
    return peak or None


def _peak(res: dict) -> float | None:
    vals = [max(r["rss_main"], _worker_peak(r) or 0.0) for k in ("build1", "buildall", "incremental") if "rss_main" in (r := res.get(k) or {})]
    return max(vals) if vals else None


def targets(res: dict) -> list[tuple[str, float | None, str, bool | None]]:
    """(what, measured, limit, met) for one size."""
    f, b1, ba, inc = (_secs(res, k) for k in ("floor", "build1", "buildall", "incremental"))
    ld, base = _secs(res, "load"), _secs(res, "load_baseline")
    peak = _peak(res)

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    rows = [
        ("build, all cores / floor", ratio(ba, f), f"≤ {TARGET_FULL_OVER_FLOOR:g}", lambda x: x <= TARGET_FULL_OVER_FLOOR),
        (f"build 1 worker / build {res['workers']} workers", ratio(b1, ba), f"≥ {TARGET_SPEEDUP:g}", lambda x: x >= TARGET_SPEEDUP),
        ("incremental / build all cores", ratio(inc, ba), f"≤ {TARGET_INCREMENTAL:g}", lambda x: x <= TARGET_INCREMENTAL),
        ("peak RSS of builds (main or worker), MiB", peak, f"≤ {TARGET_RSS_MIB:g}", lambda x: x <= TARGET_RSS_MIB),
        ("load / (import datasets + read_table)", ratio(ld, base), f"≤ {TARGET_LOAD:g}", lambda x: x <= TARGET_LOAD),
    ]
    return [(what, x, limit, None if x is None else ok(x)) for what, x, limit, ok in rows]


def _verdict(met: bool | None) -> str:
    return "n/a" if met is None else "pass" if met else "**MISS**"


def targets_table(results: list[dict]) -> str:
    sizes = [r["n"] for r in results]
    out = ["| target | limit | " + " | ".join(f"N={n:,}" for n in sizes) + " |", "|---|---|" + "---:|" * len(sizes)]
    per = [targets(r) for r in results]
    for k, (what, _, limit, _) in enumerate(per[0]):
        cells = [f"{_fmt(p[k][1])} {_verdict(p[k][3])}" for p in per]
        out.append(f"| {what} | {limit} | " + " | ".join(cells) + " |")
    # flat memory: the largest size against the smallest size of at least 10k (else the two largest)
    peaks = {r["n"]: _peak(r) for r in results if _peak(r) is not None}
    big = sorted(n for n in peaks if n >= 10_000)
    note = ""
    if len(big) < 2:
        big = sorted(peaks)[-2:]
        note = " (indicative: sizes below 10k)"
    if len(big) >= 2:
        lo, hi = big[0], big[-1]
        growth = peaks[hi] / peaks[lo] - 1
        out.append(f"| peak RSS growth N={lo:,} → N={hi:,}{note} | ≤ {TARGET_RSS_FLAT:.0%} | {growth:+.0%} {_verdict(growth <= TARGET_RSS_FLAT)} |"
                   + " |" * (len(sizes) - 1))
    return "\n".join(out)


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()

    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "not installed"

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout.strip()
    return "\n".join([
        f"- CPU: {cpu}; {os.cpu_count()} logical cores ({usable} usable); RAM {mem}",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}; pyarrow {version('pyarrow')}; "
        f"datasets {version('datasets')}; policy-corpus {version('policy-corpus')} at {commit or '?'}{' (src modified)' if dirty else ''}",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", nargs=2, metavar=("STEP", "JSON"), help=argparse.SUPPRESS)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000], help="corpus sizes (default: 1000)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "policy-corpus-bench",
                        help="scratch folder for raw files, outputs and caches (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="workers of the all-cores build (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS), help="steps to run (default: all)")
    parser.add_argument("--load-repeat", type=int, default=3, help="runs of each load measurement, best kept (default: 3)")
    parser.add_argument("--markdown", type=Path, help="append the results, with a machine description, to this file")
    parser.add_argument("--keep", action="store_true", help="keep raw files, outputs and caches in the workdir")
    args = parser.parse_args()

    if args.child:
        result = child(args.child[0], json.loads(args.child[1]))
        print(MARK + json.dumps(result), flush=True)
        return 0

    args.workdir = args.workdir.resolve()
    args.workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, POLICY_CORPUS_CACHE=str(args.workdir / "cache-default"))
    started = dt.datetime.now().astimezone()
    results = []
    for n in args.sizes:
        res = measure(n, args, env)
        results.append(res)
        print("\n" + table(res) + "\n", flush=True)
    summary = targets_table(results)
    print("Targets\n\n" + summary)
    failed = [f"N={r['n']} {k}" for r in results for k, v in r.items() if isinstance(v, dict) and "error" in v]
    for f in failed:
        print(f"step failed: {f}", file=sys.stderr)

    if args.markdown:
        cmd = "python benchmarks/build.py " + " ".join(sys.argv[1:])
        text = [f"## Build benchmark, {started:%Y-%m-%d %H:%M %Z}", "", machine(), f"- command: `{cmd}`", ""]
        text += [table(r) + "\n" for r in results]
        text += ["Targets", "", summary, ""]
        with args.markdown.open("a", encoding="utf-8") as fh:
            fh.write("\n".join(text) + "\n")
        print(f"\nappended to {args.markdown}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
