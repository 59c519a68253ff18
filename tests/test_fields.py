"""The field table and its runner: what runs is what the table says."""

from __future__ import annotations

import inspect

from policy_corpus import parse
from policy_corpus.parser import fields as F
from policy_corpus.parser.checks import passes
from policy_corpus.parser.header import header_roles
from policy_corpus.parser.page import Found, Page
from policy_corpus.parser.segment import Layout


def _page() -> Page:
    return Page(layout=Layout(header=(), body=(), footer=()), header=header_roles(()), blocks=(), byline=None, reporter=None)


def test_a_refused_candidate_falls_through_with_its_reason() -> None:
    strong = lambda page, found: [Found("记者 张三", "title_from_strong", 0), Found("短", "title_from_strong", 1)]  # noqa: E731
    weak = lambda page, found: Found("某省网信工作会议召开", "title_from_weak", 2)  # noqa: E731
    table = (F.Field("title", (strong, weak), F.C.TITLE_CHECKS),)
    found, refused = F.run(_page(), table)
    assert found["title"] == Found("某省网信工作会议召开", "title_from_weak", 2)
    assert [(r.value, r.reason) for r in refused] == [("记者 张三", "too_short_for_a_headline"), ("短", "too_short_for_a_headline")]


def test_a_rule_sees_the_fields_before_it_and_a_skipped_field_says_why() -> None:
    author = lambda page, found: Found("张三", "author_from_reporter_byline", 3)  # noqa: E731
    post = lambda page, found: Found("某县县委书记", "post_from_post_line", 4)  # noqa: E731
    seen = []
    region = lambda page, found: seen.append(dict(found)) or None  # noqa: E731
    table = (F.Field("author", (author,), F.C.AUTHOR_CHECKS),
             F.Field("post", (post,), F.C.POST_CHECKS, skip=("a_reporter_byline_has_no_post", F._by_reporter)),
             F.Field("regions", (region,), F.C.PRESENT))
    found, refused = F.run(_page(), table)
    assert found["post"] is None and refused[0].reason == "a_reporter_byline_has_no_post"
    assert seen[0]["author"].value == "张三" and seen[0]["post"] is None


def test_every_rule_has_the_one_signature_and_every_check_a_code() -> None:
    for spec in F.FIELDS:
        for rule in spec.rules:
            assert list(inspect.signature(rule).parameters) == ["page", "found"], rule.__name__
        assert all(isinstance(code, str) and code for code, _ in spec.checks)
    assert F.rule_names("time") == F.rule_names("date") and F.rule_names("source_issue") == F.rule_names("source")
    assert passes(F.C.SOURCE_CHECKS, ("人民网-北京频道", None)) == "a_channel_suffix"
    assert passes(F.C.AUTHOR_CHECKS, "未知") == "a_unit_site_or_role_word"
    assert passes(F.C.POST_CHECKS, "某书记主持召开会议") == "not_a_position"


def test_the_card_documents_fields_from_the_table() -> None:
    from policy_corpus.card import _how

    assert _how("title").startswith("`title_from_original_title`, then `title_from_header`; a candidate is refused as")
    assert "a_byline" in _how("title")


def test_header_lines_carry_their_roles() -> None:
    body = "会议强调,要深入学习贯彻网络强国战略思想,切实做好网络安全和信息化各项工作,推动网信事业高质量发展。"
    text = f"首页 > 要闻 > 正文\n某省网信工作会议召开\n2024-01-02 来源:某省日报\n{body}\n{body}\n"
    roles = {role for _, role, _ in header_roles(tuple((i, t) for i, t in enumerate(text.split("\n")[:3]))).roles}
    assert roles == {"chrome", "title", "meta"}
    assert parse(text, id="t").title == "某省网信工作会议召开"


def test_weak_evidence_gives_null_and_an_abstention_flag() -> None:
    """A refused candidate leaves the field null and flags it; a body naming places evenly states no region."""
    body = ("会议指出,要坚持正确政治方向,扎实推进网络综合治理体系建设,不断提升网络空间治理能力和水平。"
            "来自长沙、杭州、成都、西安的代表交流了各自的经验做法,与会同志进行了深入讨论。\n"
            "会议强调,要压实网络意识形态工作责任制,守牢网络安全底线,为高质量发展营造良好网络环境。")
    text = "网络综合治理经验交流会召开\n作者:未知\n2024-03-05 10:20\n" + body
    a = parse(text, id="abstain")
    assert a.author is None and a.regions == []
    assert {"abstained_author", "abstained_regions", "no_author"} <= set(a.flags)
    plain = parse("网络综合治理经验交流会召开\n2024-03-05 10:20\n" + body.replace("长沙、杭州、成都、西安", "雁塔区各街道").replace("会议强调", "西安市雁塔区会议强调"),
                  id="decided")
    assert not {f for f in plain.flags if f.startswith("abstained_")}
    assert [r.name for r in plain.regions] == ["陕西省西安市雁塔区"]
