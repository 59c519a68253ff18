"""Composition of the stages: text → Article. Pure: no files are touched here."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from . import patterns as P
from . import regions as R
from .errors import ParseError
from .extract import (
    AUTHOR_RULES,
    DATE_RULES,
    POST_RULES,
    SUBTITLE_RULES,
    TITLE_RULES,
    Found,
    Page,
    dateline_outlet,
    documents,
    editor,
    first,
    header_roles,
    opening_byline,
    post_from_announcement,
    refuse,
    regions,
    site,
    source,
    valid_author,
    valid_post,
    valid_subtitle,
    valid_title,
)
from .models import Article, Provenance, Region, Section
from .normalise import normalise
from .read import RawDoc, read_bytes
from .segment import Block, blocks, drop_pull_quotes, layout
from .validate import check_article

TZ = ZoneInfo("Asia/Shanghai")


_SIGNED_AT_END = re.compile(f"[((]\\s*+作者(?:系|为|是)\\s*+(?P<post>{P._POST_TEXT})\\s*+[))]$")


def _cut_bylines(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], Found | None, Found | None]:
    """Cut a trailing `(王某)` / `(作者系…)`, a leading `(记者 王某)` and a `记者 王某` line off the body's text."""
    byline = reporter = None
    if body:
        i, last = body[-1]
        if (m := P.TRAILING_BYLINE.search(last)) is not None:
            byline = Found(m.group("names"), "trailing_byline", i)
            body[-1] = (i, last[: m.start()].rstrip())
        elif (m := _SIGNED_AT_END.search(last)) is not None:
            byline = Found(m.group("post").rstrip("。"), "signed_post", i)
            body[-1] = (i, last[: m.start()].rstrip())
        elif (m := P.ORG_BYLINE.search(last, max(0, len(last) - 60))) is not None and _person(m.group("name")):
            byline = Found(m.group("name").replace(" ", ""), "trailing_byline", i)  # `(宣传部王某)`: the unit, then the writer
            body[-1] = (i, last[: m.start()].rstrip())
        if not body[-1][1]:
            body.pop()
    if body:
        i, head = body[0]
        if (opening := opening_byline(head)) is not None:
            reporter = Found(opening[0], "reporter_byline", i)
            body[0] = (i, head[opening[1] :].lstrip(" ,,::"))
    if reporter is None:
        for k, (i, line) in enumerate(body[:-1]):
            m = P.REPORTER_LINE.fullmatch(line)
            if m is not None:  # `记者 王某` on a line of its own inside the body
                value = "、".join(_names_of(m.group(g)) for g in ("names", "others") if m.group(g))
                reporter = Found(value, "reporter_byline", i)
                del body[k]
                break
    return body, byline, reporter


def _person(name: str) -> bool:
    """A name after a unit is a person's, not a credit (`供稿`) or another unit."""
    return P.NOT_NAME_END.search(name) is None and valid_author(name.replace(" ", ""))


def _names_of(text: str) -> str:
    return re.sub(r"[\s、,,]+", "、", text.strip())


def sections_from_blocks(items: list[Block]) -> tuple[list[Section], int]:
    """Group blocks into sections; drop pull quotes; text before the first heading is a section of its own."""
    raw: list[tuple[str | None, int, list[str]]] = []
    for b in items:
        if b.heading_kind is not None:
            raw.append((b.text, b.level, []))
        else:
            if not raw:
                raw.append((None, 1, []))
            raw[-1][2].append(b.text)
    kept, dropped = drop_pull_quotes([p for _, _, ps in raw for p in ps])
    if dropped:
        keep = set(kept)
        raw = [(h, lvl, [p for p in ps if p in keep]) for h, lvl, ps in raw]
    sections = [Section(heading=h, level=lvl, paragraphs=ps) for h, lvl, ps in raw if ps or h is not None]
    return sections, dropped


def parse(data: str | bytes, id: str, sha256: str | None = None) -> Article:
    """Turn one raw page into a validated Article, or raise ParseError naming the stage and reason."""
    if isinstance(data, bytes):
        doc = read_bytes(data, id, sha256)
    else:
        import hashlib

        text = data.replace("\r\n", "\n").replace("\r", "\n")
        doc = RawDoc(id=id, text=text, sha256=sha256 or hashlib.sha256(data.encode("utf-8")).hexdigest())
    if P.han_count(doc.text) < 20:
        raise ParseError("read", "not Chinese text (fewer than 20 Han characters)", id)
    norm = normalise(doc.text)
    zones = layout(norm.lines)
    if not zones.body:
        raise ParseError("segment", "no body: no prose paragraph found", id)
    dateline = dateline_outlet(zones.body[0])
    body, byline, reporter = _cut_bylines(list(zones.body))
    items = blocks(tuple(body))
    page = Page(layout=zones, header=header_roles(zones.header), blocks=tuple(items), byline=byline, reporter=reporter,
                dateline=dateline)
    return assemble(page, doc, norm.script, set(norm.flags), norm.lines)


