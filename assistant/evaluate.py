"""Batch evaluation: run a question set (docs/eval-format.md) through the assistant and score it.

The question-set format and the report schema are a public interface: sets written by people
outside the project must run unchanged, so field and metric names here follow the doc exactly.
"""

from __future__ import annotations

import json
import logging
import math
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Protocol

from tqdm import tqdm

from .errors import ConfigError, LoadError
from .figures import CURRENCIES, Figure, parse_figures, parse_number
from .schema import VERDICTS, Answer, Citation, Passage, Verdict
from .text import normalise

log = logging.getLogger(__name__)

KINDS = ("question", "claim")
UNITS = frozenset(CURRENCIES) | {"%", "pp", "bp", "x", "count", "shares"}
# Spellings a set writer might use for a unit; matched after lowercasing.
_UNIT_ALIASES = {u.lower(): u for u in UNITS} | {
    "rmb": "CNY",
    "hk$": "HKD",
    "us$": "USD",
    "percent": "%",
    "times": "x",
}
# Metrics where smaller is better: a "floor" given for them is a ceiling.
LOWER_IS_BETTER = frozenset({"latency_ms_p50", "latency_ms_p95", "supported_when_refuted"})
_SNIPPET = 200


class AssistantLike(Protocol):
    """What the evaluation needs from the assistant; the chat and the CLI use the same calls."""

    def ask(self, question: str, **kwargs: Any) -> Answer: ...
    def check(self, claim: str) -> Verdict: ...
    def find(self, query: str, k: int) -> list[Passage]: ...
    def config(self) -> dict[str, Any]: ...


@dataclass
class Item:
    """One line of a question set."""

    id: str
    kind: str  # "question" or "claim"
    input: str
    expected: dict[str, Any]
    evidence: list[dict[str, Any]]
    lang: str
    tags: list[str]
    line: int

    @property
    def abstain(self) -> bool:
        """True when the right output is an abstention."""
        return _is_abstain(self.kind, self.expected)

    @property
    def quotes(self) -> list[str]:
        """The gold evidence quotes."""
        return [e["quote"] for e in self.evidence]


@dataclass
class ItemResult:
    """How the assistant did on one item; `to_dict` is its entry in report.json."""

    id: str
    kind: str
    input: str
    lang: str
    tags: list[str]
    expected: dict[str, Any]
    evidence: list[dict[str, Any]]
    output: str
    verdict: str | None
    abstained: bool | None
    citations: list[dict[str, Any]]
    correct: bool
    citation_ok: bool | None
    note: str  # why it was scored so, for the person reading a failure
    retrieved: list[dict[str, Any]] = field(default_factory=list)
    latency_ms: float | None = None
    error: str | None = None
    # Counts the pooled citation and retrieval metrics are summed from.
    quotes: int = 0
    quotes_cited: int = 0
    cited: int = 0
    cited_supporting: int = 0
    quotes_retrieved: int = 0

    @property
    def abstain_item(self) -> bool:
        return _is_abstain(self.kind, self.expected)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "input": self.input,
            "lang": self.lang,
            "tags": self.tags,
            "expected": self.expected,
            "output": self.output,
            "verdict": self.verdict,
            "abstained": self.abstained,
            "citations": self.citations,
            "correct": self.correct,
            "citation_ok": self.citation_ok,
            "latency_ms": self.latency_ms,
            "retrieved": [p["id"] for p in self.retrieved],
            "note": self.note,
        }
        if self.error:
            out["error"] = self.error
        return out


@dataclass
class Report:
    """A scored run: headline metrics, breakdowns, the assistant's config and every item."""

    items: list[ItemResult]
    metrics: dict[str, float | None]
    metric_n: dict[str, int]
    by_tag: dict[str, dict[str, Any]]
    by_lang: dict[str, dict[str, Any]]
    config: dict[str, Any]
    malformed: list[dict[str, Any]] = field(default_factory=list)
    k: int = 5

    @property
    def n(self) -> int:
        return len(self.items)

    @property
    def failures(self) -> list[ItemResult]:
        return [r for r in self.items if not r.correct]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "malformed": len(self.malformed),
            "metrics": self.metrics,
            "by_tag": self.by_tag,
            "by_lang": self.by_lang,
            "config": self.config,
            "items": [r.to_dict() for r in self.items],
            "k": self.k,
            "errors": sum(1 for r in self.items if r.error),
            "metric_n": self.metric_n,
            "malformed_lines": self.malformed,
        }


