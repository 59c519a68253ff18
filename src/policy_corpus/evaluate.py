"""How right the parser is: precision and recall per field on real labelled pages.

    python -m policy_corpus.evaluate [--write] [REAL_SET_DIR ...]   (default: tests/real/dev, team, heldout, fresh, probe, signed, county, last, final, extra, blind)

A real case is `NAME.txt` (a public page excerpt, exactly as stored) beside `NAME.json` (its
labels, by the rules of `tests/real/LABELS.md`). For each field:

- precision: among the cases where the parser gives a value, the share where it is the label's;
- recall: among the cases whose label states a value, the share the parser found;

each with its counts and a Wilson 95 % interval, per set of pages (the dev pages rules were
developed on, the team's other real pages) and overall. A file the parser rejects gives no
value. The card and the README publish these figures (`--write` stores them in
`evaluation.json`); the tests gate on them.

`evaluate(DIR)` keeps the older per-field accuracy over the team's synthetic shape cases
(`tests/cases`), which test that page shapes are handled, not how accurate the parser is.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from .errors import ParseError
from .parser.pipeline import parse

FIELDS = ("title", "subtitle", "author", "post", "source", "source_issue", "site", "editor", "date", "time", "regions", "script")


def actual(article_json: dict) -> dict:
    """The comparable view of a record: regions as name/code pairs."""
    out = {k: article_json.get(k) for k in FIELDS}
    out["regions"] = [{"name": r["name"], "code": r["code"]} for r in article_json["regions"]]
    return out


def evaluate(cases_dir: str | Path) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """(field → [right, total], case → wrong fields) over every case of a folder."""
    scores = {f: [0, 0] for f in FIELDS}
    wrong: dict[str, list[str]] = {}
    for expected_path in sorted(Path(cases_dir).glob("*.json")):
        raw = expected_path.with_suffix(".txt")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        try:
            got = actual(parse(raw.read_bytes(), id=raw.stem).model_dump(mode="json"))
        except ParseError as exc:
            got = {"error": str(exc)}
        for f in FIELDS:
            if f not in expected:
                continue
            scores[f][1] += 1
            if got.get(f) == expected[f]:
                scores[f][0] += 1
            else:
                wrong.setdefault(raw.stem, []).append(f)
    return scores, wrong


def report(scores: dict[str, list[int]]) -> str:
    """A Markdown table of per-field accuracy."""
    lines = ["| field | right | total | accuracy |", "|---|---|---|---|"]
    for f, (right, total) in scores.items():
        if total:
            lines.append(f"| {f} | {right} | {total} | {right / total:.0%} |")
    right = sum(r for r, _ in scores.values())
    total = sum(t for _, t in scores.values())
    lines.append(f"| **all** | {right} | {total} | {right / max(total, 1):.1%} |")
    return "\n".join(lines)


# --- real pages: precision and recall -------------------------------------------------------------

#: The labelled fields of a real case (LABELS.md); `script` is always stated and always given.
REAL_FIELDS = ("title", "subtitle", "author", "post", "source", "source_issue", "date", "time", "regions", "script")
#: The sets of real pages, by folder name under tests/real.
#: The first score of each set collected by readers who never saw the parser, taken before any rule was written
#: from it: (right, given, stated) over all fields. Their sum is the estimate for pages the parser has not seen.
FIRST_SCORES: dict[str, tuple[int, int, int]] = {
    "blind": (126, 128, 150), "fresh": (126, 135, 147), "probe": (126, 144, 171),
    "signed": (115, 123, 154), "county": (124, 135, 154), "last": (114, 122, 148), "final": (98, 112, 127),
    "extra": (49, 53, 59),
}

DEFAULT_SETS = ("dev", "team", "heldout", "fresh", "probe", "signed", "county", "last", "final", "extra", "blind")
Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of a proportion k/n (0, 1 for n = 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def record_values(record: dict | None) -> dict[str, object]:
    """The labelled view of a record (None for a rejected page): regions as a set of full names."""
    if record is None:
        return dict.fromkeys(REAL_FIELDS)
    out: dict[str, object] = {f: record.get(f) for f in REAL_FIELDS}
    out["regions"] = frozenset(r["name"] for r in record["regions"]) or None
    out["script"] = str(record["script"]).lower()
    out["date"] = str(record["date"]) if record.get("date") is not None else None
    return out


def label_values(label: dict) -> dict[str, object]:
    """The comparable view of a label: empty region lists are 'not stated'."""
    out = {f: label.get(f) for f in REAL_FIELDS}
    out["regions"] = frozenset(label.get("regions") or ()) or None
    return out


def score_real(cases_dir: str | Path) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, tuple[object, object]]]]:
    """(field → counts, case → {field: (given, labelled)} for every wrong or missed value) over a folder of real cases.

    Counts per field: `given` (values the parser gave), `right` (given and equal to the label),
    `stated` (values the label states), `found` (stated and given equal).
    """
    counts = {f: {"given": 0, "right": 0, "stated": 0, "found": 0} for f in REAL_FIELDS}
    misses: dict[str, dict[str, tuple[object, object]]] = {}
    for label_path in sorted(Path(cases_dir).glob("*.json")):
        raw = label_path.with_suffix(".txt")
        if not raw.is_file():
            continue
        label = label_values(json.loads(label_path.read_text(encoding="utf-8")))
        try:
            got = record_values(parse(raw.read_bytes(), id=raw.stem).model_dump(mode="json"))
        except ParseError:
            got = record_values(None)
        for f in REAL_FIELDS:
            c = counts[f]
            given, stated, right = got[f] is not None, label[f] is not None, got[f] == label[f]
            c["given"] += given
            c["right"] += given and right
            c["stated"] += stated
            c["found"] += stated and right
            if (given or stated) and not right:
                misses.setdefault(raw.stem, {})[f] = (_show(got[f]), _show(label[f]))
    return counts, misses


def _show(value: object) -> object:
    return sorted(value) if isinstance(value, frozenset) else value


def total(counts: dict[str, dict[str, int]]) -> dict[str, int]:
    """The counts of all fields added up."""
    return {k: sum(c[k] for c in counts.values()) for k in ("given", "right", "stated", "found")}


def _pct(k: int, n: int) -> str:
    if n == 0:
        return "–"
    lo, hi = wilson(k, n)
    return f"{k / n:.1%} [{lo:.1%}, {hi:.1%}]"


def real_report(sets: dict[str, dict]) -> str:
    """A Markdown table per set: precision and recall per field with counts and 95 % intervals."""
    lines = []
    for name, ev in sets.items():
        counts = ev["fields"]
        lines += [f"**{name}** ({ev['cases']} pages)", "",
                  "| field | precision [95% CI] | right / given | recall [95% CI] | found / stated |", "|---|---|---:|---|---:|"]
        for f, c in [*counts.items(), ("**all**", total(counts))]:
            lines.append(f"| {f} | {_pct(c['right'], c['given'])} | {c['right']} / {c['given']} | "
                         f"{_pct(c['found'], c['stated'])} | {c['found']} / {c['stated']} |")
        lines.append("")
    if len(sets) > 1:
        merged: dict[str, dict[str, int]] = {}
        for ev in sets.values():
            for f, c in ev["fields"].items():
                into = merged.setdefault(f, dict.fromkeys(c, 0))
                for k, v in c.items():
                    into[k] += v
        cases = sum(ev["cases"] for ev in sets.values())
        lines += real_report({"all real pages": {"cases": cases, "fields": merged}}).split("\n")
    return "\n".join(lines)


def real_sets(root: Path, names: tuple[str, ...] = DEFAULT_SETS) -> dict[str, Path]:
    """The folders of real cases under `root` that exist, by set name."""
    return {n: root / n for n in names if (root / n).is_dir()}


def to_json(sets: dict[str, Path]) -> dict:
    """The evaluation as the dataset card reads it (`src/policy_corpus/evaluation.json`)."""
    out: dict[str, dict] = {}
    for name, folder in sets.items():
        counts, _ = score_real(folder)
        out[name] = {"cases": len([p for p in folder.glob("*.json") if p.with_suffix(".txt").is_file()]), "fields": counts}
    return {"real": out}


def main(argv: list[str]) -> int:
    write = "--write" in argv
    dirs = [Path(a) for a in argv if a != "--write"]
    if any(a.startswith("-") and a != "--write" for a in argv):
        print("usage: python -m policy_corpus.evaluate [--write] [REAL_SET_DIR ...]", file=sys.stderr)
        return 2
    sets = {d.name: d for d in dirs} if dirs else real_sets(Path("tests") / "real")
    if not sets:
        print("no real case folders (run from a checkout, or name them)", file=sys.stderr)
        return 2
    ev = to_json(sets)
    if write:
        target = Path(__file__).with_name("evaluation.json")
        target.write_text(json.dumps(ev, indent=1) + "\n", encoding="utf-8")
    print(real_report(ev["real"]))
    for name, folder in sets.items():
        _, misses = score_real(folder)
        if name == "blind":  # a blind set's pages must not steer rules: its misses are counted, never shown
            print(f"  {name}: {len(misses)} pages with a miss (not shown: the set stays blind)")
            continue
        for case, fields in misses.items():
            print(f"  {name}/{case}: " + "; ".join(f"{f}: got {g!r}, label {w!r}" for f, (g, w) in fields.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
