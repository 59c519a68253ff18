"""Stage 4: field values from the zones of a page.

Each rule is a small function named `<field>_from_<page shape>` that returns a `Found` (value,
rule name, raw line) or None. For every field a tuple of rules, strongest evidence first, is
run by `first`, which checks each candidate with the field's validator and keeps the rule
that won, so a bad strong candidate falls through to the next rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from . import patterns as P
from . import regions as R
from .segment import Block, Layout, Line, line_kind
from .validate import EARLIEST, LATEST


@dataclass(frozen=True)
class Found:
    """A field value with the rule and raw line (0-based) it came from."""

    value: Any
    rule: str
    line: int | None


@dataclass(frozen=True)
class Header:
    """Roles of the header's lines: what the title block says."""

    title: tuple[Line, ...] = ()
    subtitle: Line | None = None
    names: Line | None = None
    post: Line | None = None
    source: Line | None = None
    original_title: Line | None = None
    first_published: Line | None = None  # `本文首发X` after a marked byline
    notes: tuple[Line, ...] = ()
    meta: tuple[Line, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Page:
    """Everything the field rules look at."""

    layout: Layout
    header: Header
    blocks: tuple[Block, ...]
    byline: Found | None  # trailing `(X)` or `(作者系…)` cut from the body's end
    reporter: Found | None  # `(记者 X)` cut from the body's start, or a `记者 X` line cut from the body
    dateline: Found | None = None  # the outlet of a dateline opening the body (`湖北日报讯`)


Rule = Callable[[Page], "Found | None"]


#: Set by `explain` for one parse: each candidate a field's validator refused, as
#: (field, rule, value, 0-based line, validator).
REFUSED: ContextVar[list[tuple[str, str, Any, int | None, str]] | None] = ContextVar("refused", default=None)


def refuse(found: Found, valid: Callable[[Any], bool]) -> None:
    """Note a refused candidate where someone is listening (`explain`)."""
    log = REFUSED.get()
    if log is not None:
        log.append((found.rule.split("_from_")[0], found.rule, found.value, found.line, getattr(valid, "__name__", "valid")))


def first(rules: Sequence[Rule], page: Page, valid: Callable[[Any], bool] = lambda v: bool(v)) -> Found | None:
    """Run rules strongest first; the first candidate that passes `valid` wins, a refused one falls through."""
    for rule in rules:
        found = rule(page)
        if found is None:
            continue
        if valid(found.value):
            return found
        refuse(found, valid)
    return None


# --- header roles ---------------------------------------------------------------------------

def _names(text: str) -> str:
    """`张三 李四` / `张三,李四` → `张三、李四`."""
    parts = re.split(r"[\s、,,和]+|(?:记者|通讯员|实习生)", text.strip())
    return "、".join(n for n in parts if n)


def is_name_line(text: str) -> bool:
    """A byline line: one or a few personal names (`王某`, `文/王某`, `作者:王某、李某`)."""
    m = P.NAME_LINE.fullmatch(text)
    return m is not None and P.POST_ANY.search(m.group("names")) is None and P.han_count(text) <= 16


def is_keyword_list(text: str) -> bool:
    """`关键词,关键词,关键词,关键词`: a row of short comma-separated phrases (tags, SEO text), not a headline."""
    parts = text.split(",")
    return len(parts) >= 4 and P.SENTENCE_END.search(text) is None and all(P.han_count(p) <= 12 for p in parts)


def is_post_line(text: str) -> bool:
    """An official position on its own line: `X省委常委、宣传部部长`."""
    return (
        P.POST_ANY.search(text) is not None
        and P.han_count(text) <= 60
        and P.SENTENCE_END.search(text) is None
        and P.NEWSROOM_ROLE.fullmatch(text) is None
    )


def header_roles(header: tuple[Line, ...]) -> Header:
    """Give each header line a role: title, subtitle, byline, post, source, note or metadata."""
    lines = list(header)
    crumbs = [k for k, (_, t) in enumerate(lines) if line_kind(t) == "breadcrumb"]
    if crumbs:
        lines = lines[crumbs[-1] + 1 :]
    notes, meta, texts = [], [], []
    prev_kind = ""
    seen: set[str] = set()
    for i, t in lines:
        kind = line_kind(t)
        if kind == "note" or kind == "text" and (t[0] in P.BULLET and not P.BYLINE_MARKED.fullmatch(t) or is_keyword_list(t)):
            notes.append((i, t))  # also a deck summary (`●两年来…`) or a row of search keywords: never the title
        elif kind in ("meta", "signed"):
            meta.append((i, t))
        elif kind == "text" and t not in seen:
            texts.append((i, t, prev_kind))
            seen.add(t)
        prev_kind = kind
    texts = (not crumbs and _drop_above_title(texts, meta, lines)) or _drop_column_names(texts)
    title: list[Line] = []
    roles: dict[str, Any] = {}
    pos = {i: n for n, (i, _) in enumerate(lines)}
    for i, t, before in texts:
        if (m := P.ORIGINAL_TITLE.fullmatch(t)) is not None:
            roles.setdefault("original_title", (i, m.group("title")))
        elif (m := P.BYLINE_MARKED.fullmatch(t)) is not None and "names" not in roles:
            names = m.group("names")
            roles["names"] = (i, names.replace(" ", "") if P.LETTER_SPACED.fullmatch(names) else names)  # `符 雷` → 符雷
            if m.group("first"):
                roles["first_published"] = (i, P.CHANNEL_WORD.sub("", m.group("first")))
        elif P.SUBTITLE_DASH.match(t) and not title and "original_title" in roles and "subtitle" not in roles:
            roles["subtitle"] = (i, P.SUBTITLE_DASH.sub("", t))  # `——副标题` under a 原标题 line
        elif not title and "names" not in roles and is_post_line(t) and (sig := _signature(t)) is not None:
            roles["names"], roles["post"] = (i, sig[1]), (i, sig[0])  # a `POST NAME` signature heading the page, not its title
        elif not title:
            title.append((i, t))
        elif P.SUBTITLE_DASH.match(t) and "subtitle" not in roles and "names" not in roles:
            roles["subtitle"] = (i, P.SUBTITLE_DASH.sub("", t))
        elif before == "meta" and P.SOURCE_NAME.fullmatch(t) and "source" not in roles:
            roles["source"] = (i, t)
        elif is_name_line(t) and "names" not in roles:
            roles["names"] = (i, P.NAME_LINE.fullmatch(t).group("names"))  # type: ignore[union-attr]
        elif (m := P.REPORTER_LINE.fullmatch(t)) is not None and "names" not in roles:
            roles["names"] = (i, m.group("names"))
            roles["reporter"] = True
        elif is_post_line(t) and "post" not in roles:
            sig = _signature(t)
            if sig is not None and "names" not in roles:
                roles["names"] = (i, sig[1])
                roles["post"] = (i, sig[0])
            else:
                roles["post"] = (i, t)
        elif before == "meta" and P.SOURCE_NAME.fullmatch(t) and "source" not in roles:
            roles["source"] = (i, t)
        elif _continues_title(t, title) and not roles and pos[i] == pos[title[-1][0]] + 1:
            title.append((i, t))  # only the very next line: anything printed between ends the title
    return Header(
        title=tuple(title),
        subtitle=roles.get("subtitle"),
        names=None if roles.get("reporter") else roles.get("names"),
        post=roles.get("post"),
        source=roles.get("source"),
        original_title=roles.get("original_title"),
        first_published=roles.get("first_published"),
        notes=tuple(notes),
        meta=tuple(meta),
    )


def _is_byline_like(text: str) -> bool:
    return bool(P.SUBTITLE_DASH.match(text) or is_name_line(text) or P.REPORTER_LINE.fullmatch(text) or is_post_line(text))


def _drop_above_title(texts: list[tuple[int, str, str]], meta: list[Line], lines: list[Line]) -> list[tuple[int, str, str]]:
    """Where a date or source line follows the title, the text lines above the title are page chrome.

    `网站名 / 栏目 / 标题 / 2023-07-27 来源:…`: the title is the last text line above the metadata
    (skipping byline, post and subtitle lines), with the line above it when a title runs over two.
    Returns [] where the page has no such shape.
    """
    if not meta:
        return []
    anchor = meta[0][0]
    before = [k for k, (i, _, _) in enumerate(texts) if i < anchor]
    if len(before) <= 1:
        return []
    k = before[-1]
    while k > 0 and _is_byline_like(texts[k][1]):
        k -= 1
    pos = {i: n for n, (i, _) in enumerate(lines)}
    prev = texts[k - 1] if k > 0 else None
    if (
        prev is not None
        and pos[texts[k][0]] - pos[prev[0]] == 1
        and P.han_count(prev[1]) >= 10  # column names are shorter than half a title
        and _continues_title(prev[1], [(0, "")])
        and not P.SITE_LIKE.search(prev[1])
    ):
        k -= 1
    return texts[k:]


def _drop_column_names(texts: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Short column names (`要闻`, `网上传播`) stacked above the title are not the title."""
    k = 0
    while k < len(texts) - 1 and P.han_count(texts[k][1]) <= 6 and not P.SENTENCE_END.search(texts[k][1]):
        k += 1
    return texts[k:]


def _signature(text: str) -> tuple[str, str] | None:
    """`中共某县委书记 王某` → (post, name): a signature line with the name last."""
    head, _, tail = text.rpartition(" ")
    if head and P.NAME.fullmatch(tail) and P.POST_END.search(head.strip()):
        return head.strip(), tail
    return None


def _continues_title(text: str, title: list[Line]) -> bool:
    """The second line of a title printed over two lines (not a deck sentence, a speech note or an attendance line)."""
    return (
        len(title) == 1
        and P.SENTENCE_END.search(text) is None
        and "," not in text
        and 6 <= P.han_count(text) <= 40
        and P.TITLE_NAME_PREFIX.match(text) is None
        and P.SPEECH_NOTE.match(text) is None
        and P.ATTENDANCE_LINE.search(text) is None
    )


# --- title and subtitle ---------------------------------------------------------------------

#: `【湖北日报】标题`: an outlet's tag in front of a title (a topic tag such as `【国家网络安全宣传周】` stays).
_OUTLET_TAG = re.compile(r"^【(?P<tag>[^】]{2,12})】\s*")


def _clean_title(text: str) -> str:
    if (m := _OUTLET_TAG.match(text)) is not None and P.SOURCE_NAME.fullmatch(m.group("tag")) and len(text) > m.end() + 6:
        text = text[m.end() :]
    # a site suffix is short: looking at the tail only keeps the search linear on a long line
    while (m := P.TITLE_SITE_SUFFIX.search(text, max(0, len(text) - 100))) is not None and m.start() > 6:
        text = text[: m.start()]
    return text.strip().rstrip(" |｜_-").strip()  # a separator left dangling by the page's title bar


def _split_prefix(text: str, page: Page) -> tuple[str | None, str]:
    """`王某:标题` → ("王某", "标题") unless the page is an interview (the `X:` is the interviewee's)."""
    m = P.TITLE_NAME_PREFIX.match(text)
    if m is None or P.POST_ANY.search(m.group("names")) or _is_interview(page) or _is_place(m.group("names")):
        return None, text
    names = _names(m.group("names"))
    if not valid_author(names) or _reported_on(names, page):
        return None, text  # `宜章网信:…` is a column; `X:…` over a report on X quotes a speaker, not a signer
    return names, m.group("title")


#: Characters of the body's opening searched for a prefixed name: a report on a speaker names them at once.
SPEAKER_SCAN = 400


def _reported_on(names: str, page: Page) -> bool:
    """The body's opening names the person in the third person, so the page reports on them."""
    opening = "".join(b.text for b in page.blocks[:3])[:SPEAKER_SCAN]
    return any(name in opening for name in names.split("、"))


def _is_place(text: str) -> bool:
    """`渝北:标题` names a place (`渝北区`), not a signer."""
    forms = R.gazetteer().forms
    return bool(R.find_places(text)) or any(text + suffix in forms for suffix in ("区", "县", "市", "州", "旗"))


def _is_interview(page: Page) -> bool:
    texts = [t for _, t in page.layout.header] + [b.text for b in page.blocks[:8]]
    return any(P.INTERVIEW_MARK.search(t) for t in texts)


def title_from_original_title(page: Page) -> Found | None:
    """`原标题:X`: the article's own title, printed under a reprint's headline."""
    if page.header.original_title is None:
        return None
    i, t = page.header.original_title
    return Found(_clean_title(t).split("——")[0].strip(), "title_from_original_title", i)


def title_from_header(page: Page) -> Found | None:
    """The first text line of the header (a second line joined with one space)."""
    if not page.header.title:
        return None
    text = " ".join(_clean_title(t) for _, t in page.header.title)
    _, text = _split_prefix(text, page)
    main = text.split("——")[0].strip() if "——" in text[1:] else text
    return Found(main, "title_from_header", page.header.title[0][0])


TITLE_RULES: tuple[Rule, ...] = (title_from_original_title, title_from_header)

#: An e-paper's page label where a title should be: `当前版:03版`, `第05版:要闻`.
_PAGE_LABEL = re.compile(r"(?:当前版|版面|版次)\s*[::]|^第?\s*\d{1,3}\s*版(?:\s*[::]|$)")
#: A byline where a title should be: `文/X`, `作者:X`, `□X`, or a newsroom role followed by a spaced name.
_BYLINE_TITLE = re.compile(f"^(?:{P.AUTHOR_LABEL.pattern}|[□■])|(?:记者|通讯员)\\s+(?:{P.NAME.pattern})(?:\\s|$)")


#: Fewer Han characters than any headline of the genre has (the shortest seen has seven).
MIN_TITLE_HAN = 6


def valid_title(value: object) -> bool:
    """A title is a headline: not a byline, not a scrap of chrome (`5 天 [LV.2]`), so at least a few words long."""
    return (isinstance(value, str) and P.han_count(value) >= MIN_TITLE_HAN and _BYLINE_TITLE.search(value) is None
            and _PAGE_LABEL.search(value) is None and not value.endswith("。"))  # a headline is no finished sentence


def subtitle_from_dash_line(page: Page) -> Found | None:
    """`——全省网信工作综述` on the line under the title."""
    if page.header.subtitle is None:
        return None
    i, t = page.header.subtitle
    return Found(t.strip(), "subtitle_from_dash_line", i)


def subtitle_from_title_line(page: Page) -> Found | None:
    """`标题——副标题` on one line."""
    if not page.header.title:
        return None
    text = " ".join(_clean_title(t) for _, t in page.header.title)
    if "——" not in text[1:]:
        return None
    return Found(text.split("——", 1)[1].strip(" —"), "subtitle_from_title_line", page.header.title[0][0])


def subtitle_from_original_title(page: Page) -> Found | None:
    """`原标题:标题——副标题`: the subtitle of the article's own title."""
    if page.header.original_title is None:
        return None
    i, t = page.header.original_title
    text = _clean_title(t)
    if "——" not in text[1:]:
        return None
    return Found(text.split("——", 1)[1].strip(" —"), "subtitle_from_original_title", i)


SUBTITLE_RULES: tuple[Rule, ...] = (subtitle_from_dash_line, subtitle_from_original_title, subtitle_from_title_line)


# --- author and post ------------------------------------------------------------------------

def author_from_name_line(page: Page) -> Found | None:
    """`王某` alone on a line under the title (or `文/王某`, `作者:王某`)."""
    if page.header.names is None:
        return None
    i, t = page.header.names
    return Found(_names(t), "author_from_name_line", i)


def author_from_title_prefix(page: Page) -> Found | None:
    """`王某:标题`: the signer's name before the title."""
    if not page.header.title:
        return None
    i, t = page.header.title[0]
    if not valid_title(" ".join(line for _, line in page.header.title)):  # not a title (a byline, chrome): no signer
        return None
    names, rest = _split_prefix(t, page)
    return Found(names, "author_from_title_prefix", i) if names and valid_title(rest) else None


def _labelled(lines: Sequence[Line], label: re.Pattern[str]) -> tuple[int, str] | None:
    for i, t in lines:
        m = label.search(t)
        if m is None:
            continue
        value = P.VALUE_END.split(t[m.end() :], maxsplit=1)[0].strip(" 】])）")
        if value:
            return i, value
    return None


def author_from_label(page: Page) -> Found | None:
    """`作者:王某` in the header or footer metadata."""
    lines = [*page.header.meta, *page.layout.footer, *page.layout.header]
    hit = _labelled(lines, re.compile(r"(?:^|\s)(?:文章作者|作者)\s*[::]\s*"))
    if hit is None or not P.NAMES.fullmatch(hit[1].replace(" ", "、")):
        return None
    return Found(_names(hit[1]), "author_from_label", hit[0])


def _signer(page: Page) -> tuple[int, str] | None:
    """`(近日,)X省委书记王某在《Y》发表署名文章`: the post-and-name of an announcement or note."""
    for i, t in page.header.notes:
        for pattern in P.ANNOUNCEMENTS:
            for m in pattern.finditer(t):
                who = P.NOTE_LEAD.sub("", m.group("who")).strip()
                if who:
                    return i, who
    return None


def _split_signer(who: str, author: str | None) -> tuple[str | None, str | None]:
    """Split `X省委书记王某` into post and name, using a known author or the post's last word."""
    if author and who.endswith(author) and len(who) > len(author):
        return who[: -len(author)].strip(), author
    for size in (3, 2, 4):
        post, name = who[:-size], who[-size:]
        if len(post) >= 2 and P.POST_END.search(post) and P.NAME.fullmatch(name):
            return post, name
    return None, None


def author_from_announcement(page: Page) -> Found | None:
    """The signer named by the hosting page's announcement or editor's note."""
    hit = _signer(page)
    if hit is None:
        return None
    _, name = _split_signer(hit[1], None)
    return Found(name, "author_from_announcement", hit[0]) if name else None


def author_from_trailing_byline(page: Page) -> Found | None:
    """`…。(王某)` at the very end of the body."""
    if page.byline is None or page.byline.rule != "trailing_byline":
        return None
    return Found(_names(page.byline.value), "author_from_trailing_byline", page.byline.line)


def author_from_reporter_byline(page: Page) -> Found | None:
    """`本报讯(记者 王某 通讯员 李某)`, `(记者 王某)`, `本报记者 王某`."""
    if page.reporter is not None:
        return Found(page.reporter.value, "author_from_reporter_byline", page.reporter.line)
    for i, t in page.layout.header:
        if (m := P.REPORTER_LINE.fullmatch(t)) is not None:
            names = [_names(m.group("names"))] + ([_names(m.group("others"))] if m.group("others") else [])
            return Found("、".join(names), "author_from_reporter_byline", i)
        if (opening := opening_byline(t)) is not None:
            return Found(opening[0], "author_from_reporter_byline", i)
    return None


def opening_byline(text: str) -> tuple[str, int] | None:
    """`本报讯(记者 王某)…` → ("王某", end of the byline): the names in a bracketed byline opening a paragraph.

    Without a newsroom role in the brackets the names count only after a dateline
    (`X电 (王某)`), so an opening aside such as `(2018年8月8日,根据录音整理)` is no byline.
    """
    m = P.OPENING_BYLINE.match(text[: P.OPENING_SCAN])
    if m is None:
        return None
    names = reporter_names(m.group("body"), dated=m.group("dateline") is not None)
    return (names, m.end()) if names else None


def reporter_names(body: str, dated: bool) -> str | None:
    """`湖南日报记者 王某 红网记者 李某` → `王某、李某`: every name after a role, each outlet in front of a role dropped."""
    parts = P.REPORTER_ROLE.split(body)
    if len(parts) == 1 and not dated:
        return None
    names: list[str] = []
    for k, part in enumerate(parts[1:] if len(parts) > 1 else parts, 1):
        words = [w for w in re.split(r"[\s、,,]+", part) if w]
        if len(parts) > 1 and k < len(parts) - 1 and words and not part[-1].isspace():
            words.pop()  # `王某 红网记者`: the word glued to the next role is that reporter's outlet
        names += words
    value = "、".join(names)
    return value if names and all(P.NAME.fullmatch(n) for n in names) and valid_author(value) else None


def reporter_outlet(lines: Sequence[Line]) -> Found | None:
    """`新华社记者 X`: the outlet a reporter's byline line names (`本报` names none)."""
    for i, t in lines:
        m = P.REPORTER_LINE.fullmatch(t)
        if m is not None and m.group("outlet") and not m.group("outlet").startswith("本"):
            return Found((m.group("outlet"), None), "source_from_reporter_outlet", i)
    return None


def dateline_outlet(line: Line) -> Found | None:
    """`湖北日报讯 …`, `新华社北京3月5日电 …`: the outlet a dateline opening the body names."""
    i, t = line
    m = P.DATELINE.match(t)
    if m is None or m.group("lead").startswith("本"):
        return None
    name = outlet_of_lead(m.group("lead"))
    return Found((name, None), "source_from_dateline", i) if name else None


#: A channel word after a place in an outlet's lead: `中新网福建新闻` → place `福建` + channel `新闻`.
_PLACE_CHANNEL = re.compile(r"(?:新闻|频道|新闻网|站)$")


def outlet_of_lead(lead: str) -> str | None:
    """The shortest outlet name the lead starts with, where what follows it is a place (or nothing)."""
    for k in range(3, len(lead) + 1):
        head, rest = lead[:k], lead[k:]
        if P.SOURCE_NAME.fullmatch(head) and (not rest or _is_place_channel(rest)):
            return head
    return None


def _is_place_channel(text: str) -> bool:
    """`福建新闻`, `北京`, `长沙`: a place name, maybe with a channel word after it."""
    place = _PLACE_CHANNEL.sub("", text)
    return P.han_count(place) == len(place) >= 2 and _is_place(place)


AUTHOR_RULES: tuple[Rule, ...] = (
    author_from_name_line,
    author_from_title_prefix,
    author_from_label,
    author_from_announcement,
    author_from_trailing_byline,
    author_from_reporter_byline,
)


def post_from_post_line(page: Page) -> Found | None:
    """`X省委常委、宣传部部长` on its own line by the author's name."""
    if page.header.post is None:
        return None
    i, t = page.header.post
    return Found(t.strip("()() "), "post_from_post_line", i)


def post_from_signed_note(page: Page) -> Found | None:
    """`(作者系中共某县委书记)` / `(作者为…)` at the end of the article."""
    for i, t in [*page.header.meta, *page.layout.footer]:
        m = P.SIGNED_POST.fullmatch(t)
        if m is not None and t[:1] in "((作":
            return Found(m.group("post").rstrip("。 "), "post_from_signed_note", i)
    if page.byline is not None and page.byline.rule == "signed_post":
        return Found(page.byline.value, "post_from_signed_note", page.byline.line)
    return None


def post_from_announcement(page: Page, author: str | None = None) -> Found | None:
    """The post before the signer's name in an announcement or editor's note."""
    hit = _signer(page)
    if hit is None:
        return None
    post, _ = _split_signer(hit[1], author)
    return Found(post, "post_from_announcement", hit[0]) if post else None


POST_RULES: tuple[Rule, ...] = (post_from_post_line, post_from_signed_note)

_POST_NOTE = re.compile(r"\s*[((][^()()]{1,6}[))]$")


def valid_post(value: object) -> bool:
    """A post names a position: it ends with a post word (before a short bracketed note such as `(兼)`).

    A headline sentence that merely mentions an official (`X主持召开…会议`) is not a post.
    """
    return isinstance(value, str) and bool(value) and P.POST_END.search(_POST_NOTE.sub("", value)) is not None


def valid_subtitle(value: object) -> bool:
    """A subtitle is a phrase of its own, not share-button debris (`分享—`)."""
    if not isinstance(value, str) or P.han_count(value) < 4:
        return False
    return P.CHROME_LINE.fullmatch(value.strip("—-— ")) is None


# --- source, date, site, editor -------------------------------------------------------------

#: `公众号“网信天津”`: an account name in quotes (bounded, so a run of openers stays linear).
_ACCOUNT = re.compile(r"(?:公众号|微信号|客户端|账号)\s*+[“\"「]([^”\"」“「]{1,40})[”\"」]")


def _source_value(raw: str) -> tuple[str, str | None]:
    """`《中国网信》杂志2023年第12期` → ("中国网信", "2023年第12期")."""
    raw = P.VALUE_END.split(raw.strip(), maxsplit=1)[0] if not raw.startswith("《") else raw.strip()
    issue_m = P.SOURCE_ISSUE.search(raw)
    issue = re.sub(r"\s+", "", issue_m.group("issue")) if issue_m else None
    if issue_m:
        raw = raw[: issue_m.start()] + raw[issue_m.end() :]
    m = re.match(r"\s*《([^》]+)》", raw)
    name = m.group(1) if m else P.DATE_YMD.split(raw)[0]
    quoted = _ACCOUNT.search(name)
    if quoted:
        name = quoted.group(1)
    name = re.sub(r"(?:杂志|期刊)$", "", name.strip(" ::,,。()()“”\""))
    return name.strip(), issue


def source_candidates(page: Page) -> list[Found]:
    """Every place a page names its source, in page order."""
    out: list[Found] = []
    for i, t in [*page.header.meta, *page.layout.header, *page.layout.footer]:
        m = P.SOURCE_BRACKETED.match(t)
        if m is not None:
            out.append(Found(_source_value(m.group("value")), "source_from_bracketed_line", i))
            continue
        for lm in P.SOURCE_LABEL.finditer(t):
            if lm.start() > 0 and t[lm.start() - 1] not in " \t:|【[(0123456789":
                continue
            value = _source_value(t[lm.end() :])
            if value[0]:
                out.append(Found(value, "source_from_label", i))
            break
    if page.header.source is not None:
        i, t = page.header.source
        out.append(Found(_source_value(t), "source_from_line_under_date", i))
    for i, t in page.header.notes:
        m = next((m for pattern in P.ANNOUNCEMENTS if (m := pattern.search(t)) is not None), None)
        if m is not None:
            issue = re.sub(r"\s+", "", m.group("issue")) if m.group("issue") else None
            out.append(Found((m.group("pub"), issue), "source_from_announcement", i))
    if page.header.first_published is not None:
        i, t = page.header.first_published
        out.append(Found((t, None), "source_from_first_published", i))
    for i, t in page.header.meta:
        if (name := _beside_date(t)) is not None:
            out.append(Found((name, None), "source_from_name_beside_date", i))
    # failing the page's source slot: a dateline, then a reporter byline's outlet
    out += [f for f in (page.dateline, reporter_outlet([*page.layout.header, *page.layout.body])) if f is not None]
    seen: set[int] = set()
    unique = []
    for f in out:
        if (f.line, f.value) not in seen:  # type: ignore[comparison-overlap]
            unique.append(f)
            seen.add((f.line, f.value))  # type: ignore[arg-type]
    return unique


def _beside_date(text: str) -> str | None:
    """`甘孜日报    2020年04月17日`: an outlet's name alone beside the page's date, before or after it."""
    m = P.DATE_YMD.search(text)
    if m is None:
        return None
    head, tail = text[: m.start()].strip(), text[m.end() :].strip()
    side = head if not tail else tail if not head else ""
    names = [P.CHANNEL_WORD.sub("", w) for w in side.split()]  # `湖南卫视 湖南日报 时刻新闻客户端`: several outlets
    if not names or len(names) > 4 or any(not P.SOURCE_NAME.fullmatch(n) or P.LABEL.search(n) for n in names):
        return None
    return "、".join(names)


def source(page: Page) -> Found | None:
    """The most specific source: one that names the issue wins, else the first named."""
    cands = [Found((outlet(f.value[0]), f.value[1]), f.rule, f.line) for f in source_candidates(page)]
    cands = [f for f in cands if _plausible_source(f.value[0])]
    with_issue = [f for f in cands if f.value[1]]
    return (with_issue or cands or [None])[0]


def _plausible_source(name: str) -> bool:
    """A publication's name: a few letters or Han characters, never a label, an address or a scrap of one (`http:`)."""
    return (2 <= len(name) <= 40 and P.han_count(name) + sum(c.isalpha() for c in name) >= 2 and not P.LABEL.search(name)
            and P.URL_LIKE.search(name) is None)


#: `人民网-四川频道`, `华声 • 经济`, `南方网 作者名`: an outlet's name ends at a separator or a blank;
#: what follows is its channel, section, or a name printed beside it.
_OUTLET_END = re.compile(r"\s*[-–—•·|｜/]\s*|\s+")


def outlet(name: str) -> str:
    """The outlet part of a source value (the whole value when nothing of two characters precedes a separator).

    A site's regional channel glued on is dropped too: `中新网河北` → 中新网.
    """
    head = _OUTLET_END.split(name, maxsplit=1)[0]
    head = head if P.han_count(head) + sum(c.isalpha() for c in head) >= 2 else name
    k = head.find("网")
    return head[: k + 1] if k >= 2 and _is_place_channel(head[k + 1 :]) else head


#: Words that name a unit, a site or a role rather than a person.
_NOT_PERSON = re.compile(r"(?:网|报|台|办|社|站|刊|中心|网信|新闻|发布|现场|委员会|政府|局|厅|委|部)$|^(?:未知|佚名|不详|匿名|本站|本网|小编|网友|管理员)$")


def valid_author(value: object) -> bool:
    """An author is one or more persons: never a unit or site (`X网`, `X网信`), a role word or `未知`."""
    if not isinstance(value, str) or not value:
        return False
    return not any(_NOT_PERSON.search(n) or P.NEWSROOM_ROLE.fullmatch(n) for n in value.split("、"))


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


def date_from_header(page: Page) -> Found | None:
    """The first date in a metadata line above the body (`2023-12-31 19:12`, `发布时间:…`)."""
    for i, t in page.header.meta:
        if _dated_note(t):
            continue
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


def date_from_footer_label(page: Page) -> Found | None:
    """`发布时间:…` below the body, above any related-articles list."""
    for i, t in page.layout.footer:
        if P.RELATED_MARK.match(t):
            break
        if P.DATE_LABEL.search(t):
            hit = _date_in(t)
            if hit is not None:
                return Found(hit, "date_from_footer_label", i)
    return None


DATE_RULES: tuple[Rule, ...] = (date_from_header, date_from_footer_label)


def _site_name(raw: str) -> str | None:
    name = raw.strip(" :：·-")
    if P.han_count(name) + sum(c.isalpha() for c in name) < 2 or P.LABEL.search(name):
        return None
    if re.fullmatch(r"(?:本网|本站|凡注明|网站|所有|保留)", name):
        return None
    return name


def site(page: Page) -> Found | None:
    """The site named by the copyright or sponsor line of the footer."""
    lines = [(i, t) for i, t in [*page.layout.footer, *page.layout.header] if line_kind(t) == "footer"]
    for pattern, rule in (
        (P.SITE_BEFORE_COPYRIGHT, "site_from_name_before_copyright"),
        (P.SITE_AFTER_COPYRIGHT, "site_from_copyright_holder"),
        (P.SITE_SPONSOR, "site_from_sponsor"),
    ):
        for i, t in lines:
            for m in pattern.finditer(t):
                name = _site_name(m.group("site"))
                if name:
                    return Found(name, rule, i)
    return None


def editor(page: Page) -> Found | None:
    """`编辑:X`, `【责任编辑:X】` in the footer or header."""
    lines = [*page.layout.footer, *page.layout.header]
    hit = _labelled(lines, P.EDITOR_LABEL)
    if hit is None or not P.NAMES.fullmatch(hit[1].replace(" ", "、")):
        return None
    return Found(_names(hit[1]), "editor_from_label", hit[0])


# --- documents and regions ------------------------------------------------------------------

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


#: Characters of the body searched for places: the subject of an article shows in its first pages,
#: and the bound keeps a hostile page's cost in check.
MAX_REGION_SCAN = 30_000


def regions(page: Page, found: dict[str, Found | None]) -> Found | None:
    """Codes of the regions the article is about, with the rule of the first subject that named one.

    Subjects, in order: the title (and the page headline), the author's post, a roundup's region
    headings; failing those, an issuing organisation named as source; failing that, the one
    province (or place under it) that dominates the body.
    """
    gaz = R.gazetteer()
    body = "\n".join(b.text for b in page.blocks)[:MAX_REGION_SCAN]
    codes: list[str] = []
    first_rule: tuple[str, int | None] | None = None
    headline = (" ".join(t for _, t in page.header.title), page.header.title[0][0]) if page.header.title else None
    if headline is not None and (_BYLINE_TITLE.search(headline[0]) or P.REPORTER_LINE.fullmatch(headline[0])):
        headline = None  # a byline standing where the title should be names the reporter's outlet, not the subject
    for name in ("title", "subtitle", "headline", "post"):
        f = found.get(name)
        text, line = (f.value, f.line) if f is not None else headline if name == "headline" and headline else (None, None)
        if not isinstance(text, str):
            continue
        new = R.find_places(P.VENUE.sub("", text), codes, confirm=body)
        if new and first_rule is None:
            first_rule = (f"regions_from_{name}", line)
        codes.extend(new)
    codes = [c for c in codes if not any(R._contains(c, other) for other in codes)]  # 重庆市…大渡口区 → 大渡口区
    heading_codes = [
        (found_codes[0], b.line)
        for b in page.blocks
        if b.level == 1 and b.heading_kind == "plain"
        for name in [re.split(r"[::]", b.text, maxsplit=1)[0]]
        if name in gaz.forms and len(found_codes := R.find_places(name)) == 1
    ]
    if len(heading_codes) >= 2:
        codes.extend(c for c, _ in heading_codes)
        first_rule = first_rule or ("regions_from_roundup_headings", heading_codes[0][1])
    src = found.get("source")
    if not codes and src is not None and P.SOURCE_ORG.search(src.value[0]):
        codes.extend(R.find_places(src.value[0]))
        first_rule = ("regions_from_source_organisation", src.line)
    if not codes:
        codes.extend(_dominant_place(body.split("\n")))
        first_rule = ("regions_from_dominant_place_in_body", None)
    codes = list(dict.fromkeys(codes))
    return Found(codes, first_rule[0], first_rule[1]) if codes and first_rule else None


def _dominant_place(texts: Sequence[str]) -> list[str]:
    """The province most of the body's place names fall in, drilled down while one place dominates.

    A child wins with two mentions and 60 % of the mentions at or below the current place, or
    when every deeper mention falls in it, names a county (`湖南省 … 大祥区`, not the capital
    where a provincial meeting sits) and the parent is named at most twice as often. A
    municipality has no prefecture of its own in the table, so its districts vote straight away.
    """
    mentions = [c for t in texts for c in R.find_places(t)]
    if not mentions:
        return []
    places = R.gazetteer().places
    code: str | None = None
    for width, suffix in ((2, "0000"), (4, "00"), (6, "")):
        prefix = "" if code is None else code[:2] if code.endswith("0000") else code[:4]
        pool = [c for c in mentions if c.startswith(prefix)]
        deeper = [key for c in pool if (key := c[:width] + suffix) != code]
        counts = Counter(deeper)
        if not counts:
            break
        top, n = counts.most_common(1)[0]
        if top not in places:
            if width == 4 and code is not None:
                continue  # 上海市 → 青浦区: no prefecture level between them
            break
        # a child wins with two mentions and 60 % of all below the current place, or when it is named only
        # through its counties, every deeper mention falls in it and its parent is named at most twice as often
        counties_only = all(places[c].level == "county" for c in pool if c[:width] + suffix == top)
        unanimous = code is not None and n == len(deeper) and counties_only and n * 2 >= len(pool) - n
        if not (n >= 2 and n >= 0.6 * len(pool) or unanimous):
            break
        code = top
    return [code] if code else []


#: How each extracted field is found: its rules, strongest evidence first (documented in the card).
FIELD_RULES: dict[str, tuple[Callable[..., object], ...]] = {
    "title": TITLE_RULES,
    "subtitle": SUBTITLE_RULES,
    "author": AUTHOR_RULES,
    "post": (*POST_RULES, post_from_announcement),
    "source": (source,),
    "source_issue": (source,),
    "site": (site,),
    "editor": (editor,),
    "date": DATE_RULES,
    "time": DATE_RULES,
    "regions": (regions,),
    "documents": (documents,),
}
