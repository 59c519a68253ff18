"""Stage 4a: roles of the header's lines (title, deck, byline, post, source slot, note, metadata),
and the credits at the body's edges (an opening reporter byline, a trailing byline or signed post).

Every page-shape decision about the lines above the body is taken here, once, and each line's
role is recorded with the shape that decided it (`Header.roles`), which `explain` prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from . import patterns as P
from .bylines import opening_byline, reporter_names
from .checks import valid_author, valid_post
from .page import Found, Header, Line
from .segment import line_kind


def is_name_line(text: str) -> bool:
    """A byline line: one or a few personal names (`王某`, `文/王某`, `作者:王某、李某`)."""
    m = P.NAME_LINE.fullmatch(text)
    return m is not None and P.POST_ANY.search(m.group("names")) is None and P.han_count(text) <= 16


def is_keyword_list(text: str) -> bool:
    """`关键词,关键词,关键词,关键词`: a row of short comma-separated phrases (tags, SEO text), not a headline."""
    if P.SENTENCE_END.search(text) is not None:
        return False
    parts, spam = text.split(","), text.split("_")  # `某某_某某视频_在线观看`: a spam page's keyword banner too
    return len(parts) >= 4 and all(P.han_count(p) <= 12 for p in parts) or len(spam) >= 3 and all(P.han_count(p) <= 16 for p in spam)


def is_post_line(text: str) -> bool:
    """An official position on its own line: `X省委常委、宣传部部长`."""
    return (
        P.POST_ANY.search(text) is not None
        and P.han_count(text) <= 60
        and P.SENTENCE_END.search(text) is None
        and P.NEWSROOM_ROLE.fullmatch(text) is None
    )


def header_roles(header: tuple[Line, ...]) -> Header:
    """Give each header line a role: title, subtitle, byline, post, source, note or metadata.

    Each decision is logged with the line shape that took it (`Header.roles`, printed by `explain`).
    """
    lines, items = _list_rows(header)
    log: dict[int, tuple[str, str]] = {}
    crumbs = [k for k, (_, t) in enumerate(lines) if line_kind(t) == "breadcrumb"]
    if crumbs:
        for i, _ in lines[: crumbs[-1] + 1]:
            log[i] = ("chrome", "breadcrumb trail or a line above it")
        lines = lines[crumbs[-1] + 1 :]
    notes, meta, texts = [], [], []
    prev_kind = ""
    seen: set[str] = set()
    for i, t in lines:
        kind = line_kind(t)
        if kind == "note" or kind == "text" and (t[0] in P.BULLET and not P.BYLINE_MARKED.fullmatch(t) or is_keyword_list(t)):
            notes.append((i, t))  # also a deck summary (`●两年来…`) or a row of search keywords: never the title
            log[i] = ("note", "editor's note or announcement" if kind == "note" else "bullet deck line or keyword list")
        elif kind in ("meta", "signed"):
            meta.append((i, t))
            log[i] = ("meta", "date, label or signed-post line")
        elif i in items:
            log[i] = ("chrome", "a list of links (•)")
        elif kind == "text" and t not in seen:
            texts.append((i, t, prev_kind))
            seen.add(t)
        else:
            log[i] = ("chrome" if kind != "text" else "repeat", f"line kind {kind}" if kind != "text" else "a repeated line")
        prev_kind = kind
    echo = _echoed_title(texts, header)
    kept = texts[echo:] if echo else (not crumbs and _drop_above_title(texts, meta, lines)) or _drop_column_names(texts)
    for i, _, _ in texts[: len(texts) - len(kept)]:
        log[i] = ("chrome", "text above a headline an earlier line quotes" if echo else "text above the title (site or column name)")
    texts = kept
    title: list[Line] = []
    roles: dict[str, Any] = {}
    pos = {i: n for n, (i, _) in enumerate(lines)}
    taken: set[int] = set()
    for k, (i, t, before) in enumerate(texts):
        if i in taken:
            continue
        if not title and "names" not in roles and _signature_block(texts, k):
            roles["names"], roles["post"] = (i, t), texts[k + 1][:2]
            taken.add(texts[k + 1][0])
            log[i], log[texts[k + 1][0]] = ("byline", "name line over a post line"), ("post", "post line under a name line")
        elif (m := P.ORIGINAL_TITLE.fullmatch(t)) is not None:
            roles.setdefault("original_title", (i, m.group("title")))
            log[i] = ("original_title", "原标题 line")
        elif (m := P.BYLINE_MARKED.fullmatch(t)) is not None and "names" not in roles:
            names = m.group("names")
            roles["names"] = (i, names.replace(" ", "") if P.LETTER_SPACED.fullmatch(names) else names)  # `符 雷` → 符雷
            if m.group("first"):
                roles["first_published"] = (i, P.CHANNEL_WORD.sub("", m.group("first")))
            log[i] = ("byline", "marked byline (文/, □, 作者:)")
        elif P.SUBTITLE_DASH.match(t) and not title and "original_title" in roles and "subtitle" not in roles:
            roles["subtitle"] = (i, P.SUBTITLE_DASH.sub("", t))  # `——副标题` under a 原标题 line
            log[i] = ("subtitle", "dash line under a 原标题 line")
        elif not title and "names" not in roles and is_post_line(t) and (sig := _signature(t)) is not None:
            roles["names"], roles["post"] = (i, sig[1]), (i, sig[0])  # a `POST NAME` signature heading the page, not its title
            log[i] = ("byline", "POST NAME signature above the title")
        elif not title:
            title.append((i, t))
            log[i] = ("title", "first text line of the header")
        elif P.SUBTITLE_DASH.match(t) and "subtitle" not in roles and "names" not in roles:
            roles["subtitle"] = (i, P.SUBTITLE_DASH.sub("", t))
            log[i] = ("subtitle", "dash line under the title")
        elif before == "meta" and P.SOURCE_NAME.fullmatch(t) and "source" not in roles:
            roles["source"] = (i, t)
            log[i] = ("source", "outlet name under a metadata line")
        elif is_name_line(t) and "names" not in roles:
            roles["names"] = (i, P.NAME_LINE.fullmatch(t).group("names"))  # type: ignore[union-attr]
            log[i] = ("byline", "a line of personal names")
        elif (m := P.REPORTER_LINE.fullmatch(t)) is not None and "names" not in roles:
            roles["names"] = (i, m.group("names"))
            roles["reporter"] = True
            log[i] = ("byline", "reporter line (记者 X)")
        elif is_post_line(t) and "post" not in roles:
            sig = _signature(t)
            if sig is not None and "names" not in roles:
                roles["names"] = (i, sig[1])
                roles["post"] = (i, sig[0])
                log[i] = ("byline", "POST NAME signature")
            else:
                roles["post"] = (i, t)
                log[i] = ("post", "a line naming a position")
        elif _continues_title(t, title) and not roles and pos[i] == pos[title[-1][0]] + 1:
            if P.SITE_CHROME_WORDS.search(title[0][1]) and not P.SITE_CHROME_WORDS.search(t):
                log[title[0][0]] = ("chrome", "a site's bar above the title (app, login, official-site words)")
                title[:] = [(i, t)]
                log[i] = ("title", "the line under a site's bar")
            else:
                title.append((i, t))  # only the very next line: anything printed between ends the title
                log[i] = ("title", "second line of a title printed over two")
        else:
            log[i] = ("deck", "text under the title that no rule claims")
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
        roles=tuple((i, *log[i]) for i, _ in header if i in log),
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
    while (k < len(texts) - 1 and P.han_count(texts[k][1]) <= 6 and not P.SENTENCE_END.search(texts[k][1])
           and not _signature_block(texts, k)):
        k += 1
    return texts[k:]


def _signature_block(texts: list[tuple[int, str, str]], k: int) -> bool:
    """`王某` over `某市委宣传部副部长`: a signed article's name line with its post line under it."""
    return (k + 1 < len(texts) and is_name_line(texts[k][1]) and valid_author(texts[k][1]) and is_post_line(texts[k + 1][1])
            and valid_post(texts[k + 1][1]) and _signature(texts[k + 1][1]) is None)  # `权威发布` over a headline is no signer


