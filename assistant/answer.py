"""The default answerer: extractive and deterministic. It quotes figures, it never makes one up.

A figure question (a metric is named) is answered with the figure that states that metric
for the company and period asked about, quoted as the source writes it with its normalised
value; when no passage states it, the answer says so and what the documents do hold. Any
other question is answered with the sentence that best covers it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import glossary
from .entities import EntityLexicon
from .evidence import Evidence, Frame, figures_in, frame_of, select
from .index import Index
from .retrieve import Query
from .schema import Answer, Citation, Passage
from .text import sentence_spans, tokens

# How much of the question's weight (idf of its tokens) the best sentence must carry.
MIN_COVERAGE = 0.6

_SAYS = {
    "en": ("The documents don't say.", "The documents give {what}, not {asked}."),
    "zh-Hans": ("文件中没有相关内容。", "文件只提供{what}，没有{asked}。"),
    "zh-Hant": ("文件中沒有相關內容。", "文件只提供{what}，沒有{asked}。"),
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of a retrieved passage, with absolute offsets and its match score."""

    passage: Passage
    rank: int  # the passage's rank, from 0
    start: int
    end: int
    text: str
    score: float
    coverage: float


def score_sentences(index: Index, query: Query, passages: list[Passage]) -> list[Sentence]:
    """Each sentence scored by the idf weight of the question's tokens it contains."""
    weights = {t: index.idf(t) for t in query.tokens}
    total = sum(weights.values()) or 1.0
    scored = []
    for rank, p in enumerate(passages):
        for s, e in sentence_spans(p.text):
            toks = set(tokens(p.text[s:e]))
            own = sum(w for t, w in weights.items() if t in toks)
            # A bridging word stands in for the question word it translates: count it once per group.
            bridged = sum(
                max((index.idf(t) for phrase in g for t in phrase if t in toks), default=0.0)
                for g in query.groups
            )
            coverage = min(1.0, (own + bridged) / total)
            score = own + bridged - 0.01 * rank
            scored.append(Sentence(p, rank, p.start + s, p.start + e, p.text[s:e], score, coverage))
    return sorted(scored, key=lambda s: (-s.score, s.rank, s.start))


def abstention(question: str, reason: str, script: str, holds: str = "") -> Answer:
    """An answer that says the documents don't hold it, in the question's script."""
    plain, _ = _SAYS[script]
    text = f"{plain} {holds}".strip()
    return Answer(question, text, True, [], reason=reason)


def answer(index: Index, lexicon: EntityLexicon, query: Query, passages: list[Passage]) -> Answer:
    """Answer from `passages`: a figure question by its figure, any other by its best sentence."""
    frame = frame_of(query.text, lexicon)
    if not passages:
        return abstention(query.text, "nothing relevant was retrieved", frame.script)
    if frame.target_metric:
        return figure_answer(frame, lexicon, passages)
    return sentence_answer(index, frame, lexicon, query, passages)


def figure_answer(frame: Frame, lexicon: EntityLexicon, passages: list[Passage]) -> Answer:
    """The figure that states the asked metric for the asked company and period."""
    evidence = figures_in(passages, lexicon)
    metric = frame.target_metric
    periods = frame.periods or (None,)
    chosen: list[Evidence] = []
    missing: list[str] = []
    for period in periods:
        match = select(frame, evidence, metric, period)
        if match.found:
            chosen.append(_best(match.found))
        else:
            missing.append(period or "")
    if not chosen or missing:
        return _figure_abstention(frame, lexicon, evidence, metric, missing or list(periods))
    citations, lines = [], []
    for n, ev in enumerate(chosen, start=1):
        citations.append(Citation.of(ev.passage, ev.absolute_sentence))
        lines.append(_figure_line(frame, lexicon, ev, n))
    quotes = "\n".join(f"[{n}] 「{ev.sentence_text}」" for n, ev in enumerate(chosen, start=1))
    return Answer(
        frame.text,
        "\n".join(lines) + "\n" + quotes,
        False,
        citations,
        figures=[ev.figure.to_dict() for ev in chosen],
        reason=f"{metric} for {_who(frame)} {', '.join(p or 'any period' for p in periods)}",
    )


