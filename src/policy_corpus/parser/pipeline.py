"""Composition of the stages: text → Article. Pure: no files are touched here."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..errors import ParseError
from ..models import FLAGS, Article, Provenance, Region, Section
from . import gazetteer as R
from . import patterns as P
from .documents import documents
from .fields import PARTS, Refused, run
from .header import body_signature, cut_credits, header_roles
from .normalise import normalise
from .page import Found, Page
from .read import RawDoc, read_bytes
from .segment import Block, blocks, drop_pull_quotes, layout
from .sources import dateline_outlet
from .validate import check_article

TZ = ZoneInfo("Asia/Shanghai")


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
    return trace(data, id, sha256)[0]


def trace(data: str | bytes, id: str, sha256: str | None = None) -> tuple[Article, Page, list[Refused]]:
    """`parse`, with what `explain` shows: the page's zones and header roles, and every refused candidate."""
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
    body, signature = body_signature(list(zones.body))
    body, byline, reporter = cut_credits(body)
    items = blocks(tuple(body))
    page = Page(layout=zones, header=header_roles(zones.header), blocks=tuple(items), byline=byline, reporter=reporter, signature=signature,
                dateline=dateline)
    found, refused = run(page)
    flags = set(norm.flags) | abstentions(found, refused)
    return assemble(page, found, doc, norm.script, flags, norm.lines), page, refused


def abstentions(found: dict[str, Found | None], refused: list[Refused]) -> set[str]:
    """`abstained_<field>` for every documented field left null although a candidate was refused.

    A field that was skipped on purpose (a reporter byline has no post) is no abstention.
    """
    return {flag for r in refused if r.rule != "-" and found.get(r.field) is None
            and (flag := f"abstained_{r.field}") in FLAGS}


def _in_record_order(found: dict[str, Found | None]) -> dict[str, Found | None]:
    return {name: found[name] for name in Article.model_fields if name in found}


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


def assemble(page: Page, found: dict[str, Found | None], doc: RawDoc, script: str, flags: set[str],
             lines: tuple[str, ...] = ()) -> Article:
    """Build the record from the field table's winners (`fields.run`) and the body's sections."""
    values = {name: _value(found.get(name)) for name in ("title", "subtitle", "author", "post", "site", "editor")}
    for name, (whole, k) in PARTS.items():
        pair = _value(found.get(whole))
        values[name] = pair[k] if isinstance(pair, tuple) else None
    regions_f = found.get("regions")
    codes = regions_f.value if regions_f is not None else []
    values["regions"] = codes or None
    sections, dropped = sections_from_blocks(list(page.blocks))
    texts = [t for s in sections for t in ([s.heading] if s.heading else []) + s.paragraphs]
    if dropped:
        flags.add("pull_quotes_removed")
    for name in ("title", "date", "author"):
        if values[name] is None:
            flags.add(f"no_{name}")
    day, time = values["date"], values["time"]
    published = None
    if day is not None and time is not None:
        parts = [int(x) for x in time.split(":")]  # type: ignore[union-attr]
        published = dt.datetime(day.year, day.month, day.day, *parts, tzinfo=TZ)  # type: ignore[union-attr]
    article = Article(
        id=doc.id,
        url=None,  # a page's address is not in its copied text: curated from raw/metadata.jsonl
        title=values["title"],  # type: ignore[arg-type]
        subtitle=values["subtitle"],  # type: ignore[arg-type]
        author=values["author"],  # type: ignore[arg-type]
        post=values["post"],  # type: ignore[arg-type]
        source=values["source"],  # type: ignore[arg-type]
        source_issue=values["source_issue"],  # type: ignore[arg-type]
        site=values["site"],  # type: ignore[arg-type]
        editor=values["editor"],  # type: ignore[arg-type]
        date=day,  # type: ignore[arg-type]
        time=time,  # type: ignore[arg-type]
        published_at=published,
        regions=[Region(**R.region_record(c, R.year_of(day))) for c in codes],  # type: ignore[arg-type]
        documents=documents(texts),
        sections=sections,
        text="\n".join(texts),
        script=script,  # type: ignore[arg-type]
        raw_sha256=doc.sha256,
        flags=sorted(flags),
        duplicate_of=None,
        provenance=provenance(_in_record_order({**found, **{name: found.get(whole) for name, (whole, _) in PARTS.items()}}),
                              lines, values),
    )
    problems = check_article(article)
    if problems:
        raise ParseError("validate", "; ".join(problems), doc.id)
    return article
