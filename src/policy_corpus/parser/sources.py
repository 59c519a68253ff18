"""Field family: source (and its issue), site and editor."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import patterns as P
from .checks import plausible_source
from .page import NOTHING, Found, Known, Line, Page, is_place, join_names, labelled, next_value
from .segment import line_kind


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
    if m is None and (r := P.REPORTER_DATELINE.match(t[: P.OPENING_SCAN])) is not None and P.SOURCE_NAME.fullmatch(r.group("outlet")):
        return Found((r.group("outlet"), None), "source_from_reporter_dateline", i)  # `东方网记者王某…报道:`
    if m is None and (multi := P.MULTI_DATELINE.match(t[: P.OPENING_SCAN])) is not None:
        names = [re.sub(r"[((][^()()]*[))]", "", n) for n in multi.group("outlets").split("、")]
        if P.SOURCE_NAME.fullmatch(names[0]) and all(P.han_count(n) >= 2 for n in names):
            return Found(("、".join(names), None), "source_from_dateline", i)  # several outlets, addresses dropped
    if m is None and (bare := _BARE_DATELINE.match(t)) is not None and P.SOURCE_NAME.fullmatch(bare.group(1)):
        return Found((bare.group(1), None), "source_from_dateline", i)  # `华商网 8月16日上午,…`
    if m is None or m.group("lead").startswith("本"):
        return None
    name = outlet_of_lead(m.group("lead").replace(" ", "").removeprefix("据"))  # `据新华社消息`: the outlet is 新华社
    name = P.CHANNEL_WORD.sub("", name) if name and len(P.CHANNEL_WORD.sub("", name)) >= 2 else name
    return Found((name, None), "source_from_dateline", i) if name else None


#: An outlet's name alone before the day a report opens with: `华商网 8月16日上午,…`.
_BARE_DATELINE = re.compile(r"^([\u4e00-\u9fff]{2,10})\s+(?=\d{1,2}月\d{1,2}日)")
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
    return P.han_count(place) == len(place) >= 2 and is_place(place)


#: `公众号“网信天津”`: an account name in quotes (bounded, so a run of openers stays linear).
_ACCOUNT = re.compile(r"(?:公众号|微信号|客户端|账号)\s*+[“\"「]([^”\"」“「]{1,40})[”\"」]")
#: `“网信中国”微信公众号`: the account name in quotes first, its channel word after.
_QUOTED_FIRST = re.compile(r"[“\"「]([^”\"」“「]{1,40})[”\"」]\s*+(?:微信公众号|公众号|微信号|客户端|账号|微博)?$")


def _source_value(raw: str) -> tuple[str, str | None]:
    """`《中国网信》杂志2023年第12期` → ("中国网信", "2023年第12期")."""
    raw = P.VALUE_END.split(raw.strip(), maxsplit=1)[0] if not raw.startswith("《") else raw.strip()
    issue_m = P.SOURCE_ISSUE.search(raw)
    issue = re.sub(r"\s+", "", issue_m.group("issue")) if issue_m else None
    if issue_m:
        raw = raw[: issue_m.start()] + raw[issue_m.end() :]
    m = re.match(r"\s*《([^》]+)》", raw)
    name = m.group(1) if m else P.DATE_YMD.split(raw)[0]
    quoted = _ACCOUNT.search(name) or _QUOTED_FIRST.match(name.strip())
    if quoted:
        name = quoted.group(1)
    name = re.sub(r"(?:杂志|期刊)$", "", name.strip(" ::,,。()()“”\""))
    return name.strip(), issue


def source_candidates(page: Page) -> list[Found]:
    """Every place a page names its source, in page order."""
    out: list[Found] = []
    zones = [page.header.meta, page.layout.header, page.layout.footer]
    for zone in zones:
        for k, (i, t) in enumerate(zone):
            m = P.SOURCE_BRACKETED.match(t)
            if m is not None:
                out.append(Found(_source_value(m.group("value")), "source_from_bracketed_line", i))
                continue
            for lm in P.SOURCE_LABEL.finditer(t):
                if lm.start() > 0 and t[lm.start() - 1] not in " \t:|【[(0123456789?·•/":  # `?`: a garbled separator
                    continue
                if not re.search(r"[::/]", lm.group()) and P.SENTENCE_END.search(t):
                    continue  # `来自全省…400余位代表参加会议。`: a sentence that opens with the word, no label
                value = _source_value(t[lm.end() :])
                if value[0]:
                    out.append(Found(value, "source_from_label", i))
                elif not t[lm.end() :].strip() and (under := next_value(zone, k)) is not None:
                    out.append(Found(_source_value(under[1]), "source_from_label", under[0]))  # `来源:` / `浙江日报`
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


#: What a page prints beside its date besides the outlet: the site's address, a date label, font-size
#: and print buttons (`海口网 http://www.hkwb.net 时间:…`, `苏州发布 2018-04-07 14:55 大字`).
_BESIDE_CHROME = re.compile(r"(?:https?://|www\.)\S*|(?:发布)?(?:时间|日期)\s*[::]|[大中小]字|字号|打印|收藏|第\s*\d+\s*版|星期[一二三四五六日天]")


#: An e-paper's edition after its name: `(汉)`, `(藏文版)`.
_EDITION = re.compile(r"[((][\u4e00-\u9fff]{1,4}[))]$")


def _bare(text: str) -> str:
    """The text beside a date without chrome, and without a separator between it and the date (`网信天津 | 2021-…`)."""
    text = _BESIDE_CHROME.sub(" ", text).strip(" \t|｜·•-–—/?")
    if text[-1:] in ")）" and not any(c in text for c in "(（"):
        text = text[:-1].rstrip()  # `(2018-6-12 …)`: the bracket closing round the date
    if text[:1] in "(（" and not any(c in text for c in ")）"):
        text = text[1:].lstrip()
    if text[:1] in ")）":
        text = text[1:].lstrip()  # what follows `(date)`
    if text[-1:] in "(（":
        text = text[:-1].rstrip()  # what precedes `(date)`
    return text


def _beside_date(text: str) -> str | None:
    """`甘孜日报    2020年04月17日`: an outlet's name alone beside the page's date, before or after it."""
    m = P.DATE_YMD.search(text)
    if m is None:
        return None
    rest = text[m.end() :]
    label = P.LABEL.search(rest)  # `… 四川在线-天府评论 编辑:X`: a labelled field ends what is printed beside the date
    head, tail = _bare(text[: m.start()]), _bare(rest[: label.start()] if label else rest)
    side = head if not tail else tail if not head else ""
    # `湖南卫视 湖南日报 时刻新闻客户端`: several outlets; an edition mark goes (`西藏日报(汉)`)
    names = [P.CHANNEL_WORD.sub("", _EDITION.sub("", outlet(w))) for w in side.split()]
    if not names or len(names) > 4 or any(not (P.SOURCE_NAME.fullmatch(n) or _office_account(n)) or P.LABEL.search(n) for n in names):
        return None
    return "、".join(names)


def _office_account(name: str) -> bool:
    """`网信天津`: the public account a 网信 office publishes under, 网信 and the name of its place (or 中国)."""
    return name.startswith("网信") and (name[2:] == "中国" or is_place(name[2:]))


def _outlets(page: Page) -> list[Found]:
    """Every source candidate with its outlet cut, once per page (three source rules read them)."""
    if "outlets" not in page.memo:
        page.memo["outlets"] = [Found((outlet(f.value[0]), f.value[1]), f.rule, f.line) for f in source_candidates(page)]
    return page.memo["outlets"]


def source_with_issue(page: Page, found: Known = NOTHING) -> list[Found]:
    """The most specific source first: one that names the issue (`《中国网信》2023年第12期`)."""
    return [f for f in _outlets(page) if f.value[1]]


#: How a page names itself as the source.
_SELF = ("本网", "本站")


def source_from_own_site(page: Page, found: Known = NOTHING) -> Found | None:
    """`来源:本网`: the page's own site, named by its footer, is the source."""
    first = next((f for f in _outlets(page) if plausible_source(f.value[0])), None)
    own = found.get("site")
    if first is None or first.value[0] not in _SELF or own is None:
        return None
    return Found((own.value, first.value[1]), "source_from_own_site", first.line)


