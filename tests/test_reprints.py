"""Corpus-wide duplicates: exact copies and near-duplicate reprints, whatever the arrival order."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np

from policy_corpus.dedup import keys
from policy_corpus.reprints import Reprints, banding

VOCAB = "网络安全信息化工作推进数字政府建设治理体系全面加强舆论引导能力提升发展"


def corpus() -> list[tuple[str, str, dt.date | None]]:
    """30 distinct texts; every third reprinted with an edited ending (b), every fifth copied
    exactly with an earlier date (c), every seventh copied exactly without a date (d)."""
    rng = random.Random(0)
    out = []
    for k in range(30):
        text = "".join(rng.choice(VOCAB) for _ in range(800))
        out.append((f"a{k:02d}", text, dt.date(2022, 1, 1 + k % 28)))
        if k % 3 == 0:
            out.append((f"b{k:02d}", text[:790] + "改动了几个字而已", dt.date(2021, 5, 1)))
        if k % 5 == 0:
            out.append((f"c{k:02d}", text, dt.date(2020, 1, 1)))
        if k % 7 == 0:
            out.append((f"d{k:02d}", text, None))
    return out


def find(records: list[tuple[str, str, dt.date | None]]) -> tuple[dict[str, str], dict[str, str]]:
    finder = Reprints()
    signatures = []
    for id, text, date in records:
        digest, day, signature = keys(text, date)
        finder.add(id, digest, day, signature)
        signatures.append(signature)
    return finder.result(signatures.__getitem__)


def test_exact_and_near_duplicates() -> None:
    exact, near = find(corpus())
    # exact copies point at the earliest copy; undated copies are never the original
    assert exact == {"a00": "c00", "d00": "c00", "a05": "c05", "a10": "c10", "a15": "c15", "a20": "c20", "a25": "c25",
                     "d07": "a07", "d14": "a14", "d21": "a21", "d28": "a28"}
    # every edited reprint is found; the earlier of the pair is the original
    expected = {f"a{k:02d}": f"b{k:02d}" for k in range(0, 30, 3) if k % 5}
    expected |= {"b00": "c00", "b15": "c15"}
    assert near == expected


def test_arrival_order_does_not_matter() -> None:
    records = corpus()
    first = find(records)
    for seed in (1, 2):
        random.Random(seed).shuffle(records)
        assert find(records) == first


def test_banding_is_datasketchs_optimum() -> None:
    bands, rows = banding()
    assert bands * rows <= 128 and (bands, rows) == (9, 13)  # datasketch's MinHashLSH(threshold=0.8, num_perm=128)
    try:
        from datasketch import MinHashLSH
    except ImportError:  # not a dependency any more: the value above was read off datasketch 2.0.0
        return
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    assert (lsh.b, lsh.r) == (bands, rows)


def test_signatures_are_datasketchs_affine32_minhash() -> None:
    """The numpy MinHash gives datasketch's values (fixed expectations, and datasketch itself where installed)."""
    from policy_corpus import dedup

    sig = np.frombuffer(dedup.signature("网络安全为人民,网络安全靠人民。"), dtype="<u4")
    assert sig.shape == (128,) and sig[:4].tolist() == [296755839, 229010482, 621369035, 209708529]  # read off datasketch 2.0.0
    assert dedup.signature("") == dedup.signature("")  # stable, even for no text
    try:
        from datasketch import MinHash
    except ImportError:
        return
    for text in ("网络安全为人民,网络安全靠人民。" * 3, "a", "网信" * 5000):
        m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, hashfunc=lambda h: h, scheme="affine32")
        m.update_batch(dedup._shingle_hashes(text).tolist())
        assert m.hashvalues.astype("<u4").tobytes() == dedup.signature(text)


def test_nothing_in_nothing_out() -> None:
    assert Reprints().result(lambda k: b"") == ({}, {})


def test_a_band_collision_alone_is_not_a_reprint() -> None:
    """Two texts sharing one band of their signatures but little else are not clustered."""
    from policy_corpus import dedup

    finder = Reprints()
    a = np.arange(dedup.NUM_PERM, dtype="<u4")
    b = a.copy()
    b[finder.rows :] += 1000  # the first band equal, every other value different
    finder.add("x", b"\x01" * 16, None, a.tobytes())
    finder.add("y", b"\x02" * 16, None, b.tobytes())
    assert finder.result([a.tobytes(), b.tobytes()].__getitem__) == ({}, {})


def reprinted(copies: int, seed: int = 0) -> list[tuple[str, str, dt.date | None]]:
    """`copies` reposts of three articles, each with a few characters changed, plus unrelated texts."""
    rng = random.Random(seed)
    bases = ["".join(rng.choice(VOCAB) for _ in range(1500)) for _ in range(3)]
    out = []
    for k in range(copies):
        text = list(bases[k % 3])
        for _ in range(rng.randint(0, 12)):  # a repost's edits: a few characters here and there
            text[rng.randrange(len(text))] = rng.choice(VOCAB)
        out.append((f"r{k:05d}", "".join(text), dt.date(2023, 1, 1) + dt.timedelta(days=k % 300)))
    out += [(f"u{k:03d}", "".join(rng.choice(VOCAB) for _ in range(1500)), None) for k in range(20)]
    return out


def all_pairs(records: list[tuple[str, str, dt.date | None]]) -> list[set[str]]:
    """The former algorithm, as a reference: every pair sharing an LSH band is compared (quadratic; small inputs only)."""
    bands, rows = banding()
    sigs = [keys(t, d)[2] for _, t, d in records]
    width = rows * 4
    parent = list(range(len(records)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            shares_band = any(sigs[i][b * width : (b + 1) * width] == sigs[j][b * width : (b + 1) * width] for b in range(bands))
            same = np.frombuffer(sigs[i], dtype="<u4") == np.frombuffer(sigs[j], dtype="<u4")
            if shares_band and float(np.mean(same)) >= 0.8 and root(i) != root(j):
                parent[root(j)] = root(i)
    groups: dict[int, set[str]] = {}
    for i, (id, _, _) in enumerate(records):
        groups.setdefault(root(i), set()).add(id)
    return sorted((g for g in groups.values() if len(g) > 1), key=min)


def test_large_reprint_clusters_match_the_all_pairs_reference() -> None:
    """Linking each record to a bucket's first members finds the clusters comparing every pair in a bucket found."""
    for seed in (0, 1):
        records = reprinted(300, seed)
        exact, near = find(records)
        clusters: dict[str, set[str]] = {}
        for id, _, _ in records:  # an exact copy belongs to the cluster of the text it copies
            kept = exact.get(id, id)
            clusters.setdefault(near.get(kept, kept), set()).add(id)
        found = sorted((c for c in clusters.values() if len(c) > 1), key=min)
        assert found == all_pairs(records) and [len(c) for c in found] == [100, 100, 100]
