"""Defaults of a build that the command line shows without loading the parser."""

from __future__ import annotations

import os

#: Wall-clock seconds one raw file may take to parse before it is rejected as `timeout`.
PARSE_SECONDS = 10.0


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
