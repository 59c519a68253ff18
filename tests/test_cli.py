"""Every verb of `policy-corpus`, run on the packaged corpus, with its output checked."""

from __future__ import annotations

import csv
import doctest
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import policy_corpus
from policy_corpus import cli, corpus
from policy_corpus.models import Article

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "src" / "policy_corpus" / "data"
GOLD = json.loads((Path(__file__).parent / "gold_seeds.json").read_text(encoding="utf-8"))
FIRST = "000_dac59bbde87f66ac"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_console_script_is_installed() -> None:
    done = subprocess.run([sys.executable, "-m", "policy_corpus.cli", "schema"], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["title"] == "Article"
    assert shutil.which("policy-corpus") or Path(sys.executable).with_name("policy-corpus").is_file()


def test_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "build", "--raw", str(ROOT / "raw"), "--out", str(tmp_path / "out"), "--workers", "1", "--no-cache")
    assert code == 0
    assert "5 raw files: 5 articles written to" in out and "0 rejected" in out
    assert (tmp_path / "out" / "data" / "articles" / "train-00000-of-00001.parquet").is_file()


def test_build_exits_1_and_names_rejects(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "build", "--raw", str(raw), "--out", str(tmp_path / "out"), "--quiet", "--no-cache")
    assert code == 1 and "rejected empty.txt at read: empty file" in err


def test_validate_ok_and_broken(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", str(PACKAGED))
    assert code == 0 and out == ""
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(PACKAGED, broken)
    (broken / "croissant.json").unlink()
    table = pq.read_table(broken / "data" / "articles" / "train-00000-of-00001.parquet")
    pq.write_table(table.drop_columns(["flags"]), broken / "data" / "articles" / "train-00000-of-00001.parquet")
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == 1
    problems = out.splitlines()
    assert "missing croissant.json" in problems
    assert any("schema differs from the Article model" in p for p in problems)
    assert any(p.startswith(f"articles {FIRST}: 1 invalid field(s): ('flags',)") for p in problems)


def test_stats_matches_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", str(PACKAGED), "--json")
    data = json.loads(out)
    assert code == 0 and data["articles"] == len(GOLD) and data["sections"] == 55
    years = {}
    for g in GOLD:
        key = g["date"][:4] if g["date"] else "undated"
        years[key] = years.get(key, 0) + 1
    assert data["by_year"] == dict(sorted(years.items()))
    assert data["by_script"] == {"Hans": 3, "Hant": 2}
    assert data["coverage"]["title"] == sum(g["title"] is not None for g in GOLD) / len(GOLD)
    code, out, _ = run(capsys, "stats", str(PACKAGED))
    assert "by province:" in out and "field coverage:" in out and "海南省" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    gold = next(g for g in GOLD if g["id"] == FIRST)
    code, out, _ = run(capsys, "show", FIRST)
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"id: {FIRST}" and f"title: {gold['title']}" in lines
    assert f"author: {gold['author']}" in lines
    headings = [s["heading"] for s in gold["sections"] if s["heading"]]
    assert f"## {headings[0]}" in lines


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "explain", FIRST, "--raw", str(ROOT / "raw"))
    assert code == 0 and out.startswith(FIRST)
    assert "→ author=" in out and "[author_from" in out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"articles.{fmt}"
    code, _, err = run(capsys, "export", "--format", fmt, "-o", str(target))
    assert code == 0 and f"5 articles rows written to {target}" in err
    if fmt == "jsonl":
        rows = [json.loads(x) for x in target.read_text(encoding="utf-8").splitlines()]
        assert [r["id"] for r in rows] == sorted(g["id"] for g in GOLD)
        assert rows[0]["date"] == next(g["date"] for g in GOLD if g["id"] == rows[0]["id"])
    elif fmt == "csv":
        with target.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 5 and json.loads(rows[0]["regions"])[0]["code"]
    else:
        assert pq.read_table(target).num_rows == 5


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert code == 0 and list(schema["properties"]) == list(Article.model_fields)
    code, out, _ = run(capsys, "schema", "--config", "sections")
    assert json.loads(out)["title"] == "SectionRow"


