"""Citation lookups: a citation id → the passage, its document, page, offsets and context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .index import Index
from .schema import Chunk


@dataclass(frozen=True)
class CitationView:
    """A passage shown in place: the text before it, the passage, the text after it."""

    chunk: Chunk
    title: str
    path: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.chunk.to_dict(),
            "title": self.title,
            "path": self.path,
            "before": self.before,
            "after": self.after,
        }

    def render(self) -> str:
        """Plain-text view for a terminal: header, then the passage marked inside its context."""
        c = self.chunk
        page = f", page {c.page}" if c.page else ""
        return (
            f"{c.id}  {c.doc}{page}, characters {c.start}–{c.end}\n{self.title}\n\n"
            f"…{self.before}⟦{c.text}⟧{self.after}…"
        )


def lookup(index: Index, citation_id: str, context: int = 200) -> CitationView:
    """Resolve `citation_id` (DOC#N); raises CitationNotFound with a hint when it names nothing."""
    chunk = index.chunk(citation_id.strip())
    doc = index.document(chunk.doc_id)
    before = doc.text[max(0, chunk.start - context) : chunk.start]
    after = doc.text[chunk.end : chunk.end + context]
    return CitationView(chunk, doc.title, doc.path, before, after)
