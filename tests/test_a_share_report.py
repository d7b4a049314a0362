"""An A-share half-year report summary as the exchanges publish it (an HTML table of 本報告期 /
上年同期 / 增減 columns, lines of business under headings, a plan for the second half) and an
English wire story that names no year."""

from __future__ import annotations

import pytest
from conftest import ingested

from assistant import Assistant
from assistant.figures import parse_figures

REPORT = """<html><head><title>北川仓储物流股份有限公司2025年半年度报告摘要</title></head><body>
<p>证券代码：003321　　证券简称：北川仓储</p>
<h1>北川仓储物流股份有限公司2025年半年度报告摘要</h1>
<table>
<tr><th></th><th>本报告期</th><th>上年同期</th><th>本报告期比上年同期增减</th></tr>
<tr><td>营业收入（元）</td><td>912,450,000.00</td><td>830,100,000.00</td><td>9.92%</td></tr>
<tr><td>归属于上市公司股东的净利润（元）</td><td>61,200,000.00</td><td>55,800,000.00</td><td>9.68%</td></tr>
<tr><td>经营活动产生的现金流量净额（元）</td><td>98,300,000.00</td><td>120,400,000.00</td><td>-18.36%</td></tr>
<tr><td>加权平均净资产收益率</td><td>4.21%</td><td>4.02%</td><td>增加0.19个百分点</td></tr>
</table>
<table>
<tr><th></th><th>本报告期末</th><th>上年度末</th><th>本报告期末比上年度末增减</th></tr>
<tr><td>总资产（元）</td><td>3,405,000,000.00</td><td>3,210,000,000.00</td><td>6.07%</td></tr>
</table>
<p>仓储业务：报告期内实现营业收入45,622.50万元，占公司营业收入的50.00%；该业务毛利率为30.10%，较上年同期增加1.20个百分点。</p>
<p>运输业务：报告期内实现营业收入27,373.50万元，占公司营业收入的30.00%；该业务毛利率为10.50%，较上年同期减少0.80个百分点。</p>
<p>配送业务：报告期内实现营业收入18,249.00万元，占公司营业收入的20.00%。</p>
<p>报告期内，公司将华东地区以外的冷库委托第三方运营。</p>
<p>报告期内，位于武汉市的武汉冷库（库容5.2万吨）于4月投入运营，位于昆明市的昆明冷库（库容3.1万吨）于6月投入运营。</p>
<p>报告期内，公司前五名客户合计销售金额为20,000.00万元，占营业收入的比例为21.92%。</p>
<p>2022年至2024年，研发开支分别为1.00亿元、1.20亿元及1.10亿元。</p>
<p>报告期内，公司完成向特定对象发行股票，募集资金总额为30,000.00万元，募集资金净额为29,400.00万元。</p>
<p>2025年下半年，公司计划新增新能源货车200辆，力争2025年全年实现营业收入不低于19亿元。</p>
<p>同业对比方面，南港物流（601234.SH）披露，该公司上半年归属于上市公司股东的净利润为7,350万元。</p>
</body></html>
"""

