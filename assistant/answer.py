"""The default answerer: extractive and deterministic. It quotes figures, it never makes one up.

A figure question (a metric is named) is answered with the figure that states that metric
for the company and period asked about, quoted as the source writes it with its normalised
value; when no passage states it, the answer says so and what the documents do hold. Any
other question is answered with the sentence that best covers it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise

import jieba.posseg as posseg

from . import bilingual, glossary
from .entities import EntityLexicon
from .evidence import (
    EXCLUDED,
    LEAD_WINDOW,
    PLACE_WORDS,
    Evidence,
    Frame,
    asks_plan,
    aspect_spans,
    clause,
    figures_in,
    frame_of,
    is_planned,
    is_segment,
    item_of,
    plan_before,
    same_period,
    select,
    series_items,
)
from .figures import CURRENCIES, Figure, parse_figures, parse_number, parse_periods
from .index import Index
from .retrieve import Query, glossary_bridges
from .schema import Answer, Citation, Passage
from .text import in_script, is_chinese, normalise, sentence_spans, tokens

# How much of the question's weight (idf of its tokens) the best sentence must carry.
MIN_COVERAGE = 0.6
NAMED_COVERAGE = 0.45

_SAYS = {
    "en": ("The documents don't say.", "The documents give {what}, not {asked}."),
    "zh-Hans": ("文件中没有相关内容。", "文件只提供{what}，没有{asked}。"),
    "zh-Hant": ("文件中沒有相關內容。", "文件只提供{what}，沒有{asked}。"),
}


_WHICH = {
    "en": "The question names no company; the documents give {term} for {names}.",
    "zh-Hans": "问题没有指明公司；文件提供了{names}的{term}。",
    "zh-Hant": "問題沒有指明公司；文件提供了{names}的{term}。",
}
_UNNAMED_PART = {
    "en": "The documents give {term}, but none for {part}.",
    "zh-Hans": "文件提供了{term}，但没有{part}的数字。",
    "zh-Hant": "文件提供了{term}，但沒有{part}的數字。",
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


def score_sentences(
    index: Index, query: Query, passages: list[Passage], skip: frozenset[str] = frozenset()
) -> list[Sentence]:
    """Each sentence scored by the idf weight of the question's tokens it contains.

    `skip` holds tokens that don't count (a company's name, once the sentence is known to be
    about that company: "the founder" matters, not whether the sentence repeats the name).
    A question word counts as covered when the sentence holds it or a translation of it.
    """
    weights = {t: index.idf(t) for t in query.tokens if t not in skip}
    total = sum(weights.values()) or 1.0
    groups = [
        (g, query.sources[i] if i < len(query.sources) else [])
        for i, g in enumerate(query.groups)
        if not (skip and i in query.names)
    ]
    scored = []
    for rank, p in enumerate(passages):
        for s, e in sentence_spans(p.text):
            text = p.text[s:e]
            toks = set(tokens(text))
            covered = {t for t in weights if t in toks}
            bridged = 0.0
            for g, source in groups:
                # A phrase counts only whole: "co" of "co-founder" is not a match for "Co., Ltd.".
                hit = max((sum(index.idf(t) for t in ph) for ph in g if all(t in toks for t in ph)), default=0.0)
                if hit:
                    # A translation weighs no more than the words it stands for, so that the
                    # sentence in the question's own language wins a tie.
                    if source and not any(t in weights for t in source):
                        continue  # it translates a word that does not count (the company's name)
                    said = sum(weights.get(t, 0.0) for t in source)
                    bridged += min(hit, said) if said else hit
                    covered.update(source)  # the translation stands in for the question's own words
            # A dictionary sense is weaker evidence than the glossary's: it counts half.
            loose = sum(weights[t] for t in bilingual.bridged(weights.keys() - covered, text, toks)) / 2
            bridged += loose
            coverage = min(1.0, (sum(w for t, w in weights.items() if t in covered) + loose) / total)
            own = sum(w for t, w in weights.items() if t in toks)
            # Among equals, the better-ranked passage and then the shorter sentence.
            score = own + bridged - 0.01 * rank - 0.0005 * len(text)
            scored.append(Sentence(p, rank, p.start + s, p.start + e, text, score, coverage))
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
    # With a company named, a place no document names is left to `_region_asked`, which says
    # what the documents do give ("revenue, but none for North America").
    unknown = [n for n in frame.unknown_names if not frame.entities or n.lower() not in PLACE_WORDS]
    if unknown:
        # "Meisi Bakery Group", "Seawold's Capesize vessels": no document mentions them, so no
        # figure or sentence is about them.
        names = ", ".join(unknown)
        holds = {"en": f"They don't mention {names}."}.get(frame.script, "")
        return abstention(query.text, f"the documents don't mention {names}", frame.script, holds)
    if frame.target_metric and not _ASKS_NAME.search(query.text):
        focus = Focus.of(index, query, lexicon, frame.target_metric)
        return figure_answer(frame, lexicon, passages, focus, preceding(index))
    return sentence_answer(index, frame, lexicon, query, passages)


# Words about a figure's size or currency, not about what it measures.
_NOT_NARROWING = frozenset(
    "约 約 大约 逾 近 超过 超 左右 以上 以下 达 达到 人民币 港元 美元 元 亿元 万元 rmb hk us usd hkd cny "
    "about approximately roughly around over more than nearly almost some up under below least "
    # Words of change: a direction claim is checked against the change, not narrowed by them.
    "rose rise rises risen increase increased increases grew grow grows growth fell fall falls fallen decline "
    "declined declines decrease decreased narrowed widened down higher lower year "
    "增长 增加 上升 下降 减少 下跌 上涨 提高 降低 收窄 扩大 按年 同比 年".split()
)
_ROUND = re.compile(r"(?<![a-z0-9])(?:pre-?ipo|pre-?[a-f]\+?|[a-f]\+?)\s*轮")


def _noun(word: str) -> bool:
    return any(p.flag[:1] in ("n", "s") for p in posseg.cut(word))


@dataclass(frozen=True)
class Focus:
    """The words of a question that narrow its metric ("Pre-IPO round", "cloud services",
    "total value"): what is left once the metric, company and period are taken out. Among
    figures of the right metric, company and period, the one whose sentence holds them wins."""

    weights: dict[str, float]
    groups: tuple[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]], ...]  # (phrasings, words they stand for)
    # A sentence is asked about once per figure in it: its coverage is computed once.
    _seen: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, index: Index, query: Query, lexicon: EntityLexicon, metric: str | None = None) -> Focus:
        """The narrowing words of `query`, weighted by idf; with `metric`, the other metrics it
        names narrow too ("研发开支占收入的比例" asks for one share of revenue among many)."""
        text = query.text
        spans = [(s, e) for m, s, e in glossary.metrics_in(text) if metric is None or m == metric]
        spans += [(p.start, p.end) for p in parse_periods(text)]
        spans += aspect_spans(text)
        spans += [(m.start, m.end) for m in lexicon.named_in(text)]
        spans += [(f.start, f.end) for f in parse_figures(text)]
        for s, e in spans:  # blanked, so that jieba cannot join a kept word to a taken one ("年收入")
            text = text[:s] + " " * (e - s) + text[e:]
        taken = set()
        for i in query.names:
            taken.update(query.sources[i] if i < len(query.sources) else ())
        weights = {t: index.idf(t) for t in tokens(text) if t not in taken and t not in _NOT_NARROWING}
        unseen = [t for t, w in weights.items() if not w]
        if unseen:
            vocabulary = index.vocabulary()
            for t in unseen:
                weights[t] = bilingual.translation_weight(t, index.idf, vocabulary)
        for mark in _ROUND.findall(normalise(text)):
            # "B轮": jieba drops the lone letter that tells one funding round from another.
            weights[mark.replace(" ", "")] = max(index.idf("轮"), 1.0) * 2
        groups = []
        for i, (g, src) in enumerate(zip(query.groups, query.sources, strict=False)):
            said = "".join(src)
            # A translation stands in for the question's words it translates, or for the word
            # that holds it ("云" of "云算力").
            words = tuple(t for t in weights if t in src or (said and said in t))
            if i not in query.names and words:
                groups.append((tuple(tuple(ph) for ph in g), words))
                if len(words) == 1:
                    # A word the corpus never uses ("binding") weighs what its translation weighs.
                    bridged = max(sum(index.idf(t) for t in ph) for ph in g)
                    weights[words[0]] = max(weights[words[0]], bridged)
        return cls(weights, tuple(groups))

    @classmethod
    def of_text(cls, index: Index, text: str, lexicon: EntityLexicon) -> Focus:
        """The narrowing words of a piece of a claim, bridged by the glossary alone."""
        bridges = glossary_bridges(text)
        groups, sources = [g for g, _, _ in bridges], [src for _, _, src in bridges]
        return cls.of(index, Query(text, tokens(text), groups, [], set(), sources), lexicon)

    def names_a_part(self) -> bool:
        """Whether a narrowing word that weighs is a Chinese noun or place (海外, 预制菜肴, 华东),
        or an English word the glossary renders as one ("online" 线上): one that names a line or
        a region, not a verb of the claim ("由…升至")."""
        bridged = {w: phrasings for phrasings, words in self.groups for w in words}
        return any(
            (w > 0 or is_segment(t))  # "網上" names a part even where no document uses it
            and not _metric_word(t)  # "銷售額" in "前五名客戶銷售額佔營業收入的比例" is what the share is of
            and any(_noun(x) for x in ([t] if is_chinese(t) else ["".join(z) for z in bridged.get(t, ())]))
            for t, w in self.weights.items()
        )

    def narrowed(self, words: Iterable[str]) -> Focus:
        """The same focus over some of its words only."""
        kept = {w: self.weights[w] for w in words if w in self.weights}
        return Focus(kept, tuple((ph, ws) for ph, ws in self.groups if set(ws) & kept.keys()))

    def telling(self) -> Focus:
        """The same focus without the words that only say a line is meant (分部, 业务, 板块)."""
        return self.narrowed(w for w in self.weights if w not in _LINE_SUFFIXES)

    def words(self) -> str:
        """The narrowing words that weigh, for an explanation."""
        return " ".join(t for t, w in self.weights.items() if w > 0)

    @property
    def weighty(self) -> bool:
        """Whether the narrowing words include one the corpus uses: not only "generate", "bring in"."""
        return any(w > 0 for w in self.weights.values())

    def coverage(self, text: str) -> float:
        """The share of the narrowing words' weight that `text` holds, itself or translated."""
        if text not in self._seen:
            self._seen[text] = self._coverage(text)
        return self._seen[text]

    def _coverage(self, text: str) -> float:
        total = sum(self.weights.values())
        if not total:
            return 0.0
        norm = normalise(text)
        toks = set(tokens(text))

        def holds(phrase: tuple[str, ...] | list[str]) -> bool:
            # Chinese words are matched as strings: jieba may cut "云算力服务" other ways.
            if is_chinese("".join(phrase)):
                return "".join(phrase) in norm
            return all(t in toks for t in phrase)

        covered = {t for t in self.weights if holds((t,))}
        for phrasings, words in self.groups:
            if any(holds(ph) for ph in phrasings):
                covered.update(words)
        # What neither the words nor the glossary meet, the dictionary may: "raw milk" in 原料奶銷售.
        covered.update(bilingual.bridged(self.weights.keys() - covered, text, toks))
        return sum(w for t, w in self.weights.items() if t in covered) / total


