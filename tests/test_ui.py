"""The web UI's HTML and JSON helpers: escaping, highlighting, badges, tables."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from assistant import ui
from assistant.citations import CitationView
from assistant.core import IngestReport
from assistant.schema import Answer, Chunk, Citation, Verdict

XSS = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"
DOC = "Intro text. " + XSS + " Revenue was RMB640.2 million in 2024. Closing words."


class Tags(HTMLParser):
    """The start tags and attributes of an HTML fragment, to check what a browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> Tags:
    parser = Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def assert_inert(fragment: str) -> None:
    """No script, no img, no event handler attribute: the markup in the text stayed text."""
    tags = parse(fragment)
    names = {t for t, _ in tags.tags}
    assert not names & {"script", "img", "iframe", "object"}, names
    assert not any(a.startswith("on") for _, attrs in tags.tags for a in attrs)


def make_view(start: int, end: int, context: int = 400, doc_id: str = "acme", n: int = 3) -> CitationView:
    chunk = Chunk(doc_id, n, DOC[start:end], start, end, page=2, doc=f"{doc_id}.txt")
    before = DOC[max(0, start - context) : start]
    return CitationView(chunk, "Acme <b>results</b>", f"/docs/{doc_id}.txt", before, DOC[end : end + context])


def citation_of(view: CitationView, quote: tuple[int, int] | None = None) -> Citation:
    return Citation.of(view.chunk, quote)


REVENUE = DOC.index("Revenue")
REVENUE_END = DOC.index("2024.") + 5


def test_esc_makes_markup_text() -> None:
    out = ui.esc(XSS)
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;" in out
    assert_inert(out)
    assert "".join(parse(out).text) == XSS


def test_highlight_marks_the_quote_inside_the_passage() -> None:
    text = "Alpha beta. Gamma delta."
    out = ui.highlighted_passage(text, 100, (112, 124))
    assert out == 'Alpha beta. <mark class="fc-hl">Gamma delta.</mark>'
    # No quote: the whole passage is the highlight.
    assert ui.highlighted_passage(text, 100) == f'<mark class="fc-hl">{text}</mark>'
    # A quote reaching outside the passage is clamped to it.
    assert ui.highlighted_passage(text, 100, (90, 105)) == '<mark class="fc-hl">Alpha</mark> beta. Gamma delta.'


def test_context_shows_the_passage_in_place_and_escapes_everything() -> None:
    view = make_view(REVENUE, REVENUE_END, context=10)
    out = ui.context_html(view, (REVENUE, REVENUE_END), context=10)
    assert_inert(out)
    assert "&lt;script&gt;" in ui.context_html(make_view(REVENUE, REVENUE_END), None, 400)
    assert out.count("…") == 2  # cut on both sides
    text = "".join(parse(out).text)
    assert text == "…" + view.before + view.chunk.text + view.after + "…"
    marked = re.search(r'<mark class="fc-hl">(.*?)</mark>', out)
    assert marked and marked.group(1) == "Revenue was RMB640.2 million in 2024."


def test_context_at_the_start_of_a_document_has_no_leading_ellipsis() -> None:
    view = make_view(0, 11, context=400)
    out = ui.context_html(view, None, context=400)
    assert not "".join(parse(out).text).startswith("…")


def test_view_html_names_id_document_page_and_offsets() -> None:
    view = make_view(REVENUE, REVENUE_END)
    out = ui.view_html(view, None, 400)
    assert_inert(out)
    assert "acme#3" in out and "acme.txt" in out and "p. 2" in out
    assert f"chars {REVENUE:,}–{REVENUE_END:,}" in out
    assert "Acme &lt;b&gt;results&lt;/b&gt;" in out


def test_answer_message_styles_markers_and_escapes_quotes() -> None:
    view = make_view(REVENUE, REVENUE_END)
    answer = Answer("q", f"「{XSS}」 [1] and [7]", False, [citation_of(view)], reason="covers 80%")
    out = ui.answer_message(answer)
    assert_inert(out)
    assert 'class="fc-msg fc-answer"' in out
    assert '<sup class="fc-marker" title="acme#3">[1]</sup>' in out
    assert "[7]" in out and 'title="acme#3">[7]' not in out  # no such citation: left as typed
    assert "\n\n" not in out


