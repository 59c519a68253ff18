"""Hostile raw pages, generated (never committed as big files): name → bytes.

Each is a shape that once made a line pattern backtrack without bound, or a stage grow
quadratically: long runs of one punctuation mark, spaces after a marker, names joined by 和,
thousands of paragraphs or lines, a single multi-megabyte line. Used by tests/test_hostile.py
(every page ends as a record or a reject within a bound) and benchmarks/hostile.py (the
figures).
"""

from __future__ import annotations

import base64
import random

HEAD = "某省网信办召开网络安全工作会议\n2023-05-06 10:00 来源:某某日报\n"
PROSE = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。"
#: Common Han characters, for lines of text without punctuation.
HAN = [chr(c) for c in range(0x4E00, 0x9FA5)]


def _page(line: str, head: str = HEAD) -> bytes:
    """A small page of the genre with `line` in the middle of its body."""
    return (head + PROSE + "\n" + line + "\n" + PROSE * 2 + "\n").encode("utf-8")


def battery() -> dict[str, bytes]:
    """The hostile pages, deterministic (fixed seed)."""
    r = random.Random(7)
    pages: dict[str, bytes] = {}
    # the list
    for name, unit in (("dun", "、"), ("dash", "——"), ("book", "《》"), ("paren", "()"), ("space", " ")):
        pages[f"line_100k_{name}"] = _page(unit * (100_000 // len(unit)))
    pages["digits_30k"] = _page("".join(r.choice("0123456789") for _ in range(30_000)))
    image = base64.b64encode(bytes(r.getrandbits(8) for _ in range(30_000))).decode()
    pages["base64_40k"] = _page("data:image/png;base64," + image)
    pages["single_line_4_9mb"] = "".join(r.choice(HAN) for _ in range(1_630_000)).encode("utf-8")
    pages["han_30k_no_punctuation"] = _page("".join(r.choice(HAN) for _ in range(30_000)))
    pages["zuozhexi_1500_spaces"] = _page("作者系" + " " * 1500 + "x")
    pages["zuozhexi_1500_spaces_last"] = (HEAD + PROSE * 3 + "\n(作者系" + " " * 1500 + "\n").encode("utf-8")
    pages["laiyuan_1500_spaces"] = _page("(来源" + " " * 1500 + "x")
    pages["laiyuan_1500_spaces_header"] = ("标题在这里的一个标题\n(来源" + " " * 1500 + "\n" + PROSE * 3).encode("utf-8")
    pages["title_64_he"] = ("和".join(["网信"] * 65) + "\n2023-05-06\n" + PROSE * 3).encode("utf-8")
    pages["title_64_he_names"] = ("和".join(["张三"] * 65) + ":标题标题标题标题\n" + PROSE * 3).encode("utf-8")
    pages["paragraphs_2000"] = (HEAD + "\n".join(
        f"第{i}条意见要求各地认真落实网络安全责任制度,确保取得实效。" + "某" * (i % 7) for i in range(2000))).encode("utf-8")
    pages["lines_100k"] = (HEAD + PROSE + "\n" + "\n".join(f"短行{i}" for i in range(100_000))).encode("utf-8")
    pages["lines_19k"] = (HEAD + PROSE + "\n" + "\n".join(f"第{i}行文字" for i in range(19_000))).encode("utf-8")
    # shapes found while fixing them
    pages["breadcrumb_3000"] = _page("首页 > " + " > ".join(["要闻动态"] * 3000))
    pages["breadcrumb_no_spaces"] = _page("要闻>" * 5000 + "x y")
    pages["names_5000"] = _page("张三、" * 5000 + "。")
    pages["name_line_3000"] = ("标题标题标题标题标题\n" + "张三 " * 3000 + "\n" + PROSE * 3).encode("utf-8")
    pages["trailing_byline_3000"] = (HEAD + PROSE * 3 + "(" + "张三 " * 3000 + "x)\n").encode("utf-8")
    pages["reporter_byline_3000"] = (HEAD + "本报讯(记者" + "张三 " * 3000 + "x" + PROSE * 3).encode("utf-8")
    pages["copyright_3000_spaces"] = _page("版权所有" + " " * 3000 + "x")
    pages["copyright_holder_spaces"] = (HEAD + PROSE * 3 + "\n版权所有 " + "  " * 3000 + "某\n").encode("utf-8")
    pages["announcement_40k"] = _page("某" * 20_000 + "在《" + "某" * 20_000)
    pages["menu_50k_pipes"] = _page("|a" * 50_000)
    pages["dates_10k"] = _page("2023-01-01 " * 10_000)
    pages["pinyin_20k"] = _page("網(wǎng)" * 20_000)
    pages["pinyin_open_50k"] = _page("ǎ" * 50_000 + ")")
    pages["letter_spaced_50k"] = _page("天 " * 50_000)
    pages["garbled_30k"] = _page("?ア" * 30_000)
    pages["signed_post_5000"] = _page("(作者系" + "某 " * 5000)
    pages["copyright_marks_5000"] = (HEAD + PROSE * 3 + "\ncopyright " + "© " * 5000 + "\n").encode("utf-8")
    pages["quotes_50k"] = _page("“" * 50_000)
    pages["dash_heading_20k"] = _page("——" + "某 " * 20_000)
    pages["editor_label_5000"] = (HEAD + PROSE * 3 + "\n编辑:" + "张三 " * 5000 + "\n").encode("utf-8")
    pages["source_value_20k"] = (HEAD.replace("来源:某某日报", "来源:" + " 某" * 20_000) + PROSE * 3).encode("utf-8")
    pages["counter_30k_digits"] = _page("浏览" + "1" * 30_000)
    pages["date_label_30k_digits"] = ("标题标题标题标题标题\n发布时间:" + "2" * 30_000 + "\n" + PROSE * 3).encode("utf-8")
    pages["alias_20k"] = _page("以下简称《" * 20_000)
    pages["wechat_account_30k"] = ("标题标题标题标题标题\n来源:公众号“" + "某" * 30_000 + "\n" + PROSE * 3).encode("utf-8")
    pages["site_suffix_dashes"] = ("-a" * 20_000 + "\n2023-05-06\n" + PROSE * 3).encode("utf-8")
    # found by a second reviewer
    pages["announcement_lines_5mb"] = (HEAD + PROSE + "\n" + ("在《" * 1000 + "\n") * 860).encode("utf-8")
    pages["header_80k_spaces"] = (HEAD + "a" + " " * 80_000 + "a\n" + PROSE * 3 + "\n").encode("utf-8")
    pages["footer_account_openers_20k"] = (HEAD + PROSE * 3 + "\n版权所有 某某网\n来源:" + "公众号“" * 20_000 + "\n").encode("utf-8")
    pages["place_name_25k"] = (HEAD + PROSE + "\n" + "北京" * 25_000 + "\n" + PROSE * 2 + "\n").encode("utf-8")
    quotes = ["某" * 12 + "".join(r.choice("ab") for _ in range(985)) + "。" for _ in range(4)]
    source = "".join(r.choice("ab某") for _ in range(19_990))
    pages["quote_matching_4x8"] = (HEAD + PROSE + "\n" + "\n".join(source[: 19_990 - k] for k in range(8)) + "\n"
                                   + "\n".join(quotes) + "\n" + PROSE * 2 + "\n").encode("utf-8")
    hant = "網絡安全與信息化工作會議強調要堅持統籌協調推動高質量發展這是一個測試"
    line = "".join(r.choice(hant) for _ in range(600)) + "。"
    pages["hant_5mb"] = (HEAD + (line + "\n") * (5_000_000 // len((line + "\n").encode("utf-8")))).encode("utf-8")
    # found by a second reviewer of the 2026-12-03 changes
    pages["pinyin_run_20k"] = _page(")" + "ǎ" * 20_000)
    pages["pinyin_letters_20k"] = _page("aā" * 10_000)
    pages["photo_credit_20k_spaces"] = ("某省网信办召开网络安全工作会议\n2023-05-06\n本报讯(记者 张三 李四)" + PROSE + "\n摄影"
                                        + " " * 20_000 + "。" + PROSE + "\n" + PROSE * 2 + "\n").encode("utf-8")
    pages["reading_time_lines"] = (HEAD + PROSE + "\n" + ("阅读需要" + " " * 990 + "1\n") * 2000 + PROSE * 2 + "\n").encode("utf-8")
    pages["phrase_lines_8000"] = (HEAD + "".join(f"item{k} x\n" for k in range(8000))).encode("utf-8")
    pages["pull_quote_candidates_4000"] = (HEAD + PROSE * 3 + "\n" + "".join("某" * 14 + f"{k}。\n" for k in range(4000))).encode("utf-8")
    pages["announcement_title_no_dash"] = ("《人民日报》头版刊文\n2023-05-06\n" + PROSE * 3 + "\n").encode("utf-8")
    return pages


#: Pages the parser may refuse, with the stage it must name; every other page must give a record.
EXPECTED_REJECTS = {"lines_100k": "segment", "phrase_lines_8000": "segment"}
