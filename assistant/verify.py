"""Claim verification: each figure a claim states is compared with the source figure for the
same metric, company and period. A claim is supported only when every figure it states is;
it is refuted when any is contradicted; otherwise the documents don't say (not_enough_info).

Derived figures (a sum over years, a multiple of one year over another, a growth rate) are
computed from the cited figures and the arithmetic is shown. A claim without figures is
supported only by a sentence that states it; it is never refuted on wording alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

import jieba.posseg as posseg

from . import glossary
from .answer import Focus, Sentence, about, in_focus, name_tokens, preceding, row_label, score_sentences
from .entities import EntityLexicon
from .evidence import (
    TOTAL,
    Evidence,
    Frame,
    asks_plan,
    clause,
    event_dates,
    figures_in,
    fits_metric,
    frame_of,
    is_planned,
    plan_before,
    prior_period,
    same_period,
    select,
    unit_kind,
    year_after,
)
from .figures import DURATIONS, Figure, parse_figures, parse_periods
from .index import Index
from .retrieve import Query
from .schema import Citation, Passage, Verdict
from .text import is_chinese, normalise, tokens

# Sentence coverage a claim without figures needs to count as stated by the documents.
MIN_TEXT_COVERAGE = 0.85
MIN_FIGURE_TEXT_COVERAGE = 0.6
CROSS_LANGUAGE_COVERAGE = 0.95
# "约3.4亿" allows a little more than its last digit: 2% of the value.
APPROX = Decimal("0.02")

_UP = re.compile(
    r"增长|增長|增加|上升|提高|提升|扩大|擴大|攀升|飙升|飆升|升至|rose|rise|increase|grew|grow|widen"
    r"|(?<!made )(?<!make )(?<!makes )\bup\b|higher|jump",
    re.I,
)
_DOWN = re.compile(
    r"下降|减少|減少|下滑|收窄|降至|回落|缩小|縮小|fell|fall|decline|decrease|narrow|down\b|lower|drop|shr[ai]nk",
    re.I,
)
# Comparisons of one period with another: the first one named is the higher (or lower).
_HIGHER = re.compile(r"高于|高於|多于|多於|更高|更大|higher than|greater than|more than|above|bigger|larger", re.I)
_LOWER = re.compile(r"低于|低於|少于|少於|更低|更小|lower than|less than|below|smaller", re.I)
# Words that make a figure a bound, which the figures engine may not read as a qualifier.
_OVER = re.compile(r"(?:exceed(?:ed|s)?|surpass(?:ed|es)?|topp?(?:ed|s)?|超过了?|超出|高于|高於)\s*$", re.I)
_UNDER = re.compile(r"(?:below|under|less than|低于|低於|不足|少于|少於)\s*$", re.I)


@dataclass
class Finding:
    """The outcome for one figure (or one direction word) of a claim."""

    label: str  # supported / refuted / not_enough_info
    explanation: str
    evidence: list[Evidence]


def check(index: Index, lexicon: EntityLexicon, query: Query, passages: list[Passage]) -> Verdict:
    """Judge a claim against `passages`."""
    frame = _anchored(frame_of(query.text, lexicon), lexicon)
    if frame.unknown_names and not frame.entities:
        return Verdict(frame.text, "not_enough_info", f"the documents don't mention {', '.join(frame.unknown_names)}")
    focus = Focus.of(index, query, lexicon)
    evidence = [ev for ev in figures_in(passages, lexicon, preceding(index)) if in_focus(ev, focus)]
    findings: list[Finding] = []
    aside: list[Figure] = []
    for claimed in (_growth_word(frame, _bounded(frame.text, f)) for f in frame.figures):
        metric = claimed.metric or frame.target_metric
        if metric is None:
            continue
        if claimed.unit in DURATIONS and glossary.METRICS[metric].unit_kind != "duration":
            continue  # "三年間…累計收入": a span of the claim, not a quantity it states
        if _enumerating(frame.text, claimed, metric):
            continue  # "自營門店及加盟門店兩個渠道": it counts what the claim lists
        parts = _parts_multiple(index, lexicon, frame, evidence, claimed, metric) if claimed.unit == "x" else None
        summable = unit_kind(claimed) == "money" or claimed.unit == "%"
        if parts is None and summable and TOTAL.search(frame.text) and len(frame.periods) <= 1:
            parts = _parts_sum(index, lexicon, frame, evidence, claimed, metric)
        if parts is None and claimed.aspect == "change" and unit_kind(claimed) in ("money", "count"):
            parts = _difference(frame, evidence, claimed, metric)
        if parts:
            findings.append(parts)
        elif claimed.unit == "x" and len(frame.periods) >= 2:
            findings.append(_check_multiple(frame, evidence, claimed, metric))
        elif frame.asks_total and unit_kind(claimed) != "percent":
            findings.append(_check_total(frame, evidence, claimed, metric))
        elif claimed.metric is None and unit_kind(claimed) != "percent" and not fits_metric(claimed, metric):
            aside.append(claimed)  # "…港元，每手100股": a detail the claim names no metric for
        else:
            findings.append(_check_figure(frame, evidence, claimed, metric, focus))
    direction = _direction(frame, evidence, focus) or _compare_metrics(frame, evidence)
    if direction:
        findings.append(direction)
    findings += [_check_aside(frame, claimed, findings) for claimed in aside if findings]
    if findings and frame.events:
        findings.append(_check_events(frame, lexicon, passages, [ev for f in findings for ev in f.evidence]))
    if findings:
        return _combine(frame, findings)
    return _check_text(index, frame, lexicon, query, passages)


def _check_events(frame: Frame, lexicon: EntityLexicon, passages: list[Passage], cited: list[Evidence]) -> Finding:
    """The payment date a claim names must be one its company's documents give
    ("將於2025年10月10日派付"); the figure's own evidence is what a verdict on it cites."""
    own = [p for p in passages if frame.subject is None or lexicon.subject(p.doc_id) == frame.subject]
    dates = {d for p in own for d in event_dates(p.text)}
    missing = [d for d in frame.events if d not in dates]
    if not missing:
        return Finding("supported", f"payment date {', '.join(frame.events)} as stated", [])
    if dates:
        return Finding("refuted", f"claim's date {missing[0]} vs source {', '.join(sorted(dates))}", cited)
    return Finding("not_enough_info", f"the documents don't state a payment on {missing[0]}", [])


def _anchored(frame: Frame, lexicon: EntityLexicon) -> Frame:
    """The claim with its relative periods resolved against its company's reporting period:
    "6月底…較去年底減少" is 2025-06-30 against 2024-12-31 in an interim report for 2025. Only
    when that leaves a period the claim is about, not just the one it compares with."""
    anchor = lexicon.reporting_period(frame.subject) if frame.subject else None
    if anchor is None or all(p.id for p in parse_periods(frame.text)):
        return frame
    anchored = frame_of(frame.text, lexicon, anchor)
    if anchor.isdigit() and not anchored.bases:
        # "冰穗去年归母净利润增长约四成" echoes a story written the year after: its 去年 is the
        # year reported on, not the one before it. Only a comparison's base is read as that.
        return frame
    changes = any(f.aspect == "change" for f in anchored.figures)  # "較上年末增加約0.7億元": to the year-end after
    return anchored if len(anchored.periods) > len(anchored.bases) or changes else frame


