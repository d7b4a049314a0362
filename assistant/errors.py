"""Errors a user can act on. The CLI and the UI show their message, not a traceback."""

from __future__ import annotations


class AssistantError(Exception):
    """Base of every error the product reports to its user."""


class LoadError(AssistantError):
    """A file could not be read as a document (corrupt, empty, encrypted, unsupported)."""

    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"{path}: {why}")
        self.path = path
        self.why = why


class IndexMismatchError(AssistantError):
    """The index was built with other settings (embedding model, chunker) than asked for."""


class CitationNotFound(AssistantError):
    """A citation id that names no passage in the index."""


class ConfigError(AssistantError):
    """A setting that cannot work (bad value, missing package, missing key)."""
