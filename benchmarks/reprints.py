"""The duplicate pass on reprint-heavy corpora: thousands of copies of a few articles with small edits.

    python benchmarks/reprints.py [--sizes 1000 2000 5000 10000 20000]

Each corpus is three articles of 1,500 characters reposted N times with up to a dozen characters
changed per copy, plus unrelated texts (the generator of tests/test_reprints.py). Keys are computed
first (as the parse does); the timed part is `Reprints.add` for every record and `result()`, the
pass the build runs once over the corpus. CPU seconds, best of 3.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str]) -> None:
    from test_reprints import reprinted

    from policy_corpus.dedup import keys
    from policy_corpus.reprints import Reprints

    sizes = [int(a) for a in argv[argv.index("--sizes") + 1 :]] if "--sizes" in argv else [1000, 2000, 5000, 10000, 20000]
    print("| reprints | duplicate pass, CPU s | per 1,000 records | records in clusters |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        records = [(id, *keys(text, date)) for id, text, date in reprinted(n)]
        best, clustered = float("inf"), 0
        for _ in range(3):
            t = time.process_time()
            finder = Reprints()
            for id, digest, day, signature in records:
                finder.add(id, digest, day, signature)
            exact, near = finder.result(lambda k, records=records: records[k][3])
            best = min(best, time.process_time() - t)
            clustered = len(exact) + len(near)
        print(f"| {n:,} | {best:.2f} | {best / n * 1000:.3f} | {clustered:,} |")


if __name__ == "__main__":
    main(sys.argv[1:])