_WORD_COUNT = re.compile(r"^(?:两|兩|二|三|四|五|two|three|four|five)\s*(?:个|個|家|项|項|类|類|大)?$", re.I)


def _enumerating(text: str, f: Figure, metric: str) -> bool:
    """A small count in words whose noun is not the metric ("兩個渠道", "three segments")."""
    if f.unit != "count" or not _WORD_COUNT.match(f.text.strip()):
        return False
    after = glossary.fold(text[f.end : f.end + 6])
    return not any(s == 0 and m == metric for m, s, _ in glossary.metrics_in(after, folded=True))


def _check_aside(frame: Frame, claimed: Figure, findings: list[Finding]) -> Finding:
    """A figure without a metric of its own holds when the sentence that bears out the rest of
    the claim states it too; nothing else can say what it measures."""
    for ev in (ev for f in findings if f.label == "supported" for ev in f.evidence):
        for f in parse_figures(ev.sentence_text):
            if f.unit == claimed.unit and supports(claimed, f):
                return Finding("supported", f"{claimed.text} is stated beside it: 「{ev.sentence_text}」", [ev])
    return Finding("not_enough_info", f"no sentence that bears out the claim states {claimed.text}", [])


def _growth_word(frame: Frame, f: Figure) -> Figure:
    """ "grew its 2024 revenue by 30%": a bare percentage of a money metric, with a word of
    change in the claim, is that change."""
    info = glossary.METRICS.get(f.metric or frame.target_metric or "")
    if f.unit != "%" or f.aspect is not None or info is None or info.unit_kind != "money":
        return f
    up, down = bool(_UP.search(frame.text)), bool(_DOWN.search(frame.text))
    if up == down:
        return f
    return replace(f, aspect="growth", direction="up" if up else "down", metric=f.metric or frame.target_metric)


def _bounded(text: str, f: Figure) -> Figure:
    """A figure after "exceeded"/"超过" is a lower bound even where no qualifier was parsed."""
    if f.qualifier is not None:
        return f
    before = text[max(0, f.start - 14) : f.start]
    if _OVER.search(before):
        return replace(f, qualifier="over")
    if _UNDER.search(before):
        return replace(f, qualifier="under")
    return f


def _combine(frame: Frame, findings: list[Finding]) -> Verdict:
    labels = {f.label for f in findings}
    label = "refuted" if "refuted" in labels else "supported" if labels == {"supported"} else "not_enough_info"
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


def supports(claimed: Figure, source: Figure, computed: bool = False) -> bool:
    """Whether a source figure bears a claimed one out, at the claim's own precision.

    Unqualified, the claim must round to the source: 3.4億 for 3.37億 holds, 3.3億 does not,
    and 5億 for 4.5億 does not (a tie is no support). 约/about allows 2% more, except against
    a `computed` sum or difference, whose own precision already carries its parts' rounding;
    逾/over needs a source above the figure, 近/nearly one just under it, and so on.
    """
    if claimed.family != source.family:
        return False
    c, s = claimed.value, source.value
    tolerance = max(claimed.precision, source.precision)
    q = claimed.qualifier
    if q is None:
        return abs(c - s) < tolerance
    if q == "approx":
        return abs(c - s) <= (tolerance if computed else max(tolerance, APPROX * abs(c)))
    if q == "over":
        return s > c or (source.qualifier == "over" and s >= c)  # "逾一成" bears out "more than 10%"
    if q == "under":
        return s < c or (source.qualifier == "under" and s <= c)
    if q == "up_to":
        return s <= c
    if q == "nearly":
        return c * Decimal("0.9") <= s <= c + tolerance
    return claimed.matches(source)


def _comparable(metric: str, claimed: Figure, source: Figure) -> Figure:
    if (metric == "operating_cash_flow" or metric in glossary.SIGNLESS) and not claimed.negative:
        # "operating cash outflow of 11.84億" states the size of a negative figure
        return replace(source, value=abs(source.value), negative=False)
    if source.aspect in ("growth", "pp_change", "change") and claimed.direction and not claimed.negative:
        # "下跌2.6%" states the size of "-2.6%"; the direction is checked on its own.
        return replace(source, value=abs(source.value), negative=False)
    return source


def _same_aspect(claimed: Figure, source: Figure) -> bool:
    # A growth rate is checked against growth rates, a level against levels.
    a, b = claimed.aspect, source.aspect
    return (a or "share") == (b or "share") if "share" in (a, b) else a == b


_QUALIFIER_WORDS = {"approx": "about", "over": "over", "under": "under", "nearly": "nearly", "up_to": "up to"}


def said(f: Figure) -> str:
    """A figure as stated, with its qualifier in words when its text lacks it ("over 40%")."""
    word = _QUALIFIER_WORDS.get(f.qualifier or "")
    return f"{word} {f.text}" if word else f.text


def _narrowest(found: list[Evidence], focus: Focus | None, strict: bool = False) -> list[Evidence]:
    """Of figures that all fit the metric and period, those whose sentence holds most of the
    claim's narrowing words ("…came from overseas" is the overseas share, not another one).
    `strict`: none at all when no sentence holds any of them."""
    if focus is None or not found:
        return found
    scores = [focus.coverage(ev.scope_text) for ev in found]
    best = max(scores)
    if best < 0.5 and strict and focus.weighty:
        # "milk powder and cheese sales grew": when no source figure's sentence says most of the
        # claim's own words (鮮奶 says "milk" alone), the figure is no evidence about the part
        # the claim names.
        return []
    return [ev for ev, sc in zip(found, scores, strict=True) if sc == best] if best > 0 else found


