"""Units a filing states once for a table or in a currency's own cents, and offices held by
one person at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.evidence import table_lead
from assistant.figures import parse_figures
from assistant.verify import _office_of_another


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("宣派中期股息每股3.8美仙。", "USD", "0.038"),
        ("宣派中期股息每股3.8港仙。", "HKD", "0.038"),
        ("an interim dividend of HK3.8 cents per share", "HKD", "0.038"),
        ("basic earnings per share of US1.65 cents", "USD", "0.0165"),
        ("an interim dividend of 3.8 US cents per share", "USD", "0.038"),
    ],
)
def test_cents_of_a_named_currency(text: str, unit: str, value: str) -> None:
    [f] = parse_figures(text)
    assert (f.unit, f.value) == (unit, Decimal(value))


def test_a_code_glued_to_letters_is_still_no_amount() -> None:
    assert parse_figures("BR106 cents") == []


TABLE = "项目 | 2025年 | 2024年\n营业收入 | 127,436.58 | 86,105.23\n基本每股收益(元/股) | -0.76 | -1.39"


def test_a_unit_note_a_blank_line_above_the_table_applies_to_it() -> None:
    before = "三、主要会计数据\n单位：万元\u3000币种：人民币\n\n"
    lead = table_lead(before, TABLE)
    assert "单位：万元" in lead
    figures = {f.text: f for f in parse_figures(lead + TABLE)}
    assert (figures["127,436.58"].unit, figures["127,436.58"].value) == ("CNY", Decimal("1274365800"))
    # A row that names its own unit is not in the table's 万元.
    assert (figures["-0.76"].unit, figures["-0.76"].value) == ("CNY", Decimal("-0.76"))


def test_an_office_the_sentence_gives_to_another_person_contradicts() -> None:
    sentence = "陈牧之先生现任公司董事长，林思远先生现任公司总经理。"
    assert "董事长" in _office_of_another("芮澄生物的董事長是林思遠。", sentence, frozenset())
    assert _office_of_another("芮澄生物的董事长是陈牧之。", sentence, frozenset()) == ""
    # One person holding two offices is no contradiction of either.
    assert _office_of_another("林思远兼任董事长及总经理。", "林思远先生现任公司董事长兼总经理。", frozenset()) == ""


@pytest.mark.parametrize(
    ("claim", "sentence", "holder"),
    [
        (
            "Ho Chun-bong is the chief executive officer of Ching Sui Bakery.",
            '"We are on track," Karen Lam Ka-man, chief executive of Ching Sui, told reporters.',
            "Karen Lam Ka-man",
        ),
        (
            "Zhou Yiran chairs the board of Quorvane Water Systems.",
            "The executive directors are Mr. Lau Kwok Hing (Chairman) and Ms. Zhou Yiran (Chief Executive Officer).",
            "Lau Kwok Hing",
        ),
        # 行政總裁 is one office, not 行政 and 總裁 (president).
        (
            "晴穗烘焙的行政總裁是何振邦。",
            "董事會成員包括執行董事何振邦先生（主席）、林嘉敏女士（行政總裁）。",
            "林嘉敏",
        ),
        ("芮澄生物的董事長是林思遠。", "陈牧之先生现任公司董事长，林思远先生现任公司总经理。", "陈牧之"),
    ],
)
def test_an_office_held_by_someone_the_claim_does_not_name(claim: str, sentence: str, holder: str) -> None:
    assert holder in _office_of_another(claim, sentence, frozenset())


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # The same person, or another office, or a former holder, or no one named in the claim.
        ("Karen Lam is the chief executive of Ching Sui.", "Karen Lam Ka-man, chief executive of Ching Sui, said."),
        ("Ho Chun-bong is the chief executive officer.", "Chairman Ho Chun-bong did not attend the briefing."),
        ("Karen Lam is the chief executive of Ching Sui.", "The former chief executive John Smith left in 2023."),
        (
            "The chief executive of Ching Sui holds a doctorate.",
            "Karen Lam Ka-man, chief executive of Ching Sui, said.",
        ),
        ("林嘉敏兼任董事长及行政总裁。", "何振邦先生（主席）、林嘉敏女士（行政總裁）。"),
    ],
)
def test_no_office_of_another(claim: str, sentence: str) -> None:
    company = frozenset({"ching", "sui"})  # the tokens of a company's name are no person's
    assert _office_of_another(claim, sentence, company) == ""
