"""`Assistant`: the one API that the CLI, the web UI and the batch eval all call."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings

from . import answer as answering
from . import verify
from .chunking import chunk_document
from .citations import CitationView, lookup
from .embeddings import load_embedder, model_id
from .entities import EntityLexicon
from .errors import AssistantError, LoadError
from .index import Index, exclusive
from .loaders import discover, load_document
from .retrieve import Retriever
from .schema import Answer, Passage, Verdict
from .settings import Settings
from .text import script_of

Progress = Callable[[int, int, str], None]  # (done, total, what) for progress bars
WIDEN = 3  # how much wider the second search is when the first finds nothing to answer with


@dataclass
class IngestReport:
    """What an ingest did, file by file."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    chunks: int = 0  # chunks written by this ingest
    embedded: int = 0  # of which newly embedded (the rest came from the cache)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "skipped": [{"path": p, "why": w} for p, w in self.skipped]}

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.skipped)} skipped; {self.chunks} chunks "
            f"({self.embedded} embedded) in {self.seconds:.1f} s"
        )


class Assistant:
    """A question answerer and claim checker over one index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.index = Index(settings, model_id(settings.embedding))
        self._embedder: Embeddings | None = None
        self._retriever: Retriever | None = None
        self._lexicon: EntityLexicon | None = None
        self._chat_models: dict[str, Any] = {}
        # Ingest mutates the index; queries from the UI's worker threads must not see it halfway.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, index_dir: str | Path | None = None, settings: Settings | None = None, **overrides: Any) -> Assistant:
        """Open (or create) the index in `index_dir`; settings from env unless given."""
        settings = settings or Settings.from_env(**overrides)
        if index_dir is not None:
            settings = settings.replace(index_dir=Path(index_dir))
        return cls(settings)

    @classmethod
    def for_corpus(
        cls,
        corpus: str | Path,
        cache_dir: str | Path,
        settings: Settings | None = None,
        progress: Progress | None = None,
    ) -> Assistant:
        """An index of `corpus` in a cache folder keyed by its files' hashes and the settings."""
        settings = settings or Settings.from_env()
        files = discover([corpus])
        if not files:
            raise AssistantError(f"{corpus}: no .txt, .md, .html or .pdf files")
        key = hashlib.sha256()
        for f in files:
            key.update(f.name.encode() + hashlib.sha256(f.read_bytes()).digest())
        key.update(json.dumps([model_id(settings.embedding), settings.chunker_signature()]).encode())
        folder = Path(cache_dir) / key.hexdigest()[:16]
        # Two evals of one corpus share this folder; the second waits and then finds it built.
        with exclusive(folder.with_suffix(".lock")):
            assistant = cls(settings.replace(index_dir=folder))
            assistant.ingest(files, prune=True, progress=progress)
        return assistant

    # ---- parts made on first use ----------------------------------------------------------------

    @property
    def embedder(self) -> Embeddings:
        if self._embedder is None:
            self._embedder = load_embedder(self.settings.embedding)
        return self._embedder

    @property
    def lexicon(self) -> EntityLexicon:
        """The companies the indexed documents name (learnt from them, rebuilt after ingest)."""
        if self._lexicon is None:
            self._lexicon = EntityLexicon.build(self.index.documents.values())
        return self._lexicon

    def _changed(self) -> None:
        self.index.build_bm25()
        self._lexicon = None
        if self._retriever:
            self._retriever.reset()

    def _company_names(self, text: str) -> list[list[str]]:
        lexicon = self.lexicon
        return [lexicon.names_of(key) for key in sorted(lexicon.in_query(text))]

    def _company_docs(self, text: str) -> set[str]:
        lexicon = self.lexicon
        subject = lexicon.subject_of(text)
        return {doc for doc, key in lexicon.subjects.items() if subject and key == subject}

    @property
    def retriever(self) -> Retriever:
        if self._retriever is None:
            self._retriever = Retriever(
                self.index,
                self.embedder,
                self.settings.candidates,
                self.settings.rrf_k,
                self._company_names,
                self.settings.retrieval,
                self._company_docs,
            )
        return self._retriever

    # ---- ingest ------------------------------------------------------------------------------------

    def ingest(
        self, paths: Iterable[str | Path], prune: bool = False, progress: Progress | None = None
    ) -> IngestReport:
        """Add new and changed files under `paths`; unchanged files are left as they are."""
        started = time.perf_counter()
        report = IngestReport()
        with self._lock:
            todo = self._load_changed(discover(paths), report, prune, progress)
            total = sum(len(chunks) for _, chunks, _ in todo)
            done = 0

            def advance(n: int) -> None:
                nonlocal done
                done += n
                if progress:
                    progress(done, total, "chunks embedded")

            for doc, chunks, is_new in todo:
                report.embedded += self.index.add(doc, chunks, self.embedder.embed_documents, advance)
                (report.added if is_new else report.updated).append(doc.name)
                report.chunks += len(chunks)
            self._changed()
        report.seconds = time.perf_counter() - started
        return report

    def _load_changed(
        self, files: list[Path], report: IngestReport, prune: bool, progress: Progress | None = None
    ) -> list[tuple[Any, list, bool]]:
        todo = []
        seen: dict[str, Path] = {}
        for n, path in enumerate(files, start=1):
            if progress:
                progress(n, len(files), "files read")
            try:
                doc = load_document(path)
            except LoadError as exc:
                report.skipped.append((str(path), exc.why))
                continue
            if doc.doc_id in seen:
                report.skipped.append((str(path), f"same name as {seen[doc.doc_id]}; citation ids would clash"))
                continue
            seen[doc.doc_id] = path
            record = self.index.record(doc.doc_id)
            if record and record.sha256 == doc.sha256:
                report.unchanged.append(doc.name)
                continue
            chunks = chunk_document(doc, self.settings.chunk_size, self.settings.chunk_overlap)
            if not chunks:
                report.skipped.append((str(path), "no text worth indexing"))
                continue
            todo.append((doc, chunks, record is None))
        if prune:
            for record in self.index.records:
                if record.doc_id not in seen:
                    self.index.remove(record.doc_id)
                    report.removed.append(record.name)
        return todo

    def remove(self, doc_id: str) -> None:
        """Drop one document from the index."""
        with self._lock:
            self.index.remove(doc_id)
            self._changed()

    # ---- questions ---------------------------------------------------------------------------------

    def find(self, question: str, k: int | None = None) -> list[Passage]:
        """The passages most relevant to `question`, best first."""
        with self._lock:
            return self.retriever.search(question, k or self.settings.k)

    def chat_model(self, llm: Any = None) -> Any:
        """The LangChain chat model to use: `llm` itself, one named "provider:model", or the
        configured one (FACTCHECK_LLM / --llm); None for the extractive answerer."""
        if llm is None and not self.settings.llm:
            return None
        if llm is None or isinstance(llm, str):
            spec = llm or self.settings.llm
            if spec not in self._chat_models:
                from .llm import load_chat_model

                self._chat_models[spec] = load_chat_model(spec)
            return self._chat_models[spec]
        return llm

    def _retrieve(self, text: str, k: int | None) -> tuple[Any, list[Passage]]:
        text = text.strip()
        if not text:
            raise AssistantError("the question is empty")
        with self._lock:
            return self.retriever.parse(text), self.retriever.search(text, k or self.settings.answer_k)

    def _extractive(self, question: str, k: int | None) -> tuple[Any, list[Passage], Answer]:
        """The retrieved passages and the deterministic answer, which an LLM answer falls back on.

        When the passages hold no answer, the search is widened once (see `_judge`) before the
        answer says the documents don't hold it: the figure may sit in a table or in another
        language that ranked lower.
        """
        query, passages = self._retrieve(question, k)
        passages, answer = self._judge(answering.answer, query, passages, k, lambda a: not a.abstained)
        if k is None and answering.rounded(answer):
            # A story's "約1.48億港元" may be the filing's HK$148.3 million, ranked lower: look
            # again among the passages of the company's own documents.
            with self._lock:
                # Among the company's other documents: the one the rounding came from would
                # answer with it again.
                docs = self._company_docs(query.text) - {c.doc_id for c in answer.citations}
                if docs:
                    closer = self.retriever.search(query.text, self.settings.answer_k * WIDEN, within=docs)
                    finer = answering.answer(self.index, self.lexicon, query, closer)
                    if answering.refines(finer, answer):
                        return query, closer, finer
        return query, passages, answer

    def _judge(self, judge: Callable, query: Any, passages: list[Passage], k: int | None, found: Callable) -> tuple:
        """`judge` (the answerer or the verifier) on `passages`; when it finds nothing and the
        caller chose no k, once more on a search WIDEN times as wide."""
        with self._lock:
            result = judge(self.index, self.lexicon, query, passages)
            if not found(result) and k is None:
                wider = self.retriever.search(query.text, self.settings.answer_k * WIDEN)
                retry = judge(self.index, self.lexicon, query, wider)
                if found(retry):
                    return wider, retry
            return passages, result

    def ask(self, question: str, k: int | None = None, llm: Any = None) -> Answer:
        """Answer `question` from the documents, with citations, or say they don't hold it.

        With a chat model (`llm`, or the configured one) the model answers from the same
        passages, and its answer is shown only if every key figure in it is in a cited passage.
        """
        model = self.chat_model(llm)
        query, passages, extractive = self._extractive(question, k)
        if model is None:
            return extractive
        from .llm import llm_answer

        return llm_answer(model, query.text, passages, extractive, script_of(query.text))

    def ask_stream(self, question: str, k: int | None = None, llm: Any = None) -> Iterator[str | Answer]:
        """Like `ask`, but yields the model's text as it streams, then the final Answer."""
        model = self.chat_model(llm)
        query, passages, extractive = self._extractive(question, k)
        if model is None:
            yield extractive
            return
        from .llm import stream_answer

        yield from stream_answer(model, query.text, passages, extractive, script_of(query.text))

    def check(self, claim: str, k: int | None = None, llm: Any = None) -> Verdict:
        """Judge `claim` against the documents: supported, refuted or not enough info.

        With a chat model, its verdict is cross-checked with the figure comparison, which
        wins wherever they disagree on a figure.
        """
        model = self.chat_model(llm)
        query, passages = self._retrieve(claim, k)
        passages, verdict = self._judge(verify.check, query, passages, k, lambda v: v.label != "not_enough_info")
        if model is None:
            return verdict
        from .llm import llm_check

        return llm_check(model, query.text, passages, verdict, script_of(query.text))

    def cite(self, citation_id: str) -> Passage:
        """The passage a citation id names."""
        return Passage(self.index.chunk(citation_id.strip()))

    def view(self, citation_id: str, context: int = 200) -> CitationView:
        """The passage a citation id names, with its document and the text around it."""
        with self._lock:
            return lookup(self.index, citation_id, context)

    # ---- about the index ------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """What the index holds and how it was built."""
        records = self.index.records
        return {
            "index": str(self.settings.index_dir),
            "embedding_model": self.index.model_id,
            "chunker": self.settings.chunker_signature(),
            "documents": len(records),
            "chunks": len(self.index.chunks),
            "vectors": self.index.vector_count(),
            "docs": [r.to_dict() for r in sorted(records, key=lambda r: r.doc_id)],
        }

    def config(self) -> dict[str, Any]:
        """The settings an eval report records."""
        return {
            "embedding_model": self.index.model_id,
            "retrieval": (
                f"{self.settings.retrieval} rrf(k={self.settings.rrf_k}), candidates={self.settings.candidates}"
            ),
            "answerer": f"llm:{self.settings.llm} (grounded)" if self.settings.llm else "extractive (figure-aware)",
            "corpus_docs": len(self.index.records),
            "chunks": len(self.index.chunks),
        }