def _check_figure(
    frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str, focus: Focus | None = None
) -> Finding:
    period = claimed.period or (frame.periods[0] if len(frame.periods) == 1 else None)
    if period is None and claimed.aspect == "growth" and len(frame.periods) == 2:
        period = max(frame.periods, key=_period_end)  # "rose by about 17% from 2022 to 2023": to 2023
    kind = unit_kind(claimed)
    match = select(frame, evidence, metric, period)
    sources = [
        ev for ev in match.found if _kinds_agree(kind, unit_kind(ev.figure)) and _same_aspect(claimed, ev.figure)
    ]
    what = _label(frame, metric, period)
    if not plan_before(frame.text, claimed.start, (0, len(frame.text))):
        # "預計集團2025年全年純利約1.72億港元" is an analyst's forecast: it bears out no claim
        # about what the company earned, nor contradicts one ("revenue exceeded HK$1.4 billion,
        # meeting management's target" claims an outcome).
        outcomes = [ev for ev in sources if not is_planned(ev)]
        if sources and not outcomes:
            return Finding("not_enough_info", f"the documents give {what} only as a plan or forecast", [])
        sources = outcomes
    unnamed = False  # the claim names a part ("海外", "online") no source sentence names
    if focus is not None and focus.names_a_part():
        telling = focus.telling()  # "港口服务" names no part "船舶管理业务" asks of, though both say 业务
        named = [ev for ev in sources if telling.coverage(ev.scope_text)]
        unnamed = not named
        # The Mainland's 22% of revenue says nothing of "online sales were 15%": a figure of
        # another part (a share, a line of a breakdown, an item of a list) is set aside.
        sources = named or [ev for ev in sources if not _of_a_part(ev)]
        if not sources:
            return Finding("not_enough_info", f"no figure for {what} that names {focus.words()}", [])
    elif any(not (ev.segment or ev.figure.part) for ev in sources):
        # "收益按年增長逾11%" is of the whole: 內地零售's "增幅超26%" bears on no such claim.
        sources = [ev for ev in sources if not (ev.segment or ev.figure.part)]
    sources = _narrowest(sources, focus)
    if sources:
        agreeing = [
            ev
            for ev in sources
            if supports(claimed, _comparable(metric, claimed, ev.figure)) and _same_direction(frame, claimed, ev.figure)
        ]
        if agreeing:
            ev = agreeing[0]
            if unnamed:
                # "海外收入逾3億元" is not borne out by the total's 58.7億元.
                return Finding("not_enough_info", f"no figure for {what} that names {focus.words()}", [])
            return Finding(
                "supported", f"claim {said(claimed)} vs source {said(ev.figure)} for {what}: consistent", [ev]
            )
        ev = min(sources, key=lambda e: e.rank)
        if TOTAL.search(frame.text) and not _of_a_part(ev) and focus is not None and _names_little(focus, ev):
            # "種植體與口內掃描儀兩大業務合計收入約12億元" is a sum of lines, not the whole's 14.9億.
            return Finding("not_enough_info", f"the documents don't state the lines of {what} to add up", [])
        if unnamed and not _exceeds_whole(claimed, ev.figure):
            # "網上銷售額增長逾30%" is not refuted by the total's 6.2%: a part may grow faster than
            # the whole. Only a part larger than the whole it belongs to is refuted by it.
            return Finding("not_enough_info", f"no figure for {what} that names {focus.words()}", [])
        turned = [e for e in sources if supports(claimed, _comparable(metric, claimed, e.figure))]
        if turned:  # the size is right, the direction is not: "增加15.6%" against "減少15.6%"
            ev = turned[0]
            went = ev.figure.direction or "the other way"
            return Finding("refuted", f"claim {said(claimed)} vs source {said(ev.figure)} ({went}) for {what}", [ev])
        whole = ", the whole it is part of" if unnamed else ""
        return Finding("refuted", f"claim {said(claimed)} vs source {said(ev.figure)}{whole} for {what}", [ev])
    if kind == "percent" and period:
        derived = _margin(frame, evidence, claimed, metric, period) or _growth(frame, evidence, claimed, metric, period)
        if derived:
            return derived
    other = [ev for ev in match.other_periods if _kinds_agree(kind, unit_kind(ev.figure))]
    held = sorted({ev.figure.period for ev in other if ev.figure.period})
    extra = f" (they give it for {', '.join(held)})" if held else ""
    return Finding("not_enough_info", f"the documents don't state {what}{extra}", [])


def _names_little(focus: Focus, ev: Evidence) -> bool:
    """Whether a figure's sentence names less than half of the parts a claim adds up."""
    return focus.names_a_part() and focus.telling().coverage(ev.scope_text) < 0.5


def _exceeds_whole(claimed: Figure, whole: Figure) -> bool:
    """Whether a claimed part's level is more than the whole's ("海外收入逾60億元" against 58.7億)."""
    if claimed.aspect or whole.aspect or claimed.family != whole.family or claimed.qualifier in ("under", "up_to"):
        return False
    return claimed.value * (1 - APPROX) > abs(whole.value) + whole.precision


def _of_a_part(ev: Evidence) -> bool:
    return ev.figure.aspect == "share" or ev.figure.part or bool(ev.segment) or ev.item is not None


def _same_direction(frame: Frame, claimed: Figure, source: Figure) -> bool:
    """A change must go the way the source says: "下降4.4%" is not borne out by "an increase of 4.4%"."""
    if source.aspect not in ("growth", "pp_change"):
        return True
    said = claimed.direction
    if said is None:
        up, down = bool(_UP.search(frame.text)), bool(_DOWN.search(frame.text))
        said = "up" if up and not down else "down" if down and not up else None
    went = source.direction
    return said is None or went is None or said == went


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or ("number" in (a, b) and {a, b} <= {"number", "money", "count", "shares"})


def _one(frame: Frame, evidence: list[Evidence], metric: str, period: str, kinds: tuple[str, ...]) -> Evidence | None:
    """The best-ranked level figure of `metric` for `period` in one of `kinds` of unit."""
    found = [
        ev
        for ev in select(frame, evidence, metric, period).found
        if unit_kind(ev.figure) in kinds and ev.figure.aspect in (None, "share")
    ]
    return min(found, key=lambda e: e.rank) if found else None


def _level(frame: Frame, evidence: list[Evidence], metric: str, period: str) -> Evidence | None:
    """The best-ranked figure that states `metric` itself (not a change or a share) for `period`."""
    found = [ev for ev in select(frame, evidence, metric, period).found if ev.figure.aspect is None]
    return min(found, key=lambda e: e.rank) if found else None


def _check_total(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str) -> Finding:
    """A sum over the periods a claim names ("2022年至2024年累計虧損47.56億元"), computed."""
    parts: list[Evidence] = []
    for period in frame.periods:
        ev = _one(frame, evidence, metric, period, (unit_kind(claimed), "number"))
        if ev is None:
            return Finding(
                "not_enough_info", f"the documents don't state {_label(frame, metric, period)} to add up", []
            )
        parts.append(ev)
    total = sum((abs(ev.figure.value) for ev in parts), Decimal(0))
    precision = sum((ev.figure.precision for ev in parts), Decimal(0))
    computed = replace(parts[0].figure, value=total, precision=precision, qualifier=None, negative=False)
    arithmetic = " + ".join(ev.figure.text for ev in parts) + f" = {_plain(total)}"
    what = _label(frame, metric, f"{frame.periods[0]}–{frame.periods[-1]}")
    claim = replace(claimed, value=abs(claimed.value))
    label = "supported" if supports(claim, computed, computed=True) else "refuted"
    return Finding(label, f"claim {claimed.text} vs computed {arithmetic} for {what}", parts)


def _check_multiple(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str) -> Finding:
    """ "2024年收入约为2022年的24.3倍": the first period's figure over the second's, computed."""
    top, bottom = frame.periods[0], frame.periods[1]
    a = _one(frame, evidence, metric, top, ("money", "number", "count"))
    b = _one(frame, evidence, metric, bottom, ("money", "number", "count"))
    if a is None or b is None or b.figure.value == 0:
        return Finding(
            "not_enough_info", f"the documents don't state {_label(frame, metric, f'{top} and {bottom}')}", []
        )
    label, ratio = _ratio(claimed, a, b)
    arithmetic = f"{a.figure.text} ÷ {b.figure.text} = {ratio:.1f}x"
    return Finding(label, f"claim {claimed.text} vs computed {arithmetic} for {_label(frame, metric, '')}", [a, b])


def _ratio(claimed: Figure, a: Evidence, b: Evidence) -> tuple[str, Decimal]:
    """Whether `a` over `b` bears out a claimed multiple (to a twentieth), and the ratio."""
    ratio = a.figure.value / b.figure.value
    computed = replace(claimed, value=ratio, precision=Decimal("0.05"), qualifier=None)
    return ("supported" if supports(claimed, computed) else "refuted"), ratio