def source_named(page: Page, found: Known = NOTHING) -> list[Found]:
    """Every place the page names its source, in page order (a source slot, then a dateline, then a reporter's outlet)."""
    return _outlets(page)


#: `人民网-四川频道`, `华声 • 经济`, `南方网 作者名`: an outlet's name ends at a separator or a blank;
#: what follows is its channel, section, or a name printed beside it.
_OUTLET_END = re.compile(r"\s*[-–—•·|｜/]\s*|\s+")


def outlet(name: str) -> str:
    """The outlet part of a source value (the whole value when nothing of two characters precedes a separator).

    A site's regional channel glued on is dropped too: `中新网河北` → 中新网. Outlets only, separated by
    blanks, are all kept, joined with 、.
    """
    words = name.split()
    if len(words) > 1 and words[0] in _SELF:
        words = words[1:]  # `本网 中山日报`: the site itself, then the outlet it took the article from
        name = " ".join(words)
    if len(words) > 1 and all(P.SOURCE_NAME.fullmatch(w) for w in words):
        return "、".join(words)  # `中国青年报 中国青年网`: several outlets, not an outlet and a name
    pair = _OUTLET_PAIR.fullmatch(name.strip())
    if pair is not None and P.SOURCE_NAME.fullmatch(pair.group(2)) and not _is_channel(pair.group(2)):
        return "、".join(pair.groups())  # `大众网•海报新闻`: two outlets, the second no channel of the first
    head = _OUTLET_END.split(name, maxsplit=1)[0]
    head = head if P.han_count(head) + sum(c.isalpha() for c in head) >= 2 else name
    k = head.find("网")
    head = head[: k + 1] if k >= 2 and _is_place_channel(head[k + 1 :]) else head
    if head.endswith(_BUREAU):  # `中国日报新疆记者站` → 中国日报: a paper's regional bureau, outlet then place
        stem = head[: -3 if head.endswith("记者站") else -2].removesuffix("驻")
        for k in range(2, len(stem) - 1):
            if P.SOURCE_NAME.fullmatch(stem[:k]) and is_place(stem[k:].removeprefix("驻")):
                return stem[:k]
    return head