# ---------------------------------------------------------------------------------------------
# Loading


def load_question_set(path: str | Path) -> tuple[list[Item], list[dict[str, Any]]]:
    """Items of a JSON Lines question set, and the malformed lines as {"line", "error"}."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError(str(path), f"cannot read the question set ({exc.strerror or exc})") from exc
    items: list[Item] = []
    malformed: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    for n, line in enumerate(raw.splitlines(), start=1):
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):  # editors on Windows add a BOM
            line = line[3:]
        if not line.strip():
            continue
        try:
            item = _parse_line(line, n)
        except ValueError as exc:
            malformed.append({"line": n, "error": str(exc)})
            continue
        if item.id in first_line:
            error = f"duplicate id {item.id!r} (first on line {first_line[item.id]})"
            malformed.append({"line": n, "error": error})
            continue
        first_line[item.id] = n
        items.append(item)
    return items, malformed


def _parse_line(line: bytes, n: int) -> Item:
    try:
        obj = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"bad JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(obj, dict):
        raise ValueError(f"a line must be a JSON object, not {type(obj).__name__}")
    item_id = obj.get("id")
    if isinstance(item_id, int) and not isinstance(item_id, bool):
        item_id = str(item_id)
    if not isinstance(item_id, str) or not item_id.strip():
        raise ValueError("missing id")
    kind = obj.get("kind")
    if kind is None:
        raise ValueError(f"{item_id}: missing kind")
    if kind not in KINDS:
        raise ValueError(f"{item_id}: unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    text = obj.get("input")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{item_id}: missing input")
    expected = obj.get("expected", {})
    if not isinstance(expected, dict):
        raise ValueError(f"{item_id}: expected must be an object")
    expected = _check_expected(item_id, kind, expected)
    evidence = obj.get("evidence") or []
    if not isinstance(evidence, list) or not all(
        isinstance(e, dict) and isinstance(e.get("quote"), str) and e["quote"].strip() for e in evidence
    ):
        raise ValueError(f"{item_id}: evidence must be a list of objects with a non-empty quote")
    lang = obj.get("lang") or ""
    tags = obj.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(lang, str) or not isinstance(tags, list):
        raise ValueError(f"{item_id}: lang must be a string and tags a list")
    tags = [str(t) for t in tags]
    return Item(item_id, kind, text, expected, evidence, lang, tags, n)


def _check_expected(item_id: str, kind: str, expected: dict[str, Any]) -> dict[str, Any]:
    """`expected` with its verdict and unit spelled canonically; ValueError when unscorable."""
    expected = dict(expected)
    if kind == "claim":
        label = str(expected.get("verdict", "")).strip().lower().replace(" ", "_")
        label = label.replace("-", "_")
        if label not in VERDICTS:
            got = expected.get("verdict")
            raise ValueError(f"{item_id}: a claim needs expected.verdict in {VERDICTS}, not {got!r}")
        expected["verdict"] = label
        return expected
    if _is_abstain(kind, expected):
        return expected
    if "value" in expected:
        _decimal(expected["value"], item_id)
        if expected.get("unit") not in (None, ""):
            unit = _UNIT_ALIASES.get(str(expected["unit"]).strip().lower())
            if unit is None:
                known = ", ".join(sorted(UNITS))
                raise ValueError(f"{item_id}: unknown unit {expected['unit']!r} (known: {known})")
            expected["unit"] = unit
        return expected
    answer = expected.get("answer")
    if isinstance(answer, str) and answer.strip():
        return expected
    raise ValueError(f"{item_id}: a question needs expected.value, expected.answer or abstain")


def _decimal(value: Any, item_id: str = "") -> Decimal:
    # str(float) is the shortest repr that round-trips, so it gives back the digits written.
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{item_id}: expected.value must be a number, not {value!r}")
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation as exc:
        raise ValueError(f"{item_id}: expected.value {value!r} is not a number") from exc
    if not number.is_finite():
        raise ValueError(f"{item_id}: expected.value must be finite, not {value!r}")
    return number


def _is_abstain(kind: str, expected: dict[str, Any]) -> bool:
    return kind == "question" and expected.get("abstain") is True


# ---------------------------------------------------------------------------------------------
# Scoring one item


def score_item(item: Item, output: Answer | Verdict | None, retrieved: Sequence[Passage], k: int) -> ItemResult:
    """Score one output (None: the assistant raised) for correctness, citations and recall@k."""
    citations: list[Citation] = list(output.citations) if output is not None else []
    top_k = list(retrieved)[:k]
    quotes = [_norm(q) for q in item.quotes]
    cited = [_norm(c.text) for c in citations]
    found = [_norm(p.text) for p in top_k]
    quotes_cited = sum(any(_supports(c, q) for c in cited) for q in quotes)
    cited_supporting = sum(any(_supports(c, q) for q in quotes) for c in cited)
    quotes_retrieved = sum(any(_supports(p, q) for p in found) for q in quotes)
    citation_ok = None
    if quotes:
        # Both ways: every gold quote is cited, and nothing off the point is.
        citation_ok = quotes_cited == len(quotes) and cited_supporting == len(cited)

    correct, note = _correct(item, output)
    return ItemResult(
        id=item.id,
        kind=item.kind,
        input=item.input,
        lang=item.lang,
        tags=list(item.tags),
        expected=item.expected,
        evidence=item.evidence,
        output=_output_text(output),
        verdict=output.label if isinstance(output, Verdict) else None,
        abstained=output.abstained if isinstance(output, Answer) else None,
        citations=[{"id": c.id, "doc": c.doc, "text": c.text} for c in citations],
        correct=correct,
        citation_ok=citation_ok,
        note=note,
        retrieved=[{"id": p.id, "doc": p.doc, "text": p.text} for p in top_k],
        quotes=len(quotes),
        quotes_cited=quotes_cited,
        cited=len(cited) if quotes else 0,
        cited_supporting=cited_supporting if quotes else 0,
        quotes_retrieved=quotes_retrieved,
    )


def _output_text(output: Answer | Verdict | None) -> str:
    if isinstance(output, Answer):
        return output.text
    if isinstance(output, Verdict):
        return output.explanation
    return ""


def _correct(item: Item, output: Answer | Verdict | None) -> tuple[bool, str]:
    if output is None:
        return False, "no output"
    expected = item.expected
    if item.kind == "claim":
        if not isinstance(output, Verdict):
            return False, f"a claim needs a Verdict, got {type(output).__name__}"
        want = expected["verdict"]
        return output.label == want, f"verdict {output.label}, expected {want}"
    if not isinstance(output, Answer):
        return False, f"a question needs an Answer, got {type(output).__name__}"
    if item.abstain:
        return output.abstained, "abstained" if output.abstained else "answered; should abstain"
    if output.abstained:
        return False, "abstained; should answer"
    if "value" in expected:
        return _figure_correct(expected, output.text)
    return _text_correct(expected["answer"], output.text)


def _figure_correct(expected: dict[str, Any], text: str) -> tuple[bool, str]:
    """The answer's first stated figure in the expected unit, within the reference's rounding.

    Only the first figure of a matching unit counts, so an answer that leads with the wrong
    period's figure is wrong even when the right one follows. A figure without a unit stands
    in only when the answer states none in the expected unit and that unit is a currency.
    """
    value = _decimal(expected["value"])
    unit, tolerance = _reference(expected, value)
    figures = parse_figures(text)
    # The format has no unit for percentage points: a "%" reference is met by "2.4個百分點" too.
    candidates = [f for f in figures if unit is None or f.unit == unit or (unit == "%" and f.unit == "pp")]
    if not candidates and unit in CURRENCIES:
        candidates = [f for f in figures if not f.unit]
    want = " ".join(filter(None, [_plain(value), unit, "±", _plain(tolerance)]))
    if not candidates:
        stated = ", ".join(f"{f.text} ({f.unit or 'no unit'})" for f in figures) or "none"
        return (
            False,
            f"no figure in {unit or 'any unit'}; expected {want}; figures stated: {stated}",
        )
    first = candidates[0]
    ok = abs(first.value - value) <= tolerance
    got = f"{first.text!r} = {_plain(first.value)} {first.unit}".rstrip()
    return ok, f"first figure {got}; expected {want}"


def _reference(expected: dict[str, Any], value: Decimal) -> tuple[str | None, Decimal]:
    """The unit to compare in, and the tolerance the reference's precision allows."""
    unit = expected.get("unit") or None
    answer = expected.get("answer")
    ref: Figure | None = None
    if isinstance(answer, str) and answer.strip():
        ref = parse_number(answer)
        if ref is None:  # "3.37億元 (RMB337 million)": take its first figure
            ref = next(iter(parse_figures(answer)), None)
    # The reference string is written for people; trust its precision only when it agrees.
    if ref is not None and abs(ref.value - value) <= ref.precision and (unit is None or ref.unit in (unit, "")):
        return unit or ref.unit or None, ref.precision
    return unit, _digits_precision(value)


