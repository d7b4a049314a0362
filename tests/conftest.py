"""Shared fixtures: no network beyond loopback, and small corpora written here."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

from assistant import Assistant

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "biren-hearing-2025.txt"

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    return isinstance(host, str) and (host.startswith(_LOOPBACK) or host == "")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection beyond this machine fails loudly: tests run offline."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise RuntimeError(f"test tried to reach the network: {address}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


ENGLISH_DOC = """# Northwind Semiconductor annual results 2024

Northwind Semiconductor Limited reported revenue of RMB512.3 million for the year ended
31 December 2024, up 28.5% from RMB398.7 million in 2023.

Gross margin was 41.2% in 2024, compared with 38.9% in 2023.

The net loss narrowed to RMB210.4 million in 2024 from RMB265.0 million in 2023.
Cash and cash equivalents were RMB1,024.6 million as at 31 December 2024.
"""

SIMPLIFIED_DOC = """南风半导体2024年业绩公告

南风半导体2024年收入为5.12亿元，同比增长28.5%。
2024年毛利率为41.2%，2023年为38.9%。
公司2024年净亏损2.10亿元，较2023年的2.65亿元收窄。
"""


def ingested(root: Path, documents: dict[str, str]) -> Assistant:
    """An assistant over a fresh index of `documents` (file name → text) written under `root`."""
    docs = root / "docs"
    docs.mkdir()
    for name, text in documents.items():
        (docs / name).write_text(text, encoding="utf-8")
    assistant = Assistant.open(root / "index")
    assistant.ingest([docs])
    return assistant


def write_corpus(folder: Path) -> Path:
    """The seed article and two short documents of a second company, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    (folder / "northwind-results-2024.md").write_text(ENGLISH_DOC, encoding="utf-8")
    (folder / "nanfeng-results-2024.txt").write_text(SIMPLIFIED_DOC, encoding="utf-8")
    return folder


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A fresh copy of the small corpus that a test may change."""
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small corpus ingested once (real embedder, real Chroma); tests copy it."""
    from assistant import Assistant

    root = tmp_path_factory.mktemp("built")
    Assistant.open(root / "index").ingest([write_corpus(root / "corpus")])
    return root / "index"


@pytest.fixture
def index_copy(built_index: Path, tmp_path: Path) -> Path:
    """A private copy of the built index, so a test can change it."""
    target = tmp_path / "index"
    shutil.copytree(built_index, target)
    return target
