"""Every record stays identical across optimisations: fingerprints of the parse output on a fixed sample.

The sample is every real page, the seeds, the synthetic shape cases and 40 pages of the benchmark's
generator. A rule change that alters a record on purpose re-records them
(`python tests/test_parse_identity.py --record`, also run by tests/refresh_accuracy.py) and says why
in its commit; a speed-up must leave them all unchanged.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FILE = HERE / "parse_fingerprints.json"
SYNTHETIC = 40


def sample() -> dict[str, bytes]:
    pages = {str(p.relative_to(ROOT)): p.read_bytes()
             for p in sorted([*ROOT.glob("raw/*.txt"), *HERE.glob("real/*/*.txt"), *HERE.glob("cases/*.txt")])}
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import synth
    finally:
        sys.path.pop(0)
    for k in range(SYNTHETIC):
        pages[f"synth/{k}"] = synth.page_text(k)[0].encode("utf-8")
    return pages


def fingerprints() -> dict[str, str]:
    from policy_corpus import ParseError, parse
    from policy_corpus.dedup import keys

    out = {}
    for name, data in sample().items():
        try:
            article = parse(data, id=Path(name).stem)
        except ParseError as exc:
            out[name] = f"reject {exc.stage}: {exc.reason}"
            continue
        digest, day, signature = keys(article.text, article.date)
        h = hashlib.sha256(article.model_dump_json().encode("utf-8") + digest + str(day).encode() + signature)
        out[name] = h.hexdigest()[:16]
    return out


def test_every_record_is_unchanged() -> None:
    recorded = json.loads(FILE.read_text(encoding="utf-8"))
    now = fingerprints()
    changed = sorted(k for k in recorded.keys() | now.keys() if recorded.get(k) != now.get(k))
    assert not changed, f"{len(changed)} record(s) changed: {changed[:10]}"


if __name__ == "__main__" and sys.argv[1:] == ["--record"]:
    FILE.write_text(json.dumps(fingerprints(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {FILE}")
