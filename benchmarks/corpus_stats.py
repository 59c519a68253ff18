"""The benchmark's synthetic pages beside the real ones: the statistics that drive the parse's cost.

    python benchmarks/corpus_stats.py [--synthetic N]

For the real pages (`tests/real/*`, excerpts of about 2 KB) and N synthetic pages
(`benchmarks/synth.py`, seed 0) it prints: characters per page, the share of Traditional pages,
the share whose regions come from the body scan (no place in the title, post or headings: the
costlier path), the share of distinct character 5-grams (reprint-like repetition lowers it), and
parse CPU per page and per 1,000 characters.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(pages: list[bytes]) -> dict[str, float]:
    from policy_corpus import ParseError, parse

    chars = hant = body_scan = parsed = 0
    distinct = total = 0
    t = time.process_time()
    for k, data in enumerate(pages):
        try:
            a = parse(data, id=f"p{k}")
        except ParseError:
            continue
        parsed += 1
        chars += len(data.decode("utf-8", "replace"))
        hant += a.script == "Hant"
        body_scan += any(p.field == "regions" and p.rule.endswith("in_body") for p in a.provenance)
        grams = [a.text[i : i + 5] for i in range(len(a.text) - 4)]
        distinct, total = distinct + len(set(grams)), total + len(grams)
    cpu = time.process_time() - t
    return {"pages": parsed, "chars_per_page": chars / parsed, "hant": hant / parsed, "regions_from_body": body_scan / parsed,
            "distinct_5grams": distinct / max(total, 1), "ms_per_page": cpu / parsed * 1000, "ms_per_1000_chars": cpu / chars * 1e6}


def main(argv: list[str]) -> None:
    n = int(argv[argv.index("--synthetic") + 1]) if "--synthetic" in argv else 300
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    real = [p.read_bytes() for p in sorted(ROOT.glob("tests/real/*/*.txt"))]
    fake = [synth.page_text(k)[0].encode("utf-8") for k in range(n)]
    measure(real[:20])  # converters and gazetteer loaded before timing
    rows = {"real pages": measure(real), "synthetic": measure(fake)}
    keys = list(next(iter(rows.values())))
    print("| | " + " | ".join(rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for key in keys:
        print(f"| {key} | " + " | ".join(f"{r[key]:.3f}" if isinstance(r[key], float) else str(r[key]) for r in rows.values()) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
