"""A Hong Kong results announcement for a fiscal year that ends in March (Markdown tables in
港幣千元, lines of business, roles given 分別) and a mainland story about it that names the
company with its English name and code, a peer by a Cantonese spelling, and an analyst's
forecast that runs over several clauses."""

from __future__ import annotations

import pytest
from conftest import ingested

from assistant import Assistant
from assistant.figures import parse_periods

RESULTS = """Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no
responsibility for the contents of this announcement.

# 金峰麵家控股有限公司
# KAM FUNG NOODLE HOLDINGS LIMITED
（於開曼群島註冊成立的有限公司）
（股份代號：2811）

## 截至2025年3月31日止年度之全年業績公告

本公司股份於香港聯合交易所有限公司主板上市。

### 綜合損益表

| 港幣千元 | 2025年 | 2024年 |
| --- | --- | --- |
| 收益 | 1,100,000 | 1,000,000 |
| 除稅前溢利 | 110,000 | 90,000 |
| 年內溢利 | 92,000 | 75,000 |

### 分部收益

| 港幣千元 | 2025年 | 2024年 |
| --- | --- | --- |
| 香港零售 | 700,000 | 680,000 |
| 中國內地零售 | 250,000 | 200,000 |
| 批發 | 150,000 | 120,000 |
| 總計 | 1,100,000 | 1,000,000 |

本年度，本集團收益較上年度增長10.0%。香港零售分部收益增長2.9%至港幣700.0百萬元。
中國內地零售分部收益由港幣200.0百萬元增長25.0%至港幣250.0百萬元。

於2025年3月31日，本集團共經營150間門店（2024年3月31日：140間），其中香港100間（2024年3月31日：96間）、中國內地50間（2024年3月31日：44間）。

本年度，本公司主席及行政總裁的角色分別由張金峰先生及李慧雯女士擔任。
"""

