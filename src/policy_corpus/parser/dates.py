"""Field family: publication date and time."""

from __future__ import annotations

import datetime as dt
import re

from . import patterns as P
from .page import NOTHING, Found, Known, Page
from .validate import EARLIEST, LATEST


def _date_in(text: str) -> tuple[dt.date, str | None] | None:
    for pattern in (P.DATE_YMD, P.DATE_DMY):
        for m in pattern.finditer(text):
            try:
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            except ValueError:
                continue
            clock = m.group("t")
            if clock is not None and not P.VALID_TIME.fullmatch(clock):
                continue  # an impossible time (25:61) makes the whole stamp doubtful: the next candidate decides
            if EARLIEST <= day <= LATEST:
                return day, (clock.zfill(len(clock) + 1) if clock and clock.index(":") == 1 else clock)  # 9:00 → 09:00
    return None


def date_from_header(page: Page, found: Known = NOTHING) -> Found | None:
    """The first date in a metadata line above the body (`2023-12-31 19:12`, `发布时间:…`)."""
    widgets = []
    for i, t in page.header.meta:
        if _dated_note(t):
            continue
        if P.TODAY_WIDGET.match(t):
            widgets.append((i, t))  # `2021年08月18日 星期三`: maybe the day the page was viewed; last resort
            continue
        hit = _date_in(t)
        if hit is not None:
            return Found(hit, "date_from_header", i)
    for i, t in widgets:
        hit = _date_in(t)
        if hit is not None:
            return Found(hit, "date_from_header", i)
    return None


#: `(2018年8月8日,根据录音整理)`: a bracketed note dating a speech or a draft, not the page.
_BRACKETED = re.compile(r"^[((].*[))]$")


def _dated_note(text: str) -> bool:
    if _BRACKETED.match(text) is None or P.SOURCE_BRACKETED.match(text) is not None:
        return False
    rest = P.DATE_YMD.sub("", text)
    return P.han_count(rest) >= 2


def date_from_footer_label(page: Page, found: Known = NOTHING) -> Found | None:
    """`发布时间:…` below the body, above any related-articles list."""
    for i, t in page.layout.footer:
        if P.RELATED_MARK.match(t):
            break
        if P.DATE_LABEL.search(t):
            hit = _date_in(t)
            if hit is not None:
                return Found(hit, "date_from_footer_label", i)
    return None
