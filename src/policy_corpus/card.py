"""The dataset card: YAML front matter and prose, generated from the models and the data.

Nothing here is edited by hand: field names, types and meanings come from the pydantic models,
how each field is found from the extraction rules, every number from the build's statistics
and the packaged evaluation.
"""

from __future__ import annotations

import json
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .models import CONFIGS, FLAGS, Article
from .parser.gazetteer import gazetteer, table_years
from .schema import field_docs, hf_features
from .stats import Stats

CHART = "articles_by_province_and_year.png"
EVALUATION = "evaluation.json"
#: How the fields that no extraction rule fills are obtained.
DERIVED = {
    "id": "the raw file's stem",
    "published_at": "`date` + `time`, Asia/Shanghai",
    "sections": "body blocks cut at heading lines (`一、`, `(一)`, `1.`, bold lead-ins); boilerplate removed",
    "text": "`sections` joined",
    "script": "share of characters OpenCC t2s changes (≥ 3 % → Hant)",
    "raw_sha256": "hash of the raw bytes",
    "flags": "set by the stages (see Flags)",
    "duplicate_of": "MinHash LSH over character 5-grams (Jaccard ≥ 0.8), earliest by date then id",
    "provenance": "recorded by the rule that produced each value",
}
CITATION = """@misc{policy_corpus,
  title        = {policy-corpus: Chinese provincial and local policy articles on cyberspace affairs},
  author       = {{policy-corpus contributors}},
  year         = {2026},
  howpublished = {Hugging Face dataset and Python package},
  note         = {Version %s}
}"""


def package_version() -> str:
    """The installed package's version (a checkout that is not installed says so)."""
    try:
        return metadata.version("policy-corpus")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def size_category(n: int) -> str:
    """The hub's size bucket for `n` rows."""
    for bound, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < bound:
            return name
    return "1M<n<10M"


def evaluation() -> dict[str, Any]:
    """The packaged per-field accuracy on the labelled cases (written by `policy_corpus.evaluate --write`)."""
    return json.loads((resources.files("policy_corpus") / EVALUATION).read_text(encoding="utf-8"))


def accuracy_section(ev: dict[str, Any]) -> list[str]:
    """The card's accuracy: precision and recall per field on real pages, per set, with 95 % intervals."""
    from .evaluate import real_report

    sets = ev["real"]
    described = {"dev": "real pages the rules were developed on",
                 "team": "other real pages, collected after the rules were written; generic fixes later followed from their misses",
                 "heldout": ("real pages collected later and first scored blind (precision 91.7 %, recall 82.2 %); "
                             "generic fixes then followed from their misses, so they no longer measure unseen pages"),
                 "blind": ("real pages collected after the last rule change and scored once; no rule was changed from "
                           "reading them: the estimate for pages the parser has not seen")}
    names = ", ".join(f"{name}: {ev_set['cases']} {described.get(name, 'real pages')}" for name, ev_set in sets.items())
    return ["## Extraction accuracy", "",
            f"Measured on excerpts of real public web pages of the genre, labelled by hand ({names}).",
            "Precision is the share of the values the corpus gives that are right; recall the share of the values a",
            "page states that the corpus found. A field the parser is unsure of is left null, which costs recall, not",
            "precision. Intervals are Wilson 95 % intervals: with a few dozen pages they are wide.", "",
            real_report(sets), ""]


def _how(name: str) -> str:
    from .parser.fields import check_codes, rule_names

    rules = rule_names(name)
    if rules:
        refused = ", ".join(check_codes(name))
        return ", then ".join(f"`{r}`" for r in rules) + (f"; a candidate is refused as {refused}" if refused else "")
    return DERIVED.get(name, "")


def _cell(text: str) -> str:
    """A value safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _table(counts: dict[str, int], head: str, total: int, limit: int = 40) -> list[str]:
    lines = [f"| {head} | articles | share |", "|---|---:|---:|"]
    items = list(counts.items())
    lines += [f"| {_cell(k)} | {v} | {v / max(total, 1):.1%} |" for k, v in items[:limit]]
    if len(items) > limit:
        rest = sum(v for _, v in items[limit:])
        lines.append(f"| ({len(items) - limit} more) | {rest} | {rest / max(total, 1):.1%} |")
    return lines


def field_table(model: type = Article) -> list[str]:
    """The Markdown table of a model's fields (type, meaning), as the card and the README show it."""
    return ["| field | type | meaning |", "|---|---|---|"] + [f"| `{f}` | `{t}` | {d} |" for f, t, d in field_docs(model)]


def front_matter(stats: Stats, shards: dict[str, list[Path]]) -> dict[str, Any]:
    """The YAML header the hub reads: configs covering every shard, features, split sizes."""
    rows = {"articles": stats.articles, "sections": stats.sections}
    return {
        "license": "cc-by-4.0",
        "language": ["zh"],
        "pretty_name": "policy-corpus",
        "task_categories": ["text-classification", "token-classification"],
        "size_categories": [size_category(stats.articles)],
        "configs": [
            {"config_name": name, "data_files": [{"split": "train", "path": f"data/{name}/train-*.parquet"}], **({"default": True} if name == "articles" else {})}
            for name in CONFIGS
        ],
        "dataset_info": [
            {
                "config_name": name,
                "features": hf_features(model)._to_yaml_list(),
                "splits": [{"name": "train", "num_examples": rows[name]}],
                "download_size": sum(p.stat().st_size for p in shards.get(name, [])),
            }
            for name, model in CONFIGS.items()
        ],
    }


