"""Hybrid retrieval: BM25 and dense search fused by reciprocal rank.

The offline embedder is weak across languages, so an English question over a Chinese filing
(and the reverse) gets two lexical bridges: glossary terms of the other language, and
company names matched by their romanisation (Biren ↔ 壁仞).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from langchain_core.embeddings import Embeddings
from pypinyin import lazy_pinyin

from . import glossary
from .index import Index
from .schema import Passage
from .text import tokens

MODES = ("hybrid", "bm25", "dense")  # which retrievers are fused; the others are for measuring
_HAN_WORD = re.compile(r"^[\u3400-\u9fff]{2,}$")
_NAME = re.compile(r"\b[A-Z][A-Za-z]{2,}\b")  # capitalised words: names are written this way


@dataclass
class Query:
    """A question as the retrievers see it: its own tokens, and bridges to the other language.

    Each group holds alternative phrasings (as token lists) of one term of the question.
    """

    text: str
    tokens: list[str]
    groups: list[list[list[str]]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # one phrasing of each group, as written
    names: set[int] = field(default_factory=set)  # indexes of the groups that spell a company's name
    sources: list[list[str]] = field(default_factory=list)  # per group: the question's tokens it translates

    @property
    def bridge(self) -> list[str]:
        """Every bridging token once, in order."""
        seen = dict.fromkeys(t for g in self.groups for phrase in g for t in phrase if t not in self.tokens)
        return list(seen)


def glossary_bridges(text: str) -> list[tuple[list[list[str]], str, list[str]]]:
    """For each glossary term in `text`: its other-language phrasings as token lists, one of
    them as written, and the tokens of `text` it translates."""
    out = []
    for source, alternatives in glossary.expand_terms(text):
        phrases = [p for p in (tokens(term) for term in alternatives) if p]
        if phrases:
            out.append((phrases, alternatives[0], tokens(source)))
    return out


class Retriever:
    """Searches one index; `search` is the single entry point the answerers use."""

    def __init__(
        self,
        index: Index,
        embedder: Embeddings,
        candidates: int = 30,
        rrf_k: int = 60,
        names: Callable[[str], list[list[str]]] | None = None,
        mode: str = "hybrid",
        about: Callable[[str], set[str]] | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"retrieval must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.index = index
        # For each company a text names, all its names (from the corpus's entity lexicon).
        self.names = names
        # The documents about the company a text names: their passages rank first among equals.
        self.about = about
        self.embedder = embedder
        self.candidates = candidates
        self.rrf_k = rrf_k

    @cached_property
    def _romanised(self) -> dict[str, set[str]]:
        """Pinyin spelling → the Han words of the corpus written that way (computed once)."""
        table: dict[str, set[str]] = {}
        for word in self.index.vocabulary():
            if _HAN_WORD.match(word):
                table.setdefault("".join(lazy_pinyin(word)), set()).add(word)
        return table

    def reset(self) -> None:
        """Forget what was derived from the index (after an ingest)."""
        self.__dict__.pop("_romanised", None)

    def parse(self, text: str) -> Query:
        """Tokens of `text` and the other language's words for its terms and names."""
        own = tokens(text)
        groups: list[list[list[str]]] = []
        labels: list[str] = []
        names: set[int] = set()
        sources: list[list[str]] = []
        for phrases, label, source in glossary_bridges(text):
            groups.append(phrases)
            labels.append(label)
            sources.append(source)
        for aliases in self.names(text) if self.names else []:
            phrases = [p for p in (tokens(a) for a in aliases) if p]
            if phrases:
                names.add(len(groups))
                groups.append(phrases)
                labels.append(aliases[-1])
                sources.append([])
        for name in _NAME.findall(text):
            words = sorted(self._romanised.get(name.lower(), ()))
            if words:
                names.add(len(groups))
                groups.append([[w] for w in words])
                labels.append(words[0])
                sources.append(tokens(name))
        vocab = None
        for tok in own:
            if _HAN_WORD.match(tok):
                vocab = vocab if vocab is not None else self.index.vocabulary()
                spelled = "".join(lazy_pinyin(tok))
                if spelled in vocab:
                    names.add(len(groups))
                    groups.append([[spelled]])
                    labels.append(spelled)
                    sources.append([tok])
        return Query(text, own, groups, labels, names, sources)

    def search(self, text: str, k: int, within: set[str] | None = None) -> list[Passage]:
        """The `k` best passages for `text`, BM25 and dense ranks fused (RRF); only passages
        of the documents `within` when given."""
        if k <= 0:
            raise ValueError(f"k must be positive, not {k}")
        query = self.parse(text)
        n = max(self.candidates, k)
        ranked = {}
        if self.mode in ("hybrid", "bm25"):
            # A company's name weighs as much as the question's own words; translated terms half.
            weights = [1.0 if i in query.names else 0.5 for i in range(len(query.groups))]
            ranked["bm25"] = self.index.bm25_search(query.tokens, n, query.groups, weights, within)
        if self.mode in ("hybrid", "dense"):
            ranked["dense"] = self.index.dense_search(self._embed(query), n, within)
        docs = self.about(text) if self.about else set()
        if docs and within is None and "bm25" in ranked:
            # The company's own documents searched apart: its passage that ranks low among the
            # whole corpus's ("gearing" in its English filing, asked in Chinese) still competes.
            ranked["own"] = self.index.bm25_search(query.tokens, n, query.groups, weights, docs)
            terms = [g for i, g in enumerate(query.groups) if i not in query.names]
            if terms:
                # Its documents searched by the question's translated terms alone: the question's
                # own words match the story in its language everywhere, and would bury the filing
                # in the other language ("來自歐洲的收入" asked, "| Europe | 87,260 |" stated).
                ranked["across"] = self.index.bm25_search([], n, terms, [1.0] * len(terms), docs)
        fused: dict[str, float] = {}
        why: dict[str, dict[str, int]] = {}
        for name, hits in ranked.items():
            for rank, (chunk_id, _score) in enumerate(hits, start=1):
                fused[chunk_id] = fused.get(chunk_id, 0.0) + 1.0 / (self.rrf_k + rank)
                why.setdefault(chunk_id, {})[name] = rank
        for chunk_id in fused:
            if self.index.chunks[chunk_id].doc_id in docs:
                # As if ranked first by a third retriever that knows which company is meant.
                fused[chunk_id] += 1.0 / (self.rrf_k + 1)
                why[chunk_id]["company"] = 1
        best = sorted(fused, key=lambda c: (-fused[c], c))[:k]
        return [Passage(self.index.chunk(c), round(fused[c], 6), why[c]) for c in best]

    def _embed(self, query: Query) -> list[float]:
        # One phrasing of each bridged term goes into the dense query too, so that e5 sees
        # the corpus's own words; more would drown the question.
        extra = " ".join(query.labels)
        return self.embedder.embed_query(f"{query.text} {extra}".strip())
