"""croissant.json validates with mlcroissant and loads the same records as policy_corpus.load; the chart is reproducible."""

from __future__ import annotations

import datetime as dt
import json
import logging
import warnings
from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any

import mlcroissant as mlc
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import policy_corpus
from policy_corpus.chart import render_chart
from policy_corpus.croissant import croissant, data_type, write_croissant
from policy_corpus.models import CONFIGS
from policy_corpus.schema import arrow_schema

#: Deprecations inside mlcroissant's own dependencies (rdflib, pandas 3), not ours.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated"),
    pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame.reset_index"),
]
ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Left out on purpose: a publication date would make the document change with the build day.
ACCEPTED_WARNINGS = ('Property "https://schema.org/datePublished" is recommended, but does not exist.',)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("croissant") / "out"
    policy_corpus.build(ROOT / "raw", out)
    write_croissant(out)
    return out


@pytest.fixture(scope="module")
def dataset(built: Path) -> mlc.Dataset:
    return mlc.Dataset(jsonld=built / "croissant.json")


def _norm(value: Any) -> Any:
    """One comparable form for both readers: text as str, sub-field ids cut to names, dates as Timestamps."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {str(k).rsplit("/", 1)[-1]: _norm(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_norm(v) for v in value]
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).isoformat()
    if isinstance(value, np.generic):
        return value.item()
    return value


def test_document_is_deterministic_and_written_as_specified(built: Path) -> None:
    doc = croissant(built)
    assert doc == croissant(built)
    text = (built / "croissant.json").read_text(encoding="utf-8")
    assert text == json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n"
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert doc["license"].endswith("/LICENSE.md")
    assert doc["inLanguage"] == "zh"
    assert doc["version"] == metadata.version("policy-corpus")
    assert [d["includes"] for d in doc["distribution"]] == [f"data/{c}/*.parquet" for c in CONFIGS]
    assert {d["encodingFormat"] for d in doc["distribution"]} == {"application/x-parquet"}


def _assert_matches(fields: list[dict], arrow_fields: list[pa.Field]) -> None:
    """Croissant fields mirror the Arrow schema: names, order, repetition, nesting, types."""
    assert [f["name"] for f in fields] == [a.name for a in arrow_fields]
    for f, a in zip(fields, arrow_fields, strict=True):
        t = a.type.value_type if pa.types.is_list(a.type) else a.type
        assert f.get("repeated", False) == pa.types.is_list(a.type), a.name
        if pa.types.is_struct(t):
            _assert_matches(f["subField"], list(t))
        else:
            assert f["dataType"] == data_type(t), a.name
        assert f["description"], a.name


def test_record_sets_are_derived_from_the_schema(built: Path) -> None:
    doc = croissant(built)
    assert [rs["@id"] for rs in doc["recordSet"]] == list(CONFIGS)
    for rs, model in zip(doc["recordSet"], CONFIGS.values(), strict=True):
        _assert_matches(rs["field"], list(arrow_schema(model)))


def test_mlcroissant_validates_without_issues(built: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        ds = mlc.Dataset(jsonld=built / "croissant.json")
    issues = ds.metadata.ctx.issues
    assert not issues.errors
    assert {w for w in issues.warnings if not w.endswith(ACCEPTED_WARNINGS)} == set()
    assert "not standard" not in caplog.text


def test_croissant_refuses_a_folder_without_data(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        croissant(tmp_path)


@pytest.mark.parametrize("config", list(CONFIGS))
def test_mlcroissant_records_equal_load(dataset: mlc.Dataset, built: Path, config: str) -> None:
    ours = [_norm(r) for r in policy_corpus.load(config, data_dir=built)]
    theirs = [_norm(r) for r in dataset.records(config)]
    assert ours, "the corpus is empty"
    key = next(iter(CONFIGS[config].model_fields))
    assert [r[key] for r in theirs] == [r[key] for r in ours]
    for a, b in zip(theirs, ours, strict=True):
        assert a == b, a[key]


def test_nested_values_survive_mlcroissant(dataset: mlc.Dataset) -> None:
    """The list-of-struct columns come back as lists of dicts, null members included."""
    records = [_norm(r) for r in dataset.records("articles")]
    assert any(r["regions"] for r in records)
    assert all(isinstance(s["paragraphs"], list) for r in records for s in r["sections"])
    assert any(s["heading"] is None for r in records for s in r["sections"])
    assert any(p["line"] is not None for r in records for p in r["provenance"])


def _render_quietly(by_province: dict[str, int], by_year: dict[int, int], path: Path) -> bytes:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_chart(by_province, by_year, path)
    assert not [str(w.message) for w in caught if "missing from" in str(w.message)]
    return path.read_bytes()


def test_chart_is_byte_identical_png_with_chinese_labels(built: Path, tmp_path: Path) -> None:
    articles = list(policy_corpus.load(data_dir=built))
    by_province = Counter(r["regions"][0]["province"] for r in articles if r["regions"])
    by_province.update({"新疆维吾尔自治区": 1, "江苏省": 2})
    by_year = Counter(r["date"].year for r in articles if r["date"] is not None)
    first = _render_quietly(dict(by_province), dict(by_year), tmp_path / "a.png")
    second = _render_quietly(dict(by_province), dict(by_year), tmp_path / "b.png")
    assert first.startswith(PNG_SIGNATURE)
    assert first == second


def test_chart_of_nothing_says_no_data(tmp_path: Path) -> None:
    empty = _render_quietly({}, {}, tmp_path / "empty.png")
    assert empty.startswith(PNG_SIGNATURE)
    assert empty == _render_quietly({}, {}, tmp_path / "empty2.png")
    assert _render_quietly({"江苏省": 1}, {}, tmp_path / "half.png").startswith(PNG_SIGNATURE)
