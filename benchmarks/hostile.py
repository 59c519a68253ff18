"""Parse time of the hostile pages (tests/hostile_inputs.py): the figures behind "under 1 s each".

    python benchmarks/hostile.py [--markdown FILE] [--repeat N]

Each page is parsed in this process after a warm-up, through `jobs.parse_bytes` with the
build's time limit; the time is the parser's own CPU measurement (`Entry.seconds`), best of
`--repeat` runs, so the machine's other load does not count. Prints a Markdown table (page,
size, outcome, CPU seconds) and exits 1 if any page took a second or more, or timed out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_inputs import battery

from policy_corpus import jobs

TARGET_SECONDS = 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", type=Path, help="append the table to this file")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    jobs.warm_up()
    rows = [f"| page | bytes | outcome | CPU s (best of {args.repeat}) |", "|---|---:|---|---:|"]
    worst = 0.0
    failed = False
    for name, data in battery().items():
        best = None
        for _ in range(args.repeat):
            _, entry = jobs.parse_bytes(data, name)
            best = entry.seconds if best is None else min(best, entry.seconds)
        assert best is not None
        outcome = "record" if entry.status == "ok" else f"reject ({entry.status}: {entry.payload.decode('utf-8')[:60]})"
        failed |= entry.status == jobs.TIMEOUT or best >= TARGET_SECONDS
        worst = max(worst, best)
        rows.append(f"| {name} | {len(data):,} | {outcome} | {best:.3f} |")
    rows.append(f"\nslowest: {worst:.3f} s of CPU; target: under {TARGET_SECONDS:g} s each — {'missed' if failed else 'met'}")
    table = "\n".join(rows)
    print(table)
    if args.markdown:
        with args.markdown.open("a", encoding="utf-8") as f:
            f.write("\n" + table + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
