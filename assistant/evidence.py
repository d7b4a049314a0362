"""What a question or claim asks for (metric, period, company), and the figures in passages
that state exactly that. Both the answerer and the verifier stand on this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from . import glossary
from .entities import EntityLexicon
from .figures import Figure, Period, parse_figures, parse_periods
from .schema import Passage
from .text import normalise, script_of, sentence_spans

_UNIT_KIND = {
    "CNY": "money",
    "HKD": "money",
    "USD": "money",
    "%": "percent",
    "pp": "percent",
    "bp": "percent",
    "x": "multiple",
    "count": "count",
    "shares": "shares",
    "": "number",
}


@dataclass(frozen=True)
class Frame:
    """The metric, period and company a question or claim is about, and the figures it states."""

    text: str
    metrics: tuple[str, ...]  # metric ids, in the order the text names them
    periods: tuple[str, ...]
    entities: frozenset[str]
    unknown_names: tuple[str, ...]  # names that no document contains
    other_names: tuple[str, ...]  # names documents contain, though not as a company's legal name
    figures: tuple[Figure, ...]
    script: str
    others: tuple[str, ...] = ()  # companies named after the subject ("… lower than Lumina's")
    bases: tuple[str, ...] = ()  # periods it compares against ("較上年末", "from a year earlier")
    events: tuple[str, ...] = ()  # dates of payments it names ("將於2025年10月10日派付")

    @property
    def subject(self) -> str | None:
        return min(self.entities, default=None)

    @property
    def target_metric(self) -> str | None:
        """The metric asked about: a ratio when the text asks for one ("前五大客戶的收入佔比"),
        else the last one named ("收入年复合增长率", "revenue CAGR")."""
        if not self.metrics:
            return None
        if _ASKS_RATIO.search(self.text):
            shares = [glossary.suited(m, "percent") or m for m in self.metrics]
            ratios = [m for m in shares if glossary.METRICS[m].unit_kind == "percent"]
            if ratios:
                return ratios[-1]
        if self.aspect == "share":
            # "研發投入佔營業收入的比例", "What % of revenue … on R&D": a share is of the metric named
            # after 佔 / "of"; the other metric narrows which share.
            marker = next(p.search(self.text) for a, p in _ASKS_ASPECT if a == "share")
            after = [m for m, s, _ in glossary.metrics_in(self.text) if s >= marker.start() and m in self.metrics]
            if after:
                return after[0]
        return self.metrics[-1]

    @property
    def aspect(self) -> str | None:
        """What a question asks of the metric: a growth rate, a CAGR, a change in points, or
        (None) its level."""
        for aspect, pattern in _ASKS_ASPECT:
            if pattern.search(self.text):
                return aspect
        return None

    @property
    def asks_total(self) -> bool:
        """A sum over the periods named ("2022年至2024年累計", "combined … for 2022 to 2024")."""
        return bool(TOTAL.search(self.text)) and len(self.periods) >= 2


_ASKS_ASPECT = (
    ("cagr", re.compile(r"复合增长率|複合增長率|复合年增长率|cagr|compound annual", re.I)),
    ("pp_change", re.compile(r"百分点|百分點|percentage points?|ppts?\b", re.I)),
    (
        "growth",
        re.compile(
            r"增长率|增長率|增幅|同比|按年|growth|grew by|year[\s-]on[\s-]year|yoy|increase by|rose by|fell by"
            r"|by how much did\b.{0,60}?\b(?:grow|rise|increase|fall|decline|drop)",
            re.I,
        ),
    ),
    (
        "share",
        re.compile(
            r"[占佔]\S{0,16}?(?:比例|比重|百分比)|[占佔]比|share of|proportion of|percentage of|%\s*of|percent of", re.I
        ),
    ),
)


_BASE_BEFORE = re.compile(r"(?:较|較|比|相比|相較|相较|compared\s+(?:with|to)|versus|vs\.?|over|from)\s*$", re.I)


def is_base(text: str, p: Period) -> bool:
    """Whether period `p` is what `text` compares against ("較去年底", "from a year earlier")."""
    return bool(_BASE_BEFORE.search(text[max(0, p.start - 12) : p.start]))


def _asked(text: str) -> list[tuple[str, re.Pattern[str]]]:
    return [(a, p) for a, p in _ASKS_ASPECT if p.search(text)]


def aspect_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` asks for an aspect of its metric ("增长率", "占收入的比例")."""
    return [m.span() for _, pattern in _ASKS_ASPECT for m in pattern.finditer(text)]


_ASKS_RATIO = re.compile(r"占比|佔比|比例|比率|百分比|percentage|proportion|share of|ratio|%", re.I)
TOTAL = re.compile(
    r"合计|合共|累计|共计|总计|總計|合計|累計|共計|total|combined|cumulative|aggregate|in all|together", re.I
)


def event_dates(text: str) -> tuple[str, ...]:
    """The dates of payments and closures a text names ("2025年10月10日（星期五）派付")."""
    folded = glossary.fold(text)
    return tuple(p.id for p in parse_periods(text) if p.id and p.kind == "date" and _EVENT_DATE.match(folded, p.end))


_EVENT_DATE = re.compile(
    r"\s*(?:[(（][^)）]{1,6}[)）])?\s*(?:派付|派发|支付|发放|暂停|(?<![a-z])(?:paid|payable)(?![a-z]))"
)


