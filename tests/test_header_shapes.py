"""Header shapes of real pages, one synthetic page each: what joins a title, what is never a title,
who a `NAME:` prefix names, and where an outlet's name beside the date is the source."""

from __future__ import annotations

import pytest

from policy_corpus import parse

BODY = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。"


def page(*header: str, body: str = BODY) -> str:
    return "\n\n".join([*header, body * 2, "责任编辑:李四"]) + "\n"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        # a title printed over two lines joins only with the very next line
        (("某市委书记在全市网信工作会议上强调", "大力营造风清气正的网络生态"), "某市委书记在全市网信工作会议上强调 大力营造风清气正的网络生态"),
        (("全市网络安全宣传周活动正式启动", "2024-09-09 10:00", "共建网络安全共享网络文明"), "全市网络安全宣传周活动正式启动"),
        # a deck sentence, a speech note and an attendance line are not part of the title
        (("建设网络强省 做好网信文章", "发挥网络引导舆论的重要作用,某省有经验"), "建设网络强省 做好网信文章"),
        (("深入贯彻网络强国战略思想 努力开创网信工作新局面", "在全市网络安全和信息化工作会议上的讲话"), "深入贯彻网络强国战略思想 努力开创网信工作新局面"),
        (("州委网信委第二次会议召开 某某主持并讲话", "张三 李四出席"), "州委网信委第二次会议召开 某某主持并讲话"),
        # a row of publication names, a keyword list and a bullet deck line are never the title
        (("《某某日报》 《某某日报藏文版》 《某某商报》", "全区网络安全宣传周启动日集中展示活动举行"), "全区网络安全宣传周启动日集中展示活动举行"),
        (("免费看片,在线观看,高清视频,一区二区", "某省公布九起打击网络谣言典型案例"), "某省公布九起打击网络谣言典型案例"),
    ],
)
def test_title_lines(header: tuple[str, ...], title: str) -> None:
    assert parse(page(*header), id="t").title == title


def test_a_bullet_deck_is_no_title_and_a_black_square_marks_the_byline() -> None:
    a = parse(page("●两年来,全省网信战线不断提高网上正面宣传的质量和水平", "■王小明 李大力"), id="t")
    assert a.title is None and a.author == "王小明、李大力"


def test_a_name_prefix_is_the_author_only_when_the_body_does_not_report_on_that_person() -> None:
    signed = parse(page("王小明:努力开辟网信事业发展新天地"), id="t")
    assert (signed.title, signed.author) == ("努力开辟网信事业发展新天地", "王小明")
    body = "4月1日,省委书记王小明到省委网信办调研。他强调,要坚决肩负起网信工作使命任务,推动网信事业高质量发展。"
    report = parse(page("王小明:努力开辟网信事业发展新天地", body=body), id="t")
    assert (report.title, report.author) == ("王小明:努力开辟网信事业发展新天地", None)
    column = parse(page("某县网信:凝聚网络力量彰显担当作为"), id="t")
    assert (column.title, column.author) == ("某县网信:凝聚网络力量彰显担当作为", None)


def test_an_outlet_printed_beside_the_date_is_the_source() -> None:
    a = parse(page("全州网络安全工作会议召开", "某州日报    2020年04月17日"), id="t")
    assert (a.source, str(a.date)) == ("某州日报", "2020-04-17")


def test_a_converter_variant_is_taken_back_on_traditional_pages() -> None:
    text = "陜西省網絡辟謠聯動機制第一次全體會議召開\n\n" + "會議強調,要深入學習貫徹網絡強國戰略思想,切實做好網絡安全和信息化各項工作,推動網信事業高質量發展。" * 3
    assert parse(text, id="t").title == "陕西省网络辟谣联动机制第一次全体会议召开"


@pytest.mark.parametrize(
    ("opening", "author", "source"),
    [
        ("本报讯(记者 王小明 通讯员 李大力)", "王小明、李大力", None),
        ("某省日报22日讯(记者王小明)", "王小明", "某省日报"),
        ("央广网长沙9月17日消息(记者王小明 通讯员李大力)", "王小明、李大力", "央广网"),
        ("中新网福建新闻9月5日电 (王小明)", "王小明", "中新网"),
        ("某某网时刻新闻4月21日讯(某省日报记者 王小明 某某网记者 李大力)", "王小明、李大力", "某某网时刻新闻"),
        ("(2018年8月8日,根据录音整理)", None, None),  # an aside, not a byline: no role and no dateline
    ],
)
def test_an_opening_byline_names_the_reporters_and_its_dateline_the_outlet(opening: str, author: str | None, source: str | None) -> None:
    a = parse(page("全省网络安全工作会议在省会召开", body=opening + BODY), id="t")
    assert (a.author, a.source) == (author, source)


