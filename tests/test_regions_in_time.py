"""Regions in time: each place named and coded as in force on the article's date, with a stable current code.

Expected values written by hand from the published GB/T 2260 changes (not read off the table).
"""

from __future__ import annotations

import pytest

from policy_corpus import parse
from policy_corpus.parser.gazetteer import find_places, region_record, table_years, translate, year_of

BODY = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。"


def _resolve(text: str, year: int | None) -> list[tuple[str, str, str | None]]:
    return [(r["name"], r["code"], r["current_code"]) for r in (region_record(c, year) for c in find_places(text, year=year))]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 漠河县 became 漠河市 in 2018 (and took a new code)
        ("漠河县", 2016, ("黑龙江省大兴安岭地区漠河县", "232723", "232701")),
        ("漠河市", 2016, ("黑龙江省大兴安岭地区漠河县", "232723", "232701")),  # the later name on an earlier page
        ("漠河县", 2020, ("黑龙江省大兴安岭地区漠河市", "232701", "232701")),  # the old name on a later page
        # 宁乡县 became 宁乡市 in 2017
        ("宁乡县", 2016, ("湖南省长沙市宁乡县", "430124", "430182")),
        ("宁乡市", 2019, ("湖南省长沙市宁乡市", "430182", "430182")),
        # 密云县 became 密云区 (a 县 that became a 区) in 2015
        ("密云县", 2014, ("北京市密云县", "110228", "110118")),
        ("密云县", 2016, ("北京市密云区", "110118", "110118")),
        # 莱芜市 was merged into 济南市 (its districts now 济南市莱芜区 and 钢城区)
        ("莱芜市", 2016, ("山东省莱芜市", "371200", "370100")),
        ("钢城区", 2016, ("山东省莱芜市钢城区", "371203", "370117")),
        ("钢城区", 2020, ("山东省济南市钢城区", "370117", "370117")),
    ],
)
def test_a_place_resolves_as_it_stood_in_the_year(text: str, year: int, expected: tuple[str, str, str | None]) -> None:
    assert _resolve(text, year) == [expected]


def test_an_abolished_place_is_not_guessed_in_a_later_year() -> None:
    assert _resolve("莱芜市", 2020) == []  # no unit of that name in 2020; the page's subject is left to other evidence


def test_years_outside_the_table_and_pages_without_a_date() -> None:
    import datetime as dt

    first, last = table_years()
    assert (first, last) == (1980, 2024)
    assert year_of(None) == last and year_of(dt.date(2025, 5, 1)) == last and year_of(dt.date(1975, 1, 1)) == first


def test_translate_follows_a_place_between_years() -> None:
    assert translate("232723", 2016, 2020) == "232701"
    assert translate("232701", 2020, 2016) == "232723"
    assert translate("371200", 2016, 2020) is None  # abolished: the table cannot follow it to one place


@pytest.mark.parametrize(
    ("date", "name", "code"),
    [("2016-05-17", "黑龙江省大兴安岭地区漠河县", "232723"), ("2019-05-17", "黑龙江省大兴安岭地区漠河市", "232701"),
     (None, "黑龙江省大兴安岭地区漠河市", "232701")],
)
def test_a_page_is_resolved_by_its_own_date(date: str | None, name: str, code: str) -> None:
    meta = [f"发布时间:{date} 10:00"] if date else []
    a = parse("\n\n".join(["漠河县召开网络安全工作会议", *meta, BODY * 2]) + "\n", id="t")
    assert [(r.name, r.code, r.current_code) for r in a.regions] == [(name, code, "232701")]


def test_seeds_regions_keep_their_names() -> None:
    """The seeds' places did not change name over their dates (the gold stays the same)."""
    assert _resolve("海南省", 2023) == [("海南省", "460000", "460000")]
    assert _resolve("郴州市北湖区", 2021) == [("湖南省郴州市北湖区", "431002", "431002")]


def test_a_curated_date_in_another_year_re_resolves_the_regions(tmp_path) -> None:
    import json

    import policy_corpus

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("\n\n".join(["漠河县召开网络安全工作会议", "发布时间:2020-05-17 10:00", BODY * 2]) + "\n", encoding="utf-8")
    (raw / "metadata.jsonl").write_text(json.dumps({"file_name": "a.txt", "date": "2016-05-17"}) + "\n", encoding="utf-8")
    report = policy_corpus.build(raw, tmp_path / "out", workers=1)
    row = policy_corpus.load(data_dir=tmp_path / "out")[0]
    assert report.ok and str(row["date"]) == "2016-05-17"
    assert [(r["name"], r["code"], r["current_code"]) for r in row["regions"]] == [("黑龙江省大兴安岭地区漠河县", "232723", "232701")]