#: A headline is echoed inside an earlier line (`正在阅读:X`, a browser title `X - 网站`) only when it is long enough
#: not to be a column name.
MIN_ECHO_CHARS = 8


def _quotes(line: str, title: str) -> bool:
    """`正在阅读:X`, `当前文章:X`, `X - 网站`, `X_网站`: the line names the headline after a label or before a separator."""
    head, _, tail = line.partition(title)
    if not _ or line == title:
        return False
    return head.rstrip().endswith((":", "：")) and not tail.strip() or not head.strip() and tail.lstrip()[:1] in ("-", "_", "|", "｜")


def _echoed_title(texts: list[tuple[int, str, str]], header: tuple[Line, ...]) -> int:
    """The index of the first text line that an earlier header line quotes inside itself (0 when none does)."""
    for k, (i, t, _) in enumerate(texts[1:], 1):
        if len(t) < MIN_ECHO_CHARS or P.han_count(t) < 6:
            continue
        if any(j < i and _quotes(other, t) for j, other in header):
            return k
    return 0


#: The marker a browser prints before each item of an HTML list (`<li>`) when a page is copied as text.
LIST_ITEM = "\u2022"


def _list_rows(header: Sequence[Line]) -> tuple[list[Line], set[int]]:
    """Consecutive list items (`• 中国西藏新闻网` / `• 2023/09/08`) as the one row they print, and the rows that are lists.

    A page's meta row is often a list: its items are read together (the outlet beside the date).
    A list that is no meta row is a menu of links: never a title. A row keeps the line number of its first item.
    """
    rows: list[Line] = []
    items: set[int] = set()
    run = False
    for i, t in header:
        item = t.startswith(LIST_ITEM)
        text = t.lstrip(LIST_ITEM + " ") if item else t
        if item and run and rows and rows[-1][0] in items:
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {text}".strip())
        elif text or not item:
            rows.append((i, text))
            if item:
                items.add(i)
        run = item and (bool(text) or run)  # a lone `•` opens no row of its own and joins none to the title
    return [(i, t) for i, t in rows if t], items


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
        and P.HEADING_CN_NUM.match(text) is None  # `二、专项整治重点`: the body's first heading
    )


