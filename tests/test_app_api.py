"""The web app as an HTTP API: gradio_client against the app served on a loopback port."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from assistant import AssistantError

# It is also these tests' plugin: registered first, its asserts get rewritten.
pytest.register_assert_rewrite("ui_fixtures")
from ui_fixtures import (  # noqa: E402
    QUESTION_EN,
    QUESTION_OFF_TOPIC,
    QUESTION_XSS,
    QUESTION_ZH,
    ROOT,
    Served,
    free_port,
)

pytest_plugins = ["ui_fixtures"]

CLAIM = "Acme Robotics reported revenue of RMB640.2 million for 2024."


@pytest.fixture(scope="module")
def client(served: Served) -> Client:
    return Client(served.url, verbose=False)


def test_only_the_three_named_endpoints_are_public(client: Client) -> None:
    api = client.view_api(print_info=False, return_format="dict")
    assert set(api["named_endpoints"]) == {"/ask", "/check", "/cite"}
    assert api["unnamed_endpoints"] == {}


def test_ask_answers_with_citations_as_json(client: Client, served: Served) -> None:
    data: dict[str, Any] = client.predict(QUESTION_EN, api_name="/ask")
    assert data["question"] == QUESTION_EN and data["abstained"] is False
    assert "640.2" in data["answer"] and "[1]" in data["answer"]
    first = data["citations"][0]
    assert first["id"].startswith("acme-results-2024#") and first["doc"] == "acme-results-2024.txt"
    assert first["quote"] in first["text"] and "640.2" in first["quote"]
    # The citation names a real passage at those offsets.
    doc = (served.docs_dir / first["doc"]).read_text(encoding="utf-8")
    assert doc[first["start"] : first["end"]] == first["text"]


def test_ask_in_chinese(client: Client) -> None:
    data = client.predict(QUESTION_ZH, api_name="/ask")
    assert not data["abstained"] and "2.15" in data["answer"]
    assert data["citations"][0]["id"].startswith("huaxin-announcement-2024#")


def test_ask_abstains_when_the_documents_do_not_say(client: Client) -> None:
    data = client.predict(QUESTION_OFF_TOPIC, api_name="/ask")
    assert data["abstained"] is True and data["citations"] == []


def test_ask_rejects_an_empty_question_with_its_message(client: Client) -> None:
    with pytest.raises(AppError, match="empty"):
        client.predict("   ", api_name="/ask")


def test_cite_returns_the_passage_with_its_place_and_context(client: Client, served: Served) -> None:
    cited = client.predict(QUESTION_XSS, api_name="/ask")["citations"][0]
    data = client.predict(f"  [{cited['id']}] ", api_name="/cite")
    assert data["id"] == cited["id"] and data["doc"] == "nimbus-security-review.txt"
    assert "<script>alert(1)</script>" in data["text"]  # JSON carries the text as it is
    doc = (served.docs_dir / data["doc"]).read_text(encoding="utf-8")
    assert doc[data["start"] : data["end"]] == data["text"]
    assert {"before", "after", "title", "page"} <= set(data)


def test_cite_unknown_id_is_a_clear_error(client: Client) -> None:
    with pytest.raises(AppError, match="no-such-doc"):
        client.predict("no-such-doc#3", api_name="/cite")


def test_check_returns_a_verdict_or_the_libraries_message(client: Client, served: Served) -> None:
    try:
        expected = served.assistant.check(CLAIM)
    except AssistantError as exc:
        with pytest.raises(AppError, match=str(exc)):
            client.predict(CLAIM, api_name="/check")
        return
    data = client.predict(CLAIM, api_name="/check")
    assert data["verdict"] == expected.label
    assert data["claim"] == CLAIM and data["explanation"]
    assert [c["id"] for c in data["citations"]] == [c.id for c in expected.citations]


def test_several_clients_at_once_each_get_their_own_answer(served: Served) -> None:
    cases = [(QUESTION_EN, "640.2"), (QUESTION_ZH, "2.15"), (QUESTION_XSS, "payload")] * 2

    def ask(case: tuple[str, str]) -> tuple[str, str, str]:
        question, _ = case
        data = Client(served.url, verbose=False).predict(question, api_name="/ask")
        return question, data["question"], data["answer"]

    with ThreadPoolExecutor(max_workers=len(cases)) as pool:
        results = list(pool.map(ask, cases))
    for (question, marker), (asked, echoed, answer) in zip(cases, results, strict=True):
        assert asked == echoed == question
        assert marker in answer


def test_help_explains_the_options() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    for option in ("--index", "--host", "--port", "127.0.0.1", "/ask"):
        assert option in out


def test_defaults_bind_loopback_only() -> None:
    import app

    args = app.parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 7860)
    assert app.parse_args(["--index", "x", "--port", "9000"]).index == "x"


@pytest.mark.slow
def test_app_py_serves_an_index_in_a_subprocess(served: Served, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    # A copy: two processes writing one Chroma store is not what is under test.
    index = shutil.copytree(served.assistant.settings.index_dir, tmp_path / "index")
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), "--index", str(index), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail("app.py did not start within 60 s")
        data = Client(url, verbose=False).predict("tailun-annual-2024#0", api_name="/cite")
        assert data["doc"] == "tailun-annual-2024.txt" and "台崙光電" in data["text"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