@pytest.mark.parametrize(
    ("ending", "author"),
    [("(宣传部王小明) |", "王小明"), ("(市委网信办 王 明)", "王明"), ("(市委网信办供稿)", None)],
)
def test_a_trailing_unit_and_name_is_the_writer(ending: str, author: str | None) -> None:
    a = parse(page("全旗网络安全工作会议召开", body=BODY + BODY + ending), id="t")
    assert a.author == author


def test_several_outlets_beside_the_date_and_a_regional_channel_dropped() -> None:
    a = parse(page("全省网信工作会议召开", "2022-04-21 19:35:16 某省卫视 某省日报 时刻新闻客户端"), id="t")
    assert a.source == "某省卫视、某省日报、时刻新闻"
    b = parse(page("全省网信工作会议召开", "2022-04-21 来源:中新网河北"), id="t")
    assert b.source == "中新网"


def _regions(title: str, body: str) -> list[str]:
    return [r.name for r in parse(page(title, body=body), id="t").regions]


P1 = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作。"


@pytest.mark.parametrize(
    ("title", "body", "names"),
    [
        # a venue is not the subject: the body's province decides
        ("全省网信办主任会议在郑州召开", "河南省网信工作成效明显。" + P1 + "河南省各地要抓好落实。", ["河南省"]),
        # the province named again by its short form is the province, not its homonymous city
        ("吉林:审议成立吉林省委网络安全和信息化领导小组", P1, ["吉林省"]),
        # a title naming a place and a district inside it is about the district
        ("重庆市大渡口区互联网信息办公室、重庆市公安局大渡口区分局关于依法打击网络谣言的通告", P1, ["重庆市大渡口区"]),
        # a municipality's district dominating the body
        ("全区网络安全宣传周活动启动", P1 + "上海市青浦区举行活动。" + "青浦区各部门参加。" * 3, ["上海市青浦区"]),
        # a county named precisely, its province once: the county
        ("全县网络文明建设推进会召开", P1 + "湖南省网信办指导,大祥区委网信办承办。", ["湖南省邵阳市大祥区"]),
        # the capital where a provincial meeting sits is no subject
        ("全省网信工作会议召开", P1 + "浙江省网信工作会议在杭州市召开。浙江省各地参加。", ["浙江省"]),
    ],
)
def test_region_subjects(title: str, body: str, names: list[str]) -> None:
    assert _regions(title, body) == names


def test_a_bracketed_note_dating_a_speech_is_not_the_page_date() -> None:
    a = parse(page("深入贯彻网络强国战略思想 努力开创网信工作新局面", "(2018年8月8日,根据录音整理)"), id="t")
    assert a.date is None
    b = parse(page("深入贯彻网络强国战略思想 努力开创网信工作新局面", "(2018年8月8日)"), id="t")
    assert str(b.date) == "2018-08-08"


def test_a_forum_profile_box_and_sign_up_prompt_are_chrome() -> None:
    a = parse(page("TA的每日心情 | 开心 2022-6-6 12:22 |", "马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。"), id="t")
    assert (a.title, a.date) == (None, None)


def test_an_address_is_no_source() -> None:
    a = parse(page("全市网络安全工作会议召开", "2024-01-02 来源:http://www.example.com/a.html"), id="t")
    assert a.source is None


def test_labels_whose_value_is_on_the_next_line() -> None:
    text = page("全省网络文明志愿者总队成立大会召开") + "来源:\n某某日报\n作者:\n记者 王小明\n编辑:\n李四\n"
    a = parse(text, id="t")
    assert (a.source, a.author) == ("某某日报", "王小明")