def preceding(index: Index) -> Callable[[Passage], str]:
    """The text of a passage's document just before it, for reading table rows with their header."""
    return lambda p: index.document(p.doc_id).text[max(0, p.start - LEAD_WINDOW) : p.start]


# A figure stated more coarsely than this share of itself, or with a qualifier, may be a rounding
# of a finer figure elsewhere (RMB474.6 million of 474,555千元).
_ROUNDED = Decimal("0.000005")


def _stated(answer: Answer) -> Figure | None:
    if answer.abstained or len(answer.figures) != 1:
        return None
    f = answer.figures[0]
    return Figure(
        Decimal(f["value"]),
        f["unit"],
        f["text"],
        0,
        0,
        f["qualifier"],
        Decimal(f["precision"]),
        f["period"],
        f["metric"],
        aspect=f["aspect"],
    )


def rounded(answer: Answer) -> bool:
    """Whether an answer states one figure as a rounding ("約1.48億港元", "三成")."""
    f = _stated(answer)
    return f is not None and f.value != 0 and (f.qualifier is not None or f.precision / abs(f.value) > _ROUNDED)


def refines(finer: Answer, coarse: Answer) -> bool:
    """Whether `finer` states the figure `coarse` rounds, for the same metric and period, more exactly."""
    a, b = _stated(finer), _stated(coarse)
    return (
        a is not None
        and b is not None
        and (a.metric, a.period, a.aspect) == (b.metric, b.period, b.aspect)
        and a.precision < b.precision
        and a.matches(b)
    )