def render_card(stats: Stats, example: dict[str, Any] | None, shards: dict[str, list[Path]], has_chart: bool = True) -> str:
    """The README.md the hub shows, derived entirely from the schema, the records and the evaluation."""
    import yaml

    n = stats.articles
    lines = ["---", yaml.safe_dump(front_matter(stats, shards), allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    lines += [
        "# policy-corpus",
        "",
        "Chinese provincial and local policy articles on cyberspace affairs (网信 work): signed articles by",
        "provincial officials, provincial work reviews and county party secretaries' articles, parsed from",
        "plain text copied from web pages into typed, validated records. Each record traces to its raw file",
        "by `id` (file stem) and `raw_sha256`, and each extracted value to its rule and raw line (`provenance`).",
        "",
        f"**{n} articles**, {stats.sections} sections, {stats.characters:,} characters of body text;"
        f" {stats.near_duplicates} marked as near-duplicate reprints (`duplicate_of`). Exact duplicates are"
        " published once (see `build_report.json`).",
        "",
        "## Loading",
        "",
        "```python",
        "import policy_corpus",
        "articles = policy_corpus.load()                   # datasets.Dataset, offline",
        'sections = policy_corpus.load("sections")',
        'frame = policy_corpus.load(format="pandas")       # or "polars", "arrow"',
        "",
        "import datasets                                   # from the hub or a copy of this folder",
        'articles = datasets.load_dataset(PATH, split="train")',
        'sections = datasets.load_dataset(PATH, "sections", split="train")',
        "```",
        "",
    ]
    coverage = stats.coverage()
    for name, model in CONFIGS.items():
        lines += [f"## Fields of `{name}`", ""]
        if model is Article:
            lines += ["| field | type | meaning | how it is obtained | non-null |", "|---|---|---|---|---:|"]
            for f, t, d in field_docs(model):
                cov = f"{coverage[f]:.0%}" if f in coverage else ("100%" if "." not in f else "")
                lines.append(f"| `{f}` | `{t}` | {d} | {_how(f) if '.' not in f else ''} | {cov} |")
        else:
            lines += field_table(model)
        lines.append("")
    data = stats.to_dict()
    lines += ["## Statistics", ""]
    if has_chart:
        lines += [f"![Articles by province and by year]({CHART})", ""]
    lines += ["### Articles by province", "", "An article about regions of two provinces counts for both; `(none)`: no region found.", ""]
    lines += _table(data["by_province"], "province", n) + [""]
    lines += ["### Articles by year", ""] + _table(data["by_year"], "year", n) + [""]
    lines += ["### Articles by source", ""] + _table(data["by_source"], "source", n, limit=20) + [""]
    lines += ["### Script of the raw page", ""] + _table(data["by_script"], "script", n) + [""]
    lines += ["## Flags", "", "| flag | meaning | records |", "|---|---|---:|"]
    lines += [f"| `{k}` | {v} | {stats.flags.get(k, 0)} |" for k, v in FLAGS.items()]
    lines += ["", "## How values are obtained", "",
              "Text is NFKC-normalised; pinyin annotation debris (`網(wǎng)`) is removed; Traditional pages are",
              "converted with OpenCC `tw2s`. The page is cut into header (title block, metadata), body (from the",
              "first prose paragraph) and footer (from the first editor/source/copyright marker). Each field has an",
              "ordered list of genre rules (strongest evidence first, see the field table); boilerplate (navigation,",
              "share buttons, copyright, editor lines, editors' notes, pull quotes, trailing bylines) never enters the text.",
              "Regions: the title, the author's post and a roundup's region headings name the subjects; failing those,",
              "the province (and the prefecture or county inside it) that dominates the body.", "",
              "### Regions in time", "",
              f"Gazetteer: `{gazetteer().version}`, China's divisions for every year {'–'.join(map(str, table_years()))}",
              "(GB/T 2260 codes as published for each year). Each place is resolved in the table of the article's year",
              f"(the latest, {table_years()[1]}, for a page with no date; the nearest covered year outside the span):",
              "`name` and `code` are the place as it stood then, so a 2016 page about 宁乡 gives 湖南省长沙市宁乡县",
              "(430124) and a 2018 page gives 宁乡市 (430182), whichever name the page prints. `current_code` is",
              f"the code of the {table_years()[1]} unit the place belongs to now: its own code after a rename or",
              "re-coding (漠河县 232723 → 232701), the absorbing prefecture after a merger (莱芜市 → 济南市 370100);",
              "null when the place was abolished without a single successor. Group by `current_code` to follow one",
              f"place across years. Places renamed after {table_years()[1]} keep their {table_years()[1]} names until",
              "the gazetteer package publishes a newer table.", ""]
    lines += accuracy_section(evaluation())
    if example is not None:
        shown = Article.model_validate(example).model_dump(mode="json")
        shown["sections"] = shown["sections"][:2]
        shown["text"] = shown["text"][:120] + "…"
        shown["provenance"] = shown["provenance"][:3]
        lines += ["## Example record (shortened)", "", "```json", json.dumps(shown, ensure_ascii=False, indent=1), "```", ""]
    lines += ["## Known limitations", "",
              "- Extraction rules are tuned on the genre's page shapes; values a page does not print are null.",
              "- Characters a site garbled are kept as they are (flag `garbled_characters`).",
              f"- Region names and codes stop at the gazetteer's latest year ({table_years()[1]}); later changes are not reflected.",
              "- Nicknames of places (`龙江` for 黑龙江) are not resolved.",
              "- Near-duplicate detection is probabilistic (MinHash LSH); pairs just below the threshold may be missed.",
              "", "## Citation", "", "```bibtex", CITATION % package_version(), "```", ""]
    return "\n".join(lines)
