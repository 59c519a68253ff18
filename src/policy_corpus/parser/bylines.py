"""Field family: author and post. Signed lines, bylines, reporter credits, announcements."""

from __future__ import annotations

import re

from . import patterns as P
from .checks import valid_author, valid_title
from .page import NOTHING, Found, Known, Page, is_place, join_names, labelled


def split_prefix(text: str, page: Page) -> tuple[str | None, str]:
    """`王某:标题` → ("王某", "标题") unless the page is an interview (the `X:` is the interviewee's)."""
    m = P.TITLE_NAME_PREFIX.match(text)
    if m is None or P.POST_ANY.search(m.group("names")) or _is_interview(page) or is_place(m.group("names")):
        return None, text
    names = join_names(m.group("names"))
    if not valid_author(names) or _reported_on(names, page):
        return None, text  # `宜章网信:…` is a column; `X:…` over a report on X quotes a speaker, not a signer
    return names, m.group("title")


#: Characters of the body's opening searched for a prefixed name: a report on a speaker names them at once.
SPEAKER_SCAN = 400


def _reported_on(names: str, page: Page) -> bool:
    """The body's opening names the person in the third person, so the page reports on them."""
    opening = "".join(b.text for b in page.blocks[:3])[:SPEAKER_SCAN]
    return any(name in opening for name in names.split("、"))


def _is_interview(page: Page) -> bool:
    texts = [t for _, t in page.layout.header] + [b.text for b in page.blocks[:8]]
    return any(P.INTERVIEW_MARK.search(t) for t in texts)


#: A photographer's credit in a byline: `摄影 王某`, `图/王某`. A caption's `王某 摄` is not one: a reporter often
#: takes the pictures of a report too.
_PHOTO_NAME = re.compile(f"(?:摄影|图片|图)\\s*+[/:：]?\\s*+(?P<a>{P._NAME})")


def _writers(page: Page, names: str) -> str:
    """The names of a byline row without those the page credits as its photographers (`… 摄影 王某`)."""
    listed = names.split("、")
    if len(listed) < 2:
        return names
    if "photographers" not in page.memo:
        lines = [t for _, t in (*page.layout.header, *page.layout.body, *page.layout.footer)]
        page.memo["photographers"] = {m.group("a") for t in lines if "摄" in t or "图" in t for m in _PHOTO_NAME.finditer(t)}
    kept = [n for n in listed if n not in page.memo["photographers"]]
    return "、".join(kept) if kept else names


def author_from_name_line(page: Page, found: Known = NOTHING) -> Found | None:
    """`王某` alone on a line under the title (or `文/王某`, `作者:王某`); a photographer the page credits is no writer."""
    if page.header.names is None:
        return None
    i, t = page.header.names
    return Found(_writers(page, join_names(t)), "author_from_name_line", i)


def author_from_title_prefix(page: Page, found: Known = NOTHING) -> Found | None:
    """`王某:标题`: the signer's name before the title."""
    if not page.header.title:
        return None
    i, t = page.header.title[0]
    if not valid_title(" ".join(line for _, line in page.header.title)):  # not a title (a byline, chrome): no signer
        return None
    names, rest = split_prefix(t, page)
    return Found(names, "author_from_title_prefix", i) if names and valid_title(rest) else None


def author_from_label(page: Page, found: Known = NOTHING) -> Found | None:
    """`作者:王某` in the header or footer metadata, or on a line of its own closing the text."""
    lines = [*page.header.meta, *page.layout.footer, *page.layout.header, *page.layout.body[-2:]]
    hit = labelled(lines, _AUTHOR_FIELD)
    if hit is None:
        return None
    names = P.REPORTER_ROLE.sub(" ", hit[1]).strip()  # `作者:记者 王某`
    if not P.NAMES.fullmatch(re.sub(r"\s+", "、", names)):
        return None
    return Found(join_names(names), "author_from_label", hit[0])


#: An author field of the page's metadata: `作者:`, `记者:` (a label, not a newsroom role in running text).
_AUTHOR_FIELD = re.compile(r"(?:^|\s)(?:文章作者|作者|记者|文字报道|文字)\s*[::]\s*")


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


def author_from_announcement(page: Page, found: Known = NOTHING) -> Found | None:
    """The signer named by the hosting page's announcement or editor's note."""
    hit = _signer(page)
    if hit is None:
        return None
    _, name = _split_signer(hit[1], None)
    return Found(name, "author_from_announcement", hit[0]) if name else None


def author_from_trailing_byline(page: Page, found: Known = NOTHING) -> Found | None:
    """`…。(王某)` at the very end of the body."""
    if page.byline is None or page.byline.rule != "trailing_byline":
        return None
    return Found(join_names(page.byline.value), "author_from_trailing_byline", page.byline.line)


def author_from_reporter_byline(page: Page, found: Known = NOTHING) -> Found | None:
    """`本报讯(记者 王某 通讯员 李某)`, `(记者 王某)`, `本报记者 王某`."""
    if page.reporter is not None:
        return Found(_writers(page, page.reporter.value), "author_from_reporter_byline", page.reporter.line)
    for i, t in page.layout.header:
        if (m := P.REPORTER_LINE.fullmatch(t)) is not None:
            return Found(_writers(page, reporter_line_names(m)), "author_from_reporter_byline", i)
        if (opening := opening_byline(t)) is not None:
            return Found(_writers(page, opening[0]), "author_from_reporter_byline", i)
    for i, t in page.header.meta:
        if (names := _reporter_at_end(t)) is not None:
            return Found(_writers(page, names), "author_from_reporter_byline", i)
    for i, t in [*page.header.meta, *page.layout.footer[:CREDIT_FOOTER_LINES]]:
        if (line := P.REPORTER_LINE.fullmatch(t)) is not None:  # `记者 王某` on a line of its own under the text
            return Found(_writers(page, reporter_line_names(line)), "author_from_reporter_byline", i)
        for m in _BRACKETED_CREDIT.finditer(t[:200]):
            if (names := reporter_names(m.group(1), dated=False)) is not None:
                return Found(_writers(page, names), "author_from_reporter_byline", i)  # `来源:X (记者 王某)`
    return None