def figure_answer(
    frame: Frame,
    lexicon: EntityLexicon,
    passages: list[Passage],
    focus: Focus | None = None,
    before: Callable[[Passage], str] | None = None,
) -> Answer:
    """The figure that states the asked metric for the asked company and period."""
    evidence = figures_in(passages, lexicon, before)
    metric = frame.target_metric
    if frame.asks_total:
        return _total_answer(frame, lexicon, evidence, metric)
    periods = frame.periods or (None,)
    part = _line_asked(frame, lexicon, focus)
    region = _region_asked(frame)
    chosen: list[Evidence] = []
    missing: list[str] = []
    for period in periods:
        # A level is answered with a level, a growth rate with a growth rate (not "3.2個百分點"
        # for 毛利率 nor "同比增長50%" for 收入).
        found = [
            ev
            for ev in select(frame, evidence, metric, period).found
            if _aspect_ok(frame, ev.figure) and in_focus(ev, focus) and not _share_of_another(ev, focus)
        ]
        owners = sorted({ev.entity for ev in found if ev.entity})
        if found and len(owners) > 1 and not (frame.entities or frame.other_names):
            # "2024年收入是多少？" over several companies' filings: which one is a guess.
            names = (", " if frame.script == "en" else "、").join(
                in_script(lexicon.display(o, frame.script != "en"), frame.script) for o in owners
            )
            holds = _WHICH[frame.script].format(names=names, term=_metric_term(frame, metric))
            return abstention(
                frame.text, "the question names no company and several are in the documents", frame.script, holds
            )
        lead = lexicon.subject(passages[0].doc_id) if passages else None
        if found and owners and lead and lead not in owners and not (frame.entities or frame.other_names):
            # "YX-101获批后预计峰值销售额？" names no company, but the passages closest to it are
            # about one; another company's figure is no answer to it.
            found = []
        named, unnamed = _line_figures(frame, focus, found, part, region)
        if found and unnamed:
            # "北美收入" asked, only the total and other regions stated: the total is no answer.
            holds = _UNNAMED_PART[frame.script].format(term=_metric_term(frame, metric), part=unnamed)
            return abstention(frame.text, f"no figure of {metric} names {unnamed}", frame.script, holds)
        if found:
            # "在香港有多少家門店" over "共186間…其中香港128間": the line's own figure, not the total.
            chosen.append(_best(named or found, focus, found))
        else:
            missing.append(period or "")
    if len(periods) == 1 and missing and periods[0] and periods[0].endswith("H2"):
        derived = _second_half(frame, lexicon, evidence, metric, periods[0])
        if derived:
            return derived
    if not chosen or missing:
        return _figure_abstention(frame, lexicon, evidence, metric, missing or list(periods))
    end = (_UPPER.search(frame.text) and "upper") or (_LOWER.search(frame.text) and "lower")
    if end:
        # "the top end of the offer price range": that end is the figure asked for.
        chosen = [_range_end(ev, end) for ev in chosen]
    planned = [ev for ev in chosen if is_planned(ev)]
    if planned and not asks_plan(frame.text):
        # "計劃淨增門店150至180間" answers no question about what happened: it is a plan.
        asked = {"en": "the actual ", "zh-Hant": "實際", "zh-Hans": "实际"}[frame.script] + _metric_term(frame, metric)
        return _only_as(frame, planned[0], asked, f"the documents give {metric} only as a plan or target")
    ranged = [(ev, span) for ev in chosen if (span := range_text(ev))]
    final = _FINAL.search(frame.text)
    if ranged and final:
        # "最終定價" asked, "招股價介乎34.60至39.80港元" stated: a range is not the final figure.
        term = _metric_term(frame, metric)
        joiner = " " if frame.script == "en" else ""
        asked = term if _FINAL.search(term) else f"{final.group()}{joiner}{term}"
        return _only_as(frame, ranged[0][0], asked, f"the documents give {metric} only as a range")
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


def _line_asked(frame: Frame, lexicon: EntityLexicon, focus: Focus | None) -> str:
    """The line of business or region a question asks a metric of ("北美收入"), if it names one."""
    if focus is None:
        return ""
    names = {n for key in frame.entities for n in lexicon.names_of(key)}
    return " ".join(
        w
        for w, weight in focus.weights.items()
        # A word no document uses at all weighs nothing, and no figure is of it.
        if (weight > 0 or not lexicon.anywhere(w))
        and is_chinese(w)
        and is_segment(w)
        and not any(w in n for n in names)
    )


def _line_figures(
    frame: Frame, focus: Focus | None, found: list[Evidence], part: str, region: tuple[str, ...]
) -> tuple[list[Evidence], str]:
    """The figures of `found` that name the line or region asked ("北美", "醫藥冷鏈物流分部"),
    and the line as the question writes it when none does ("" when none is asked or one does)."""
    if region:
        named = [ev for ev in found if _names_region(ev.line_text, region)]
        return named, "" if named else _as_written(frame.text, region[0])
    english = _EN_LINE.search(frame.text) if frame.script == "en" and focus else None
    if english:
        # "Ardentia's robot joint components segment": the words before "segment" name the line.
        words = [w for w in tokens(english.group(1)) if w in focus.weights and w not in _EN_NOT_A_LINE]
        if words:
            line = focus.narrowed(words)
            # Across languages a line's words are bridged one by one, and not all of them are
            # ("festive" of "festive products" for 節日產品): most of their weight must be met. A
            # line whose words no document uses (they weigh nothing) is met by none.
            met = [ev for ev in found if line.coverage(ev.line_text) >= _CROSS_LINE_COVERAGE] if line.weighty else []
            said = english.group(0)
            at = said.lower().find(words[0])
            return met, "" if met else said[max(at, 0) :]
    if not (focus and part):
        return [], ""
    runs = [_line_run(frame.text, part, focus)]
    if not _line_words(runs[0]):
        # The last line word may tell nothing ("分部" of "…設備分部的分部業績"): the line is the
        # longest run another line word ends.
        others = [_line_run(frame.text, w, focus) for w in part.split()]
        runs = [max(others, key=lambda r: len(_line_words(r)))]
    asked = set(_line_words(runs[0]))
    if asked and asked <= _ZH_REGIONS:
        # A region and a line both asked: "船舶管理分部…來自歐洲的收入" is neither the Europe row
        # nor the segment's total; each must be met.
        runs += [_line_run(frame.text, w, focus) for w in part.split() if w not in runs[0]]
    runs = [r for r in runs if _line_words(r)]
    if not runs:
        return [], ""
    met = found
    for run in runs:
        words = _line_words(run)
        line = focus.narrowed(words)
        # The line's own words, not just its last ("分部"), must be met: "醫藥冷鏈物流分部" is not
        # the cold-storage segment, and "冷凍批發" is not the 批發 of a Chinese table.
        # A figure whose clause names another line ("港口服務收入…增長7.1%" after "乾散貨航運…") is
        # of that line, though its sentence names the asked one too.
        met = [
            ev
            for ev in met
            if _meets(line, ev.line_text)
            and (not ev.segment or ev.segment in _LINE_SUFFIXES or any(w in ev.segment for w in words))
        ]
        if not met:
            return [], _line_text(frame.text, run)
    words = [w for run in runs for w in _line_words(run)]
    # A figure whose own line is the one asked ("其中香港128間") before the sentence's others.
    segment = [ev for ev in met if ev.segment and any(w in ev.segment for w in words)]
    return segment or met, ""


