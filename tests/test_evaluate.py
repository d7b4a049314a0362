"""Scoring and reporting of the batch evaluation, against a fake assistant with canned outputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import ConfigError
from assistant.evaluate import (
    Item,
    check_floors,
    evaluate,
    load_question_set,
    parse_floor,
    render_markdown,
    score_item,
    write_reports,
)
from assistant.schema import Answer, Chunk, Citation, Passage, Verdict

QUOTE = "壁仞科技收入從49.9萬元飙升至3.37億元"  # 22 characters: half is 11
DOC = "biren-hearing-2025.txt"


def passage(n: int, text: str) -> Passage:
    return Passage(Chunk("biren", n, text, 0, len(text), doc=DOC))


SUPPORTING = passage(1, "據資料集," + QUOTE[:11] + "。")  # exactly half, contiguous
SPLIT = passage(2, QUOTE[:10] + "……" + QUOTE[12:])  # two runs of 10: not half
OTHER = passage(3, "由中金公司、平安證券(香港)及中銀國際擔任聯席保薦人。")


def answer(text: str, *cited: Passage, abstained: bool = False) -> Answer:
    return Answer("q", text, abstained, [Citation.of(p) for p in cited])


def verdict(label: str, *cited: Passage) -> Verdict:
    return Verdict("c", label, f"because {label}", [Citation.of(p) for p in cited])


def item(
    id: str = "q01",
    kind: str = "question",
    expected: dict[str, Any] | None = None,
    evidence: list[str] = (),
    lang: str = "zh-Hant",
    tags: tuple[str, ...] = (),
) -> Item:
    return Item(
        id,
        kind,
        f"input of {id}",
        expected or {},
        [{"doc": DOC, "quote": q} for q in evidence],
        lang,
        list(tags),
        1,
    )


class FakeAssistant:
    """Canned outputs and retrievals by input; an Exception as output is raised."""

    def __init__(self, outputs: dict[str, Any], found: dict[str, list[Passage]] | None = None):
        self.outputs = outputs
        self.found = found or {}
        self.calls: list[tuple[str, str, dict[str, Any]]] = []

    def _out(self, call: str, text: str, kwargs: dict[str, Any]) -> Any:
        self.calls.append((call, text, kwargs))
        out = self.outputs[text]
        if isinstance(out, Exception):
            raise out
        return out

    def ask(self, question: str, **kwargs: Any) -> Answer:
        return self._out("ask", question, kwargs)

    def check(self, claim: str) -> Verdict:
        return self._out("check", claim, {})

    def find(self, query: str, k: int) -> list[Passage]:
        return self.found.get(query, [])

    def config(self) -> dict[str, Any]:
        return {
            "embedding_model": "fake",
            "retrieval": "none",
            "answerer": "canned",
            "corpus_docs": 1,
            "chunks": 3,
        }


def run(pairs: list[tuple[Item, Any]], found: dict[str, list[Passage]] | None = None, **kw: Any):
    assistant = FakeAssistant({i.input: out for i, out in pairs}, found)
    return evaluate(assistant, [i for i, _ in pairs], progress=False, **kw)


# ---- loading ----------------------------------------------------------------------------------


def test_load_counts_malformed_lines_and_keeps_the_rest(tmp_path: Path) -> None:
    good = {
        "kind": "question",
        "input": "壁仞科技2024年的收入是多少?",
        "expected": {"abstain": True},
    }
    lines = [
        json.dumps({"id": "q01", **good, "lang": "zh-Hant", "tags": ["figure"], "extra": 1}),
        "{not json",
        json.dumps({"kind": "question", "input": "x", "expected": {"abstain": True}}),
        json.dumps({"id": "q02", "input": "x", "expected": {"abstain": True}}),
        json.dumps({"id": "q03", "kind": "question", "expected": {"abstain": True}}),
        json.dumps({"id": "q04", "kind": "summary", "input": "x"}),
        "",
        json.dumps({"id": "q01", **good}),
        json.dumps({"id": "c01", "kind": "claim", "input": "x", "expected": {"verdict": "maybe"}}),
        json.dumps(
            {
                "id": "q05",
                "kind": "question",
                "input": "x",
                "expected": {"value": 1, "unit": "lakh"},
            }
        ),
        json.dumps({"id": "c02", "kind": "claim", "input": "y", "expected": {"verdict": "refuted"}}),
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    items, malformed = load_question_set(path)

    assert [(i.id, i.line) for i in items] == [("q01", 1), ("c02", 11)]
    assert items[0].tags == ["figure"] and items[0].lang == "zh-Hant" and items[0].abstain
    errors = {m["line"]: m["error"] for m in malformed}
    assert sorted(errors) == [2, 3, 4, 5, 6, 8, 9, 10]
    assert "bad JSON" in errors[2]
    assert "missing id" in errors[3]
    assert "missing kind" in errors[4]
    assert "missing input" in errors[5]
    assert "unknown kind 'summary'" in errors[6]
    assert "duplicate id 'q01' (first on line 1)" in errors[8]
    assert "verdict" in errors[9]
    assert "unknown unit 'lakh'" in errors[10]


# ---- figures, text and abstention --------------------------------------------------------------

REVENUE = {"answer": "3.37億元", "value": 337000000, "unit": "CNY"}


@pytest.mark.parametrize(
    ("text", "expected", "correct"),
    [
        ("壁仞科技2024年的收入為3.37億元。", REVENUE, True),
        ("壁仞科技2024年的收入约为3.4亿元。", REVENUE, False),  # 340m is outside 336.5–337.5m
        ("Biren's revenue in 2024 was RMB337 million.", REVENUE, True),
        ("Revenue was RMB337.0 million.", {"value": 337000000, "unit": "CNY"}, True),
        ("收入約3.4億元", {"value": 337000000, "unit": "CNY"}, False),  # value alone: ±0.5m
        ("Revenue was US$337 million.", REVENUE, False),  # another currency
        # Strict: the first figure in the unit decides, though the right one follows.
        ("收入為6,200萬元,2024年則為3.37億元。", REVENUE, False),
        ("收入為337,000,000。", REVENUE, True),  # a bare number stands in for a currency
        ("收入為337,000,000,即3.4億元。", REVENUE, False),  # ...only when no CNY figure is stated
        ("毛利率為38.5。", {"value": 38.5, "unit": "%"}, False),  # ...and not for a percentage
        ("毛利率為38.5%。", {"answer": "38.5%", "value": 38.5, "unit": "%"}, True),
        ("毛利率為38.6%。", {"answer": "38.5%", "value": 38.5, "unit": "%"}, False),
    ],
)
def test_figure_answers(text: str, expected: dict[str, Any], correct: bool) -> None:
    result = score_item(item(expected=expected), answer(text), [], 5)
    assert result.correct is correct, result.note


@pytest.mark.parametrize(
    ("text", "correct"),
    [
        ("联席保荐人包括中金公司。", True),  # Simplified against a Traditional reference
        ("The joint sponsors include CICC.", True),  # the part in brackets
        ("中金 公司", True),  # spaces are ignored
        ("平安證券", False),
    ],
)
def test_text_answers_either_part(text: str, correct: bool) -> None:
    result = score_item(item(expected={"answer": "中金公司 (cicc)"}), answer(text), [], 5)
    assert result.correct is correct, result.note


def test_abstention() -> None:
    unanswerable = item("n01", expected={"abstain": True}, tags=("unanswerable",))
    report = run(
        [
            (unanswerable, answer("The corpus does not say.", abstained=True)),
            (item("n02", expected={"abstain": True}), answer("3.37億元")),
            (item("q01", expected=REVENUE), answer("無法回答。", abstained=True)),
        ]
    )
    assert [r.correct for r in report.items] == [True, False, False]
    assert report.metrics["abstention_accuracy"] == 0.5
    assert report.metrics["answer_accuracy"] == 0.0
    assert report.by_tag == {"unanswerable": {"n": 1, "accuracy": 1.0}}


# ---- verdicts ---------------------------------------------------------------------------------


def test_verdict_accuracy_macro_f1_and_supported_when_refuted() -> None:
    gold = ["supported", "supported", "refuted", "refuted", "not_enough_info"]
    said = ["supported", "refuted", "supported", "refuted", "supported"]
    pairs = [
        (item(f"c{n}", "claim", {"verdict": g}), verdict(s)) for n, (g, s) in enumerate(zip(gold, said, strict=True))
    ]
    metrics = run(pairs).metrics
    assert metrics["verdict_accuracy"] == pytest.approx(2 / 5)
    # F1 supported 2·1/(2+3) = 0.4, refuted 2·1/(2+2) = 0.5, not_enough_info 0.
    assert metrics["verdict_macro_f1"] == pytest.approx((0.4 + 0.5 + 0.0) / 3)
    assert metrics["supported_when_refuted"] == pytest.approx(1 / 2)
    assert metrics["answer_accuracy"] is None  # no question items: null, not 0


def test_macro_f1_leaves_out_a_label_nobody_used() -> None:
    pairs = [
        (item("c1", "claim", {"verdict": "supported"}), verdict("supported")),
        (item("c2", "claim", {"verdict": "refuted"}), verdict("refuted")),
    ]
    assert run(pairs).metrics["verdict_macro_f1"] == 1.0


# ---- citations and retrieval ------------------------------------------------------------------


def test_citations_half_contiguous_rule() -> None:
    pairs = [
        # cites one supporting and one unrelated passage: recall 1/1, precision 1/2
        (
            item("c1", "claim", {"verdict": "refuted"}, [QUOTE]),
            verdict("refuted", SUPPORTING, OTHER),
        ),
        # the quote split in two runs shorter than half: no support
        (item("q1", expected=REVENUE, evidence=[QUOTE]), answer("3.37億元", SPLIT)),
        (item("q2", expected=REVENUE, evidence=[QUOTE]), answer("3.37億元", SUPPORTING)),
        # no gold evidence: left out of both
        (item("n1", expected={"abstain": True}), answer("no", OTHER, abstained=True)),
    ]
    report = run(pairs)
    assert report.metrics["citation_precision"] == pytest.approx(2 / 4)
    assert report.metrics["citation_recall"] == pytest.approx(2 / 3)
    assert [r.citation_ok for r in report.items] == [False, False, True, None]


def test_support_is_tested_after_normalisation() -> None:
    # Simplified script, full-width digits and line breaks in the passage; Traditional quote.
    text = "壁仞科技收入从４９.９万元\n飙升至3.37亿元"
    result = score_item(item(expected=REVENUE, evidence=[QUOTE]), answer("3.37億元", passage(9, text)), [], 5)
    assert (result.quotes_cited, result.cited_supporting) == (1, 1)


def test_retrieval_recall_counts_only_the_top_k() -> None:
    q1 = item("q1", expected=REVENUE, evidence=[QUOTE])
    q2 = item("q2", expected=REVENUE, evidence=[QUOTE])
    found = {q1.input: [OTHER, SUPPORTING, SPLIT], q2.input: [OTHER, SPLIT, SUPPORTING]}
    report = run([(q1, answer("3.37億元")), (q2, answer("3.37億元"))], found, k=2)
    assert report.metrics["retrieval_recall_at_2"] == 0.5
    assert "retrieval_recall_at_5" not in report.metrics
    assert report.items[1].to_dict()["retrieved"] == ["biren#3", "biren#2"]


# ---- running ----------------------------------------------------------------------------------


def test_an_item_that_raises_is_its_error_and_the_run_goes_on() -> None:
    report = run(
        [
            (item("q1", expected=REVENUE), RuntimeError("index is locked")),
            (item("q2", expected=REVENUE), answer("3.37億元")),
        ]
    )
    broken, fine = report.items
    assert not broken.correct and "RuntimeError: index is locked" in broken.error
    assert broken.latency_ms is None
    assert fine.correct and fine.error is None and fine.latency_ms is not None
    assert report.metrics["answer_accuracy"] == 0.5
    assert report.to_dict()["items"][0]["error"].startswith("ask:")
    assert "- error: `ask: RuntimeError: index is locked`" in render_markdown(report)


def test_llm_is_passed_to_ask_only_when_given() -> None:
    q, c = item("q1", expected=REVENUE), item("c1", "claim", {"verdict": "refuted"})
    pairs = [(q, answer("3.37億元")), (c, verdict("refuted"))]
    assistant = FakeAssistant({i.input: out for i, out in pairs})
    evaluate(assistant, [q, c], progress=False, llm="fake-llm")
    evaluate(assistant, [q], progress=False)
    assert [(call, kw) for call, _, kw in assistant.calls] == [
        ("ask", {"llm": "fake-llm"}),
        ("check", {}),
        ("ask", {}),
    ]


def test_progress_bar_goes_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    q = item("q1", expected=REVENUE)
    evaluate(FakeAssistant({q.input: answer("3.37億元")}), [q], progress=True)
    captured = capsys.readouterr()
    assert "eval" in captured.err and captured.out == ""


# ---- reports ----------------------------------------------------------------------------------


def sample_report():
    pairs = [
        (
            item("q1", expected=REVENUE, evidence=[QUOTE], tags=("figure",)),
            answer("3.37億元", SUPPORTING),
        ),
        (
            item("q2", expected=REVENUE, evidence=[QUOTE], lang="en", tags=("figure",)),
            answer("Revenue was RMB456 million.", OTHER),
        ),
        (item("c1", "claim", {"verdict": "refuted"}, [QUOTE]), verdict("supported", SPLIT)),
    ]
    malformed = [{"line": 7, "error": "bad JSON: Expecting value at column 1"}]
    return run(pairs, malformed=malformed)


def test_report_json_has_every_key_of_the_format(tmp_path: Path) -> None:
    json_path, md_path = write_reports(sample_report(), tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert md_path.exists()
    assert {"n", "malformed", "metrics", "by_tag", "by_lang", "config", "items"} <= set(data)
    assert (data["n"], data["malformed"]) == (3, 1)
    assert {
        "answer_accuracy",
        "abstention_accuracy",
        "verdict_accuracy",
        "verdict_macro_f1",
        "citation_precision",
        "citation_recall",
        "retrieval_recall_at_5",
        "latency_ms_p50",
        "latency_ms_p95",
        "supported_when_refuted",
    } == set(data["metrics"])
    assert data["metrics"]["abstention_accuracy"] is None
    assert data["metrics"]["answer_accuracy"] == 0.5
    assert data["by_lang"] == {
        "en": {"n": 1, "accuracy": 0.0},
        "zh-Hant": {"n": 2, "accuracy": 0.5},
    }
    assert data["by_tag"]["figure"] == {"n": 2, "accuracy": 0.5}
    assert set(data["config"]) == {
        "embedding_model",
        "retrieval",
        "answerer",
        "corpus_docs",
        "chunks",
    }
    entry = data["items"][0]
    for key in ("id", "kind", "output", "verdict", "citations", "correct", "citation_ok"):
        assert key in entry
    assert {"latency_ms", "expected", "abstained", "retrieved"} <= set(entry)
    assert entry["citations"][0] == {"id": "biren#1", "doc": DOC, "text": SUPPORTING.text}
    assert data["items"][2]["verdict"] == "supported" and data["items"][2]["abstained"] is None


def test_report_md_shows_each_failure_with_its_citations(tmp_path: Path) -> None:
    _, md_path = write_reports(sample_report(), tmp_path)
    md = md_path.read_text(encoding="utf-8")
    failures = md.split("## Failures")[1]
    assert "### q1 " not in failures  # correct items are not failures
    assert "### q2 · question · en · figure" in failures
    assert "Revenue was RMB456 million." in failures
    assert "`biren#3`: 由中金公司" in failures
    assert "**supported** — because supported" in failures and "expected: **refuted**" in failures
    assert "line 7: bad JSON" in md
    assert "| zh-Hant | 2 | 0.500 |" in md
    assert "Δ" not in md


def test_compare_adds_deltas(tmp_path: Path) -> None:
    old = {"metrics": {"answer_accuracy": 0.25, "latency_ms_p50": 1000.0, "citation_recall": None}}
    _, md_path = write_reports(sample_report(), tmp_path, compare=old)
    md = md_path.read_text(encoding="utf-8")
    assert "Δ vs previous" in md
    assert "| answer_accuracy | 0.500 | 2 | +0.250 |" in md
    assert "| latency_ms_p50 |" in md and "| -" in md.split("| latency_ms_p50 |")[1].split("\n")[0]


# ---- floors ---------------------------------------------------------------------------------


def test_check_floors() -> None:
    report = sample_report()
    assert check_floors(report, {"answer_accuracy": 0.5, "latency_ms_p95": 60_000}) == []
    messages = check_floors(
        report,
        {
            "answer_accuracy": 0.9,
            "latency_ms_p95": 0.0,
            "abstention_accuracy": 0.5,
            "answer_acuracy": 0.5,
        },
    )
    assert len(messages) == 4
    assert "answer_accuracy 0.500 is under its floor 0.9" in messages[0]
    assert "over its ceiling" in messages[1]
    assert "no items" in messages[2]
    assert "unknown metric 'answer_acuracy'" in messages[3]


def test_parse_floor() -> None:
    assert parse_floor("answer_accuracy=0.9") == ("answer_accuracy", 0.9)
    assert parse_floor(" retrieval_recall_at_5 = 0.75 ") == ("retrieval_recall_at_5", 0.75)
    for bad in ("answer_accuracy", "=0.9", "answer_accuracy=high", "x=nan"):
        with pytest.raises(ConfigError):
            parse_floor(bad)
