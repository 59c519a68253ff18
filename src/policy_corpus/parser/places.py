"""Field family: the regions an article is about, found in its subjects (title, post, headings) or body."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from . import gazetteer as R
from . import patterns as P
from .checks import BYLINE_TITLE
from .gazetteer import Place
from .page import NOTHING, Found, Known, Page

#: Characters of the body searched for places: the subject of an article shows in its first pages,
#: and the bound keeps a hostile page's cost in check.
MAX_REGION_SCAN = 30_000


def regions_from_subjects(page: Page, found: Known = NOTHING) -> Found | None:
    """Codes of the regions the article is about, with the rule of the first subject that named one.

    Subjects, in order: the title (and the page headline), the author's post, a roundup's region
    headings; failing those, an issuing organisation named as source; failing that, the one
    province (or place under it) that dominates the body.
    """
    date = found.get("date")
    year = R.year_of(date.value[0] if date is not None else None)  # places as they stood on the article's date
    gaz = R.gazetteer(year)
    body = "\n".join(b.text for b in page.blocks)[:MAX_REGION_SCAN]
    memo: list[list[str]] = []

    def body_mentions() -> list[str]:
        """Codes of the places the body names, line by line, found once."""
        if not memo:
            memo.append([c for t in body.split("\n") for c in R.find_places(t, year=year)])
        return memo[0]

    codes: list[str] = []
    first_rule: tuple[str, int | None] | None = None
    title_text = " ".join(t for _, t in page.header.title)
    headline = (title_text, page.header.title[0][0]) if page.header.title else None
    if headline is not None and (BYLINE_TITLE.search(headline[0]) or P.REPORTER_LINE.fullmatch(headline[0])):
        headline = None  # a byline standing where the title should be names the reporter's outlet, not the subject
    for name in ("title", "subtitle", "headline", "post"):
        f = found.get(name)
        text, line = (f.value, f.line) if f is not None else headline if name == "headline" and headline else (None, None)
        if not isinstance(text, str):
            continue
        new = R.find_places(P.VENUE.sub("", text), codes, confirm=body, year=year)
        if new and first_rule is None:
            first_rule = (f"regions_from_{name}", line)
        codes.extend(new)
    codes = [c for c in codes if not any(R._contains(c, other) for other in codes)]  # 重庆市…大渡口区 → 大渡口区
    heading_codes = [
        (found_codes[0], b.line)
        for b in page.blocks
        if b.level == 1 and b.heading_kind == "plain"
        for name in [re.split(r"[::]", b.text, maxsplit=1)[0]]
        if name in gaz.forms and len(found_codes := R.find_places(name, year=year)) == 1
    ]
    if len(heading_codes) >= 2:
        codes.extend(c for c, _ in heading_codes)
        first_rule = first_rule or ("regions_from_roundup_headings", heading_codes[0][1])
    src = found.get("source")
    if not codes and src is not None and P.SOURCE_ORG.search(src.value[0]):
        codes.extend(R.find_places(src.value[0], year=year))
        first_rule = ("regions_from_source_organisation", src.line)
    if not codes:
        mentions = body_mentions()
        codes.extend(_dominant_place(mentions, year))
        first_rule = ("regions_from_dominant_place_in_body", None)
        suffix = _marker_suffix(title_text + "\n" + body) if mentions else None
        if codes and suffix is not None and _below(suffix, _line_of(codes[0], year)):
            # 全市 … 海南省 … 海口市: the page's own unit lies below the place found; the one place of the marked
            # level on the line of descent the body names is it, else nothing is stated
            marked = _place_by_marker(mentions, suffix, year)
            return Found([marked], "regions_from_level_marker", None) if marked else Found([], first_rule[0], None)
        if not codes and mentions:
            venueless = [c for t in body.split("\n") for c in R.find_places(P.VENUE.sub("", t), year=year)]
            marked = _place_by_marker(venueless, suffix, year)
            if marked is not None:
                return Found([marked], "regions_from_level_marker", None)
            sole = set(venueless)
            if len(sole) == 1 and (only := next(iter(sole))) in gaz.places and gaz.places[only].level == "county":
                return Found([only], "regions_from_sole_county", None)  # the one place a short page names is its county
            return Found([], first_rule[0], None)  # places named, none dominates: an abstention the checks record
    codes = list(dict.fromkeys(codes))
    if len(codes) == 1 and (city := _acting_prefecture(codes[0], body_mentions, year)) is not None:
        codes.insert(0, city)  # 保定市 … 保定市 … 保定市 … 莲池区: the city acts too, the district is where
    return Found(codes, first_rule[0], first_rule[1]) if codes and first_rule else None


#: Mentions of a county's prefecture in the body that make the prefecture a subject beside the county.
PREFECTURE_MENTIONS = 3


def _acting_prefecture(code: str, mentions: Callable[[], list[str]], year: int | None = None) -> str | None:
    """The prefecture of a county the body (its `mentions()`, read only for a county) names at least PREFECTURE_MENTIONS times (its office acts on
    the county's matter, or co-organises), else None. A municipality's districts have no prefecture of their own."""
    places = R.gazetteer(year).places
    place = places.get(code)
    if place is None or place.level != "county" or place.parent is None or places[place.parent].level != "prefecture":
        return None
    return place.parent if mentions().count(place.parent) >= PREFECTURE_MENTIONS else None


def _dominant_place(mentions: Sequence[str], year: int | None = None) -> list[str]:
    """The province most of the body's place names (`mentions`, codes in order) fall in, drilled down while one dominates.

    A child wins with two mentions and 60 % of the mentions at or below the current place (three
    when a sibling is named too, below the province: `石家庄 … 石家庄 … 沧州` is a provincial page), or
    when every deeper mention falls in it, names a county (`湖南省 … 大祥区`, not the capital
    where a provincial meeting sits) and the parent is named at most twice as often. A
    municipality has no prefecture of its own in the table, so its districts vote straight away.
    """
    if not mentions:
        return []
    places = R.gazetteer(year).places
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
        # a child wins with two mentions and 60 % of all at or below the current place (three when a sibling is
        # named too, below the province), or when it is named only through its counties, every deeper mention
        # falls in it and its parent is named at most twice as often
        counties_only = all(places[c].level == "county" for c in pool if c[:width] + suffix == top)
        unanimous = code is not None and n == len(deeper) and counties_only and n * 2 >= len(pool) - n
        if not (n >= 2 and n >= 0.6 * len(pool) and (code is None or n == len(deeper) or n >= 3) or unanimous):
            break
        code = top
    return [code] if code else []


def _line_of(code: str, year: int | None = None) -> list[Place]:
    """The place and every place above it."""
    places = R.gazetteer(year).places
    line: list[Place] = []
    at: str | None = code
    while at is not None and at in places:
        line.append(places[at])
        at = places[at].parent
    return line


#: The level of the unit a marker's suffix names at least (`市` may be a municipality, but then it is named so).
_MARKED_LEVEL = {"省": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "旗": 2, "区": 2}
_DEPTH = {"province": 0, "prefecture": 1, "county": 2}


def _below(suffix: str, line: list[Place]) -> bool:
    """True when the marked unit lies below the place found (`全市` on a page whose place is a province)."""
    return bool(line) and not any(p.name.endswith(suffix) for p in line) and _DEPTH[line[0].level] < _MARKED_LEVEL[suffix]


def _marker_suffix(text: str) -> str | None:
    """The unit suffix the page's own words mark (`全市`, `市委` → 市) when one prevails at least twice over any other."""
    ranked = Counter(m.group(1) or m.group(2) for m in P.LEVEL_MARKER.finditer(text[:MAX_REGION_SCAN])).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _place_by_marker(mentions: Sequence[str], suffix: str | None, year: int | None = None) -> str | None:
    """The one place the body names, at the level its own words mark (`省委`/`全省` → the province).

    For a page too short for a place to dominate: every place named (venues aside) must lie on
    one line of descent (`黑龙江省 … 哈尔滨市`), one marker suffix must prevail (`_marker_suffix`),
    and exactly one place of that line must carry the suffix (`全市` with `三门峡市 … 灵宝市`
    names two cities: no answer).
    """
    if not mentions or suffix is None:
        return None
    deepest = max(set(mentions), key=lambda c: (c[2:] != "0000", c[4:] != "00"))
    if any(c != deepest and not R._contains(c, deepest) for c in mentions):
        return None
    marked = [p.code for p in _line_of(deepest, year) if p.name.endswith(suffix)]
    return marked[0] if len(marked) == 1 else None
