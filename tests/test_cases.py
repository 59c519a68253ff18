"""Regression gate: per-field accuracy on the team's labelled page cases may never fall."""

import json
from pathlib import Path

from policy_corpus.evaluate import evaluate, report

HERE = Path(__file__).parent
LEVELS = json.loads((HERE / "cases_levels.json").read_text(encoding="utf-8"))


def test_no_field_falls_below_its_recorded_level() -> None:
    scores, wrong = evaluate(HERE / "cases")
    assert sum(total for _, total in scores.values()) >= 40 * 12
    fallen = {f: (scores[f][0], level) for f, level in LEVELS.items() if scores[f][0] < level}
    assert not fallen, f"fields fell below their level: {fallen}; wrong cases: {wrong}\n{report(scores)}"


def test_overall_accuracy_meets_target() -> None:
    scores, _ = evaluate(HERE / "cases")
    right = sum(r for r, _ in scores.values())
    total = sum(t for _, t in scores.values())
    assert right / total >= 0.95


def test_packaged_evaluation_is_current() -> None:
    """The card's accuracy table reads evaluation.json: it must be what the real pages score now."""
    from policy_corpus import evaluate as ev

    packaged = json.loads((Path(ev.__file__).with_name("evaluation.json")).read_text(encoding="utf-8"))
    assert packaged == ev.to_json(ev.real_sets(HERE / "real"))
