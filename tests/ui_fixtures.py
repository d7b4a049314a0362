"""Fixtures of the web UI tests: a small index built once, and the app served on a free port.

Test modules load this as a plugin (`pytest_plugins`), so the session-scoped fixtures are shared.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant import Assistant

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # app.py sits at the root, outside any package
    sys.path.insert(0, str(ROOT))
ARTIFACTS = ROOT / "tests" / "artifacts"

DOCS = {
    "acme-results-2024.txt": (
        "Acme Robotics Limited annual results 2024\n\n"
        "Acme Robotics Limited reported revenue of RMB640.2 million for the year ended 31 December 2024, "
        "up 31.5% from RMB486.8 million in 2023.\n"
        "Gross margin was 44.1% in 2024, compared with 40.3% in 2023.\n"
        "The company opened a second assembly plant in Suzhou in June 2024.\n"
        "The board proposed a final dividend of RMB0.12 per share.\n"
    ),
    "huaxin-announcement-2024.txt": (
        "华芯微电子2024年度业绩公告\n\n"
        "华芯微电子2024年实现营业收入8.36亿元，同比增长22.4%。\n"
        "公司2024年研发投入为2.15亿元，占营业收入的25.7%。\n"
        "截至2024年12月31日，公司员工总数为1,286人。\n"
    ),
    "tailun-annual-2024.txt": (
        "台崙光電2024年年報摘要\n\n"
        "台崙光電2024年營業收入為新台幣52.7億元，較2023年增加18.9%。\n"
        "台崙光電董事會建議派發現金股利每股新台幣3.5元。\n"
    ),
    "nimbus-security-review.txt": (
        "Nimbus Cloud Limited security review\n\n"
        "The Nimbus Cloud security review found the payload <script>alert(1)</script> "
        "in a customer comment field.\n"
        "Auditors also logged the image tag <img src=x onerror=alert(2)> in the support portal.\n"
        "Both findings were fixed before the listing hearing.\n"
    ),
}

# Not in the index at first: the browser test uploads it and then asks about it.
UPLOAD_NAME = "zephyr-update-2025.md"
UPLOAD_TEXT = (
    "# Zephyr Grid Storage Limited business update\n\n"
    "Zephyr Grid Storage signed a battery storage contract worth HKD88.8 million "
    "with Harbour Power Limited in March 2025.\n"
    "The contract runs for five years.\n"
    # Long enough that indexing takes a moment and the progress bar can be seen.
    + "".join(
        f"Site {i} of the Lantau programme added {10 + 3 * i} MWh of capacity in {2015 + i % 9}.\n" for i in range(40)
    )
)

QUESTION_EN = "What revenue did Acme Robotics report for 2024?"
QUESTION_ZH = "华芯微电子2024年研发投入是多少？"
QUESTION_OFF_TOPIC = "Who won the football world cup in 1954?"
QUESTION_XSS = "What payload did the Nimbus security review find in the customer comment field?"
QUESTION_UPLOADED = "How much was the battery storage contract Zephyr Grid Storage signed in March 2025 worth?"


@dataclass
class Served:
    """The app under test: its URL, the assistant behind it and the documents it was built from."""

    url: str
    assistant: Assistant
    docs_dir: Path
    upload_dir: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_docs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def ui_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An index of the fixture documents, built once with the real embedder."""
    root = tmp_path_factory.mktemp("ui-index")
    docs = write_docs(root / "docs")
    assistant = Assistant.open(root / "index")
    report = assistant.ingest([docs])
    assert report.skipped == [], report.skipped
    return assistant


@pytest.fixture(scope="session")
def served(ui_assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app launched in this process on a free loopback port."""
    import app

    root = Path(ui_assistant.settings.index_dir).parent
    upload_dir = tmp_path_factory.mktemp("uploads")
    (upload_dir / UPLOAD_NAME).write_text(UPLOAD_TEXT, encoding="utf-8")
    demo = app.build_app(ui_assistant)
    _, url, _ = demo.launch(server_port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield Served(url.rstrip("/"), ui_assistant, root / "docs", upload_dir)
    finally:
        demo.close()