def _digits_precision(value: Decimal) -> Decimal:
    """Half a unit of the last nonzero digit: 337000000 → 500000, 12.5 → 0.05."""
    return Decimal(5).scaleb(value.normalize().as_tuple().exponent - 1)


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}"


_PARTS = re.compile(r"^(.+?)\s*[(（](.+)[)）]\s*$")


def _text_correct(answer: str, text: str) -> tuple[bool, str]:
    """Normalised containment of the reference; for "A (B)" either part will do."""
    got = _norm(text)
    options = [answer]
    if m := _PARTS.match(answer.strip()):
        options += [m.group(1), m.group(2)]
    for option in options:
        if (want := _norm(option)) and want in got:
            return True, f"contains {option!r}"
    return False, f"does not contain {' or '.join(repr(o) for o in options)}"


_SPACE = re.compile(r"\s+")
_COMMAS = str.maketrans({"，": ",", "、": ",", "﹐": ",", "﹑": ",", "､": ","})


def _norm(text: str) -> str:
    return _SPACE.sub("", normalise(text)).translate(_COMMAS)


def _supports(passage: str, quote: str) -> bool:
    """Whether `passage` holds half the quote's characters (rounded up) as one contiguous run.

    Both are normalised. A common run at least that long contains one exactly that long, so
    testing each window of the quote is the longest-common-substring test, without the table.
    """
    need = math.ceil(len(quote) / 2)
    if need == 0:
        return False
    return any(quote[i : i + need] in passage for i in range(len(quote) - need + 1))


