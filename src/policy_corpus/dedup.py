"""Duplicate keys of one record: a text digest for exact copies, a MinHash signature (datasketch) for reprints.

They are computed where the record is parsed and cached with it; `reprints` compares them
across the corpus.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import xxhash

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 128
SEED = 1
#: datasketch's hashing scheme, fixed so cached signatures stay comparable across its versions.
SCHEME = "affine32"
_DTYPE = "<u4"
#: Reprints share their opening: a signature of the first characters is enough, and bounds the
#: cost of a hostile page (an article of the genre is far shorter).
MAX_SIGNED_CHARS = 100_000
#: Shingles hashed per batch: datasketch holds a batch × NUM_PERM matrix in memory.
BATCH = 8192


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


def text_digest(text: str) -> bytes:
    """A 128-bit hash of a record's text: equal texts are exact duplicates."""
    return xxhash.xxh3_128_digest(text.encode("utf-8"))


def signature(text: str) -> bytes:
    """MinHash values of the text's character 5-grams, as bytes."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_as_is, scheme=SCHEME)
    hashes = _shingle_hashes(text[:MAX_SIGNED_CHARS]).tolist()
    for k in range(0, len(hashes), BATCH):  # the minimum over batches is the minimum over all
        m.update_batch(hashes[k : k + BATCH])
    return m.hashvalues.astype(_DTYPE).tobytes()


def keys(text: str, date: dt.date | None) -> tuple[bytes, int | None, bytes]:
    """(text digest, date ordinal, signature): all the corpus-wide step needs of a record."""
    return text_digest(text), (date.toordinal() if date else None), signature(text)
