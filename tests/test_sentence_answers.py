"""Questions no metric of the glossary names are answered by a sentence; its figure must still
be of the asked company and period."""

from __future__ import annotations

import pytest
from conftest import ingested

from assistant import Assistant

REPORT = """海澄物流股份有限公司
2025年年度报告摘要

公司是一家冷链仓储及配送企业，总部位于广州。

截至2025年12月31日，公司研发团队共120人，占公司总人数的比例为8.6%。上年末，海澄物流研发人员有98人。

2025年7月，公司宣布收购Harbour Reef Logistics Sdn. Bhd.七成股权，代价为人民币2.1亿元，预计于2026年上半年完成。

报告期内，公司实现营业收入15.2亿元，同比增长12.4%。公司前五名客户销售额6.3亿元，占年度销售总额41.4%。

于2025年12月31日，公司现金及现金等价物为3.2亿元（2024年12月31日：2.5亿元）。

2025年，除香港以外地区的客户贡献收入9.1亿元。
"""

STORY = """海澄物流去年收入增逾一成

2026年3月30日

冷链物流企业海澄物流公布2025年业绩，收入约15.2亿元。2025年，同业海运达物流（2468）仓库的平均使用率为81.3%。海澄物流2025年冷库平均使用率为87.4%，高于2024年的84.0%。期内公司冷藏车队规模为320辆。2025年，海澄物流海外收入约2.1亿元，同比增长18.0%，新增客户主要分布在东南亚。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {"haicheng-annual-report-2025.txt": REPORT, "haicheng-news-2026.txt": STORY}
    return ingested(tmp_path_factory.mktemp("sentences"), documents)


def test_the_years_count_not_the_year_befores(assistant: Assistant) -> None:
    answer = assistant.ask("截至2025年末，海澄物流研发人员有多少人？")
    assert answer.text.startswith("120人"), answer.text


def test_a_year_no_sentence_states_abstains(assistant: Assistant) -> None:
    answer = assistant.ask("海澄物流2023年末的研发人员数量是多少？")
    assert answer.abstained, answer.text


def test_a_peers_rate_is_no_answer(assistant: Assistant) -> None:
    answer = assistant.ask("2025年海澄物流仓库的平均使用率是多少？")
    assert not answer.abstained, answer.text
    assert "87.4%" in answer.text.split("\n")[0], answer.text


def test_a_company_being_bought_is_asked_about(assistant: Assistant) -> None:
    answer = assistant.ask("海澄物流拟收购的Harbour Reef Logistics在2024年的收入是多少？")
    assert answer.abstained, answer.text


def test_a_story_reports_on_the_year_whose_results_it_names(assistant: Assistant) -> None:
    # Dated 2026年3月30日, "公布2025年业绩": its 期内 is 2025.
    answer = assistant.ask("2025年海澄物流冷藏车队有多少辆？")
    assert [f["value"] for f in answer.figures] == ["320"], answer.text


def test_sales_to_the_top_five_customers_are_their_own_amount(assistant: Assistant) -> None:
    # The amount before "占年度销售总额" is what the customers bought, not the company's revenue.
    answer = assistant.ask("海澄物流2025年前五名客户销售额是多少？")
    assert [f["value"] for f in answer.figures] == ["630000000"], answer.text
    answer = assistant.ask("What were Haicheng Logistics' revenue in 2025?")
    assert [f["value"] for f in answer.figures] == ["1520000000"], answer.text
    verdict = assistant.check("海澄物流2025年前五名客户销售额占年度销售总额的41.4%。")
    assert verdict.label == "supported", verdict.explanation


def test_a_region_named_after_the_figures_clause_is_not_its_region(assistant: Assistant) -> None:
    answer = assistant.ask("海澄物流2025年东南亚市场收入是多少？")
    assert answer.abstained, answer.text
    answer = assistant.ask("海澄物流2025年海外收入是多少？")
    assert [f["value"] for f in answer.figures] == ["210000000"], answer.text


def test_a_region_no_figure_names_abstains_in_english(assistant: Assistant) -> None:
    answer = assistant.ask("How much revenue did Haicheng Logistics generate in Singapore in 2025?")
    assert answer.abstained, answer.text


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("海澄物流年末现金及现金等价物较上年末增加约0.7亿元。", "supported"),
        ("海澄物流年末现金及现金等价物较上年末增加约1.7亿元。", "refuted"),
        ("海澄物流年末现金及现金等价物较上年末减少约0.7亿元。", "refuted"),
    ],
)
def test_a_change_by_an_amount_is_computed_from_the_two_levels(assistant: Assistant, claim: str, label: str) -> None:
    # 年末 and 上年末 are the year-ends of the year the company's documents report on.
    verdict = assistant.check(claim)
    assert verdict.label == label, verdict.explanation
    assert "3.2亿元" in verdict.explanation and "2.5亿元" in verdict.explanation, verdict.explanation


def test_a_region_a_figure_leaves_out_is_not_its_region(assistant: Assistant) -> None:
    # "除香港以外地区的客户贡献收入9.1亿元" is everywhere but Hong Kong.
    answer = assistant.ask("海澄物流2025年香港地区收入是多少？")
    assert answer.abstained, answer.text