def test_a_photo_credit_inside_the_byline_and_a_dateline_with_a_space() -> None:
    a = parse(page("全市网络盛典启动", body="中新网 赣州4月26日电 (王小明 李大力 图 张三)" + BODY), id="t")
    assert (a.author, a.source) == ("王小明、李大力", "中新网")


def test_a_today_widget_yields_to_the_labelled_date() -> None:
    a = parse(page("2021年08月18日 星期三", "省委网信委召开第三次会议研究部署网信工作", "来源: 某省发布 2021-04-01"), id="t")
    assert (a.title, str(a.date)) == ("省委网信委召开第三次会议研究部署网信工作", "2021-04-01")


def test_a_headline_quoted_by_an_earlier_line_is_the_title() -> None:
    a = parse(page("正在阅读:某市委网信办 某市公安局 关于依法打击网络谣言的通告", "信息未审核或下架中,当前页面为预览效果",
                   "某市委网信办 某市公安局 关于依法打击网络谣言的通告"), id="t")
    assert a.title == "某市委网信办 某市公安局 关于依法打击网络谣言的通告"


@pytest.mark.parametrize(
    ("line", "title", "subtitle"),
    [("某市网络文明建设工作现场推进会举行_焦点观察", "某市网络文明建设工作现场推进会举行", None),
     ("让文明之花在网络空间盛情绽放──写在网络文明大会召开之际", "让文明之花在网络空间盛情绽放", "写在网络文明大会召开之际")],
)
def test_title_separators(line: str, title: str, subtitle: str | None) -> None:
    a = parse(page(line), id="t")
    assert (a.title, a.subtitle) == (title, subtitle)


@pytest.mark.parametrize("slot", ["互联网", "sp20241119"])
def test_a_source_slot_naming_no_publication_falls_through_to_the_dateline(slot: str) -> None:
    a = parse(page("全市网络盛典启动", f"发布时间:2024-11-19 06:30:14 来源: {slot}", body="中新网赣州4月26日电 " + BODY), id="t")
    assert a.source == "中新网"


def test_a_name_line_over_a_post_line_signs_the_article() -> None:
    a = parse(page("王小明", "某市委宣传部副部长、网信办主任"), id="t")
    assert (a.title, a.author, a.post) == (None, "王小明", "某市委宣传部副部长、网信办主任")


def test_a_metadata_label_is_never_a_title() -> None:
    assert parse(page("新闻来源:某某网", "更新时间:2019-05-14 22:10:39"), id="t").title is None


@pytest.mark.parametrize(
    ("meta", "source"),
    [("某州发布 2018-04-07 14:55 大字", "某州发布"),  # a font-size button beside the outlet
     ("某口网 http://www.example.net 时间:2022-08-28 09:43", "某口网"),  # the outlet's address and a date label
     ("发稿时间:2015-03-24 10:12:00 来源: 中国某某报 中国某某网", "中国某某报、中国某某网"),  # two outlets in the slot
     ("某某日报 | 2021-01-12 11:08:49", "某某日报"),  # a separator between the outlet and the date
     ("网信重庆   |  2021-01-12 11:08:49", "网信重庆"),  # a 网信 office's public account: 网信 and its place
     ("网信工作 | 2021-01-12 11:08:49", None)],  # 网信 and no place is no account
)
def test_outlets_printed_with_chrome_beside_the_date(meta: str, source: str | None) -> None:
    assert parse(page("全市网络文明建设推进会召开", meta), id="t").source == source


@pytest.mark.parametrize(
    ("ending", "author"),
    [("(记者王小明 实习生李大力)", "王小明、李大力"), ("(记者 王小明报道)", "王小明"), ("(2019年)", None), ("(完)", None)],
)
def test_a_reporter_credit_closing_a_paragraph(ending: str, author: str | None) -> None:
    a = parse(page("全市网络文化协会成立", body=BODY + ending + "\n\n" + BODY), id="t")
    assert a.author == author and (a.text.count("记者") == 1 if author else True)  # the page repeats its body once


