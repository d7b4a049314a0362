"""The factcheck web UI and HTTP API: chat, claim checks, citation lookup, documents, evaluation.

Run `python app.py --help`. The logic lives in the `assistant` package; this file only wires it up.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.themes.utils import fonts

from assistant import Assistant, AssistantError, Citation, ui
from assistant.citations import CitationView

CONTEXT = 400  # characters of document text shown on each side of a cited passage
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860

# Fonts shipped inside gradio or installed on the machine: the page never fetches one.
THEME = gr.themes.Default(
    primary_hue="blue",
    neutral_hue="slate",
    radius_size="sm",
    font=[
        fonts.LocalFont("Source Sans Pro"),
        "WenQuanYi Micro Hei",
        "Noto Sans CJK SC",
        "PingFang SC",
        "Microsoft YaHei",
        "system-ui",
        "sans-serif",
    ],
    font_mono=[fonts.LocalFont("IBM Plex Mono"), "WenQuanYi Micro Hei Mono", "ui-monospace", "monospace"],
)

EXAMPLE_ID = "biren-hearing-2025#7"

log = logging.getLogger("factcheck.app")

# Markers gradio swaps for a per-event tracker (it looks for a Progress default).
INGEST_PROGRESS = gr.Progress()
EVAL_PROGRESS = gr.Progress(track_tqdm=True)


def unexpected(exc: Exception) -> str:
    """A bug's message for the page; its traceback goes to the server log."""
    log.error("unexpected error", exc_info=exc)
    return f"unexpected error ({type(exc).__name__}: {exc}); the server log has the details"


