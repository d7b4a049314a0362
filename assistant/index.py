"""The persisted index: dense vectors in Chroma, BM25 over jieba tokens, and a manifest.

Layout of an index folder::

    manifest.json     embedding model, chunker settings, and each document's sha256
    docs/ID.json      the document's text, pages and chunk offsets (what citations resolve to)
    chroma/           Chroma PersistentClient (unless a Chroma server is configured)
    bm25/             bm25s index over all chunks, stamped with the documents it covers

Every write is ordered so that a crash leaves a usable index: vectors are added under ids
that carry the chunk's hash before the manifest names them, and the manifest is replaced
atomically. Stale vectors are deleted last and ignored if a crash leaves them behind.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bm25s

try:
    import fcntl
except ImportError:  # Windows: one process per index, as documented
    fcntl = None  # type: ignore[assignment]
import numpy as np

from .errors import AssistantError, CitationNotFound, IndexMismatchError
from .schema import Chunk, Document
from .settings import Settings
from .text import TOKENIZER, tokens

MANIFEST_VERSION = 1


@dataclass(frozen=True)
class DocRecord:
    """What the manifest keeps about one ingested document."""

    doc_id: str
    name: str
    path: str
    sha256: str
    title: str
    chunks: int
    pages: int | None
    ingested_at: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _write_atomic(path: Path, data: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(data, encoding="utf-8")
    os.replace(tmp, path)


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an advisory lock on `lock_file` across processes (no-op where flock is missing)."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a") as handle:
        if fcntl is None:
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def searchable(doc: Document, chunk: Chunk) -> str:
    """The text that is embedded and tokenised for a chunk: its document's title, then the chunk."""
    if chunk.n == 0 or not doc.title or doc.title in chunk.text:
        return chunk.text
    return f"{doc.title}\n{chunk.text}"


def chunk_hash(model_id: str, text: str) -> str:
    """Key of the embedding cache: the same text under the same model is never embedded twice."""
    return hashlib.sha256(f"{model_id}\0{text}".encode()).hexdigest()[:16]


