"""Regression gate on real pages: per set and field, right values may not fall and wrong ones may not rise.

The levels (tests/real_levels.json) are what the parser scores now; raise them with
`python tests/test_real_pages.py --record` after an improvement. The labels in tests/real are
never edited to fit the parser (tests/real/LABELS.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from policy_corpus.evaluate import REAL_FIELDS, real_sets, score_real, total, wilson

HERE = Path(__file__).parent
LEVELS_FILE = HERE / "real_levels.json"
SETS = real_sets(HERE / "real")


def levels(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {f: {"right": c["right"], "found": c["found"], "wrong": c["given"] - c["right"]} for f, c in counts.items()}


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_field_falls_below_its_recorded_level(name: str) -> None:
    recorded = json.loads(LEVELS_FILE.read_text(encoding="utf-8"))[name]
    counts, misses = score_real(SETS[name])
    now = levels(counts)
    fallen = {f: (now[f], recorded[f]) for f in REAL_FIELDS
              if now[f]["right"] < recorded[f]["right"] or now[f]["found"] < recorded[f]["found"] or now[f]["wrong"] > recorded[f]["wrong"]}
    assert not fallen, f"{name}: fields fell (now, recorded): {fallen}; misses: {misses}"


def test_the_dev_pages_are_the_shared_set_unedited() -> None:
    """34 pages with every label key, as LABELS.md defines them."""
    labels = sorted((HERE / "real" / "dev").glob("*.json"))
    assert len(labels) == 34
    keys = {"url", "truncated", "script", "pinyin_artifacts", "title", "subtitle", "author", "post", "source", "source_issue",
            "date", "time", "regions"}
    for path in labels:
        assert set(json.loads(path.read_text(encoding="utf-8"))) == keys, path.name
        assert path.with_suffix(".txt").is_file()


def test_scoring_counts_precision_and_recall_apart() -> None:
    """A value given where the label says null costs precision only; a null where the label states one, recall only."""
    import tempfile

    from policy_corpus.evaluate import label_values, record_values

    label = label_values({"title": "甲", "author": None, "regions": ["湖南省"], "script": "hans"})
    got = record_values({"title": None, "author": "乙", "regions": [{"name": "湖南省"}], "script": "Hans", "date": None})
    assert got["regions"] == label["regions"] and got["script"] == label["script"]
    assert got["title"] is None and label["author"] is None
    assert wilson(0, 0) == (0.0, 1.0)
    lo, hi = wilson(87, 105)
    assert round(lo, 3) == 0.745 and round(hi, 3) == 0.889
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "x.txt").write_text("不是文章", encoding="utf-8")  # rejected: no values given
        (Path(d) / "x.json").write_text(json.dumps({"title": "甲", "script": "hans"}), encoding="utf-8")
        counts, _ = score_real(d)
        assert counts["title"] == {"given": 0, "right": 0, "stated": 1, "found": 0}
        assert total(counts)["stated"] == 2


def test_readme_accuracy_table_is_the_packaged_evaluation() -> None:
    from policy_corpus.evaluate import real_report

    packaged = json.loads((HERE.parent / "src" / "policy_corpus" / "evaluation.json").read_text(encoding="utf-8"))
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- accuracy:start -->\n")[1].split("<!-- accuracy:end -->")[0]
    assert block.strip() == real_report(packaged["real"]).strip()


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    LEVELS_FILE.write_text(json.dumps({n: levels(score_real(d)[0]) for n, d in SETS.items()}, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {LEVELS_FILE}")