_COPULA = re.compile(r"是|为|為|达到|達到|\b(?:was|were|is|are|reached)\b", re.I)


def _parts_multiple(
    index: Index, lexicon: EntityLexicon, frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str
) -> Finding | None:
    """ "云算力服务收入是边缘AI模组收入的三倍以上": one line of a breakdown over another, computed.
    The words before the verb name the first line, the words after it the second."""
    if len(frame.periods) > 1:
        return None
    verbs = [m for m in _COPULA.finditer(frame.text, 0, claimed.start)]
    if not verbs:
        return None
    verb = verbs[-1]
    after = frame.text[verb.end() : claimed.start] + " " + frame.text[claimed.end :]
    first, second = Focus.of_text(index, frame.text[: verb.start()], lexicon), Focus.of_text(index, after, lexicon)
    period = frame.periods[0] if frame.periods else None
    lines = [ev for ev in select(frame, evidence, metric, period).found if ev.figure.part and ev.figure.aspect is None]

    def best(focus: Focus, but: Evidence | None = None) -> Evidence | None:
        scored = [(focus.coverage(row_label(ev)), -ev.rank, ev) for ev in lines if ev is not but]
        top = max(scored, key=lambda x: x[:2], default=None)
        return top[2] if top and top[0] > 0 else None

    a = best(first)
    b = best(second, but=a) if a else None
    if a is None or b is None or b.figure.value == 0 or a.figure.unit != b.figure.unit:
        return None
    verdict, ratio = _ratio(claimed, a, b)
    arithmetic = f"{row_label(a)} {a.figure.text} ÷ {row_label(b)} {b.figure.text} = {ratio:.2f}x"
    return Finding(verdict, f"claim {claimed.text} vs computed {arithmetic} ({period or 'any period'})", [a, b])


# What every line of a breakdown is called: it names none of them.
_GENERIC_LINE = re.compile(r"(?:分部|业务|業務|板块|板塊|segments?|business(?:es)?)$", re.I)


def _parts_sum(
    index: Index, lexicon: EntityLexicon, frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str
) -> Finding | None:
    """ "自營門店及加盟門店兩個渠道合計收入約17.6億元": the lines of a breakdown the claim names, added
    up; their shares, when the claim states a share ("兩項業務合計收入佔營業收入的比例低於六成")."""
    period = frame.periods[0] if frame.periods else None
    focus = Focus.of_text(index, frame.text, lexicon)
    aspect = "share" if claimed.unit == "%" else None
    named: dict[str, Evidence] = {}
    # The most exact statement of a line first: a table's 648,210 over the text's 港幣648.2百萬元.
    for ev in sorted(select(frame, evidence, metric, period).found, key=lambda e: e.figure.precision):
        # A line of a breakdown table, or a sentence's segment ("光伏分部收入為人民幣2,315.8百萬元").
        label = row_label(ev) if ev.figure.part else ev.segment
        if (
            label
            and ev.figure.aspect == aspect
            and focus.coverage(_GENERIC_LINE.sub("", label)) > 0
            and not any(_same_line(label, ev, seen, other) for seen, other in named.items())
        ):
            named[label] = ev
    # Lines the claim names word for word ("冷鏈運輸與供應鏈服務") leave out those that only share a
    # word with them (冷鏈倉儲).
    said_text = normalise(frame.text)
    verbatim = {label: ev for label, ev in named.items() if normalise(_GENERIC_LINE.sub("", label)) in said_text}
    if len(verbatim) >= 2:
        named = verbatim
    if len(named) < 2 or len({ev.figure.unit for ev in named.values()}) != 1:
        return None
    lines = list(named.values())
    total = sum((ev.figure.value for ev in lines), Decimal(0))
    precision = sum((ev.figure.precision for ev in lines), Decimal(0))
    computed = replace(lines[0].figure, value=total, precision=precision, text="", qualifier=None)
    verdict = "supported" if supports(claimed, computed, computed=True) else "refuted"
    arithmetic = " + ".join(f"{label} {ev.figure.text}" for label, ev in named.items())
    shown = computed.display(frame.script)
    explanation = f"claim {said(claimed)} vs computed {arithmetic} = {shown} ({period or 'any period'})"
    return Finding(verdict, explanation, lines)


def _same_line(label: str, ev: Evidence, other_label: str, other: Evidence) -> bool:
    """Whether two figures state one line of a breakdown: "香港零售" in a table and "香港零售分部"
    in the text, or "中國內地零售" and "內地零售"."""
    a, b = (normalise(_GENERIC_LINE.sub("", x)) for x in (label, other_label))
    close = abs(ev.figure.value - other.figure.value) <= max(ev.figure.precision, other.figure.precision)
    return a in b or b in a or close


def _difference(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str) -> Finding | None:
    """ "營業收入較2023年增加約4.52億元": the later level less the earlier one, computed."""
    periods = sorted(frame.periods, key=_period_end)
    if len(periods) == 1 and _from_base(frame.text):
        # "淨現金由2024年底起計增加約2,630萬港元": from that date to the latest one stated.
        stated = {ev.figure.period for ev in evidence if ev.figure.metric == metric and ev.figure.period}
        later = [p for p in stated if _after(p, periods[0]) and _level(frame, evidence, metric, p)]
        periods = [periods[0], max(later, key=lambda p: (_period_end(p), p))] if later else []
    elif len(periods) == 1 and periods[0] in frame.bases:
        periods = [p for p in (periods[0], year_after(periods[0])) if p]  # "較上年末增加": from then to a year on
    elif len(periods) == 1:
        periods = [p for p in (prior_period(periods[0]), periods[0]) if p]
    if len(periods) != 2:
        return None
    a, b = _level(frame, evidence, metric, periods[0]), _level(frame, evidence, metric, periods[1])
    if a is None or b is None or a.figure.unit != b.figure.unit:
        return None
    change = b.figure.value - a.figure.value
    said_down = claimed.direction == "down"
    precision = a.figure.precision + b.figure.precision
    computed = replace(b.figure, value=abs(change), precision=precision, text="", qualifier=None)
    same_way = (change < 0) == said_down
    verdict = "supported" if same_way and supports(claimed, computed, computed=True) else "refuted"
    sign = "−" if change < 0 else ""
    arithmetic = (
        f"{b.figure.text} ({periods[1]}) − {a.figure.text} ({periods[0]}) = {sign}{computed.display(frame.script)}"
    )
    return Finding(verdict, f"claim {said(claimed)} vs computed {arithmetic}", [b, a])


_FROM = re.compile(r"(?:由|自|從|从|since|from)\s*$", re.I)


def _from_base(text: str) -> bool:
    """Whether the one period a claim names is where a change starts ("由2024年底起計", "since end-2024")."""
    stated = parse_periods(text)
    return len(stated) == 1 and bool(_FROM.search(text[max(0, stated[0].start - 6) : stated[0].start]))