def test_a_post_name_line_at_the_top_of_the_body_is_the_voice_of_an_interview() -> None:
    intro = "2015年是全国网信系统推进依法治网的一年。各地网信办积极研究本地区网信工作特点,并取得阶段性成果,网络空间逐渐清朗。"
    text = "\n\n".join([intro, "某省委网信办主任 王小明", "问:回顾全年的网信工作,您觉得可以用哪些关键词来概括?", BODY * 2]) + "\n"
    a = parse(text, id="t")
    assert (a.author, a.post) == ("王小明", "某省委网信办主任") and "王小明" not in a.text
    # a news report's lines are not signatures
    b = parse("\n\n".join([intro, "会议由县委书记王小明主持。", BODY * 2]) + "\n", id="t")
    assert (b.author, b.post) == (None, None)


@pytest.mark.parametrize(
    ("title", "body", "regions"),
    [
        # one place named once, the page's own words (省委, 全省) mark its level: that province
        ("省委网信委会议召开", "会议指出,全省各级各部门要扎实做好网信工作。全省网信系统要守牢安全底线。河北省网信办负责同志参加会议。",
         ["河北省"]),
        # 州委 with the one prefecture of the line of descent named
        ("州委网信委第二次会议召开", "会议听取了全州网信工作情况汇报。甘孜藏族自治州网信办负责同志作说明。州委要求压实责任。",
         ["四川省甘孜藏族自治州"]),
        # 市委, but only the province is named: no city to point to, even when the province is named twice
        ("市委网信委会议召开", "会议强调,全市上下要扎实做好网信工作,全市网信系统要守牢底线。浙江省网信办有关负责同志出席。", []),
        ("市委网信委会议召开", "会议强调,全市上下要扎实做好网信工作,全市网信系统要守牢底线。浙江省、浙江省网信办有关负责同志出席。", []),
        # 全市 and two cities of one province, each named once: neither is the subject
        ("网络安全宣传周启动", "全市各单位积极参与,全市网信系统广泛宣传。三门峡市网信办、洛阳市网信办负责同志参加。", []),
        # the province dominates, but the page's own unit is a city: the one city on its line of descent
        ("市委网信委会议召开", "会议强调,全市上下要扎实做好网信工作。海南省网信办有关负责同志指导,海口市网信办承办。全市网信系统参加。",
         ["海南省海口市"]),
        # a venue is not a subject, even when the markers agree
        ("全省网信工作会议召开", "会议在哈尔滨召开,全省各地网信办主任参加。全省网信系统要守牢意识形态阵地。", []),
    ],
)
def test_a_short_page_names_one_place_at_the_level_its_own_words_mark(title: str, body: str, regions: list[str]) -> None:
    a = parse("\n\n".join([title, "2023-05-06 09:30", body, BODY, "责任编辑:李四"]), id="marker")
    assert [r.name for r in a.regions] == regions
    assert ("abstained_regions" in a.flags) == (not regions)


def test_a_list_of_items_is_one_row_and_never_the_title() -> None:
    """Browser copies print `<li>` items as `• X` lines: a list with a date is a meta row, any other list a menu."""
    a = parse(page("• 某某网", "• 某某日报", "• 某某晚报", "全市网络文明建设推进会召开", "• 某某新闻网", "• 2023/09/08"), id="t")
    assert (a.title, a.source, str(a.date)) == ("全市网络文明建设推进会召开", "某某新闻网", "2023-09-08")


def test_a_trail_that_starts_at_your_position_without_a_colon() -> None:
    a = parse(page("您的位置首页  新闻资讯  本地", "全市网络文明建设推进会召开", "来源:某某日报 2019-03-23"), id="t")
    assert (a.title, a.source) == ("全市网络文明建设推进会召开", "某某日报")


@pytest.mark.parametrize(
    ("meta", "opening", "author", "source"),
    [
        # an account named in quotes before its channel word
        ("来源:“网信某某”微信公众号 时间:2024-09-04 21:24:30", "", None, "网信某某"),
        # an outlet's other name in brackets before the dateline's 讯
        ("2023-09-12 10:40:36", "某某网(某某日报网)讯(记者 王小明  通讯员 李大力)", "王小明、李大力", "某某网"),
        # a reporter's dateline without brackets
        ("2023-11-15 16:00", "某方网记者王小明11月15日报道:", "王小明", "某方网"),
        # a reporter credit closing the source slot
        ("2024-08-18 18:07:01 来源: 新华社 记者 王小明", "", "王小明", "新华社"),
    ],
)
def test_bylines_and_outlets_in_the_slot_and_the_dateline(meta: str, opening: str, author: str | None, source: str) -> None:
    a = parse(page("全市网络文明建设推进会召开", meta, body=opening + BODY), id="t")
    assert (a.author, a.source) == (author, source)
    assert not a.text.startswith(opening[:4]) or not opening  # the byline is cut from the text


