"""Scale: workers, the parse cache and shards change how the corpus is built, never what it is."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from pathlib import Path

import datasets
import pyarrow.parquet as pq
import pytest

import policy_corpus
from policy_corpus import cache as cache_mod
from policy_corpus import write

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and the team's cases: 49 pages, several shapes and scripts."""
    folder = tmp_path_factory.mktemp("raw")
    for p in sorted((ROOT / "raw").glob("*.txt")) + sorted((ROOT / "tests" / "cases").glob("*.txt")):
        shutil.copy(p, folder / p.name)
    return folder


@pytest.fixture(scope="module")
def one_worker(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("one") / "out"
    report = policy_corpus.build(raw, out, workers=1, use_cache=False)
    assert report.articles == 49 and report.parsed == 49
    return out


@pytest.fixture
def pool_for_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """Worker processes even for the few files of a test (the build parses under 64 in-process)."""
    monkeypatch.setattr(importlib.import_module("policy_corpus.builder"), "POOL_MIN_FILES", 2)


@pytest.mark.usefixtures("pool_for_few_files")
def test_two_workers_give_the_same_bytes_as_one(raw: Path, one_worker: Path, tmp_path: Path, tree: Callable[[Path], dict[str, bytes]]) -> None:
    report = policy_corpus.build(raw, tmp_path / "out", workers=2, use_cache=False)
    assert report.articles == 49
    assert tree(tmp_path / "out") == tree(one_worker)


@pytest.mark.usefixtures("pool_for_few_files")
def test_cache_skips_unchanged_files_and_reparses_changed_ones(raw: Path, one_worker: Path, tmp_path: Path, tree: Callable[[Path], dict[str, bytes]]) -> None:
    folder = tmp_path / "raw"
    shutil.copytree(raw, folder)
    cache = tmp_path / "cache"
    first = policy_corpus.build(folder, tmp_path / "a", workers=2, cache_dir=cache)
    assert (first.parsed, first.from_cache) == (49, 0)
    again = policy_corpus.build(folder, tmp_path / "b", workers=2, cache_dir=cache)
    assert (again.parsed, again.from_cache) == (0, 49)
    assert tree(tmp_path / "b") == tree(one_worker)
    changed = folder / "000_dac59bbde87f66ac.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("网络", "网路", 1), encoding="utf-8")
    third = policy_corpus.build(folder, tmp_path / "c", workers=2, cache_dir=cache)
    assert (third.parsed, third.from_cache) == (1, 48)
    assert tree(tmp_path / "c") != tree(one_worker)
    assert [p.name for p in cache.glob("*.sqlite")] == [f"parsed-{cache_mod.parser_version()}.sqlite"]


def test_a_new_parser_version_reparses_everything(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    policy_corpus.build(raw, tmp_path / "a", workers=1, cache_dir=cache)
    monkeypatch.setattr(cache_mod, "parser_version", lambda: "a-changed-rule")
    report = policy_corpus.build(raw, tmp_path / "b", workers=1, cache_dir=cache)
    assert (report.parsed, report.from_cache) == (49, 0)


def test_parser_version_hashes_rule_code() -> None:
    version = cache_mod.parser_version()
    assert len(version) == 16 and version == cache_mod.parser_version()
    assert "models" in cache_mod.PARSER_MODULES and "write" not in cache_mod.PARSER_MODULES


def test_same_bytes_under_two_names_parse_once_and_dedupe(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    seed = ROOT / "raw" / "000_dac59bbde87f66ac.txt"
    shutil.copy(seed, raw / "a.txt")
    shutil.copy(seed, raw / "b.txt")
    report = policy_corpus.build(raw, tmp_path / "out", workers=1, cache_dir=tmp_path / "cache")
    assert report.articles == 1
    assert report.rejects == [{"file": "b.txt", "stage": "dedup", "reason": "exact duplicate of a"}]
    assert policy_corpus.load(data_dir=tmp_path / "out")["id"] == ["a"]


def test_small_shards_and_row_groups(raw: Path, one_worker: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "SHARD_BYTES", 60_000)
    monkeypatch.setattr(write, "ROW_GROUP_ROWS", 5)
    out = tmp_path / "out"
    policy_corpus.build(raw, out, workers=1, use_cache=False)
    shards = sorted((out / "data" / "articles").glob("*.parquet"))
    n = len(shards)
    assert n > 1
    assert [p.name for p in shards] == [f"train-{k:05d}-of-{n:05d}.parquet" for k in range(n)]
    assert all(pq.ParquetFile(p).metadata.num_row_groups >= 1 for p in shards)
    assert max(pq.ParquetFile(p).metadata.row_group(0).num_rows for p in shards) <= 5
    sharded = policy_corpus.load(data_dir=out)
    single = policy_corpus.load(data_dir=one_worker)
    assert sharded.to_list() == single.to_list()
    hub = datasets.load_dataset(str(out), split="train")
    assert hub.num_rows == 49 and hub["id"] == single["id"]
    secs = datasets.load_dataset(str(out), "sections", split="train")
    assert secs.num_rows == policy_corpus.load("sections", data_dir=one_worker).num_rows


def test_parts_are_written_in_the_workers_and_give_the_same_bytes(raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   tree: Callable[[Path], dict[str, bytes]]) -> None:
    """Shards of a fixed number of articles, each encoded by a worker: the files do not depend on the number of workers."""
    builder = importlib.import_module("policy_corpus.builder")
    monkeypatch.setattr(builder, "SHARD_ARTICLES", 10)
    policy_corpus.build(raw, tmp_path / "one", workers=1, use_cache=False)
    report = policy_corpus.build(raw, tmp_path / "two", workers=2, use_cache=False)
    assert report.articles == 49 and tree(tmp_path / "two") == tree(tmp_path / "one")
    shards = sorted((tmp_path / "two" / "data" / "articles").glob("*.parquet"))
    assert [p.name for p in shards] == [f"train-{k:05d}-of-00005.parquet" for k in range(5)]
    assert [pq.ParquetFile(p).metadata.num_rows for p in shards] == [10, 10, 10, 10, 9]
    assert policy_corpus.load(data_dir=tmp_path / "two")["id"] == sorted(policy_corpus.load(data_dir=tmp_path / "one")["id"])


def test_datatrove_local_pipeline_publishes_what_build_publishes(raw: Path, one_worker: Path, tmp_path: Path, tree: Callable[[Path], dict[str, bytes]]) -> None:
    from policy_corpus import scale

    scale.run_local(raw, tmp_path / "out", tmp_path / "work", tasks=2, workers=2)
    entries = sorted((tmp_path / "work" / "entries").glob("*.parquet"))
    assert [p.name for p in entries] == ["00000.parquet", "00001.parquet"]
    assert sum(pq.ParquetFile(p).metadata.num_rows for p in entries) == 49
    assert tree(tmp_path / "out") == tree(one_worker)
    again = policy_corpus.build(raw, tmp_path / "again", workers=1, cache_dir=tmp_path / "work" / "cache")
    assert (again.parsed, again.from_cache) == (0, 49)


def test_parse_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Worker processes have different string hash seeds: records must not (homonym regions, sets)."""
    script = (
        "import json, sys, pathlib\n"
        "from policy_corpus.jobs import parse_path\n"
        "out = []\n"
        "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
        "    name, sha, e = parse_path((str(p), sys.argv[1]))\n"
        "    out.append([name, e.status, e.payload.hex() if e.status != 'ok' else __import__('policy_corpus.cache', fromlist=['x']).decode_record(e.payload)['regions']])\n"
        "print(json.dumps(out, ensure_ascii=False, default=str))\n"
    )
    import os
    import subprocess
    import sys

    results = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(ROOT / "tests" / "cases")], env=env, capture_output=True, text=True, check=True)
        results.append(done.stdout)
    assert results[0] == results[1] and len(results[0]) > 1000
