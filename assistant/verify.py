"""Claim verification: each figure a claim states is compared with the source figure for the
same metric, company and period. A claim is supported only when every figure it states is;
it is refuted when any is contradicted; otherwise the documents don't say (not_enough_info).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .entities import EntityLexicon
from .evidence import Evidence, Frame, figures_in, frame_of, same_period, select, unit_kind
from .figures import Figure
from .index import Index
from .retrieve import Query
from .schema import Citation, Passage, Verdict

# Sentence coverage a claim without figures needs to count as stated by the documents.
MIN_TEXT_COVERAGE = 0.85

_TOTAL = re.compile(
    r"合计|合共|累计|共计|总计|總計|合計|累計|共計|total|combined|cumulative|aggregate|in all", re.I
)
_UP = re.compile(
    r"增长|增長|增加|上升|提高|提升|扩大|擴大|攀升|飙升|飆升|升至|rose|rise|increase|grew|grow|widen|up\b|higher|jump",
    re.I,
)
_DOWN = re.compile(
    r"下降|减少|減少|下滑|收窄|降至|回落|缩小|縮小|fell|fall|decline|decrease|narrow|down\b|lower|drop|shr[ai]nk",
    re.I,
)


@dataclass
class Finding:
    """The outcome for one figure (or one direction word) of a claim."""

    label: str  # supported / refuted / not_enough_info
    explanation: str
    evidence: list[Evidence]
    claim_figure: Figure | None = None


def check(index: Index, lexicon: EntityLexicon, query: Query, passages: list[Passage]) -> Verdict:
    """Judge a claim against `passages`."""
    frame = frame_of(query.text, lexicon)
    evidence = figures_in(passages, lexicon)
    stated = [f for f in frame.figures if f.metric or frame.target_metric]
    findings = [_check_figure(frame, evidence, f) for f in stated]
    direction = _direction(frame, evidence)
    if direction:
        findings.append(direction)
    if not findings:
        return _check_text(index, frame, lexicon, query, passages)
    return _combine(frame, findings)


def _combine(frame: Frame, findings: list[Finding]) -> Verdict:
    labels = {f.label for f in findings}
    label = (
        "refuted" if "refuted" in labels else "supported" if labels == {"supported"} else "not_enough_info"
    )
    relevant = [f for f in findings if f.label == label] or findings
    citations: list[Citation] = []
    for f in relevant:
        for ev in f.evidence:
            c = Citation.of(ev.passage, ev.absolute_sentence)
            if all((c.id, c.quote_start) != (x.id, x.quote_start) for x in citations):
                citations.append(c)
    return Verdict(
        frame.text,
        label,
        "; ".join(f.explanation for f in relevant),
        citations,
        claim_figures=[f.to_dict() for f in frame.figures],
        source_figures=[ev.figure.to_dict() for f in relevant for ev in f.evidence],
    )


def _label(frame: Frame, metric: str, period: str | None) -> str:
    who = "/".join(sorted(frame.entities)) or "the company"
    return f"{who} {metric} {period or ''}".strip()


def _check_figure(frame: Frame, evidence: list[Evidence], claimed: Figure) -> Finding:
    metric = claimed.metric or frame.target_metric or ""
    period = claimed.period or (frame.periods[0] if len(frame.periods) == 1 else None)
    kind = unit_kind(claimed)
    if _TOTAL.search(frame.text) and len(frame.periods) >= 2:
        return _check_total(frame, evidence, claimed, metric)
    match = select(frame, evidence, metric, period)
    sources = [ev for ev in match.found if _kinds_agree(kind, unit_kind(ev.figure))]
    what = _label(frame, metric, period)
    if sources:
        agreeing = [ev for ev in sources if _agrees(claimed, ev.figure, metric)]
        if agreeing:
            ev = agreeing[0]
            return Finding(
                "supported",
                f"claim {claimed.text} vs source {ev.figure.text} for {what}: consistent",
                [ev],
                claimed,
            )
        ev = min(sources, key=lambda e: e.rank)
        return Finding(
            "refuted", f"claim {claimed.text} vs source {ev.figure.text} for {what}", [ev], claimed
        )
    if kind == "percent" and period:
        growth = _growth(frame, evidence, claimed, metric, period)
        if growth:
            return growth
    other = [ev for ev in match.other_periods if _kinds_agree(kind, unit_kind(ev.figure))]
    held = sorted({ev.figure.period for ev in other if ev.figure.period})
    extra = f" (they give it for {', '.join(held)})" if held else ""
    return Finding("not_enough_info", f"the documents don't state {what}{extra}", [], claimed)


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or ("number" in (a, b) and {a, b} <= {"number", "money", "count", "shares"})


def _agrees(claimed: Figure, source: Figure, metric: str) -> bool:
    if metric == "operating_cash_flow" and claimed.value.copy_sign(1) == claimed.value:
        # "operating cash outflow of 11.84億" states the size of a negative figure
        source = _abs(source)
    return claimed.matches(source)


def _abs(f: Figure) -> Figure:
    from dataclasses import replace

    return replace(f, value=abs(f.value), negative=False)


def _check_total(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str) -> Finding:
    """A sum over the years a claim names ("2022年至2024年累計虧損47.56億元"), computed."""
    years = list(frame.periods)
    parts: list[Evidence] = []
    for year in years:
        found = [
            ev
            for ev in select(frame, evidence, metric, year).found
            if unit_kind(ev.figure) == unit_kind(claimed)
        ]
        if not found:
            return Finding(
                "not_enough_info",
                f"the documents don't state {_label(frame, metric, year)} to add up",
                [],
                claimed,
            )
        parts.append(min(found, key=lambda e: e.rank))
    total = sum((abs(ev.figure.value) for ev in parts), Decimal(0))
    precision = max([ev.figure.precision for ev in parts] + [Decimal(0)]) * len(parts)
    computed = _abs(parts[0].figure)
    from dataclasses import replace

    computed = replace(computed, value=total, precision=precision, qualifier=None, text=str(total))
    arithmetic = " + ".join(ev.figure.text for ev in parts) + f" = {_plain(total)}"
    what = _label(frame, metric, f"{years[0]}–{years[-1]}")
    if _abs(claimed).matches(computed):
        return Finding(
            "supported", f"claim {claimed.text} vs computed {arithmetic} for {what}", parts, claimed
        )
    return Finding("refuted", f"claim {claimed.text} vs computed {arithmetic} for {what}", parts, claimed)


def _growth(
    frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str, period: str
) -> Finding | None:
    """A growth rate the source doesn't state, computed from the figures for the period and the one before."""
    prior = _prior(period)
    if prior is None:
        return None
    now = [ev for ev in select(frame, evidence, metric, period).found if unit_kind(ev.figure) == "money"]
    before = [ev for ev in select(frame, evidence, metric, prior).found if unit_kind(ev.figure) == "money"]
    if not now or not before or before[0].figure.value == 0:
        return None
    a, b = min(now, key=lambda e: e.rank), min(before, key=lambda e: e.rank)
    rate = (a.figure.value / b.figure.value - 1) * 100
    signed = claimed.value if not _DOWN.search(frame.text) else -claimed.value
    tolerance = max(claimed.precision, Decimal("0.5"))
    arithmetic = f"({a.figure.text} ÷ {b.figure.text} − 1) = {rate:.1f}%"
    label = "supported" if abs(rate - signed) <= tolerance else "refuted"
    return Finding(
        label,
        f"claim {claimed.text} vs computed {arithmetic} for {_label(frame, metric, period)}",
        [a, b],
        claimed,
    )