def _margin(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str, period: str) -> Finding | None:
    """A margin the source doesn't state ("pre-tax profit margin exceeded 12%"), computed as its
    profit over the period's revenue."""
    profit = glossary.MARGIN_OF.get(metric)
    if profit is None or claimed.aspect is not None:
        return None
    a = _one(frame, evidence, profit, period, ("money",))
    b = _one(frame, evidence, "revenue", period, ("money",))
    if a is None or b is None or b.figure.value == 0 or a.figure.unit != b.figure.unit:
        return None
    rate = a.figure.value / b.figure.value * 100
    computed = replace(claimed, value=rate, precision=Decimal("0.05"), qualifier=None)
    label = "supported" if supports(claimed, computed) else "refuted"
    arithmetic = f"{a.figure.text} ÷ {b.figure.text} = {rate:.1f}%"
    return Finding(label, f"claim {claimed.text} vs computed {arithmetic} for {_label(frame, metric, period)}", [a, b])


def _growth(frame: Frame, evidence: list[Evidence], claimed: Figure, metric: str, period: str) -> Finding | None:
    """A growth rate the source doesn't state, computed from the period's figure and the prior one."""
    prior = prior_period(period)
    if prior is None or claimed.aspect not in ("growth", None):
        return None
    a = _one(frame, evidence, metric, period, ("money",))
    b = _one(frame, evidence, metric, prior, ("money",))
    if a is None or b is None or b.figure.value == 0:
        return None
    rate = (a.figure.value / b.figure.value - 1) * 100
    down = claimed.direction == "down" or bool(_DOWN.search(frame.text))
    stated = -abs(claimed.value) if down else claimed.value
    computed = replace(claimed, value=rate, precision=Decimal("0.05"), qualifier=None)
    label = "supported" if supports(replace(claimed, value=stated), computed) else "refuted"
    arithmetic = f"({a.figure.text} ÷ {b.figure.text} − 1) = {rate:.1f}%"
    return Finding(label, f"claim {claimed.text} vs computed {arithmetic} for {_label(frame, metric, period)}", [a, b])