def frame_of(text: str, lexicon: EntityLexicon, anchor: str | None = None) -> Frame:
    """Read the metric, period, company and stated figures off a question or claim; `anchor`
    resolves its relative periods ("6月底", "a year earlier")."""
    found = [(m, s, e) for m, s, e in glossary.metrics_in(text) if m not in glossary.ASPECT_IDS]
    if len({m for m, _, _ in found}) > 1:
        # "interim dividend … How much per share?": a bare "per share" qualifies the other metric.
        found = [(m, s, e) for m, s, e in found if glossary.fold(text[s:e]) != "per share"]
    metrics = tuple(dict.fromkeys(m for m, _, _ in found))
    # "將於2025年10月10日派付" dates the payment, not the period the dividend is of.
    events = event_dates(text)
    stated = [p for p in parse_periods(text, anchor) if p.id not in events]
    periods = tuple(dict.fromkeys(pid for p in stated for pid in (p.members or (p.id,)) if pid))
    bases = tuple(p.id for p in stated if p.id and is_base(text, p))
    if len(periods) == 2 and _ASKS.search(text) and any(a in ("growth", "pp_change") for a, _ in _asked(text)):
        # "毛利率較2023年提升了多少個百分點？" asks the change to the other period, not 2023's level.
        base = set(bases)
        periods = tuple(p for p in periods if p not in base) or periods
    subject = lexicon.subject_of(text)
    unknown = tuple(lexicon.unknown_names(text))
    named = lexicon.named_in(text)
    if named and any(0 <= text.find(n) < named[0].start for n in unknown):
        subject = None  # "Qingyao Robotics, a rival of Mintu, …" is about Qingyao, whom no document names
    peer = next((m for m in named[1:] if _PEER.search(normalise(text[max(0, m.start - 16) : m.start]))), None)
    if peer is not None and _ASKS.search(text):
        subject = peer.key  # "…年報裡提到的同行鎔鋰循環，2024年淨利潤是多少？" asks about the peer
    # A claim is about the first company it names; others are its objects or comparisons.
    entities = {subject} if subject else set()
    other = tuple(normalise(n) for n in lexicon.other_names(text))
    # A stock code names the company ("2917.HK"); it states no figure.
    figures = tuple(
        f
        for f in from_to(text, parse_figures(text, anchor), anchor)
        if not any(m.start <= f.start and f.end <= m.end for m in named)
    )
    others = tuple(dict.fromkeys(m.key for m in named if m.key != subject))
    return Frame(
        text, metrics, periods, frozenset(entities), unknown, other, figures, script_of(text), others, bases, events
    )


@dataclass(frozen=True)
class Evidence:
    """A figure found in a passage, with the company it belongs to and its sentence."""

    figure: Figure  # offsets relative to the passage text
    passage: Passage
    rank: int
    entity: str | None
    sentence: tuple[int, int]  # relative to the passage text
    doc_title: str = ""  # normalised
    segment: str = ""  # what the metric's name is narrowed by: "澄瓣系列" of "澄瓣系列收入"
    item: tuple[int, int, int, int] | None = None  # its list item, and the list, of a 分別 series

    @property
    def absolute_sentence(self) -> tuple[int, int]:
        return self.passage.start + self.sentence[0], self.passage.start + self.sentence[1]

    @property
    def sentence_text(self) -> str:
        return self.passage.text[self.sentence[0] : self.sentence[1]]

    @property
    def scope_text(self) -> str:
        """The sentence as it bears on this figure: in "香港、澳門及內地收入分別為8.12億、1.49億及
        2.75億港元", 2.75億's sentence names 內地 and neither of the other two."""
        if self.item is None:
            scoped = self.sentence_text
        else:
            a, b, lo, hi = self.item
            text = self.passage.text
            scoped = text[self.sentence[0] : lo] + text[a:b] + text[hi : self.sentence[1]]
        return self._with_segment(scoped)

    @property
    def listed_part(self) -> bool:
        """Whether 分別 gives the figure to an item that names a part ("市政水处理设备、…收入分别为"),
        not to a metric of a list of metrics ("收入、毛利及淨利潤分別為")."""
        if self.item is None:
            return False
        a, b, _, _ = self.item
        return not glossary.metrics_in(self.passage.text[a:b])

    def _with_segment(self, text: str) -> str:
        # A line's heading ("冷鏈運輸業務：…；該業務毛利率為11.92%") bears on the sentences under it.
        if self.segment and self.segment not in glossary.fold(text):
            return f"{self.segment} {text}"
        return text

    @property
    def line_text(self) -> str:
        """`scope_text` up to the end of the figure's clause: the clauses after it say what else
        happened ("…3.48亿元，…，新增项目主要分布在东南亚" is no Southeast Asia figure)."""
        if self.item is not None:
            return self.scope_text
        tail = _CLAUSE_END.search(self.passage.text, self.figure.end, self.sentence[1])
        kept = (
            self.scope_text if tail is None else self._with_segment(self.passage.text[self.sentence[0] : tail.start()])
        )
        # "Revenue from customers outside Mainland China and Hong Kong": no Hong Kong figure.
        return EXCLUDED.sub(lambda m: " " * len(m.group()), kept)


# What a figure leaves out: "outside Mainland China and Hong Kong", "excluding Macau", "除香港以外".
EXCLUDED = re.compile(
    r"(?<![A-Za-z])(?:outside(?:\s+of)?|excluding|other\s+than|except(?:\s+for)?|apart\s+from)\s+[^,;.，；。]*?"
    r"(?=\s+(?:rose|fell|grew|increased|decreased|declined|dropped|was|were|amounted|accounted|totall?ed|reached)"
    r"(?![A-Za-z])|[,;.，；。]|$)"
    r"|除(?:了)?[^，；。,;]{1,24}?(?:以外|之外)",
)


