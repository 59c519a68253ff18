"""Reprints: exact duplicates by normalised text, near duplicates by MinHash (datasketch)."""

from __future__ import annotations

import datetime as dt
import hashlib

from .models import Article

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 128


def _order(a: Article) -> tuple[dt.date, str]:
    """Earliest by date, then id: the original among reprints."""
    return (a.date or dt.date.max, a.id)


def exact_duplicates(articles: list[Article]) -> dict[str, str]:
    """id → id of the earliest article with the same text."""
    first: dict[str, Article] = {}
    dup: dict[str, str] = {}
    for a in sorted(articles, key=_order):
        key = hashlib.sha256(a.text.encode("utf-8")).hexdigest()
        if key in first:
            dup[a.id] = first[key].id
        else:
            first[key] = a
    return dup


def near_duplicates(articles: list[Article]) -> dict[str, str]:
    """id → id of the earliest article of its near-duplicate cluster (Jaccard ≥ THRESHOLD)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for a in sorted(articles, key=_order):
        m = MinHash(num_perm=NUM_PERM, seed=1)
        text = a.text
        m.update_batch([text[k : k + SHINGLE].encode("utf-8") for k in range(max(1, len(text) - SHINGLE + 1))])
        hashes[a.id] = m
        lsh.insert(a.id, m)
    by_id = {a.id: a for a in articles}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for id_, m in hashes.items():
        for other in lsh.query(m):
            ra, rb = root(id_), root(other)
            if ra != rb:
                keep, drop = sorted((ra, rb), key=lambda i: _order(by_id[i]))
                parent[drop] = keep
    return {i: root(i) for i in hashes if root(i) != i}