#: Footer lines under the text searched for a bracketed reporter credit (`(记者 王某 通讯员 李某)`).
CREDIT_FOOTER_LINES = 3
_BRACKETED_CREDIT = re.compile(r"[((]([^()()]{2,40})[))]")


def _reporter_at_end(meta: str) -> str | None:
    """`2024-08-18 18:07:01 来源: 新华社 记者 王某`: a reporter credit closing a metadata line."""
    words = meta.split()
    start = next((k for k, w in enumerate(words) if k > 0 and P.REPORTER_ROLE.search(w)), None)
    m = None if start is None else P.REPORTER_LINE.fullmatch(" ".join(words[start:]))
    if m is None:
        return None
    return reporter_line_names(m)


def reporter_line_names(m: re.Match[str]) -> str:
    """The reporters of a `P.REPORTER_LINE` match, then its 通讯员 or 实习生, joined with 、."""
    return "、".join([join_names(m.group("names"))] + ([join_names(m.group("others"))] if m.group("others") else []))


def opening_byline(text: str) -> tuple[str, int] | None:
    """`本报讯(记者 王某)…` → ("王某", end of the byline): the names in a bracketed byline opening a paragraph.

    Without a newsroom role in the brackets the names count only after a dateline
    (`X电 (王某)`), so an opening aside such as `(2018年8月8日,根据录音整理)` is no byline.
    """
    m = P.OPENING_BYLINE.match(text[: P.OPENING_SCAN])
    if m is None:
        return reporter_dateline(text)
    names = reporter_names(m.group("body"), dated=m.group("dateline") is not None)
    return (names, m.end()) if names else None


def reporter_dateline(text: str) -> tuple[str, int] | None:
    """`东方网记者王某11月15日报道:…` → ("王某", end): an outlet's reporter opening the body without brackets."""
    m = P.REPORTER_DATELINE.match(text[: P.OPENING_SCAN])
    if m is None or not P.SOURCE_NAME.fullmatch(m.group("outlet")):
        return None
    names = [n for n in m.group("names").replace("、", " ").split() if n]
    value = "、".join(names)
    return (value, m.end()) if all(P.NAME.fullmatch(n) for n in names) and valid_author(value) else None


def reporter_names(body: str, dated: bool) -> str | None:
    """`湖南日报记者 王某 红网记者 李某` → `王某、李某`: every name after a role, each outlet in front of a role dropped."""
    body = P.PHOTO_CREDIT.sub("", body).removesuffix("报道")  # `(王某 李某 图 张某)`: the photographer is no author
    parts = P.REPORTER_ROLE.split(body)
    if len(parts) == 1 and not dated:
        return None
    names: list[str] = []
    lead = parts[0].replace("?", " ").split() if len(parts) > 1 and parts[0][-1:] in (" ", "?", "\t") else []
    if lead and all(P.NAME.fullmatch(w) and valid_author(w) for w in lead):
        names += lead  # `(王某 记者 李某)`: a writer named before the reporter, apart from the role
    for k, part in enumerate(parts[1:] if len(parts) > 1 else parts, 1):
        words = [w for w in re.split(r"[\s、,,?]+", part) if w and w != "报道"]  # `(记者 王某 报道)`: the verb is no name
        if len(parts) > 1 and k < len(parts) - 1 and words and not part[-1].isspace():
            words.pop()  # `王某 红网记者`: the word glued to the next role is that reporter's outlet
        names += words
    value = "、".join(names)
    return value if names and all(P.NAME.fullmatch(n) for n in names) and valid_author(value) else None


def post_from_post_line(page: Page, found: Known = NOTHING) -> Found | None:
    """`X省委常委、宣传部部长` on its own line by the author's name."""
    if page.header.post is None:
        return None
    i, t = page.header.post
    return Found(t.strip("()() "), "post_from_post_line", i)


def author_from_body_signature(page: Page, found: Known = NOTHING) -> Found | None:
    """`POST NAME` on a line of its own at the top of the body (an interview's voice, a signer)."""
    return None if page.signature is None else Found(page.signature.value[1], "author_from_body_signature", page.signature.line)


def post_from_body_signature(page: Page, found: Known = NOTHING) -> Found | None:
    """The post of that `POST NAME` line, when its name is the author's."""
    author = found.get("author")
    if page.signature is None or author is None or author.value != page.signature.value[1]:
        return None
    return Found(page.signature.value[0], "post_from_body_signature", page.signature.line)


def post_from_signed_note(page: Page, found: Known = NOTHING) -> Found | None:
    """`(作者系中共某县委书记)` / `(作者为…)` at the end of the article."""
    for i, t in [*page.header.meta, *page.layout.footer]:
        m = P.SIGNED_POST.fullmatch(t)
        if m is not None and t[:1] in "((作":
            return Found(m.group("post").rstrip("。 "), "post_from_signed_note", i)
    if page.byline is not None and page.byline.rule == "signed_post":
        return Found(page.byline.value, "post_from_signed_note", page.byline.line)
    return None


def post_from_announcement(page: Page, found: Known = NOTHING) -> Found | None:
    """The post before the signer's name in an announcement or editor's note."""
    hit = _signer(page)
    if hit is None:
        return None
    author = found.get("author")
    post, _ = _split_signer(hit[1], author.value if author is not None else None)
    return Found(post, "post_from_announcement", hit[0]) if post else None