# ---------------------------------------------------------------------------------------------
# Running a set


def evaluate(
    assistant: AssistantLike,
    items: Iterable[Item],
    k: int = 5,
    progress: bool = True,
    llm: Any = None,
    malformed: list[dict[str, Any]] | None = None,
) -> Report:
    """Run every item through the assistant and score it; one item's exception is its error.

    `malformed` (from `load_question_set`) is carried into the report so it counts them.
    """
    if k <= 0:
        raise ConfigError(f"k must be positive, not {k}")
    items = list(items)
    config = dict(assistant.config())
    results = [
        _run_item(assistant, item, k, llm)
        for item in tqdm(items, desc="eval", unit="item", file=sys.stderr, disable=not progress)
    ]
    metrics, metric_n = _metrics(results, k)
    return Report(
        items=results,
        metrics=metrics,
        metric_n=metric_n,
        by_tag=_breakdown(results, lambda r: r.tags),
        by_lang=_breakdown(results, lambda r: [r.lang] if r.lang else []),
        config=config,
        malformed=list(malformed or []),
        k=k,
    )


def _run_item(assistant: AssistantLike, item: Item, k: int, llm: Any) -> ItemResult:
    errors: list[str] = []
    output: Answer | Verdict | None = None
    latency_ms = None
    call = "ask" if item.kind == "question" else "check"
    try:
        start = time.perf_counter()
        if item.kind == "claim":
            output = assistant.check(item.input)
        elif llm is None:
            output = assistant.ask(item.input)
        else:
            output = assistant.ask(item.input, llm=llm)
        latency_ms = round((time.perf_counter() - start) * 1000, 3)
        want = Verdict if item.kind == "claim" else Answer
        if not isinstance(output, want):
            raise TypeError(f"returned {type(output).__name__}, not {want.__name__}")
    except Exception as exc:  # one broken item must not end a long run
        log.debug("item %s: %s failed", item.id, call, exc_info=True)
        errors.append(f"{call}: {type(exc).__name__}: {exc}")
        output, latency_ms = None, None
    retrieved: list[Passage] = []
    try:
        retrieved = list(assistant.find(item.input, k))
    except Exception as exc:
        log.debug("item %s: find failed", item.id, exc_info=True)
        errors.append(f"find: {type(exc).__name__}: {exc}")
    result = score_item(item, output, retrieved, k)
    result.latency_ms = latency_ms
    result.error = "; ".join(errors) or None
    return result


