"""What the dated gazetteer costs: `import policy_corpus`, the table's first load, and parse CPU per article.

    python benchmarks/gazetteer.py [--repeat N] [--root CHECKOUT]

Parse cost is CPU time per article over the real pages and the seeds (`tests/real/*`, `raw/`),
after a warm-up parse of every page (so the table's one-off load is reported on its own), best
of N rounds. Run it on two checkouts to compare (the figures in RESULTS.md were taken that way).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def import_seconds(repeat: int) -> float:
    """Wall time of `import policy_corpus` in a fresh interpreter, best of `repeat`."""
    code = "import time; t = time.perf_counter(); import policy_corpus; print(time.perf_counter() - t)"
    return min(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
               for _ in range(repeat))


def main(argv: list[str]) -> None:
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    root = Path(argv[argv.index("--root") + 1]) if "--root" in argv else ROOT
    print(f"import policy_corpus: {import_seconds(repeat) * 1000:.0f} ms (best of {repeat})")
    from policy_corpus import parse
    from policy_corpus.errors import ParseError

    pages = [p.read_bytes() for p in sorted([*root.glob("tests/real/*/*.txt"), *root.glob("raw/*.txt")])]
    t = time.process_time()
    for k, data in enumerate(pages[:5]):
        with contextlib.suppress(ParseError):
            parse(data, id=f"p{k}")
    print(f"first parse (loads converters and the gazetteer): {time.process_time() - t:.2f} s CPU")

    def round_() -> float:
        t = time.process_time()
        for k, data in enumerate(pages):
            with contextlib.suppress(ParseError):
                parse(data, id=f"p{k}")
        return (time.process_time() - t) / len(pages)

    round_()  # every year's view built, caches warm
    best = min(round_() for _ in range(repeat))
    print(f"parse: {best * 1000:.2f} ms CPU per article over {len(pages)} real pages (best of {repeat})")


if __name__ == "__main__":
    main(sys.argv[1:])
