"""Paths that no other test pins: validation of leaked boilerplate, curated dates among reprints,
two author shapes on one page, the script threshold, and sections of real pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import policy_corpus
from policy_corpus import parse
from policy_corpus.parser.normalise import detect_script
from policy_corpus.parser.validate import check_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_dac59bbde87f66ac.txt"
BODY = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。" * 2


@pytest.mark.parametrize(("field", "value"), [("title", "某某会议召开 责任编辑:张三"), ("source", "版权所有 某某网"), ("editor", "扫一扫 分享")])
def test_boilerplate_left_in_a_text_field_is_caught(field: str, value: str) -> None:
    article = parse(SEED.read_bytes(), id="seed")
    leaked = article.model_copy(update={field: value})
    assert f"{field} contains boilerplate" in check_article(leaked)


def test_a_curated_date_decides_which_reprint_is_the_original(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / "000_seed.txt")
    text = SEED.read_text(encoding="utf-8")
    (raw / "100_repost.txt").write_text(text.replace("。", "。 ", 3), encoding="utf-8")  # a near copy, not an exact one
    plain = policy_corpus.build(raw, tmp_path / "plain", workers=1)
    rows = {r["id"]: r for r in policy_corpus.load(data_dir=tmp_path / "plain").to_list()}
    assert plain.ok and rows["100_repost"]["duplicate_of"] == "000_seed" and rows["000_seed"]["duplicate_of"] is None
    (raw / "metadata.jsonl").write_text(json.dumps({"file_name": "100_repost.txt", "date": "2001-01-01"}) + "\n", encoding="utf-8")
    policy_corpus.build(raw, tmp_path / "curated", workers=1)
    rows = {r["id"]: r for r in policy_corpus.load(data_dir=tmp_path / "curated").to_list()}
    assert rows["000_seed"]["duplicate_of"] == "100_repost" and rows["100_repost"]["duplicate_of"] is None


def test_a_name_line_wins_over_a_trailing_byline() -> None:
    """Two author shapes on one page: the signed name under the title is the author, the closing `(X)` is not added."""
    page = f"全面推进网络强省建设\n张三\n{BODY}\n{BODY}(李四)\n"
    got = parse(page, id="t")
    assert got.author == "张三"
    assert {p.rule for p in got.provenance if p.field == "author"} == {"author_from_name_line"}
    assert not got.text.endswith("(李四)")  # the byline is cut from the body all the same


def test_the_script_threshold_sits_between_a_quotation_and_a_converter() -> None:
    """A Simplified page quoting a few Traditional characters stays Hans; a converter's output is Hant."""
    simplified = "网络安全和信息化工作是一项长期任务,需要各地区各部门共同努力推进。" * 20
    quoted = simplified + "「網絡」「資訊」"
    converted = "網絡安全和信息化工作是一項長期任務,需要各地區各部門共同努力推進。" * 20
    assert detect_script(simplified) == "Hans" and detect_script(quoted) == "Hans"
    assert detect_script(converted) == "Hant"
    got = parse(f"某某會議召開\n{converted}\n", id="t")
    assert got.script == "Hant" and "converted_from_hant" in got.flags and "网络" in got.text


@pytest.mark.parametrize(("case", "sections"), [
    ("001", [(None, 1, 1)]),
    ("010", [(None, 1, 4)]),
    ("021", [(None, 1, 2), ("瞄准全国一流 顶层设计高标准高品质", 1, 6)]),
    ("027", [(None, 1, 5), ("一项着眼未来的战略决策——建设“数字福建”,攻占信息化的战略制高点", 1, 1)]),
])
def test_sections_of_real_pages(case: str, sections: list[tuple[str | None, int, int]]) -> None:
    got = parse((ROOT / "tests" / "real" / "dev" / f"{case}.txt").read_bytes(), id=case)
    assert [(s.heading, s.level, len(s.paragraphs)) for s in got.sections] == sections
    assert all(p and p == p.strip() for s in got.sections for p in s.paragraphs)


def test_explain_shows_refused_candidates(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "tests" / "real" / "dev" / "009.txt", raw / "009.txt")
    policy_corpus.build(raw, tmp_path / "out", workers=1)
    shown = policy_corpus.explain("009", raw_dir=raw, data_dir=tmp_path / "out")
    assert "✗ subtitle=分享— [subtitle_from_dash_line] refused: too_short" in shown
    assert "→ author=王兴瑞、郭倩 [author_from_label]" in shown
    assert "⟨title: first text line of the header⟩" in shown  # every header line shows the role it was given
    assert "not found" in policy_corpus.explain("009", raw_dir=tmp_path / "nowhere", data_dir=tmp_path / "out")
