"""Single stages on small inputs: decoding, normalisation, segmentation rules, regions."""

import codecs

import pytest

from policy_corpus import ParseError, parse
from policy_corpus.parser.gazetteer import find_places, region_record
from policy_corpus.parser.normalise import detect_script, normalise, strip_pinyin
from policy_corpus.parser.read import decode
from policy_corpus.parser.segment import heading_kind

BODY = "习近平总书记指出,网络安全和信息化是一体之两翼、驱动之双轮,必须统一谋划、统一部署、统一推进、统一实施。我们要坚持不懈抓好落实。"


@pytest.mark.parametrize(
    "data",
    [
        BODY.encode("utf-8"),
        codecs.BOM_UTF8 + BODY.encode("utf-8"),
        codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"),
        BODY.encode("gb18030"),
    ],
)
def test_decode_encodings(data: bytes) -> None:
    assert decode(data) == BODY


def test_decode_rejects_empty_and_binary() -> None:
    with pytest.raises(ParseError, match="empty file"):
        decode(b"  \n")
    with pytest.raises(ParseError, match="binary"):
        decode(b"\x00\x01\x02abc")


def test_pinyin_debris_removed_real_parentheses_kept() -> None:
    text, changed = strip_pinyin("確?;ヂ?lián)網(wǎng)絡 黨委(黨組) (2022)")
    assert changed and text == "確?;ヂ?網絡 黨委(黨組) (2022)"


def test_tw2s_not_t2s() -> None:
    norm = normalise("沿著正確方向前進,著力推進,跟著總書記,著名的網絡強國思想。" * 3)
    assert norm.script == "Hant"
    assert norm.lines[0].startswith("沿着正确方向前进,着力推进,跟着总书记,著名的")
    assert "converted_from_hant" in norm.flags


def test_simplified_page_quoting_a_traditional_name_stays_hans() -> None:
    assert detect_script(BODY * 3 + "「臺灣」") == "Hans"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("一、高擎旗帜,把牢网信工作“主方向”", "cn"),
        ("(二)强化统筹协调", "paren"),
        ("——高举思想旗帜。", "dash"),
        ("坚持党管互联网不动摇,把牢网信事业发展“定盘星”", "plain"),
        ("突出抓谋篇布局,引领网信事业高质量发展。规划先行是做好工作的前提。", None),
        (BODY, None),
    ],
)
def test_heading_kinds(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("中共北湖区委书记", ["湖南省郴州市北湖区"]),
        ("海南省委常委、宣传部部长", ["海南省"]),
        ("广西壮族自治区党委网信办", ["广西壮族自治区"]),
        ("延边州委网信办", ["吉林省延边朝鲜族自治州"]),
        ("京津冀协同发展和长三角一体化", []),
        ("朝阳区", []),  # a homonym with no context is not guessed
    ],
)
def test_find_places(text: str, names: list[str]) -> None:
    assert [region_record(c)["name"] for c in find_places(text)] == names


def test_region_record_fields() -> None:
    assert region_record("431002") == {"name": "湖南省郴州市北湖区", "code": "431002", "province": "湖南省", "level": "county",
                                       "current_code": "431002"}


def test_parse_minimal_page() -> None:
    page = "\n".join([
        "首页 | 要闻 | 地方 | 评论",
        "当前位置:首页 > 要闻",
        "某某县推进网络综合治理",
        "发布时间:2023年7月27日 11:09  来源:某某日报",
        BODY,
        "(作者系中共宁乡市委书记)",
        "责任编辑:张三",
        "版权所有 某某新闻网 湘ICP备00000000号",
    ])
    a = parse(page, id="mini")
    assert (a.title, a.post, a.source, a.editor, a.site) == ("某某县推进网络综合治理", "中共宁乡市委书记", "某某日报", "张三", "某某新闻网")
    assert (str(a.date), a.time, str(a.published_at)) == ("2023-07-27", "11:09", "2023-07-27 11:09:00+08:00")
    # a 2023 page: 宁乡 as it stood then, a city since 2017
    assert [(r.name, r.code, r.current_code) for r in a.regions] == [("湖南省长沙市宁乡市", "430182", "430182")]
    assert a.sections[0].paragraphs == [BODY]


def test_title_is_the_line_above_the_metadata_not_the_site_name() -> None:
    page = "\n".join([
        "某某省人民政府门户网站",
        "政务要闻动态信息",
        "全省网络生态治理工作推进会召开",
        "——部署下半年重点任务",
        "2024/03/05  来源:某某日报",
        BODY,
    ])
    a = parse(page, id="portal")
    assert (a.title, a.subtitle, str(a.date), a.time, a.source) == (
        "全省网络生态治理工作推进会召开", "部署下半年重点任务", "2024-03-05", None, "某某日报")


def test_an_impossible_header_time_falls_through_to_the_footer_date() -> None:
    """`25:61` cannot be a clock time: the header stamp is doubted and the footer's date wins; no parser error."""
    from policy_corpus import parse

    body = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。" * 2
    page = f"某县召开网络安全工作会议\n2023-05-06 25:61\n{body}\n{body}\n发布时间:2023-05-08 10:30\n版权所有 某某网\n"
    got = parse(page, id="t")
    assert (str(got.date), got.time) == ("2023-05-08", "10:30")
    assert {p.rule for p in got.provenance if p.field == "date"} == {"date_from_footer_label"}


def test_a_one_digit_hour_is_written_with_two() -> None:
    from policy_corpus import parse

    body = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。" * 2
    got = parse(f"某县召开网络安全工作会议\n发布时间:2023-05-06 9:05:00\n{body}\n{body}\n", id="t")
    assert (str(got.date), got.time, got.published_at.isoformat()) == ("2023-05-06", "09:05:00", "2023-05-06T09:05:00+08:00")