def test_a_credit_above_a_reader_prompt_and_a_photographer_in_the_byline() -> None:
    closing = parse("\n\n".join(["全市网络文明建设推进会召开", "2023-05-06", BODY, BODY + "(王小明 李大力)",
                                 "读完这篇文章后写点感想吧 你还可以 收藏"]), id="t")
    assert closing.author == "王小明、李大力" and "(王小明" not in closing.text
    photo = parse(page("全市网络文明建设推进会召开", "某某日报记者 王小明 李大力 张三丰", "2023-05-06",
                       body=BODY + "\n\n" + BODY + "(某某日报记者 王小明 李大力 报道 摄影 张三丰)"), id="t")
    assert photo.author == "王小明、李大力"


def test_an_address_is_no_publication_and_an_announcement_is_no_title() -> None:
    spam = parse(page("全市网络文明建设推进会召开", "来源:某某十大网上娱乐网址 2023-05-06"), id="t")
    assert spam.source is None and "abstained_source" in spam.flags
    printed = parse(page("《某某经济时报》刊发——网信尖兵:数字某市奏响“最强音”", "2019-01-25 13:35"), id="t")
    assert (printed.title, printed.subtitle) == ("网信尖兵:数字某市奏响“最强音”", None)


def test_another_provinces_committee_is_no_marker_of_the_pages_own_unit() -> None:
    body = ("现场会在新疆召开,新疆维吾尔自治区党委网信办介绍了新疆网络辟谣工作经验。"
            "山东省委网信办、河南省委网信办作交流发言。新疆各地网信部门负责同志参加会议。")
    a = parse("\n\n".join(["网络辟谣区域联动现场会召开", "2024-09-04", body, BODY]), id="t")
    assert [r.name for r in a.regions] == ["新疆维吾尔自治区"]


def test_the_reporting_centre_is_a_subject_unless_printed_with_its_number() -> None:
    body = ("2021年5月,某省各级网络举报部门和网站平台积极受理网民举报线索,某省互联网违法和不良信息举报中心、各市网信办"
            "举报部门共受理互联网违法和不良信息举报2400件,环比下降20.16%。")
    a = parse("\n".join(["2021年5月某省受理互联网违法和不良信息举报2400件", "来源:某省网信办 发布时间:2021-06-16 13:16:46", body,
                         "某省互联网违法和不良信息举报中心 举报电话:12377"]), id="t")
    assert (a.title, str(a.date)) == ("2021年5月某省受理互联网违法和不良信息举报2400件", "2021-06-16")
    assert "举报线索" in a.text and "12377" not in a.text


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (("本篇文章984字,读完约2分钟", "全市网络文明建设推进会召开"), "全市网络文明建设推进会召开"),  # a reading-time badge
        (("返回目录 标题导航 版面导航", "全市网络文明建设推进会召开"), "全市网络文明建设推进会召开"),  # an e-paper's navigation
        (("某某娱乐_全市部署“清朗”系列专项行动",), "全市部署“清朗”系列专项行动"),  # a short head before `_`
        (("网络举报志愿者应具备下列条件:",), None),  # a lead-in to a list
        (("云南墙体广告 19日,我省第三届国家网络安全宣传周在",), None),  # a report's first sentence
    ],
)
def test_what_is_never_a_title(header: tuple[str, ...], title: str | None) -> None:
    assert parse(page(*header, "2023-05-06 09:30"), id="t").title == title


@pytest.mark.parametrize(
    ("meta", "ending", "author", "source"),
    [
        ("来源:本网 某山日报 2023-05-06", "", None, "某山日报"),  # the site itself, then its outlet
        ("来源:中国日报新疆记者站 (记者 王小明 通讯员 李大力) 2012-03-06", "", "王小明、李大力", "中国日报"),  # a bureau, a credit
        ("2023-07-20 10:12:39 来源:某某法治报", "\n\n(记者 王小明 通讯员 李大力 张三丰)", "王小明、李大力、张三丰", "某某法治报"),
        ("2023-07-20 10:12:39", "\n\n记者:王小明\n\n来源:某某日报", "王小明", "某某日报"),  # a label line closing the text
        ("天天资讯:全市网络文明建设推进会召开 2023-07-20", "", None, None),  # an aggregator is no author
    ],
)
def test_credits_and_outlets_around_the_text(meta: str, ending: str, author: str | None, source: str | None) -> None:
    a = parse(page("全市网络文明建设推进会召开", meta, body=BODY + ending), id="t")
    assert (a.author, a.source) == (author, source)


