"""Stage 2: one canonical text. NFKC, pinyin debris out, Traditional converted back, lines trimmed."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from . import patterns as P


@dataclass(frozen=True)
class Normalised:
    """The canonical lines of a page and what normalisation did to it."""

    lines: tuple[str, ...]
    script: str
    flags: frozenset[str]


#: Han characters compared; thousands are plenty to tell a converter's output from a quotation.
SCRIPT_SAMPLE = 8000


#: Characters some sites' Simplified→Traditional converters emit that OpenCC's Taiwan tables do not
#: take back: `陜` (U+965C, a rare variant) printed for `陝`/`陕` in `陜西`. Applied to Hant texts only.
CONVERTER_VARIANTS = str.maketrans({"陜": "陕"})


@cache
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str) -> str:
    """Hant when a clear share of the Han characters change under Traditional→Simplified.

    A Simplified page quoting one Traditional name stays Hans; a converter's output changes
    a large share (one character in six is typical), so the threshold sits far from both.
    """
    sample = P.NOT_HAN.sub("", text)[:SCRIPT_SAMPLE]
    if not sample:
        return "Hans"
    changed = _differences(sample, _converter("t2s").convert(sample))
    return "Hant" if changed >= max(3, len(sample) * 0.03) else "Hans"


def _differences(a: str, b: str) -> int:
    """Positions at which two strings differ (compared as arrays of code points)."""
    import numpy as np

    n = min(len(a), len(b))
    x = np.frombuffer(a[:n].encode("utf-32-le"), dtype="<u4")
    y = np.frombuffer(b[:n].encode("utf-32-le"), dtype="<u4")
    return int(np.count_nonzero(x != y)) + abs(len(a) - len(b))


def strip_pinyin(text: str) -> tuple[str, bool]:
    """Remove `網(wǎng)`-style annotations (and ones whose `(` was garbled away)."""
    if ")" not in text:  # every annotation ends with one; a cheap scan spares the pattern on most pages
        return text, False
    out, n = P.PINYIN_DEBRIS.subn("", text)
    return out, n > 0


def close_letter_spacing(line: str) -> str:
    """`天 津` → `天津`: a line of single Han characters separated by spaces."""
    return line.replace(" ", "") if P.LETTER_SPACED.fullmatch(line) else line


def normalise(text: str) -> Normalised:
    """Canonical lines: NFKC, no pinyin debris, Simplified script, trimmed, letter spacing closed."""
    text = unicodedata.normalize("NFKC", text)
    text, had_pinyin = strip_pinyin(text)
    script = detect_script(text)
    flags = set()
    if had_pinyin:
        flags.add("pinyin_annotations_removed")
    if script == "Hant":
        text = _converter("tw2s").convert(text).translate(CONVERTER_VARIANTS)
        flags.add("converted_from_hant")
    lines = tuple(close_letter_spacing(line.strip()) for line in text.split("\n"))
    if P.GARBLED.search(text):
        flags.add("garbled_characters")
    return Normalised(lines=lines, script=script, flags=frozenset(flags))