_CROSS_LINE_COVERAGE = 0.4
_EN_LINE = re.compile(
    r"((?:[A-Za-z][\w\-]*\s+){1,4}?)(?:segment|business|division|unit|operations|product\s+line)s?(?![a-z])", re.I
)
_EN_NOT_A_LINE = frozenset(
    "its their the group company s did what was were of how much many overall core main whole entire total".split()
)


_ZH_REGIONS = frozenset(glossary.fold(zh) for _, names in glossary.REGIONS for zh in names)


def _line_run(question: str, part: str, focus: Focus) -> list[str]:
    """The question's words that name the line, up to its line word: 医药, 冷链, 物流, 分部 of
    "…上半年醫藥冷鏈物流分部的收入"."""
    text = glossary.fold(question)
    word = max(part.split(), key=text.rfind)  # the last line word ends the run
    end = text.rfind(word)
    run = [word]
    while end > 0:
        if text[end - 1] in "及和与、" and run[0] not in _LINE_SUFFIXES:
            end -= 1  # "視光及護眼服務" is one line
        before = next((w for w in focus.weights if w not in run and text.endswith(w, 0, end)), None)
        if before is None or len(before) < 2 or before in _NOT_OF_A_LINE or "哪" in before:
            break
        run.insert(0, before)
        end -= len(before)
    return run


def _line_words(run: list[str]) -> list[str]:
    """The words of a line that tell which it is: "分部" says only that a line is meant (and
    alone it tells none)."""
    return [w for w in run if w not in _LINE_SUFFIXES]


_NOT_OF_A_LINE = frozenset({"来自", "来源于", "源自", "实现", "录得", "产生", "贡献", "带来"})
_LINE_SUFFIXES = frozenset({"分部", "业务", "板块", "部门", "事业部", "业务板块"})


def _meets(line: Focus, text: str) -> bool:
    """Whether `text` names the line: half its words' weight, and, in Chinese, every word the
    corpus never uses ("冷凍" of "冷凍批發", which weighs nothing)."""
    if line.coverage(text) < 0.5:
        return False
    folded = normalise(text)
    return not is_chinese(text) or all(w in folded for w, weight in line.weights.items() if not weight)


def _line_text(question: str, run: list[str]) -> str:
    """The line as the question writes it ("醫藥冷鏈物流分部")."""
    phrase = "".join(run)
    at = glossary.fold(question).rfind(phrase)  # folding keeps every character's place
    return question[at : at + len(phrase)] if at >= 0 else phrase


def _region_asked(frame: Frame) -> tuple[str, ...]:
    """The spellings, in both languages, of a region an English question asks a metric of."""
    if frame.script != "en":
        return ()  # a Chinese question's regions are among its line words (`_line_asked`)
    for en, zh in glossary.REGIONS:
        if _names_region(frame.text, en):
            return en + zh
    return ()


def _as_written(text: str, word: str) -> str:
    found = re.search(re.escape(word), text, re.I)
    return found.group() if found else word


def _names_region(text: str, spellings: tuple[str, ...]) -> bool:
    folded = glossary.fold(text)
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", folded) for w in spellings)


def _only_as(frame: Frame, ev: Evidence, asked: str, reason: str) -> Answer:
    """An abstention that quotes the clause the documents do give instead ("計劃淨增門店150至180間")."""
    lo, hi = clause(ev.passage.text, ev.figure.start, ev.sentence)
    _, template = _SAYS[frame.script]
    holds = template.format(what=f"「{ev.passage.text[lo:hi].strip()}」", asked=asked)
    return abstention(frame.text, reason, frame.script, holds)


def _second_half(
    frame: Frame, lexicon: EntityLexicon, evidence: list[Evidence], metric: str, period: str
) -> Answer | None:
    """A second half no passage states, as the full year less the first half, arithmetic shown."""
    year, first = period[:4], period[:4] + "H1"
    parts = []
    for p in (year, first):
        found = [ev for ev in select(frame, evidence, metric, p).found if ev.figure.aspect is None]
        money = [ev for ev in found if ev.figure.unit in ("CNY", "HKD", "USD")]
        if not money:
            return None
        parts.append(_best(money))
    full, half = parts
    if full.figure.unit != half.figure.unit:
        return None
    value = full.figure.value - half.figure.value
    derived = replace(full.figure, value=value, text="", qualifier=None, period=period)
    shown = derived.display(frame.script)
    term = _metric_term(frame, metric)
    line = f"{term} {period}: {shown} = {full.figure.text} ({year}) − {half.figure.text} ({first}) [1][2]"
    quotes = "\n".join(f"[{n}] 「{ev.sentence_text}」" for n, ev in enumerate(parts, start=1))
    return Answer(
        frame.text,
        f"{line}\n{quotes}",
        False,
        _unique([Citation.of(ev.passage, ev.absolute_sentence) for ev in parts]),
        figures=[derived.to_dict()],
        reason=f"{metric} {period} computed as {year} less {first}",
    )


# "净债务与EBITDA比率是多少倍": a multiple is asked, and no amount of EBITDA answers it.
_ASKS_MULTIPLE = re.compile(r"多少倍|几倍|幾倍|(?<![a-z])(?:how\s+many\s+times|what\s+multiple)(?![a-z])", re.I)