def test_abstention_looks_different_from_an_answer() -> None:
    out = ui.answer_message(Answer("q", "The documents don't say.", True, [], reason="nothing relevant"))
    assert "fc-abstain" in out and "fc-answer" not in out
    assert "fc-abstain-icon" in out and "No answer in the documents" in out
    assert "nothing relevant" in out


def test_multiline_messages_have_no_blank_lines() -> None:
    out = ui.question_message("line one\n\nline <two>")
    assert "\n" not in out and "<br><br>" in out and "&lt;two&gt;" in out


def test_sources_panel_numbers_each_citation_with_its_place() -> None:
    v1, v2 = make_view(REVENUE, REVENUE_END), make_view(0, 11, n=0)
    cites = [citation_of(v1, (REVENUE, REVENUE_END)), citation_of(v2)]
    out = ui.sources_html(cites, [v1, None], "What <was> revenue?", 400)
    assert_inert(out)
    assert out.count('<details class="fc-source"') == 2
    assert 'id="fc-source-1" data-cite="acme#3"' in out and 'id="fc-source-2" data-cite="acme#0"' in out
    assert "What &lt;was&gt; revenue?" in out
    assert "no longer in the index" in out  # the second had no view
    assert ui.sources_html([], [], "") == ui.EMPTY_SOURCES
    assert "cites no passage" in ui.sources_html([], [], "q")


@pytest.mark.parametrize("label", ["supported", "refuted", "not_enough_info"])
def test_verdict_badge_has_a_class_per_label(label: str) -> None:
    out = ui.verdict_badge(label)
    assert f"fc-badge--{label}" in out and 'id="fc-verdict-badge"' in out and f'data-verdict="{label}"' in out
    assert ui.VERDICT_LABELS[label][0] in out


def test_verdict_colours_are_distinct() -> None:
    colours = {
        label: re.search(rf"\.fc-badge--{label} {{ background: (#[0-9a-f]+); }}", ui.CSS).group(1)  # type: ignore[union-attr]
        for label in ui.VERDICT_LABELS
    }
    assert len(set(colours.values())) == 3


def test_verdict_html_shows_explanation_figures_and_evidence() -> None:
    view = make_view(REVENUE, REVENUE_END)
    verdict = Verdict(
        claim="Revenue was <b>RMB700 million</b>",
        label="refuted",
        explanation="The filing says RMB640.2 million, not RMB700 million.",
        citations=[citation_of(view, (REVENUE, REVENUE_END))],
        claim_figures=[{"text": "RMB700 million", "value": 700000000, "unit": "CNY", "metric": "revenue"}],
        source_figures=[{"text": "RMB640.2 million", "value": 640200000, "unit": "CNY", "id": "acme#3"}],
    )
    out = ui.verdict_html(verdict, [view], 400)
    assert_inert(out)
    assert "fc-verdict--refuted" in out and "fc-badge--refuted" in out
    assert "Revenue was &lt;b&gt;RMB700 million&lt;/b&gt;" in out
    assert "RMB700 million" in out and "RMB640.2 million" in out and "metric: revenue" in out
    assert "In the claim" in out and "Evidence" in out and 'data-cite="acme#3" open' in out


def test_verdict_without_evidence_or_figures_says_so() -> None:
    out = ui.verdict_html(Verdict("x", "not_enough_info", "Nothing found."), [], 400)
    assert "fc-badge--not_enough_info" in out and "No passage was found" in out and "fc-figures" not in out


def test_figure_label_copes_with_unknown_shapes() -> None:
    assert "42" in ui.figure_label({"value": 42})
    out = ui.figure_label({"text": "<i>5%</i>", "value": 5, "unit": "%", "nested": {"x": 1}})
    assert "&lt;i&gt;5%&lt;/i&gt;" in out and "= 5 %" in out and "nested" not in out
    checker = {"text": "RMB640.2 million", "value": "640200000", "unit": "CNY", "precision": "50000"}
    out = ui.figure_label({**checker, "period": "2024", "metric": "revenue", "negative": False, "qualifier": None})
    assert "= 640,200,000 CNY" in out and "metric: revenue · period: 2024" in out
    assert "precision" not in out and "negative" not in out and "qualifier" not in out


