"""Build the corpus: `python build.py [--raw DIR] [--out DIR] [--workers N]`. Exit 1 when any file was rejected."""

import argparse
import sys

from policy_corpus import build
from policy_corpus.build import default_workers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", default="raw", help="folder of raw .txt articles (default: raw/)")
    parser.add_argument("--out", default=None, help="output folder (default: the packaged data folder)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="parsing processes (default: all cores)")
    parser.add_argument("--cache", default=None, help="parse cache folder (default: ~/.cache/policy-corpus)")
    parser.add_argument("--no-cache", action="store_true", help="parse every file again and keep no cache")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args()
    report = build(args.raw, args.out, workers=args.workers, cache_dir=args.cache, use_cache=not args.no_cache,
                   progress=not args.quiet and sys.stderr.isatty())
    s = report.summary
    print(f"{s['raw_files']} raw files: {report.articles} articles written to {report.out_dir}; {s['rejected']} rejected")
    print(f"  fields filled: {', '.join(f'{k} {v}' for k, v in s['fields_filled'].items())}")
    print(f"  flags: {s['flags']}; near duplicates: {s['near_duplicates']}; exact duplicates dropped: {s['exact_duplicates_dropped']}")
    for r in report.rejects:
        print(f"  rejected {r['file']} at {r['stage']}: {r['reason']}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
