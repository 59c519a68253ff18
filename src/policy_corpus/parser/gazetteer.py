"""Stage: regions. Place names resolved through the GB/T 2260 table that the `cpca` package ships.

The table is read from cpca's installed data file (not through `cpca.transform`, which pulls
in pandas and pkg_resources); nothing here lists places by hand. Suffix rules (省, 自治区, 市,
自治州 ...) are the naming grammar of Chinese divisions, used to derive the short forms
people write (`山东`, `天津`, `广西`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata
from itertools import islice
from pathlib import Path

GAZETTEER_PACKAGE = "cpca"
GAZETTEER_FILE = "cpca/resources/adcodes.csv"
NATIONS_FILE = "cpca/resources/56_nations.csv"
#: What the shipped table reflects, read off its rows: 蓟州区 (2016) is in, 宁乡县 (a city since
#: 2017) and 莱芜市 (merged 2019) are still listed. Re-designated counties are matched by rule.
GAZETTEER_VINTAGE = "GB/T 2260 divisions as of about 2016-2017"

#: Suffixes whose removal gives the short name of a province or prefecture.
_PROVINCE_SUFFIX = re.compile(r"(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|省|市)$")
_PREFECTURE_SUFFIX = re.compile(r"(?:自治州|地区|盟|市)$")
_COUNTY_SUFFIX = re.compile(r"(?:区|县|市|旗)$")
#: Rows of the table that are groupings, not places.
_NOT_PLACES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Place:
    """One division of the gazetteer."""

    code: str
    name: str
    level: str  # province | prefecture | county

    @property
    def province_code(self) -> str:
        return self.code[:2] + "0000"

    @property
    def prefecture_code(self) -> str:
        return self.code[:4] + "00"


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, Place]
    #: surface form → codes it may denote (several for names shared across provinces)
    forms: dict[str, tuple[str, ...]]
    #: short forms of counties (`渝北` for 渝北区): unique, but only trusted when confirmed
    weak: dict[str, str]
    pattern: re.Pattern[str]
    version: str

    def full_name(self, code: str) -> str:
        """`湖南省郴州市北湖区`: the path of names from the province down."""
        parts = []
        for c in dict.fromkeys((code[:2] + "0000", code[:4] + "00", code)):
            place = self.places.get(c)
            if place is not None:
                parts.append(place.name)
        return "".join(parts)


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def _short_forms(place: Place, nations: tuple[str, ...]) -> list[str]:
    """`山东省` → `山东`; `延边朝鲜族自治州` → `延边`, `延边州`; counties keep their suffix."""
    name = place.name
    if place.level == "county":
        return []
    cut = min((name.find(n) for n in nations if name.find(n) > 0), default=-1)
    if cut >= 2:  # an ethnic autonomous unit: the name before the first people's name
        short = name[:cut]
        return [short, short + "州"] if name.endswith("自治州") else [short]
    short = (_PROVINCE_SUFFIX if place.level == "province" else _PREFECTURE_SUFFIX).sub("", name)
    return [short] if len(short) >= 2 and short != name else []


@cache
def gazetteer() -> Gazetteer:
    """Load the table once, lazily."""
    dist = metadata.distribution(GAZETTEER_PACKAGE)
    path = dist.locate_file(GAZETTEER_FILE)
    text = Path(str(path)).read_text(encoding="utf-8")
    places: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO(text)):
        code, name = row["adcode"][:6], row["name"].strip()
        if name in _NOT_PLACES or not name:
            continue
        places[code] = Place(code=code, name=name, level=_level(code))
    nations_text = Path(str(dist.locate_file(NATIONS_FILE))).read_text(encoding="utf-8")
    nations = tuple(n.strip() for n in nations_text.splitlines() if n.strip())
    forms: dict[str, list[str]] = {}
    for place in places.values():
        for form in [place.name, *_short_forms(place, nations)]:
            forms.setdefault(form, []).append(place.code)
    weak: dict[str, list[str]] = {}
    for place in places.values():
        short = _COUNTY_SUFFIX.sub("", place.name)
        if place.level == "county" and len(short) >= 2 and short != place.name and short not in forms:
            weak.setdefault(short, []).append(place.code)
    weak_forms = {k: v[0] for k, v in weak.items() if len(v) == 1}
    alternation = "|".join(re.escape(f) for f in sorted([*forms, *weak_forms], key=len, reverse=True))
    return Gazetteer(
        places=places,
        forms={k: tuple(v) for k, v in forms.items()},
        weak=weak_forms,
        pattern=re.compile(alternation),
        version=f"{GAZETTEER_PACKAGE} {dist.version}",
    )


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
    if len(codes) == 1:
        return codes[0]
    ranked = sorted(codes, key=lambda c: ("province", "prefecture", "county").index(_level(c)))
    top = [c for c in ranked if _level(c) == _level(ranked[0])]
    return top[0] if len(top) == 1 else None


def find_places(text: str, context: list[str] | None = None, confirm: str | None = None) -> list[str]:
    """Codes of the places named in `text`, most specific per run of adjacent names, in order.

    `湖南省郴州市北湖区` yields one code (北湖区), `天津` yields 天津市. A county named by a bare
    short form (`渝北`) counts only when `confirm` (the body) names it in full (`渝北区`).
    """
    gaz = gazetteer()
    found: list[str] = []
    chain: dict[str, None] = {}  # places found so far, each at its latest mention (insertion order)
    for c in context or ():
        chain.pop(c, None)
        chain[c] = None
    confirmed: dict[str, bool] = {}
    last_end = -1
    for m in gaz.pattern.finditer(text):
        form = m.group()
        if form in gaz.weak:
            code = gaz.weak[form]
            renamed = text[m.end() : m.end() + 1] in ("市", "县", "区", "旗")  # 宁乡县 → 宁乡市 since the table's vintage
            if not renamed and (confirm is None or not confirmed.setdefault(code, gaz.places[code].name in confirm)):
                continue
        else:
            code = _pick(gaz.forms[form], reversed(chain))
            if code is None and confirm:
                code = _pick(gaz.forms[form], reversed(_context_of(confirm)))
        if code is None:
            continue
        if found and m.start() == last_end and _contains(found[-1], code):
            found[-1] = code  # 郴州市 + 北湖区 → 北湖区
        else:
            found.append(code)
        chain.pop(code, None)
        chain[code] = None
        last_end = m.end()
    return found


@lru_cache(maxsize=8)
def _context_of(text: str) -> list[str]:
    """Places a longer text (the body) names, with their parents, to settle homonyms elsewhere.

    In first-mention order (never a set's order, which changes with the process's hash seed);
    cached for the few calls one article makes, not for the corpus.
    """
    found = find_places(text)
    return [*dict.fromkeys(c[:2] + "0000" for c in found), *dict.fromkeys(c[:4] + "00" for c in found)]


def _contains(outer: str, inner: str) -> bool:
    if outer.endswith("0000"):
        return inner[:2] == outer[:2] and inner != outer
    if outer.endswith("00"):
        return inner[:4] == outer[:4] and inner != outer
    return False


def region_record(code: str) -> dict[str, str]:
    """The `Region` fields of a code."""
    gaz = gazetteer()
    return {
        "name": gaz.full_name(code),
        "code": code,
        "province": gaz.places[code[:2] + "0000"].name,
        "level": gaz.places[code].level,
    }