def test_a_reporter_line_that_ends_with_where_it_reports_from() -> None:
    a = parse(page("网络文明周在某市启动", "某众网•某报新闻记者 王小明 李大力 某庄报道", "2022-08-29"), id="t")
    assert (a.title, a.author) == ("网络文明周在某市启动", "王小明、李大力")


def test_a_text_printed_one_phrase_per_line_is_a_body() -> None:
    phrases = ["有网民在网络平台发布", "“某市出现蝗虫灾害", "上万亩地一夜之间全被吃没了”", "的视频", "针对网民反映的情况",
               "某市立即组织农业技术人员", "深入到全市24个乡镇进行踏查", "结果均未发现蝗虫危害现象", "情况不属实", "请广大网民不信谣不传谣"]
    a = parse("\n".join(["“某市出现蝗虫灾害”?官方回应", "某市委网信办发布公告", *phrases]), id="t")
    assert a.title == "“某市出现蝗虫灾害”?官方回应" and "结果均未发现蝗虫危害现象" in a.text


@pytest.mark.parametrize(
    ("opening", "meta", "author", "source"),
    [
        ("今日某山网消息 12月4日,", "2023-12-05", None, "今日某山网"),  # a dateline marked 消息
        ("", "来源/中共某城市委网信办 编辑/某路2号 2023-07-22", None, "中共某城市委网信办"),  # labels with a slash
        # several outlets in the dateline (an address dropped), a writer named before the reporter's role
        ("某场星报、某徽财经网(xomn.cn)、掌中某徽讯 (王小明 记者 李大力) ", "2023-11-12", "王小明、李大力", "某场星报、某徽财经网、掌中某徽"),
    ],
)
def test_datelines_and_slots(opening: str, meta: str, author: str | None, source: str) -> None:
    a = parse(page("全县网络综合治理联动工作站揭牌成立", meta, body=opening + BODY), id="t")
    assert (a.author, a.source) == (author, source)


def test_prose_that_names_footer_words_stays_text() -> None:
    """This genre reports on ICP filings and technical support: only a licence number or an opening footer word is chrome."""
    long = ("会议强调,要深入学习贯彻网络强国的重要论述精神,认真落实建设网络强省的部署要求,切实做好我市网络信息工作。" * 3
            + "要协调关闭违法违规网站10家,注销56家问题网站ICP备案,为疫情防控提供有力的信息服务和技术支持。")
    a = parse("\n\n".join(["市委网络安全和信息化委员会召开全体会议", "2023-05-06", long, BODY, "某ICP备12345678号 技术支持:某公司"]), id="t")
    assert "ICP备案" in a.text and "技术支持。" in a.text and "12345678" not in a.text


@pytest.mark.parametrize("bar", ["手机看某经某报微信某经网微信", "某省互联网举报-某某官网登录入口"])
def test_a_sites_bar_above_the_title_is_not_its_first_line(bar: str) -> None:
    assert parse(page(bar, "第二届国家网络安全宣传周在某地广泛展开", "2015-06-02 10:00"), id="t").title == "第二届国家网络安全宣传周在某地广泛展开"


@pytest.mark.parametrize(
    ("meta", "author", "source", "date"),
    [
        ("www.example.com?2012-05-17 17:17? ?来源:某民网    我来说两句", None, "某民网", "2012-05-17"),  # garbled `?` separators
        ("发布人:市直机关工委 发布时间:2025-03-10 17:21:09 来源:某市直机关工委 文字缩放:", None, "某市直机关工委", "2025-03-10"),
        ("某藏日报(汉)/2024 年/1 月/29 日/第 001 版", None, "某藏日报", "2024-01-29"),  # an e-paper's masthead row
        ("http://www.example.com.cn(2018-6-12 9:18:36)  某川在线-某府评论    编辑:张三", None, "某川在线", "2018-06-12"),
        ("来源:社会资讯 2023-05-06", None, None, "2023-05-06"),  # a site's section is no publication
    ],
)
def test_metadata_rows_of_many_shapes(meta: str, author: str | None, source: str | None, date: str) -> None:
    a = parse(page("全省网络安全和信息化工作会议召开", meta), id="t")
    assert (a.author, a.source, str(a.date)) == (author, source, date)