def test_publish_dry_run_lists_exactly_the_hub_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "publish", "someone/policy-corpus", "--dry-run")
    assert code == 0
    assert out.splitlines() == ["README.md", "LICENSE.md", "croissant.json", "articles_by_province_and_year.png",
                                "data/articles/train-00000-of-00001.parquet", "data/sections/train-00000-of-00001.parquet"]
    assert "would upload to https://huggingface.co/datasets/someone/policy-corpus" in err


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "show", "no-such-id")
    assert code == 2 and out == "" and err == "policy-corpus show: error: no article 'no-such-id' in the corpus\n"
    code, _, err = run(capsys, "stats", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "build the corpus first" in err
    code, _, err = run(capsys, "publish", "not a repo id", "--dry-run")
    assert code == 2 and err.count("\n") == 1 and err.startswith("policy-corpus publish: error:")


def test_load_formats() -> None:
    assert policy_corpus.load(format="arrow").num_rows == 5
    frame = policy_corpus.load(format="pandas")
    assert sorted(frame["id"]) == sorted(g["id"] for g in GOLD)
    with pytest.raises(ValueError, match="unknown format"):
        policy_corpus.load(format="excel")  # type: ignore[arg-type]


def test_docstring_examples_run() -> None:
    result = doctest.testmod(corpus)
    assert result.attempted >= 5 and result.failed == 0


def test_typed_package() -> None:
    assert (Path(policy_corpus.__file__).parent / "py.typed").is_file()
    assert {"Article", "Section", "Region", "load", "build", "parse"} <= set(policy_corpus.__all__)


def test_version_one_folder_option_and_the_same_error_for_a_missing_folder(capsys, tmp_path: Path) -> None:
    import policy_corpus

    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0 and policy_corpus.__version__ in capsys.readouterr().out
    for verb in ("stats", "validate", "show"):
        args = [verb, "x"] if verb == "show" else [verb]
        code, _, err = run(capsys, *args, "--data", str(tmp_path / "nowhere"))
        assert code == 2 and "no corpus folder" in err, verb
    code, out, _ = run(capsys, "stats", "--data", str(corpus.packaged_dir()))
    assert code == 0 and "articles 5" in out


def test_stats_columns_line_up_with_chinese_names(capsys) -> None:
    code, out, _ = run(capsys, "stats")
    rows = [line for line in out.splitlines() if line.startswith("  ") and line.strip()[-1].isdigit()]
    import unicodedata

    width = {sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in rows if "%" not in line}
    assert code == 0 and len(width) == 1  # every count ends in the same column, Han names or not


def test_explain_without_the_raw_file_is_an_error(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "explain", "000_dac59bbde87f66ac", "--raw", str(tmp_path))
    assert code == 2 and "no raw file" in err and not out


def test_build_never_rewrites_an_installed_package(monkeypatch, tmp_path: Path) -> None:
    import importlib

    build_mod = importlib.import_module("policy_corpus.builder")

    fake = tmp_path / "site-packages" / "policy_corpus" / "data"
    fake.mkdir(parents=True)
    monkeypatch.setattr(corpus, "packaged_dir", lambda: fake)
    with pytest.raises(ValueError, match="installed package"):
        build_mod.default_out_dir()


def _fresh_python(code: str) -> str:
    """What `code` prints in a new interpreter (imports are what is under test)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_the_reading_side_imports_no_parser_or_build_module() -> None:
    """`import policy_corpus` and `load()` touch only pydantic, pyarrow and datasets (the parser loads lazily)."""
    code = ("import sys, policy_corpus; policy_corpus.load(); policy_corpus.load('sections'); policy_corpus.load(format='pandas');"
            "bad = [m for m in sys.modules if m.startswith(('policy_corpus.parser', 'policy_corpus.builder', 'opencc', 'cnloc',"
            " 'ahocorasick', 'matplotlib', 'scipy', 'datasketch', 'charset_normalizer'))]; print(bad)")
    assert _fresh_python(code) == "[]"


def test_the_card_parses_as_a_hub_dataset_card() -> None:
    from huggingface_hub import DatasetCard

    card = DatasetCard((corpus.packaged_dir() / "README.md").read_text(encoding="utf-8"))
    assert card.data.license == "other" and card.data.license_link == "LICENSE.md"
    assert {c["config_name"] for c in card.data.configs} == {"articles", "sections"}
    croissant = json.loads((corpus.packaged_dir() / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["license"].endswith("/" + card.data.license_link)


def test_the_package_functions_stay_functions_whatever_is_imported_first() -> None:
    """Importing a submodule sets an attribute of its package: no submodule may share a public function's name."""
    code = ("import importlib, policy_corpus; [importlib.import_module(f'policy_corpus.{m}') for m in "
            "('builder', 'corpus', 'cli', 'scale')]; "
            "print(all(callable(getattr(policy_corpus, n)) for n in ('build', 'load', 'parse', 'explain', 'show', 'records')))")
    assert _fresh_python(code) == "True"
    import policy_corpus

    assert not {n for n in policy_corpus.__all__ if importlib.util.find_spec(f"policy_corpus.{n}") is not None}
