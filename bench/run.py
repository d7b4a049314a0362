"""`make bench`: ingest throughput and query latency on the demo corpus and a synthetic one.

Every figure comes with a baseline measured in the same process, so the ratios hold on any
machine: ingest against bare embedding of the same chunks, `find` against the query
embedding alone (its floor), and Chroma's HNSW results against exact search over the same
vectors (recall@5).

The synthetic corpus (20,000 chunks by default) is embedded once and kept in
.cache/bench/; later runs reuse it and report the throughput measured when it was built.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant, Settings  # noqa: E402
from assistant.text import tokens  # noqa: E402

CACHE = ROOT / ".cache" / "bench"


def percentiles(ms: list[float]) -> tuple[float, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args)
    return (time.perf_counter() - t) * 1000, out


# ---- synthetic corpus ------------------------------------------------------------------------

_CO_ZH = ["星海", "北辰", "雲帆", "瀚宇", "金石", "聚能", "天樞", "凌雲", "遠景", "華芯", "東嶽", "明川"]
_SUFFIX = ["科技", "半導體", "智算", "控股", "電子", "數據"]
_CO_EN = ["Aster", "Borealis", "Cirrus", "Delta", "Ember", "Fathom", "Granite", "Helix", "Ionic", "Juniper"]
_METRIC_ZH = [
    ("收入", "億元"),
    ("淨虧損", "億元"),
    ("研發開支", "億元"),
    ("經營活動現金流量淨額", "億元"),
    ("毛利率", "%"),
]
_METRIC_EN = [
    ("revenue", "RMB{} million"),
    ("net loss", "RMB{} million"),
    ("gross margin", "{}%"),
    ("R&D expenses", "RMB{} million"),
]


def synthetic_sentence(rng: random.Random, company_zh: str, company_en: str) -> str:
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    if rng.random() < 0.7:
        metric, unit = rng.choice(_METRIC_ZH)
        value = f"{rng.uniform(0.5, 40):.2f}"
        trend = "增長" if rng.random() < 0.5 else "下降"
        return f"{company_zh}{year}年{metric}為{value}{unit}，同比{trend}{rng.uniform(1, 80):.1f}%。"
    metric, unit = rng.choice(_METRIC_EN)
    value = unit.format(f"{rng.uniform(10, 900):.1f}")
    return f"{company_en} reported {metric} of {value} for {year}, compared with the prior year. "


def write_synthetic(folder: Path, chunks: int, seed: int = 7) -> None:
    """Filings-like text, 70% Chinese and 30% English, until the corpus holds `chunks` chunks.

    Files already in `folder` count: a corpus that falls short is topped up, not rewritten.
    """
    from assistant.chunking import chunk_document
    from assistant.loaders import load_document

    settings = Settings()
    folder.mkdir(parents=True, exist_ok=True)
    have = sum(
        len(chunk_document(load_document(p), settings.chunk_size, settings.chunk_overlap))
        for p in sorted(folder.glob("*.txt"))
    )
    d = len(list(folder.glob("*.txt")))
    rng = random.Random(seed + d)
    while have < chunks:
        zh = rng.choice(_CO_ZH) + rng.choice(_SUFFIX) + str(d)
        en = f"{rng.choice(_CO_EN)} Holdings {d}"
        paragraphs = ["".join(synthetic_sentence(rng, zh, en) for _ in range(4)) for _ in range(50)]
        path = folder / f"synthetic-{d:05d}.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        have += len(chunk_document(load_document(path), settings.chunk_size, settings.chunk_overlap))
        d += 1


# ---- measurements -------------------------------------------------------------------------------


def measure_ingest(corpus: Path, index_dir: Path, reuse: bool) -> dict:
    built = index_dir / "bench-ingest.json"
    if reuse and built.exists():
        before = json.loads(built.read_text())
        # A corpus topped up since the index was built: ingest the new files and add them in.
        assistant = Assistant(Settings(index_dir=index_dir))
        t = time.perf_counter()
        report = assistant.ingest([corpus], progress=_progress)
        if report.chunks:
            before["seconds"] = round(before["seconds"] + time.perf_counter() - t, 2)
            before["chunks"] += report.chunks
            before["docs"] += len(report.added)
            before["chunks_per_s"] = round(before["chunks"] / before["seconds"], 1)
            built.write_text(json.dumps(before))
        return {**before, "reused": True}
    shutil.rmtree(index_dir, ignore_errors=True)
    assistant = Assistant(Settings(index_dir=index_dir))
    assistant.embedder  # noqa: B018  (model load is not ingest)
    t = time.perf_counter()
    report = assistant.ingest([corpus], progress=_progress)
    seconds = time.perf_counter() - t
    print(file=sys.stderr)
    pages = sum(r.pages or 0 for r in assistant.index.records)
    # Baseline: embedding alone, on a sample of the same chunks.
    sample = [c.text for c in list(assistant.index.chunks.values())[:256]]
    t = time.perf_counter()
    assistant.embedder.embed_documents(sample)
    embed_rate = len(sample) / (time.perf_counter() - t)
    result = {
        "docs": len(report.added),
        "chunks": report.chunks,
        "pages": pages,
        "seconds": round(seconds, 2),
        "chunks_per_s": round(report.chunks / seconds, 1),
        "pages_per_s": round(pages / seconds, 2) if pages else None,
        "embed_only_chunks_per_s": round(embed_rate, 1),
    }
    built.write_text(json.dumps(result))
    return {**result, "reused": False}


def _progress(done: int, total: int, _what: str) -> None:
    if total and (done == total or done % 256 == 0):
        print(f"\r  embedded {done}/{total}", end="", file=sys.stderr, flush=True)


def measure_queries(index_dir: Path, questions: list[str]) -> dict:
    assistant = Assistant(Settings(index_dir=index_dir))
    assistant.find(questions[0], 5)  # warm-up: model load, BM25 load, pinyin table
    embed_ms = [timed(assistant.embedder.embed_query, q)[0] for q in questions]
    bm25_ms = [timed(assistant.index.bm25_search, tokens(q), 30)[0] for q in questions]
    find_ms = [timed(assistant.find, q, 5)[0] for q in questions]
    ask_ms = [timed(assistant.ask, q)[0] for q in questions]
    recall = hnsw_recall(assistant, questions)
    return {
        "chunks": len(assistant.index.chunks),
        "query_embed_ms": percentiles(embed_ms),
        "bm25_ms": percentiles(bm25_ms),
        "find_ms": percentiles(find_ms),
        "ask_ms": percentiles(ask_ms),
        "hnsw_recall_at_5": recall,
    }


def hnsw_recall(assistant: Assistant, questions: list[str]) -> float:
    """Share of Chroma's top-5 that belongs to the exact top-5 (numpy over all stored vectors)."""
    got = assistant.index._collection.get(include=["embeddings"])
    ids, matrix = got["ids"], np.asarray(got["embeddings"], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    position = {vid: i for i, vid in enumerate(ids)}
    hits = 0
    for q in questions:
        v = np.asarray(assistant.embedder.embed_query(q), dtype=np.float32)
        scores = matrix @ v
        fifth = np.sort(scores)[-5]
        approx = assistant.index._collection.query(query_embeddings=[v.tolist()], n_results=5, include=[])
        # Synthetic passages tie often: a returned vector as close as the exact fifth counts.
        hits += sum(scores[position[vid]] >= fifth - 1e-6 for vid in approx["ids"][0])
    return round(hits / (5 * len(questions)), 4)


def demo_questions() -> list[str]:
    dev = ROOT / "evals" / "dev.jsonl"
    if dev.exists():
        items = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [i["input"] for i in items if i.get("kind") == "question"][:40]
    return ["壁仞科技2024年的收入是多少?", "What was Biren's revenue in 2024?", "毛利率", "net loss 2023"]


def synthetic_questions(n: int = 40, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        if rng.random() < 0.7:
            metric, _ = rng.choice(_METRIC_ZH)
            out.append(
                f"{rng.choice(_CO_ZH)}{rng.choice(_SUFFIX)}{rng.randrange(400)}"
                f"{rng.choice([2022, 2023, 2024])}年的{metric}是多少？"
            )
        else:
            metric, _ = rng.choice(_METRIC_EN)
            out.append(
                f"What was the {metric} of {rng.choice(_CO_EN)} Holdings {rng.randrange(400)} "
                f"in {rng.choice([2022, 2023, 2024])}?"
            )
    return out


def row(name: str, ingest: dict, queries: dict) -> list[str]:
    f = queries
    ratio = f["find_ms"][0] / f["query_embed_ms"][0]
    return [
        name,
        f"{f['chunks']:,}",
        f"{ingest['chunks_per_s']}" + (f" ({ingest['pages_per_s']} pages/s)" if ingest.get("pages_per_s") else ""),
        f"{ingest['chunks_per_s'] / ingest['embed_only_chunks_per_s']:.2f}",
        f"{f['query_embed_ms'][0]:.1f}",
        f"{f['bm25_ms'][0]:.2f}",
        f"{f['find_ms'][0]:.1f} / {f['find_ms'][1]:.1f}",
        f"{ratio:.2f}",
        f"{f['ask_ms'][0]:.1f} / {f['ask_ms'][1]:.1f}",
        f"{f['hnsw_recall_at_5']:.3f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=20000, help="chunks in the synthetic corpus (0: skip)")
    parser.add_argument("--rebuild", action="store_true", help="re-embed the synthetic corpus")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    results = {}
    demo_index = CACHE / "demo-index"
    results["demo"] = (
        measure_ingest(ROOT / "corpus", demo_index, reuse=False),
        measure_queries(demo_index, demo_questions()),
    )
    if args.synthetic:
        corpus = CACHE / f"synthetic-{args.synthetic}"
        write_synthetic(corpus, args.synthetic)
        index = CACHE / f"synthetic-{args.synthetic}-index"
        results["synthetic"] = (
            measure_ingest(corpus, index, reuse=not args.rebuild),
            measure_queries(index, synthetic_questions()),
        )

    head = [
        "corpus",
        "chunks",
        "ingest chunks/s",
        "÷ embed-only",
        "q-embed p50 ms",
        "BM25 p50 ms",
        "find p50/p95 ms",
        "find ÷ q-embed",
        "ask p50/p95 ms",
        "HNSW recall@5",
    ]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, (ingest, queries) in results.items():
        print("| " + " | ".join(row(name, ingest, queries)) + " |")
    for name, (ingest, _) in results.items():
        if ingest.get("reused"):
            print(f"\n{name}: ingest figures are from the run that built {CACHE.name}/ (use --rebuild to re-measure)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
