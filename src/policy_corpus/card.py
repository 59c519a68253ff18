"""The dataset card: YAML front matter and prose, generated from the models and the data."""

from __future__ import annotations

import json
from collections import Counter

from .models import CONFIGS, FLAGS, Article, SectionRow
from .regions import GAZETTEER_VINTAGE, gazetteer
from .schema import field_docs, hf_features


def render_card(articles: list[Article], sections: list[SectionRow]) -> str:
    """The README.md the hub shows, derived entirely from the schema and the records."""
    import yaml

    front = {
        "license": "cc-by-4.0",
        "language": ["zh"],
        "pretty_name": "policy-corpus",
        "task_categories": ["text-classification", "token-classification"],
        "size_categories": ["n<1K"],
        "configs": [
            {"config_name": "articles", "data_files": [{"split": "train", "path": "data/articles/train-*.parquet"}], "default": True},
            {"config_name": "sections", "data_files": [{"split": "train", "path": "data/sections/train-*.parquet"}]},
        ],
        "dataset_info": [
            {"config_name": name, "features": hf_features(model)._to_yaml_list()}
            for name, model in CONFIGS.items()
        ],
    }
    lines = ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    lines += [
        "# policy-corpus",
        "",
        "Chinese provincial and local policy articles on cyberspace affairs (网信 work): signed articles by",
        "provincial officials, provincial work reviews and county party secretaries' articles, parsed from",
        "plain text copied from web pages into typed, validated records. Each record traces to its raw file",
        "by `id` (file stem) and `raw_sha256`.",
        "",
        f"Articles: {len(articles)}. Sections: {len(sections)}. Near-duplicate reprints (MinHash, Jaccard ≥ 0.8,"
        f" marked with `duplicate_of`): {sum(a.duplicate_of is not None for a in articles)}. Exact duplicates are never"
        " published twice (see `build_report.json`).",
        "",
        "## Loading",
        "",
        "```python",
        "import policy_corpus",
        "articles = policy_corpus.load()             # datasets.Dataset, offline",
        'sections = policy_corpus.load("sections")',
        "# or, from a copy of this folder or the hub:",
        "# datasets.load_dataset(PATH)  /  datasets.load_dataset(PATH, \"sections\")",
        "```",
        "",
    ]
    for name, model in CONFIGS.items():
        lines += [f"## Fields of `{name}`", "", "| field | type | meaning |", "|---|---|---|"]
        lines += [f"| `{n}` | `{t}` | {d} |" for n, t, d in field_docs(model)]
        lines.append("")
    lines += ["## How values are obtained", "",
              "Text is NFKC-normalised; pinyin annotation debris (`網(wǎng)`) is removed; Traditional pages are",
              "converted with OpenCC `tw2s`. The page is cut into header (title block, metadata), body (from the",
              "first prose paragraph) and footer (from the first editor/source/copyright marker). Each field has an",
              "ordered list of genre rules (strongest evidence first); boilerplate (navigation, share buttons,",
              "copyright, editor lines, editors' notes, pull quotes, trailing bylines) never enters the text.",
              "Regions are resolved against the GB/T 2260 table shipped by the gazetteer below: the title, the",
              "author's post and a roundup's region headings name the subjects; failing those, the province that",
              "dominates the body.", "",
              f"Gazetteer: `{gazetteer().version}` (its `resources/adcodes.csv`), {GAZETTEER_VINTAGE}. A county renamed",
              "since (`X县` → `X市`) resolves to the table's entry and code.", "",
              "## Flags", "", "| flag | meaning | records |", "|---|---|---|"]
    counts = Counter(f for a in articles for f in a.flags)
    lines += [f"| `{k}` | {v} | {counts.get(k, 0)} |" for k, v in FLAGS.items()]
    lines += ["", "## Field coverage", "", "| field | non-null |", "|---|---|"]
    for key in ("title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "date", "time"):
        n = sum(getattr(a, key) is not None for a in articles)
        lines.append(f"| `{key}` | {n}/{len(articles)} |")
    if articles:
        example = articles[0].model_dump(mode="json")
        example["sections"] = example["sections"][:2]
        example["text"] = example["text"][:120] + "…"
        lines += ["", "## Example record (shortened)", "", "```json", json.dumps(example, ensure_ascii=False, indent=1), "```"]
    lines += ["", "## Known limitations", "",
              "Extraction rules are tuned on the genre's page shapes; values a page does not print are null.",
              "Characters a site garbled are kept as they are (flag `garbled_characters`).", ""]
    return "\n".join(lines)