@lru_cache(maxsize=4096)
def _parsed(text: str, anchor: str | None) -> tuple[Figure, ...]:
    figures = _reporting_period(text, parse_figures(text, anchor=anchor), anchor)
    return tuple(_year_earlier(text, from_to(text, _cumulative(text, figures), anchor)))


_COMPARED_WITH = re.compile(r"(?:compared with|compared to|versus|vs\.?|against|较|比)\s*$", re.I)
_A_YEAR_EARLIER = re.compile(
    r"^[^，,;；。.\d]{0,40}?(?:a year earlier|a year ago|the previous year|the prior year"
    r"|一年前|上年同期|去年同期|上年末|去年底)",
    re.I,
)


def _year_earlier(text: str, figures: list[Figure]) -> list[Figure]:
    """ "…1,126 stores…, compared with 958 stores (…) a year earlier": 958 is of a year before the
    period the sentence gives both."""
    out: list[Figure] = []
    for f in figures:
        if _PRIOR_IS.search(text[max(0, f.start - 8) : f.start]) and out:
            # "每股12港仙，上年為8港仙": the year before the figure it follows, whatever a news
            # story's date would make of 上年.
            before = out[-1]
            f = replace(f, period=_year_before(before.period) if before.period else None)
        elif (
            f.period
            and _COMPARED_WITH.search(text[max(0, f.start - 16) : f.start])
            and _A_YEAR_EARLIER.search(_PARENS.sub(lambda m: " " * len(m.group()), text[f.end : f.end + 80]))
        ):
            f = replace(f, period=_year_before(f.period))
        out.append(f)
    return out


_PRIOR_IS = re.compile(r"[，,；;]\s*(?:上年|去年|上年同期|去年同期)(?:则|則)?(?:为|為|是)?\s*(?:每股)?\s*$")


def _year_before(period: str) -> str:
    """2024 → 2023, 2025H1 → 2024H1, 2024-12-31 → 2023-12-31."""
    m = re.fullmatch(r"(\d{4})(.*)", period)
    return f"{int(m.group(1)) - 1}{m.group(2)}" if m else period


_REPORTING = re.compile(r"\d{4}(?:H[12])?")


def _reporting_period(text: str, figures: list[Figure], anchor: str | None) -> list[Figure]:
    """In a report on a year or a half ("…-results-2025h1"), a figure whose sentence names no
    period at all ("行政開支減少15.6%") is the reporting period's."""
    if not anchor or not _REPORTING.fullmatch(anchor):
        return figures
    spans = sentence_spans(text)
    out = []
    for f in figures:
        if f.period is None and f.unit:  # a bare number may be a cell of a table cut from its header
            lo, hi = next(((s, e) for s, e in spans if s <= f.start < e), (f.start, f.end))
            # "(1H2024: nil)" in a report on 2025H1 labels the comparative; it does not date the
            # sentence. Other periods do.
            mentions = parse_periods(text[lo:hi])
            named = {p.id for p in mentions}
            labels = {p.id for m in _PARENS.finditer(text, lo, hi) for p in parse_periods(m.group())}
            # "綜合毛利率為13.27%，較2023年的12.05%提高": 2023 is what the figure is measured against.
            bases = {p.id for p in mentions if _COMPARED.search(text[max(lo, lo + p.start - 4) : lo + p.start])}
            if not named or named <= ((labels | bases) & {prior_period(anchor)}):
                f = replace(f, period=anchor)
        out.append(f)
    return out


_FROM = re.compile(r"(?:from|由|从|從)\s*(?:上年同期的|去年同期的|上年的|the prior year's)?\s*$", re.I)
_TO = re.compile(r"(?:to|至|到)\s*$", re.I)


_CUMULATIVE = re.compile(r"(?:累计|累計|合计|合計|合共|总计|總計|cumulative|in total|combined)\S{0,6}$", re.I)


def _cumulative(text: str, figures: list[Figure]) -> list[Figure]:
    """ "四年累計虧損63.57億元" spans several periods: it is no single period's figure."""
    out = []
    for f in figures:
        if (
            f.period
            and "-" not in f.period[:5]
            and f.unit not in ("%", "pp")  # "合共佔總收入的38.6%" is one year's share
            and _CUMULATIVE.search(text[max(0, f.start - 10) : f.start])
        ):
            f = replace(f, period=None)
        out.append(f)
    return out