def _metrics(results: list[ItemResult], k: int) -> tuple[dict[str, float | None], dict[str, int]]:
    """The headline metrics (None where no item measures one) and how many items each covers."""
    answers = [r for r in results if r.kind == "question" and not r.abstain_item]
    abstains = [r for r in results if r.abstain_item]
    claims = [r for r in results if r.kind == "claim"]
    refuted = [r for r in claims if r.expected["verdict"] == "refuted"]
    gold = [r for r in results if r.quotes]
    timed = sorted(r.latency_ms for r in results if r.latency_ms is not None)
    quotes = sum(r.quotes for r in gold)
    cited = sum(r.cited for r in gold)
    metrics = {
        "answer_accuracy": _mean(r.correct for r in answers),
        "abstention_accuracy": _mean(r.correct for r in abstains),
        "verdict_accuracy": _mean(r.correct for r in claims),
        "verdict_macro_f1": _macro_f1([(r.expected["verdict"], r.verdict) for r in claims]),
        "citation_precision": _ratio(sum(r.cited_supporting for r in gold), cited),
        "citation_recall": _ratio(sum(r.quotes_cited for r in gold), quotes),
        f"retrieval_recall_at_{k}": _ratio(sum(r.quotes_retrieved for r in gold), quotes),
        "latency_ms_p50": _percentile(timed, 50),
        "latency_ms_p95": _percentile(timed, 95),
        "supported_when_refuted": _mean(r.verdict == "supported" for r in refuted),
    }
    counts = [len(answers), len(abstains), len(claims), len(claims), len(gold), len(gold)]
    counts += [len(gold), len(timed), len(timed), len(refuted)]
    return metrics, dict(zip(metrics, counts, strict=True))