def test_ranks_signers_banners_and_bare_datelines() -> None:
    ranked = parse(page("奏响凝心聚力的铿锵之音", "本报记者 王小明 见习记者 李大力", "2024-01-29"), id="t")
    assert ranked.author == "王小明、李大力"
    column = parse(page("当前位置: 首页>权威发布", "权威发布", "某省委网络安全和信息化委员会召开第四次会议", "2023-04-23"), id="t")
    assert (column.title, column.author, column.post) == ("某省委网络安全和信息化委员会召开第四次会议", None, None)
    welcome = parse(page("欢迎访问某某网/某某社区网 EXAMPLE.CC", "网络文明建设座谈会召开", "2023-08-16"), id="t")
    assert welcome.title == "网络文明建设座谈会召开"
    bare = parse(page("网络文明建设座谈会召开", body="某商网 8月16日上午," + BODY), id="t")
    assert bare.source == "某商网"
    spam = parse("\n\n".join(["某某综合_某某丁香婷婷_某某一区二区_某某产精品一二三产区区" * 3, "某东网络问政:从“问答”转向“深问”",
                              "2012-10-23 16:39 来源:某民日报", BODY, BODY]), id="t")
    assert (spam.title, spam.source) == ("某东网络问政:从“问答”转向“深问”", "某民日报")


@pytest.mark.parametrize(
    ("slot", "source"),
    [("某众网•某报新闻", "某众网、某报新闻"), ("某端新闻·某南商报", "某端新闻、某南商报"), ("第1眼TV-某龙网", "第1眼TV、某龙网"),
     ("人民网-北京频道", "人民网"), ("华声 • 经济", "华声"), ("人民网-福建新闻", "人民网")],
)
def test_two_outlets_or_an_outlet_and_its_channel(slot: str, source: str) -> None:
    """The second name is an outlet of its own unless it is a channel, a section or a place's news."""
    assert parse(page("全市网络文明建设推进会召开", f"来源:{slot} 2023-05-06"), id="t").source == source


def test_an_opening_byline_under_a_photo_caption() -> None:
    a = parse(page("网络安全和信息化工作座谈会召开", "来源:某民网 2017-09-14 10:55:09",
                   body="会议现场图。\n\n某民网北京9月14日电 (王小明)" + BODY), id="t")
    assert a.author == "王小明" and a.text.count("(王小明)") == 1  # cut from the opening (page() prints the body twice)


def test_county_pages() -> None:
    """A city acting on its district's matter is a subject too; a short page naming one county is about it."""
    acting = ("保定市网信办联合莲池区开展网络文明进社区活动。保定市委网信办负责同志讲话。莲池区各街道参加。"
              "保定市将持续推进网络文明建设。")
    a = parse("\n\n".join(["网络文明进社区活动举行", "2023-05-06", acting, BODY]), id="t")
    assert [r.name for r in a.regions] == ["河北省保定市", "河北省保定市莲池区"]
    sole = parse("\n\n".join(["网评员培训班开班", "2023-05-06", "近日,靖宇县网评员培训班开班。" + BODY, BODY]), id="t")
    assert [r.name for r in sole.regions] == ["吉林省白山市靖宇县"]


def test_a_multi_syllable_annotation_and_a_garbled_bracket_byline() -> None:
    a = parse(page("全市未成年人网络保护活动举行", "2023-06-30",
                   body="某新网扬州6月30日电(rìdiàn)?(通讯员?王小明 李大力)" + BODY + "校家社(xiàojiāshè)"), id="t")
    assert a.author == "王小明、李大力" and "rìdiàn" not in a.text and "xiàojiāshè" not in a.text


