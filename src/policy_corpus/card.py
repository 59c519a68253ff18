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
LICENSE_FILE = "LICENSE.md"
#: The licence the card declares (`license: other`): two parts, because the project can only license its own work.
LICENSE_NAME = "policy-corpus-mixed"
LICENSE_TEXT = """# Licence of the policy-corpus data

This folder holds two kinds of material under different terms.

1. **The project's own work**: the structure of the records, every value the parser extracted or
   derived (titles, authors, posts, sources, dates, regions and their codes, sections, flags,
   provenance, duplicate links), the dataset card, the chart and `croissant.json`. These are
   released under the MIT licence, like the code that produced them.

2. **The article texts** (`text`, `sections`, and the titles and names as printed) belong to their
   publishers: official websites, newspapers and magazines, whose pages often reserve copyright
   (for example "版权所有…未经授权禁止转载"). The project does not own them and grants no licence to
   them. They are redistributed, with attribution to their source (`source`, `site`, `url`,
   `raw_sha256`), for non-commercial research on public policy communication, as quotation of
   published official information. Any other use needs the rights holder's permission.

A rights holder who objects to a text's inclusion can ask for its removal; the record is then
dropped from the next release. No warranty of any kind is given for either part.
"""
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
    from .evaluate import FIRST_SCORES, real_report

    sets = ev["real"]
    described = {"dev": "real pages the rules were developed on",
                 "team": "other real pages, collected after the rules were written; generic fixes later followed from their misses",
                 "heldout": ("real pages collected later and first scored blind (precision 91.7 %, recall 82.2 %); "
                             "generic fixes then followed from their misses, so they no longer measure unseen pages"),
                 "fresh": ("real pages collected last and first scored blind (precision 93.3 %, recall 85.7 %); "
                           "generic fixes then followed from their misses"),
                 "probe": ("real pages of harder kinds (mirrors, e-papers, spun text) collected last and first scored "
                           "blind (precision 87.5 %, recall 73.7 %); generic fixes then followed from their misses"),
                 "signed": ("officials' signed articles, interviews and work reviews collected last and first scored "
                            "blind (precision 93.5 %, recall 74.7 %); generic fixes then followed from their misses"),
                 "county": ("prefecture and county pages collected last and first scored blind (precision 91.9 %, "
                            "recall 80.5 %); generic fixes then followed from their misses"),
                 "last": ("real pages taken as they came, collected last and first scored blind (precision 93.4 %, "
                          "recall 77.0 %); generic fixes then followed from their misses"),
                 "final": ("real pages taken as they came, collected last, labels read twice by their collectors only; "
                           "first scored blind (precision 87.5 %, recall 77.2 %), then generic fixes followed"),
                 "extra": ("real pages taken as they came, collected last, labels read twice by their collectors only; "
                           "scored blind (precision 92.5 %, recall 83.1 %), no rule written from them yet"),
                 "blind": ("real pages collected by readers who never saw the parser; no rule was written from them "
                           "(rules added after their first scoring came from the other sets)")}
    names = ", ".join(f"{name}: {ev_set['cases']} {described.get(name, 'real pages')}" for name, ev_set in sets.items())
    right, given, stated = (sum(v[k] for v in FIRST_SCORES.values()) for k in range(3))
    unseen = (f"**On pages the parser had not seen, scored the first time** ({len(FIRST_SCORES)} sets collected by readers "
              f"who never saw the parser, each scored once before any rule was written from it): precision "
              f"{100 * right / given:.1f} % ({right}/{given}), recall {100 * right / stated:.1f} % ({right}/{stated}). "
              "That is the estimate for new pages; the tables below include the fixes that followed.")
    return ["## Extraction accuracy", "", unseen, "",
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


def _sentence(text: str, limit: int = 40) -> str:
    """The opening of a text, at most `limit` characters and one sentence, marked as cut."""
    cut = text[:limit]
    end = cut.find("。")
    return (cut[: end + 1] if end >= 0 else cut) + "…"


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


#: What users can do with the corpus, honestly: no column holds task labels, so no classification
#: task is claimed; the texts with their metadata serve retrieval and the extracted fields.
TASKS = {"task_categories": ["text-retrieval"], "task_ids": ["document-retrieval"]}
TAGS = ["chinese", "government", "public-policy", "cyberspace", "information-extraction", "metadata", "provenance"]


def card_data(stats: Stats, shards: dict[str, list[Path]]) -> Any:
    """The card's metadata, built through the public APIs of huggingface_hub and datasets.

    `DatasetCardData` holds the descriptive fields; `MetadataConfigs` adds the two configs (with
    their data files) and `DatasetInfosDict` each config's features and split sizes (rows, bytes
    in memory, bytes on disk), so `load_dataset` reads the sizes without warnings.
    """
    import pyarrow.parquet as pq
    from datasets import DatasetInfo, SplitDict, SplitInfo
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCardData

    rows = {"articles": stats.articles, "sections": stats.sections}
    data = DatasetCardData(
        license="other", license_name=LICENSE_NAME, license_link=LICENSE_FILE, language=["zh"], pretty_name="policy-corpus",
        annotations_creators=["machine-generated"], language_creators=["found"], multilinguality=["monolingual"],
        source_datasets=["original"], size_categories=[size_category(stats.articles)], tags=TAGS, **TASKS,
    )
    MetadataConfigs({
        name: {"data_files": [{"split": "train", "path": f"data/{name}/train-*.parquet"}], **({"default": True} if name == "articles" else {})}
        for name in CONFIGS
    }).to_dataset_card_data(data)
    infos = {}
    for name, model in CONFIGS.items():
        files = shards.get(name, [])
        in_memory = sum(pq.ParquetFile(p).metadata.row_group(k).total_byte_size
                        for p in files for k in range(pq.ParquetFile(p).metadata.num_row_groups))
        splits = SplitDict()
        splits.add(SplitInfo(name="train", num_bytes=in_memory, num_examples=rows[name]))
        infos[name] = DatasetInfo(config_name=name, features=hf_features(model), splits=splits,
                                  download_size=sum(p.stat().st_size for p in files), dataset_size=in_memory)
    DatasetInfosDict(infos).to_dataset_card_data(data)
    return data


def front_matter(stats: Stats, shards: dict[str, list[Path]]) -> dict[str, Any]:
    """The YAML header the hub reads, as a plain dict."""
    return card_data(stats, shards).to_dict()


def render_card(stats: Stats, example: dict[str, Any] | None, shards: dict[str, list[Path]], has_chart: bool = True) -> str:
    """The README.md the hub shows, derived entirely from the schema, the records and the evaluation."""
    n = stats.articles
    lines = ["---", card_data(stats, shards).to_yaml().rstrip(), "---", ""]
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
        first = shown["sections"][0]
        shown["sections"] = [{**first, "paragraphs": [_sentence(first["paragraphs"][0])] if first["paragraphs"] else []}]
        shown["text"] = _sentence(shown["text"])  # a few words of the publisher's text, not a reprint of it
        shown["documents"] = shown["documents"][:2]
        shown["provenance"] = shown["provenance"][:3]
        lines += ["## Example record (shortened)", "", "```json", json.dumps(shown, ensure_ascii=False, indent=1), "```", ""]
    lines += ["## Source data", "",
              "Plain text copied from public web pages of the genre: provincial and local government portals,",
              "newspapers and their e-papers, news sites, the magazine 《中国网信》 and its reprints, and copies on",
              "forums and aggregator sites, sometimes in Traditional script made by a site's automatic converter.",
              "Each raw page is one file in `raw/`; a record keeps its file name (`id`), the SHA-256 of its bytes",
              "(`raw_sha256`), the address it was copied from where the curator recorded one (`url`, from",
              "`raw/metadata.jsonl`), and the publication and site the page names (`source`, `site`). Navigation,",
              "share buttons, copyright footers and editor lines are removed; nothing else is rewritten.", "",
              "## Licensing", "",
              f"`license: other` (`{LICENSE_NAME}`, text in `{LICENSE_FILE}`). The project's own work (the record",
              "structure, every extracted or derived value, card, chart, croissant.json) is MIT-licensed. The article",
              "texts belong to their publishers, many of whose pages reserve copyright; the project grants no licence",
              "to them. They are redistributed with attribution for non-commercial research on public policy",
              "communication; any other use needs the rights holder's permission, and a rights holder can have a",
              "text removed from the next release.", "",
              "## Personal and sensitive information", "",
              "Records name people in their public roles: officials who signed or are reported in the articles",
              "(`author`, `post`, and in the text), reporters and web editors (`author`, `editor`). No private",
              "individual is a subject of the genre, but texts can quote residents or name people in the cases they",
              "report (for example rumour cases with surnames). Names are kept as published; the corpus adds no",
              "contact data and links no person across sources. Do not use it to profile individuals.", "",
              "## Bias and limitations", "",
              "- The genre is official communication: it presents policy as its authors intend and is not a neutral",
              "  record of events. Provinces, years and page types are covered unevenly (see the tables above).",
              "- Extraction rules describe the genre's page shapes; a value a page does not print, or prints in an",
              "  unfamiliar shape, is null (recall on unseen pages is below precision; see Extraction accuracy).",
              "- Characters a site garbled are kept as they are (flag `garbled_characters`).",
              f"- Region names and codes stop at the gazetteer's latest year ({table_years()[1]}); later changes are not reflected.",
              "- Nicknames of places (`龙江` for 黑龙江) are not resolved.",
              "- Near-duplicate detection is probabilistic (MinHash LSH); pairs just below the threshold may be missed.",
              "", "## Citation", "", "```bibtex", CITATION % package_version(), "```", ""]
    return "\n".join(lines)
