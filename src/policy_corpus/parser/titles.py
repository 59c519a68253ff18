"""Field family: title and subtitle rules and their checks."""

from __future__ import annotations

import re

from . import patterns as P
from .bylines import split_prefix
from .page import NOTHING, Found, Known, Page

#: `【湖北日报】标题`: an outlet's tag in front of a title (a topic tag such as `【国家网络安全宣传周】` stays).
_OUTLET_TAG = re.compile(r"^【(?P<tag>[^】]{2,12})】\s*")


def _clean_title(text: str) -> str:
    if (m := _OUTLET_TAG.match(text)) is not None and P.SOURCE_NAME.fullmatch(m.group("tag")) and len(text) > m.end() + 6:
        text = text[m.end() :]
    # a site suffix is short: looking at the tail only keeps the search linear on a long line
    while (m := P.TITLE_SITE_SUFFIX.search(text, max(0, len(text) - 100))) is not None and m.start() > 6:
        text = text[: m.start()]
    head, sep, tail = text.rpartition("_")
    if sep and P.han_count(head) >= 6 and 0 < len(tail) <= 12:
        text = head  # `标题_焦点观察`: a headline never holds `_`; a short tail after it is the site's column
    head, sep, tail = text.partition("_")
    if sep and 0 < len(head) <= 10 and P.han_count(tail) >= 8:
        text = tail  # `栏目_标题`: a short head before it is the site's column (or a farm's tag)
    text = text.replace("──", "——")  # box-drawing dashes some sites print for a subtitle's dash
    return text.strip().strip(" |｜_-").strip()  # a separator left dangling by the page's title bar


def title_from_original_title(page: Page, found: Known = NOTHING) -> Found | None:
    """`原标题:X`: the article's own title, printed under a reprint's headline."""
    if page.header.original_title is None:
        return None
    i, t = page.header.original_title
    return Found(_clean_title(t).split("——")[0].strip(), "title_from_original_title", i)


def title_from_header(page: Page, found: Known = NOTHING) -> Found | None:
    """The first text line of the header (a second line joined with one space)."""
    if not page.header.title:
        return None
    text = " ".join(_clean_title(t) for _, t in page.header.title)
    _, text = split_prefix(text, page)
    main = text.split("——")[0].strip() if "——" in text[1:] else text
    if "——" in text[1:] and _PUBLISHED_IN.fullmatch(main):  # `《某某报》刊发——标题`: an announcement, then the title
        main = text.split("——", 2)[1].strip(" —")
    return Found(main, "title_from_header", page.header.title[0][0])


#: An announcement that a publication printed the article, standing before the title: `《某某时报》刊发`, `人民日报头版刊文`.
_PUBLISHED_IN = re.compile(r"《[^》]{2,20}》\s*(?:头版|专版|重要版面)?(?:刊发|刊文|刊登|发表|刊载|聚焦|关注)(?:文章|署名文章|评论员文章)?")


def subtitle_from_dash_line(page: Page, found: Known = NOTHING) -> Found | None:
    """`——全省网信工作综述` on the line under the title."""
    if page.header.subtitle is None:
        return None
    i, t = page.header.subtitle
    return Found(t.strip(), "subtitle_from_dash_line", i)


def subtitle_from_title_line(page: Page, found: Known = NOTHING) -> Found | None:
    """`标题——副标题` on one line."""
    if not page.header.title:
        return None
    text = " ".join(_clean_title(t) for _, t in page.header.title)
    if "——" not in text[1:]:
        return None
    parts = text.split("——")
    if _PUBLISHED_IN.fullmatch(parts[0].strip()):  # `《某某报》刊发——标题——副标题`: the subtitle follows the title
        parts = parts[1:]
    return Found("——".join(parts[1:]).strip(" —"), "subtitle_from_title_line", page.header.title[0][0]) if len(parts) > 1 else None


def subtitle_from_original_title(page: Page, found: Known = NOTHING) -> Found | None:
    """`原标题:标题——副标题`: the subtitle of the article's own title."""
    if page.header.original_title is None:
        return None
    i, t = page.header.original_title
    text = _clean_title(t)
    if "——" not in text[1:]:
        return None
    return Found(text.split("——", 1)[1].strip(" —"), "subtitle_from_original_title", i)