def _plain(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral() else f"{value:,}"


def _direction(frame: Frame, evidence: list[Evidence], focus: Focus | None = None) -> Finding | None:
    """A claim that a metric rose or fell, checked against the source's series or change rate."""
    up = bool(_UP.search(frame.text) or _HIGHER.search(frame.text))
    down = bool(_DOWN.search(frame.text) or _LOWER.search(frame.text))
    metric = frame.target_metric
    if up == down or not metric:
        return None
    if any(f.unit in ("%", "pp") for f in frame.figures) or frame.asks_total:
        return None  # "增長46%" is a rate, checked as a figure
    claim_word = "up" if up else "down"
    comparative = bool(_HIGHER.search(frame.text) or _LOWER.search(frame.text))
    if comparative and frame.others:
        return _compare_companies(frame, evidence, metric, bool(_HIGHER.search(frame.text)))
    if len(frame.periods) <= 1 and not comparative:
        period = frame.periods[0] if frame.periods else None
        return _stated_change(frame, evidence, metric, period, focus, claim_word)
    if len(frame.periods) < 2:
        return None
    if _HIGHER.search(frame.text) or _LOWER.search(frame.text):
        # "2024年毛利率高於2023年": the period named first against the one named second.
        first, last = frame.periods[1], frame.periods[0]
        up = bool(_HIGHER.search(frame.text))
        claim_word = "up" if up else "down"
    else:
        # A change runs from earlier to later, whatever order the claim names them in.
        first, last = min(frame.periods), max(frame.periods)
    a, b = _pick(frame, evidence, metric, first, focus), _pick(frame, evidence, metric, last, focus)
    unlike = (
        a is None or b is None or (focus is not None and focus.coverage(a.scope_text) != focus.coverage(b.scope_text))
    )
    if unlike and not comparative and len(frame.periods) == 2:
        # "warehousing gross margin fell from a year earlier": the group's margin a year before
        # is no warehousing level, but the source may state the change itself.
        found = _stated_change(frame, evidence, metric, last, focus, claim_word)
        if found or a is None or b is None:
            return found
    if a is None or b is None or a.figure.unit != b.figure.unit or abs(a.figure.value) == abs(b.figure.value):
        return None
    went_up = abs(b.figure.value) > abs(a.figure.value)
    label = "supported" if went_up == up else "refuted"
    series = f"{a.figure.text} ({first}) to {b.figure.text} ({last})"
    return Finding(
        label,
        f"claim says {claim_word}; source: {_label(frame, metric, '')} {'rose' if went_up else 'fell'} from {series}",
        [a, b],
    )


def _stated_change(
    frame: Frame, evidence: list[Evidence], metric: str, period: str | None, focus: Focus | None, claim_word: str
) -> Finding | None:
    """ "R&D expenses rose in 2024": a change rate the source states for that period; with no
    period named ("運輸業務毛利率較上年同期下降"), the latest one the source states."""
    rates = [
        ev
        for ev in select(frame, evidence, metric, period).found
        if ev.figure.aspect in ("growth", "pp_change") and ev.figure.direction and ev.figure.period
    ]
    if not rates:
        return _since(frame, evidence, metric, period, claim_word) if period else None
    narrowed = _narrowest(rates, focus, strict=True)
    if not narrowed:
        return None
    # The latest period's rate; among its rates, the best-ranked (max keeps the first of equals).
    ev = max(narrowed, key=lambda e: (_period_end(e.figure.period or ""), -e.rank))
    went = ev.figure.direction
    label = "supported" if went == claim_word else "refuted"
    return Finding(label, f"claim says {claim_word}; source: {ev.figure.text} ({went}) in {ev.figure.period}", [ev])


def _pick(frame: Frame, evidence: list[Evidence], metric: str, period: str, focus: Focus | None) -> Evidence | None:
    """The figure a direction claim is about in one period: its level, or its share when the
    claim speaks of a share, and of those the one its own words narrow to."""
    aspect = "share" if frame.aspect == "share" else None
    found = [ev for ev in select(frame, evidence, metric, period).found if ev.figure.aspect == aspect]
    found = _narrowest(found, focus)
    return min(found, key=lambda e: e.rank) if found else None


_SINCE = re.compile(r"与|與|较|較|相比|compared (?:with|to)|versus|vs\.?|since|from", re.I)


def _since(frame: Frame, evidence: list[Evidence], metric: str, period: str, claim_word: str) -> Finding | None:
    """ "與2024年底相比，淨現金有所減少": the level at the named date against the latest one after it."""
    named = next(iter(parse_periods(frame.text)), None)
    if named is None or not _SINCE.search(frame.text[max(0, named.start - 8) : named.end + 8]):
        return None
    base = _level(frame, evidence, metric, period)
    later = [
        ev
        for ev in select(frame, evidence, metric, None).found
        if ev.figure.aspect is None and ev.figure.period and _after(ev.figure.period, period)
    ]
    if base is None or not later:
        return None
    latest = max(later, key=lambda e: (_period_end(e.figure.period or ""), -e.rank))
    if latest.figure.unit != base.figure.unit or latest.figure.value == base.figure.value:
        return None
    went = "up" if latest.figure.value > base.figure.value else "down"
    label = "supported" if went == claim_word else "refuted"
    series = f"{base.figure.text} ({period}) to {latest.figure.text} ({latest.figure.period})"
    return Finding(label, f"claim says {claim_word}; source: {metric} went {went} from {series}", [base, latest])


def _period_end(pid: str) -> str:
    """A period as the date it ends on, for ordering: 2025H1 → 2025-06-30, 2024 → 2024-12-31."""
    if re.fullmatch(r"\d{4}", pid):
        return f"{pid}-12-31"
    if re.fullmatch(r"\d{4}H[12]", pid):
        return f"{pid[:4]}-{'06-30' if pid.endswith('1') else '12-31'}"
    return pid


def _after(pid: str, base: str) -> bool:
    return _period_end(pid) > _period_end(base)


def _labelled_alike(claim: str, c: Figure, sentence: str, f: Figure, skip: frozenset[str]) -> bool:
    """Whether the words just before a figure in the claim ("資本開支為", "Northbay … subscribed
    for") stand just before the matching figure in the sentence too: a 6億 of capital
    expenditure is not borne out by a 6.28億 of profit before tax."""
    label = [t for t in tokens(_without_periods(claim[max(0, c.start - 24) : c.start])) if t not in skip]
    if not label:
        return True
    window = set(tokens(_without_periods(sentence[max(0, f.start - 30) : f.start])))
    return any(t in window for t in label)


def _without_periods(text: str) -> str:
    """`text` with its period mentions and numbers blanked: "2024財年的資本開支為" → "資本開支為"."""
    for p in parse_periods(text):
        text = text[: p.start] + " " * (p.end - p.start) + text[p.end :]
    return re.sub(r"\d[\d,.]*", " ", text)


def _compare_companies(frame: Frame, evidence: list[Evidence], metric: str, higher: bool) -> Finding | None:
    """ "Hanguang's H1 2025 revenue was lower than Lumina's": both figures, compared."""
    period = frame.periods[0] if frame.periods else None
    other = replace(frame, entities=frozenset({frame.others[0]}))
    a = _level(frame, evidence, metric, period) if period else None
    b = _level(other, evidence, metric, period) if period else None
    if a is None or b is None or unit_kind(a.figure) != unit_kind(b.figure) or a.figure.value == b.figure.value:
        return None
    is_higher = a.figure.value > b.figure.value
    label = "supported" if is_higher == higher else "refuted"
    relation = "higher" if is_higher else "lower"
    what = (
        f"{metric} {period}: {a.figure.text} ({frame.subject}) is {relation} than {b.figure.text} ({frame.others[0]})"
    )
    return Finding(label, f"claim says {'higher' if higher else 'lower'}; source {what}", [a, b])


_EXCEEDS = re.compile(r"超过|超過|超出|多于|多於|exceed|surpass|outstrip", re.I)


def _compare_metrics(frame: Frame, evidence: list[Evidence]) -> Finding | None:
    """ "研发开支超过了同期收入": two metrics of one company and period, compared."""
    if frame.figures or len(frame.periods) > 1:
        return None
    higher = bool(_HIGHER.search(frame.text) or _EXCEEDS.search(frame.text))
    if higher == bool(_LOWER.search(frame.text)):
        return None
    named = list(dict.fromkeys(frame.metrics))
    if len(named) != 2:
        return None
    first, second = named
    if glossary.METRICS[first].unit_kind != glossary.METRICS[second].unit_kind:
        return None
    if not frame.periods:
        return None
    period = frame.periods[0]
    a, b = _level(frame, evidence, first, period), _level(frame, evidence, second, period)
    if a is None or b is None or a.figure.unit != b.figure.unit:
        return None
    x, y = abs(a.figure.value), abs(b.figure.value)
    if x == y:
        return None
    label = "supported" if (x > y) == higher else "refuted"
    relation = "higher" if x > y else "lower"
    what = f"{first} {a.figure.text} is {relation} than {second} {b.figure.text} ({period})"
    return Finding(label, f"claim says {first} is {'higher' if higher else 'lower'}; source: {what}", [a, b])


_DENIAL = re.compile(r"\b(?:not|no|never|none)\b|n't|不|未|没有|沒有|并无|並無|无|無", re.I)


def _denies(text: str) -> bool:
    return bool(_DENIAL.search(normalise(text)))


_NEGATION = re.compile(
    r"(?:不|未|没有|沒有|无|無|並無|并无|not|no|did not|does not|has not|outside|excluding|except|other than)\s*$", re.I
)
# "大中華區以外的權益": what follows a word may take it out as surely as a negation before it.
_EXCLUDED_AFTER = re.compile(r".{0,2}?(?:以外|之外|除外)")


def _negated(claim: str, sentence: str) -> str:
    """The word the sentence negates and the claim asserts ("董事會不建議派發" against "董事會建議派發"), or ""."""
    claim_tokens = set(tokens(claim))
    norm, said = normalise(sentence), normalise(claim)
    for tok in claim_tokens:
        if len(tok) < 2 or tok.isdigit():
            continue
        at = said.find(tok)
        for m in re.finditer(re.escape(tok), norm):
            if _NEGATION.search(norm[max(0, m.start() - 9) : m.start()]) and not _NEGATION.search(said[:at][-9:]):
                return norm[max(0, m.start() - 3) : m.end()]
            excluded = _EXCLUDED_AFTER.match(norm, m.end())
            if excluded and not _EXCLUDED_AFTER.match(said, at + len(tok)):
                return norm[m.start() : excluded.end()]
    return ""


def _alternatives(claim: str, sentence: str) -> list[tuple[list[str], list[str]]]:
    """For each kind of `glossary.ALTERNATIVES` the claim names: the terms of it the claim names
    and those the sentence names."""
    said, norm = glossary.fold(claim), glossary.fold(sentence)
    out = []
    for kinds in glossary.ALTERNATIVES:
        found = [
            [m.group() for m in re.finditer(rf"(?<![a-z])(?:{k})(?![a-z])", t)] for t in (said, norm) for k in kinds
        ]
        claimed, stated = found[: len(kinds)], found[len(kinds) :]
        if any(claimed):
            out.append(
                (
                    [k for k, c in zip(kinds, claimed, strict=True) if c],
                    [k for k, s in zip(kinds, stated, strict=True) if s],
                )
            )
    return out


def _alternative(claim: str, sentence: str) -> str:
    """The term the sentence gives where the claim gives another of the same kind ("GEM" against
    "主板上市"), or ""."""
    for claimed, stated in _alternatives(claim, sentence):
        if stated and not set(claimed) & set(stated):
            return stated[0].split("|")[0]
    return ""


def _silent_on_kind(claim: str, sentence: str) -> bool:
    """Whether the claim names a board (or another term of a kind) and the sentence names none:
    the exchange's disclaimer names the exchange, not the board a company is listed on; or
    the claim ranks something ("最大的客戶") the sentence does not rank."""
    return any(not stated for _, stated in _alternatives(claim, sentence)) or _ranks_otherwise(claim, sentence)


_SUPERLATIVE = re.compile(
    r"(最大|最多|最高|最低|最小|最主要|第一大)的?([\u3400-\u9fff]{2})"
    r"|(?<![a-z])(largest|biggest|highest|lowest|smallest|top)\s+([a-z]{3,})"
)


def _ranks_otherwise(claim: str, sentence: str) -> bool:
    """ "Korvath是最大的客戶" is not stated by "電驅動部件為最大收入來源…向客戶Korvath供應":
    the sentence must rank the same thing the claim does."""
    c, s = glossary.fold(claim), glossary.fold(sentence)
    if is_chinese(claim) != is_chinese(sentence):
        return False
    for m in _SUPERLATIVE.finditer(c):
        word, noun = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4).rstrip("s"))
        if not re.search(rf"{word}\s*(?:的)?\s*{re.escape(noun)}", s):
            return True
    return False


