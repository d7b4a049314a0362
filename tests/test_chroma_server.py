"""The index can keep its vectors in a Chroma server (`chroma run`) instead of its folder."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path):
    if not CHROMA.exists():
        pytest.skip("the chroma command is not installed")
    port = _free_port()
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start within 30 s")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_ingest_and_ask_through_a_chroma_server(chroma_server: int, tmp_path: Path, corpus_dir: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_dir / "northwind-results-2024.md", docs)
    a = Assistant.open(tmp_path / "index", chroma_host="127.0.0.1", chroma_port=chroma_server)
    assert a.ingest([docs]).added == ["northwind-results-2024.md"]
    assert not (tmp_path / "index" / "chroma").exists()  # the vectors live in the server
    answer = Assistant.open(tmp_path / "index", chroma_host="127.0.0.1", chroma_port=chroma_server).ask(
        "What was Northwind's gross margin in 2024?"
    )
    assert not answer.abstained and "41.2%" in answer.text
    assert a.status()["vectors"] == len(a.index.chunks)
