"""Refresh every published figure after a parser or schema change (run from the project root).

Writes the packaged `evaluation.json`, re-records the regression gate's levels, rebuilds the
committed corpus (its card carries the table) and rewrites the README's accuracy and field blocks.
Review the diff before committing: a level that went down is a regression to explain.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    run = lambda *a: subprocess.run([sys.executable, *a], cwd=ROOT, check=True)  # noqa: E731
    run("-m", "policy_corpus.evaluate", "--write", "tests/real/dev", "tests/real/team", "tests/real/heldout", "tests/real/fresh", "tests/real/probe", "tests/real/signed", "tests/real/county", "tests/real/last", "tests/real/final", "tests/real/extra", "tests/real/blind")
    run("tests/test_real_pages.py", "--record")
    run("tests/test_parse_identity.py", "--record")
    run("build.py", "--no-cache", "--quiet")
    import json

    from policy_corpus.evaluate import real_report

    packaged = json.loads((ROOT / "src/policy_corpus/evaluation.json").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head, rest = readme.split("<!-- accuracy:start -->\n", 1)
    _, tail = rest.split("<!-- accuracy:end -->", 1)
    block = real_report(packaged["real"]).strip() + "\n"
    readme = f"{head}<!-- accuracy:start -->\n{block}<!-- accuracy:end -->{tail}"
    from policy_corpus.card import field_table

    head, rest = readme.split("<!-- fields:start -->\n", 1)
    _, tail = rest.split("\n<!-- fields:end -->", 1)
    readme = head + "<!-- fields:start -->\n" + "\n".join(field_table()) + "\n<!-- fields:end -->" + tail
    (ROOT / "README.md").write_text(readme, encoding="utf-8")
    print("refreshed evaluation.json, tests/real_levels.json, the corpus and README.md")


if __name__ == "__main__":
    main()
