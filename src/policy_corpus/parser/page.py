"""What the field rules read: a page's zones and header roles, and the `Found` a rule returns.

Also the few text helpers several field families share (joining names, telling a place name,
finding a labelled value), so that no family imports another's internals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from . import gazetteer as R
from . import patterns as P
from .segment import Block, Layout, Line


@dataclass(frozen=True)
class Found:
    """A field value with the rule and raw line (0-based) it came from."""

    value: Any
    rule: str
    line: int | None


@dataclass(frozen=True)
class Header:
    """Roles of the header's lines: what the title block says."""

    title: tuple[Line, ...] = ()
    subtitle: Line | None = None
    names: Line | None = None
    post: Line | None = None
    source: Line | None = None
    original_title: Line | None = None
    first_published: Line | None = None  # `本文首发X` after a marked byline
    notes: tuple[Line, ...] = ()
    meta: tuple[Line, ...] = field(default_factory=tuple)
    #: every header line's role and the shape that decided it: (line, role, reason)
    roles: tuple[tuple[int, str, str], ...] = ()


@dataclass(frozen=True)
class Page:
    """Everything the field rules look at."""

    layout: Layout
    header: Header
    blocks: tuple[Block, ...]
    byline: Found | None  # trailing `(X)` or `(作者系…)` cut from the body's end
    reporter: Found | None  # `(记者 X)` cut from the body's start, or a `记者 X` line cut from the body
    dateline: Found | None = None  # the outlet of a dateline opening the body (`湖北日报讯`)
    signature: Found | None = None  # (post, name) of a `POST NAME` line among the body's first lines
    #: what several rules of one field read, computed once per page (not part of the page's identity)
    memo: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)


#: The fields found so far, by name, as a rule sees them (fields run in the table's order).
Known = Mapping[str, "Found | None"]
NOTHING: Known = MappingProxyType({})

#: One signature for every field rule: the page and the fields found before it; a rule gives one
#: candidate, several (strongest first), or none. `fields.run` validates each one.
Rule = Callable[[Page, Known], "Found | Sequence[Found] | None"]


def join_names(text: str) -> str:
    """`张三 李四` / `张三,李四` → `张三、李四`."""
    parts = re.split(r"[\s、,,和]+|(?:记者|通讯员|实习生)", text.strip())
    return "、".join(n for n in parts if n)


def is_place(text: str) -> bool:
    """`渝北:标题` names a place (`渝北区`), not a signer."""
    forms = R.gazetteer().forms
    return bool(R.find_places(text)) or any(text + suffix in forms for suffix in ("区", "县", "市", "州", "旗"))


def labelled(lines: Sequence[Line], label: re.Pattern[str]) -> tuple[int, str] | None:
    """The value after a label (`作者:王某`), or on the next line when the label ends its own (`作者:` / `王某`)."""
    for k, (i, t) in enumerate(lines):
        m = label.search(t)
        if m is None:
            continue
        value = P.VALUE_END.split(t[m.end() :], maxsplit=1)[0].strip(" 】])）")
        if value:
            return i, value
        if not t[m.end() :].strip() and (after := next_value(lines, k)) is not None:
            return after
    return None


#: A value printed on the line under its label is short.
MAX_NEXT_VALUE = 24


def next_value(lines: Sequence[Line], k: int) -> Line | None:
    """The line under a label that ends its own line, when that line is a bare value (short, no label of its own)."""
    if k + 1 >= len(lines):
        return None
    i, t = lines[k + 1]
    return (i, t.strip()) if 0 < len(t.strip()) <= MAX_NEXT_VALUE and P.LABEL.search(t) is None else None