# --- the body's edges: credits printed above or below the text ---------------------------------

_SIGNED_AT_END = re.compile(f"[((]\\s*+作者(?:系|为|是)\\s*+(?P<post>{P._POST_TEXT})\\s*+[))]$")


#: Han characters of a photo caption printed above the opening paragraph at most.
CAPTION_HAN = 12
#: Lines at the top of the body where an interview or a signed article prints `POST NAME`, and their length at most.
SIGNATURE_LINES = 4
MAX_SIGNATURE_CHARS = 40


#: Short lines after the text searched past for its closing credit.
TRAILING_CHROME_LINES = 3


def _is_scrap(line: str) -> bool:
    """A short line with no sentence and no bracket: a button or a banner, not the text's last paragraph."""
    return len(line) <= 20 and P.SENTENCE_END.search(line) is None and not any(c in line for c in "()()")


def _is_prompt(line: str) -> bool:
    """A short line with no sentence in it that invites the reader to act (share, comment, collect)."""
    return len(line) <= 60 and P.SENTENCE_END.search(line) is None and P.READER_PROMPT.search(line) is not None


def body_signature(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Found | None]:
    """`陕西省委网信办主任 孙琳` on a line of its own among the body's first lines, under an introduction: the
    voice of an interview or the signer of an article. Cut from the text and returned as (post, name)."""
    for k, (i, line) in enumerate(body[:SIGNATURE_LINES]):
        if len(line) <= MAX_SIGNATURE_CHARS and is_post_line(line) and (sig := _signature(line)) is not None and valid_author(sig[1]):
            return body[:k] + body[k + 1 :], Found(sig, "body_signature", i)
    return body, None


