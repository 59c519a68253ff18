"""Per-field accuracy on labelled cases: `python -m policy_corpus.evaluate CASES_DIR`.

A case is `NAME.txt` (a raw page) beside `NAME.json` (its expected fields). Used by the tests
as a regression gate and printed into the README.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .errors import ParseError
from .pipeline import parse

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


def to_json(scores: dict[str, list[int]], cases_dir: str | Path) -> dict:
    """The evaluation as the dataset card reads it (`src/policy_corpus/evaluation.json`)."""
    return {"cases": len(list(Path(cases_dir).glob("*.json"))), "fields": scores}


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2) or (len(argv) == 2 and argv[1] != "--write"):
        print("usage: python -m policy_corpus.evaluate CASES_DIR [--write]", file=sys.stderr)
        return 2
    scores, wrong = evaluate(argv[0])
    if len(argv) == 2:
        target = Path(__file__).with_name("evaluation.json")
        target.write_text(json.dumps(to_json(scores, argv[0]), indent=1) + "\n", encoding="utf-8")
    print(report(scores))
    for case, fields in wrong.items():
        print(f"  {case}: {', '.join(fields)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