def _prior(period: str) -> str | None:
    if period[:4].isdigit():
        return str(int(period[:4]) - 1) + period[4:]
    return None


def _plain(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral() else f"{value:,}"


def _direction(frame: Frame, evidence: list[Evidence]) -> Finding | None:
    """A claim that a metric rose or fell between two periods, checked against the source series."""
    up, down = bool(_UP.search(frame.text)), bool(_DOWN.search(frame.text))
    if up == down or not frame.target_metric or len(frame.periods) < 2:
        return None
    if any(f.unit in ("%", "pp") for f in frame.figures) and not _TOTAL.search(frame.text):
        return None  # "增長46%" is a rate, checked as a figure
    metric = frame.target_metric
    first, last = frame.periods[0], frame.periods[-1]
    ends = []
    for period in (first, last):
        found = [
            ev
            for ev in select(frame, evidence, metric, period).found
            if unit_kind(ev.figure) in ("money", "percent", "number")
        ]
        if not found:
            return None
        ends.append(min(found, key=lambda e: e.rank))
    a, b = abs(ends[0].figure.value), abs(ends[1].figure.value)
    if a == b:
        return None
    went_up = b > a
    word = "rose" if went_up else "fell"
    label = "supported" if went_up == up else "refuted"
    text = f"{_label(frame, metric, '')} {word} from {ends[0].figure.text} ({first}) to {ends[1].figure.text} ({last})"
    return Finding(label, f"claim says {'up' if up else 'down'}; source: {text}", ends)


def _check_text(
    index: Index, frame: Frame, lexicon: EntityLexicon, query: Query, passages: list[Passage]
) -> Verdict:
    """A claim without figures is supported only when one sentence states it."""
    from .answer import score_sentences

    ranked = score_sentences(index, query, passages)
    if frame.entities:
        ranked = [
            s
            for s in ranked
            if lexicon.subject(s.passage.doc_id) in frame.entities
            or {m.key for m in lexicon.mentions(s.text)} & frame.entities
        ]
    if ranked and ranked[0].coverage >= MIN_TEXT_COVERAGE:
        best = ranked[0]
        return Verdict(
            frame.text,
            "supported",
            f"stated in {best.passage.doc}: 「{best.text}」",
            [Citation.of(best.passage, (best.start, best.end))],
        )
    coverage = f"{ranked[0].coverage:.0%}" if ranked else "0%"
    return Verdict(
        frame.text,
        "not_enough_info",
        f"no passage states this (the closest sentence covers {coverage} of the claim)",
    )


__all__ = ["check", "same_period"]