class Index:
    """Chunks of every ingested document, searchable by BM25 and by dense vectors."""

    def __init__(self, settings: Settings, model_id: str) -> None:
        self.settings = settings
        self.model_id = model_id
        self.root = Path(settings.index_dir)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "docs").mkdir(exist_ok=True)
        self.manifest = self._read_manifest()
        self._check_compatible()
        self._collection = self._open_chroma()
        self.documents: dict[str, Document] = {}
        self.chunks: dict[str, Chunk] = {}
        self._chunk_of_vector: dict[str, str] = {}  # Chroma id (chunk id @ text hash) → chunk id
        self._tokens: dict[str, list[str]] = {}
        for doc_id in self.manifest["docs"]:
            self._load_doc(doc_id)
        self._bm25: bm25s.BM25 | None = None
        self._bm25_ids: list[str] = []
        self._df: Counter[str] = Counter()
        self._vocabulary: tuple[bm25s.BM25 | None, frozenset[str]] | None = None
        self._load_or_build_bm25()

    # ---- manifest ------------------------------------------------------------------------

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / "manifest.json"
        if not path.exists():
            return {
                "version": MANIFEST_VERSION,
                "embedding_model": self.model_id,
                "chunker": self.settings.chunker_signature(),
                "docs": {},
            }
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise AssistantError(f"{path}: unreadable manifest ({exc}); re-ingest into a new index") from exc

    def _check_compatible(self) -> None:
        built_with = self.manifest.get("embedding_model")
        if built_with != self.model_id:
            raise IndexMismatchError(
                f"the index in {self.root} was built with the embedding model {built_with!r}, "
                f"not {self.model_id!r}: open it with --embedding {built_with.split(':', 1)[-1]!r} "
                f"or ingest into another --index"
            )
        chunker = self.manifest.get("chunker")
        if chunker != self.settings.chunker_signature():
            raise IndexMismatchError(
                f"the index in {self.root} was built with chunker settings {chunker}, "
                f"not {self.settings.chunker_signature()}: use those or ingest into another --index"
            )

    def _save_manifest(self) -> None:
        _write_atomic(self.root / "manifest.json", json.dumps(self.manifest, ensure_ascii=False, indent=1))

    @property
    def records(self) -> list[DocRecord]:
        return [DocRecord(**r) for r in self.manifest["docs"].values()]

    def record(self, doc_id: str) -> DocRecord | None:
        r = self.manifest["docs"].get(doc_id)
        return DocRecord(**r) if r else None

    # ---- Chroma ----------------------------------------------------------------------------

    def _open_chroma(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.settings.chroma_host:
            client = chromadb.HttpClient(
                host=self.settings.chroma_host, port=self.settings.chroma_port, settings=chroma_settings
            )
        else:
            client = chromadb.PersistentClient(path=str(self.root / "chroma"), settings=chroma_settings)
        self._max_batch = client.get_max_batch_size()
        # The name is chosen once and kept in the manifest, so a copied or moved index folder
        # finds its vectors; on a shared server each index folder gets its own collection.
        name = self.manifest.setdefault(
            "collection", "factcheck-" + hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:12]
        )
        collection = client.get_or_create_collection(
            name,
            configuration={
                "hnsw": {
                    "space": "cosine",
                    "ef_search": self.settings.hnsw_ef,
                    "ef_construction": 200,
                }
            },
            embedding_function=None,  # Chroma's default would try to download a model
        )
        # The search ef is a query-time setting: an index built with another one takes ours.
        hnsw = (collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search") != self.settings.hnsw_ef:
            collection.modify(configuration={"hnsw": {"ef_search": self.settings.hnsw_ef}})
        return collection

    def _cached_vectors(self, hashes: list[str]) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {}
        for i in range(0, len(hashes), 500):
            got = self._collection.get(
                where={"hash": {"$in": hashes[i : i + 500]}}, include=["embeddings", "metadatas"]
            )
            for meta, vec in zip(
                got["metadatas"] or [], got["embeddings"] if got["embeddings"] is not None else [], strict=False
            ):
                found[meta["hash"]] = list(vec)
        return found

    # ---- documents ---------------------------------------------------------------------------

    def _load_doc(self, doc_id: str) -> None:
        data = json.loads((self.root / "docs" / f"{doc_id}.json").read_text(encoding="utf-8"))
        d = data["document"]
        doc = Document(**{**d, "page_starts": tuple(d["page_starts"]) if d["page_starts"] else None})
        self.documents[doc_id] = doc
        # Tokens stored under other stop words or another jieba would not match today's queries.
        stale = data.get("tokenizer") != TOKENIZER
        fresh: list[list[str]] = []
        for n, (start, end, page, vid) in enumerate(data["chunks"]):
            chunk = Chunk(doc_id, n, doc.text[start:end], start, end, page, doc.name)
            self.chunks[chunk.id] = chunk
            self._chunk_of_vector[vid] = chunk.id
            self._tokens[chunk.id] = tokens(searchable(doc, chunk)) if stale else data["tokens"][n]
            fresh.append(self._tokens[chunk.id])
        if stale:
            data["tokens"] = fresh
            data["tokenizer"] = TOKENIZER
            # A read-only index still searches right; it re-tokenises on each open instead.
            with suppress(OSError):
                _write_atomic(self.root / "docs" / f"{doc_id}.json", json.dumps(data, ensure_ascii=False))

    def _forget_doc(self, doc_id: str) -> None:
        self.documents.pop(doc_id, None)
        for cid in [c for c in self.chunks if self.chunks[c].doc_id == doc_id]:
            del self.chunks[cid]
            self._tokens.pop(cid, None)
        for vid in [v for v, c in self._chunk_of_vector.items() if c not in self.chunks]:
            del self._chunk_of_vector[vid]

    def add(
        self,
        doc: Document,
        chunks: list[Chunk],
        embed: Callable[[list[str]], list[list[float]]],
        on_embedded: Callable[[int], None] | None = None,
    ) -> int:
        """Store `doc` and its chunks, replacing an earlier version; returns how many were embedded."""
        # A chunk is searched with its document's title in front: "Gross margin was 41.2%" alone
        # doesn't say whose margin it is. What is stored and shown is the chunk itself.
        searched = [searchable(doc, c) for c in chunks]
        hashes = [chunk_hash(self.model_id, t) for t in searched]
        vectors = self._cached_vectors(sorted(set(hashes)))
        if on_embedded and vectors:
            on_embedded(sum(h in vectors for h in hashes))
        todo = [i for i, h in enumerate(hashes) if h not in vectors]
        batch = self.settings.embed_batch
        for i in range(0, len(todo), batch):
            part = todo[i : i + batch]
            for j, vec in zip(part, embed([searched[j] for j in part]), strict=False):
                vectors[hashes[j]] = vec
            if on_embedded:
                on_embedded(len(part))

        vids = [f"{c.id}@{h}" for c, h in zip(chunks, hashes, strict=False)]
        for i in range(0, len(chunks), self._max_batch):
            sl = slice(i, i + self._max_batch)
            self._collection.upsert(
                ids=vids[sl],
                embeddings=np.asarray([vectors[h] for h in hashes[sl]], dtype=np.float32),
                documents=[c.text for c in chunks[sl]],
                metadatas=[
                    {"doc_id": doc.doc_id, "hash": h, "n": c.n} for c, h in zip(chunks[sl], hashes[sl], strict=False)
                ],
            )
        toks = [tokens(t) for t in searched]
        payload = {
            "document": doc.to_dict(),
            "chunks": [[c.start, c.end, c.page, v] for c, v in zip(chunks, vids, strict=False)],
            "tokens": toks,
            "tokenizer": TOKENIZER,
        }
        _write_atomic(self.root / "docs" / f"{doc.doc_id}.json", json.dumps(payload, ensure_ascii=False))
        self.manifest["docs"][doc.doc_id] = DocRecord(
            doc.doc_id,
            doc.name,
            doc.path,
            doc.sha256,
            doc.title,
            len(chunks),
            len(doc.page_starts) if doc.page_starts else None,
            time.time(),
        ).to_dict()
        self._save_manifest()
        self._forget_doc(doc.doc_id)
        self._load_doc(doc.doc_id)
        self._delete_vectors(doc.doc_id, keep=set(vids))
        self._bm25 = None
        return len(todo)

    def remove(self, doc_id: str) -> None:
        """Drop a document and its chunks from the index."""
        if doc_id not in self.manifest["docs"]:
            raise AssistantError(f"no document {doc_id!r} in the index")
        del self.manifest["docs"][doc_id]
        self._save_manifest()
        (self.root / "docs" / f"{doc_id}.json").unlink(missing_ok=True)
        self._forget_doc(doc_id)
        self._delete_vectors(doc_id, keep=set())
        self._bm25 = None

    def _delete_vectors(self, doc_id: str, keep: set[str]) -> None:
        stored = self._collection.get(where={"doc_id": doc_id}, include=[])["ids"]
        stale = [i for i in stored if i not in keep]
        for i in range(0, len(stale), self._max_batch):
            self._collection.delete(ids=stale[i : i + self._max_batch])

    # ---- BM25 -------------------------------------------------------------------------------

    def _stamp(self) -> str:
        docs = sorted((k, v["sha256"]) for k, v in self.manifest["docs"].items())
        return hashlib.sha256(json.dumps([TOKENIZER, docs]).encode()).hexdigest()

    def _load_or_build_bm25(self) -> None:
        folder = self.root / "bm25"
        try:
            meta = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
            if meta["stamp"] == self._stamp():
                self._bm25 = bm25s.BM25.load(str(folder))
                self._bm25_ids = meta["ids"]
                self._df = Counter(t for i in self._bm25_ids for t in set(self._tokens[i]))
                return
        except (OSError, ValueError, KeyError):
            pass
        self.build_bm25()

    def build_bm25(self) -> None:
        """Rebuild BM25 over every chunk and save it; cheap next to embedding."""
        ids = sorted(self.chunks, key=_chunk_order)
        self._bm25_ids = ids
        if not ids:
            self._bm25 = None
            return
        self._df = Counter(t for i in ids for t in set(self._tokens[i]))
        model = bm25s.BM25()
        # A chunk with no tokens still needs a row; an empty string token matches nothing.
        model.index([self._tokens[i] or [""] for i in ids], show_progress=False)
        self._bm25 = model
        tmp = self.root / "bm25.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        model.save(str(tmp))
        _write_atomic(tmp / "ids.json", json.dumps({"stamp": self._stamp(), "ids": ids}))
        old = self.root / "bm25.old"
        shutil.rmtree(old, ignore_errors=True)
        if (self.root / "bm25").exists():
            os.replace(self.root / "bm25", old)
        os.replace(tmp, self.root / "bm25")
        shutil.rmtree(old, ignore_errors=True)

    # ---- search -------------------------------------------------------------------------------

    def bm25_search(
        self,
        query_tokens: Iterable[str],
        n: int,
        groups: Iterable[Iterable[Iterable[str]]] = (),
        weights: Iterable[float] | None = None,
        docs: set[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Chunk ids and BM25 scores, best first; chunks that share no token (or, when `docs`
        is given, that belong to no document of it) are left out.

        Each of `groups` is a set of alternative phrasings (token lists) of one idea, such as
        the translations of a metric: a chunk earns its best alternative's score, weighted,
        so that listing many synonyms does not outweigh the question's own words. `weights`
        gives each group's weight (default 0.5).
        """
        if self._bm25 is None:
            if not self.chunks:
                return []
            self.build_bm25()
        scores = self._scores(query_tokens)
        groups = list(groups)
        weights = list(weights) if weights is not None else [0.5] * len(groups)
        for alternatives, group_weight in zip(groups, weights, strict=True):
            best = None
            for phrase in alternatives:
                s = self._scores(phrase)
                best = s if best is None else np.maximum(best, s)
            if best is not None:
                scores = scores + group_weight * best
        if docs is not None:
            scores = np.where([self.chunks[i].doc_id in docs for i in self._bm25_ids], scores, 0.0)
        top = np.argsort(-scores)[:n]
        return [(self._bm25_ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def _scores(self, query_tokens: Iterable[str]) -> np.ndarray:
        vocab = self._bm25.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        if not known:
            return np.zeros(len(self._bm25_ids), dtype=np.float32)
        return self._bm25.get_scores(known)

    def dense_search(self, vector: list[float], n: int, docs: set[str] | None = None) -> list[tuple[str, float]]:
        """Chunk ids and cosine similarities, best first; only chunks of `docs` when given."""
        size = len(self.chunks) if docs is None else sum(self.manifest["docs"][d]["chunks"] for d in docs)
        if not size:
            return []
        where = {"doc_id": {"$in": sorted(docs)}} if docs is not None else None
        got = self._collection.query(
            query_embeddings=[vector], n_results=min(n, size), where=where, include=["distances", "metadatas"]
        )
        return [
            (self._chunk_of_vector[vid], 1.0 - dist)
            for vid, dist in zip(got["ids"][0], got["distances"][0], strict=False)
            if vid in self._chunk_of_vector  # a vector an interrupted ingest left is ignored
        ]

    def idf(self, token: str) -> float:
        """Inverse document frequency over chunks; 0 for a token no chunk has."""
        df = self._df.get(token, 0)
        return math.log(1 + (len(self._bm25_ids) - df + 0.5) / (df + 0.5)) if df else 0.0

    def vocabulary(self) -> frozenset[str]:
        """The BM25 index's tokens; one object per build, so callers may cache on it."""
        if self._vocabulary is None or self._vocabulary[0] is not self._bm25:
            words = frozenset(self._bm25.vocab_dict) if self._bm25 is not None else frozenset()
            self._vocabulary = (self._bm25, words)
        return self._vocabulary[1]

    # ---- lookups -------------------------------------------------------------------------------

    def chunk(self, chunk_id: str) -> Chunk:
        try:
            return self.chunks[chunk_id]
        except KeyError:
            raise CitationNotFound(_not_found_message(chunk_id, self.manifest["docs"])) from None

    def document(self, doc_id: str) -> Document:
        try:
            return self.documents[doc_id]
        except KeyError:
            raise CitationNotFound(f"no document {doc_id!r} in the index") from None

    def vector_count(self) -> int:
        return self._collection.count()


def _chunk_order(chunk_id: str) -> tuple[str, int]:
    doc_id, _, n = chunk_id.rpartition("#")
    return doc_id, int(n)


def _not_found_message(chunk_id: str, docs: dict[str, Any]) -> str:
    doc_id, sep, n = chunk_id.rpartition("#")
    if not sep or not n.isdigit():
        return f"{chunk_id!r} is not a citation id; ids look like DOC#N, e.g. annual-report-2024#3"
    if doc_id not in docs:
        return f"no document {doc_id!r} in the index (citation {chunk_id})"
    return f"{doc_id} has chunks #0 to #{docs[doc_id]['chunks'] - 1}; there is no #{n}"
