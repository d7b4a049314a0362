"""HTML and JSON pieces of the web UI. Every string from a document or a user is escaped here."""

from __future__ import annotations

import html
import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .citations import CitationView
from .schema import Answer, Citation, Verdict

VERDICT_LABELS = {
    "supported": ("Supported", "✓"),
    "refuted": ("Refuted", "✗"),
    "not_enough_info": ("Not enough info", "?"),
}

METRIC_LABELS = {
    "answer_accuracy": "Answer accuracy",
    "abstention_accuracy": "Abstention accuracy",
    "verdict_accuracy": "Verdict accuracy",
    "verdict_macro_f1": "Verdict macro-F1",
    "citation_precision": "Citation precision",
    "citation_recall": "Citation recall",
    "latency_ms_p50": "Latency p50",
    "latency_ms_p95": "Latency p95",
    "supported_when_refuted": "Supported when refuted",
}

EMPTY_SOURCES = (
    '<div class="fc-empty" id="fc-sources-empty">Sources appear here: each passage an answer cites, '
    "with its document, page and citation id. Click one to read it in context.</div>"
)

# Brackets people copy along with an id from an answer or a report.
_ID_WRAPPERS = "[]【】「」()（）<>《》`'\" \t\r\n"
_MARKER = re.compile(r"\[(\d{1,3})\]")
_FOOTNOTE = re.compile(r"^\[(\d{1,3})\]\s*(.*)$")


def esc(text: object) -> str:
    """`text` as HTML text: markup in it is shown, never run."""
    return html.escape("" if text is None else str(text), quote=True)


def _lines(text: str) -> str:
    # Blank lines would end the HTML block the chat's Markdown renderer leaves alone.
    return esc(text).replace("\r\n", "\n").replace("\n", "<br>")


def normalise_citation_id(text: str) -> str:
    """A citation id as typed or pasted, without the brackets and spaces around it."""
    return (text or "").strip(_ID_WRAPPERS)


def error_html(message: str, title: str = "Something went wrong") -> str:
    """A message a person can act on, as an alert box."""
    return f'<div class="fc-error" role="alert"><strong>{esc(title)}</strong> {_lines(message)}</div>'


def notice_html(message: str) -> str:
    """A neutral, muted note (empty states, hints)."""
    return f'<div class="fc-empty">{_lines(message)}</div>'


# ---- passages ------------------------------------------------------------------------------------


def place(citation: Citation | None, view: CitationView | None) -> str:
    """Document, page and character offsets of a passage, as one line of HTML."""
    chunk = view.chunk if view else citation
    if chunk is None:
        return ""
    doc = getattr(chunk, "doc", "") or getattr(chunk, "doc_id", "")
    parts = [f'<span class="fc-doc">{esc(doc)}</span>']
    if chunk.page:
        parts.append(f'<span class="fc-page">p. {esc(chunk.page)}</span>')
    parts.append(f'<span class="fc-offsets">chars {chunk.start:,}–{chunk.end:,}</span>')
    return '<span class="fc-sep"> · </span>'.join(parts)


def highlighted_passage(text: str, start: int, quote: tuple[int, int] | None = None) -> str:
    """The passage (absolute `start`) with the quoted span, if any, marked inside it."""
    if quote is None or quote[0] is None or quote[1] is None:
        return f'<mark class="fc-hl">{esc(text)}</mark>'
    qs = min(max(quote[0] - start, 0), len(text))
    qe = min(max(quote[1] - start, qs), len(text))
    if qe <= qs:
        return f'<mark class="fc-hl">{esc(text)}</mark>'
    return f'{esc(text[:qs])}<mark class="fc-hl">{esc(text[qs:qe])}</mark>{esc(text[qe:])}'


def context_html(view: CitationView, quote: tuple[int, int] | None = None, context: int | None = None) -> str:
    """The passage highlighted inside the document text around it."""
    chunk = view.chunk
    cut_before = chunk.start - len(view.before) > 0
    cut_after = context is None or len(view.after) >= context
    return (
        '<div class="fc-context">'
        f'{"…" if cut_before else ""}<span class="fc-around">{esc(view.before)}</span>'
        f'<span class="fc-passage" data-cite="{esc(chunk.id)}">'
        f"{highlighted_passage(chunk.text, chunk.start, quote)}</span>"
        f'<span class="fc-around">{esc(view.after)}</span>{"…" if cut_after and view.after else ""}'
        "</div>"
    )