#: A regional bureau after an outlet's name: `新疆记者站`, `湖北分社`.
_BUREAU = ("记者站", "分社")


#: Two names joined by a separator: `大众网•海报新闻`, `第1眼TV-华龙网`.
_OUTLET_PAIR = re.compile(r"([^\s•·\-–—|｜/]{2,20})\s*[•·\-–—|｜/]\s*([^\s•·\-–—|｜/]{2,20})")


def _is_channel(name: str) -> bool:
    """`北京频道`, `福建新闻`, `时政栏目`: a site's channel or section, not an outlet of its own."""
    place = _PLACE_CHANNEL.sub("", name)
    return name.endswith(("频道", "栏目", "专题", "专栏")) or place != name and _is_place_channel(name)


def _site_name(raw: str) -> str | None:
    name = raw.strip(" :：·-")
    if P.han_count(name) + sum(c.isalpha() for c in name) < 2 or P.LABEL.search(name):
        return None
    if re.fullmatch(r"(?:本网|本站|凡注明|网站|所有|保留)", name):
        return None
    return name


def site(page: Page, found: Known = NOTHING) -> Found | None:
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


def editor(page: Page, found: Known = NOTHING) -> Found | None:
    """`编辑:X`, `【责任编辑:X】` in the footer or header."""
    lines = [*page.layout.footer, *page.layout.header]
    hit = labelled(lines, P.EDITOR_LABEL)
    if hit is None or not P.NAMES.fullmatch(hit[1].replace(" ", "、")):
        return None
    return Found(join_names(hit[1]), "editor_from_label", hit[0])