_RESPECTIVELY = re.compile(r"分别|respectively")
_LIST_AND = re.compile(r"及|和|与|、|\band\b|,")


def _contradicts(claim: str, sentence: str, skip: frozenset[str]) -> str:
    """What in the sentence contradicts the claim's wording though every word is there, or ""."""
    return _alternative(claim, sentence) or _paired_otherwise(
        claim, sentence, skip
    )  # an office given to another is looked for before (`_check_text`), over more sentences


def _office_of_another(claim: str, sentence: str, skip: frozenset[str]) -> str:
    """ "Karen Lam Ka-man, chief executive of Ching Sui" gives the office to someone the claim
    "Ho Chun-bong is the chief executive officer" does not name. Returns the words that give it, or ""."""
    asked = {k for k, _, _ in _offices(glossary.fold(claim))}
    if len(asked) != 1:
        return ""  # "董事长兼总经理": one person, two offices
    zh = is_chinese(claim)
    claimed = _persons(claim, zh, skip)
    if not claimed:
        return ""  # "the chief executive has a doctorate" names no one the holder could differ from
    folded = glossary.fold(sentence)  # as long as `sentence`: its spans are the sentence's
    for k, start, end in _offices(folded):
        if k not in asked or _FORMER.search(folded, max(0, start - 10), start):
            continue
        holder, words = _holder(sentence, start, end, zh)
        if holder and not _same_person(holder, claimed, zh):
            return words.strip()
    return ""


def _offices(folded: str) -> list[tuple[int, int, int]]:
    """(office, start, end) of each office named, the longest at a place: 行政总裁 is not 总裁."""
    return glossary.leftmost_longest(
        [(k, m.start(), m.end()) for k, p in enumerate(_ROLE_PATTERNS) for m in p.finditer(folded)]
    )


_FORMER = re.compile(r"(?:former|previous|ex-|前任|原|时任)\s*$")
_EN_NAME = (
    r"(?:(?:Mr|Ms|Mrs|Madam|Dr|Prof)\.?\s+)?((?:[A-Z][a-z]+(?:-[A-Za-z]+)?)(?:\s+[A-Z][a-z]+(?:-[A-Za-z]+)?){1,3})"
)
_ZH_NAME = r"([\u4e00-\u9fff]{2,4}?)(?:先生|女士|博士|教授)"
# The holder right after the office: "Chairman Ho Chun-bong", "Chief Executive Officer, Ms. Zhou
# Yiran", "行政總裁林嘉敏女士"; or right before it: "Karen Lam Ka-man, chief executive",
# "何振邦先生（主席）", "陈牧之先生现任公司董事长".
_SAYS = "表示|指出|称|稱|说|說|在|则|則|认为|認為|透露"
_HOLDER_AFTER = {
    False: re.compile(r"(?:\s+officer)?\s*,?\s*" + _EN_NAME),
    # Without an honorific, a name is known by the verb after it: "首席財務官方慧雯表示".
    True: re.compile(r"\s*(?:" + _ZH_NAME + r"|([\u4e00-\u9fff]{2,3}?)(?=" + _SAYS + "))"),
}
_HOLDER_BEFORE = {
    False: re.compile(_EN_NAME + r"\s*[,(（]\s*(?:the\s+|our\s+|its\s+)?$"),
    True: re.compile(_ZH_NAME + r"\s*(?:[（(]|现任|現任|担任|擔任|出任)(?:本?公司)?$"),
}


def _holder(sentence: str, start: int, end: int, zh: bool) -> tuple[str, str]:
    """The person a sentence names right beside the office at `start`:`end`, and the words that
    give it ("陈牧之先生现任公司董事长"); ("", "") when it names none."""
    after = _HOLDER_AFTER[zh].match(sentence, end)
    if after and (after.group(1) or _is_name(after.group(2))):
        return after.group(1) or after.group(2), sentence[start : after.end()]
    before = _HOLDER_BEFORE[zh].search(sentence, max(0, start - 48), start)
    if not before:
        return "", ""
    closing = end + 1 if sentence[end : end + 1] in (")", "）") else end  # "林嘉敏女士（行政總裁）"
    return before.group(1), sentence[before.start() : closing]


def _is_name(word: str) -> bool:
    return [flag for _, flag in posseg.cut(normalise(word))] == ["nr"]


@lru_cache(maxsize=256)
def _persons(claim: str, zh: bool, skip: frozenset[str]) -> tuple[str, ...]:
    """Names of people a claim gives: capitalised words not of a company's name, or jieba's names.
    Cached: a claim is held against each of its ranked sentences."""
    if zh:
        cut = list(posseg.cut(normalise(claim)))
        names = []
        for (w, flag), (nxt, _) in zip(cut, [*cut[1:], ("", "")], strict=True):
            if flag == "nr" and len(w) == 1 and 1 <= len(nxt) <= 2 and is_chinese(nxt):
                names.append(w + nxt)  # jieba cuts "郭偉倫" as 郭 + 伟伦
            elif flag == "nr" and len(w) >= 2:
                names.append(w)
        return tuple(w for w in names if w not in skip)
    words = re.findall(r"[A-Z][a-z]+(?:-[A-Za-z]+)?", claim)
    roles = {w for names in glossary.ROLES for w in " ".join(names[0]).split()}
    return tuple(w for w in words if w.lower() not in skip and w.lower() not in roles and w not in ("The", "A", "An"))


def _same_person(holder: str, claimed: tuple[str, ...], zh: bool) -> bool:
    if zh:
        return any(normalise(holder) in c or c in normalise(holder) for c in claimed)
    return bool(
        {w.lower() for w in re.findall(r"[A-Za-z]+", holder)}
        & {w.lower() for c in claimed for w in re.findall(r"[A-Za-z]+", c)}
    )


# "chairs the board", "chaired by": an office's verb is the office.
_ROLE_PATTERNS = tuple(
    re.compile(r"(?<!副)(?<!vice )(?<![a-z])(?:" + "|".join(map(re.escape, en + zh)) + r")(?:s|ed)?(?![a-z])")
    for en, zh in glossary.ROLES
)


def _paired_otherwise(claim: str, sentence: str, skip: frozenset[str]) -> str:
    """ "主席及行政總裁的角色分別由何德暉先生及鄧詠思女士擔任" pairs 主席 with 何德暉: a claim
    that pairs 主席 with 鄧詠思 is contradicted. Returns the pair the sentence makes, or ""."""
    norm = normalise(sentence)
    at = _RESPECTIVELY.search(norm)
    if not at or _RESPECTIVELY.search(normalise(claim)):
        return ""
    lo = max((m.end() for m in _CLAUSE_OPEN.finditer(norm, 0, at.start())), default=0)
    hi = next((m.start() for m in _CLAUSE_OPEN.finditer(norm, at.end())), len(norm))
    left = _LIST_AND.split(norm[lo : at.start()])
    right = _LIST_AND.split(norm[at.end() : hi])
    if len(left) != len(right) or len(left) < 2:
        return ""
    words = [t for t in tokens(claim) if len(t) >= 2 and not t.isdigit() and t not in skip]
    i = next((k for k, item in enumerate(left) for t in words if t in item), None)
    j = next((k for k, item in enumerate(right) for t in words if t in item), None)
    if i is None or j is None or i == j:
        return ""
    return f"{left[i].strip()} … {right[i].strip()}"


