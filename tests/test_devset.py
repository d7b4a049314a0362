"""The question sets are written from the documents: every evidence quote must stand in its document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.evaluate import load_question_set
from assistant.loaders import load_document

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evals" / "dev.jsonl"
SETS = sorted((ROOT / "evals").glob("*.jsonl"))


def _squash(text: str) -> str:
    # A PDF's line breaks are layout, not text: compare without whitespace.
    return "".join(text.split())


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return {p.name: _squash(load_document(p).text) for p in (ROOT / "corpus").iterdir() if p.is_file()}


def test_the_dev_set_loads_cleanly_and_is_big_enough() -> None:
    items, malformed = load_question_set(DEV)
    assert malformed == []
    assert len(items) >= 100
    kinds = {(i.kind, i.lang) for i in items}
    assert {("question", lang) for lang in ("zh-Hant", "zh-Hans", "en")} <= kinds
    assert {("claim", lang) for lang in ("zh-Hant", "zh-Hans", "en")} <= kinds


@pytest.mark.parametrize("question_set", SETS, ids=[p.stem for p in SETS])
def test_every_evidence_quote_is_in_its_document(documents: dict[str, str], question_set: Path) -> None:
    assert load_question_set(question_set)[1] == []  # no malformed lines
    missing = []
    for line in question_set.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        for ev in item.get("evidence", []):
            if _squash(ev["quote"]) not in documents[ev["doc"]]:
                missing.append((item["id"], ev["doc"], ev["quote"]))
    assert missing == []
