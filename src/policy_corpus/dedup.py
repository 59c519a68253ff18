"""Reprints: exact duplicates by text hash, near duplicates by MinHash LSH (datasketch).

The per-record part (`keys`) runs where the record is parsed and is cached with it; the
corpus-wide part (`Deduper`) sees only those small keys, one record at a time, in any order,
and gives the same answer whatever the order: the original of a cluster is its earliest
member by (date, id).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import xxhash

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 128
SEED = 1
#: datasketch's hashing scheme, fixed so cached signatures stay comparable across its versions.
SCHEME = "affine32"
_DTYPE = "<u4"

Order = tuple[int, str]


def _as_is(h: int) -> int:
    """The shingles are hashed already (vectorised in `_shingle_hashes`)."""
    return h


def _shingle_hashes(text: str) -> np.ndarray:
    """Distinct 32-bit hashes of the text's character 5-grams, computed without a Python loop."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # polynomial hash modulo 2**64, then the high 32 bits of a multiplicative mix
        h = h * np.uint64(0x100000001B3) + codes[k : k + n]
    h = (h * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)
    return np.unique(h)


def _band_key(b: bytes) -> bytes:
    """Bands are stored as 8-byte hashes, not as raw bytes, to keep the index small."""
    return xxhash.xxh64_digest(b)


def text_digest(text: str) -> bytes:
    """A 128-bit hash of a record's text: equal texts are exact duplicates."""
    return xxhash.xxh3_128_digest(text.encode("utf-8"))


def signature(text: str) -> bytes:
    """MinHash values of the text's character 5-grams, as bytes."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_as_is, scheme=SCHEME)
    m.update_batch(_shingle_hashes(text).tolist())
    return m.hashvalues.astype(_DTYPE).tobytes()


def keys(text: str, date: dt.date | None) -> tuple[bytes, int | None, bytes]:
    """(text digest, date ordinal, signature): all the corpus-wide step needs of a record."""
    return text_digest(text), (date.toordinal() if date else None), signature(text)


def order(day: int | None, id: str) -> Order:
    """Earliest by date, then id: the original among reprints (undated ones last)."""
    return (day if day is not None else dt.date.max.toordinal() + 1, id)


@dataclass
class Deduper:
    """Streams records' keys; `result()` gives exact duplicates and near-duplicate originals.

    A node is one distinct text (its digest), standing for all its exact copies; LSH collisions
    join nodes into clusters, and each cluster's original is picked only at the end, so the
    answer does not depend on the order records arrive in.
    """

    _best: dict[bytes, Order] = field(default_factory=dict)
    _copies: list[tuple[str, bytes]] = field(default_factory=list)
    _parent: dict[bytes, bytes] = field(default_factory=dict)
    _lsh: Any = None

    def __post_init__(self) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, hashfunc=_band_key)

    def add(self, id: str, digest: bytes, day: int | None, sig: bytes) -> None:
        from datasketch import LeanMinHash

        self._copies.append((id, digest))
        me = order(day, id)
        if digest in self._best:
            self._best[digest] = min(self._best[digest], me)
            return
        self._best[digest] = me
        m = LeanMinHash(seed=SEED, hashvalues=np.frombuffer(sig, dtype=_DTYPE), scheme=SCHEME)
        for other in self._lsh.query(m):
            self._union(digest, other)
        self._lsh.insert(digest, m, check_duplication=False)

    def _root(self, d: bytes) -> bytes:
        while self._parent.get(d, d) != d:
            self._parent[d] = self._parent.get(self._parent[d], self._parent[d])
            d = self._parent[d]
        return d

    def _union(self, a: bytes, b: bytes) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def result(self) -> tuple[dict[str, str], dict[str, str]]:
        """(exact: id → id of the earliest copy of the same text, near: id → id of its cluster's original)."""
        exact = {id: self._best[d][1] for id, d in self._copies if self._best[d][1] != id}
        original: dict[bytes, Order] = {}
        for d in self._parent:
            r = self._root(d)
            original[r] = min(original.get(r, self._best[r]), self._best[d])
        near = {}
        for d in self._parent:
            first = original[self._root(d)][1]
            if self._best[d][1] != first:
                near[self._best[d][1]] = first
        return exact, near
