"""factcheck: answers and claim checks over financial filings, each resting on cited passages."""

from .core import Assistant, IngestReport
from .errors import AssistantError, CitationNotFound, ConfigError, IndexMismatchError, LoadError
from .schema import Answer, Chunk, Citation, Document, Passage, Verdict
from .settings import Settings

__all__ = [
    "Answer",
    "Assistant",
    "AssistantError",
    "Chunk",
    "Citation",
    "CitationNotFound",
    "ConfigError",
    "Document",
    "IndexMismatchError",
    "IngestReport",
    "LoadError",
    "Passage",
    "Settings",
    "Verdict",
]
