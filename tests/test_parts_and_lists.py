"""Parts of a whole: lines and regions a list gives figures to, a breakdown of the sentence
before, a part a claim names that no source does, and things a claim ranks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ingested

from assistant import Assistant
from assistant.answer import key_figure
from assistant.entities import _en_names
from assistant.evidence import table_lead
from assistant.figures import document_period, parse_figures
from assistant.retrieve import Query
from assistant.text import tokens
from assistant.verify import _office_of_another

REPORT = """# 翠嶺茶業控股有限公司

## 截至2025年12月31日止年度之年度業績公告

本集團收益增加6.0%至約9.80億港元（2024年：約9.25億港元）。EBITDA約為2.1億港元。

於2025年12月31日，本集團共經營120間門店（2024年12月31日：110間）。按地區劃分，香港有80間（2024年：75間），澳門有15間（2024年：14間），中國內地有25間（2024年：21間）。

本年度香港、澳門及中國內地的同店銷售增長分別為2.1%、5.4%及-3.2%。

中國內地分部仍錄得虧損，分部虧損約為12.4百萬港元（2024年：約15.0百萬港元），虧損較去年收窄。

茶飲業務為本集團最大收入來源，主要受惠於向客戶Hollin Foods供應茶包。

主席何志明先生感謝全體員工。行政總裁陳雅文表示，本集團將繼續擴展大灣區業務。

董事會建議派發末期股息每股4.0港仙，將於2026年6月12日（星期五）派付。
"""


WIRE = """Brightwell Foods profit rises

SHANGHAI, March 20, 2026 - Brightwell Foods Holdings Limited said net profit attributable to
shareholders for 2025 was about 126.6 million yuan ($17.7 million), up 12%. Its shares closed
at HK$3.21, while a day earlier they had traded below HK$3.
"""


RESULTS = """# BRIGHTWELL FOODS HOLDINGS LIMITED

Annual results for the year ended 31 December 2025

Revenue by segment:

| RMB'000 | 2025 | 2024 |
| --- | ---: | ---: |
| Frozen dumplings | 500,000 | 450,000 |
| Sauces | 200,000 | 180,000 |
| Total | 700,000 | 630,000 |
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    documents = {
        "cuiling-annual-results-2025.md": REPORT,
        "brightwell-news-2026.txt": WIRE,
        "brightwell-annual-results-2025.md": RESULTS,
    }
    return ingested(tmp_path_factory.mktemp("parts"), documents)


def test_an_amount_restated_in_another_currency_is_not_the_answer(assistant: Assistant) -> None:
    answer = assistant.ask("What was Brightwell Foods' net profit attributable to shareholders in 2025?")
    assert [f["value"] for f in answer.figures] == ["126600000"], answer.text


def test_a_storys_share_price_is_of_the_day_it_is_dated(assistant: Assistant) -> None:
    answer = assistant.ask("What was Brightwell Foods' share price on 20 March 2026?")
    assert [f["value"] for f in answer.figures] == ["3.21"], answer.text
    assert assistant.ask("What was Brightwell Foods' share price on 19 March 2026?").abstained


def test_an_english_question_about_a_segment_no_figure_names(assistant: Assistant) -> None:
    answer = assistant.ask("What revenue did Brightwell Foods' noodle segment generate in 2025?")
    assert answer.abstained and "noodle segment" in answer.text, answer.text
    answer = assistant.ask("What revenue did Brightwell Foods' sauces segment generate in 2025?")
    assert [f["value"] for f in answer.figures] == ["200000000"], answer.text


def test_a_name_no_document_mentions_is_not_answered_for(assistant: Assistant) -> None:
    answer = assistant.ask("How many Darjeeling stores did 翠嶺茶業 operate at the end of 2025?")
    assert answer.abstained and "Darjeeling" in answer.text, answer.text


def test_a_breakdown_sentence_takes_the_metric_of_the_one_before(assistant: Assistant) -> None:
    answer = assistant.ask("截至2025年底，翠嶺茶業在中國內地共有多少間門店？")
    assert answer.text.startswith("翠嶺茶業2025門店：25間"), answer.text


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("翠嶺茶業2025年澳門同店銷售增長5.4%。", "supported"),
        # -3.2% is a fall: "grew 3.2%" is refuted, "fell 3.2%" borne out.
        ("翠嶺茶業2025年中國內地同店銷售增長3.2%。", "refuted"),
        ("翠嶺茶業2025年中國內地同店銷售下跌3.2%。", "supported"),
        # 12.4 (2025) against 15.0 (2024, in the aside): the loss narrowed.
        ("翠嶺茶業中國內地分部2025年的虧損較2024年擴大。", "refuted"),
        # A part no source names may grow faster than the whole; it cannot be larger than it.
        ("翠嶺茶業2025年網上銷售額同比增長逾30%。", "not_enough_info"),
        ("翠嶺茶業2025年網上銷售額逾20億港元。", "refuted"),
        # The sentence ranks a line of business first, not the customer it names.
        ("Hollin Foods是翠嶺茶業最大的客戶。", "not_enough_info"),
        ("何志明是翠嶺茶業的行政總裁。", "refuted"),
        # A payment date is checked as a date, not read as the period the dividend is of.
        ("翠嶺茶業派發末期股息每股4.0港仙，將於2026年6月12日派付。", "supported"),
        ("翠嶺茶業派發末期股息每股4.0港仙，將於2026年7月12日派付。", "refuted"),
    ],
)
def test_claims_about_parts(assistant: Assistant, claim: str, label: str) -> None:
    verdict = assistant.check(claim)
    assert verdict.label == label, verdict.explanation