def _aspect_ok(frame: Frame, f: Figure) -> bool:
    if _ASKS_MULTIPLE.search(frame.text) and f.unit != "x":
        return False
    wanted = frame.aspect
    info = glossary.METRICS.get(f.metric or "")
    if wanted == "share" and info is not None and info.unit_kind == "percent":
        return f.aspect in (None, "share")  # "前五大客戶佔比" is the metric itself
    if wanted:
        return f.aspect == wanted
    if f.aspect == "share":  # "前五大客戶佔比" is a share, but "收入" is not answered with one
        return info is not None and info.unit_kind == "percent"
    return f.aspect is None


def _total_answer(frame: Frame, lexicon: EntityLexicon, evidence: list[Evidence], metric: str) -> Answer:
    """A sum over the periods asked for, with the arithmetic shown; every part must be stated."""
    parts = []
    for period in frame.periods:
        found = [ev for ev in select(frame, evidence, metric, period).found if ev.figure.unit not in ("%", "pp")]
        if not found:
            return _figure_abstention(frame, lexicon, evidence, metric, [period])
        parts.append(_best(found))
    units = {ev.figure.unit for ev in parts}
    if len(units) != 1:
        return abstention(frame.text, f"the parts are in different units ({', '.join(sorted(units))})", frame.script)
    total = sum((ev.figure.value for ev in parts), Decimal(0))
    summed = replace(parts[0].figure, value=total, text="", qualifier=None)
    arithmetic = " + ".join(ev.figure.text for ev in parts)
    term = _metric_term(frame, metric)
    shown = summed.display(frame.script)
    line = f"{term} {frame.periods[0]}–{frame.periods[-1]}: {shown} = {arithmetic}"
    citations = [Citation.of(ev.passage, ev.absolute_sentence) for ev in parts]
    quotes = "\n".join(f"[{n}] 「{ev.sentence_text}」" for n, ev in enumerate(parts, start=1))
    return Answer(
        frame.text,
        f"{line} [{']['.join(str(n) for n in range(1, len(parts) + 1))}]\n{quotes}",
        False,
        _unique(citations),
        figures=[summed.to_dict()],
        reason=f"sum of {metric} over {', '.join(frame.periods)}",
    )


_FINAL = re.compile(r"最终|最終|final|actual|实际|實際", re.I)
_CHANGE_FROM = re.compile(r"由|从|從|from|增加|增长|增長|上升|下降|减少|減少|rose|fell|increased|decreased", re.I)
_RANGE_GAP = re.compile(r"\s*(?:至|到|-|–|—|~|to)\s*(?:HK\$|US\$|RMB|\$)?", re.I)


_UPPER = re.compile(r"上限|最高|高端|top end|upper end|upper bound|high end|maximum|top of the", re.I)
_LOWER = re.compile(r"下限|最低|低端|bottom end|lower end|lower bound|low end|minimum|bottom of the", re.I)


def _range_end(ev: Evidence, end: str) -> Evidence:
    """The lower or the upper figure of the range `ev` stands in, as its own evidence."""
    pair = _range_pair(ev)
    if pair is None:
        return ev
    pick = pair[0] if end == "lower" else pair[1]
    at = {"start": pick.start + ev.sentence[0], "end": pick.end + ev.sentence[0]}
    return replace(ev, figure=replace(ev.figure, value=pick.value, text=pick.text, **at))


def range_text(ev: Evidence) -> str | None:
    """The range a figure is one end of, as the source writes it ("34.60至39.80港元"), or None."""
    pair = _range_pair(ev)
    return ev.sentence_text[pair[0].start : pair[1].end] if pair else None


def _range_pair(ev: Evidence) -> tuple[Figure, Figure] | None:
    """The two ends of the range a figure is one of, offsets relative to its sentence."""
    sentence = ev.sentence_text
    at = ev.figure.start - ev.sentence[0]
    for a, b in pairwise(parse_figures(sentence)):
        if (
            at in (a.start, b.start)
            and _RANGE_GAP.fullmatch(sentence[a.end : b.start])
            and a.unit == b.unit
            and a.aspect is None
            and b.aspect is None
            and a.value < b.value
            and not _CHANGE_FROM.search(sentence[max(0, a.start - 8) : a.start])  # "由42.1%至45.3%" is a change
        ):
            return a, b
    return None


def _unique(citations: list[Citation]) -> list[Citation]:
    seen: set[tuple[str, int | None]] = set()
    out = []
    for c in citations:
        if (c.id, c.quote_start) not in seen:
            seen.add((c.id, c.quote_start))
            out.append(c)
    return out


def _best(found: list[Evidence], focus: Focus | None = None, restated: list[Evidence] | None = None) -> Evidence:
    """The figure to answer with: the one whose sentence, then clause, holds most of the question's
    narrowing words (`Focus`); then one stated without a qualifier (the prospectus's 3.37億 over
    a news article's 約3.4億); not a part of a total ("800G模塊收入…佔總收入約46%") when the
    total is stated too (parts the question does not name never get here); then the best-ranked
    passage; then the figure right after the
    metric's name ("現金及現金等價物為人民幣2,753.3百萬元（按人民幣7.1586元兌1.00美元…）")."""

    def narrowing(ev: Evidence) -> tuple[float, float]:
        if focus is None:
            return 0.0, 0.0
        lo, hi = clause(ev.passage.text, ev.figure.start, ev.sentence)
        # "海外收入…，同比增長42.5%": the growth's clause is of the line its sentence names.
        return -focus.coverage(ev.scope_text), -focus.coverage(f"{ev.segment} {ev.passage.text[lo:hi]}")

    best = min(
        found,
        key=lambda ev: (
            *narrowing(ev),
            _converted(ev),
            ev.figure.qualifier is not None,
            is_part(ev),
            _changed_from(ev),
            not _dated_in_sentence(ev),
            ev.rank,
            _distance(ev),
        ),
    )
    # The same figure stated more exactly elsewhere (the filing's 474,555千元 for a story's
    # RMB474.6 million) is the one to quote; `restated` are where else to look for it.
    finer = [
        ev
        for ev in restated or found
        if ev.figure.unit == best.figure.unit
        and ev.figure.aspect == best.figure.aspect
        and ev.figure.precision < best.figure.precision
        and abs(ev.figure.value - best.figure.value) <= best.figure.precision
        and is_part(ev) == is_part(best)
    ]
    return min(finer, key=lambda ev: (ev.figure.precision, ev.rank)) if finer else best


