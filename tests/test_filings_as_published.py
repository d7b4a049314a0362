"""Filings as exchanges publish them: the exchange's disclaimer on top, a stock code, the unit on a
line of its own, a corporate-information block; and a news story that rounds the same figures."""

from __future__ import annotations

import pytest
from conftest import ingested

from assistant import Assistant

ANNOUNCEMENT = """香港交易及結算所有限公司及香港聯合交易所有限公司對本公告之內容概不負責。

雪嶺食品控股有限公司
Snowpeak Foods Holdings Limited
（股份代號：3318）

截至2024年12月31日止年度之年度業績公告

財務摘要
                          2024年           2023年        變動
                       人民幣千元       人民幣千元
收入                    4,512,337        3,980,120       +13.4%
本公司擁有人應佔年內利潤   388,214          301,556       +28.7%

按地區劃分，海外收入約為人民幣210.5百萬元，同比增長35.0%。
本集團計劃於2025年新開自營門店約120家。

**核數師**

明信會計師事務所有限公司
"""

NEWS = """Snowpeak results beat forecasts

Snowpeak Foods said revenue rose 13.4% to RMB4.51 billion in 2024, while profit attributable
to shareholders climbed 28.7% to RMB388.2 million.
"""

OTHER = """北岸物流控股有限公司
（股份代號：6628）
2024年，本集團收入為人民幣9.80億元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {
        "snowpeak-results-2024.txt": ANNOUNCEMENT,
        "snowpeak-news-2025.txt": NEWS,
        "beian-results-2024.txt": OTHER,
    }
    return ingested(tmp_path_factory.mktemp("published"), documents)


def test_a_stock_code_names_the_company_and_states_no_figure(assistant: Assistant) -> None:
    answer = assistant.ask("3318.HK 2024年收入是多少？")
    first = answer.text.splitlines()[0]
    assert not answer.abstained and "4,512,337" in first, answer.text
    assert "6628" not in answer.text and "9.8" not in first


def test_the_filings_exact_figure_is_quoted_over_a_storys_rounding(assistant: Assistant) -> None:
    answer = assistant.ask("What was Snowpeak's profit attributable to shareholders in 2024?")
    assert [f["value"] for f in answer.figures] == ["388214000"], answer.text


def test_a_plan_answers_no_question_about_what_happened(assistant: Assistant) -> None:
    answer = assistant.ask("雪嶺食品2025年實際新開了多少家自營門店？")
    assert answer.abstained and "計劃" in answer.text  # it says what the documents hold: a plan


def test_a_heading_is_answered_with_the_line_under_it(assistant: Assistant) -> None:
    answer = assistant.ask("雪嶺食品的核數師是誰？")
    assert not answer.abstained and "明信會計師事務所" in answer.text


def test_a_claim_about_a_part_is_not_borne_out_by_the_total(assistant: Assistant) -> None:
    verdict = assistant.check("雪嶺食品2024年海外收入逾40億元人民幣。")
    assert verdict.label == "refuted" and "210.5" in verdict.explanation, verdict.explanation
