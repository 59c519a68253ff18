"""Build the corpus: `python build.py [--raw DIR] [--out DIR] [--workers N] [--no-cache] [--quiet]`.

The same as `policy-corpus build`; exits 1 when any file was rejected (the others are published).
"""

import sys

from policy_corpus.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
