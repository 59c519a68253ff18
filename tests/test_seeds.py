"""Every seed field equals the hand-checked gold record (copied from shared/gold into tests/)."""

import json
from pathlib import Path

import pytest

from policy_corpus import parse

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((Path(__file__).parent / "gold_seeds.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold", GOLD, ids=[g["id"] for g in GOLD])
def test_seed_matches_gold(gold: dict) -> None:
    article = parse((ROOT / "raw" / f"{gold['id']}.txt").read_bytes(), id=gold["id"])
    got = article.model_dump(mode="json")
    got["regions"] = [{"name": r["name"], "code": r["code"]} for r in got["regions"]]
    for key, want in gold.items():
        assert got[key] == want, key
