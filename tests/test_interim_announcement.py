"""An English interim announcement as HK issuers publish it (the disclaimer on top, the English
name over the Chinese one) and a Chinese story that rounds it and quotes an analyst's forecast."""

from __future__ import annotations

import pytest
from conftest import ingested

from assistant import Assistant

ANNOUNCEMENT = """Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no
responsibility for the contents of this announcement, make no representation as to its accuracy
or completeness and expressly disclaim any liability whatsoever for any loss howsoever arising
from or in reliance upon the whole or any part of the contents of this announcement.

HARBOURLINE BAKERY HOLDINGS LIMITED
港灣線餅店控股有限公司
(Stock Code: 3421)

ANNOUNCEMENT OF INTERIM RESULTS FOR THE SIX MONTHS ENDED 30 JUNE 2025

FINANCIAL HIGHLIGHTS

                                  Six months ended 30 June
                                    2025          2024      Change
                                HK$'000       HK$'000
Revenue                         640,350       598,120        7.1%
Gross profit margin               61.8%         60.9%   0.9 ppt

The Group launched online ordering for cakes in March 2025. Profit for the period was HK$41.9
million, of which profit
attributable to owners of the Company was HK$38.7 million.

As at 30 June 2025, the Group had a net cash position of HK$98.4 million
(31 December 2024: HK$85.2 million).

For the year ended 31 December 2024, the Group recorded profit attributable to owners of the
Company of HK$52.6 million.

Our ovens ran an average of 2,148 hours in 2024. According to published data,
Northstar Ovens Holdings Limited recorded average utilisation hours of 2,231 in 2024.
"""

NEWS = """<html><head><title>港灣線中期收入增7% 分析師看好全年</title></head><body>
<h1>港灣線中期收入增7% 分析師看好全年</h1>
<p>2025年8月20日　財經組</p>
<p>本地餅店港灣線餅店控股（3421）公布截至2025年6月30日止六個月中期業績，收入約6.4億港元。</p>
<p>按地區劃分，香港、澳門及內地收入分別為約4.1億港元、0.9億港元及1.4億港元。</p>
<p>內地業務佔集團收入比重升至約22%。</p>
<p>期內，烘焙分部收入為3.2億港元，飲品分部收入為1.1億港元，其他分部收入為0.5億港元。</p>
<p>翻查資料，港灣線2024年全年股東應佔溢利約5,260萬港元。</p>
<p>分析師指出，預計集團2025年全年純利約6,100萬港元，維持買入評級。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {"harbourline-interim-results-2025.txt": ANNOUNCEMENT, "harbourline-news-2025.html": NEWS}
    return ingested(tmp_path_factory.mktemp("interim"), documents)


def test_the_english_and_chinese_names_under_the_disclaimer_are_one_company(assistant: Assistant) -> None:
    subjects = assistant.lexicon.subjects
    assert subjects["harbourline-interim-results-2025"] == subjects["harbourline-news-2025"]


def test_a_storys_rounding_gives_way_to_the_filings_figure_in_another_language(assistant: Assistant) -> None:
    answer = assistant.ask("港灣線2024年全年股東應佔溢利是多少？")
    assert [f["value"] for f in answer.figures] == ["52600000"], answer.text


def test_an_analysts_forecast_is_no_result(assistant: Assistant) -> None:
    answer = assistant.ask("港灣線2025年全年純利是多少？")
    assert answer.abstained, answer.text
    verdict = assistant.check("港灣線2025年全年純利為6,100萬港元。")
    assert verdict.label == "not_enough_info", verdict.explanation


def test_a_peers_figure_in_the_filing_supports_nothing_about_the_company(assistant: Assistant) -> None:
    verdict = assistant.check("Harbourline's average utilisation hours were 2,231 in 2024.")
    assert verdict.label != "supported", verdict.explanation


def test_a_table_under_a_span_line_reads_halves_and_points(assistant: Assistant) -> None:
    answer = assistant.ask("What was Harbourline's gross profit margin for the six months ended 30 June 2025?")
    assert [f["value"] for f in answer.figures] == ["61.8"], answer.text


def test_figures_given_respectively_answer_for_their_own_part(assistant: Assistant) -> None:
    answer = assistant.ask("港灣線2025年上半年內地收入是多少？")
    assert [f["value"] for f in answer.figures] == ["140000000"], answer.text


def test_a_part_the_documents_never_name_is_neither_answered_nor_judged(assistant: Assistant) -> None:
    answer = assistant.ask("What percentage of Harbourline's H1 2025 revenue came from online orders?")
    assert answer.abstained, answer.text
    verdict = assistant.check("Online sales accounted for 15% of Harbourline's revenue in the first half of 2025.")
    assert verdict.label == "not_enough_info", verdict.explanation


def test_a_sum_of_the_segments_a_claim_names_is_computed(assistant: Assistant) -> None:
    verdict = assistant.check("港灣線2025年上半年烘焙及飲品兩個分部收入合計4.3億港元。")
    assert verdict.label == "supported", verdict.explanation
    assert "其他" not in verdict.explanation  # the segment the claim does not name is left out
    assert assistant.check("港灣線2025年上半年烘焙及飲品兩個分部收入合計4.8億港元。").label == "refuted"


def test_a_change_since_a_date_is_computed_to_the_latest_figure(assistant: Assistant) -> None:
    verdict = assistant.check("港灣線的淨現金由2024年底起計增加約1,320萬港元。")
    assert verdict.label == "supported", verdict.explanation
    assert "85.2" in verdict.explanation and "98.4" in verdict.explanation


def test_the_owners_share_of_profit_is_a_figure_of_its_own(assistant: Assistant) -> None:
    answer = assistant.ask("What was Harbourline's profit attributable to owners of the Company in H1 2025?")
    assert [f["value"] for f in answer.figures] == ["38700000"], answer.text
    answer = assistant.ask("What was Harbourline's profit for the period in H1 2025?")
    assert [f["value"] for f in answer.figures] == ["41900000"], answer.text
    verdict = assistant.check("港灣線2025年上半年股東應佔溢利為4,190萬港元。")
    assert verdict.label == "refuted", verdict.explanation


def test_net_profit_is_answered_by_the_owners_share_when_that_is_all_there_is(assistant: Assistant) -> None:
    answer = assistant.ask("港灣線2024年全年純利是多少？")
    assert [f["value"] for f in answer.figures] == ["52600000"], answer.text