_FROM = re.compile(r"(?:由|从|從|(?<![a-z])from)\s*(?:约|約|about|approximately)?\s*$", re.I)


_CONVERSION = re.compile(
    r"\d[\d,.]*(?:\s*(?:[a-z]+|[\u3400-\u9fff]{1,3})){0,2}\s*[（(]\s*(?:about|approximately|约|約)?\s*$", re.I
)


def _converted(ev: Evidence) -> bool:
    """Whether the figure restates the one before it in another currency: "$17.7 million" of
    "126.6 million yuan ($17.7 million)"."""
    return ev.figure.unit in CURRENCIES and bool(
        _CONVERSION.search(ev.passage.text, max(0, ev.figure.start - 30), ev.figure.start)
    )


def _changed_from(ev: Evidence) -> bool:
    """Whether the figure is where a change started: 12.8港元 of "目標價由12.8港元上調至14.6港元"."""
    return bool(_FROM.search(ev.passage.text, max(0, ev.figure.start - 8), ev.figure.start))


def _dated_in_sentence(ev: Evidence) -> bool:
    """Whether the figure's own sentence states its period, rather than a heading, the report's
    date or a word like 上年 read against the date of a news story."""
    if ev.figure.period is None:
        return False
    return any(p.id and same_period(p.id, ev.figure.period) for p in parse_periods(ev.sentence_text))


def _metric_word(word: str) -> bool:
    """Whether a word is, whole, a metric's name."""
    return any(s == 0 and e == len(word) for _, s, e in glossary.metrics_in(word))


def _share_of_another(ev: Evidence, focus: Focus | None) -> bool:
    """A share whose sentence never names the part the question asks the share of: the Mainland's
    22% of revenue answers nothing about online orders."""
    return (
        ev.figure.aspect == "share" and focus is not None and focus.names_a_part() and not focus.coverage(ev.scope_text)
    )


def in_focus(ev: Evidence, focus: Focus | None) -> bool:
    """Whether a figure may answer: a part of a total only when the question names the part
    ("revenue" is not "cloud revenue")."""
    return not is_part(ev) or (focus is not None and focus.coverage(ev.scope_text) > 0)


def _distance(ev: Evidence) -> int:
    """Characters between a figure and the nearest earlier mention of its metric in its sentence."""
    offset = ev.figure.start - ev.sentence[0]
    ends = [e for m, _, e in glossary.metrics_in(ev.sentence_text) if m == ev.figure.metric and e <= offset]
    return offset - max(ends) if ends else 10_000


_PART_OF = re.compile(
    r"占总|佔總|占整体|of (?:total|group|the group's) revenue|of total"
    r"|accounted for",
    re.I,
)
# "總金額達12.41億元,其中…訂單約8.22億元": what follows 其中 / "of which" is inside the figure before it.
# "服务器及集群收入为10,186.7万元，占32.6%": its share of the whole follows the figure.
_SHARE_AFTER = re.compile(r"\s*[，,]?\s*(?:[占佔]|accounting for|representing)[^，。；,;]{0,8}?\d", re.I)
_WITHIN = re.compile(r"其中|当中|of which|including", re.I)


def is_part(ev: Evidence) -> bool:
    """A figure stated as one part of a total: its sentence gives the part's share of the whole,
    or it follows "其中"/"of which" in its sentence."""
    if ev.figure.part or ev.segment or ev.listed_part:
        return True
    if ev.figure.unit in ("%", "pp"):
        return False
    before = normalise(ev.passage.text[ev.sentence[0] : ev.figure.start])
    after = ev.passage.text[ev.figure.end : ev.sentence[1]]
    share = _SHARE_AFTER.match(after)
    if share:
        # "研发投入为2.15亿元，占营业收入的25.7%" measures R&D against revenue: no part of it.
        base = [m for m, _, _ in glossary.metrics_in(share.group())]
        # "前五名客户销售额…，占年度销售总额45.77%": the amount is its own measure, the share its ratio.
        own = ev.figure.metric in glossary.SHARE_OF
        share = None if own or (base and ev.figure.metric not in base) else share
    # "除香港以外地区的客户贡献收入9.1亿元", "outside Mainland China": all but a part is a part too.
    leaves_out = EXCLUDED.search(ev.passage.text, ev.sentence[0], ev.figure.start)
    return bool(
        _PART_OF.search(ev.sentence_text) or _within_its_metric(before, ev.figure.metric) or share or leaves_out
    )


def _within_its_metric(before: str, metric: str | None) -> bool:
    """Whether a 其中/"of which" before a figure makes it a part of a whole of its own metric:
    "profit for the period …, of which profit attributable to owners …" is a measure of its own."""
    within = list(_WITHIN.finditer(before))
    if not within:
        return False
    whole = [m for m, _, _ in glossary.metrics_in(before[: within[-1].start()], folded=True)]
    named = [m for m, _, _ in glossary.metrics_in(before[within[-1].end() :], folded=True)]
    return not (whole and metric in named and whole[-1] != metric)


def _who(frame: Frame) -> str:
    return "/".join(sorted(frame.entities)) or "any company"


def _figure_line(frame: Frame, lexicon: EntityLexicon, ev: Evidence, n: int) -> str:
    f = ev.figure
    if f.metric in glossary.SIGNLESS:
        f = replace(f, value=abs(f.value), negative=False)
    entity = ev.entity and in_script(lexicon.display(ev.entity, frame.script != "en"), frame.script)
    term = _metric_term(frame, f.metric or "")
    period = f.period or ""
    normalised = f.display(frame.script)
    alone = parse_number(f.text)
    if (span := range_text(ev)) and not (_UPPER.search(frame.text) or _LOWER.search(frame.text)):
        shown = span  # one end of a range is not the figure: "34.60至39.80港元"
    elif alone is not None and alone.unit == f.unit and abs(alone.value) == abs(f.value):
        # The source's own words carry the figure: quote them, then the normalised value.
        shown = f.text if normalised == f.text else _paren(frame, f.text, normalised)
    else:
        # A table cell ("(589.4)") means nothing without its header: the value comes first.
        shown = _paren(frame, normalised, f.text)
    if (
        f.aspect == "share"
        and glossary.METRICS.get(f.metric or "", None)
        and glossary.METRICS[f.metric].unit_kind != "percent"
    ):
        term += " (share)" if frame.script == "en" else "佔比" if frame.script == "zh-Hant" else "占比"
    if f.part:  # a line of a breakdown: say which ("流明雲算力服務 164.7 …")
        label = row_label(ev)
        term = f"{term} ({label})" if frame.script == "en" and label else f"{term}（{label}）" if label else term
    if frame.script == "en":
        head = " ".join(x for x in (f"{entity}'s" if entity else "", term, f"in {period}" if period else "") if x)
        return f"{head[0].upper() + head[1:]}: {shown} [{n}]"
    return f"{entity or ''}{period}{term}：{shown} [{n}]"


