"""Body-derived field: the documents an article cites in 《》."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import patterns as P

_BOOK_MARK = re.compile("[《》]")


def documents(texts: Sequence[str]) -> list[str]:
    """Titles cited in 《》, outermost brackets only, first mention, aliases (`以下简称《X》`) skipped."""
    aliases = {m.group("alias") for t in texts for m in P.DOC_ALIAS.finditer(t)}
    found: dict[str, None] = {}
    for text in texts:
        if "》" not in text:
            continue
        depth, start = 0, 0
        for m in _BOOK_MARK.finditer(text):  # only the brackets, not every character
            k, ch = m.start(), m.group()
            if ch == "《":
                if depth == 0:
                    start = k + 1
                depth += 1
            elif ch == "》" and depth > 0:
                depth -= 1
                if depth == 0:
                    title = text[start:k].strip()
                    if title and title not in aliases:
                        found.setdefault(title, None)
    return list(found)