STORY = """金峰面家2025财年收益增一成 内地零售增长两成半

2025年7月8日 财经观察

港股面食连锁企业金峰面家(Kam Fung Noodle,02811)公布截至2025年3月底的财年业绩，全年收益约11亿港元，同比增长10%。

2025财年，公司内地零售收益约2.5亿港元，同比增幅25%。毛利率由上一财年的50.1%提升至51.3%。

同样以3月底为财年年结日的本地连锁永利粉面（Wing Lee Foods），2025财年收益约8.6亿港元，毛利率约48.2%。

某证券分析师预测，金峰面家2026财年收益可达约12.1亿港元，股东应占溢利约1.05亿港元。
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {"kamfung-annual-results-2025.md": RESULTS, "kamfung-news-2025.txt": STORY}
    return ingested(tmp_path_factory.mktemp("marchfy"), documents)


def test_a_fiscal_year_is_named_by_the_year_it_ends_in() -> None:
    assert [p.id for p in parse_periods("截至2025年3月底的财年")] == ["2025"]
    assert [p.id for p in parse_periods("in the year ended 31 March 2024?")] == ["2024"]
    assert [p.id for p in parse_periods("截至2025年3月底，门店")] == ["2025-03-31"]


def test_a_name_with_its_english_name_and_code_is_the_filers(assistant: Assistant) -> None:
    lexicon = assistant.lexicon
    assert lexicon.in_query("Kam Fung Noodle revenue") == lexicon.in_query("金峰麵家收益")
    assert lexicon.subjects["kamfung-news-2025"] == lexicon.subjects["kamfung-annual-results-2025"]


def test_a_peer_spelt_in_cantonese_is_a_company_of_its_own(assistant: Assistant) -> None:
    verdict = assistant.check("Kam Fung Noodle's gross margin for fiscal 2025 was about 48.2%.")
    assert verdict.label != "supported", verdict.explanation
    answer = assistant.ask("What was Wing Lee Foods' revenue for fiscal 2025?")
    assert [f["value"] for f in answer.figures] == ["860000000"], answer.text


def test_a_company_no_document_names_gets_no_figure(assistant: Assistant) -> None:
    answer = assistant.ask("What revenue did Meisi Foods Group report for fiscal 2025?")
    assert answer.abstained, answer.text


def test_what_an_analyst_goes_on_to_list_is_forecast_too(assistant: Assistant) -> None:
    verdict = assistant.check("金峰麵家2026財年股東應佔溢利約1.05億港元。")
    assert verdict.label == "not_enough_info", verdict.explanation
    assert "forecast" in verdict.explanation


def test_a_margin_is_computed_from_profit_over_revenue(assistant: Assistant) -> None:
    verdict = assistant.check("Kam Fung Noodle's pre-tax profit margin exceeded 12% in the year ended 31 March 2025.")
    assert verdict.label == "refuted", verdict.explanation
    assert "10.0%" in verdict.explanation, verdict.explanation
    assert assistant.check("金峰麵家2025財年除稅前溢利率約為10%。").label == "supported"


def test_a_lines_growth_says_nothing_of_the_wholes(assistant: Assistant) -> None:
    verdict = assistant.check("金峰麵家2025財年收益按年增長逾20%。")
    assert verdict.label == "refuted", verdict.explanation


def test_a_line_stated_twice_is_added_once(assistant: Assistant) -> None:
    verdict = assistant.check("金峰麵家2025財年香港零售及中國內地零售兩個分部合計收益為9.5億港元。")
    assert verdict.label == "supported", verdict.explanation
    assert verdict.explanation.count("+") == 1, verdict.explanation


def test_roles_given_respectively_pair_in_order(assistant: Assistant) -> None:
    assert assistant.check("金峰麵家的主席由李慧雯擔任。").label == "refuted"
    assert assistant.check("金峰麵家的主席由張金峰擔任。").label == "supported"


def test_one_listing_board_rules_out_another(assistant: Assistant) -> None:
    verdict = assistant.check("Kam Fung Noodle's shares are listed on GEM of the Hong Kong Stock Exchange.")
    assert verdict.label == "refuted", verdict.explanation


def test_a_count_question_is_not_answered_with_an_amount(assistant: Assistant) -> None:
    assert assistant.ask("金峰麵家2025財年賣出了多少套餐？").abstained


def test_a_line_no_document_names_is_not_answered_with_the_total(assistant: Assistant) -> None:
    answer = assistant.ask("金峰麵家2025財年北美收益是多少？")
    assert answer.abstained, answer.text
    assert "北美" in answer.text
    assert not assistant.ask("金峰麵家2025財年收益是多少？").abstained


def test_a_list_item_is_its_regions_figure(assistant: Assistant) -> None:
    answer = assistant.ask("截至2025年3月底，金峰面家在香港有多少家门店？")
    assert [f["value"] for f in answer.figures] == ["100"], answer.text
    answer = assistant.ask("截至2024年3月31日，金峰麵家在香港有多少間門店？")
    assert [f["value"] for f in answer.figures] == ["96"], answer.text


def test_the_last_fiscal_year_is_the_year_before(assistant: Assistant) -> None:
    assert [f["value"] for f in assistant.ask("金峰面家2025财年的毛利率是多少？").figures] == ["51.3"]
    assert [f["value"] for f in assistant.ask("金峰面家2024财年的毛利率是多少？").figures] == ["50.1"]


def test_by_how_much_asks_for_the_growth_rate(assistant: Assistant) -> None:
    answer = assistant.ask("By how much did Kam Fung Noodle's revenue grow year on year in fiscal 2025?")
    assert answer.figures and answer.figures[0]["unit"] == "%", answer.text
    assert answer.figures[0]["value"] in ("10", "10.0"), answer.text


def test_an_english_region_no_figure_names_is_not_answered_with_the_total(assistant: Assistant) -> None:
    answer = assistant.ask("What was Kam Fung Noodle's revenue in North America in fiscal 2025?")
    assert answer.abstained, answer.text
    assert "North America" in answer.text
    answer = assistant.ask("What was Kam Fung Noodle's retail revenue in Hong Kong in fiscal 2025?")
    assert [f["value"] for f in answer.figures] == ["700000000"], answer.text


def test_every_word_of_a_line_must_be_met_not_only_its_last(assistant: Assistant) -> None:
    answer = assistant.ask("金峰麵家2025財年冷凍批發分部的收益是多少？")
    assert answer.abstained, answer.text
    assert "冷凍批發分部" in answer.text
    answer = assistant.ask("金峰麵家2025財年批發分部的收益是多少？")
    assert [f["value"] for f in answer.figures] == ["150000000"], answer.text