def row_label(ev: Evidence) -> str:
    """The label of the table row a figure stands in ("Edge AI modules", "流明雲算力服務")."""
    label = ev.passage.text[ev.sentence[0] : ev.figure.start].strip(" |*\t")
    label = re.split(r"\s*\|\s*|\t", label)[0] if label else ""
    return re.sub(r"(?:\s+[-+(]?[\d,.]+%?\)?)+$", "", label).strip(" *")


def _paren(frame: Frame, first: str, second: str) -> str:
    return f"{first} ({second})" if frame.script == "en" else f"{first}（{second}）"


def _metric_term(frame: Frame, metric: str) -> str:
    """The question's own word for the metric, else the glossary's."""
    for m, s, e in glossary.metrics_in(frame.text):
        if m == metric:
            return frame.text[s:e]
    info = glossary.METRICS.get(metric)
    if info is None:
        return metric
    return info.en[0] if frame.script == "en" else in_script(info.zh[0], frame.script)


def _figure_abstention(
    frame: Frame, lexicon: EntityLexicon, evidence: list[Evidence], metric: str, missing: list[str]
) -> Answer:
    """Say the documents don't hold it, and what they hold instead for that metric."""
    found = select(frame, evidence, metric, None).found
    held = sorted(
        {ev.figure.period for ev in found if ev.figure.period and not is_part(ev) and _aspect_ok(frame, ev.figure)}
    )
    asked_period = ", ".join(p for p in missing if p)
    term = _metric_term(frame, metric)
    holds = ""
    if held and asked_period and not set(held) & set(missing):
        _, template = _SAYS[frame.script]
        holds = template.format(what=f"{term} ({', '.join(held)})", asked=asked_period)
    reason = f"no passage states {metric} for {_who(frame)} {asked_period or ''}".strip()
    return abstention(frame.text, reason, frame.script, holds)


def sentence_answer(
    index: Index, frame: Frame, lexicon: EntityLexicon, query: Query, passages: list[Passage]
) -> Answer:
    """Quote the sentence that best covers the question, or abstain when none does."""
    ranked = score_sentences(
        index, query, passages, name_tokens(query.text, lexicon) if frame.entities else frozenset()
    )
    if frame.entities or frame.other_names:
        ranked = [s for s in ranked if about(s, frame, lexicon)]
    if _COUNT_QUESTION.search(query.text):
        # "How many customers…" is answered by a sentence that states a count, not by one
        # that merely talks about customers.
        ranked = [s for s in ranked if any(f.unit in ("count", "shares") for f in parse_figures(s.text))]
    skip = name_tokens(query.text, lexicon)
    # A sentence whose figure is of another year or company answers nothing: "上年末研发人员
    # 数量为578人" is no answer to "截至2025年末…研发人员有多少人".
    read: dict[str, list[Evidence]] = {}  # a passage's figures, read once for all its sentences

    def evidence(p: Passage) -> list[Evidence]:
        if p.id not in read:
            read[p.id] = figures_in([p], lexicon, preceding(index))
        return read[p.id]

    ranked = [s for k, s in enumerate(ranked) if k >= 5 or _figure_fits(s, frame, lexicon, evidence, query, skip)]
    bar = MIN_COVERAGE
    if _ASKS_NAME.search(query.text):
        # "Which peer company…": the answer is a sentence that names another company; that it
        # does is itself evidence, so the sentence may carry less of the question's wording.
        naming = [s for s in ranked if any(m.key not in frame.entities for m in lexicon.mentions(s.text))]
        if naming and naming[0].coverage >= NAMED_COVERAGE:
            ranked, bar = naming, NAMED_COVERAGE
    if _ASKS_PERSON.search(query.text):
        # "Who is the chairman?", "…的联席保荐人是谁？": a sentence that names a person or a firm
        # answers it; that it does is evidence, so it may carry less of the question's wording.
        named = [s for s in ranked if s.coverage >= NAMED_COVERAGE and (names_person(s.text) or _ORG.search(s.text))]
        if named:
            ranked, bar = named + [s for s in ranked if s not in named], min(bar, NAMED_COVERAGE)
    if not ranked or ranked[0].coverage < bar:
        best = f"{ranked[0].coverage:.2f}" if ranked else "none"
        return abstention(query.text, f"no sentence covers the question (best coverage {best})", frame.script)
    best = _with_value(ranked[0])
    # Two sentences that answer equally well ("联合创始人…" and "公司创始人…") are both shown:
    # choosing between them would be a guess.
    chosen = [best] + [s for s in ranked[1:2] if s.coverage >= best.coverage and s.score >= 0.98 * best.score]
    key = key_figure(best.text, query, skip)
    if key and not asks_plan(query.text) and plan_before(best.text, key.start, (0, len(best.text))):
        # "计划于2025年新开…约100家" tells what was planned, not what happened.
        return abstention(query.text, "the documents give this only as a plan or target", frame.script)
    lead = f"{key.text} [1]\n" if key else ""
    quotes = "\n".join(f"「{s.text}」 [{n}]" for n, s in enumerate(chosen, start=1))
    return Answer(
        query.text,
        f"{lead}{quotes}",
        False,
        [Citation.of(s.passage, (s.start, s.end)) for s in chosen],
        figures=[key.to_dict()] if key else [],
        reason=f"best sentence covers {best.coverage:.0%} of the question's terms",
    )


