"""CPU time per article of each parse stage, on synthetic pages and on the real labelled pages.

    python benchmarks/stages.py [--synthetic N] [--repeat R]

Runs the stages of `policy_corpus.parser.pipeline.trace` one by one on the same inputs (the
synthetic corpus of `benchmarks/synth.py`, seed 0, and every `tests/real/*/*.txt`), then the
build's per-record extras (`dedup.keys`, `cache.encode_record`), and prints a Markdown table of
CPU milliseconds per article (`time.process_time`, best of R rounds, so the machine's load counts
as little as it can). The stages are the pipeline's own functions, so the sum is what a worker
spends; nothing here is a target or a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def stage_functions() -> list[tuple[str, Callable[[dict], None]]]:
    """(name, step) in pipeline order; each step reads its inputs from and writes its outputs to a per-page dict."""
    from policy_corpus import dedup
    from policy_corpus.cache import encode_record
    from policy_corpus.parser import pipeline as PL
    from policy_corpus.parser.fields import run
    from policy_corpus.parser.header import body_signature, cut_credits, header_roles
    from policy_corpus.parser.normalise import normalise
    from policy_corpus.parser.page import Page
    from policy_corpus.parser.read import read_bytes
    from policy_corpus.parser.segment import blocks, layout
    from policy_corpus.parser.sources import dateline_outlet

    def read(s: dict) -> None:
        s["doc"] = read_bytes(s["data"], "bench")

    def norm(s: dict) -> None:
        s["norm"] = normalise(s["doc"].text)

    def segment(s: dict) -> None:
        s["zones"] = layout(s["norm"].lines)

    def header(s: dict) -> None:
        zones = s["zones"]
        s["dateline"] = dateline_outlet(zones.body[0])
        body, s["signature"] = body_signature(list(zones.body))
        s["body"], s["byline"], s["reporter"] = cut_credits(body)
        s["roles"] = header_roles(zones.header)

    def block(s: dict) -> None:
        s["blocks"] = tuple(blocks(tuple(s["body"])))

    def fields(s: dict) -> None:
        page = Page(layout=s["zones"], header=s["roles"], blocks=s["blocks"], byline=s["byline"], reporter=s["reporter"],
                    signature=s["signature"], dateline=s["dateline"])
        s["page"] = page
        s["found"], s["refused"] = run(page)

    def assemble(s: dict) -> None:  # sections (pull quotes), documents, the record, its validation
        flags = set(s["norm"].flags) | PL.abstentions(s["found"], s["refused"])
        s["article"] = PL.assemble(s["page"], s["found"], s["doc"], s["norm"].script, flags, s["norm"].lines)

    def keys(s: dict) -> None:
        dedup.keys(s["article"].text, s["article"].date)

    def encode(s: dict) -> None:
        encode_record(s["article"])

    return [("read + decode", read), ("normalise (NFKC, script, pinyin, tw2s)", norm), ("layout (line kinds)", segment),
            ("header roles, credits, signature", header), ("blocks (headings)", block), ("field table", fields),
            ("sections, pull quotes, record, validation", assemble), ("MinHash and digest keys", keys),
            ("cache encoding (JSON, zstd)", encode)]


def measure(pages: list[bytes], repeat: int) -> dict[str, float]:
    """Best-of-`repeat` CPU ms per article of each stage over the pages that parse."""
    from policy_corpus.errors import ParseError
    from policy_corpus.parser.pipeline import parse

    ok = []
    for k, data in enumerate(pages):
        try:
            parse(data, id=f"p{k}")
        except ParseError:
            continue
        ok.append(data)
    steps = stage_functions()
    best = {name: float("inf") for name, _ in steps}
    for _ in range(repeat):
        states = [{"data": d} for d in ok]
        for name, step in steps:
            started = time.process_time()
            for s in states:
                step(s)
            best[name] = min(best[name], (time.process_time() - started) * 1000 / len(ok))
    best["pages"] = len(ok)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--synthetic", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    import synth

    from policy_corpus.jobs import warm_up

    warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        synth.generate(Path(tmp), args.synthetic, 0)
        synthetic = [p.read_bytes() for p in sorted(Path(tmp).glob("*.txt"))]
    real = [p.read_bytes() for p in sorted((ROOT / "tests" / "real").glob("*/*.txt"))]
    columns = {"synthetic": measure(synthetic, args.repeat), "real": measure(real, args.repeat)}
    print(f"| stage | synthetic ({columns['synthetic']['pages']:.0f} pages) | real ({columns['real']['pages']:.0f} pages) |")
    print("|---|---:|---:|")
    for name, _ in stage_functions():
        print(f"| {name} | {columns['synthetic'][name]:.2f} | {columns['real'][name]:.2f} |")
    for col in columns.values():
        col["total"] = sum(v for k, v in col.items() if k != "pages")
    print(f"| **total** | **{columns['synthetic']['total']:.2f}** | **{columns['real']['total']:.2f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