def view_html(view: CitationView, quote: tuple[int, int] | None = None, context: int | None = None) -> str:
    """A citation looked up by id: its id, title, place, then the passage in context."""
    chunk = view.chunk
    return (
        f'<div class="fc-view" data-cite="{esc(chunk.id)}">'
        f'<div class="fc-view-head"><code class="fc-cid">{esc(chunk.id)}</code>'
        f'<span class="fc-title">{esc(view.title)}</span></div>'
        f'<div class="fc-place">{place(None, view)}</div>'
        f"{context_html(view, quote, context)}</div>"
    )


def _quote_span(c: Citation) -> tuple[int, int] | None:
    if c.quote_start is None or c.quote_end is None:
        return None
    return (c.quote_start, c.quote_end)


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def source_card(n: int, citation: Citation, view: CitationView | None, context: int, open_: bool = False) -> str:
    """One cited passage: number, id, place and quote; expanding it shows the passage in context."""
    if view is not None:
        body = context_html(view, _quote_span(citation), context)
    else:  # the document went away since the answer: still show what was cited
        body = (
            '<div class="fc-context">'
            '<span class="fc-passage">'
            f"{highlighted_passage(citation.text, citation.start, _quote_span(citation))}"
            '</span></div><div class="fc-muted">The document is no longer in the index.</div>'
        )
    return (
        f'<details class="fc-source" id="fc-source-{n}" data-cite="{esc(citation.id)}"'
        f"{' open' if open_ else ''}>"
        f'<summary><span class="fc-num">{n}</span><span class="fc-source-main">'
        f'<span class="fc-source-top"><code class="fc-cid">{esc(citation.id)}</code>'
        f'<span class="fc-place">{place(citation, view)}</span></span>'
        f'<span class="fc-quote">{esc(_snippet(citation.quote))}</span></span></summary>'
        f"{body}</details>"
    )


def sources_html(
    citations: Sequence[Citation],
    views: Sequence[CitationView | None],
    question: str = "",
    context: int = 400,
) -> str:
    """The sources panel for one answer: a card per citation, numbered as the answer's markers."""
    if not citations:
        return notice_html("This answer cites no passage.") if question else EMPTY_SOURCES
    head = (
        f'<div class="fc-sources-head"><q>{esc(_snippet(question, 120))}</q>'
        '<div class="fc-muted">Open a source to read it in its document.</div></div>'
    )
    pairs = enumerate(zip(citations, views, strict=True), 1)
    cards = "".join(source_card(i, c, v, context) for i, (c, v) in pairs)
    return f'<div class="fc-sources">{head}{cards}</div>'


# ---- chat ------------------------------------------------------------------------------------------


