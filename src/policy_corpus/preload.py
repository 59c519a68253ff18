"""Imported by the build's forkserver before it forks any worker: the tables every parse needs.

The gazetteer (about 100 MB once read) and the OpenCC converters are loaded here once and
shared by every worker through fork's copy-on-write pages, instead of each worker reading them
on its first file. Only tables are loaded: no page is parsed, so nothing here runs a rule.
"""

from __future__ import annotations

from .parser.gazetteer import gazetteer
from .parser.normalise import _converter

gazetteer()
_converter("t2s")
_converter("tw2s")
