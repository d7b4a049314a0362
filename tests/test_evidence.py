"""Evidence: figures of a passage read with the table header a chunk boundary cut off."""

from __future__ import annotations

from decimal import Decimal

from assistant.entities import EntityLexicon
from assistant.evidence import figures_in, table_lead
from assistant.schema import Chunk, Passage

DOC = (
    "Profit for the period increased by 43.7% to RMB224.1 million.\n\n"
    "Key items (RMB'000 unless otherwise stated)\n"
    "Item\t1H2025\t1H2024\n"
    "Revenue\t2,437,190\t1,928,840\n"
    "Basic earnings per share (RMB cents)\t17.42\t12.08\n"
)


def _passage_from(line: str) -> Passage:
    start = DOC.index(line)
    return Passage(Chunk("helio", 1, DOC[start:], start, len(DOC)))


def test_a_passage_that_opens_with_table_rows_is_led_by_the_table_title_and_header() -> None:
    p = _passage_from("Revenue\t")
    lead = table_lead(DOC[: p.start], p.text)
    assert lead.startswith("Key items (RMB'000") and "Item\t1H2025" in lead
    assert "Profit for the period" not in lead  # a sentence is no part of the table
    assert table_lead("Some sentence.\n", "A sentence that is not a table row.") == ""


def test_cells_cut_from_their_header_get_its_unit_scale_and_periods() -> None:
    p = _passage_from("Revenue\t")
    lexicon = EntityLexicon.build([])
    alone = [(ev.figure.value, ev.figure.period) for ev in figures_in([p], lexicon)]
    assert (Decimal("2437190"), None) in alone  # without the header: no scale, no period
    led = figures_in([p], lexicon, before=lambda q: DOC[: q.start])
    got = [(ev.figure.value, ev.figure.unit, ev.figure.metric, ev.figure.period) for ev in led]
    assert got[0] == (Decimal("2437190000"), "CNY", "revenue", "2025H1")
    assert (Decimal("0.1742"), "CNY", "eps", "2025H1") in got
    assert all(
        0 <= ev.figure.start < len(p.text) and p.text[ev.figure.start : ev.figure.end] == ev.figure.text for ev in led
    )


NEWS = (
    "Glenmoor Dairy Holdings Limited reported results.\n"
    "Glenmoor's margin still trails that of Inner Mongolia-based rival Saiyuan Dairy, which reported "
    "a first-half gross margin of about 36.9%.\n"
    "瞳悅眼鏡控股有限公司董事會建議派末期息每股12港仙，上年為8港仙。\n"
)


def test_a_rival_named_after_the_company_owns_its_figure_and_the_previous_year_is_the_figures() -> None:
    from assistant.schema import Document

    doc = Document("glenmoor-news", "glenmoor-news.md", "glenmoor-news.md", "news", NEWS, "0")
    lexicon = EntityLexicon.build([doc])
    p = Passage(Chunk("glenmoor-news", 0, NEWS, 0, len(NEWS)))
    found = {ev.figure.text: ev for ev in figures_in([p], lexicon)}
    assert found["36.9%"].entity is None  # not Glenmoor's
    assert found["8港仙"].figure.value == Decimal("0.08") and found["8港仙"].figure.unit == "HKD"
    assert found["8港仙"].figure.period is None  # a year before a figure that names none


def test_a_blank_line_between_a_title_and_the_header_below_it_is_crossed() -> None:
    doc = "按分部劃分的收入如下：\n\n（人民幣千元）   本期間   二零二四年同期\n常溫液態奶   2,146,382   2,058,917\n"
    row = doc.index("常溫")
    assert table_lead(doc[:row], doc[row:]).startswith("按分部劃分的收入如下：\n（人民幣千元）")


def test_a_chunk_that_opens_on_an_indented_header_line_gets_the_title_and_periods_above() -> None:
    doc = (
        "Revenue by region\n\n"
        "                             Six months ended 30 June\n"
        "                        2025                    2024\n"
        "                 HK$'000   % of total    HK$'000   % of total    Change\n"
        "Harbour           51,200        64.0%     48,000        66.7%      6.7%\n"
    )
    start = doc.index("HK$'000")  # a chunk starts after the indent of its first line
    p = Passage(Chunk("harbour", 3, doc[start:], start, len(doc)))
    lead = table_lead(doc[:start], p.text)
    assert lead.startswith("Revenue by region\n") and lead.endswith("2024\n" + " " * 17)
    found = figures_in([p], EntityLexicon.build([]), before=lambda q: doc[: q.start])
    assert [(ev.figure.text, ev.figure.period) for ev in found if ev.figure.unit == "HKD"] == [
        ("51,200", "2025H1"),
        ("48,000", "2024H1"),
    ]


def test_figures_given_respectively_belong_to_the_parts_listed_before_them() -> None:
    text = "按地區劃分，香港、澳門及內地收入分別為約8.12億港元、1.49億港元及2.75億港元，按年分別增長4%、8.3%及22.9%。"
    p = Passage(Chunk("story", 0, text, 0, len(text)))
    found = {ev.figure.text: ev for ev in figures_in([p], EntityLexicon.build([]))}
    assert "內地" in found["2.75億港元"].scope_text and "香港" not in found["2.75億港元"].scope_text
    assert "香港" in found["8.12億港元"].scope_text and "內地" not in found["8.12億港元"].scope_text
    assert "澳門" in found["8.3%"].scope_text and "內地" not in found["8.3%"].scope_text
    years = "2022年、2023年及2024年，收入分別為1.2億元、2.3億元及3.4億元。"  # periods, not parts
    q = Passage(Chunk("story", 1, years, 0, len(years)))
    assert all(ev.scope_text == ev.sentence_text for ev in figures_in([q], EntityLexicon.build([])))
