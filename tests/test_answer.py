"""Figure answers: the figure for the asked company and period, derived ones with their arithmetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant

REPORT = """北辰科技股份有限公司2024年業績公告

2024財年，本集團收入為人民幣12.50億元，較2023財年的人民幣9.80億元增長27.6%。
毛利率由31.0%上升2.5個百分點至33.5%。
截至2024年6月30日止六個月，本集團收入為人民幣5.20億元。
對比同期南山電子35.1%的毛利率，本集團仍有差距。
本次全球發售擬發行50,000,000股H股，其中香港公開發售5,000,000股。招股價介乎每股12.00至14.50港元。
以發行後總股本約4.2億股計算，上市市值約50億港元。
董事會表示，集團計劃2025年淨增門店30至40間。
截至2024年12月31日，本集團已簽訂銷售合同42份,總金額達8.60億元,其中有約束力的訂單約3.20億元。

按業務劃分的收入（人民幣百萬元） 2024年 2023年
晶片銷售 880.0 700.0
雲服務 370.0 280.0
合計 1,250.0 980.0
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root: Path = tmp_path_factory.mktemp("answer")
    (root / "docs").mkdir()
    (root / "docs" / "beichen-results-2024.txt").write_text(REPORT, encoding="utf-8")
    a = Assistant.open(root / "index")
    a.ingest([root / "docs"])
    return a


def test_the_figure_for_the_asked_period(assistant: Assistant) -> None:
    answer = assistant.ask("北辰科技2024年收入是多少？")
    assert not answer.abstained and answer.text.startswith("北辰")
    assert [f["value"] for f in answer.figures] == ["1250000000"]


def test_a_second_half_is_the_year_less_the_first_half(assistant: Assistant) -> None:
    answer = assistant.ask("北辰科技2024年下半年收入是多少？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "7.3亿元" in first.replace("億", "亿") and "−" in first
    assert len(answer.citations) == 2


def test_a_level_question_is_not_answered_with_a_change(assistant: Assistant) -> None:
    answer = assistant.ask("北辰科技2024年毛利率是多少？")
    assert "33.5%" in answer.text.splitlines()[0] and "個百分點" not in answer.text.splitlines()[0]


def test_a_year_the_documents_do_not_give_is_abstained_with_what_they_do_give(assistant: Assistant) -> None:
    answer = assistant.ask("北辰科技2021年收入是多少？")
    assert answer.abstained and "2024" in answer.text and not answer.citations


def test_a_line_of_a_breakdown_answers_only_a_question_that_names_it(assistant: Assistant) -> None:
    part = assistant.ask("北辰科技2024年雲服務收入是多少？")
    assert "3.7亿元" in part.text.replace("億", "亿").splitlines()[0] or "370" in part.text.splitlines()[0]
    assert "雲服務" in part.text.splitlines()[0]
    whole = assistant.ask("What was Beichen's revenue in 2024?")
    assert "1,250,000,000" in whole.text.splitlines()[0]


def test_an_english_question_names_a_line_of_a_chinese_table_through_the_dictionary(assistant: Assistant) -> None:
    answer = assistant.ask("How much revenue did Beichen's chip sales bring in in 2024?")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "晶片銷售" in first and "880" in first


def test_a_total_is_not_answered_with_the_part_after_qizhong(assistant: Assistant) -> None:
    answer = assistant.ask("北辰科技已簽訂的銷售合同總金額是多少？")
    assert "8.60億元" in answer.text.splitlines()[0]
    binding = assistant.ask("北辰科技有約束力的訂單金額是多少？")
    assert "3.20億元" in binding.text.splitlines()[0]


def test_a_claim_that_gives_a_part_as_the_whole_is_refuted(assistant: Assistant) -> None:
    assert assistant.check("北辰科技2024年收入為3.70億元。").label == "refuted"
    assert assistant.check("北辰科技2024年雲服務收入為3.70億元。").label == "supported"


def test_shares_offered_and_the_share_capital_after_it_are_told_apart(assistant: Assistant) -> None:
    offered = assistant.ask("北辰科技本次共發行多少股？")
    assert "50,000,000股" in offered.text.splitlines()[0]
    after = assistant.ask("北辰科技發行後總股本是多少？")
    assert "4.2億股" in after.text.splitlines()[0]


def test_a_range_is_quoted_whole_and_is_not_a_final_figure(assistant: Assistant) -> None:
    price = assistant.ask("北辰科技H股招股價是每股多少港元？")
    assert not price.abstained and "12.00至14.50港元" in price.text.splitlines()[0]
    final = assistant.ask("北辰科技H股最終定價是每股多少港元？")
    assert final.abstained and "12.00至14.50港元" in final.text and "最終定價" in final.text


def test_a_multiple_of_one_line_of_a_breakdown_over_another_is_computed(assistant: Assistant) -> None:
    verdict = assistant.check("北辰科技2024年晶片銷售收入是雲服務收入的兩倍以上。")
    assert verdict.label == "supported" and "÷" in verdict.explanation, verdict.explanation
    assert "晶片銷售" in verdict.explanation and "雲服務" in verdict.explanation
    assert assistant.check("北辰科技2024年晶片銷售收入是雲服務收入的三倍。").label == "refuted"


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ('Mr. Qiu Zhenhai, Chairman of the Board, said: "Storage is our second engine."', True),
        ("公司创始人、董事长兼首席执行官林启航博士毕业于斯坦福大学。", True),
        ("壁仞科技的創業故事,始于創始人張文的一次跨界抉擇。", True),
        ("Chairman", False),
        ("于是離職,2019年9月在上海創立壁仞科技。", False),
    ],
)
def test_who_questions_prefer_a_sentence_that_names_a_person(sentence: str, person: bool) -> None:
    from assistant.answer import names_person

    assert names_person(sentence) is person


def test_a_plan_answers_a_question_about_the_plan_but_not_about_what_happened(assistant: Assistant) -> None:
    outcome = assistant.ask("北辰科技2025年淨增門店多少間？")
    assert outcome.abstained and "淨增門店30至40間" in outcome.text
    plan = assistant.ask("北辰科技計劃2025年淨增多少間門店？")
    assert not plan.abstained and "30至40間" in plan.text.splitlines()[0]


def test_a_sum_of_named_lines_of_a_breakdown_is_computed(assistant: Assistant) -> None:
    verdict = assistant.check("北辰科技2024年晶片銷售及雲服務兩個業務合計收入約12.5億元。")
    assert verdict.label == "supported" and "+" in verdict.explanation, verdict.explanation
    assert assistant.check("北辰科技2024年晶片銷售及雲服務兩個業務合計收入約15億元。").label == "refuted"


def test_a_claimed_change_in_amount_is_the_difference_of_the_two_levels(assistant: Assistant) -> None:
    verdict = assistant.check("北辰科技2024年收入較2023年增加約2.7億元。")
    assert verdict.label == "supported" and "−" in verdict.explanation, verdict.explanation
    assert assistant.check("北辰科技2024年收入較2023年增加約3.5億元。").label == "refuted"
    assert assistant.check("北辰科技2024年收入較2023年減少約2.7億元。").label == "refuted"