STORY = """Beichuan Storage first-half profit rises

SHANGHAI, Aug 28 (Wire) - Beichuan Storage Logistics Co Ltd (003321.SZ) said first-half profit
rose 9.7%.

Revenue climbed 9.9% to about 912 million yuan from 830 million yuan in the same period of 2024.

Operating cash flow, however, fell 18.4% to 98.3 million yuan.

On 19 June 2025, the company signed a ten-year lease with Qiandao Port Holdings for a bonded cold store.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {"beichuan-2025-semiannual.html": REPORT, "beichuan-news-2025.txt": STORY}
    return ingested(tmp_path_factory.mktemp("ashare"), documents)


def test_a_half_year_report_names_its_period_in_its_title(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储2025年上半年归属于上市公司股东的净利润是多少？")
    assert [f["value"] for f in answer.figures] == ["61200000"], answer.text


def test_the_end_of_the_reporting_period_is_a_balance_date(assistant: Assistant) -> None:
    answer = assistant.ask("北川倉儲2025年6月末的總資產是多少？")
    assert [f["value"] for f in answer.figures] == ["3405000000"], answer.text


def test_return_on_equity_is_a_metric(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储2025年半年度加权平均净资产收益率是多少？")
    assert [f["value"] for f in answer.figures] == ["4.21"], answer.text


def test_a_change_column_between_two_periods_is_a_change_to_the_latest(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储2025年上半年经营活动产生的现金流量净额同比增长18.36%。")
    assert verdict.label == "refuted", verdict.explanation


def test_lines_under_headings_are_summed_as_the_claim_names_them(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储2025年上半年运输与配送两项业务合计收入占营业收入的比例低于四成。")
    assert verdict.label == "refuted", verdict.explanation  # 30.00% + 20.00% = 50%
    assert "仓储业务" not in verdict.explanation
    verdict = assistant.check("北川仓储2025年上半年仓储与运输两项业务合计收入超过7亿元。")
    assert verdict.label == "supported", verdict.explanation


def test_a_plan_is_neither_a_result_nor_a_fact(assistant: Assistant) -> None:
    assert assistant.ask("北川仓储2025年全年营业收入是多少？").abstained
    verdict = assistant.check("北川仓储2025年下半年新增了200辆新能源货车。")
    assert verdict.label == "not_enough_info", verdict.explanation


def test_a_peer_named_with_its_listing_code_is_another_company(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储2025年上半年归属于上市公司股东的净利润为7,350万元。")
    assert verdict.label == "refuted", verdict.explanation


def test_what_a_source_takes_out_is_not_what_a_claim_puts_in(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储将华东地区的冷库委托第三方运营。")
    assert verdict.label == "refuted", verdict.explanation


def test_a_story_without_a_year_reports_the_half_its_file_is_dated_in(assistant: Assistant) -> None:
    assert assistant.lexicon.periods["beichuan-news-2025"] == "2025H1"
    answer = assistant.ask("What was Beichuan Storage's operating cash flow in the first half of 2025?")
    assert [f["value"] for f in answer.figures] == ["98300000"], answer.text


def test_a_level_after_a_qualified_to_takes_the_current_period() -> None:
    text = "Revenue climbed 9.9% to about 912 million yuan from 830 million yuan in the same period of 2024."
    got = [(f.text, f.period) for f in parse_figures(text, anchor="2025H1")]
    assert got == [("9.9%", "2025H1"), ("912 million yuan", "2025H1"), ("830 million yuan", "2024H1")]


def test_a_list_ends_where_the_kind_of_figure_changes() -> None:
    text = "2022年至2024年，研发开支分别为6.10亿元、7.20亿元及6.80亿元，三年累计逾20亿元。"
    got = [(f.text, f.period) for f in parse_figures(text)][:3]
    assert got == [("6.10亿元", "2022"), ("7.20亿元", "2023"), ("6.80亿元", "2024")]


def test_a_figure_is_not_put_in_another_items_clause(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储库容5.2万吨的冷库位于昆明。")
    assert verdict.label != "supported", verdict.explanation
    assert assistant.check("北川仓储库容5.2万吨的冷库位于武汉。").label == "supported"


def test_the_amount_before_a_share_leaves_it_the_customers_share(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储2025年上半年前五名客户销售额占营业收入的比例是多少？")
    assert [f["value"] for f in answer.figures] == ["21.92"], answer.text


def test_words_of_the_english_name_narrow_nothing(assistant: Assistant) -> None:
    # "Storage" is the company's name here, not its storage business line.
    answer = assistant.ask("What was Beichuan Storage's operating revenue in the first half of 2025?")
    assert [f["value"] for f in answer.figures] == ["912450000"], answer.text


def test_a_change_from_one_year_to_another_is_computed_to_the_later(assistant: Assistant) -> None:
    verdict = assistant.check("Beichuan Storage's R&D expenses rose by about 20% from 2022 to 2023.")
    assert verdict.label == "supported", verdict.explanation
    assert assistant.check("Beichuan Storage's R&D expenses rose by about 30% from 2022 to 2023.").label == "refuted"


def test_a_change_asked_against_a_period_is_the_change_to_the_other(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储2025年上半年加权平均净资产收益率较2024年上半年提升了多少个百分点？")
    assert [f["value"] for f in answer.figures] == ["0.19"], answer.text


def test_a_question_about_a_peer_company_is_answered_for_the_peer(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储报告中提到的同业公司南港物流，上半年归属于上市公司股东的净利润是多少？")
    assert [f["value"] for f in answer.figures] == ["73500000"], answer.text


def test_an_events_day_lies_within_the_month_a_claim_names(assistant: Assistant) -> None:
    verdict = assistant.check("Beichuan Storage signed a ten-year lease with Qiandao Port Holdings in June 2025.")
    assert verdict.label == "supported", verdict.explanation
    verdict = assistant.check("Beichuan Storage signed a ten-year lease with Qiandao Port Holdings in June 2024.")
    assert verdict.label != "supported", verdict.explanation


def test_a_lines_heading_bears_on_the_change_under_it(assistant: Assistant) -> None:
    verdict = assistant.check("北川仓储运输业务毛利率较上年同期下降。")
    assert verdict.label == "supported", verdict.explanation
    assert "0.80" in verdict.explanation
    assert assistant.check("北川仓储运输业务毛利率较上年同期上升。").label == "refuted"


def test_gross_proceeds_are_not_answered_with_the_net(assistant: Assistant) -> None:
    answer = assistant.ask("北川仓储2025年上半年向特定对象发行股票的募集资金总额是多少？")
    assert [f["value"] for f in answer.figures] == ["300000000"], answer.text
    answer = assistant.ask("北川仓储2025年上半年向特定对象发行股票的募集资金净额是多少？")
    assert [f["value"] for f in answer.figures] == ["294000000"], answer.text