def _value(found: Found | None) -> object:
    return None if found is None else found.value


def provenance(found: dict[str, Found | None], lines: tuple[str, ...], values: dict[str, object]) -> list[Provenance]:
    """Rule, span in the normalised text and raw line of every field that has a value."""
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out = []
    for name, f in found.items():
        if f is None or values.get(name) is None:
            continue
        if f.line is None:
            out.append(Provenance(field=name, rule=f.rule, start=None, end=None, line=None))
            continue
        text = lines[f.line]
        value = str(values[name]) if name != "regions" else ""
        at = text.find(value)
        start, end = (at, at + len(value)) if value and at >= 0 else (0, len(text))
        out.append(Provenance(field=name, rule=f.rule, start=offsets[f.line] + start, end=offsets[f.line] + end, line=f.line + 1))
    return out


def assemble(page: Page, doc: RawDoc, script: str, flags: set[str], lines: tuple[str, ...] = ()) -> Article:
    """Run every field's rules and build the record."""
    title_f, subtitle_f = first(TITLE_RULES, page, valid=valid_title), first(SUBTITLE_RULES, page, valid=valid_subtitle)
    title, subtitle = _value(title_f), _value(subtitle_f)
    author_f = first(AUTHOR_RULES, page, valid=valid_author)
    author = _value(author_f)
    post_f = first(POST_RULES, page, valid=valid_post) or post_from_announcement(page, author if isinstance(author, str) else None)
    if post_f is not None and not valid_post(post_f.value):
        refuse(post_f, valid_post)
        post_f = None
    post = _value(post_f)
    if author_f is not None and author_f.rule == "author_from_reporter_byline":
        post = None
    src_f = source(page)
    src, issue = src_f.value if src_f is not None else (None, None)
    site_f = site(page)
    if src in ("本网", "本站") and site_f is not None:
        src = site_f.value
    date_f = first(DATE_RULES, page)
    editor_f = editor(page)
    day, time = date_f.value if date_f is not None else (None, None)
    sections, dropped = sections_from_blocks(list(page.blocks))
    texts = [t for s in sections for t in ([s.heading] if s.heading else []) + s.paragraphs]
    regions_f = regions(page, {"title": title_f, "subtitle": subtitle_f, "post": post_f, "source": src_f})
    codes = regions_f.value if regions_f is not None else []
    if dropped:
        flags.add("pull_quotes_removed")
    if title is None:
        flags.add("no_title")
    if day is None:
        flags.add("no_date")
    if author is None:
        flags.add("no_author")
    published = None
    if day is not None and time is not None:
        parts = [int(x) for x in time.split(":")]
        published = dt.datetime(day.year, day.month, day.day, *parts, tzinfo=TZ)
    article = Article(
        id=doc.id,
        title=title,  # type: ignore[arg-type]
        subtitle=subtitle,  # type: ignore[arg-type]
        author=author,  # type: ignore[arg-type]
        post=post,  # type: ignore[arg-type]
        source=src,
        source_issue=issue,
        site=_value(site_f),  # type: ignore[arg-type]
        editor=_value(editor_f),  # type: ignore[arg-type]
        date=day,
        time=time,
        published_at=published,
        regions=[Region(**R.region_record(c)) for c in codes],  # type: ignore[arg-type]
        documents=documents(texts),
        sections=sections,
        text="\n".join(texts),
        script=script,  # type: ignore[arg-type]
        raw_sha256=doc.sha256,
        flags=sorted(flags),
        duplicate_of=None,
        provenance=provenance(
            {"title": title_f, "subtitle": subtitle_f, "author": author_f, "post": post_f, "source": src_f,
             "source_issue": src_f, "site": site_f, "editor": editor_f, "date": date_f, "time": date_f, "regions": regions_f},
            lines,
            {"title": title, "subtitle": subtitle, "author": author, "post": post, "source": src, "source_issue": issue,
             "site": _value(site_f), "editor": _value(editor_f), "date": day, "time": time, "regions": codes or None},
        ),
    )
    problems = check_article(article)
    if problems:
        raise ParseError("validate", "; ".join(problems), doc.id)
    return article
