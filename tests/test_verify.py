"""Claim checking: figures compared at the claim's own precision, derived figures computed,
and the ways a claim can be right or wrong, over a real index of a small corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.evidence import from_to
from assistant.figures import parse_figures, parse_number
from assistant.verify import supports


def fig(text: str):
    f = parse_number(text)
    assert f is not None, text
    return f


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        ("3.4億元", "3.37億元", True),  # rounds to the source at the claim's precision
        ("3.3億元", "3.37億元", False),
        ("5億美元", "4.5億美元", False),  # a tie is no support
        ("337,000,000元", "3.37億元", True),
        ("3.37萬元", "3.37億元", False),  # wrong scale
        ("逾10億元", "9.8億元", False),  # a qualifier the source breaks
        ("逾10億元", "10.2億元", True),
        ("約3.4億元", "3.12億元", False),  # "about" allows 2%, not 9%
        ("約50%", "50.1%", True),
        ("近1,500名", "1,486名", True),
        ("3.37億元", "3.37億港元", False),  # another currency
    ],
)
def test_a_claimed_figure_holds_only_at_its_own_precision(claim: str, source: str, expected: bool) -> None:
    assert supports(fig(claim), fig(source)) is expected


def test_from_to_gives_the_earlier_figure_the_prior_period() -> None:
    text = "Gross margin rose to 37.2% from 33.9%, an improvement of 3.3 percentage points."
    got = {f.text: f.period for f in from_to(text, parse_figures(text, anchor="2025H1"), "2025H1")}
    assert got["37.2%"] == "2025H1" and got["33.9%"] == "2024H1"
    assert got["3.3 percentage points"] == "2025H1"
    text = "毛利率由42.1%上升3.2個百分點至45.3%"
    got = {f.text: f.period for f in from_to(text, parse_figures(text), "2025H1")}
    assert got["42.1%"] == "2024H1" and got["45.3%"] == "2025H1"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from conftest import write_corpus

    root = tmp_path_factory.mktemp("verify")
    a = Assistant.open(root / "index")
    a.ingest([write_corpus(root / "corpus")])
    return a


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("壁仞科技2024年收入為3.37億元。", "supported"),
        ("壁仞科技2024年收入约为3.4亿元。", "supported"),  # Simplified, rounded
        ("Biren's revenue in 2024 was RMB337 million.", "supported"),  # across languages
        ("壁仞科技2024年收入為4.56億元。", "refuted"),
        ("壁仞科技2024年收入為3.37萬元。", "refuted"),  # wrong scale
        ("壁仞科技2023年淨虧損為15.38億元。", "refuted"),  # the 2024 figure, another year
        ("壁仞科技2022年至2024年淨虧損合計47.56億元。", "supported"),  # a sum, computed
        ("壁仞科技2022年至2024年淨虧損合計超過50億元。", "refuted"),
        ("壁仞科技2024年毛利率高於2023年。", "refuted"),  # wrong direction: 76.4% → 53.2%
        ("壁仞科技2023年毛利率高於2024年。", "supported"),
        ("壁仞科技2023年至2024年毛利率下降。", "supported"),
        ("Northwind's gross margin was 41.2% in 2024.", "supported"),
        ("南风半导体2024年毛利率为76.4%。", "refuted"),  # Biren's figure, another company
        ("壁仞科技2021年收入為1億元。", "not_enough_info"),  # a year the documents don't cover
        ("Acme Robotics had revenue of RMB5 million in 2024.", "not_enough_info"),  # unknown company
    ],
)
def test_claims(assistant: Assistant, claim: str, label: str) -> None:
    verdict = assistant.check(claim)
    assert verdict.label == label, verdict.explanation
    if label != "not_enough_info":
        assert verdict.citations and verdict.explanation


def test_a_refuted_figure_shows_the_comparison(assistant: Assistant) -> None:
    verdict = assistant.check("壁仞科技2024年收入為4.56億元。")
    assert "4.56億元" in verdict.explanation and "3.37億元" in verdict.explanation
    assert any("3.37億元" in c.quote for c in verdict.citations)
    assert [f["value"] for f in verdict.claim_figures] == ["456000000"]


def test_a_sentence_that_negates_the_claim_refutes_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "board-2025.txt").write_text(
        "北辰科技股份有限公司中期報告\n董事會不建議派發截至二零二五年六月三十日止六個月的中期股息。\n", encoding="utf-8"
    )
    a = Assistant.open(tmp_path / "index")
    a.ingest([docs])
    assert a.check("北辰科技董事會建議派發截至2025年6月30日止六個月的中期股息。").label == "refuted"
    assert a.check("北辰科技董事會不建議派發截至2025年6月30日止六個月的中期股息。").label == "supported"


INTERIM = """中山芯片股份有限公司2025年中期業績公告

