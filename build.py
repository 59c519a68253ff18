"""Build the corpus: `python build.py [--raw DIR] [--out DIR]`. Exit 1 when any file was rejected."""

import argparse
import sys

from policy_corpus import build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raw", default="raw", help="folder of raw .txt articles (default: raw/)")
    parser.add_argument("--out", default=None, help="output folder (default: the packaged data folder)")
    args = parser.parse_args()
    report = build(args.raw, args.out)
    print(f"{report.articles} articles written to {report.out_dir}; {len(report.rejects)} rejected")
    for r in report.rejects:
        print(f"  rejected {r['file']} at {r['stage']}: {r['reason']}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
