"""Chunker: whole sentences, within size, one page each, overlapping, deterministic."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.chunking import chunk_document
from assistant.schema import Chunk, Document
from assistant.text import sentence_spans

SEED = Path(__file__).resolve().parent.parent / "corpus" / "biren-hearing-2025.txt"

ENGLISH = (
    "Northwind reported revenue of RMB512.3 million in 2024. Revenue rose 28.5% from 2023. "
    "Gross margin was 41.2%, compared with 38.9%. The net loss narrowed to RMB210.4 million. "
    "Cash was RMB1,024.6 million at year end. The board proposed no dividend."
)
CHINESE = (
    "南风半导体2024年收入为5.12亿元，同比增长28.5%。2024年毛利率为41.2%，2023年为38.9%。"
    "公司2024年净亏损2.10亿元，较2023年的2.65亿元收窄。董事会不建议派发末期股息。"
)


def make(text: str, pages: list[str] | None = None, name: str = "doc.txt") -> Document:
    """A Document over `text`, or over `pages` joined the way the PDF loader joins them."""
    starts: tuple[int, ...] | None = None
    if pages is not None:
        text = "\n\n".join(pages)
        starts = tuple(itertools.accumulate((len(p) + 2 for p in pages[:-1]), initial=0))
    return Document(Path(name).stem, name, name, "title", text, "0" * 64, starts)


def check(doc: Document, chunks: list[Chunk], size: int) -> None:
    """What holds for every chunking: exact offsets, within size, one page, in order."""
    for n, c in enumerate(chunks):
        assert c.text == doc.text[c.start : c.end]
        assert 0 < len(c.text) <= size
        assert (c.n, c.doc_id, c.doc, c.id) == (n, doc.doc_id, doc.name, f"{doc.doc_id}#{n}")
        assert c.page == doc.page_at(c.start) == doc.page_at(c.end - 1)
        assert c.text == c.text.strip()
        assert any(ch.isalnum() for ch in c.text)
    for a, b in itertools.pairwise(chunks):
        assert a.start < b.start and a.end < b.end  # always moving on


def sentence_starts(text: str) -> set[int]:
    return {s for s, _ in sentence_spans(text)}


def sentence_ends(text: str) -> set[int]:
    return {e for _, e in sentence_spans(text)}


# ---- size and sentences -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [ENGLISH, CHINESE, ENGLISH + "\n" + CHINESE])
@pytest.mark.parametrize("size", [60, 120, 320])
def test_chunks_are_whole_sentences_within_size(text: str, size: int) -> None:
    doc = make(text)
    chunks = chunk_document(doc, size, 0)
    check(doc, chunks, size)
    for c in chunks:
        assert c.start in sentence_starts(text) and c.end in sentence_ends(text)
    assert "".join("".join(c.text for c in chunks).split()) == "".join(text.split())


def test_short_document_is_one_chunk() -> None:
    doc = make(ENGLISH)
    assert [c.text for c in chunk_document(doc, 1000)] == [ENGLISH]


def test_long_chinese_sentence_splits_after_a_comma() -> None:
    clauses = "，".join(f"第{i}項業務收入為{i}億元" for i in range(1, 15))
    text = f"公司於2024年錄得收入，{clauses}。"
    doc = make(text)
    chunks = chunk_document(doc, 60, 0)
    check(doc, chunks, 60)
    assert len(chunks) > 2
    assert all(c.text.endswith("，") for c in chunks[:-1])
    assert "".join(c.text for c in chunks) == text


def test_long_english_sentence_splits_at_a_space_not_inside_a_number() -> None:
    text = "Revenue was " + " and ".join(f"{i},234,567" for i in range(1, 12)) + " dollars"
    doc = make(text)
    chunks = chunk_document(doc, 40, 0)
    check(doc, chunks, 40)
    for c in chunks:
        assert c.end == len(text) or text[c.end] == " "
    assert " ".join(c.text for c in chunks) == text


def test_text_without_any_break_is_hard_split() -> None:
    doc = make("A" * 250)
    for overlap in (0, 1, 3):
        chunks = chunk_document(doc, 100, overlap)
        check(doc, chunks, 100)
        assert [(c.start, c.end) for c in chunks] == [(0, 100), (100, 200), (200, 250)]


# ---- overlap ----------------------------------------------------------------------------------


def test_overlap_one_repeats_the_last_sentence() -> None:
    doc = make(ENGLISH)
    chunks = chunk_document(doc, 100, 1)
    check(doc, chunks, 100)
    assert len(chunks) > 2
    spans = sentence_spans(doc.text)
    for a, b in itertools.pairwise(chunks):
        last = max(s for s, _ in spans if s < a.end)
        assert b.start == last  # the next chunk starts with the previous one's last sentence


def test_overlap_zero_gives_disjoint_chunks_covering_everything() -> None:
    doc = make(ENGLISH)
    chunks = chunk_document(doc, 100, 0)
    check(doc, chunks, 100)
    for a, b in itertools.pairwise(chunks):
        assert doc.text[a.end : b.start] == " "


def test_overlap_two_repeats_two_sentences_when_they_fit() -> None:
    text = " ".join(f"Sentence number {i} is short." for i in range(12))
    doc = make(text)
    chunks = chunk_document(doc, 120, 2)
    check(doc, chunks, 120)
    for a, b in itertools.pairwise(chunks):
        repeated = doc.text[b.start : a.end]
        assert len(sentence_spans(repeated)) == 2


def test_big_overlap_still_moves_on() -> None:
    doc = make(ENGLISH)
    chunks = chunk_document(doc, 90, 50)
    check(doc, chunks, 90)
    assert chunks[-1].end == len(ENGLISH)


def test_overlap_is_dropped_when_it_would_not_leave_room() -> None:
    # Each sentence is ~45 chars: two fill a 100-char chunk, so the next can't repeat one.
    text = " ".join(f"This is sentence {i:02d}, which has some words." for i in range(6))
    doc = make(text)
    chunks = chunk_document(doc, 100, 1)
    check(doc, chunks, 100)
    for a, b in itertools.pairwise(chunks):
        assert b.start <= a.end
        assert len(doc.text[b.start : b.end]) <= 100


# ---- paragraphs, headings, pages --------------------------------------------------------------


def test_full_chunk_stops_at_a_paragraph() -> None:
    text = "First paragraph has one long sentence of some length.\n\nSecond paragraph here."
    doc = make(text)
    chunks = chunk_document(doc, 100, 1)  # the first paragraph is over half of 100
    check(doc, chunks, 100)
    assert [c.text for c in chunks] == [
        "First paragraph has one long sentence of some length.",
        "Second paragraph here.",  # no overlap across the paragraph break
    ]


def test_short_paragraphs_are_packed_together() -> None:
    text = "Short one.\n\nShort two.\n\nShort three."
    doc = make(text)
    assert [c.text for c in chunk_document(doc, 100, 1)] == [text]


def test_markdown_headings_start_chunks_and_stay_with_their_text() -> None:
    text = (
        "# Annual results\n\nIntro sentence one is here. Intro two.\n\n"
        "## Revenue\n\nRevenue rose 28.5% to RMB512.3 million. It was driven by data centres.\n\n"
        "## Margins\n\nGross margin was 41.2%."
    )
    doc = make(text)
    chunks = chunk_document(doc, 90, 1)
    check(doc, chunks, 90)
    assert [c.text.split("\n")[0] for c in chunks] == [
        "# Annual results",
        "## Revenue",
        "## Margins",
    ]
    assert not any(c.text.endswith(("Revenue", "Margins")) for c in chunks)


def test_plain_text_section_titles_start_chunks() -> None:
    body = "壁仞科技的創業故事始于創始人張文的一次跨界抉擇。" * 4
    text = f"{body}\n壁仞科技創富之路\n{body}\n全棧業務布局\n{body}"
    doc = make(text)
    chunks = chunk_document(doc, 180, 1)
    check(doc, chunks, 180)
    starts = [c.text.split("\n")[0] for c in chunks]
    assert "壁仞科技創富之路" in starts and "全棧業務布局" in starts


def test_chunks_never_cross_a_page() -> None:
    pages = [ENGLISH, "12", CHINESE, "Short last page."]
    doc = make("", pages, "report.pdf")
    for size, overlap in ((320, 1), (100, 2), (50, 0)):
        chunks = chunk_document(doc, size, overlap)
        check(doc, chunks, size)
        assert {c.page for c in chunks} == {1, 3, 4}  # page 2 is only a page number
        for c in chunks:
            assert c.text in pages[c.page - 1]


def test_page_boundary_inside_a_line_still_splits() -> None:
    # A Document built by other code may start a page mid-line; the chunker cuts there anyway.
    text = "Revenue rose sharply on page one and continued on page two."
    doc = Document("d", "d.pdf", "d.pdf", "t", text, "0", (0, 30))
    chunks = chunk_document(doc, 320, 1)
    check(doc, chunks, 320)
    assert [(c.page, c.text) for c in chunks] == [
        (1, "Revenue rose sharply on page o"),
        (2, "ne and continued on page two."),
    ]


# ---- fragments, determinism, settings ---------------------------------------------------------


def test_fragments_alone_are_dropped_but_kept_inside_chunks() -> None:
    pages = [
        "Real text on page one.\n\n”",
        "- 12 -",
        "---",
        "Page 3 of 40",
        "第 5 頁",
        "More text.\n12",
    ]
    doc = make("", pages, "r.pdf")
    chunks = chunk_document(doc, 100, 0)
    check(doc, chunks, 100)
    assert [c.text for c in chunks] == ["Real text on page one.\n\n”", "More text.\n12"]


def test_numbering_has_no_gaps_after_dropping() -> None:
    doc = make("", ["First page text.", "7", "Third page text."], "r.pdf")
    chunks = chunk_document(doc)
    assert [(c.n, c.page, c.id) for c in chunks] == [(0, 1, "r#0"), (1, 3, "r#1")]


def test_same_document_same_chunks() -> None:
    text = "\n\n".join([ENGLISH, CHINESE] * 5)
    first = chunk_document(make(text), 150, 1)
    again = chunk_document(make(str(text)), 150, 1)
    assert first == again
    assert [c.to_dict() for c in first] == [c.to_dict() for c in again]


def test_empty_and_blank_documents_have_no_chunks() -> None:
    assert chunk_document(make("")) == []
    assert chunk_document(make(" \n\n\t ")) == []
    assert chunk_document(make("--- ” …")) == []


@pytest.mark.parametrize(("size", "overlap"), [(0, 1), (-5, 0), (100, -1)])
def test_bad_settings(size: int, overlap: int) -> None:
    with pytest.raises(ValueError):
        chunk_document(make(ENGLISH), size, overlap)


def test_seed_corpus() -> None:
    if not SEED.exists():
        pytest.skip("seed corpus not present")
    text = SEED.read_text(encoding="utf-8")
    doc = make(text, name=SEED.name)
    chunks = chunk_document(doc)
    check(doc, chunks, 320)
    assert any(c.text.startswith("壁仞科技創富之路\n") for c in chunks)
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


# ---- property ---------------------------------------------------------------------------------

WORDS = st.sampled_from(
    [
        *(
            "revenue",
            "Gross",
            "margin",
            "RMB512.3",
            "1,234",
            "28.5%",
            "U.S.",
            "No.",
            "Ltd.",
            "3.37",
        ),
        *("營業收入", "净利润", "壁仞科技", "上市", "股", "億元", "港交所", "GPU"),
        *("。", "，", "、", ". ", "! ", "? ", "；", "”", "“", "(", ")", "---", "#", "12", "…"),
        *(" ", " ", " ", "\n", "\n\n", "\n## ", "\t"),
    ]
)
PAGE = st.lists(WORDS, max_size=120).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pages=st.lists(PAGE, min_size=1, max_size=4),
    paged=st.booleans(),
    size=st.integers(min_value=1, max_value=400),
    overlap=st.integers(min_value=0, max_value=3),
)
def test_property_mixed_text(pages: list[str], paged: bool, size: int, overlap: int) -> None:
    doc = make("", pages, "x.pdf") if paged else make("\n\n".join(pages))
    chunks = chunk_document(doc, size, overlap)
    check(doc, chunks, size)
    assert chunk_document(doc, size, overlap) == chunks
    # Every letter is in some chunk: only digits and punctuation may be dropped as fragments.
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    assert all(i in covered for i, ch in enumerate(doc.text) if ch.isalpha())
    if overlap == 0:
        assert all(a.end <= b.start for a, b in itertools.pairwise(chunks))


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a full line of prose that stops mid-sentence wraps onto a capitalised name
        ("According to published data from the industry association for the year,\nNorthstar Ovens Limited grew.", 1),
        # a heading, or a table row, ends where its line does
        ("FINANCIAL HIGHLIGHTS\nRevenue rose 7.1%.", 2),
        ("Revenue                         640,350       598,120\nGross profit margin   61.8%", 2),
    ],
)
def test_line_wraps_onto_a_capital(text: str, sentences: int) -> None:
    assert len(sentence_spans(text)) == sentences