截至2025年6月30日止六個月，本集團收入為人民幣4.20億元。
研發開支增加8.0%至人民幣3.10億元。
行政開支減少12.5%，主要由於以股份為基礎的薪酬減少。
本公司H股招股價為每股18.50港元，每手500股。
本集團毛利率為52.0%。同業蘇州晟瓴醫療2025年上半年毛利率約為74.5%，高於中山芯片。
於2025年6月30日，本集團淨現金為人民幣3.20億元，而2024年12月31日為人民幣3.80億元。
海外收入為人民幣1.30億元，佔總收入約31.0%；晶片業務佔總收入的55.0%。
"""


@pytest.fixture(scope="module")
def interim(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("interim")
    (root / "docs").mkdir()
    # The file name gives the reporting period; the sentences about expenses name none.
    (root / "docs" / "zhongshan-results-2025h1.txt").write_text(INTERIM, encoding="utf-8")
    a = Assistant.open(root / "index")
    a.ingest([root / "docs"])
    return a


@pytest.mark.parametrize(
    ("claim", "label", "shown"),
    [
        # two metrics of one period, compared
        ("中山芯片2025年上半年研發開支超過了同期收入。", "refuted", "3.10億元"),
        ("中山芯片2025年上半年研發開支低於收入。", "supported", "4.20億元"),
        # a change without a period in a half-year report is the half's; the direction counts
        ("中山芯片2025年上半年行政開支同比增加12.5%。", "refuted", "down"),
        ("中山芯片2025年上半年行政開支同比減少12.5%。", "supported", "12.5%"),
        # a figure the claim names no metric for holds only if the same sentence states it
        ("中山芯片招股價為每股18.50港元，每手500股。", "supported", "500股"),
        ("中山芯片招股價為每股18.50港元，每手1000股。", "not_enough_info", "1000股"),
        # a peer's figure, though the peer has no legal name in the documents, is not the company's
        ("中山芯片2025年上半年毛利率約為74.5%。", "refuted", "52.0%"),
        # "compared with the end of 2024": the level then against the latest one
        ("與2024年底相比，中山芯片的淨現金有所減少。", "supported", "3.80億元"),
        ("與2024年底相比，中山芯片的淨現金有所增加。", "refuted", "3.20億元"),
        # the share the claim's words name, not another share of revenue
        ("中山芯片2025年上半年海外收入佔總收入超過50%。", "refuted", "31.0%"),
    ],
)
def test_claims_against_a_half_year_report(interim: Assistant, claim: str, label: str, shown: str) -> None:
    verdict = interim.check(claim)
    assert verdict.label == label, verdict.explanation
    assert shown in verdict.explanation


def test_about_allows_no_slack_against_a_computed_sum() -> None:
    # 812,350 + 148,920 (HK$'000) = 9.6127億: "約9.71億" is off by a tenth of a 億 at its own precision.
    [claimed] = parse_figures("約9.71億港元")
    [total] = parse_figures("9.6127億港元")
    assert supports(claimed, total)  # a stated figure: 約 allows 2%
    assert not supports(claimed, total, computed=True)
    [rounder] = parse_figures("約9.6億港元")
    assert supports(rounder, total, computed=True)


def test_a_lower_bound_bears_out_a_claimed_lower_bound_no_higher() -> None:
    [source] = parse_figures("收入按年增長逾一成")
    assert supports(parse_figures("grew by more than 10%")[0], source)
    assert not supports(parse_figures("grew by more than 12%")[0], source)
