"""Glossary: metric terms in both scripts and English, longest match, query expansion."""

from __future__ import annotations

import pytest

from assistant.glossary import (
    GENERAL_WORDS,
    METRICS,
    Metric,
    expand_groups,
    expand_query,
    fold,
    metrics_in,
)

REQUIRED = [
    "revenue",
    "gross_profit",
    "gross_margin",
    "net_loss",
    "net_profit",
    "adjusted_net_loss",
    "adjusted_net_profit",
    "operating_cash_flow",
    "cash",
    "rnd_expense",
    "customer_concentration_top5",
    "largest_customer",
    "supplier_concentration_top5",
    "valuation",
    "funding_raised",
    "shareholding",
    "employees",
    "orders",
    "units_sold",
    "dividend",
    "eps",
    "market_share",
    "pe_ratio",
    "growth",
    "cagr",
    "ipo_price",
    "shares_offered",
]


@pytest.mark.parametrize("metric_id", REQUIRED)
def test_required_metrics_exist(metric_id: str) -> None:
    metric = METRICS[metric_id]
    assert isinstance(metric, Metric)
    assert metric.id == metric_id
    assert metric.zh and metric.en
    assert metric.unit_kind in {"money", "percent", "count", "multiple", "shares"}


def test_terms_are_simplified_and_lowercase() -> None:
    for metric in METRICS.values():
        for term in metric.zh:
            assert fold(term) == term, term
        for term in metric.en:
            assert term == term.lower() and term.strip() == term, term


def test_no_term_names_two_metrics() -> None:
    seen: dict[str, str] = {}
    for metric in METRICS.values():
        for term in (*metric.zh, *metric.en):
            assert seen.setdefault(term, metric.id) == metric.id, term


def test_fold_keeps_length() -> None:
    text = "經調整淨虧損１２．８５億元，ＲＭＢ５００ｍ　İstanbul"
    assert len(fold(text)) == len(text)
    assert fold("經調整淨虧損") == "经调整净亏损"
    assert fold("１２．８５％") == "12.85%"
    assert fold("，；") == "，；"  # CJK clause marks stay wide: they are not thousands separators


TERMS = [
    ("淨虧損", ["net_loss"]),
    ("净亏损", ["net_loss"]),
    ("虧損", ["net_loss"]),
    ("經調整淨虧損", ["adjusted_net_loss"]),
    ("经调整净亏损从10.38亿元收窄", ["adjusted_net_loss"]),
    ("毛利率", ["gross_margin"]),
    ("毛利", ["gross_profit"]),
    ("營業收入", ["revenue"]),
    ("營收市盈率", ["revenue", "pe_ratio"]),
    ("現金及現金等價物", ["cash"]),
    ("經營活動現金流量淨額", ["operating_cash_flow"]),
    ("研發開支", ["rnd_expense"]),
    ("研发投入", ["rnd_expense"]),
    ("前五大客戶的收入占比", ["customer_concentration_top5", "revenue"]),
    ("第一大客戶", ["largest_customer"]),
    ("前五大供應商采購占比", ["supplier_concentration_top5"]),
    ("投後估值", ["valuation"]),
    ("年復合增長率", ["cagr"]),
    ("市場份額", ["market_share"]),
    ("直接持股", ["shareholding"]),
    ("748名員工", ["employees"]),
    ("有約束力的訂單", ["orders"]),
    ("銷量", ["units_sold"]),
    ("每股盈利", ["eps"]),
    ("發售價", ["ipo_price"]),
    ("總融資額", ["funding_raised"]),
    ("Net loss and adjusted net loss", ["net_loss", "adjusted_net_loss"]),
    ("Net cash used in operating activities", ["operating_cash_flow"]),
    ("Cash and cash equivalents", ["cash"]),
    ("R&D expenses rose", ["rnd_expense"]),
    ("the top five customers", ["customer_concentration_top5"]),
    ("its largest customer", ["largest_customer"]),
    ("a P/E of 62x", ["pe_ratio"]),
    ("CAGR of 2500%", ["cagr"]),
    ("Revenues", ["revenue"]),
    ("gross profit margin", ["gross_margin"]),
    ("earnings per share", ["eps"]),
    ("the offer price", ["ipo_price"]),
    ("prerevenue company", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "ids"), TERMS)
def test_metrics_in(text: str, ids: list[str]) -> None:
    found = metrics_in(text)
    assert [m for m, _, _ in found] == ids
    folded = fold(text)
    for metric_id, start, end in found:
        assert folded[start:end] in (*METRICS[metric_id].zh, *METRICS[metric_id].en)


def test_metrics_in_offsets_point_into_raw_text() -> None:
    text = "2022年至2024年，壁仞淨虧損分别為14.74億元"
    ((metric_id, start, end),) = metrics_in(text)
    assert metric_id == "net_loss"
    assert text[start:end] == "淨虧損"


EXPANSIONS = [
    ("What was revenue in 2024?", ["收入", "营收", "营业收入"], ["revenue"]),
    ("毛利率", ["gross margin"], ["毛利率"]),
    ("毛利率是多少", ["gross margin"], []),
    ("壁仞2024年淨虧損多少", ["net loss"], []),
    ("What was the adjusted net loss?", ["经调整净亏损"], ["净亏损"]),
    ("Who is the sponsor?", ["保荐人"], []),
    ("招股書", ["prospectus"], []),
    ("Who founded the company? Who is the founder?", ["创始人", "公司"], []),
    ("誰是核數師", ["auditor"], []),
    ("上半年收入", ["first half", "revenue"], []),
    ("How many employees does it have?", ["员工"], []),
    ("top five customers share", ["前五大客户"], []),
    ("where is the headquarters", ["总部"], []),
    ("市盈率", ["p/e"], []),
    ("When is the listing?", ["上市"], []),
]


@pytest.mark.parametrize(("text", "present", "absent"), EXPANSIONS)
def test_expand_query(text: str, present: list[str], absent: list[str]) -> None:
    terms = expand_query(text)
    for term in present:
        assert term in terms, (term, terms)
    for term in absent:
        assert term not in terms
    assert len(terms) == len(set(terms))


def test_expand_query_of_plain_text_is_empty() -> None:
    assert expand_query("hello there") == []
    assert expand_groups("") == []


def test_expand_groups_keeps_one_group_per_term_in_text_order() -> None:
    groups = expand_groups("What were revenue and gross margin in the first half?")
    assert groups[0][0] == "收入"
    assert groups[1] == ["毛利率", "毛利润率"]
    assert ["上半年", "中期", "六个月"] in groups
    assert expand_groups("淨虧損與毛利率")[0] == list(METRICS["net_loss"].en)


def test_general_words_pair_languages() -> None:
    for en, zh in GENERAL_WORDS:
        assert en and zh
        assert all(w == w.lower() for w in en)