def cut_credits(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Found | None, Found | None]:
    """The body's edges: cut a trailing `(王某)` / `(作者系…)` / `(宣传部王某)`, an opening `(记者 王某)` and a
    `记者 王某` line off the body's text, and return them as the page's byline and reporter credits."""
    byline = reporter = None
    # a share or comment prompt after the text (`读完这篇文章后写点感想吧 你还可以 收藏`), or a few short lines of
    # chrome without a sentence (`领取专属 10元无门槛券`), are not where the credit sits
    end = len(body) - 1
    while end > 0 and len(body) - 1 - end < TRAILING_CHROME_LINES and (_is_prompt(body[end][1]) or _is_scrap(body[end][1])):
        end -= 1
    if body:
        i, last = body[end]
        if (m := P.TRAILING_BYLINE.search(last)) is not None:
            byline = Found(m.group("names"), "trailing_byline", i)
            body[end] = (i, last[: m.start()].rstrip())
        elif (m := _SIGNED_AT_END.search(last)) is not None:
            byline = Found(m.group("post").rstrip("。"), "signed_post", i)
            body[end] = (i, last[: m.start()].rstrip())
        elif (m := P.ORG_BYLINE.search(last, max(0, len(last) - 60))) is not None and _person(m.group("name")):
            name = m.group("name")  # `(宣传部王某)`: the unit, then the writer (or writers, `(某局 王某 李某)`)
            names = "、".join(name.split()) if all(len(w) >= 2 for w in name.split()) else name.replace(" ", "")
            byline = Found(names, "trailing_byline", i)
            body[end] = (i, last[: m.start()].rstrip())
        if not body[end][1]:
            del body[end]
    # the opening paragraph, or the next one under a photo caption (`会议现场图。`) printed above it
    first = 1 if len(body) > 1 and P.han_count(body[0][1]) <= CAPTION_HAN and opening_byline(body[0][1]) is None else 0
    if body:
        i, head = body[first]
        if (opening := opening_byline(head)) is not None:
            reporter = Found(opening[0], "reporter_byline", i)
            body[first] = (i, head[opening[1] :].lstrip(" ,,::"))
    if reporter is None:
        for k, (i, line) in enumerate(body if len(body) > 1 else ()):
            m = P.REPORTER_LINE.fullmatch(line)
            if m is not None:  # `记者 王某` on a line of its own inside the body
                value = "、".join(_names_of(m.group(g)) for g in ("names", "others") if m.group(g))
                reporter = Found(value, "reporter_byline", i)
                del body[k]
                break
    if reporter is None and byline is None:
        for k, (i, line) in enumerate(body):
            m = P.CLOSING_REPORTER.search(line, max(0, len(line) - P.OPENING_SCAN))
            if m is not None and (names := reporter_names(m.group("body"), dated=False)) is not None:
                reporter = Found(names, "reporter_byline", i)  # `…。(记者 王某 实习生 李某)` closing a report
                body[k] = (i, line[: m.start()].rstrip())
                break
        body = [(i, t) for i, t in body if t]
    return body, byline, reporter


def _person(name: str) -> bool:
    """A name after a unit is a person's, not a credit (`供稿`) or another unit."""
    return P.NOT_NAME_END.search(name) is None and valid_author(name.replace(" ", ""))


def _names_of(text: str) -> str:
    return re.sub(r"[\s、,,]+", "、", text.strip())
