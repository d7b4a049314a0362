"""Documents → Chunks: runs of whole sentences, each within one page and (mostly) one paragraph."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from .schema import Chunk, Document
from .text import sentence_spans

# A long sentence is cut after one of these (a comma between digits is a thousands separator).
_CLAUSE = re.compile(r"[，、：]|,(?!\d)")
_SPACE = re.compile(r"\s")
_MD_HEADING = re.compile(r"#{1,6}\s")
# Whole-line text that ends like this is a sentence or a wrapped line, not a heading.
_OPEN_ENDING = set("，,、：:；;。.！!？?…—-–([（【「『“‘/")
_SENTENCE_END = set("。.！!？?；;：:”’」』）)")
_HEADING_MAX = 40
# Fragments worth no embedding on their own: page numbers like "12", "- 12 -", "Page 3 of 40".
_PAGE_NUMBER = re.compile(
    r"[\W_]*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[\W_]*|[\W_]*第\s*\d{1,4}\s*[頁页][\W_]*",
    re.I,
)


@dataclass(frozen=True)
class _Unit:
    """A sentence, or a clause of one too long for a chunk."""

    start: int
    end: int
    page: int | None
    para: bool = False  # a paragraph starts here: after a blank line, or at a heading
    heading: bool = False


def chunk_document(doc: Document, size: int = 320, overlap: int = 1) -> list[Chunk]:
    """Pack `doc`'s sentences into chunks of at most `size` chars; each repeats `overlap` sentences.

    The same document and settings always give the same chunks: citation ids DOC#N depend on it.
    """
    if size < 1:
        raise ValueError(f"chunk size must be positive, not {size}")
    if overlap < 0:
        raise ValueError(f"chunk overlap must be >= 0, not {overlap}")
    units = _units(doc, size)
    chunks: list[Chunk] = []
    for start, end in _pack(units, size, overlap):
        text = doc.text[start:end]
        if _is_fragment(text):
            continue
        page = doc.page_at(start)
        chunks.append(Chunk(doc.doc_id, len(chunks), text, start, end, page, doc.name))
    return chunks


def _units(doc: Document, size: int) -> list[_Unit]:
    text = doc.text
    pieces: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        for s, e in _split_at_pages(doc, start, end):
            pieces.extend(_split_long(text, s, e, size))
    units: list[_Unit] = []
    for k, (start, end) in enumerate(pieces):
        prev = units[-1] if units else None
        nxt = pieces[k + 1][0] if k + 1 < len(pieces) else None
        heading = _is_heading(text, start, end, prev, nxt)
        # A heading's own text follows it even across a blank line; everything else that follows
        # a blank line starts a paragraph.
        blank_line = prev is not None and text.count("\n", prev.end, start) >= 2
        para = heading or (blank_line and not prev.heading)
        units.append(_Unit(start, end, doc.page_at(start), para, heading))
    return units


def _split_at_pages(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    # Loaders end every page with a line break, so sentences already stop there; this is for
    # Documents built some other way.
    if not doc.page_starts:
        return [(start, end)]
    lo = bisect.bisect_right(doc.page_starts, start)
    hi = bisect.bisect_left(doc.page_starts, end)
    cuts = [start, *doc.page_starts[lo:hi], end]
    return [span for a, b in itertools.pairwise(cuts) if (span := _trim(doc.text, a, b))]


def _split_long(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > size:
        cut = _cut(text, start, size)
        if span := _trim(text, start, cut):
            pieces.append(span)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if span := _trim(text, start, end):
        pieces.append(span)
    return pieces


def _cut(text: str, start: int, size: int) -> int:
    """Where the first piece of an over-long sentence starting at `start` ends."""
    window = text[start : start + size + 1]  # one past: a space right after the limit still fits
    clauses = [m.end() for m in _CLAUSE.finditer(window) if m.end() <= size]
    spaces = [m.start() for m in _SPACE.finditer(window) if m.start() > 0]
    half = size // 2
    # A clause boundary in the second half reads best; then a space there; then anything.
    for options in ([c for c in clauses if c >= half], [s for s in spaces if s >= half]):
        if options:
            return start + options[-1]
    anywhere = clauses + spaces
    return start + (max(anywhere) if anywhere else size)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_heading(text: str, start: int, end: int, prev: _Unit | None, nxt: int | None) -> bool:
    # Pieces cover all the text that isn't blank, so one has a line to itself when line breaks
    # part it from its neighbours.
    if prev is not None and "\n" not in text[prev.end : start]:
        return False
    if nxt is not None and "\n" not in text[end:nxt]:
        return False
    if _MD_HEADING.match(text, start):
        return True
    # Plain-text filings and news put section titles on a short line of their own, after a
    # finished sentence and before more text. Table rows fail the "after a sentence" test.
    line = text[start:end]
    return (
        nxt is not None
        and prev is not None
        and text[prev.end - 1] in _SENTENCE_END
        and len(line) <= _HEADING_MAX
        and line[-1] not in _OPEN_ENDING
        and any(c.isalpha() for c in line)
    )


def _pack(units: list[_Unit], size: int, overlap: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = must = 0  # the chunk starts at unit i and has to reach unit `must`, the first new one
    while i < len(units):
        j = _extend(units, i, must, size)
        spans.append((units[i].start, units[j].end))
        nxt = j + 1
        if nxt >= len(units):
            break
        start = nxt
        if overlap and not units[nxt].para and units[nxt].page == units[j].page:
            # Repeat up to `overlap` units of the same paragraph, as many as leave room for the
            # new one, and always start later than this chunk did, or nothing would move on.
            start = max(nxt - overlap, i + 1)
            while start < nxt and (units[nxt].end - units[start].start > size or _has_paragraph(units, start + 1, nxt)):
                start += 1
        i, must = start, nxt
    return spans


def _has_paragraph(units: list[_Unit], lo: int, hi: int) -> bool:
    return any(u.para for u in units[lo:hi])


def _extend(units: list[_Unit], i: int, must: int, size: int) -> int:
    """Last unit of the chunk that starts at unit i: as many as fit, short of a new paragraph."""
    first = units[i]
    j = max(i, must)
    while j + 1 < len(units):
        nxt = units[j + 1]
        if nxt.page != first.page or nxt.end - first.start > size:
            break
        if nxt.para and (units[j].end - first.start) * 2 >= size:
            break
        j += 1
    # A heading belongs with the text after it, in the next chunk.
    while j > max(i, must) and units[j].heading:
        j -= 1
    return j


def _is_fragment(text: str) -> bool:
    return not any(c.isalnum() for c in text) or bool(_PAGE_NUMBER.fullmatch(text))
