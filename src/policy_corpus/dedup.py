"""Duplicate keys of one record: a text digest for exact copies, a MinHash signature for reprints.

They are computed where the record is parsed and cached with it; `reprints` compares them
across the corpus. The MinHash is datasketch's "affine32" scheme (MurmurHash3 finalizer, then
`a·h + b mod 2³²` with odd `a`, permutations drawn from `RandomState(SEED)`), written with numpy
alone so that neither datasketch nor scipy is installed; a test checks the values are
datasketch's own wherever datasketch is importable.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np
import xxhash

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 128
SEED = 1
#: datasketch's name for the scheme reproduced here (cached signatures stay comparable with its MinHash).
SCHEME = "affine32"
_DTYPE = "<u4"
#: Reprints share their opening: a signature of the first characters is enough, and bounds the
#: cost of a hostile page (an article of the genre is far shorter).
MAX_SIGNED_CHARS = 100_000
#: Shingles hashed per batch: a batch × NUM_PERM matrix is held in memory.
BATCH = 8192
#: MurmurHash3's 32-bit finalizer: shifts and multipliers.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM affine maps `h → a·h + b (mod 2³²)`, `a` odd, drawn as datasketch draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    h = h ^ (h >> s1)
    h = h * m1
    h = h ^ (h >> s2)
    h = h * m2
    return h ^ (h >> s3)


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


def text_digest(text: str) -> bytes:
    """A 128-bit hash of a record's text: equal texts are exact duplicates."""
    return xxhash.xxh3_128_digest(text.encode("utf-8"))


def signature(text: str) -> bytes:
    """MinHash values of the text's character 5-grams, as bytes."""
    hv = _fmix32(_shingle_hashes(text[:MAX_SIGNED_CHARS]).astype(np.uint32))
    a, b = _permutations()
    out = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for k in range(0, len(hv), BATCH):  # the minimum over batches is the minimum over all
        out = np.minimum(out, (hv[k : k + BATCH, None] * a + b).min(axis=0))
    return out.astype(_DTYPE).tobytes()


def keys(text: str, date: dt.date | None) -> tuple[bytes, int | None, bytes]:
    """(text digest, date ordinal, signature): all the corpus-wide step needs of a record."""
    return text_digest(text), (date.toordinal() if date else None), signature(text)