def from_to(text: str, figures: list[Figure], anchor: str | None = None) -> list[Figure]:
    """In "from A to B" / "rose to B from A" / "B, up from A" / "由A升至B" the earlier figure belongs to the period
    before the later one's: "Gross margin rose to 37.2% from 33.9%" in a 2025H1 report is
    37.2% for 2025H1 and 33.9% for 2024H1. Periods the text states are kept."""
    out = list(figures)
    for i in range(len(out) - 1):
        # The partner is the next figure in the same unit: "由42.1%上升3.2個百分點至45.3%".
        j = next((j for j in range(i + 1, len(out)) if out[j].unit == out[i].unit), None)
        if j is None:
            continue
        a, b = out[i], out[j]
        if a.metric and b.metric and a.metric != b.metric:
            continue
        before, between = text[max(0, a.start - 12) : a.start], text[a.end : b.start]
        if len(between) > 40 or re.search(r"[。；;]", between):
            continue
        if _FROM.search(before) and re.search(r"(?:to|至|到)", between, re.I):
            earlier, later = i, j
        elif (_TO.search(before) and re.search(r"\bfrom\b", between, re.I)) or re.search(
            r"\b(?:up|down|rising|falling|increased|decreased|compared)?\s*(?:from|with)\s*$", between, re.I
        ):
            # "rose to 37.2% from 33.9%", "was RMB185.5 million, up from RMB111.0 million"
            earlier, later = j, i
        else:
            continue
        current = out[later].period or _context_period(text, out[i].start) or anchor
        if current is None or out[earlier].period not in (None, current):
            continue
        prior = prior_period(current)
        if prior:
            out[later] = replace(out[later], period=current)
            out[earlier] = replace(out[earlier], period=prior)
            # "研發開支佔收入的比例由26.7%下降至23.5%": the later figure measures what the earlier does.
            for x, y in ((later, earlier), (earlier, later)):
                if out[x].metric is None and out[y].metric:
                    out[x] = replace(out[x], metric=out[y].metric, aspect=out[x].aspect or out[y].aspect)
            # The change between them ("an improvement of 3.3 percentage points") is the later period's.
            for k, f in enumerate(out):
                near = abs(f.start - out[later].end) < 60 or abs(out[later].start - f.end) < 60
                if f.period is None and f.aspect in ("growth", "pp_change") and near:
                    out[k] = replace(f, period=current)
    return out


_COMPARED = re.compile(r"(?:较|較|比|相比|对比|對比|compared with|compared to|versus|vs\.?|from|由|从|從)\s*$", re.I)
_PARENS = re.compile(r"[（(][^（）()]*[）)]")


def _context_period(text: str, pos: int) -> str | None:
    """The last single period the text names before `pos`, outside parentheses: a heading or an
    earlier sentence ("2024財年，…") that the figures after it are about."""
    before = _PARENS.sub(lambda m: " " * len(m.group()), text[:pos])
    ids = [
        p.id
        for p in parse_periods(before)
        if p.id
        and re.fullmatch(r"\d{4}(?:H[12]|Q[1-4])?", p.id)
        and not _COMPARED.search(before[max(0, p.start - 14) : p.start])  # "較2023財年的…" is a base
    ]
    return ids[-1] if ids else None


def prior_period(period: str) -> str | None:
    """The same span a year earlier: 2025H1 → 2024H1, 2024 → 2023; None for dates."""
    if re.fullmatch(r"\d{4}(?:H[12]|Q[1-4])?", period):
        return str(int(period[:4]) - 1) + period[4:]
    return None


def year_after(period: str) -> str | None:
    """The same span or date a year later: 2024-12-31 → 2025-12-31, 2024H1 → 2025H1."""
    if re.fullmatch(r"\d{4}(?:H[12]|Q[1-4]|-\d\d-\d\d)?", period):
        return str(int(period[:4]) + 1) + period[4:]
    return None


def figures_in(
    passages: list[Passage], lexicon: EntityLexicon, before: Callable[[Passage], str] | None = None
) -> list[Evidence]:
    """Every figure of every passage, each tied to a company and a sentence.

    `before(p)` gives the document text that precedes a passage: a table's rows are read with
    the title and header lines that a chunk boundary cut them from (see `table_lead`).
    """
    out: list[Evidence] = []
    for rank, p in enumerate(passages):
        lead = table_lead(before(p), p.text) if before else ""
        spans = sentence_spans(p.text)
        mentions = lexicon.mentions(p.text)
        subject = lexicon.subject(p.doc_id)
        previous: Figure | None = None
        shift = len(lead)
        items = series_items(p.text, spans)
        for f in _parsed(lead + p.text, lexicon.periods.get(p.doc_id)):
            if f.start < shift:
                continue  # a figure of the lead-in, not of this passage
            if shift:
                f = replace(f, start=f.start - shift, end=f.end - shift)
            sentence = next(((s, e) for s, e in spans if s <= f.start < e), (f.start, f.end))
            # "2024年毛利率降至53.2%…；2025年H1進一步下滑至31.9%": a clause without a metric term
            # continues the metric of the figure before it in the same sentence.
            # "公司收入8.27亿元，其中澄瓣系列占50.9%": a share without a metric is a share of it too.
            if (
                f.metric is None
                and previous
                and previous.metric
                and (previous.unit == f.unit or (f.aspect == "share" and previous.aspect in (None, "share")))
                and previous.start >= sentence[0]
            ):
                shared = "share" if previous.aspect == "share" and f.unit == previous.unit else f.aspect
                f = replace(f, metric=previous.metric, aspect=shared)
            if f.metric is None and f.unit == "%" and f.aspect is None:
                f = _share_named_before(p.text, f, sentence)
            previous = f
            dateline = lexicon.datelines.get(p.doc_id)
            if dateline and f.metric in _PRICED_DAILY:
                f = _dated(f, p.text[sentence[0] : sentence[1]], dateline)
            owner = _owner(f, sentence, mentions, p.text, subject)
            item = item_of(items, f)
            # An item of "香港、澳門及內地收入分別為…" is narrowed by its own name (`scope_text`).
            segment = "" if item else _segment(p.text, f, sentence, mentions)
            last = out[-1] if out and out[-1].passage is p else None
            if not segment and f.aspect == "growth" and last and last.sentence == sentence:
                # "內地零售收益超2.1億港元，同比增幅超26%": the growth of the line named before it.
                segment = last.segment if last.figure.metric == f.metric else ""
            title = lexicon.titles.get(p.doc_id, "")
            out.append(Evidence(f, p, rank, owner, sentence, title, segment, item))
    return out