def test_a_multiple_is_not_answered_with_an_amount(assistant: Assistant) -> None:
    answer = assistant.ask("翠嶺茶業2025年的淨債務與EBITDA比率是多少倍？")
    assert answer.abstained, answer.text


def test_a_list_with_one_period_before_it_gives_each_item_that_period() -> None:
    text = "本年度香港、澳門及中國內地的同店銷售增長分別為2.1%、5.4%及-3.2%。"
    figures = parse_figures(text, anchor="2025")
    assert [(f.period, f.aspect, f.direction) for f in figures] == [
        ("2025", "growth", "up"),
        ("2025", "growth", "up"),
        ("2025", "growth", "down"),
    ]
    # A list of lines is of parts; a list of metrics is not.
    assert all(f.part for f in figures)
    assert not any(f.part for f in parse_figures("2024年收入及毛利分别为1.2亿元及0.5亿元。"))


def test_a_list_aligned_with_periods_is_not_of_parts() -> None:
    figures = parse_figures("2023年及2024年，收入分别为1.2亿元及1.8亿元。")
    assert [(f.period, f.part) for f in figures] == [("2023", False), ("2024", False)]


def test_the_figure_a_list_gives_the_asked_item() -> None:
    sentence = "超大灵便型船、卡姆萨型船及灵便型船的平均日租金分别约为15,120美元、16,380美元及11,740美元。"
    question = "卡姆萨型船2026财年的平均日租金是多少？"
    figure = key_figure(sentence, Query(question, tokens(question)), frozenset())
    assert figure is not None and figure.value == Decimal(16380)


def test_an_audit_status_line_under_the_header_does_not_hide_the_columns() -> None:
    table = (
        "                      2025年6月30日    2024年12月31日\n"
        "                       人民币千元        人民币千元\n"
        "                      （未经审核）       （经审核）\n"
        "银行借款                 412,500           468,000\n"
    )
    figures = parse_figures(table)
    assert [(f.period, f.metric, f.value) for f in figures] == [
        ("2025-06-30", "bank_borrowings", Decimal(412500000)),
        ("2024-12-31", "bank_borrowings", Decimal(468000000)),
    ]


def test_a_heading_above_a_note_titles_the_table() -> None:
    before = "### REVENUE BY GEOGRAPHICAL REGION\n\nRevenue is allocated by the location of the customer.\n\n"
    table = "| US$'000 | FY2026 | FY2025 |\n| --- | ---: | ---: |\n| Europe | 87,260 | 80,310 |\n"
    lead = table_lead(before, table)
    assert "GEOGRAPHICAL" in lead
    europe = parse_figures(lead + table, anchor="2026")
    assert [(f.metric, f.part) for f in europe] == [("revenue", True), ("revenue", True)]


def test_an_aside_with_the_prior_year_dates_the_figure_before_it() -> None:
    [current, prior] = parse_figures("分部虧損約為12.4百萬港元（2024年：約15.0百萬港元）。")
    assert (current.period, prior.period) == ("2025", "2024")


@pytest.mark.parametrize(
    ("name", "title", "head", "period"),
    [
        # Dated in March about the year before, without naming it: the year before.
        ("story.html", "Profit rises 6%", "HONG KONG, March 18, 2026\n\nIts full-year profit rose 6%.", "2025"),
        ("story.md", "Loss narrows", "*Shanghai, March 30, 2026*\n\nRevenue rose 48% in 2025.", "2025"),
        # Dated in August, the year it names is its own.
        ("story.txt", "Profit rises", "August 29, 2025\n\nFirst-half profit rose 16%.", "2025H1"),
    ],
)
def test_a_storys_dateline_and_the_year_it_reports(name: str, title: str, head: str, period: str) -> None:
    assert document_period(name, title, head) == period


def test_an_office_named_without_an_honorific() -> None:
    sentence = "首席財務官方慧雯表示，集團維持淨現金狀況。"
    assert "方慧雯" in _office_of_another("林啟澤是雅登精密的首席財務官。", sentence, frozenset())
    assert _office_of_another("方慧雯是雅登精密的首席財務官。", sentence, frozenset()) == ""
    # A surname jieba cuts from the given name ("郭" + "偉倫") is still the claim's person.
    assert "林少莹" in _office_of_another("海沃海運的行政總裁是郭偉倫。", "行政总裁林少莹在业绩会上表示。", frozenset())


def test_a_word_that_says_what_a_company_is_is_no_part_of_its_name() -> None:
    assert _en_names("Rival Beiming Cold Chain Group")[0] == "beiming cold chain group"
