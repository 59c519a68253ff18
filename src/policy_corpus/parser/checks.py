"""What a field's value must look like: the validators of the field table, in one place.

A check is a reason code and a predicate the value must pass. `fields.FIELDS` gives each field
its checks; a candidate that fails one is refused with that code (and `explain` shows it), and
the field's next candidate is tried. `valid_<field>` is the conjunction, for callers outside the
table (a header role is only given to a line whose value would pass).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from . import patterns as P

Check = tuple[str, Callable[[Any], bool]]


def passes(checks: Sequence[Check], value: object) -> str | None:
    """The reason code of the first check the value fails, or None when it passes them all."""
    return next((code for code, ok in checks if not ok(value)), None)


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


# --- title and subtitle ------------------------------------------------------------------------

#: An e-paper's page label where a title should be: `当前版:03版`, `第05版:要闻`.
PAGE_LABEL = re.compile(r"(?:当前版|版面|版次)\s*[::]|^第?\s*\d{1,3}\s*版(?:\s*[::]|$)")
#: A byline where a title should be: `文/X`, `作者:X`, `□X`, or a newsroom role followed by a spaced name.
BYLINE_TITLE = re.compile(f"^(?:{P.AUTHOR_LABEL.pattern}|[□■])|(?:记者|通讯员)\\s+(?:{P.NAME.pattern})(?:\\s|$)")
#: Fewer Han characters than any headline of the genre has (the shortest seen has seven).
MIN_TITLE_HAN = 6

#: The opening of a news report's first sentence: a day and a comma (`19日,我省…`).
NEWS_LEAD = re.compile(r"(?<![\d年月])\d{1,2}日(?:上午|下午|晚|晚上)?,|^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚|晚上)?,")
TITLE_CHECKS: tuple[Check, ...] = (
    ("not_text", _text),
    ("too_short_for_a_headline", lambda v: P.han_count(v) >= MIN_TITLE_HAN),  # chrome scraps: `5 天 [LV.2]`
    ("a_byline", lambda v: BYLINE_TITLE.search(v) is None),
    ("an_e_paper_page_label", lambda v: PAGE_LABEL.search(v) is None),
    ("a_finished_sentence", lambda v: not v.endswith("。")),  # a headline is no sentence of the body
    ("a_metadata_label", lambda v: P.LABEL.match(v) is None),  # `新闻来源:X网`
    ("a_lead_in_to_a_list", lambda v: not v.rstrip().endswith((":", "："))),  # `志愿者应具备下列条件:`
    ("a_news_lead", lambda v: NEWS_LEAD.search(v) is None),  # `… 19日,我省第三届…`: the body's first sentence
    ("a_bracketed_note", lambda v: not (v[:1] in "((【[" and v[-1:] in "))】]")),  # `(资料图片仅供参考)`
    ("a_garbled_headline", lambda v: not v.startswith("?")),  # `?诎l(fā)布…`: the site lost its first characters
    ("a_keyword_banner", lambda v: v.count("_") < 2),  # `某某_某某视频_在线观看`: a spam page's keywords
    ("a_broken_sentence", lambda v: not v.rstrip().endswith((",", "、"))),  # `为进一步提高…意识,`
)

SUBTITLE_CHECKS: tuple[Check, ...] = (
    ("not_text", _text),
    ("too_short", lambda v: P.han_count(v) >= 4),
    ("share_button_debris", lambda v: P.CHROME_LINE.fullmatch(v.strip("—-— ")) is None),  # `分享—`
)


# --- author and post ---------------------------------------------------------------------------

#: Words that name a unit, a site or a role rather than a person.
NOT_PERSON = re.compile(r"(?:网|报|台|办|社|站|刊|中心|网信|新闻|发布|现场|委员会|政府|局|厅|委|部)$|资讯$|^(?:未知|佚名|不详|匿名|本站|本网|小编|网友|管理员|图片|视频|图文|摄影)$")

AUTHOR_CHECKS: tuple[Check, ...] = (
    ("not_text", _text),
    ("a_unit_site_or_role_word", lambda v: not any(NOT_PERSON.search(n) or P.NEWSROOM_ROLE.fullmatch(n) for n in v.split("、"))),
)

_POST_NOTE = re.compile(r"\s*[((][^()()]{1,6}[))]$")

POST_CHECKS: tuple[Check, ...] = (
    ("not_text", _text),
    # a post ends with a post word (before a short note such as `(兼)`); `X主持召开…会议` is a headline, not a post
    ("not_a_position", lambda v: P.POST_END.search(_POST_NOTE.sub("", v)) is not None),
)


# --- source, site, editor, date, regions -------------------------------------------------------

def plausible_source(name: str) -> bool:
    """A publication's name: a few letters or Han characters, never a label, an address or a scrap of one (`http:`)."""
    return (2 <= len(name) <= 40 and P.han_count(name) + sum(c.isalpha() for c in name) >= 2 and not P.LABEL.search(name)
            and P.URL_LIKE.search(name) is None)


#: A channel or section left on an outlet's name (`X客户端`, `人民网-北京频道`): the outlet is the name before it.
CHANNEL_SUFFIX = re.compile(r"(?:频道|栏目|客户端|公众号|[-–—•·|｜/]\s*\S+)$")

#: A site's section, not a publication: `社会资讯`, `国内新闻`.
SECTION_NAME = re.compile(r"(?:社会|财经|娱乐|体育|科技|国内|国际|时政|综合|本地|地方|热点|最新)(?:资讯|新闻|频道)")
#: A name that ends by calling itself an address or a link (`…网址`, `…链接`): spam planted in a slot, no publication.
ADDRESS_WORD = re.compile(r"(?:网址|网址大全|地址|链接)$")
#: Words a source slot holds when it names no publication: `来源:互联网`, `来源:网络`.
NO_PUBLICATION = re.compile(r"^(?:互联网|网络|网上|网友|网络转载|网络整理|综合|综合整理|本网综合|转载|未知|不详|原创)$")


def _mostly_code(name: str) -> bool:
    """`sp20241119`: more digits than letters and Han, a code and not a name (`36氪` stays a name)."""
    return sum(c.isdigit() for c in name) > P.han_count(name) + sum(c.isascii() and c.isalpha() for c in name)


SOURCE_CHECKS: tuple[Check, ...] = (
    ("not_a_publication_name", lambda v: _text(v[0]) and plausible_source(v[0])),
    ("names_no_publication", lambda v: NO_PUBLICATION.match(v[0]) is None),
    ("a_code_not_a_name", lambda v: not _mostly_code(v[0])),
    ("a_channel_suffix", lambda v: CHANNEL_SUFFIX.search(v[0]) is None),
    ("an_address_not_a_publication", lambda v: ADDRESS_WORD.search(v[0]) is None),
    ("a_section_name", lambda v: SECTION_NAME.fullmatch(v[0]) is None),
)
PRESENT: tuple[Check, ...] = (("empty", bool),)
#: An empty list of regions is the body scan abstaining: places are named but none dominates.
REGIONS_CHECKS: tuple[Check, ...] = (("no_place_dominates", bool),)


def valid_title(value: object) -> bool:
    return passes(TITLE_CHECKS, value) is None


def valid_subtitle(value: object) -> bool:
    return passes(SUBTITLE_CHECKS, value) is None


def valid_author(value: object) -> bool:
    return passes(AUTHOR_CHECKS, value) is None


def valid_post(value: object) -> bool:
    return passes(POST_CHECKS, value) is None