def _mean(flags: Iterable[bool]) -> float | None:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else None


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _percentile(ordered: list[float], p: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not ordered:
        return None
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _macro_f1(pairs: list[tuple[str, str | None]]) -> float | None:
    """Mean F1 over the labels that occur as gold or prediction; a missed prediction is None."""
    if not pairs:
        return None
    scores = []
    for label in VERDICTS:
        gold = sum(g == label for g, _ in pairs)
        pred = sum(p == label for _, p in pairs)
        if not gold and not pred:  # F1 is undefined; counting it as 0 would punish the set
            continue
        hits = sum(g == p == label for g, p in pairs)
        scores.append(2 * hits / (gold + pred))
    return sum(scores) / len(scores)


def _breakdown(results: list[ItemResult], keys: Callable[[ItemResult], list[str]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[bool]] = {}
    for r in results:
        for key in keys(r):
            groups.setdefault(key, []).append(r.correct)
    return {key: {"n": len(v), "accuracy": sum(v) / len(v)} for key, v in sorted(groups.items())}


# ---------------------------------------------------------------------------------------------
# Reports and floors


def write_reports(report: Report, out_dir: str | Path, compare: dict[str, Any] | None = None) -> tuple[Path, Path]:
    """Write report.json and report.md into `out_dir`; `compare` (an old report) adds deltas."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out / "report.json", out / "report.md"
    data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str)
    json_path.write_text(data + "\n", encoding="utf-8")
    md_path.write_text(render_markdown(report, compare), encoding="utf-8")
    return json_path, md_path


def render_markdown(report: Report, compare: dict[str, Any] | None = None) -> str:
    """The report for people: metrics, breakdowns, then every failure with what it cited."""
    old = compare.get("metrics", compare) if compare is not None else None
    errors = sum(1 for r in report.items if r.error)
    lines = ["# Evaluation report", ""]
    lines.append(
        f"{report.n} items, {len(report.failures)} wrong, {errors} errors, "
        f"{len(report.malformed)} malformed lines; k = {report.k}."
    )
    if report.config:
        lines += ["", "Config: " + ", ".join(f"{k} = `{v}`" for k, v in report.config.items())]
    lines += ["", "## Metrics", ""]
    head = ["metric", "value", "n"] + (["Δ vs previous"] if old is not None else [])
    rows = []
    for name, value in report.metrics.items():
        row = [name, _fmt(name, value), str(report.metric_n.get(name, ""))]
        if old is not None:
            row.append(_delta(name, value, old.get(name)))
        rows.append(row)
    lines += _table(head, rows)
    for title, groups in (("By language", report.by_lang), ("By tag", report.by_tag)):
        lines += ["", f"## {title}", ""]
        rows = [[key, str(g["n"]), _fmt("accuracy", g["accuracy"])] for key, g in groups.items()]
        lines += _table(["", "n", "accuracy"], rows) if rows else ["(none)"]
    lines += ["", f"## Failures ({len(report.failures)})", ""]
    if not report.failures:
        lines.append("(none)")
    for r in report.failures:
        lines += _failure(r)
    if report.malformed:
        lines += ["", f"## Malformed lines ({len(report.malformed)})", ""]
        lines += [f"- line {m['line']}: {_one_line(str(m['error']))}" for m in report.malformed]
    return "\n".join(lines) + "\n"


def _failure(r: ItemResult) -> list[str]:
    tags = ", ".join(r.tags) or "no tags"
    lines = [f"### {r.id} · {r.kind} · {r.lang or 'no lang'} · {tags}", ""]
    lines.append(f"- input: {_one_line(r.input)}")
    lines.append(f"- expected: {_describe_expected(r)}")
    if r.verdict is None and r.abstained is None:
        lines.append("- output: none")
    elif r.kind == "claim":
        lines.append(f"- output: **{r.verdict}** — {_one_line(r.output)}")
    else:
        state = "abstained: " if r.abstained else ""
        lines.append(f"- output: {state}{_one_line(r.output) or '(empty)'}")
    lines.append(f"- scoring: {_one_line(r.note)}")
    if r.error:
        lines.append(f"- error: `{_one_line(r.error)}`")
    for e in r.evidence:
        where = f" ({e['doc']})" if e.get("doc") else ""
        lines.append(f"- gold quote{where}: {_one_line(e['quote'])}")
    lines.append("- cited passages:" if r.citations else "- cited passages: none")
    lines += [f"  - `{c['id']}`: {_snippet(c['text'])}" for c in r.citations]
    if r.retrieved:
        lines.append("- retrieved: " + ", ".join(f"`{p['id']}`" for p in r.retrieved))
    lines.append("")
    return lines


def _describe_expected(r: ItemResult) -> str:
    e = r.expected
    if r.kind == "claim":
        return f"**{e['verdict']}**"
    if r.abstain_item:
        return "abstain"
    parts = []
    if e.get("answer"):
        parts.append(_one_line(str(e["answer"])))
    if "value" in e:
        parts.append(f"value {e['value']} {e.get('unit') or ''}".rstrip())
    return " / ".join(parts)


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:.1f} ms" if name.startswith("latency") else f"{value:.3f}"


def _delta(name: str, new: float | None, old: Any) -> str:
    if new is None or not isinstance(old, int | float) or isinstance(old, bool):
        return ""
    return f"{new - old:+.1f}" if name.startswith("latency") else f"{new - old:+.3f}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    cells = [[c.replace("|", "\\|") for c in row] for row in [head, *rows]]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(head)]
    return out + ["| " + " | ".join(row) + " |" for row in cells[1:]]


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _snippet(text: str) -> str:
    flat = _one_line(text)
    return flat if len(flat) <= _SNIPPET else flat[:_SNIPPET] + "…"


def check_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """A message for each metric under its floor (over it, for latency), or unknown, or null."""
    messages = []
    for name, floor in floors.items():
        if name not in report.metrics:
            known = ", ".join(report.metrics)
            messages.append(f"unknown metric {name!r} (known: {known})")
            continue
        value = report.metrics[name]
        if value is None:
            messages.append(f"{name} has no items to measure it, so floor {floor:g} is not met")
        elif name in LOWER_IS_BETTER and value > floor:
            messages.append(f"{name} {_fmt(name, value)} is over its ceiling {floor:g}")
        elif name not in LOWER_IS_BETTER and value < floor:
            messages.append(f"{name} {_fmt(name, value)} is under its floor {floor:g}")
    return messages


def parse_floor(text: str) -> tuple[str, float]:
    """Split "answer_accuracy=0.9" into ("answer_accuracy", 0.9)."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not sep or not name or not math.isfinite(value):
        raise ConfigError(f"a floor is METRIC=NUMBER, such as answer_accuracy=0.9, not {text!r}")
    return name, value