def _figure_fits(
    s: Sentence,
    frame: Frame,
    lexicon: EntityLexicon,
    evidence: Callable[[Passage], list[Evidence]],
    query: Query,
    skip: frozenset[str],
) -> bool:
    """Whether the figure a sentence would answer with is of the asked company and period."""
    key = key_figure(s.text, query, skip)
    if key is None or not (frame.periods or frame.entities):
        return True
    at = s.start - s.passage.start + key.start
    ev = next((e for e in evidence(s.passage) if e.figure.start == at), None)
    if ev is None:
        return True
    if frame.entities and ev.entity and ev.entity not in frame.entities:
        # Another company named before the figure, and the asked one not at all: its figure.
        # (Companies named after it, like the investors of "合共認購2.1億美元…包括晨曦資本…", are not.)
        mentions = lexicon.mentions(s.text)
        asked = any(m.key in frame.entities for m in mentions)
        if not asked and any(m.key == ev.entity and m.end <= key.start for m in mentions):
            return False
    period = ev.figure.period
    return not (
        frame.periods
        and period
        and not any(same_period(period, p) or period.startswith(p) or p.startswith(period) for p in frame.periods)
    )


def _with_value(s: Sentence) -> Sentence:
    """A heading such as "**Company Secretary**" or "核數師：" says what the line under it is:
    the answer is the pair."""
    if not _LABEL.fullmatch(s.text):
        return s
    p = s.passage
    nxt = next(((a, b) for a, b in sentence_spans(p.text) if a >= s.end - p.start), None)
    if nxt is None:
        return s
    text = p.text[s.start - p.start : nxt[1]]
    return Sentence(p, s.rank, s.start, p.start + nxt[1], text, s.score, s.coverage)


# A line that only names a field: a few words, no figure, no sentence of its own.
_LABEL = re.compile(r"[#*_\s]*(?:[A-Za-z][A-Za-z&'’/\- ]{1,40}|[\u3400-\u9fff]{2,10})[*_\s]*[:：]?[*_\s]*")


def key_figure(sentence: str, query: Query, skip: frozenset[str]) -> Figure | None:
    """The figure a sentence gives right after a word of the question ("入場費約4,020.14港元");
    among several, the one whose clause holds most of the question ("鴻鈞…認購3,000萬美元",
    not "合共認購9,000萬美元")."""
    norm = normalise(sentence)
    figures = parse_figures(sentence)
    listed = _listed_figure(sentence, figures, query, skip)
    if listed is not None:
        return listed
    best: tuple[int, int, Figure] | None = None
    for tok in query.tokens:
        if tok in skip or len(tok) < 2 or tok.isdigit():
            continue
        for m in re.finditer(re.escape(tok), norm):
            for f in figures:
                gap = f.start - m.end()
                if not 0 <= gap <= 12:
                    continue
                lo = max((c.end() for c in _CLAUSE_BREAK.finditer(norm, 0, f.start)), default=0)
                clause = norm[lo : f.end]
                overlap = sum(1 for t in query.tokens if len(t) >= 2 and t in clause)
                if best is None or (-overlap, gap) < (-best[0], best[1]):
                    best = (overlap, gap, f)
    return best[2] if best else None


_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")


def _listed_figure(sentence: str, figures: list[Figure], query: Query, skip: frozenset[str]) -> Figure | None:
    """The figure 分別 gives the list item the question names: 16,380美元 of "卡姆萨型船" in
    "超灵便型船、卡姆萨型船及灵便型船的平均日租金分别约为15,120美元、16,380美元及11,740美元"."""
    items = series_items(sentence, ((0, len(sentence)),))
    if not items:
        return None
    asked = [t for t in query.tokens if t not in skip and len(t) >= 2 and not t.isdigit()]
    scored = []
    for f in figures:
        item = item_of(items, f)
        if item:
            said = normalise(sentence[item[0] : item[1]])
            scored.append((sum(1 for t in asked if t in said), f))
    hits = [n for n, _ in scored]
    if not hits or max(hits) == 0 or hits.count(max(hits)) > 1:
        return None
    return max(scored, key=lambda x: x[0])[1]


# "Which peer company does Mintu compare its gross margin with?" asks for a name, not a figure.
_ASKS_NAME = re.compile(
    r"\bwhich\b[^?]{0,30}\b(?:company|companies|peer|peers|firm|firms|competitor|rival|bank|sponsor"
    r"|segments?|business(?:es)?|products?|regions?|markets?|lines?|divisions?)\b"
    r"|哪家|哪一家|哪两家|哪兩家|哪几家|哪幾家|哪间|哪間|哪些公司|哪个公司|哪個公司"
    r"|哪(?:个|個|一个|一個|些)?(?:业务|業務|分部|产品|產品|地区|地區|板块|板塊|系列)",
    re.I,
)
_ORG = re.compile(r"有限公司|有限責任|會計師|会计师|(?<![a-z])(?:limited|ltd|llp|cpa|bank|securities)(?![a-z])", re.I)
_ASKS_PERSON = re.compile(r"\bwho\b|谁|誰|哪位", re.I)
_EN_PERSON = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|Madam)\.?\s+[A-Z][a-z]+")
_ZH_TITLED = re.compile(r"[\u3400-\u9fff]{2,3}(?:博士|先生|女士|教授)")


def names_person(text: str) -> bool:
    """Whether a sentence names a person: "Mr. Qiu Zhenhai", "林启航博士", or a name jieba tags."""
    if _EN_PERSON.search(text) or _ZH_TITLED.search(normalise(text)):
        return True
    return any(flag == "nr" and len(word) >= 2 for word, flag in posseg.cut(normalise(text)))


_COUNT_QUESTION = re.compile(
    r"how many|number of|(?:数量|數量)\S{0,6}?多少"
    r"|多少(?:名|家|个|個|位|份|颗|顆|人|款|次|轮|輪|套|台|臺|件|盒|间|間|辆|輛|张|張|箱|吨|噸)"
    r"|(?<!哪)几(?:名|家|个|個|位)|(?<!哪)幾(?:名|家|個|位)",
    re.I,
)


def name_tokens(text: str, lexicon: EntityLexicon) -> frozenset[str]:
    """The tokens of `text` that spell a company's name."""
    return frozenset(t for m in lexicon.named_in(text) for t in tokens(text[m.start : m.end]))


def about(s: Sentence, frame: Frame, lexicon: EntityLexicon) -> bool:
    """A sentence is about the asked company when it names it, or its document is about it."""
    if not frame.entities:
        title = lexicon.titles.get(s.passage.doc_id, "")
        return all(n in normalise(s.text) or n in title for n in frame.other_names)
    named = {m.key for m in lexicon.mentions(s.text)}
    return bool(named & frame.entities) or lexicon.subject(s.passage.doc_id) in frame.entities