def _covers_periods(s: Sentence, frame: Frame) -> bool:
    """Whether a sentence (or its passage) names every period the claim names."""
    named = {pid for p in parse_periods(s.passage.text) for pid in (p.members or (p.id,)) if pid}
    # An event's day lies within the month or year a claim names ("19 June 2024" in "June 2024").
    return all(any(same_period(n, p) or (len(p) in (4, 7) and n.startswith(p)) for n in named) for p in frame.periods)


def _names_only_others(text: str, claimed: set[str], lexicon: EntityLexicon) -> bool:
    """Whether `text` is about another company than the claim's: one it never names opens a
    clause as its subject ("根據同業…，北辰綠電控股有限公司…2,231小時"), and none the claim names
    (`claimed`) is mentioned."""
    mentions = lexicon.mentions(text)
    if not mentions or any(m.key in claimed for m in mentions):
        return False
    first = mentions[0]
    opening = max((m.end() for m in _CLAUSE_OPEN.finditer(text, 0, first.start)), default=0)
    return not text[opening : first.start].strip()


_CLAUSE_OPEN = re.compile(r"[，,；;：:。]")


def _check_text(index: Index, frame: Frame, lexicon: EntityLexicon, query: Query, passages: list[Passage]) -> Verdict:
    """A claim no figure check covers is supported only when one sentence states all of it:
    its words, and every figure it states. Direction words are never taken on wording alone."""
    if _UP.search(frame.text) or _DOWN.search(frame.text):
        return Verdict(frame.text, "not_enough_info", "no passage states the change this claim describes")
    skip = name_tokens(query.text, lexicon) if frame.entities else frozenset()
    # Periods are compared as periods (2025年6月30日 is 二零二五年六月三十日), not as words.
    skip = skip | {t for p in parse_periods(frame.text) for t in tokens(frame.text[p.start : p.end])}
    # Denial is compared as such (both deny or both assert), not as a word to find.
    skip = skip | {t for t in tokens(frame.text) if _DENIAL.fullmatch(t)}
    ranked = score_sentences(index, query, passages, skip)
    if frame.subject:
        ranked = [s for s in ranked if about(s, frame, lexicon)]
    claimed = [f for f in frame.figures if unit_kind(f) != "number" or f.value >= 10]
    if claimed and frame.entities:
        # A peer's figure ("北辰綠電…2024年風電平均利用小時為2,231小時") in the asked company's
        # own filing bears out nothing about the asked company.
        named = {m.key for m in lexicon.mentions(frame.text)}
        ranked = [s for s in ranked if not _names_only_others(s.text, named, lexicon)]
    if not claimed:
        # An office one person holds at a time, given to someone the claim does not name.
        for s in ranked[:8]:
            holder = _office_of_another(frame.text, s.text, skip)
            if holder:
                return _quoting(frame, "refuted", f"the source gives that office to another ({holder})", s)
    planned: Sentence | None = None
    for s in ranked[:5]:
        # A sentence that states every figure of the claim needs less of its wording.
        if s.coverage < (MIN_FIGURE_TEXT_COVERAGE if claimed else MIN_TEXT_COVERAGE) or _silent_on_kind(
            frame.text, s.text
        ):
            continue
        if is_chinese(s.text) != is_chinese(frame.text) and not claimed:
            # Across languages, wording is a loose match: every word must be bridged and the
            # two must both deny or both assert ("did not recommend" / "不建議").
            if s.coverage < CROSS_LANGUAGE_COVERAGE or _denies(frame.text) != _denies(s.text):
                continue
            contradicted = _contradicts(frame.text, s.text, skip)
            if contradicted:
                return _quoting(frame, "refuted", f"the source says otherwise ({contradicted})", s)
            if not asks_plan(frame.text) and _as_plan(s.text, []):
                planned = planned or s
                continue
            return _quoting(frame, "supported", f"stated in {s.passage.doc}", s)
        if frame.periods and not _covers_periods(s, frame):
            continue
        negated = _negated(frame.text, s.text)
        contradicted = "" if negated or claimed else _contradicts(frame.text, s.text, skip)
        if (negated or contradicted) and not claimed:
            says = f"the opposite ({negated})" if negated else f"otherwise ({contradicted})"
            return _quoting(frame, "refuted", f"the source says {says}", s)
        stated = parse_figures(s.text)
        backing = [
            next((f for f in stated if supports(c, f) and _labelled_alike(frame.text, c, s.text, f, skip)), None)
            for c in claimed
        ]
        if all(backing):
            if _said_of_another_item(frame.text, s.text, [f for f in backing if f], stated, skip):
                continue
            if not asks_plan(frame.text) and _as_plan(s.text, [f for f in backing if f]):
                # "同时计划新增新能源冷藏车300辆" does not bear out "新增了300辆".
                planned = planned or s
                continue
            return _quoting(frame, "supported", f"stated in {s.passage.doc}", s)
    if planned:
        return _quoting(frame, "not_enough_info", "the documents state this only as a plan or forecast", planned)
    coverage = f"{ranked[0].coverage:.0%}" if ranked else "0%"
    return Verdict(
        frame.text,
        "not_enough_info",
        f"no passage states this (the closest sentence covers {coverage} of the claim)",
    )


def _quoting(frame: Frame, label: str, why: str, s: Sentence) -> Verdict:
    """A verdict on a text claim that quotes and cites the sentence it rests on."""
    return Verdict(frame.text, label, f"{why}: 「{s.text}」", [Citation.of(s.passage, (s.start, s.end))])


def _said_of_another_item(
    claim: str, text: str, backing: list[Figure], stated: list[Figure], skip: frozenset[str]
) -> bool:
    """Whether a word of the claim is found only in a clause that states another item's figure:
    "武漢…物流園（庫容9.8萬噸）…，位於昆明市的…中心（庫容4.5萬噸）" does not put 9.8萬噸 in 昆明."""
    kept = list(text)
    whole = (0, len(text))
    for f in stated:
        if f in backing or not any(f.unit == b.unit for b in backing):
            continue
        lo, hi = clause(text, f.start, whole)
        if not any(lo <= b.start < hi for b in backing):
            kept[lo:hi] = " " * (hi - lo)
    # Words are looked for as strings: jieba may cut a clause on its own otherwise than in its sentence.
    own, found = normalise("".join(kept)), normalise(text)
    return any(len(t) >= 2 and not t.isdigit() and t not in skip and t in found and t not in own for t in tokens(claim))


def _as_plan(text: str, figures: list[Figure]) -> bool:
    """Whether a sentence states the figures that back a claim (or, with none, its wording) as a
    plan or forecast rather than as what happened."""
    whole = (0, len(text))
    if figures:
        return any(plan_before(text, f.start, whole) for f in figures)
    return asks_plan(text)