def api_result(call: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """`call()`; a failure reaches the API client as an error carrying its message."""
    try:
        return call()
    except AssistantError as exc:
        raise gr.Error(str(exc)) from exc
    except Exception as exc:
        raise gr.Error(unexpected(exc)) from exc


class FactcheckApp(gr.Blocks):
    """gr.Blocks whose launch() brings its own theme, CSS and offline settings."""

    reports_dir: tempfile.TemporaryDirectory[str] | None = None  # evaluation reports, kept while the app is

    def launch(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        # Gradio 6 takes theme and CSS at launch, not in the constructor; tests launch it too.
        kwargs.setdefault("theme", THEME)
        kwargs.setdefault("css", ui.CSS)
        kwargs.setdefault("server_name", DEFAULT_HOST)
        kwargs.setdefault("ssr_mode", False)
        kwargs.setdefault("footer_links", ["api"])
        kwargs.setdefault("pwa", False)
        kwargs.setdefault("mcp_server", False)
        return super().launch(*args, **kwargs)


def build_app(assistant: Assistant) -> FactcheckApp:
    """The whole UI over one assistant; launch it with `.launch(server_port=...)`."""
    # Removed when the app is garbage-collected or the process exits; gradio serves copies.
    reports = tempfile.TemporaryDirectory(prefix="factcheck-reports-")
    reports_root = Path(reports.name)

    def views(citations: Sequence[Citation]) -> list[CitationView | None]:
        out: list[CitationView | None] = []
        for c in citations:
            try:
                view = assistant.view(c.id, context=CONTEXT)
            except AssistantError:
                view = None
            # A re-ingested document may reuse the id for other text: then show what was cited.
            out.append(view if view is not None and view.chunk.text == c.text else None)
        return out

    # ---- chat ----

    def chat(question: str, history: list[dict[str, str]], sources: dict[int, str]) -> Iterator[tuple[Any, ...]]:
        question = (question or "").strip()
        if not question:
            gr.Warning("Type a question first.")
            yield gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
            return
        history = [*history, {"role": "user", "content": ui.question_message(question)}]
        pending = [*history, {"role": "assistant", "content": ui.PENDING_MESSAGE}]
        yield pending, history, sources, "", gr.skip()
        try:
            answer, partial = None, ""
            for piece in assistant.ask_stream(question):
                if isinstance(piece, str):  # a chat model streaming its answer
                    partial += piece
                    streaming = [*history, {"role": "assistant", "content": html.escape(partial) + " ▌"}]
                    yield streaming, history, sources, "", gr.skip()
                else:
                    answer = piece
            message = ui.answer_message(answer)
            panel = ui.sources_html(answer.citations, views(answer.citations), question, CONTEXT)
        except AssistantError as exc:
            message = ui.chat_error_message(str(exc))
            panel = ui.error_html(str(exc), "Couldn't answer:")
        except Exception as exc:
            why = unexpected(exc)
            message, panel = ui.chat_error_message(why), ui.error_html(why, "Couldn't answer:")
        history = [*history, {"role": "assistant", "content": message}]
        sources = {**sources, len(history) - 1: panel}
        yield history, history, sources, gr.skip(), panel

    def show_sources(sources: dict[int, str], evt: gr.SelectData) -> Any:
        index = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        # A click on a question shows the sources of the answer that follows it.
        for i in (index, index + 1):
            if i in sources:
                return sources[i]
        return gr.skip()

    def new_chat() -> tuple[Any, ...]:
        return [], [], {}, ui.EMPTY_SOURCES

    # ---- claims and citations ----

    def check_claim(claim: str) -> str:
        claim = (claim or "").strip()
        if not claim:
            return ui.notice_html("Type a claim to check, e.g. a sentence with a figure from a filing.")
        try:
            verdict = assistant.check(claim)
        except AssistantError as exc:
            return ui.error_html(str(exc), "Couldn't check the claim:")
        except Exception as exc:
            return ui.error_html(unexpected(exc), "Couldn't check the claim:")
        return ui.verdict_html(verdict, views(verdict.citations), CONTEXT)

    def look_up(text: str, context: float) -> str:
        citation_id = ui.normalise_citation_id(text)
        if not citation_id:
            return ui.notice_html(f"Paste a citation id such as {EXAMPLE_ID}.")
        try:
            view = assistant.view(citation_id, context=int(context))
        except AssistantError as exc:
            return ui.error_html(str(exc), "No such citation:")
        except Exception as exc:
            return ui.error_html(unexpected(exc), "Couldn't look it up:")
        return ui.view_html(view, None, int(context))

    # ---- documents ----

    def listing() -> tuple[Any, ...]:
        status = assistant.status()
        choices = ui.document_choices(status["docs"])
        return (
            ui.index_summary(status),
            ui.documents_html(status["docs"]),
            gr.Dropdown(choices=choices, value=None),
        )

    def add_documents(files: list[str] | None, progress: gr.Progress = INGEST_PROGRESS) -> tuple[Any, ...]:
        if not files:
            return (ui.notice_html("Choose one or more files first."), gr.skip(), *listing())
        title = f"Indexing {len(files)} file{'s' if len(files) != 1 else ''}"
        progress(0, desc=title)

        def tick(done: int, total: int, what: str) -> None:
            progress((done, total), desc=f"{title}: {what}", unit=what.split()[0])

        outcome = ui.ingest_files(assistant, [Path(f) for f in files], tick)
        return (ui.ingest_html(outcome), None, *listing())

    def remove_document(doc_id: str | None) -> tuple[Any, ...]:
        if not doc_id:
            return (ui.notice_html("Pick a document to remove."), *listing())
        try:
            assistant.remove(doc_id)
        except AssistantError as exc:
            return (ui.error_html(str(exc), "Couldn't remove it:"), *listing())
        except Exception as exc:
            return (ui.error_html(unexpected(exc), "Couldn't remove it:"), *listing())
        return (ui.notice_html(f"Removed {doc_id}."), *listing())

    # ---- evaluation ----

    def run_eval(path: str | None, k: float, progress: gr.Progress = EVAL_PROGRESS) -> tuple[Any, ...]:
        hidden = gr.DownloadButton(visible=False)
        if not path:
            return ui.notice_html("Choose a question set (.jsonl) first."), "", hidden, hidden
        try:
            from assistant import evaluate as evaluation
        except ImportError as exc:  # the module is optional while it is being written
            missing = f"batch evaluation is not available in this build ({exc})"
            return ui.error_html(missing), "", hidden, hidden
        name = Path(path).name
        try:
            items, malformed = evaluation.load_question_set(path)
            if not items:
                why = "; ".join(f"line {m['line']}: {m['error']}" for m in malformed[:5])
                return ui.error_html(f"{name}: no usable item. {why}", "Nothing to run:"), "", hidden, hidden
            progress(0, desc=f"Running {len(items)} items")
            report = evaluation.evaluate(assistant, items, k=int(k), progress=True, malformed=malformed)
            json_path, md_path = evaluation.write_reports(report, reports_root / uuid.uuid4().hex)
        except AssistantError as exc:
            return ui.error_html(str(exc), "Couldn't run the evaluation:"), "", hidden, hidden
        except Exception as exc:
            return ui.error_html(unexpected(exc), "Couldn't run the evaluation:"), "", hidden, hidden
        data = report.to_dict()
        return (
            ui.metrics_html(data),
            ui.by_tag_html(data),
            gr.DownloadButton(value=str(json_path), visible=True),
            gr.DownloadButton(value=str(md_path), visible=True),
        )

    # ---- the HTTP API (gradio_client: api_name="/ask", "/check", "/cite") ----

    def api_ask(question: str) -> dict[str, Any]:
        """Answer a question from the documents, with citations (or an abstention)."""
        return api_result(lambda: ui.answer_json(assistant.ask(question)))

    def api_check(claim: str) -> dict[str, Any]:
        """Judge a claim: verdict, explanation, figures compared and citations."""
        return api_result(lambda: ui.verdict_json(assistant.check(claim)))

    def api_cite(citation_id: str) -> dict[str, Any]:
        """The passage a citation id names, with its document, page, offsets and context."""
        return api_result(lambda: ui.view_json(assistant.view(ui.normalise_citation_id(citation_id), CONTEXT)))

    private: dict[str, Any] = {"api_visibility": "private"}

    with FactcheckApp(title="factcheck", analytics_enabled=False, fill_width=True) as demo:
        history = gr.State([])
        sources = gr.State({})
        with gr.Row(elem_classes="fc-header"):
            gr.HTML(
                '<div class="fc-title-row"><span class="fc-brand">factcheck</span>'
                '<span class="fc-tagline">Answers and claim checks over financial filings, '
                "every statement resting on a cited passage.</span></div>",
                js_on_load=None,
                scale=4,
            )
            stats = gr.HTML(elem_id="fc-stats", js_on_load=None, scale=1, min_width=260)

        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=420):
                    chatbot = gr.Chatbot(
                        elem_id="fc-chat",
                        show_label=False,
                        height="62vh",
                        min_height=360,
                        latex_delimiters=[],
                        feedback_options=None,
                        buttons=[],  # a copy button would copy the message's HTML
                        placeholder=(
                            "Ask about the filings in English, 简体中文 or 繁體中文. "
                            "Each answer quotes its sources; markers like [1] point to the "
                            "panel on the right."
                        ),
                    )
                    with gr.Row(equal_height=True, elem_classes="fc-ask-row"):
                        question = gr.Textbox(
                            show_label=False,
                            placeholder="e.g. What revenue did the company report for 2024?",
                            elem_id="fc-question",
                            scale=8,
                            lines=1,
                            max_lines=4,
                            autofocus=True,
                            container=False,
                        )
                        ask_btn = gr.Button("Ask", variant="primary", elem_id="fc-ask", scale=1, min_width=80)
                        clear_btn = gr.Button("New chat", elem_id="fc-new-chat", scale=1, min_width=100)
                with gr.Column(scale=2, min_width=340):
                    gr.HTML('<div class="fc-panel-title">Sources</div>', js_on_load=None)
                    source_panel = gr.HTML(
                        ui.EMPTY_SOURCES,
                        elem_id="fc-sources",
                        max_height=720,
                        js_on_load=ui.SCROLL_TO_HIGHLIGHT_JS,
                    )

            with gr.Tab("Check a claim", id="check"), gr.Row(equal_height=False):
                with gr.Column(scale=2, min_width=320):
                    claim = gr.Textbox(
                        label="Claim",
                        lines=4,
                        placeholder="e.g. Revenue grew 46% in 2024 to RMB873.4 million.",
                        elem_id="fc-claim",
                    )
                    check_btn = gr.Button("Check claim", variant="primary", elem_id="fc-check")
                with gr.Column(scale=3, min_width=420):
                    verdict = gr.HTML(
                        ui.notice_html("The verdict, the figures compared and the evidence appear here."),
                        elem_id="fc-verdict",
                        js_on_load=ui.SCROLL_TO_HIGHLIGHT_JS,
                    )

            with gr.Tab("Citation lookup", id="cite"):
                with gr.Row(equal_height=False, elem_classes="fc-inline"):
                    cite_id = gr.Textbox(label="Citation id", placeholder=EXAMPLE_ID, elem_id="fc-cite-id", scale=4)
                    context = gr.Slider(100, 2000, value=CONTEXT, step=50, label="Context (characters)", scale=2)
                    cite_btn = gr.Button("Look up", variant="primary", elem_id="fc-cite", scale=1)
                cite_view = gr.HTML(
                    ui.notice_html(f"Paste an id from an answer or a report, such as {EXAMPLE_ID}."),
                    elem_id="fc-cite-view",
                    js_on_load=ui.SCROLL_TO_HIGHLIGHT_JS,
                )

            with gr.Tab("Documents", id="docs"), gr.Row(equal_height=False):
                with gr.Column(scale=2, min_width=320):
                    files = gr.File(
                        label="Add documents (.txt, .md, .html, .pdf)",
                        file_count="multiple",
                        elem_id="fc-upload",
                        height=160,
                    )
                    add_btn = gr.Button("Add to index", variant="primary", elem_id="fc-add")
                    ingest_result = gr.HTML(elem_id="fc-ingest-result", js_on_load=None)
                with gr.Column(scale=3, min_width=420):
                    doc_list = gr.HTML(elem_id="fc-doc-list", js_on_load=None)
                    with gr.Row(equal_height=False, elem_classes="fc-inline"):
                        remove_pick = gr.Dropdown(
                            label="Remove a document", choices=[], elem_id="fc-remove-pick", scale=4
                        )
                        remove_btn = gr.Button("Remove", variant="stop", elem_id="fc-remove", scale=1)

            with gr.Tab("Evaluate", id="eval"), gr.Row(equal_height=False):
                with gr.Column(scale=2, min_width=320):
                    qset = gr.File(label="Question set (.jsonl)", elem_id="fc-qset", height=140)
                    k = gr.Number(5, label="Passages retrieved per item (k)", precision=0, minimum=1, maximum=50)
                    run_btn = gr.Button("Run evaluation", variant="primary", elem_id="fc-run-eval")
                    with gr.Row():
                        dl_json = gr.DownloadButton("report.json", visible=False, elem_id="fc-dl-json")
                        dl_md = gr.DownloadButton("report.md", visible=False, elem_id="fc-dl-md")
                with gr.Column(scale=3, min_width=420):
                    eval_metrics = gr.HTML(
                        ui.notice_html("Headline metrics and accuracy by tag appear here after a run."),
                        elem_id="fc-eval-metrics",
                        js_on_load=None,
                    )
                    eval_by_tag = gr.HTML(elem_id="fc-eval-by-tag", js_on_load=None)

        chat_io: dict[str, Any] = {
            "inputs": [question, history, sources],
            "outputs": [chatbot, history, sources, question, source_panel],
            "show_progress": "hidden",
            **private,
        }
        ask_btn.click(chat, **chat_io)
        question.submit(chat, **chat_io)
        chatbot.select(show_sources, [sources], [source_panel], **private)
        clear_btn.click(new_chat, None, [chatbot, history, sources, source_panel], **private)
        chatbot.clear(new_chat, None, [chatbot, history, sources, source_panel], **private)
        check_btn.click(check_claim, [claim], [verdict], **private)
        claim.submit(check_claim, [claim], [verdict], **private)
        cite_btn.click(look_up, [cite_id, context], [cite_view], **private)
        cite_id.submit(look_up, [cite_id, context], [cite_view], **private)
        listing_out = [stats, doc_list, remove_pick]
        add_btn.click(add_documents, [files], [ingest_result, files, *listing_out], show_progress_on=[files], **private)
        remove_btn.click(remove_document, [remove_pick], [ingest_result, *listing_out], **private)
        run_btn.click(
            run_eval,
            [qset, k],
            [eval_metrics, eval_by_tag, dl_json, dl_md],
            show_progress_on=[eval_metrics],
            **private,
        )
        demo.load(listing, None, listing_out, **private)

        gr.api(api_ask, api_name="ask")
        gr.api(api_check, api_name="check")
        gr.api(api_cite, api_name="cite")

    # Queries take the assistant's lock in turn; lookups and page loads need not wait behind them.
    demo.queue(default_concurrency_limit=8)
    demo.reports_dir = reports
    return demo


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="app.py",
        description=(
            "Serve the factcheck web UI: chat with cited answers, claim checks, citation lookup, "
            "document upload and batch evaluation. The same server is an HTTP API for gradio_client "
            "(endpoints /ask, /check and /cite)."
        ),
        epilog=(
            "example: python app.py --index index --port 7860, then from Python: "
            'gradio_client.Client("http://127.0.0.1:7860").predict("Revenue in 2024?", api_name="/ask")'
        ),
    )
    parser.add_argument(
        "--index",
        metavar="DIR",
        default=os.environ.get("FACTCHECK_INDEX") or "index",
        help="index folder to serve, created if missing (default: $FACTCHECK_INDEX or ./index)",
    )
    parser.add_argument(
        "--llm",
        metavar="PROVIDER:MODEL",
        default=os.environ.get("FACTCHECK_LLM") or None,
        help="answer with a LangChain chat model, e.g. ollama:qwen2.5 (default: $FACTCHECK_LLM; "
        "none: the extractive answerer). Its figures are checked against the cited passages.",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}, this machine only; 0.0.0.0 exposes it)",
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    try:
        assistant = Assistant.open(args.index, llm=args.llm)
        assistant.chat_model()  # a missing provider package or key is reported now, not per question
    except AssistantError as exc:
        print(f"app.py: {exc}", file=sys.stderr)
        return 2
    try:
        if assistant.status()["documents"]:
            assistant.find("warm up", k=1)  # load the embedder now, not on the first question
    except Exception as exc:  # the page still serves documents and lookups; questions will say why
        print(f"app.py: warm-up failed: {exc}", file=sys.stderr)
    build_app(assistant).launch(server_name=args.host, server_port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