def item_of(items: dict[int, tuple[int, int, int, int]], f: Figure) -> tuple[int, int, int, int] | None:
    """The list item `series_items` gives figure `f` (keyed by where its digits start)."""
    digit = re.search(r"\d", f.text)
    return items.get(f.start + (digit.start() if digit else 0))


_PRICED_DAILY = frozenset({"share_price", "market_cap"})
_YESTERDAY = re.compile(r"昨日|昨天|前一交易日|(?<![a-z])(?:yesterday)(?![a-z])", re.I)


def _dated(f: Figure, sentence: str, dateline: str) -> Figure:
    """A story's share price whose sentence names no day is of the day the story is dated, or
    the day before ("昨日收報1.12港元")."""
    if any(p.kind == "date" for p in parse_periods(sentence)):
        return f
    day = date.fromisoformat(dateline)
    if _YESTERDAY.search(sentence):
        day -= timedelta(days=1)
    return replace(f, period=day.isoformat())


_RESPECTIVELY = re.compile(r"分[别別]")
_ENUMERATION_COMMA = re.compile(r"、")
_ITEM_SEP = re.compile(r"[、,，及和与與]|以及")
_SERIES_FIGURE = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?\s*(?:%|[万萬亿億千百]+)?")


def series_items(text: str, spans: tuple[tuple[int, int], ...]) -> dict[int, tuple[int, int, int, int]]:
    """For a list of parts and the figures 分別 gives them ("香港、澳門及內地收入分別為約8.12億港元、
    1.49億港元及2.75億港元"): each figure's start → (its item's span, the list's span)."""
    out: dict[int, tuple[int, int, int, int]] = {}
    for lo, hi in spans:
        items: list[tuple[int, int]] = []
        for m in _RESPECTIVELY.finditer(text, lo, hi):
            head = max((c.end() for c in _CLAUSE_END.finditer(text, lo, m.start())), default=lo)
            tail = next((c.start() for c in re.finditer(r"[，；;。]|,(?!\d)", text[m.end() : hi])), hi - m.end())
            numbers = [f for f in _SERIES_FIGURE.finditer(text, m.end(), m.end() + tail)]
            listed = _list_items(text, head, m.start())
            if listed and len(listed) != len(numbers):
                # "市政水处理设备、工业废水解决方案、膜产品及耗材…分别为A、B和C": 及 may join one item.
                listed = _list_items(text, head, m.start(), _ENUMERATION_COMMA) or listed
            if listed:
                items = listed
            if not items or len(numbers) != len(items):
                continue
            for (a, b), f in zip(items, numbers, strict=True):
                out[f.start()] = (a, b, items[0][0], items[-1][1])
    return out


