"""Corpus-wide duplicates from the small per-record keys of `dedup`, in memory that stays small.

datasketch's in-memory `MinHashLSH` keeps a Python set per band bucket, about 3.5 KB per record,
which would make the build's memory grow with the corpus. Here each record adds only its text
digest, date and one 64-bit hash per LSH band to compact arrays (about 100 bytes per record),
and candidate pairs are found at the end by sorting each band's hashes, as datatrove's MinHash
deduplication does. The banding (b bands of r rows) is datasketch's optimum for the threshold
(computed here without it), so the candidates are the ones `MinHashLSH.query` would return. The answer does not depend on
the order records arrive in: the original of a cluster is its earliest member by (date, id).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable
from functools import cache

import numpy as np
import xxhash

from .dedup import NUM_PERM, THRESHOLD

_UNDATED = dt.date.max.toordinal() + 1
#: Members of a band bucket a record is checked against: its first ones, so a bucket of m reprints
#: costs at most 16·m checks instead of m²/2 (datatrove links each member to its bucket's
#: representative the same way; several representatives keep a copy that drifted from the first
#: one within reach of the others).
MAX_REPRESENTATIVES = 16


@cache
def banding() -> tuple[int, int]:
    """(bands, rows per band) minimising false positives and negatives at THRESHOLD, equally weighted.

    datasketch's `MinHashLSH` optimum, computed the same way (the two error areas under the
    S-curve `1 - (1 - s^r)^b`, integrated numerically) without datasketch or scipy.
    """
    s = np.linspace(0.0, 1.0, 2_001)
    below, above = s <= THRESHOLD, s >= THRESHOLD
    best, choice = float("inf"), (1, 1)
    for b in range(1, NUM_PERM + 1):
        for r in range(1, NUM_PERM // b + 1):
            p = 1 - (1 - s**r) ** b
            error = 0.5 * _area(s[below], p[below]) + 0.5 * _area(s[above], 1 - p[above])
            if error < best:
                best, choice = error, (b, r)
    return choice


def _area(x: np.ndarray, y: np.ndarray) -> float:
    """Trapezoid rule (numpy's own name for it changed across versions)."""
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2)


class Reprints:
    """Collects (id, digest, day, signature) of every record; `result()` finds the duplicates."""

    def __init__(self) -> None:
        self.bands, self.rows = banding()
        self.ids: list[str] = []
        self._digests = bytearray()
        self._days = array("q")
        self._hashes = array("Q")

    def add(self, id: str, digest: bytes, day: int | None, signature: bytes) -> None:
        self.ids.append(id)
        self._digests += digest
        self._days.append(_UNDATED if day is None else day)
        width = len(signature) // NUM_PERM * self.rows
        self._hashes.extend(xxhash.xxh64_intdigest(signature[k * width : (k + 1) * width]) for k in range(self.bands))

    def result(self, signature_of: Callable[[int], bytes]) -> tuple[dict[str, str], dict[str, str]]:
        """(exact: id → id of the earliest copy of the same text, near: id → id of its cluster's original).

        Records sharing a band are only candidates: a record joins a cluster when the share of MinHash
        values it has equal with that cluster's representative in the bucket (their estimated Jaccard
        similarity, read back through `signature_of(k)` for the k-th record added) reaches THRESHOLD,
        so `duplicate_of` never rests on a chance band collision. Work is linear in a bucket's size.
        """
        n = len(self.ids)
        if n == 0:
            return {}, {}
        ids = np.array(self.ids, dtype=object)
        rank = np.empty(n, dtype=np.int64)
        rank[np.lexsort((ids, np.frombuffer(self._days, dtype=np.int64)))] = np.arange(n)
        digests = np.frombuffer(bytes(self._digests), dtype="V16")
        _, group = np.unique(digests, return_inverse=True)
        group = group.reshape(-1)
        first = np.full(group.max() + 1, n, dtype=np.int64)
        np.minimum.at(first, group, rank)
        by_rank = np.empty(n, dtype=np.int64)
        by_rank[rank] = np.arange(n)
        keeper = by_rank[first[group]]  # index of the earliest copy of each record's text
        exact = {self.ids[i]: self.ids[keeper[i]] for i in np.flatnonzero(keeper != np.arange(n))}
        kept = np.flatnonzero(keeper == np.arange(n))
        parent = np.arange(n)

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        signatures: dict[int, np.ndarray] = {}

        def similar(i: int, j: int) -> bool:
            for k in (i, j):
                if k not in signatures:
                    signatures[k] = np.frombuffer(signature_of(k), dtype="<u4")
            return float(np.mean(signatures[i] == signatures[j])) >= THRESHOLD

        hashes = np.frombuffer(self._hashes, dtype=np.uint64).reshape(n, self.bands)[kept]
        for band in range(self.bands):
            col = hashes[:, band]
            order = np.argsort(col, kind="stable")
            starts = np.flatnonzero(np.diff(col[order]) != 0) + 1
            for run in np.split(order, starts):
                if len(run) < 2:
                    continue
                reps: list[int] = []  # the bucket's first members: each later one is checked against them only
                for i in (int(kept[k]) for k in run):
                    for r in reps:
                        a, b = root(r), root(i)
                        if a == b or similar(r, i):
                            parent[max(a, b)] = min(a, b)
                            break
                    if len(reps) < MAX_REPRESENTATIVES:
                        reps.append(i)
        roots = np.fromiter((root(int(i)) for i in kept), dtype=np.int64, count=len(kept))
        order = np.argsort(roots, kind="stable")
        near = {}
        for group in np.split(kept[order], np.flatnonzero(np.diff(roots[order]) != 0) + 1):
            if len(group) > 1:  # only clusters become Python objects
                original = int(group[np.argmin(rank[group])])
                near.update({self.ids[i]: self.ids[original] for i in group if i != original})
        return exact, near
