"""The records that flow between the parts: Document → Chunk → Passage → Answer / Verdict."""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """A loaded file. `text` is the original text; offsets everywhere point into it."""

    doc_id: str  # file stem; the first half of every citation id
    name: str  # file name, as evidence[].doc in question sets
    path: str
    title: str
    text: str
    sha256: str  # of the file's bytes and the reader's version
    # Char offset where each page starts (PDF only); page n (1-based) starts at page_starts[n-1].
    page_starts: tuple[int, ...] | None = None

    def page_at(self, offset: int) -> int | None:
        """1-based page holding char `offset`, or None for documents without pages."""
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Chunk:
    """A span of a document: `document.text[start:end] == text`."""

    doc_id: str
    n: int  # position in the document, from 0
    text: str
    start: int
    end: int
    page: int | None = None
    doc: str = ""  # file name

    @property
    def id(self) -> str:
        return f"{self.doc_id}#{self.n}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self)}


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its fused score and why it was retrieved."""

    chunk: Chunk
    score: float = 0.0
    why: dict[str, int] = field(default_factory=dict)  # retriever name → 1-based rank

    id = property(lambda self: self.chunk.id)
    doc = property(lambda self: self.chunk.doc)
    doc_id = property(lambda self: self.chunk.doc_id)
    page = property(lambda self: self.chunk.page)
    start = property(lambda self: self.chunk.start)
    end = property(lambda self: self.chunk.end)
    text = property(lambda self: self.chunk.text)

    def to_dict(self) -> dict[str, Any]:
        return {**self.chunk.to_dict(), "score": self.score, "why": dict(self.why)}


@dataclass(frozen=True)
class Citation:
    """A cited passage, and the part of it (absolute offsets) that the answer rests on."""

    id: str
    doc: str
    page: int | None
    start: int
    end: int
    text: str
    quote_start: int | None = None
    quote_end: int | None = None

    @classmethod
    def of(cls, passage: Passage | Chunk, quote: tuple[int, int] | None = None) -> Citation:
        chunk = passage.chunk if isinstance(passage, Passage) else passage
        qs, qe = quote if quote else (None, None)
        return cls(chunk.id, chunk.doc, chunk.page, chunk.start, chunk.end, chunk.text, qs, qe)

    @property
    def doc_id(self) -> str:
        """The document the passage is from: the first half of its id (DOC#N)."""
        return self.id.rpartition("#")[0]

    @property
    def quote(self) -> str:
        """The highlighted part of the passage, or the whole passage."""
        if self.quote_start is None or self.quote_end is None:
            return self.text
        return self.text[self.quote_start - self.start : self.quote_end - self.start]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """What `ask` returns: text that quotes the sources, or an abstention that says so."""

    question: str
    text: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)  # the figures the answer states
    reason: str = ""  # why it answered or abstained, for people
    answerer: str = "extractive"
    ungrounded: list[dict[str, Any]] = field(default_factory=list)  # LLM figures no passage backs
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "figures": self.figures,
            "reason": self.reason,
            "answerer": self.answerer,
            "ungrounded": self.ungrounded,
            "warnings": self.warnings,
        }


VERDICTS = ("supported", "refuted", "not_enough_info")


@dataclass
class Verdict:
    """What `check` returns for a claim."""

    claim: str
    label: str  # one of VERDICTS
    explanation: str
    citations: list[Citation] = field(default_factory=list)
    claim_figures: list[dict[str, Any]] = field(default_factory=list)
    source_figures: list[dict[str, Any]] = field(default_factory=list)
    checker: str = "deterministic"
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.label not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, not {self.label!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "verdict": self.label,
            "explanation": self.explanation,
            "claim_figures": self.claim_figures,
            "source_figures": self.source_figures,
            "citations": [c.to_dict() for c in self.citations],
            "checker": self.checker,
            "warnings": self.warnings,
        }