def test_documents_table_and_remove_choices() -> None:
    docs: list[dict[str, Any]] = [
        {"doc_id": "a<b", "name": "a<b.txt", "title": "T", "chunks": 4, "pages": None, "ingested_at": 0},
        {"doc_id": "c", "name": "c.pdf", "title": "", "chunks": 9, "pages": 3, "ingested_at": 1_700_000_000},
    ]
    out = ui.documents_html(docs)
    assert_inert(out)
    assert "a&lt;b.txt" in out and ">9<" in out and ">3<" in out
    assert ui.when(1_700_000_000)[:4] == "2023"
    assert ui.document_choices(docs) == [("a<b.txt (4 chunks)", "a<b"), ("c.pdf (9 chunks)", "c")]
    assert "No documents yet" in ui.documents_html([])


def test_ingest_report_names_files_not_upload_paths() -> None:
    report = IngestReport(added=["good.txt"], skipped=[("/tmp/gradio/abc123/bad.docx", "unsupported file type .docx")])
    report.chunks, report.seconds = 3, 0.4
    outcome = ui.ingest_outcome(report)
    out = ui.ingest_html(outcome)
    assert outcome.skipped == [("bad.docx", "unsupported file type .docx")]
    assert "<b>bad.docx</b>: unsupported file type .docx" in out and "/tmp/gradio" not in out
    assert "good.txt" in out and "1 file not added" in out


class FlakyAssistant:
    """Fails a batch that holds `bad`, and ingests any other file alone."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def ingest(self, paths: list[Path], progress: Any = None) -> IngestReport:
        names = [Path(p).name for p in paths]
        self.calls.append(names)
        if "bad.pdf" in names:
            raise RuntimeError("pdf parser crashed")
        return IngestReport(added=names, chunks=len(names))


def test_one_crashing_file_costs_no_other() -> None:
    fake = FlakyAssistant()
    outcome = ui.ingest_files(fake, [Path("x/a.txt"), Path("x/bad.pdf"), Path("x/c.md")])
    assert outcome.added == ["a.txt", "c.md"]
    assert outcome.skipped == [("bad.pdf", "could not be indexed: pdf parser crashed")]
    assert fake.calls[0] == ["a.txt", "bad.pdf", "c.md"]


def test_metrics_cards_and_by_tag_table() -> None:
    report = {
        "n": 4,
        "errors": 1,
        "malformed": 1,
        "malformed_lines": [{"line": 3, "error": "bad JSON <x>"}],
        "metrics": {
            "answer_accuracy": 0.75,
            "retrieval_recall_at_5": 1.0,
            "latency_ms_p50": 12.3,
            "verdict_accuracy": None,
        },
        "metric_n": {"answer_accuracy": 4},
        "by_tag": {"zh-Hant": {"n": 2, "accuracy": 0.5}, "<tag>": {"n": 1, "accuracy": 1.0}},
    }
    out = ui.metrics_html(report)
    assert_inert(out)
    assert "75.0%" in out and "Retrieval recall@5" in out and "12 ms" in out and "—" in out
    assert "bad JSON &lt;x&gt;" in out
    table = ui.by_tag_html(report)
    assert "zh-Hant" in table and "50.0%" in table and "&lt;tag&gt;" in table
    assert "No item" in ui.by_tag_html({"by_tag": {}})


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  acme#3 ", "acme#3"),
        ("[acme#3]", "acme#3"),
        ("「biren-hearing-2025#7」", "biren-hearing-2025#7"),
        ("", ""),
    ],
)
def test_citation_ids_are_taken_as_pasted(typed: str, expected: str) -> None:
    assert ui.normalise_citation_id(typed) == expected


def test_api_json_spells_out_the_quote() -> None:
    view = make_view(REVENUE, REVENUE_END)
    answer = Answer("q", "「x」 [1]", False, [citation_of(view, (REVENUE, REVENUE + 7))])
    data = ui.answer_json(answer)
    assert data["citations"][0]["quote"] == "Revenue" and data["citations"][0]["id"] == "acme#3"
    assert data["answer"] == "「x」 [1]" and data["abstained"] is False
    verdict = ui.verdict_json(Verdict("c", "supported", "ok", [citation_of(view)]))
    assert verdict["verdict"] == "supported" and verdict["citations"][0]["quote"] == view.chunk.text
    cite = ui.view_json(view)
    assert cite["id"] == "acme#3" and cite["before"] == view.before
    assert "path" not in cite  # gradio_client would try to download it as a file