def _list_items(text: str, lo: int, hi: int, separator: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """The items of a list of names that ends a clause ("香港、澳門及內地收入"), the last one without
    the metric's name; [] unless it lists two or more and none of them is a period."""
    clause_text = text[lo:hi]
    cuts = [(m.start(), m.end()) for m in (separator or _ITEM_SEP).finditer(clause_text)]
    if not cuts:
        return []
    items: list[tuple[int, int]] = []
    start = 0
    for a, b in cuts:
        items.append((start, a))
        start = b
    items.append((start, len(clause_text)))
    first = clause_text[items[0][0] : items[0][1]]
    lead = parse_periods(first)
    if lead and not first[: lead[0].start].strip():
        items[0] = (items[0][0] + lead[0].end, items[0][1])  # "本年度香港、澳門及內地…": 本年度 is no item
    last = clause_text[items[-1][0] : items[-1][1]]
    terms = glossary.metrics_in(glossary.fold(last), folded=True)
    if terms:
        items[-1] = (items[-1][0], items[-1][0] + terms[0][1])
    elif "的" in last[1:]:
        items[-1] = (items[-1][0], items[-1][0] + last.index("的", 1))  # "灵便型船的平均日租金"
    last = clause_text[items[-1][0] : items[-1][1]]
    tail = parse_periods(last)
    if tail and tail[0].start > 0:
        items[-1] = (items[-1][0], items[-1][0] + tail[0].start)  # "…耗材三大板块2025年收入"
    spans = [(lo + a, lo + b) for a, b in items]
    words = [text[a:b].strip() for a, b in spans]
    if len(spans) < 2 or any(not w or len(w) > 12 for w in words) or any(parse_periods(w) for w in words):
        return []
    return spans


_SHARE_OF = re.compile(r"(?<![a-z])(?:share|proportion|percentage)\s+of\b|占比|佔比|比重", re.I)


def _share_named_before(text: str, f: Figure, sentence: tuple[int, int]) -> Figure:
    """ "The share of online sales in revenue rose … from 11.1% … to 13.2%": a share of revenue."""
    before = text[sentence[0] : f.start]
    shares = list(_SHARE_OF.finditer(before))
    if not shares:
        return f
    share = shares[-1]
    named = [m for m, _, _ in glossary.metrics_in(before[share.start() :]) if m not in glossary.ASPECT_IDS]
    named = named or [m for m, _, _ in glossary.metrics_in(before[: share.start()]) if m not in glossary.ASPECT_IDS]
    return replace(f, metric=named[-1], aspect="share") if named else f


# A table row: tab- or pipe-separated cells, a label then numbers to the end of the line, or
# columns aligned with runs of spaces ("毛利率      34.2%      31.5%   +2.7個百分點").
_TABLE_LINE = re.compile(
    r"\t|\|.*\||\S\s+[-+(（]?\d[\d,.]*%?[)）]?(?:\s+[-+(（]?\d[\d,.]*%?[)）]?)+\s*$"
    r"|\S {2,}[-+(（]?\d[\d,.]*%?[)）]? {2,}[-+(（]?\d"
)


LEAD_WINDOW = 2000  # how far back a table's title and header are looked for, in characters


def table_lead(preceding: str, text: str) -> str:
    """When `text` opens with table rows, the lines above it that belong to the same table: the
    rows, the header and the title with its unit note ("Key items (RMB'000 …)"); else ""."""
    head = text.split("\n", 2)
    # A chunk may also open on the header line its predecessor ends with, then the rows.
    opens_header = len(head) > 1 and _TABLE_LINE.search(head[1]) and not _SENTENCE_END.search(head[0])
    if not _TABLE_LINE.search(head[0]) and not opens_header:
        return ""
    lines = preceding[-LEAD_WINDOW:].split("\n")
    # The chunk may start after its first line's indent, which places that line's cells.
    indent = lines.pop() if lines and not lines[-1].strip() else ""
    if lines and lines[-1].strip() == head[0].strip():
        lines.pop()  # the overlap: that line is the chunk's own
    kept: list[str] = []
    titles = 0
    gap = False
    while lines:
        line = lines.pop()
        if _TABLE_LINE.search(line):
            kept.append(line)
            continue
        if not line.strip():
            if not gap:
                # One blank line may stand between a title or unit note and its table or header.
                gap = True
                continue
            break
        if titles == 3:
            break
        if _SENTENCE_END.search(line):
            # A note between a heading and the table: the heading above it titles the table.
            heading = next((x for x in reversed(lines[-2:]) if x.strip()), "")
            if not heading.lstrip().startswith("#"):
                break
            kept += [line, heading]
            break
        kept.append(line)  # the header line, then the title
        titles += 1
        if line.rstrip().endswith((":", "：")):
            break  # "Revenue by geographical location of customers:" opens this table; rows above are another's
    return "\n".join(reversed(kept)) + "\n" + indent if kept else ""


_SENTENCE_END = re.compile(r"[。.!?！？;；]\s*$")


# Words that may stand right before a metric's name without narrowing it: the company, a period,
# "total", a verb ("實現收入"), a particle.
_PLAIN = re.compile(
    r"\d{4}年?(?:上半年|下半年|第[一二三四1-4]季度|财年|年度)?|上半年|下半年|本公司|公司|本集团|集团|本期间|期内|年内|"
    r"全年|年度|总|合计|合共|累计|综合|主营业务|主营|营业|其中|其(?!他)|该|同期|当期|去年|上年|今年|本年|实现|录得|取得|获得|"
    r"达到|达|为|的|及|和|与|之|已|共|约|逾|近|超过"
)
_HAN = re.compile(r"[\u3400-\u9fff]")


def _segment(text: str, f: Figure, sentence: tuple[int, int], mentions: list) -> str:
    """The words that narrow the metric a figure is attributed by ("澄瓣系列收入由…1.21亿元"):
    such a figure is a part of the metric, not the metric itself. Chinese only: English puts
    adjectives there that do not narrow ("annual revenue")."""
    if f.metric is None:
        return ""
    line = text.rfind("\n", 0, f.start) + 1
    heading = _HEADING.match(glossary.fold(text[line : f.start]))
    if heading and _SEGMENT.search(heading.group(1)):
        return heading.group(1)  # "冷鏈倉儲業務：報告期內實現營業收入72,391.06萬元，…佔…39.21%"
    if f.unit in ("%", "pp", "bp") and f.aspect != "growth":
        return ""
    lo = sentence[0]
    source = _REVENUE_FROM.search(text, lo, f.start)
    if source and f.metric == "revenue" and not _WHOLE_SOURCE.match(source.group(1)):
        return source.group(1).lower()  # "Revenue from intraoral scanners … increased by 34.4%"
    folded = glossary.fold(text[lo : f.start])
    item = _LIST_ITEM.search(folded)
    if item and _SEGMENT.search(item.group(1)):
        return _WITHIN_LEAD.sub("", item.group(1))  # "其中香港128間（2024年3月31日：124間）、中國內地58間"
    if f.aspect == "growth":
        # "内地零售增长两成半": the line right before the change word, with no metric term between.
        run = re.search(r"([\u3400-\u9fff]{2,12})" + _CHANGE_TAIL, folded)
        if run and _SEGMENT.search(run.group(1)):
            return _WITHIN_LEAD.sub("", run.group(1))
    terms = [(s, e) for m, s, e in glossary.metrics_in(folded, folded=True) if m == f.metric]
    if not terms:
        return ""
    start = terms[-1][0]
    word = re.search(r"[\u3400-\u9fffa-z0-9]{1,16}$", folded[:start])
    if not word or not _HAN.search(word.group()):
        return ""
    chars = list(word.group())
    for m in mentions:  # the company's own name narrows nothing
        for k in range(max(m.start, lo + word.start()), min(m.end, lo + word.end())):
            chars[k - lo - word.start()] = " "
    pieces = _PLAIN.sub(" ", "".join(chars)).split()
    if not pieces or not "".join(chars).endswith(pieces[-1]):
        return ""  # what stands right before the name is the company, a period or a plain word
    last = _WITHIN_LEAD.sub("", pieces[-1])
    return last if _SEGMENT.search(last) and len(last) >= 2 else ""


# English names a line after its metric: "Revenue from dental implant systems increased by …".
_REVENUE_FROM = re.compile(
    r"\b(?:revenues?|sales)\s+(?:from|of|generated\s+(?:from|by))\s+(?:the\s+|our\s+|its\s+)?([a-z][a-z\s,&-]{2,60}?)"
    r"\s+(?:increased|decreased|grew|rose|fell|declined|was|were|amounted|accounted|reached|totall?ed)\b",
    re.I,
)
# …but "revenue from contracts with customers" is all of it.
_WHOLE_SOURCE = re.compile(r"(?:contracts\s+with\s+customers|(?:continuing\s+)?operations|the\s+group)\b", re.I)
_WITHIN_LEAD = re.compile(r"^其中")
# A list item: a region or line right before its figure, after 其中 or a list mark, and the
# year-earlier figure in brackets after it.
_LIST_ITEM = re.compile(
    r"(?:其中|[、，,；;：:])\s*([\u3400-\u9fff]{2,8}?)(?:为|约|达|逾|超|近)*\s*"
    r"(?:[\d,.]+\s*[\u3400-\u9fff]?\s*[（(][^（）()]{0,24}[:：]\s*)?$"
)
_CHANGE_TAIL = r"(?:同比|按年)?(?:增长|增幅|上升|下降|减少|增加|下滑|增|升|降)(?:为|了|约|近|逾|超过?)*\s*$"


def is_segment(word: str) -> bool:
    """Whether a word names a line of business or a region ("海外", "澄瓣系列", "北美")."""
    return bool(_SEGMENT.search(glossary.fold(word)))


# What names a line of business or a region: "澄瓣系列", "PCIe加速卡", "服务器及集群", "海外".
_SEGMENT = re.compile(
    r"(?:系列|业务|产品|分部|板块|服务|服务器|集群|模块|模组|加速卡|芯片|器械|设备|软件|零售|批发|境内|地区|美洲|亚洲|欧美|码头"
    r"|网上|线上|线下|电商|" + "|".join(zh for _, names in glossary.REGIONS for zh in names) + r")$"
    r"|[a-z]+\d+[a-z]*$|\d+[a-z]+$"
)


_CLAUSE_END = re.compile(r"[，；;。！？!?\n]|,(?!\d)")  # not the comma of 8,000
# A line that opens with what it is about: "冷鏈倉儲業務：…".
_HEADING = re.compile(r"\s*([\u3400-\u9fffa-z0-9]{2,16})[:：]")


def _owner(f: Figure, sentence: tuple[int, int], mentions: list, text: str, subject: str | None) -> str | None:
    """The company a figure belongs to: named in its clause, else in its sentence, else the
    document's subject. A name right before the figure wins over one after it."""
    start, end = clause(text, f.start, sentence)
    for lo, hi in ((start, end), sentence):
        inside = [m for m in mentions if lo <= m.start < hi]
        before = [m for m in inside if m.start <= f.start]
        # "同業蘇州晟瓴醫療…74.5%", "Glenmoor's margin trails that of rival Saiyuan Dairy, which
        # reported … 36.9%": a peer named after the last company the text names is no known one.
        after_last = before[-1].end if before else lo
        if _PEER.search(normalise(text[after_last : f.start])):
            return None
        if inside:
            return (before[-1] if before else inside[0]).key
    return subject


_ASKS = re.compile(r"[?？]|多少|几|幾|是否|what|how|which|who", re.I)
# Words that put a company other than the subject first: a peer, or one the subject is buying.
_PEER = re.compile(
    r"同业|同行|竞争对手|对手|收购的|(?<![a-z])(?:peers?|rivals?|competitors?|acquisition\s+target)(?![a-z])"
)


def clause(text: str, pos: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause of `sentence` around `pos`: between commas, semicolons or line breaks."""
    lo, hi = sentence
    left = max((m.end() for m in _CLAUSE_END.finditer(text, lo, pos)), default=lo)
    right = next((m.start() for m in _CLAUSE_END.finditer(text, pos, hi)), hi)
    return left, right


# Words that make a figure a plan or a forecast, not an outcome ("計劃淨增門店150至180間",
# "他预计，公司2025年归母净利润约16.3亿元", "plans capex of …").
_PLAN = re.compile(
    r"计划|规划|预计|预期|预测|预估|估计|目标|指引|力争|争取|有望|(?<![a-z])(?:plans?|planned|planning|expect(?:s|ed|ing)?"
    r"|targets?|targeting|guidance|aims?|aiming|intends?|forecast(?:s|ed|ing)?|estimat(?:e|es|ed|ing)"
    r"|project(?:s|ed|ing)?|projections?)(?![a-z])",
    re.I,
)
# "超出市场预期，": a result set against a forecast, not a forecast.
_MEASURED_AGAINST = re.compile(r"超出|超过|高于|低于|符合|好于|逊于|胜于|不及|beat|above|below|than|with|exceed", re.I)
_CONTINUES = re.compile(r"\s*(?:并且|並且|并|並|且|以及|及|and\b|while\b)", re.I)
_SPEAKER = 8  # a clause this short before a comma is a speaker and verb: "他预计，", "分析師預期，"


def asks_plan(text: str) -> bool:
    """Whether a question or claim is itself about a plan, target or forecast."""
    return bool(_PLAN.search(normalise(text)))


def plan_before(text: str, pos: int, sentence: tuple[int, int]) -> bool:
    """Whether the clause that governs `pos` makes it a plan or forecast: its own clause, one it
    continues ("目標…，並於2027財年收入達到30億元"), or a speaker's verb before it ("他预计，")."""
    lo = clause(text, pos, sentence)[0]
    while lo > sentence[0]:
        before = clause(text, max(sentence[0], lo - 2), sentence)[0]
        said = normalise(text[before:lo])
        if any(m.end() >= len(said.rstrip(" ，,:：")) - 1 for m in _plan_words(said)):
            return True  # "匯晉證券分析師陳嘉欣預測，…": all the speaker goes on to say is forecast
        # "…2026年收入可達約18.3億元，股東應佔溢利約2.7億元": a clause that names no period of its
        # own goes on with the one before it.
        bare = not any(p.id for p in parse_periods(text[lo:pos]))
        if not (_CONTINUES.match(text, lo) or len(said.strip()) <= _SPEAKER or bare):
            break
        lo = before
    return any(_plan_words(normalise(text[lo:pos])))


def _plan_words(text: str) -> list[re.Match[str]]:
    """The plan and forecast words of `text`, leaving out those a result is measured against."""
    return [m for m in _PLAN.finditer(text) if not _MEASURED_AGAINST.search(text[max(0, m.start() - 8) : m.start()])]


def is_planned(ev: Evidence) -> bool:
    """Whether a figure is stated as a plan, target or forecast rather than as what happened."""
    return plan_before(ev.passage.text, ev.figure.start, ev.sentence)


def unit_kind(f: Figure) -> str:
    return _UNIT_KIND.get(f.unit, "number")


def fits_metric(f: Figure, metric: str) -> bool:
    """Whether a figure's unit can measure `metric` (a money metric is not stated in %)."""
    info = glossary.METRICS.get(metric)
    if info is None:
        return True
    kind = unit_kind(f)
    if f.aspect in ("growth", "cagr", "share", "pp_change"):
        return kind == "percent"  # a rate or a share of the metric, whatever the metric's own unit
    if info.unit_kind == "money":
        return kind in ("money", "number")
    return kind == info.unit_kind or kind == "number"


def same_period(figure_period: str | None, wanted: str) -> bool:
    """2024 matches 2024 and the year-end 2024-12-31; 2025H1 matches 2025H1 and 2025-06-30."""
    if figure_period is None:
        return False
    if figure_period == wanted:
        return True
    ends = {"12-31": "", "06-30": "H1"}
    for suffix, half in ends.items():
        if figure_period.endswith(suffix) and figure_period[:4] + half == wanted:
            return True
        if wanted.endswith(suffix) and wanted[:4] + half == figure_period:
            return True
    return False


@dataclass
class Match:
    """Evidence for one (metric, period) of a frame, and what else the documents hold."""

    found: list[Evidence] = field(default_factory=list)
    other_periods: list[Evidence] = field(default_factory=list)  # right metric and company
    other_entities: list[Evidence] = field(default_factory=list)  # right metric and period


def select(frame: Frame, evidence: list[Evidence], metric: str, period: str | None) -> Match:
    """Evidence whose figure states `metric` for `period` and for the frame's company."""
    match = Match()
    for ev in evidence:
        f = ev.figure
        if f.metric != metric or not fits_metric(f, metric):
            continue
        entity_ok = _entity_ok(frame, ev)
        period_ok = period is None or same_period(f.period, period)
        if entity_ok and period_ok:
            match.found.append(ev)
        elif entity_ok:
            match.other_periods.append(ev)
        elif period_ok:
            match.other_entities.append(ev)
    near = glossary.STANDS_IN.get(metric)
    if near and not match.found:
        stand_in = select(frame, evidence, near, period)
        if stand_in.found:
            return stand_in
    return match


PLACE_WORDS = frozenset(w for en, _ in glossary.REGIONS for name in en for w in name.split())


_NAME_RUN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@lru_cache(maxsize=256)
def _name_words(text: str) -> frozenset[str]:
    """Words of the names of two capitalised words or more in `text` ("Korvath Motors"), not
    "Chinese" or a sentence's opening "Including". Cached: read once per question, not per figure."""
    return frozenset(w.lower() for run in _NAME_RUN.findall(text) for w in run.split())


def _entity_ok(frame: Frame, ev: Evidence) -> bool:
    named = _name_words(frame.text)
    others = [n for n in frame.other_names if n in named and n not in PLACE_WORDS]
    if frame.entities and others and ev.entity in frame.entities:
        # "How much revenue did Korvath Motors contribute to Ardentia": a figure whose clause
        # leaves out the customer ("…收入約為782.3百萬元，…，以及向客戶Korvath Motors供應") is not its.
        clause = normalise(ev.line_text)
        return all(n in clause or n in ev.doc_title for n in others)
    if frame.entities:
        return ev.entity in frame.entities
    if frame.unknown_names:
        # A company no document names ("Meisi Bakery Group"): nothing here is about it, though
        # a word beside its name ("Bakery") may be in the documents.
        return False
    if frame.other_names:
        # A name the documents use without its legal form ("Nimbus Cloud"): the figure's
        # sentence or its document's title must carry it.
        sentence = normalise(ev.sentence_text)
        return all(n in sentence or n in ev.doc_title for n in frame.other_names)
    return True
