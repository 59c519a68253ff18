"""Stage 3: split a page's lines into header, body and footer, and the body into sections.

The page shape of the genre: chrome and a header block (title, bylines, metadata) above a run
of prose paragraphs, then a footer (editor, source, copyright). The body starts at the first
prose paragraph and ends at the first footer marker after it.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from ..errors import ParseError
from . import patterns as P

Line = tuple[int, str]  # (0-based line number in the raw file, normalised text)

#: Line kinds that end the body when met after it started.
END_KINDS = frozenset({"footer", "menu", "meta", "chrome", "signed", "note"})
#: Lines longer than this are never chrome, labels or bylines (those are short): they are prose,
#: or embedded data (a base64 image) when they hold almost no Han. The classifiers never see them,
#: which bounds the cost of every line pattern.
MAX_CLASSIFIED_CHARS = 1000  # real pages: no header, footer or chrome line is longer than about 230
#: More non-empty lines than any article page has (a long one has a few thousand): such a file is
#: refused before its lines are classified.
MAX_LINES = 20_000
#: Longest heading assembled from consecutive short lines.
MAX_JOINED_HEADING = 200


@dataclass(frozen=True)
class Layout:
    """A page cut into its three zones (blank lines dropped, line numbers kept)."""

    header: tuple[Line, ...]
    body: tuple[Line, ...]
    footer: tuple[Line, ...]


@dataclass(frozen=True)
class Block:
    """A body line classified as a heading (with its level) or a paragraph."""

    line: int
    text: str
    heading_kind: str | None
    level: int = 0


def is_meta(text: str, dated: bool = True) -> bool:
    """A metadata line: opens with a label (`来源:`), is a bracketed source, or is mostly a date.

    `dated=False` says the caller already knows the line holds no date.
    """
    if P.LABEL.match(text) or P.SOURCE_BRACKETED.match(text):
        return True
    if len(text) < 60 and (m := P.SOURCE_LABEL.match(text)) is not None and (re.search("[::/]", m.group()) or not P.SENTENCE_END.search(text)):
        return True  # `来源 某报`; not `来自全省…的代表参加会议。`, a sentence opening with the word
    date = (P.DATE_YMD.search(text) or P.DATE_DMY.search(text)) if dated else None
    if date is None:
        return False
    if len(P.LABEL.findall(text)) >= 2:
        return True  # `发布人:X 发布时间:… 来源:Y`: a row of labelled fields with a date
    rest = P.LABEL.sub("", text[: date.start()] + text[date.end() :])
    # a `?` is a garbled separator here (`www.x.com?2012-05-17 17:17? ?来源:`), not a question
    return P.han_count(rest) <= 16 and not P.SENTENCE_END.search(rest.replace("?", ""))


def line_kind(text: str) -> str:
    """What a non-empty line is, judged by its shape alone (cheap tests first; each pattern runs at most once)."""
    n = len(text)
    if n > MAX_CLASSIFIED_CHARS:
        return "text" if P.han_count(text) * 10 >= n else "image"
    if P.BREADCRUMB.match(text) or "首页" in text and P.HOME_CRUMB.search(text):
        return "breadcrumb"
    if P.EDITORS_NOTE_START.match(text) or P.EDITORS_NOTE_END.search(text, max(0, n - P.NOTE_TAIL)) or _is_announcement(text):
        return "note"
    if text[:1] in "((作" and P.SIGNED_POST.fullmatch(text):
        return "signed"
    han = P.han_count(text)
    # a long line is a footer only when a footer word opens it: prose may name `技术支持` in its tenth sentence
    if (P.FOOTER_LINE.search(text) if han < 120 else not P.SENTENCE_END.search(text[:60]) and P.FOOTER_LINE.search(text[:120])):
        return "footer"
    if n < 200 and P.FORUM_PROFILE.search(text):
        return "chrome"
    dated = (P.DATE_YMD.search(text) or P.DATE_DMY.search(text)) is not None
    if dated and is_meta(P.COUNTER_LINE.sub("", text)):
        return "meta"
    if P.MENU_LINE.fullmatch(text) and _short_items(text) or is_nav_run(text) or text[:1] == "《" and P.TITLE_LIST_LINE.fullmatch(text):
        return "menu"
    if P.CHROME_LINE.fullmatch(text) or all(P.CHROME_LINE.fullmatch(part) for part in text.split("  ") if part.strip()) or (
        " " in text.strip() and all(P.CHROME_LINE.fullmatch(part) for part in text.split())  # `返回目录 标题导航 版面导航`
    ):
        return "image" if "." in text and han == 0 else "chrome"
    if han < 20 and P.COUNTER_LINE.search(text):
        return "chrome"
    if n < 60 and P.REVIEWER_LABEL.match(text):
        return "chrome"
    if n < 120 and P.CAPTION_LINE.search(text):
        return "caption"
    if is_meta(text, dated) or n < 40 and P.EDITOR_LABEL.search(text):
        return "meta"
    return "text"


#: An announcement of a signed article is one sentence; longer lines are not searched for one.
MAX_NOTE_CHARS = 300


def _is_announcement(text: str) -> bool:
    if len(text) > MAX_NOTE_CHARS or "《" not in text or P.SENTENCE_END.search(text[:-1]):
        return False
    return any(pattern.search(text) is not None for pattern in P.ANNOUNCEMENTS)


#: Han characters in one item of a `|` menu at most; prose with a stray `|` has sentences longer than this.
MENU_ITEM_HAN = 30


def _short_items(text: str) -> bool:
    return all(P.han_count(item) <= MENU_ITEM_HAN for item in re.split(r"[|｜]", text))


def is_nav_run(text: str) -> bool:
    """A menu printed as words separated by spaces: `首页 要闻 政务 民生`."""
    words = text.split()
    return len(words) >= 5 and all(P.han_count(w) <= 6 for w in words) and sum(P.han_count(w) <= 4 for w in words) >= 4


def is_prose(text: str) -> bool:
    """A body paragraph: a sentence of some length, not a title or a label.

    A long line without a sentence end counts too, unless it is a run of phrases cut by `_` or `|`
    (a spam page's keyword banner: `久久综合_六月丁香_…`).
    """
    han = P.han_count(text)
    if han >= 30 and P.SENTENCE_END.search(text) is not None:
        return True
    return han >= 90 and text.count("_") + text.count("|") < 3


#: A text printed one phrase per line (WeChat copies): at least this many text lines in a row under the
#: title, with at least PHRASE_RUN_HAN Han characters among them.
PHRASE_RUN_LINES = 8
PHRASE_RUN_HAN = 100


def _phrase_run(numbered: list[tuple[int, str]], kinds: list[str]) -> int:
    """Where a page with no prose paragraph starts its text: the first long run of short text lines after the title
    (`有网民在网络平台发布` / `“五常市出现…`); the end of the page when there is none."""
    run = han = 0
    for k in range(1, len(numbered)):
        if kinds[k] == "text":
            run, han = run + 1, han + P.han_count(numbered[k][1])
        else:
            run = han = 0
        if run >= PHRASE_RUN_LINES and han >= PHRASE_RUN_HAN:
            return k - run + 1
    return len(numbered)


def layout(lines: tuple[str, ...]) -> Layout:
    """Cut the page at the first prose paragraph and at the first footer marker after it."""
    numbered = [(i, t) for i, t in enumerate(lines) if t]
    if len(numbered) > MAX_LINES:
        raise ParseError("segment", f"{len(numbered)} non-empty lines, more than an article page has ({MAX_LINES})")
    kinds = [line_kind(t) for _, t in numbered]
    start = next((k for k, (_, t) in enumerate(numbered) if kinds[k] == "text" and is_prose(t)), None)
    if start is None:
        start = _phrase_run(numbered, kinds)
    # a short opening paragraph (one sentence) directly above the first long one belongs to the body
    while start > 0 and kinds[start - 1] == "text" and numbered[start - 1][1].rstrip("”’\"").endswith(("。", "!", "?")):
        start -= 1
    end = next((k for k in range(start, len(numbered)) if kinds[k] in END_KINDS), len(numbered))
    body = tuple(numbered[k] for k in range(start, end) if kinds[k] == "text")
    # header and footer lines are titles, labels, bylines and chrome: short. A longer one (embedded
    # data, a run-on line) is dropped here, so no field rule ever searches it.
    header = tuple(line for line in numbered[:start] if len(line[1]) <= MAX_CLASSIFIED_CHARS)
    footer = tuple(line for line in numbered[end:] if len(line[1]) <= MAX_CLASSIFIED_CHARS)
    return Layout(header=header, body=body, footer=footer)


# --- sections -------------------------------------------------------------------------------

def heading_kind(text: str) -> str | None:
    """The kind of heading a body line is, or None for a paragraph."""
    han = P.han_count(text)
    if han == 0 or han > 60:
        return None
    inner = text[:-1] if text.endswith(("。", "!")) else text
    if P.SENTENCE_END.search(inner):
        return None
    if P.HEADING_DASH.fullmatch(text):
        return "dash"
    if P.HEADING_CN_NUM.match(text):
        return "cn"
    if P.HEADING_PAREN_NUM.match(text):
        return "paren"
    if P.HEADING_ARABIC.match(text):
        return "arabic"
    if han <= 40 and not text.endswith(("。", "!", ",", ":", "、", "(")):
        return "plain"
    return None


def heading_text(text: str, kind: str) -> str:
    """A heading without decoration: the dash lead and final 。 of a dash heading go."""
    if kind == "dash":
        m = P.HEADING_DASH.fullmatch(text)
        assert m is not None
        return m.group("text")
    return text


def blocks(body: tuple[Line, ...]) -> list[Block]:
    """Classify body lines; join a heading printed over two lines; assign levels.

    Plain (unnumbered) headings are top level; numbered points (一、, (一), 1., ——X。) nest
    under the nearest plain heading, or start at level 1 where none is above them.
    """
    out: list[Block] = []
    for k, (i, text) in enumerate(body):
        kind = heading_kind(text)
        is_last = k == len(body) - 1
        if kind is not None and is_last:
            kind = None
        # a heading printed over several lines, up to a heading's length (a run of short lines is not one heading)
        short = bool(out) and len(out[-1].text) + len(text) < MAX_JOINED_HEADING
        if kind == "plain" and short and out[-1].heading_kind == "plain" and k > 0 and body[k - 1][0] == out[-1].line_last:
            prev = out.pop()
            out.append(_Joined(prev.line, prev.text + " " + text, "plain", line_last=i))
            continue
        out.append(_Joined(i, heading_text(text, kind) if kind else text, kind, line_last=i))
    stack: list[str] = []
    leveled = []
    for b in out:
        level = 0
        if b.heading_kind == "plain":
            stack = ["plain"]
            level = 1
        elif b.heading_kind is not None:
            if b.heading_kind in stack:
                del stack[stack.index(b.heading_kind) + 1 :]
            else:
                stack.append(b.heading_kind)
            level = stack.index(b.heading_kind) + 1
        leveled.append(Block(b.line, b.text, b.heading_kind, level))
    return leveled


@dataclass(frozen=True)
class _Joined(Block):
    line_last: int = 0


#: A pull quote is a short paragraph; its source is a paragraph of ordinary length.
MAX_QUOTE_CHARS = 300
MAX_SOURCE_CHARS = 5000
#: Verifications by sequence matching per candidate, and in all per page, and index entries read
#: per page: bounds that only hostile pages reach; past them the remaining paragraphs are kept.
MAX_VERIFY_PER_QUOTE = 8
MAX_VERIFY_CHARS = 2_000_000  # sum of len(quote) × len(source) over the sequence matchings of a page
MAX_POSTINGS = 2_000_000


def drop_pull_quotes(paragraphs: list[str]) -> tuple[list[str], int]:
    """Drop short paragraphs that repeat, usually shortened, a sentence found elsewhere in the body.

    Near-linear: a candidate is compared only with the longer paragraphs that share a fifth of
    its 4-grams, found through an index of the candidates' 4-grams, best first.
    """
    candidates = {k: core for k, p in enumerate(paragraphs) if (core := _quote_core(p)) is not None}
    if not candidates:
        return list(paragraphs), 0
    grams = {k: _grams(paragraphs[k]) for k in candidates}
    wanted = frozenset().union(*grams.values())
    postings: dict[str, list[int]] = {}
    for j, other in enumerate(paragraphs):
        if len(other) <= MAX_SOURCE_CHARS:
            for g in _grams(other) & wanted:
                postings.setdefault(g, []).append(j)
    budget = [MAX_POSTINGS, MAX_VERIFY_CHARS]
    matchers: dict[int, difflib.SequenceMatcher[str]] = {}  # one index per source paragraph, built once
    kept, dropped = [], 0
    for k, para in enumerate(paragraphs):
        if k in candidates and _repeats(k, candidates[k], grams[k], paragraphs, postings, budget, matchers):
            dropped += 1
            continue
        kept.append(para)
    return kept, dropped


def _quote_core(para: str) -> str | None:
    """The text a pull quote candidate must find elsewhere, or None when the paragraph cannot be one."""
    if len(para) > MAX_QUOTE_CHARS or P.han_count(para) > 80:
        return None
    core = para.rstrip("。!?")
    return core if P.han_count(core) >= 12 else None


def _grams(text: str, n: int = 4) -> frozenset[str]:
    return frozenset({text[i : i + n] for i in range(len(text) - n + 1)})


def _repeats(k: int, core: str, grams: frozenset[str], paragraphs: list[str], postings: dict[str, list[int]], budget: list[int],
             matchers: dict[int, difflib.SequenceMatcher[str]]) -> bool:
    """True when matching blocks of ≥ 4 characters in one longer paragraph cover 80 % of this one.

    Such blocks hold at least a fifth of the paragraph's 4-grams, so paragraphs sharing fewer
    are skipped before the (quadratic) sequence matching.
    """
    size = len(paragraphs[k])
    lists = [hits for g in grams if (hits := postings.get(g))]
    budget[0] -= sum(map(len, lists))
    if budget[0] < 0:
        return False
    counts = Counter(chain.from_iterable(lists))  # counted in C: the page's hot loop
    shared = {j: n for j, n in counts.items() if j != k and len(paragraphs[j]) > size}
    need = 0.2 * len(grams)
    ranked = sorted((j for j, n in shared.items() if n >= need), key=lambda j: (-shared[j], j))
    for j in ranked[:MAX_VERIFY_PER_QUOTE]:
        budget[1] -= len(core) * len(paragraphs[j])
        if budget[1] < 0:
            return False
        matcher = matchers.get(j)
        if matcher is None:  # indexing the longer text is most of a match's cost: once per paragraph
            matcher = matchers[j] = difflib.SequenceMatcher(None, "", paragraphs[j], autojunk=False)
        matcher.set_seq1(core)
        covered = sum(b.size for b in matcher.get_matching_blocks() if b.size >= 4)
        if covered >= 0.8 * len(core):
            return True
    return False
