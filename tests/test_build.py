"""The build end to end: byte-identical rebuild, rejects report, loading through datasets."""

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import datasets
import pyarrow as pa
import pytest

import policy_corpus
from policy_corpus.models import Article, SectionRow
from policy_corpus.schema import arrow_schema, hf_features

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "src" / "policy_corpus" / "data"
FILES = ["README.md", "data/articles/train-00000-of-00001.parquet", "data/sections/train-00000-of-00001.parquet"]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "data"
    report = policy_corpus.build(ROOT / "raw", out)
    assert report.ok and report.articles == 5
    return out


def test_rebuild_is_byte_identical(rebuilt: Path, tree: Callable[[Path], dict[str, bytes]]) -> None:
    built, packaged = tree(rebuilt), tree(PACKAGED)
    assert sorted(built) == sorted(packaged)
    for name in FILES + ["build_report.json"]:
        assert name in built
    for name, data in built.items():
        assert data == packaged[name], name


def test_bad_files_are_rejected_and_seeds_still_build(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (raw / "nobody.txt").write_text("网络安全和信息化办公室\n首页\n分享\n关闭窗口\n版权所有 某某网 京ICP备000000号\n" * 3, encoding="utf-8")
    report = policy_corpus.build(raw, tmp_path / "out")
    assert report.articles == 5
    reasons = {r["file"]: (r["stage"], r["reason"]) for r in report.rejects}
    assert reasons["empty.txt"] == ("read", "empty file")
    assert reasons["binary.txt"][1].startswith("binary file")
    assert reasons["nobody.txt"] == ("segment", "no body: no prose paragraph found")
    lines = (tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(x)["file"] for x in lines) == ["binary.txt", "empty.txt", "nobody.txt"]


def test_load_dataset_both_configs_with_declared_types() -> None:
    arts = datasets.load_dataset(str(PACKAGED), split="train")
    secs = datasets.load_dataset(str(PACKAGED), "sections", split="train")
    assert arts.num_rows == 5 and secs.num_rows == 55
    assert arts.features["date"].dtype == "date32"
    assert arts.features["published_at"].dtype == "timestamp[ms, tz=Asia/Shanghai]"
    assert arts.data.schema.remove_metadata() == hf_features(Article).arrow_schema
    assert arts.data.schema.field("regions").type == pa.list_(pa.struct([
        ("name", pa.string()), ("code", pa.string()), ("province", pa.string()), ("level", pa.string()),
        ("current_code", pa.string())]))
    assert secs.data.schema.field("level").type == pa.int8()
    row = arts[0]
    assert row["id"] == "000_dac59bbde87f66ac" and str(row["published_at"]) == "2023-12-31 19:12:00+08:00"


def test_package_load_matches_parquet_schema() -> None:
    import pyarrow.parquet as pq

    written = pq.read_schema(PACKAGED / FILES[1]).remove_metadata()
    assert written == arrow_schema(Article)  # nullability kept in the files
    arts = policy_corpus.load()
    assert arts.data.schema.remove_metadata() == hf_features(Article).arrow_schema
    secs = policy_corpus.load("sections")
    assert secs.data.schema.remove_metadata() == hf_features(SectionRow).arrow_schema
    roundup = [r for r in secs if r["article_id"] == "003_e1d2117a9e060141"]
    assert [r["region_code"] for r in roundup[:3]] == [None, "120000", "120000"]
    assert roundup[2]["heading_path"] == ["天津"]


def test_load_from_the_hub_layout(tmp_path: Path) -> None:
    """`load(repo_id=...)` goes through datasets.load_dataset; a local copy of the folder stands in for the hub."""
    import shutil

    import policy_corpus

    hub = tmp_path / "policy-corpus"
    shutil.copytree(PACKAGED, hub)
    remote = policy_corpus.load(repo_id=str(hub))
    local = policy_corpus.load()
    assert remote.num_rows == local.num_rows and remote.features == local.features
    assert remote[0]["regions"] == local[0]["regions"]
    sections = policy_corpus.load("sections", repo_id=str(hub), format="pandas")
    assert len(sections) == policy_corpus.load("sections").num_rows
    with pytest.raises(ValueError):
        policy_corpus.load(repo_id=str(hub), data_dir=PACKAGED)


def test_shards_use_content_defined_chunking_and_a_page_index() -> None:
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(PACKAGED / "data" / "articles" / "train-00000-of-00001.parquet").metadata
    column = meta.row_group(0).column(0)
    assert column.has_offset_index and column.has_column_index