def _best(found: list[Evidence]) -> Evidence:
    # The best-ranked passage first; within it, a figure stated without a qualifier and with
    # the finest precision (the prospectus's 3.37億 over a news article's 約3.4億).
    return min(found, key=lambda ev: (ev.rank, ev.figure.qualifier is not None, ev.figure.precision))


def _who(frame: Frame) -> str:
    return "/".join(sorted(frame.entities)) or "any company"


def _figure_line(frame: Frame, lexicon: EntityLexicon, ev: Evidence, n: int) -> str:
    f = ev.figure
    entity = ev.entity and lexicon.display(ev.entity, frame.script != "en")
    term = _metric_term(frame, f.metric or "")
    period = f.period or ""
    normalised = f.display(frame.script)
    shown = (
        f.text
        if normalised == f.text
        else f"{f.text}（{normalised}）"
        if frame.script != "en"
        else f"{f.text} ({normalised})"
    )
    if frame.script == "en":
        head = " ".join(
            x for x in (f"{entity}'s" if entity else "", term, f"in {period}" if period else "") if x
        )
        return f"{head[0].upper() + head[1:]}: {shown} [{n}]"
    return f"{entity or ''}{period}{term}：{shown} [{n}]"


def _metric_term(frame: Frame, metric: str) -> str:
    """The question's own word for the metric, else the glossary's."""
    for m, s, e in glossary.metrics_in(frame.text):
        if m == metric:
            return frame.text[s:e]
    info = glossary.METRICS.get(metric)
    if info is None:
        return metric
    return info.en[0] if frame.script == "en" else info.zh[0]


def _figure_abstention(
    frame: Frame, lexicon: EntityLexicon, evidence: list[Evidence], metric: str, missing: list[str]
) -> Answer:
    """Say the documents don't hold it, and what they hold instead for that metric."""
    held = sorted(
        {ev.figure.period for ev in select(frame, evidence, metric, None).found if ev.figure.period}
    )
    asked_period = ", ".join(p for p in missing if p)
    term = _metric_term(frame, metric)
    holds = ""
    if held and asked_period:
        _, template = _SAYS[frame.script]
        holds = template.format(what=f"{term} ({', '.join(held)})", asked=asked_period)
    elif frame.unknown_names and not frame.entities:
        holds = {"en": f"They don't mention {', '.join(frame.unknown_names)}."}.get(frame.script, "")
    reason = f"no passage states {metric} for {_who(frame)} {asked_period or ''}".strip()
    return abstention(frame.text, reason, frame.script, holds)


def sentence_answer(
    index: Index, frame: Frame, lexicon: EntityLexicon, query: Query, passages: list[Passage]
) -> Answer:
    """Quote the sentence that best covers the question, or abstain when none does."""
    if frame.unknown_names and not frame.entities:
        return abstention(
            query.text, f"the documents don't mention {', '.join(frame.unknown_names)}", frame.script
        )
    ranked = score_sentences(index, query, passages)
    if frame.entities:
        ranked = [s for s in ranked if _about(s, frame, lexicon)]
    if not ranked or ranked[0].coverage < MIN_COVERAGE:
        best = f"{ranked[0].coverage:.2f}" if ranked else "none"
        return abstention(query.text, f"no sentence covers the question (best coverage {best})", frame.script)
    best = ranked[0]
    return Answer(
        query.text,
        f"「{best.text}」 [1]",
        False,
        [Citation.of(best.passage, (best.start, best.end))],
        reason=f"best sentence covers {best.coverage:.0%} of the question's terms",
    )


def _about(s: Sentence, frame: Frame, lexicon: EntityLexicon) -> bool:
    """A sentence is about the asked company when it names it, or its document is about it."""
    named = {m.key for m in lexicon.mentions(s.text)}
    if named:
        return bool(named & frame.entities)
    return lexicon.subject(s.passage.doc_id) in frame.entities