def test_an_image_placeholder_is_no_author_and_a_caption_photographer_stays_a_reporter() -> None:
    placeholder = parse(page("全市网络安全宣传周启动", "2021-01-06 21:17 来源:某都发布", "图片"), id="t")
    assert placeholder.author is None
    caption = parse(page("全市未成年人网络保护活动举行", "2023-06-30",
                         body="某新网某州6月30日电 (王小明 李大力)" + BODY + "\n\n活动现场。 李大力 摄\n\n" + BODY), id="t")
    assert caption.author == "王小明、李大力"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (("(资料图片仅供参考)", "全市网络文明建设推进会召开"), "全市网络文明建设推进会召开"),  # a bracketed photo note
        (("?诎l(fā)布依法严厉打击涉疫网络谣言通告",), None),  # a headline whose first characters the site lost
        (("某东盟信息港论坛在邕举行", "张三致辞 李四作主旨演讲"), "某东盟信息港论坛在邕举行"),  # who spoke is no title line
    ],
)
def test_more_lines_that_are_never_titles(header: tuple[str, ...], title: str | None) -> None:
    assert parse(page(*header, "2023-05-06 09:30"), id="t").title == title


@pytest.mark.parametrize(
    ("opening", "ending", "author"),
    [
        ("", "\n\n文字:王小明", "王小明"),  # a `文字:` label closing the text
        ("某山网-某疆日报讯(记者王小明报道) ", "", "王小明"),  # an outlet pair in the dateline, 报道 glued to the name
        ("", "(某县教育体育局 王小明 李大力)", "王小明、李大力"),  # a unit and two writers
        ("", "(王小明) |", "王小明"),  # a separator after the closing credit
        ("", "(王小明)\n\n健\n\n康\n\n领取专属 10元券", "王小明"),  # scraps of chrome after the credit
        ("", "\n\n来自全省网信、工会等领域400余位代表参加会议。\n\n记者 王小明\n\n来源:某吉林网", "王小明"),
    ],
)
def test_more_credits(opening: str, ending: str, author: str) -> None:
    a = parse("\n\n".join(["全市网络文明建设推进会召开", "2023-05-06", opening + BODY, BODY + ending, "责任编辑:李四"]), id="t")
    assert a.author == author
    assert a.source != "全省网信、工会等领域400余位代表参加会议"


@pytest.mark.parametrize(
    ("header", "title"),
    [
        (("|处置网络平台12家!某省推进暑期网络环境专项整治工作",), "处置网络平台12家!某省推进暑期网络环境专项整治工作"),
        (("某省重拳出击全面整治个人信息保护问题", "二、专项整治重点"), "某省重拳出击全面整治个人信息保护问题"),
        (("某某干日日干_365某某_在线一区视频_国产高清在线观看", "某省启动暑期未成年人网络环境整治专项行动"),
         "某省启动暑期未成年人网络环境整治专项行动"),
        (("为进一步提高人民群众对网络有害信息的辨识能力,",), None),  # a broken sentence
        (("网络安全进校园活动在某大学举办-某某凯时手机版",), "网络安全进校园活动在某大学举办"),  # a farm's brand after `-`
        (("1月11日,市委书记主持召开市委网络安全和信息化委员会会议",), None),  # a report's first sentence
    ],
)
def test_titles_from_the_last_pages(header: tuple[str, ...], title: str | None) -> None:
    assert parse(page(*header, "2023-05-06 09:30"), id="t").title == title


def test_a_newsroom_rank_is_no_name() -> None:
    assert parse(page("全市网络文明建设推进会召开", "全媒体记者 王小明", "2023-05-06"), id="t").author == "王小明"


def test_a_lone_list_marker_joins_nothing_to_the_title_and_an_announcement_alone_is_kept() -> None:
    a = parse(page("某省网信办召开网络安全工作会议部署全年工作", "•", "• 某藏新闻网", "• 2023/09/08"), id="t")
    assert (a.title, a.source, str(a.date)) == ("某省网信办召开网络安全工作会议部署全年工作", "某藏新闻网", "2023-09-08")
    two = parse(page("《某某时报》刊发——网信尖兵:数字某市奏响“最强音”——某市网信工作纪实", "2019-01-25"), id="t")
    assert (two.title, two.subtitle) == ("网信尖兵:数字某市奏响“最强音”", "某市网信工作纪实")