def _with_markers(text: str, citations: Sequence[Citation]) -> str:
    """Escaped `text` with its [n] markers styled and titled with the citation id.

    A line that starts with a marker is the answer's footnote quoting that source.
    """

    def marker(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if not 1 <= n <= len(citations):
            return m.group(0)
        return f'<sup class="fc-marker" title="{esc(citations[n - 1].id)}">[{n}]</sup>'

    lines = []
    for line in text.splitlines() or [""]:
        note = _FOOTNOTE.match(line)
        if note and 1 <= int(note.group(1)) <= len(citations):
            n = int(note.group(1))
            lines.append(
                f'<div class="fc-footnote"><span class="fc-footnote-n" title="{esc(citations[n - 1].id)}">'
                f"[{n}]</span> {esc(note.group(2))}</div>"
            )
        else:
            lines.append(_MARKER.sub(marker, esc(line)) + "<br>")
    return "".join(lines).removesuffix("<br>")


def answer_message(answer: Answer) -> str:
    """An answer as a chat message; an abstention looks different (muted, with an icon)."""
    warnings = "".join(f'<div class="fc-warn">⚠ {_lines(w)}</div>' for w in answer.warnings)
    if answer.abstained:
        reason = f'<div class="fc-meta">{_lines(answer.reason)}</div>' if answer.reason else ""
        return (
            '<div class="fc-msg fc-abstain"><span class="fc-abstain-icon" aria-hidden="true">⊘</span>'
            f'<span class="fc-abstain-label">No answer in the documents</span>'
            f'<div class="fc-text">{_lines(answer.text)}</div>{reason}{warnings}</div>'
        )
    n = len(answer.citations)
    meta = f"{n} source{'s' if n != 1 else ''}" + (f" · {esc(answer.reason)}" if answer.reason else "")
    return (
        '<div class="fc-msg fc-answer">'
        f'<div class="fc-text">{_with_markers(answer.text, answer.citations)}</div>'
        f'<div class="fc-meta">{meta}</div>{warnings}</div>'
    )


def question_message(question: str) -> str:
    """The user's question as a chat message, shown as typed."""
    return f'<div class="fc-msg fc-question">{_lines(question)}</div>'


PENDING_MESSAGE = '<div class="fc-msg fc-pending">Searching the documents…</div>'


def chat_error_message(message: str) -> str:
    """A failed question, as a chat message."""
    return f'<div class="fc-msg fc-error" role="alert">{_lines(message)}</div>'


# ---- claims -----------------------------------------------------------------------------------------


def verdict_badge(label: str) -> str:
    """The verdict as a coloured badge with a class and id tests and styles can find."""
    text, icon = VERDICT_LABELS.get(label, (label.replace("_", " "), "•"))
    return (
        f'<span class="fc-badge fc-badge--{esc(label)}" id="fc-verdict-badge" data-verdict="{esc(label)}">'
        f'<span aria-hidden="true">{icon}</span> {esc(text)}</span>'
    )


def _number(value: Any) -> str:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{number:,}" if number.is_finite() else str(value)


# What a figure was read as, in the order people scan it; other keys are the checker's internals.
_FIGURE_FACTS = ("metric", "period", "entity", "company", "qualifier")


def figure_label(fig: Mapping[str, Any]) -> str:
    """One figure (as the checker reports it) as HTML: its text, then what it was read as."""
    text = fig.get("text") or fig.get("raw") or fig.get("surface") or ""
    value, unit = fig.get("value"), fig.get("unit") or ""
    read_as = f"{_number(value)} {unit}".strip() if value not in (None, "") else ""
    facts = [
        f"{esc(k)}: {esc(fig[k])}" for k in _FIGURE_FACTS if isinstance(fig.get(k), str | int | float) and fig[k] != ""
    ]
    if fig.get("negative") is True:
        facts.append("negative")
    parts = [f'<span class="fc-fig-text">{esc(text or read_as)}</span>']
    if text and read_as and read_as != text:
        parts.append(f'<span class="fc-fig-value">= {esc(read_as)}</span>')
    if facts:
        parts.append(f'<span class="fc-fig-extra">{" · ".join(facts)}</span>')
    return "".join(parts)


def figures_table(claim_figures: Sequence[Mapping[str, Any]], source_figures: Sequence[Mapping[str, Any]]) -> str:
    """The figures in the claim beside the figures in the sources they were compared with."""
    if not claim_figures and not source_figures:
        return ""
    rows = max(len(claim_figures), len(source_figures))
    body = "".join(
        "<tr>"
        f"<td>{figure_label(claim_figures[i]) if i < len(claim_figures) else ''}</td>"
        f"<td>{figure_label(source_figures[i]) if i < len(source_figures) else ''}</td>"
        "</tr>"
        for i in range(rows)
    )
    return (
        '<table class="fc-table fc-figures"><thead><tr><th>In the claim</th><th>In the sources</th></tr>'
        f"</thead><tbody>{body}</tbody></table>"
    )


def verdict_html(verdict: Verdict, views: Sequence[CitationView | None], context: int = 400) -> str:
    """A claim check: badge, claim, explanation, compared figures, then the evidence passages."""
    evidence = "".join(
        source_card(i, c, v, context, open_=i == 1)
        for i, (c, v) in enumerate(zip(verdict.citations, views, strict=True), 1)
    )
    evidence_block = (
        f'<h4 class="fc-h">Evidence</h4><div class="fc-sources">{evidence}</div>'
        if evidence
        else notice_html("No passage was found to compare the claim with.")
    )
    warnings = "".join(f'<div class="fc-warn">⚠ {_lines(w)}</div>' for w in verdict.warnings)
    figures = figures_table(verdict.claim_figures, verdict.source_figures)
    return (
        f'<div class="fc-verdict fc-verdict--{esc(verdict.label)}">'
        f'<div class="fc-verdict-head">{verdict_badge(verdict.label)}'
        f'<span class="fc-claim">{esc(verdict.claim)}</span></div>'
        f'<p class="fc-explanation">{_lines(verdict.explanation)}</p>{warnings}'
        f"{f'<h4 class=fc-h>Figures compared</h4>{figures}' if figures else ''}"
        f"{evidence_block}</div>"
    )


# ---- documents ----------------------------------------------------------------------------------------


def when(timestamp: float | None) -> str:
    """A time the way a person reads it, in this machine's zone."""
    if not timestamp:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def documents_html(docs: Sequence[Mapping[str, Any]]) -> str:
    """The documents in the index, with chunk counts and when each was ingested."""
    if not docs:
        return notice_html("No documents yet. Add .txt, .md, .html or .pdf files to start.")
    rows = "".join(
        f'<tr data-doc="{esc(d.get("doc_id"))}">'
        f'<td><div class="fc-doc-name">{esc(d.get("name") or d.get("doc_id"))}</div>'
        f'<div class="fc-muted">{esc(d.get("title") or "")}</div></td>'
        f"<td><code>{esc(d.get('doc_id'))}</code></td>"
        f'<td class="fc-num-cell">{esc(d.get("chunks", ""))}</td>'
        f'<td class="fc-num-cell">{esc(d.get("pages") or "—")}</td>'
        f"<td>{esc(when(d.get('ingested_at')))}</td></tr>"
        for d in docs
    )
    return (
        '<table class="fc-table fc-docs"><thead><tr><th>Document</th><th>Id</th>'
        '<th class="fc-num-cell">Chunks</th><th class="fc-num-cell">Pages</th><th>Ingested</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def document_choices(docs: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    """(label, doc_id) pairs for the remove picker."""
    return [(f"{d.get('name') or d['doc_id']} ({d.get('chunks', 0)} chunks)", str(d["doc_id"])) for d in docs]


def index_summary(status: Mapping[str, Any]) -> str:
    """One line about the index for the header."""
    docs, chunks = status.get("documents", 0), status.get("chunks", 0)
    model = status.get("embedding_model", "")
    return (
        f'<span class="fc-stat"><b>{esc(docs)}</b> document{"s" if docs != 1 else ""}</span>'
        f'<span class="fc-stat"><b>{esc(chunks)}</b> chunks</span>'
        f'<span class="fc-stat fc-muted">{esc(model)}</span>'
    )


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to the files of one upload, named as the person uploaded them."""

    added: list[str]
    updated: list[str]
    unchanged: list[str]
    skipped: list[tuple[str, str]]
    chunks: int
    seconds: float


def ingest_outcome(report: Any) -> IngestOutcome:
    """An IngestReport with file names instead of temporary upload paths."""
    return IngestOutcome(
        list(report.added),
        list(report.updated),
        list(report.unchanged),
        [(Path(p).name, why) for p, why in report.skipped],
        report.chunks,
        report.seconds,
    )


def ingest_files(
    assistant: Any, paths: Sequence[Path], progress: Callable[[int, int, str], None] | None = None
) -> IngestOutcome:
    """Ingest `paths`; should the batch fail, each file on its own, so one bad file costs no other."""
    try:
        return ingest_outcome(assistant.ingest(paths, progress=progress))
    except Exception:
        pass  # retried file by file below, where the failure gets pinned to its file
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    skipped: list[tuple[str, str]] = []
    chunks, seconds = 0, 0.0
    for path in paths:
        try:
            one = ingest_outcome(assistant.ingest([path], progress=progress))
        except Exception as exc:
            skipped.append((Path(path).name, f"could not be indexed: {exc}"))
            continue
        added += one.added
        updated += one.updated
        unchanged += one.unchanged
        skipped += one.skipped
        chunks += one.chunks
        seconds += one.seconds
    return IngestOutcome(added, updated, unchanged, skipped, chunks, seconds)


def ingest_html(outcome: IngestOutcome) -> str:
    """The result of an upload: what was added, and each file that was not, with why."""
    parts = []
    done = [
        ("Added", outcome.added),
        ("Updated", outcome.updated),
        ("Unchanged (already indexed)", outcome.unchanged),
    ]
    for label, names in done:
        if names:
            parts.append(f'<div class="fc-ok"><b>{esc(label)}:</b> {esc(", ".join(names))}</div>')
    if outcome.added or outcome.updated:
        took = f"{outcome.chunks} chunks indexed in {outcome.seconds:.1f} s"
        parts.append(f'<div class="fc-muted">{took}</div>')
    if outcome.skipped:
        items = "".join(f"<li><b>{esc(name)}</b>: {esc(why)}</li>" for name, why in outcome.skipped)
        n = len(outcome.skipped)
        parts.append(
            f'<div class="fc-error fc-skipped" role="alert"><strong>{n} file{"s" if n != 1 else ""} '
            f"not added</strong><ul>{items}</ul></div>"
        )
    return '<div class="fc-ingest">' + ("".join(parts) or notice_html("Nothing to add.")) + "</div>"


# ---- evaluation ------------------------------------------------------------------------------------------


def metric_value(name: str, value: float | None) -> str:
    """A metric as people read it: a percentage, milliseconds, or a dash when nothing measured it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if name.startswith("latency_ms"):
        return f"{value:,.0f} ms"
    return f"{value:.1%}"


def metric_label(name: str) -> str:
    """A metric's name for people."""
    if name in METRIC_LABELS:
        return METRIC_LABELS[name]
    if m := re.fullmatch(r"retrieval_recall_at_(\d+)", name):
        return f"Retrieval recall@{m.group(1)}"
    return name.replace("_", " ").capitalize()


def metrics_html(report: Mapping[str, Any]) -> str:
    """The headline metrics of an evaluation report as a grid of cards."""
    metrics: Mapping[str, Any] = report.get("metrics", {})
    counts: Mapping[str, Any] = report.get("metric_n", {})
    cards = "".join(
        f'<div class="fc-metric{"" if value is not None else " fc-metric--empty"}" data-metric="{esc(name)}">'
        f'<div class="fc-metric-label">{esc(metric_label(name))}</div>'
        f'<div class="fc-metric-value">{esc(metric_value(name, value))}</div>'
        f'<div class="fc-muted">n = {esc(counts.get(name, "—"))}</div></div>'
        for name, value in metrics.items()
    )
    n, errors, malformed = report.get("n", 0), report.get("errors", 0), report.get("malformed", 0)
    head = (
        f'<div class="fc-eval-head"><b>{esc(n)}</b> items · <b>{esc(errors)}</b> errors · '
        f"<b>{esc(malformed)}</b> malformed lines</div>"
    )
    bad = report.get("malformed_lines") or []
    bad_html = ""
    if bad:
        items = "".join(f"<li>line {esc(b.get('line'))}: {esc(b.get('error'))}</li>" for b in bad[:20])
        more = f"<li>… and {len(bad) - 20} more</li>" if len(bad) > 20 else ""
        bad_html = f'<div class="fc-warn"><b>Malformed lines were skipped:</b><ul>{items}{more}</ul></div>'
    return f'<div class="fc-eval">{head}<div class="fc-metrics">{cards}</div>{bad_html}</div>'


def by_tag_html(report: Mapping[str, Any]) -> str:
    """Accuracy by tag as a table."""
    by_tag: Mapping[str, Mapping[str, Any]] = report.get("by_tag", {})
    if not by_tag:
        return notice_html("No item in the set has tags.")
    rows = "".join(
        f'<tr><td><span class="fc-tag">{esc(tag)}</span></td><td class="fc-num-cell">{esc(row.get("n"))}</td>'
        f'<td class="fc-num-cell">{esc(metric_value("accuracy", row.get("accuracy")))}</td></tr>'
        for tag, row in by_tag.items()
    )
    return (
        '<table class="fc-table fc-by-tag"><thead><tr><th>Tag</th><th class="fc-num-cell">Items</th>'
        f'<th class="fc-num-cell">Accuracy</th></tr></thead><tbody>{rows}</tbody></table>'
    )


# ---- the HTTP API's JSON ---------------------------------------------------------------------------------


def citation_json(c: Citation) -> dict[str, Any]:
    """A citation as JSON, with the quoted part spelled out."""
    return {**c.to_dict(), "quote": c.quote}


def answer_json(answer: Answer) -> dict[str, Any]:
    """What the `ask` endpoint returns."""
    return {**answer.to_dict(), "citations": [citation_json(c) for c in answer.citations]}


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """What the `check` endpoint returns."""
    return {**verdict.to_dict(), "citations": [citation_json(c) for c in verdict.citations]}


def view_json(view: CitationView) -> dict[str, Any]:
    """What the `cite` endpoint returns: the view without the server's file path.

    gradio_client takes any dict with a "path" key for a file to download.
    """
    return {k: v for k, v in view.to_dict().items() if k != "path"}


# Run by gr.HTML on load: an opened source scrolls its context box to the highlight, which
# otherwise sits below the text before it. Page scroll is left alone.
SCROLL_TO_HIGHLIGHT_JS = """
const reveal = (root) => {
  root.querySelectorAll('.fc-context').forEach((box) => {
    const mark = box.querySelector('mark.fc-hl');
    if (!mark || box.offsetParent === null) return;
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - 48;
  });
};
element.addEventListener('toggle', (e) => { if (e.target.open) reveal(e.target); }, true);
if (typeof watch === 'function') watch('value', () => requestAnimationFrame(() => reveal(element)));
"""

# Theme variables keep it legible in dark mode; the fixed colours are the verdicts' and highlights'.
CSS = """
.fc-header { align-items: center; border-bottom: 1px solid var(--border-color-primary); padding-bottom: 8px; }
.fc-title-row { display: flex; align-items: baseline; gap: 14px; min-width: 0; }
.fc-tagline { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.fc-panel-title {
  font-size: 0.8em;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--body-text-color-subdued);
}
#fc-stats { text-align: right; }
.fc-brand { font-size: 1.25rem; font-weight: 700; letter-spacing: -0.01em; }
.fc-tagline { color: var(--body-text-color-subdued); }
.fc-stat { margin-left: 14px; font-size: 0.9em; white-space: nowrap; }
.fc-muted, .fc-meta { color: var(--body-text-color-subdued); font-size: 0.88em; }
.fc-empty {
  color: var(--body-text-color-subdued);
  padding: 14px;
  border: 1px dashed var(--border-color-primary);
  border-radius: 6px;
  line-height: 1.5;
}
.fc-error {
  border: 1px solid #e5484d;
  border-left-width: 4px;
  background: rgba(229, 72, 77, 0.08);
  padding: 10px 12px;
  border-radius: 6px;
  line-height: 1.5;
}
.fc-error ul { margin: 6px 0 0 18px; }
.fc-warn {
  border-left: 3px solid #d9a300;
  background: rgba(217, 163, 0, 0.10);
  padding: 6px 10px;
  margin-top: 6px;
  border-radius: 4px;
  font-size: 0.9em;
}
.fc-ok { padding: 2px 0; }
.fc-msg { line-height: 1.6; }
.fc-text { font-size: 1.0em; }
.fc-marker { color: var(--color-accent); font-weight: 600; cursor: help; margin-left: 1px; }
.fc-footnote {
  margin-top: 6px;
  padding-left: 10px;
  border-left: 2px solid var(--border-color-primary);
  color: var(--body-text-color-subdued);
  font-size: 0.92em;
}
.fc-footnote-n { color: var(--color-accent); font-weight: 600; cursor: help; }
.fc-abstain { color: var(--body-text-color-subdued); font-style: italic; }
.fc-abstain-icon { font-style: normal; margin-right: 6px; }
.fc-abstain-label {
  font-style: normal;
  font-weight: 600;
  font-size: 0.8em;
  text-transform: uppercase;
  letter-spacing: 0.04em;
  border: 1px solid var(--border-color-primary);
  border-radius: 999px;
  padding: 1px 8px;
}
.fc-abstain .fc-text { margin-top: 4px; }
.fc-pending { color: var(--body-text-color-subdued); }
.fc-msg.fc-error { border-left-width: 4px; }
.fc-sources-head { font-weight: 600; margin: 2px 0 8px; }
.fc-sources { display: flex; flex-direction: column; gap: 8px; }
.fc-source {
  border: 1px solid var(--border-color-primary);
  border-radius: 8px;
  background: var(--background-fill-primary);
}
.fc-source[open] { border-color: var(--color-accent); box-shadow: 0 0 0 1px var(--color-accent-soft); }
.fc-source > summary { list-style: none; cursor: pointer; display: flex; gap: 10px; padding: 10px 12px; }
.fc-source > summary::-webkit-details-marker { display: none; }
.fc-source > summary:hover { background: var(--background-fill-secondary); border-radius: 8px; }
.fc-num {
  flex: none;
  width: 22px;
  height: 22px;
  border-radius: 50%;
  background: var(--color-accent);
  color: white;
  font-size: 0.8em;
  font-weight: 700;
  display: inline-flex;
  align-items: center;
  justify-content: center;
}
.fc-source-main { display: flex; flex-direction: column; gap: 3px; min-width: 0; }
.fc-source-top { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.fc-cid {
  font-family: var(--font-mono);
  font-size: 0.85em;
  background: var(--background-fill-secondary);
  padding: 1px 6px;
  border-radius: 4px;
}
.fc-place { color: var(--body-text-color-subdued); font-size: 0.85em; }
.fc-quote { font-size: 0.92em; line-height: 1.5; }
.fc-context {
  white-space: pre-wrap;
  line-height: 1.7;
  padding: 10px 14px 12px;
  margin: 0 10px 10px;
  max-height: 360px;
  overflow: auto;
  background: var(--background-fill-secondary);
  border-radius: 6px;
  font-size: 0.92em;
  overflow-wrap: anywhere;
}
.fc-around { color: var(--body-text-color-subdued); }
.fc-passage { background: rgba(59, 130, 246, 0.12); color: var(--body-text-color); border-radius: 2px; }
mark.fc-hl { background: #fde68a; color: #111827; padding: 1px 0; border-radius: 2px; }
.fc-view { display: flex; flex-direction: column; gap: 6px; }
.fc-view-head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.fc-title { font-weight: 600; }
.fc-view .fc-context { margin: 4px 0 0; max-height: 520px; }
.fc-badge {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  font-weight: 700;
  padding: 4px 12px;
  border-radius: 999px;
  font-size: 0.95em;
  color: white;
  white-space: nowrap;
}
.fc-badge--supported { background: #15803d; }
.fc-badge--refuted { background: #b91c1c; }
.fc-badge--not_enough_info { background: #6b7280; }
.fc-verdict {
  display: flex;
  flex-direction: column;
  gap: 8px;
  border-left: 4px solid #6b7280;
  padding-left: 14px;
}
.fc-verdict--supported { border-left-color: #15803d; }
.fc-verdict--refuted { border-left-color: #b91c1c; }
.fc-verdict-head { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.fc-claim { font-weight: 600; }
.fc-explanation { margin: 0; line-height: 1.6; }
.fc-h {
  margin: 10px 0 4px;
  font-size: 0.8em;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--body-text-color-subdued);
}
.fc-table {
  border-collapse: collapse;
  width: 100%;
  font-size: 0.92em;
  border: 0 !important;
  margin: 0 !important;
}
.fc-table tr, .fc-table th, .fc-table td {
  border-left: 0 !important;
  border-right: 0 !important;
  border-top: 0 !important;
}
.fc-inline { align-items: flex-end !important; }
.fc-inline > button { flex-grow: 0 !important; min-width: 110px !important; margin-bottom: 12px; }
.fc-table th {
  text-align: left;
  font-weight: 600;
  color: var(--body-text-color-subdued);
  font-size: 0.85em;
  text-transform: uppercase;
  letter-spacing: 0.03em;
  border-bottom: 1px solid var(--border-color-primary);
  padding: 6px 8px;
}
.fc-table td {
  border-bottom: 1px solid var(--border-color-primary);
  padding: 7px 8px;
  vertical-align: top;
}
.fc-table tbody tr:hover { background: var(--background-fill-secondary); }
.fc-table .fc-num-cell { text-align: right; font-variant-numeric: tabular-nums; }
.fc-doc-name { font-weight: 600; }
.fc-fig-text { font-weight: 600; margin-right: 6px; }
.fc-fig-value, .fc-fig-extra {
  color: var(--body-text-color-subdued);
  font-size: 0.88em;
  margin-right: 6px;
}
.fc-ingest { display: flex; flex-direction: column; gap: 6px; }
.fc-eval-head { margin-bottom: 10px; }
.fc-metrics { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
.fc-metric { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px; }
.fc-metric--empty { opacity: 0.55; }
.fc-metric-label {
  font-size: 0.8em;
  color: var(--body-text-color-subdued);
  text-transform: uppercase;
  letter-spacing: 0.03em;
}
.fc-metric-value { font-size: 1.5em; font-weight: 700; font-variant-numeric: tabular-nums; }
.fc-tag { font-family: var(--font-mono); font-size: 0.88em; }
#fc-chat .fc-msg { font-size: 0.97em; }
"""
