"""Figures as values: amounts, percentages, multiples and counts, with their periods and metrics.

Everything is matched on folded text (glossary.fold: Traditional→Simplified, half width, lowercase),
which has the length of the original, so every offset points into the text the caller gave.
Values are Decimal throughout: 16.4億 is 1,640,000,000 exactly.

Figures come from sentences and from tables (pipe, tab-separated and plain PDF rows). A change or a
share carries the metric it is about plus an aspect ("growth", "cagr", "pp_change", "share").
Relative periods (上半年, "a year earlier", 本期間) resolve against the sentence, else an anchor:
the period the document reports on (document_period).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from itertools import pairwise
from pathlib import Path

from . import glossary
from .glossary import fold
from .text import in_script

__all__ = [
    "ASPECTS",
    "CURRENCIES",
    "Figure",
    "Period",
    "document_period",
    "parse_figures",
    "parse_number",
    "parse_periods",
]

CURRENCIES = ("CNY", "HKD", "USD", "EUR", "GBP", "JPY", "TWD", "SGD", "AUD")
QUALIFIERS = ("approx", "over", "under", "nearly", "up_to")
# What a figure measures of its metric: a change rate, a compound rate, a change in percentage
# points, or a share of a total. A figure without an aspect is the metric's own level.
ASPECTS = ("growth", "cagr", "pp_change", "share", "change")
DURATIONS = ("years", "months", "days", "hours", "minutes")

_ONE = Decimal(1)
_HALF = Decimal("0.5")


# ---------------------------------------------------------------------------------------------
# Value objects


@dataclass(frozen=True)
class Period:
    """A period mention: a year, half, quarter, month, date, or a range of them."""

    # "2024", "2025H1", "2024Q3", "2025-06", "2025-06-30", "2024-09-9M" (nine months to
    # September), "2022-2024" (a range); None for a relative mention the text does not resolve.
    id: str | None
    start: int
    end: int
    text: str
    kind: str  # "year", "half", "quarter", "months", "month", "date", "range", "relative"
    members: tuple[str, ...] = ()  # a range's periods in order: ("2022", "2023", "2024")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "members": list(self.members),
        }


@dataclass(frozen=True)
class Figure:
    """One stated figure: an exact value in base units, its unit, span, period and metric."""

    value: Decimal  # base units: 3.37億元 -> 337000000, 76.4% -> 76.4; negative when stated so
    unit: str  # a CURRENCIES code, "%", "pp", "bp", "x", "count", "shares", a DURATIONS unit, ""
    text: str  # the source span, text[start:end]
    start: int
    end: int
    qualifier: str | None = None  # one of QUALIFIERS
    precision: Decimal = _HALF  # half a unit of the last stated digit, in base units
    period: str | None = None  # a Period id
    metric: str | None = None  # a glossary.METRICS id; for an aspect, the metric it is about
    negative: bool = False  # an explicit sign: -5, 負5, (5); a loss stays positive
    aspect: str | None = None  # one of ASPECTS: 同比增長43.2% is revenue's "growth"
    direction: str | None = None  # "up" / "down" for a change the text states a direction of
    part: bool = False  # a line of a breakdown whose total is stated too ("Edge AI modules" under "Total")

    def to_dict(self) -> dict:
        """JSON-safe form; Decimals become plain strings."""
        return {
            "value": _plain(self.value),
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "qualifier": self.qualifier,
            "precision": _plain(self.precision),
            "period": self.period,
            "metric": self.metric,
            "negative": self.negative,
            "aspect": self.aspect,
            "direction": self.direction,
            "part": self.part,
        }

    @property
    def family(self) -> str:
        """Units that compare with each other: a currency, "%", "points" (pp and bp), ..."""
        return "points" if self.unit in ("pp", "bp") else self.unit

    def _in_family(self) -> tuple[Decimal, Decimal]:
        # Basis points compare as percentage points.
        if self.unit == "bp":
            return self.value / 100, self.precision / 100
        return self.value, self.precision

    def matches(self, other: Figure) -> bool:
        """Same unit family and values within the looser precision, honouring qualifiers."""
        if self.family != other.family:
            return False
        a, pa = self._in_family()
        b, pb = other._in_family()
        if self.qualifier is None and other.qualifier is None:
            return abs(a - b) <= max(pa, pb)
        if self.qualifier is None or other.qualifier is None:
            q, x, px, v, pv = (self.qualifier, a, pa, b, pb) if self.qualifier else (other.qualifier, b, pb, a, pa)
            return _satisfies(q, x, px, v, pv)
        lo_a, hi_a = _interval(self.qualifier, a, pa)
        lo_b, hi_b = _interval(other.qualifier, b, pb)
        return max(lo_a, lo_b) < min(hi_a, hi_b)

    def display(self, lang: str = "en") -> str:
        """The figure written for people in "en", "zh-Hans" or "zh-Hant"."""
        if lang == "en":
            return _display_en(self)
        text = _display_zh(self)
        return in_script(text, lang)


def _approx_tolerance(x: Decimal, px: Decimal) -> Decimal:
    return max(px, abs(x) * Decimal("0.05"))


def _satisfies(q: str, x: Decimal, px: Decimal, v: Decimal, pv: Decimal) -> bool:
    # `v` is stated exactly; `x` carries the qualifier.
    if q == "approx":
        return abs(v - x) <= max(_approx_tolerance(x, px), pv)
    if q == "over":
        return v > x
    if q == "under":
        return v < x
    if q == "nearly":
        return x - max(abs(x) * Decimal("0.1"), px) <= v <= x
    if q == "up_to":
        return v <= x
    return abs(v - x) <= max(px, pv)


_INF = Decimal("Infinity")


def _interval(q: str | None, x: Decimal, px: Decimal) -> tuple[Decimal, Decimal]:
    if q == "approx":
        t = _approx_tolerance(x, px)
        return x - t, x + t
    if q == "over":
        return x, _INF
    if q == "under":
        return -_INF, x
    if q == "nearly":
        return x - max(abs(x) * Decimal("0.1"), px), x
    if q == "up_to":
        return -_INF, x
    return x - px, x + px


# ---------------------------------------------------------------------------------------------
# Display

_CCY_ZH = {
    "CNY": "元",
    "HKD": "港元",
    "USD": "美元",
    "EUR": "欧元",
    "GBP": "英镑",
    "JPY": "日元",
    "TWD": "新台币",
    "SGD": "新加坡元",
    "AUD": "澳元",
}
_UNIT_ZH = {
    "%": "%",
    "pp": "个百分点",
    "bp": "个基点",
    "x": "倍",
    "shares": "股",
    "years": "年",
    "months": "个月",
    "days": "天",
    "hours": "小时",
    "minutes": "分钟",
}
_QUAL_ZH = {"approx": "约", "over": "超过", "under": "不足", "nearly": "近", "up_to": "最多"}
_QUAL_EN = {
    "approx": "about",
    "over": "over",
    "under": "under",
    "nearly": "nearly",
    "up_to": "up to",
}
_UNIT_EN = {
    "%": "%",
    "pp": " pp",
    "bp": " bp",
    "x": "x",
    "shares": " shares",
    "years": " years",
    "months": " months",
    "days": " days",
    "hours": " hours",
    "minutes": " minutes",
}


def _plain(d: Decimal) -> str:
    return format(_clean(d), "f")


def _grouped(d: Decimal) -> str:
    d = _clean(d)
    return f"{d:,f}"


def _display_en(f: Figure) -> str:
    body = _grouped(f.value)
    if f.unit in CURRENCIES:
        body = f"{body} {f.unit}"
    elif f.unit in _UNIT_EN:
        body += _UNIT_EN[f.unit]
    q = _QUAL_EN.get(f.qualifier or "")
    return f"{q} {body}" if q else body


def _display_zh(f: Figure) -> str:
    value = f.value
    body = ""
    if f.unit in CURRENCIES or f.unit in ("shares", "count", ""):
        for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
            if abs(value) >= scale:
                body = _plain(value / scale) + word
                break
        else:
            body = _plain(value)
    else:
        body = _plain(value)
    body += _CCY_ZH.get(f.unit, "") + _UNIT_ZH.get(f.unit, "")
    return _QUAL_ZH.get(f.qualifier or "", "") + body


# ---------------------------------------------------------------------------------------------
# Numbers

_ZH_DIGIT = {c: d for d, cs in enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七", "八", "九")) for c in cs}
_ZH_SMALL = {"十": 10, "百": 100, "千": 1000}
_ZH_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_EN_SCALE = {
    **dict.fromkeys(("thousand", "k"), 10**3),
    **dict.fromkeys(("million", "mn", "mln", "m"), 10**6),
    **dict.fromkeys(("billion", "bn", "b"), 10**9),
    **dict.fromkeys(("trillion", "tn"), 10**12),
}


def _clean(d: Decimal) -> Decimal:
    """The same number without trailing zeros after the point, and never in exponent form."""
    with localcontext() as ctx:
        ctx.prec = 60
        if d == d.to_integral_value():
            return d.quantize(_ONE)
        return d.normalize()


def _zh_section(s: str) -> tuple[Decimal, Decimal | None]:
    """Value of a numeral below 万 (may hold 点), and the place of its last stated digit."""
    if "点" in s:
        whole, frac = s.split("点", 1)
        value, place = _zh_section(whole) if whole else (Decimal(0), _ONE)
        digits = "".join(str(_ZH_DIGIT[c]) for c in frac if c in _ZH_DIGIT)
        if digits:
            value += Decimal("0." + digits)
            place = Decimal(1).scaleb(-len(digits))
        return value, place
    if len(s) > 1 and all(c in _ZH_DIGIT for c in s):  # 二〇二四: digit by digit
        return Decimal("".join(str(_ZH_DIGIT[c]) for c in s)), _ONE
    total = 0
    digit: int | None = None
    place: int | None = None
    for c in s:
        if c in _ZH_DIGIT:
            digit = _ZH_DIGIT[c]
        elif c in _ZH_SMALL:
            d = 1 if digit is None else digit
            total += d * _ZH_SMALL[c]
            if d:
                place = _ZH_SMALL[c]
            digit = None
    if digit:
        total += digit
        place = 1
    return Decimal(total), (Decimal(place) if place else None)


def _zh_number(s: str) -> tuple[Decimal, Decimal]:
    """Value and last stated place of a Chinese numeral: 一百二十万 -> (1200000, 100000)."""
    for big, mult in (("亿", 10**8), ("万", 10**4)):
        if big in s:
            left, right = s.split(big, 1)
            lv, lp = _zh_number(left) if left else (Decimal(1), _ONE)
            rv, rp = _zh_number(right) if right else (Decimal(0), None)
            value = lv * mult + rv
            place = rp if right and rv else lp * mult
            return value, place
    value, place = _zh_section(s)
    return value, place if place is not None else _ONE


# ---------------------------------------------------------------------------------------------
# Patterns (all on folded text)

_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MON = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?(?![a-z])"
_YF = r"(?P<y>(?:19[5-9]|20\d)\d)"  # a year where the pattern starts: checked by _year_anchors
_YL = r"(?P<y>(?:19[5-9]|20\d)\d)$"  # a year where the pattern ends: matched up to the anchor
_YY = r"(?:'?\s*(?P<y>(?:19[5-9]|20\d)\d)|'?(?P<yy>\d{2}))(?!\d)"  # 2025, '25 or 25
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# A month or day number. Chinese numerals in dates are rewritten as digits of the same length
# (see _digitize), except a lone 十, which has no one-character form: it becomes _TEN.
_TEN = "\ue010"
_MD = rf"(?:\d{{1,2}}|{_TEN})"
# Between a date and its year: a comma, or a wrapped line; not a line break into an indented
# table header ("Six months ended 30 June" over "        2025        2024").
_DATE_GAP = r"[ \t]*,?[ \t]*(?:\n[ \t]{0,2})?"
_NO_YEAR = rf"(?!{_DATE_GAP}(?:19|20)\d\d)"  # a day and month that no year follows
_EN_DATES = (rf"{_DAY}\s+{_MON}{_DATE_GAP}{_YL}", rf"{_MON}\s+{_DAY}{_DATE_GAP}{_YL}")
_ZH_N = r"[\d一二三四五六七八九十两]+"
_ORD = {
    w: n
    for n, words in enumerate(
        (
            ("first", "1st", "一", "1"),
            ("second", "2nd", "二", "2"),
            ("third", "3rd", "三", "3"),
            ("fourth", "4th", "四", "4"),
        ),
        start=1,
    )
    for w in words
}
_EN_N = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "三": 3, "六": 6, "九": 9, "十二": 12}

_CONNECT_RANGE = re.compile(r"\s*(?:至|到|-|–|—|~|to|through|until)\s*")
_CONNECT_LIST = re.compile(r"\s*(?:、|,|，|及|和|与|以及|and|,\s*and|&)\s*")

# Three groups of period patterns, so that a 10,000-character text is not scanned forty times:
# patterns that start at a four-digit year and ones that end at it are tried only around each
# year found; the rest start with a fixed character, which the regex engine scans for quickly.
_YEAR_FIRST: list[tuple[re.Pattern[str], str]] = []
_YEAR_LAST: list[tuple[re.Pattern[str], str]] = []
_OTHER: list[tuple[re.Pattern[str], str]] = []


def _pp(table: list[tuple[re.Pattern[str], str]], kind: str, *patterns: str) -> None:
    for p in patterns:
        table.append((re.compile(p), kind))


_pp(
    _YEAR_FIRST,
    "zh_ended",
    rf"{_YF}\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*日\s*止\s*"
    rf"(?:(?P<n>{_ZH_N})\s*个?\s*月|(?P<yr>(?:财政|财务)?年度|年))",
    # "截至2025年3月底的财年": a fiscal year named by the month it ends.
    rf"{_YF}\s*年\s*(?P<m>{_MD})\s*月\s*(?:底|末)\s*(?:止|的)?\s*(?P<yr>财年|(?:财政|财务)?年度)",
)
_pp(_YEAR_FIRST, "zh_date", rf"{_YF}\s*年\s*(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*[日号]")
_pp(_YEAR_FIRST, "zh_month_end", rf"{_YF}\s*年\s*(?P<m>{_MD})\s*月份?\s*(?:末|底)")
# 二零二四年同期: that year's span matching the current period (2024H1 in a half-year report).
_pp(_YEAR_FIRST, "year_same", rf"{_YF}\s*年\s*(?:的\s*)?同期")
_pp(_YEAR_FIRST, "zh_year_end", rf"{_YF}\s*(?:年末|年底|年终|年年末|年年底)")
_pp(
    _YEAR_FIRST,
    "half",
    rf"{_YF}\s*(?:年|财年|财政年度|年度)?\s*(?:的)?\s*"
    r"(?P<h>上半年|下半年|上半财年|下半财年|半年度|中期|h1|h2|1h|2h|前六个月|前6个月|首六个月|"
    r"1\s*[-至到~]\s*6\s*月|7\s*[-至到~]\s*12\s*月)(?![a-z0-9])",
)
_pp(
    _YEAR_FIRST,
    "quarter",
    rf"{_YF}\s*(?:年|财年)?\s*(?:第\s*)?(?P<q>[一二三四1-4])\s*(?:季度|季)",
    rf"{_YF}\s*(?:年|财年)?\s*q(?P<q>[1-4])(?![a-z0-9])",
)
_pp(
    _YEAR_FIRST,
    "nine_months",
    rf"{_YF}\s*年\s*(?:前三季度|前三季|1\s*[-至到~]\s*9\s*月|前九个月|前9个月)",
)
_pp(_YEAR_FIRST, "zh_month", rf"{_YF}\s*年\s*(?P<m>{_MD})\s*月份?(?!\s*\d)")
_pp(_YEAR_FIRST, "zh_year", rf"{_YF}\s*(?:财年|财政年度|财务年度|年度|年)(?:\s*全年度?)?")
_pp(
    _YEAR_FIRST,
    "iso_date",
    rf"{_YF}-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?!\d)",
    rf"{_YF}/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})(?!\d)",
)
_pp(_YEAR_FIRST, "en_fy", rf"{_YF}\s+(?:fiscal|financial)\s+year")
_pp(_YEAR_FIRST, "split_year", rf"{_YF}\s*/\s*(?:(?P<y2>(?:19|20)\d\d)|(?P<yy>\d{{2}}))(?!\d)")
_pp(_YEAR_FIRST, "short_range", rf"{_YF}\s*(?:年)?\s*[-–~至到]\s*(?P<yy>\d{{2}})\s*年")
_pp(_YEAR_FIRST, "bare_year", _YF)
_ENDED = (
    r"(?:for\s+the\s+)?(?:(?P<n>three|six|nine|twelve|\d{1,2})[\s-]+months?|"
    r"(?P<yr>(?:financial\s+|fiscal\s+)?year))(?:\s+period)?\s+(?:end(?:ed|ing)|to|through)\s+(?:on\s+)?"
)
# "the six months to June 2025": a half, not the month of June.
_pp(_YEAR_LAST, "en_ended", _ENDED + rf"{_MON}\s+{_YL}")
for _d in _EN_DATES:
    _pp(_YEAR_LAST, "en_ended", _ENDED + _d)
    _pp(_YEAR_LAST, "en_date", r"(?:(?:as\s+(?:at|of)|at|on)\s+)?" + _d)
_pp(
    _YEAR_LAST,
    "en_month",
    rf"(?P<end>(?:(?:as\s+(?:at|of)\s+)?(?:the\s+)?end\s+of\s+))?{_MON}\s*,?\s*{_YL}",
)
_pp(_YEAR_LAST, "en_year_end", rf"(?:(?:the\s+)?end\s+of|year[\s-]end(?:ed)?)\s+{_YL}")
_pp(
    _YEAR_LAST,
    "half",
    rf"(?:the\s+)?(?P<w>first|second|1st|2nd)[\s-]+half(?:[\s-]+year)?\s+(?:of\s+)?(?:the\s+)?"
    rf"(?:(?:fiscal|financial)\s+)?(?:year\s+)?(?:fy\s*)?{_YL}",
    rf"(?:the\s+)?(?P<w>first)\s+six\s+months\s+(?:of\s+)?{_YL}",
    rf"(?:jan(?:uary)?\s*(?:-|–|to|through)\s*jun(?:e)?)\s*,?\s*{_YL}",
    rf"(?P<h>jul(?:y)?\s*(?:-|–|to|through)\s*dec(?:ember)?)\s*,?\s*{_YL}",
)
_pp(
    _YEAR_LAST,
    "quarter",
    rf"(?:the\s+)?(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?"
    rf"(?:(?:fiscal|financial)\s+)?(?:year\s+)?(?:fy\s*)?{_YL}",
)
_pp(_YEAR_LAST, "en_fy", rf"(?:fiscal\s+year|financial\s+year|fiscal)\s*{_YL}")
_pp(_YEAR_LAST, "year_same", rf"(?:the\s+)?(?:same|corresponding)\s+period\s+(?:of|in)\s+{_YL}")
# Patterns without a four-digit year. Each starts with a plain character; that no letter or
# digit comes right before a match is checked in _period_cands.
_pp(_OTHER, "half", rf"h(?P<hn>[12])\s*(?:fy\s*)?{_YY}", rf"(?P<hn>[12])h\s*(?:fy\s*)?{_YY}")
_pp(_OTHER, "quarter", rf"q(?P<q>[1-4])\s*(?:fy\s*)?{_YY}", rf"(?P<q>[1-4])q\s*(?:fy\s*)?{_YY}")
_pp(_OTHER, "en_fy", rf"fy\s*{_YY}(?:\s*/\s*(?P<split>\d{{4}}|\d{{2}})(?!\d))?")
_pp(
    _OTHER,
    "md",
    rf"(?P<m>{_MD})\s*(?:月\s*(?P<d>{_MD})\s*[日号]|月份?\s*(?P<end>末|底)|月份?(?!\d))",
)
# Spans that name no year: "six months ended June 30", 截至六月三十日止六個月, "year ended
# 31 December". Resolved against the sentence or the anchor, or by a table's column years.
_ENDED_EN = r"(?:(?P<n>three|six|nine|twelve|\d{1,2})[\s-]+months?|(?P<yr>(?:financial\s+|fiscal\s+)?year))"
_ENDED_EN += r"(?:\s+period)?\s+end(?:ed|ing)\s+(?:on\s+)?"
_pp(
    _OTHER,
    "rel_ended",
    rf"\b{_ENDED_EN}{_DAY}\s+{_MON}{_NO_YEAR}",
    rf"\b{_ENDED_EN}{_MON}\s+{_DAY}(?!\d){_NO_YEAR}",
    rf"(?P<m>{_MD})\s*月\s*(?P<d>{_MD})\s*日\s*止\s*(?:(?P<n>{_ZH_N})\s*个?\s*月|(?P<yr>(?:财政|财务)?年度|年))",
)
# "as at 30 June", "Aug 15", "at the end of June" without a year.
_pp(_OTHER, "en_md", rf"\b{_DAY}\s+{_MON}{_NO_YEAR}", rf"\b(?!may\b){_MON}\s+{_DAY}(?![\d%]|\.\d){_NO_YEAR}")
_pp(_OTHER, "en_md_end", rf"\b(?:(?:as\s+(?:at|of)\s+)?(?:the\s+)?end\s+of\s+){_MON}{_NO_YEAR}")
# Balance dates a report names without a date: the end of the period it covers (本報告期末)
# and the end of the year before (上年度末).
_pp(
    _OTHER,
    "rel_period_end",
    r"本?报告期末|本期末|(?:the\s+)?end\s+of\s+the\s+(?:reporting\s+)?period(?![a-z])",
)
_pp(
    _OTHER,
    "rel_prev_year_end",
    r"上一?年度?末|上年年末|上年底|去年年底|去年底|去年末|上年末"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:last|previous|prior|preceding)\s+(?:financial\s+|fiscal\s+)?year(?![a-z])",
)
_pp(
    _OTHER,
    "rel_same",
    r"上一?年度?同期|去年同期|"
    r"same\s+period\s+(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior)\s+year|"
    r"(?:prior|previous)[\s-]year\s+period|"
    r"corresponding\s+period\s+(?:of\s+|in\s+)?(?:last|the\s+previous|the\s+prior)\s+year|"
    # "a year earlier", "the prior year": the current period one year back.
    r"a\s+year\s+(?:earlier|ago|before)(?![a-z])|the\s+(?:prior|previous|preceding)\s+year(?:\s+period)?(?![a-z])",
)
_pp(
    _OTHER,
    "rel_prev",
    r"上一?个?财政?年度?|上一?年度?|去年|前一年|(?:prior|previous|last|preceding)\s+(?:fiscal\s+|financial\s+)?year(?![a-z])",
)
_pp(
    _OTHER,
    "rel_in_year",
    # "in the year ended 31 March 2024" names its year; "in the year" alone is the report's.
    r"年内|年度内|全年|(?:during|in|for)\s+the\s+year(?![a-z])(?!\s+(?:end(?:ed|ing)|to)\b)|full[\s-]year(?![a-z])",
)
_pp(
    _OTHER,
    "rel_half",
    r"上半年|下半年|上半财年|下半财年|h[12](?![a-z0-9])|(?:first|second)[\s-]half(?:\s+of\s+the\s+year)?(?![a-z])",
)
_pp(_OTHER, "rel_quarter", r"第(?P<q>[一二三四1-4])季度?")
_pp(_OTHER, "rel_none", r"同期")
_pp(_OTHER, "rel_this", r"今年|本年度?|(?:this|the\s+current)\s+year(?![a-z])")
# The period a report covers ("截至…止六個月（「本期間」）"): only the anchor says which it is.
_pp(
    _OTHER,
    "rel_period",
    r"本期间|本期(?![末初])|报告期(?![末初])|(?<!记录)期内|(?:the|this|current)\s+(?:reporting\s+)?period(?![a-z])",
)
# 同比 compares with the same period a year before; it names a base, never a figure's period.
_pp(_OTHER, "rel_base", r"同比")
# Spans that are neither periods nor figures: ordinals, ranks, times of day.
_pp(
    _OTHER,
    "mask",
    r"第\s*\d+",
    r"(?:no\.|no\s|#)\s*\d+",
    r"top[\s-]*\d+",
    r"前\s*(?:\d+|[一二三四五六七八九十]{1,2})\s*(?=[大名位])",
    r"\d{1,2}:\d{2}",
    r"\d{1,2}\s*[日号](?![a-z元])",
)
_YEAR = re.compile(r"(?:19[5-9]|20\d)\d")
_NOT_AFTER_DIGIT = ("md", "mask")  # "12月" inside "2024年12月" is found with its year


def _year_anchors(t: str) -> list[int]:
    """Offsets of four-digit years: not part of a longer number, a decimal or 1,234,567."""
    out = []
    for m in _YEAR.finditer(t):
        i, e = m.span()
        prev = t[i - 1] if i else ""
        if prev.isdigit() or prev == "." or (prev == "," and i >= 2 and t[i - 2].isdigit()):
            continue
        if e < len(t) and t[e].isdigit():
            continue
        out.append(i)
    return out


_YEAR_LIKE_KINDS = ("year", "half", "quarter")


def _yy(m: re.Match[str]) -> int:
    y = m.groupdict().get("y")
    if y:
        return int(y)
    return 2000 + int(m.group("yy"))


def _last_day(y: int, m: int) -> int:
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _ended(y: int, m: int, n: int) -> tuple[str, str]:
    """Id and kind of the `n` months ending with month `m` of year `y`."""
    if n == 12:
        return str(y), "year"
    if n == 6 and m in (6, 12):
        return f"{y}H{m // 6}", "half"
    if n == 3 and m in (3, 6, 9, 12):
        return f"{y}Q{m // 3}", "quarter"
    return f"{y}-{m:02d}-{n}M", "months"


def _zh_small_int(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s in _EN_N:
        return _EN_N[s]
    value, _ = _zh_number(s)
    return int(value)


@dataclass
class _PCand:
    start: int
    end: int
    kind: str
    id: str | None
    pkind: str
    members: tuple[str, ...] = ()
    m: int | None = None  # month (or quarter) and day of a mention that states no year
    d: int | None = None
    n: int | None = None  # months a yearless span covers ("six months ended 30 June": 6)


def _md_int(s: str) -> int:
    return 10 if s == _TEN else int(s)


def _month_of(g: dict) -> int:
    return _md_int(g["m"]) if g.get("m") else _MONTHS[g["mon"]]


def _valid_date(y: int, m: int, d: int | None = None) -> bool:
    return 1 <= m <= 12 and (d is None or 1 <= d <= _last_day(y, m))


def _period_candidate(m: re.Match[str], kind: str) -> _PCand | None:
    g = m.groupdict()
    s, e = m.span()
    y = int(g["y"]) if g.get("y") else None
    if kind in ("zh_ended", "en_ended", "rel_ended"):
        mon = _month_of(g)
        d = _md_int(g["d"]) if g.get("d") else _last_day(2000, mon)
        n = 12 if g.get("yr") else _zh_small_int(g["n"] or "")
        if not n or not _valid_date(2000, mon, d):
            return None
        if kind == "rel_ended":
            return _PCand(s, e, kind, None, "relative", m=mon, d=d, n=n)
        if y is None or not _valid_date(y, mon, d):
            return None
        pid, pk = _ended(y, mon, n)
        return _PCand(s, e, kind, pid, pk)
    if kind in ("en_md", "en_md_end"):
        mon = _MONTHS[g["mon"]]
        if m.group().endswith(".") and len(g["mon"]) > 3:
            e -= 1  # "the end of December.": the stop ends the sentence
        if kind == "en_md_end":
            return _PCand(s, e, "md_end", None, "relative", m=mon)
        d = _md_int(g["d"])
        if not _valid_date(2000, mon, d):
            return None
        return _PCand(s, e, "md", None, "relative", m=mon, d=d)
    if kind == "year_same":
        return _PCand(s, e, kind, str(y), "year")
    if kind in ("zh_date", "en_date", "iso_date"):
        mon = _month_of(g)
        d = _md_int(g["d"])
        if y is None or not _valid_date(y, mon, d):
            return None
        return _PCand(s, e, kind, f"{y}-{mon:02d}-{d:02d}", "date")
    if kind == "zh_month_end":
        mon = _md_int(g["m"])
        if y is None or not _valid_date(y, mon):
            return None
        return _PCand(s, e, kind, f"{y}-{mon:02d}-{_last_day(y, mon):02d}", "date")
    if kind in ("zh_year_end", "en_year_end"):
        return _PCand(s, e, kind, f"{y}-12-31", "date")
    if kind == "half":
        yy = _yy(m)
        h = g.get("h")
        if g.get("hn"):
            n = int(g["hn"])
        elif g.get("w"):
            n = _ORD[g["w"]]
        else:
            n = 2 if h in ("下半年", "下半财年", "h2", "2h") or (h and h.startswith(("7", "jul"))) else 1
        return _PCand(s, e, kind, f"{yy}H{n}", "half")
    if kind == "quarter":
        yy = _yy(m)
        q = _ORD[g["w"]] if g.get("w") else _ORD[g["q"]]
        return _PCand(s, e, kind, f"{yy}Q{q}", "quarter")
    if kind == "nine_months":
        return _PCand(s, e, kind, f"{y}-09-9M", "months")
    if kind == "zh_month":
        mon = _md_int(g["m"])
        if y is None or not _valid_date(y, mon):
            return None
        return _PCand(s, e, kind, f"{y}-{mon:02d}", "month")
    if kind == "en_month":
        mon = _MONTHS[g["mon"]]
        if y is None:
            return None
        if g.get("end"):
            return _PCand(s, e, kind, f"{y}-{mon:02d}-{_last_day(y, mon):02d}", "date")
        return _PCand(s, e, kind, f"{y}-{mon:02d}", "month")
    if kind == "split_year":  # 2023/24: a fiscal year, named by the year it ends in
        end = int(g["y2"]) if g.get("y2") else (y or 0) // 100 * 100 + int(g["yy"])
        if y is None or end != y + 1:
            return None
        return _PCand(s, e, kind, str(end), "year")
    if kind in ("zh_year", "en_fy", "bare_year"):
        year = _yy(m)
        split = g.get("split")
        if split:  # FY2023/24 ends in 2024
            if int(split) % 100 != (year + 1) % 100:
                return None
            year += 1
        return _PCand(s, e, kind, str(year), "year")
    if kind == "short_range":
        y2 = (y or 0) // 100 * 100 + int(g["yy"])
        if y is None or not 0 < y2 - y <= 30:
            return None
        members = tuple(str(v) for v in range(y, y2 + 1))
        return _PCand(s, e, kind, f"{y}-{y2}", "range", members)
    if kind == "md":
        mon = _md_int(g["m"])
        d = _md_int(g["d"]) if g.get("d") else None
        if not 1 <= mon <= 12 or (d is not None and not 1 <= d <= 31):
            return None
        sub = "md" if d else ("md_end" if g.get("end") else "m")
        return _PCand(s, e, sub, None, "relative", m=mon, d=d)
    if kind == "rel_quarter":
        return _PCand(s, e, kind, None, "relative", m=_ORD[g["q"]])
    if kind.startswith("rel_"):
        return _PCand(s, e, kind, None, "relative")
    return _PCand(s, e, kind, None, "mask")


def _bare_year_is_figure(t: str, end: int) -> bool:
    """A four-digit number followed by a scale, currency or unit is an amount, not a year."""
    if _MORE.match(t, end) or _SCALE_ZH.match(t, end) or _SCALE_EN.match(t, end):
        return True
    if _CCY_SUFFIX.match(t, end):
        return True
    unit = _UNIT.match(t, end)
    return unit is not None and unit.lastgroup not in DURATIONS


def _select(cands: list[_PCand]) -> list[_PCand]:
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_PCand] = []
    last = 0
    for c in cands:
        if c.start >= last:
            out.append(c)
            last = c.end
    return out


def _year_of(pid: str | None) -> int | None:
    if pid and len(pid) >= 4 and pid[:4].isdigit():
        return int(pid[:4])
    return None


def _shift_year(pid: str, years: int) -> str:
    return f"{int(pid[:4]) + years}{pid[4:]}"


def _enumerate(a: str, b: str) -> tuple[str, ...]:
    """The periods from `a` to `b` inclusive: 2022..2025H1 -> 2022, 2023, 2024, 2025H1."""
    ya, yb = _year_of(a), _year_of(b)
    if ya is None or yb is None or not 0 <= yb - ya <= 30:
        return (a, b)
    sa, sb = a[4:], b[4:]
    if sa == "" and sb == "":
        return tuple(str(y) for y in range(ya, yb + 1))
    if sa == "" and re.fullmatch(r"[HQ]\d", sb):
        return (*[str(y) for y in range(ya, yb)], b)
    for tag, per in (("H", 2), ("Q", 4)):
        if re.fullmatch(tag + r"\d", sa) and re.fullmatch(tag + r"\d", sb):
            ia, ib = ya * per + int(sa[1]) - 1, yb * per + int(sb[1]) - 1
            if ia > ib:
                return (a, b)
            return tuple(f"{i // per}{tag}{i % per + 1}" for i in range(ia, ib + 1))
    return (a, b)


# ---------------------------------------------------------------------------------------------
# Sentences and clauses

_ABBREV = re.compile(
    r"(?:\b[a-z]|\bno|\binc|\bltd|\bco|\bcorp|\bmr|\bms|\bdr|\bvs|\bapprox|\be\.g|\bi\.e|\betc|"
    r"\bst|\bjan|\bfeb|\bmar|\bapr|\bjun|\bjul|\baug|\bsep|\bsept|\boct|\bnov|\bdec|\bc)$"
)
_YEAR_AFTER_COMMA = re.compile(r"\s*(?:19|20)\d\d(?!\d)")
_BOUNDARY = re.compile(r"[。！？!?\n]|\.(?=\s|$)|[，,；;]")


def _segments(t: str) -> tuple[list[int], list[int]]:
    """Start offsets of sentences and of clauses (every sentence start is a clause start)."""
    sents = [0]
    clauses = [0]
    n = len(t)
    for m in _BOUNDARY.finditer(t):
        i = m.start()
        c = t[i]
        if c == ",":
            if 0 < i < n - 1 and t[i - 1].isdigit() and t[i + 1].isdigit():
                continue  # 1,234
            if i and t[i - 1].isdigit() and _YEAR_AFTER_COMMA.match(t, i + 1):
                continue  # June 30, 2025
            clauses.append(i + 1)
            continue
        if c in "，；;":
            clauses.append(i + 1)
            continue
        if c == ".":
            if _ABBREV.search(t, max(0, i - 8), i):
                continue
        elif c == "\n":
            # A hard-wrapped English line continues its sentence.
            prev = t[i - 1] if i else "\n"
            nxt = t[i + 1] if i + 1 < n else "\n"
            if (prev.isalnum() or prev in ",(") and prev.isascii() and (nxt.isdigit() or nxt.islower() or nxt == "("):
                continue
            if nxt == "(":  # "…佔總收入的24.9%\n（二零二四年同期：30.2%）": a wrapped aside
                continue
        sents.append(i + 1)
        clauses.append(i + 1)
    return sents, sorted(set(clauses))


# ---------------------------------------------------------------------------------------------
# Figure grammar

_CORE = re.compile(
    r"(?P<pct>百分之(?P<pctn>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百](?:[零〇一二两三四五六七八九十百]"
    r"|点(?=[零〇一二两三四五六七八九]))*))"
    r"|(?P<ar>(?<!\d)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)"
    r"|(?P<zh>[零〇一二两三四五六七八九十百千万](?:[零〇一二两三四五六七八九十百千万亿]"
    r"|点(?=[零〇一二两三四五六七八九]))*)"
)
_MORE = re.compile(r"多|余|\+(?![\da-z.])")
_SCALE_ZH = re.compile(r"\s?(?:十万|百万|千万|十亿|百亿|千亿|万亿|亿|万|千(?![米克瓦])|百(?!分))")
_CENTS = re.compile(
    r"\s?(?:(?P<us>美仙|美分|(?<![a-z])us\s?cents?(?![a-z]))|(?P<hk>港仙|(?<![a-z])hk\s?cents?(?![a-z]))"
    r"|(?P<cents>cents?)(?![a-z])"
    r"|分(?![之部钟析别配])|仙)"
)
_CENTS_LEAD = re.compile(r"(?<![a-z])(?:hk|us)$")  # "HK3.8 cents", "US1.65 cents"
_SCALE_EN = re.compile(r"\s?(thousand|million|billion|trillion|mln|mn|bn|tn)(?![a-z])|(m|k|b)(?![a-z0-9])")
_CCY_SUFFIX_TABLE = {
    "元人民币": "CNY",
    "人民币元": "CNY",
    "人民币": "CNY",
    "港元": "HKD",
    "港币": "HKD",
    "美元": "USD",
    "日元": "JPY",
    "欧元": "EUR",
    "英镑": "GBP",
    "新台币": "TWD",
    "新加坡元": "SGD",
    "澳元": "AUD",
    "元": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "hkd": "HKD",
    "hong kong dollars": "HKD",
    "hk dollars": "HKD",
    "usd": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "eur": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "twd": "TWD",
    "sgd": "SGD",
    "aud": "AUD",
}
_CCY_SUFFIX = re.compile(
    r"[ \t]?(?P<c>"  # a currency on the next line is no suffix of a number ending this one
    + "|".join(
        re.escape(k) + ("(?![a-z])" if k.isascii() else "") for k in sorted(_CCY_SUFFIX_TABLE, key=len, reverse=True)
    )
    + ")"
)
_CCY_PREFIX_TABLE = {
    "rmb": "CNY",
    "cny": "CNY",
    "renminbi": "CNY",
    "人民币": "CNY",
    "¥": "CNY",
    "hk$": "HKD",
    "hkd": "HKD",
    "港币": "HKD",
    "港元": "HKD",
    "us$": "USD",
    "usd": "USD",
    "美元": "USD",
    "$": "USD",
    "nt$": "TWD",
    "twd": "TWD",
    "s$": "SGD",
    "sgd": "SGD",
    "a$": "AUD",
    "aud": "AUD",
    "eur": "EUR",
    "€": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "jpy": "JPY",
}
_CCY_PREFIX = re.compile(
    r"(?P<c>(?<![a-z])(?:"
    + "|".join(re.escape(k) for k in sorted(_CCY_PREFIX_TABLE, key=len, reverse=True))
    + r"))\s?$"
)
_COUNT_ZH = "家名份颗轮人个位款项张台种户间座条宗枚片块卡架辆艘笔套件所支只"
_COUNT_EN = (
    r"(?:full-time\s+|part-time\s+)?(?:employees|employee)|staff|people|persons|customers|clients|"
    r"suppliers|units|orders|contracts|rounds|companies|investors|patents|stores|users|grantees|"
    r"directors|members|chips|products|projects|cards|servers|agreements|subsidiaries|countries|"
    r"cities|offices|factories|shareholders|engineers|researchers"
)
_UNIT = re.compile(
    r"\s?(?:"
    r"(?P<pct>%|percent(?![a-z])|per\s?cent(?![a-z])|pct(?![a-z]))"
    r"|(?P<pp>个百分点|百分点|percentage[\s-]+points?(?![a-z])|ppts?(?![a-z])|pp(?![a-z]))"
    r"|(?P<bp>个基点|基点|basis\s+points?(?![a-z])|bps(?![a-z])|bp(?![a-z]))"
    r"|(?P<tenths>成(?![为立本功交长员果绩都熟型品]))"
    r"|(?P<x>倍|×|x(?![a-z0-9])|times(?![a-z])|-?fold(?![a-z]))"
    r"|(?P<shares>股(?![东价权息本票市民])|(?:(?:h|a|ordinary|new|offer)\s)?shares?(?![a-z]))"
    r"|(?P<months>个月|months?(?![a-z]))"
    r"|(?P<years>年(?![代级])|years?(?![a-z]))"
    r"|(?P<days>天|days?(?![a-z]))"
    r"|(?P<hours>个?小时|hours?(?![a-z]))"
    r"|(?P<minutes>分钟|minutes?(?![a-z]))"
    rf"|(?P<count>[{_COUNT_ZH}]|(?:{_COUNT_EN})(?![a-z]))"
    r")"
)
_QUAL_AFTER = re.compile(
    r"\s?(?:(?P<approx>左右|上下)|(?P<over>及以上|或以上|以上|有余|or\s+more(?![a-z])|"
    r"or\s+above(?![a-z])|and\s+above(?![a-z])|plus(?![a-z]))|(?P<under>及以下|或以下|以下|"
    r"or\s+less(?![a-z])|or\s+below(?![a-z])))"
)
_QUAL_BEFORE = re.compile(
    r"(?:(?P<none>最近|合约|条约|公约|节约|制约|预约|签约|约定|高达|超级|超算|近期|近年)"
    r"|(?P<up_to>不超过|不超|不多于|不高于|不大于|最多|至多|最高|"
    r"(?<![a-z])(?:up\s+to|as\s+much\s+as|as\s+many\s+as|no\s+more\s+than|not\s+more\s+than|"
    r"a\s+maximum\s+of|maximum\s+of))"
    r"|(?P<over>不少于|不低于|逾|超过|超逾|超出|超|多于|高于|大于|至少|起码|>|≥|"
    r"(?<![a-z])(?:over|more\s+than|above|in\s+excess\s+of|exceeding|upwards\s+of|at\s+least|"
    r"greater\s+than))"
    r"|(?P<under>不足|不到|低于|少于|小于|未满|未达|不及|<|≤|"
    r"(?<![a-z])(?:under|less\s+than|below|fewer\s+than|lower\s+than))"
    r"|(?P<nearly>将近|接近|几近|近|(?<![a-z])(?:nearly|almost|close\s+to|just\s+under))"
    r"|(?P<approx>大约|大概|约为|约合|约|~|(?<![a-z])(?:about|approximately|approx\.?|around|"
    r"roughly|circa|some|c\.)))"
    r"\s*$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTER = re.compile(r"[a-z]")
_TRAILING_GAP = re.compile(
    r"\s*[(（]?\s*(?:(?:in|for|during|as\s+at|as\s+of|at|of|by|the|fiscal|full|financial|year)"
    r"\s+)*"
)
_COMPARED = re.compile(
    r"(?:较|比|相比|对比|相较|(?<![a-z])(?:compared\s+(?:with|to)|versus|vs\.?|over|from|against))"
    r"\s*(?:the\s+)?$"
)
_BASE_OR_TARGET = re.compile(
    r"(?P<base>较|比|相比|(?<![a-z])(?:from|compared\s+(?:with|to)|versus|vs|over|than|against)(?![a-z]))"
    r"|(?P<target>至|到|(?<![a-z])to(?![a-z]))"
)
_RESPECTIVELY = re.compile(r"respectively")
_SEPARATELY = re.compile(r"分别")
_LIST_GAP = re.compile(r"\s*[、,]\s*")
_SERIES_GAP = re.compile(r"\s*(?:、|,|，|及|和|与|以及|and|,\s*and|;)?\s*")


@dataclass
class _Raw:
    """A figure while it is being read; turned into a Figure at the end."""

    start: int
    end: int
    core_start: int
    core_end: int
    number: Decimal  # the digits as stated, without scale or sign
    place: Decimal  # value of one unit in the last stated digit, before scale
    scale: Decimal = _ONE
    scaled: bool = False
    unit: str = ""
    ccy_specific: bool = False
    sign: int = 1
    qualifier: str | None = None
    # A bare number where labels usually stand (壁砺106裸晶, 1+1): kept only if a unit joins it.
    weak: bool = False
    period: str | None = None
    period_set: bool = False
    metric: str | None = None
    metric_set: bool = False
    more: bool = False
    text: str = ""
    aspect: str | None = None
    direction: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def family_key(self) -> str:
        return "points" if self.unit in ("pp", "bp") else self.unit


def _unit_kind(unit: str) -> str:
    if unit in CURRENCIES:
        return "money"
    if unit in ("%", "pp", "bp"):
        return "percent"
    if unit == "x":
        return "multiple"
    if unit in ("count", "shares"):
        return unit
    if unit in DURATIONS:
        return "duration"
    return ""


_COMPATIBLE = {
    "money": {"money"},
    "percent": {"percent"},
    "multiple": {"multiple", "percent"},
    "count": {"count"},
    "shares": {"shares"},
    "duration": {"duration"},
    "": {"money", "percent", "multiple", "count", "shares"},
}


def _compatible(unit: str, metric_id: str) -> bool:
    kind = glossary.METRICS[glossary.suited(metric_id, _unit_kind(unit)) or metric_id].unit_kind
    return kind in _COMPATIBLE[_unit_kind(unit)]


def _read(t: str, raw: str, m: re.Match[str], mask: bytearray, lenient: bool) -> _Raw | None:
    """One figure around the number core `m`, or None when it is not a figure."""
    i, j = m.span()
    if mask[i] or mask[j - 1]:
        return None
    before = t[i - 1] if i else ""
    zh = m.group("zh") is not None
    pct = m.group("pct") is not None
    if pct:
        inner = m.group("pctn")
        number, place = (
            (Decimal(inner), _ONE.scaleb(-len(inner.split(".")[1])) if "." in inner else _ONE)
            if inner[0].isdigit()
            else _zh_number(inner)
        )
        r = _Raw(i, j, i, j, number, place, unit="%")
    elif zh:
        core = m.group("zh")
        if (before and before in "第之初周数几上成好") or t[max(0, i - 2) : i] in ("星期", "礼拜"):
            return None  # 第一, 之一, 星期三; 数千, 上万, 成千: ordinals and vague amounts
        number, place = _zh_number(core)
        r = _Raw(i, j, i, j, number, place)
        r.scaled = any(c in "万亿" for c in core)
    else:
        core = m.group("ar")
        if (before == "." and i >= 2 and t[i - 2].isdigit()) or before == ":":
            return None
        if j < len(t) and t[j] == "." and j + 1 < len(t) and t[j + 1].isdigit():
            return None
        if j < len(t) and t[j] == ":" and j + 1 < len(t) and t[j + 1].isdigit():
            return None
        digits = core.replace(",", "")
        number = Decimal(digits)
        place = _ONE.scaleb(-len(digits.split(".")[1])) if "." in digits else _ONE
        r = _Raw(i, j, i, j, number, place)
        if before == "第" or t[max(0, i - 2) : i].rstrip().endswith("第"):
            return None

    pos = j
    if not pct:
        pos = _read_suffix(t, raw, r, pos, zh)
        if pos is None:
            return None
    r.end = pos
    _read_prefix(t, r)
    # A number glued to letters is a code (BR106, A100, FP8, 106C), unless the letters were a
    # currency, scale or unit.
    if r.core_end == r.end and r.end < len(t) and _LETTER.match(t[r.end]):
        return None
    if r.start == r.core_start and r.start and _LETTER.match(t[r.start - 1]):
        cents = r.ccy_specific and r.scale == Decimal("0.01")
        lead = _CENTS_LEAD.search(t, max(0, r.start - 3), r.start) if cents else None
        if lead is None:
            return None
        r.start = lead.start()  # …but "HK3.8 cents" is an amount
    if r.start >= 2 and t[r.start - 1] == "-" and _LETTER.match(t[r.start - 2]):
        return None
    q = _qualifier_before(t, r.start)
    if q == "nearly" and r.unit in ("years", "months") and t[r.start - 1] == "近":
        q = None  # 近三年 is "the last three years"
    _qualify(t, r, q)
    bare = not (r.unit or r.scaled)
    if zh and bare and not lenient:
        return None
    if zh and m.group()[0] in "百千万" and r.unit not in CURRENCIES:
        return None  # 千万别, 千卡集群, 千家万户 are words; 百亿元 is an amount
    lone_scale = all(c in "十百千万亿" for c in m.group())
    if zh and not lenient and lone_scale and _scale_word_only(t, r.start, r.end, m.start()):
        return None  # （人民幣百萬元）, 人民币千元, 單位：萬元: a table's unit note, not an amount
    if zh and r.number == 1 and len(m.group()) == 1 and r.unit in ("count", "years", "months", "days"):
        return None  # 一个, 一次, 一年: an article, not a count
    if bare and not lenient:
        after = t[r.end] if r.end < len(t) else ""
        glued = (_CJK.match(before) or before.isalpha()) and (_CJK.match(after) or after == "(")
        small = r.place == 1 and r.number < 10 and r.sign == 1
        if glued or small:
            r.weak = True
    r.text = raw[r.start : r.end]
    return r


def _scale_word_only(t: str, start: int, end: int, numeral: int) -> bool:
    """Whether a lone scale word with its currency is a unit note: bracketed, with the currency
    before it (an amount would say 人民币一千元), or after 单位."""
    return _bracketed(t, start, end) or numeral > start or bool(_UNIT_LABEL.search(t, max(0, start - 6), start))


_UNIT_LABEL = re.compile(r"单位\s*[:：]?\s*$")


def _bracketed(t: str, start: int, end: int) -> bool:
    """Whether brackets enclose start..end, or the span is itself bracketed."""
    inside = t[start - 1 : start] in ("(", "（") and t[end : end + 1] in (")", "）")
    return inside or (t[start : start + 1] in ("(", "（") and t[end - 1 : end] in (")", "）"))


def _read_suffix(t: str, raw: str, r: _Raw, pos: int, zh: bool) -> int | None:
    """Read 多/scale/currency/unit after the core; None when the core is a year after all."""
    mm = _MORE.match(t, pos)
    if mm and r.place >= 1:
        r.more = True
        pos = mm.end()
    if not zh:
        sm = _SCALE_ZH.match(t, pos)
        if sm:
            r.scale = Decimal(1)
            for c in sm.group().strip():
                r.scale *= _ZH_SCALE[c]
            r.scaled = True
            pos = sm.end()
        else:
            se = _SCALE_EN.match(t, pos)
            if se:
                word = se.group(1) or se.group(2)
                # A lone m/k/b is a scale only next to a currency: RMB5m, 5m yuan (not 5G, 7nm).
                if (
                    se.group(2) is None
                    or _CCY_PREFIX.search(t, max(0, r.core_start - 6), r.core_start)
                    or _CCY_SUFFIX.match(t, se.end())
                ):
                    r.scale = Decimal(_EN_SCALE[word])
                    r.scaled = True
                    pos = se.end()
    ct = _CENTS.match(t, pos)
    if (
        ct
        and not r.scaled
        and (
            ct.group("cents")
            or ct.group("hk")
            or ct.group("us")
            or _CCY_PREFIX.search(t, max(0, r.core_start - 6), r.core_start)
        )
    ):
        # "RMB17.42 cents", "5港仙", "3.8美仙", "HK3.8 cents", "人民幣17.42分": hundredths of the currency.
        r.scale, r.scaled = Decimal("0.01"), True
        lead = _CENTS_LEAD.search(t, max(0, r.core_start - 3), r.core_start) if ct.group("cents") else None
        if ct.group("hk") or ct.group("us") or lead:
            r.unit, r.ccy_specific = ("HKD" if ct.group("hk") or (lead and lead.group() == "hk") else "USD"), True
        return ct.end()
    cm = _CCY_SUFFIX.match(t, pos)
    if cm:
        r.unit = _CCY_SUFFIX_TABLE[cm.group("c")]
        r.ccy_specific = cm.group("c") != "元"
        return cm.end()
    um = _UNIT.match(t, pos)
    if um:
        kind = um.lastgroup or ""
        if kind == "x" and raw[um.start() : um.end()].strip() == "X":
            # Upper-case X after a number is usually a model name (20X series), not a multiple.
            before = t[r.core_start - 1] if r.core_start else " "
            after = t[um.end()] if um.end() < len(t) else " "
            if _CJK.match(before) or before.isalpha() or _CJK.match(after) or after.isalpha() or after == "(":
                return pos
        if kind == "years" and r.number >= 1000 and not r.scaled:
            return None  # a year that the period grammar did not take
        if kind == "tenths":  # 三成 is 30%
            r.scale *= 10
            if t.startswith("半", um.end()):  # 一成半 is 15%
                r.number += Decimal("0.5")
                r.unit = "%"
                return um.end() + 1
        r.unit = {"pct": "%", "tenths": "%"}.get(kind, kind)
        return um.end()
    return pos


def _read_prefix(t: str, r: _Raw) -> None:
    """Extend `r` leftwards over sign, currency and an accounting bracket."""
    s = r.core_start
    k = s
    prev2 = t[k - 2] if k >= 2 else ""
    joined = prev2.isascii() and prev2.isalnum()  # 5-6, covid-19: a hyphen, not a sign
    if k > 0 and t[k - 1] == "-" and not joined:
        r.sign = -1
        s = k - 1
    elif k > 0 and t[k - 1] == "+" and prev2 in ("", " ", "\t", "\n", "("):
        s = k - 1  # "+" is a sign only where nothing could be added to (架构+1个平台 is a sum)
    elif k > 0 and t[k - 1] == "负":
        r.sign = -1
        s = k - 1
    cp = _CCY_PREFIX.search(t, max(0, s - 12), s)
    if cp:
        code = _CCY_PREFIX_TABLE[cp.group("c")]
        if not r.unit or (r.unit in CURRENCIES and not r.ccy_specific):
            r.unit = code
            r.ccy_specific = True
        elif r.unit not in CURRENCIES:
            r.start = s
            return  # "$5 million shares": keep the unit that follows
        s = cp.start()
        if r.sign == 1 and s > 0 and t[s - 1] == "-" and not (s >= 2 and t[s - 2].isalnum()):
            r.sign = -1
            s -= 1
    r.start = s
    # (123.4) in an English table is a negative number.
    if (
        s > 0
        and t[s - 1] == "("
        and r.end < len(t)
        and t[r.end] == ")"
        and (r.unit == "" or (r.unit in CURRENCIES and r.ccy_specific and not r.scaled))
        and (r.place < 1 or r.number >= 10)
    ):
        r.sign = -1
        r.start = s - 1
        r.end += 1


def _qualify(t: str, r: _Raw, before: str | None) -> None:
    """Give `r` the qualifier said before it, else "over" for "…多", else one said after it (以上)."""
    if before:
        r.qualifier = before
    if r.more and not r.qualifier:
        r.qualifier = "over"
    after = _QUAL_AFTER.match(t, r.end)
    if after and not r.qualifier:
        r.qualifier = after.lastgroup


def _qualifier_before(t: str, start: int) -> str | None:
    q = _QUAL_BEFORE.search(t, max(0, start - 20), start)
    if not q or q.lastgroup == "none":
        return None
    return q.lastgroup


def _finish(r: _Raw) -> Figure:
    value = _clean(r.number * r.scale * r.sign)
    precision = _clean(r.place * r.scale * _HALF)
    return Figure(
        value=value,
        unit=r.unit,
        text=r.text,
        start=r.start,
        end=r.end,
        qualifier=r.qualifier,
        precision=precision,
        period=r.period,
        metric=glossary.suited(r.metric, _unit_kind(r.unit)),
        negative=r.sign < 0,
        aspect=r.aspect,
        direction=r.direction,
        part=bool(r.extra.get("part")),
    )


def _join_ranges(t: str, raws: list[_Raw]) -> None:
    """5億至6億美元, 5-6億, RMB5-6 billion: share the unit, scale and qualifier across the range."""
    for a, b in pairwise(raws):
        gap = t[a.end : b.start]
        ranged = _CONNECT_RANGE.fullmatch(gap) is not None or (
            re.fullmatch(r"\s*and\s*", gap) is not None and t[max(0, a.start - 8) : a.start].endswith("between ")
        )
        if ranged:
            _share(a, b)
            if b.qualifier is None:
                b.qualifier = a.qualifier
            a.extra["range_with"] = b
    # 14.74、17.44、15.38億元: a list that states its unit once, at the end.
    for a, b in zip(reversed(raws[:-1]), reversed(raws[1:]), strict=True):
        bare = not (a.unit or a.scaled)
        if bare and (b.unit or b.scaled) and _LIST_GAP.fullmatch(t[a.end : b.start]):
            _share(a, b)


def _share(a: _Raw, b: _Raw) -> None:
    """Give each of two figures what the other states and it leaves out (unit, scale)."""
    for x, y in ((a, b), (b, a)):
        compatible = not x.unit or not y.unit or x.unit == y.unit
        # "5億至6" scales the 6 only when the 6 is bare.
        if not x.scaled and y.scaled and compatible and (x is a or not x.unit):
            x.scale, x.scaled = y.scale, True
    for x, y in ((a, b), (b, a)):
        if not x.unit and y.unit:
            x.unit, x.ccy_specific = y.unit, y.ccy_specific
        elif x.unit in CURRENCIES and y.unit in CURRENCIES and y.ccy_specific and not x.ccy_specific:
            x.unit, x.ccy_specific = y.unit, True
    for x in (a, b):
        if x.unit or x.scaled:
            x.weak = False


# ---------------------------------------------------------------------------------------------
# Periods


_PREFIX_AS_AT = re.compile(r"(?:截至|截止|于)\s*$")
_AS_AT_KINDS = ("zh_ended", "zh_date", "zh_month_end", "zh_year_end", "zh_month")


def _period_cands(t: str) -> list[_PCand]:
    cands: list[_PCand] = []

    def add(m: re.Match[str], kind: str, start: int | None = None) -> None:
        c = _period_candidate(m, kind)
        if c is not None:
            if start is not None:
                c.start = start
            cands.append(c)

    for i in _year_anchors(t):
        prefix = _PREFIX_AS_AT.search(t, max(0, i - 6), i) if i else None
        for pattern, kind in _YEAR_FIRST:
            m = pattern.match(t, i)
            if m is None:
                continue
            if kind == "bare_year":
                before = t[i - 1] if i else ""
                if (
                    (before and before in "#")
                    or "a" <= before <= "z"
                    or _CCY_PREFIX.search(t, max(0, i - 12), i)
                    or _bare_year_is_figure(t, m.end())
                ):
                    continue  # USD 1950, A2024, 2024 million: an amount or a code
                nxt = t[m.end() : m.end() + 2]
                if nxt[:1] == "%" or (nxt[:1] == "." and nxt[1:].isdigit()):
                    continue
            if prefix and kind in _AS_AT_KINDS:
                if kind == "zh_month" and prefix.group().startswith("截"):
                    kind = "zh_month_end"  # 截至2025年6月: the end of June
                add(m, kind, prefix.start())
            else:
                add(m, kind)
        if i and (t[i - 1] in " \t\n" or "a" <= t[i - 1] <= "z"):
            for pattern, kind in _YEAR_LAST:
                m = pattern.search(t, max(0, i - 72), i + 4)
                if m and (m.start() == 0 or not ("a" <= t[m.start() - 1] <= "z")):
                    add(m, kind)
    for pattern, kind in _OTHER:
        for m in pattern.finditer(t):
            s = m.start()
            before = t[s - 1] if s else ""
            if "a" <= before <= "z" or (before.isdigit() and before.isascii()):
                continue
            if before == "." and kind in _NOT_AFTER_DIGIT:
                continue
            add(m, kind)
    return _select(cands)


# Chinese numerals in dates: 二零二五年六月三十日 is rewritten as "2025年6月30日" (same length,
# padded with spaces), so that one grammar reads both ways of writing a date.
_ZH_DATE_PART = re.compile(
    r"(?P<y>[零〇一二三四五六七八九]{4})(?=\s*年)"
    r"|(?<![零〇一二两三四五六七八九十百千万亿\d])(?P<m>十[一二]?|[一二三四五六七八九])(?=\s*月)"
    r"|(?<=月)(?P<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号])"
)


def _digitize(t: str) -> str:
    parts: list[str] = []
    last = 0
    for m in _ZH_DATE_PART.finditer(t):
        s = m.group()
        if m.group("y"):
            new = "".join(str(_ZH_DIGIT[c]) for c in s)
        else:
            new = str(int(_zh_number(s)[0]))
            new = _TEN if len(new) > len(s) else new.ljust(len(s))
        parts += (t[last : m.start()], new)
        last = m.end()
    if not parts:
        return t
    parts.append(t[last:])
    return "".join(parts)


_ID_KINDS = (
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{4}H[12]"), "half"),
    (re.compile(r"\d{4}Q[1-4]"), "quarter"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}-\d{2}-\d{1,2}M"), "months"),
)


def _id_kind(pid: str) -> str | None:
    return next((kind for pattern, kind in _ID_KINDS if pattern.fullmatch(pid)), None)


def _end_month(pid: str) -> int:
    """The month a period id ends in: 2025H1 -> 6, 2024 -> 12, 2025-06-30 -> 6."""
    rest = pid[4:]
    if rest[:1] in ("H", "Q"):
        return int(rest[1]) * (6 if rest[0] == "H" else 3)
    if rest[:1] == "-":
        return int(rest[1:3])
    return 12


def _year_not_after(ref: _PCand, month: int) -> int:
    """The year of the last month `month` that ends no later than `ref`: "the end of December"
    in a report on 2025H1 is 2024-12-31."""
    year = _year_of(ref.id) or 0
    return year if month <= _end_month(ref.id or "") else year - 1


def _resolve(t: str, cands: list[_PCand], sents: list[int], anchor: _PCand | None = None) -> list[_PCand]:
    """Give relative mentions (上半年, 8月, 上年同期, 年內) an id where the text or the anchor allows.

    A mention is measured from the last period named before it in its sentence, else from the
    anchor (the period the document reports on).
    """
    last_year_any: int | None = None
    last_in_sentence: dict[int, _PCand] = {}
    anchor_year = _year_of(anchor.id) if anchor else None
    for c in cands:
        if c.pkind == "mask":
            continue
        sid = bisect.bisect_right(sents, c.start) - 1
        base = last_in_sentence.get(sid)
        base_year = _year_of(base.members[-1] if base.members else base.id) if base else None
        ref = base or anchor
        year = base_year or anchor_year
        if c.kind == "year_same":
            if ref and ref.id and ref.pkind in ("half", "quarter", "months"):
                c.id, c.pkind = f"{c.id}{ref.id[4:]}", ref.pkind
        elif c.pkind == "relative":
            if c.kind in ("md", "m") and year and c.m:
                if c.kind == "md" and c.d and _valid_date(year, c.m, c.d):
                    c.id, c.pkind = f"{year}-{c.m:02d}-{c.d:02d}", "date"
                elif c.kind == "m":
                    c.id, c.pkind = f"{year}-{c.m:02d}", "month"
            elif c.kind in ("md_end", "rel_ended") and c.m and ref and ref.id and ref.pkind != "range":
                # A balance date or a span without a year is the latest one not after the period
                # referred to: "at the end of December" in a report on 2025H1 is 2024-12-31.
                y = _year_not_after(ref, c.m)
                if c.kind == "md_end":
                    c.id, c.pkind = f"{y}-{c.m:02d}-{_last_day(y, c.m):02d}", "date"
                elif c.n:
                    c.id, c.pkind = _ended(y, c.m, c.n)
            elif c.kind == "rel_half" and year:
                second = any(w in t[c.start : c.end] for w in ("下", "2", "second"))
                c.id, c.pkind = f"{year}H{2 if second else 1}", "half"
            elif c.kind in ("rel_same", "rel_base") and ref and ref.id and ref.pkind != "range":
                c.id = _shift_year(ref.id, -1)
                c.pkind = ref.pkind
            elif c.kind == "rel_quarter" and year and c.m:
                c.id, c.pkind = f"{year}Q{c.m}", "quarter"
            elif c.kind == "rel_period_end" and anchor and anchor.id and anchor.pkind != "range":
                y, mon = _year_of(anchor.id), _end_month(anchor.id)
                if y:
                    c.id, c.pkind = f"{y}-{mon:02d}-{_last_day(y, mon):02d}", "date"
            elif c.kind == "rel_prev_year_end" and year:
                c.id, c.pkind = f"{year - 1}-12-31", "date"
            elif c.kind == "rel_prev" and year:
                c.id, c.pkind = str(year - 1), "year"
            elif c.kind == "rel_in_year":
                y = base_year or anchor_year or last_year_any
                if y is None:
                    y = next(
                        (_year_of(x.id) for x in cands if x.start > c.start and _year_of(x.id)),
                        None,
                    )
                if y:
                    c.id, c.pkind = str(y), "year"
            elif c.kind == "rel_period":
                # 本期間 is the period the report covers; without an anchor, a span the sentence
                # names before it ("截至…止六個月（「本期間」）"), never a date.
                # In an annual report, "2024年上半年…期內虧損" is the half the sentence names.
                narrower = base if base and base.pkind in ("half", "quarter", "months") else None
                span = narrower or anchor or (base if base and base.pkind == "year" else None)
                if span:
                    c.id, c.pkind = span.id, span.pkind
            elif c.kind == "rel_this" and anchor_year:
                c.id, c.pkind = str(anchor_year), "year"
        # 同比 and "較2024年全年" name a base; later mentions are measured from the current period.
        if (
            c.id
            and c.kind != "rel_base"
            and not _COMPARED.search(t, max(0, c.start - 14), c.start)
            and not _in_parens(t, sents[sid] if sid >= 0 else 0, c.start)  # "（2023年上半年：…）" labels
        ):
            last_in_sentence[sid] = c
        if c.id:
            last_year_any = _year_of(c.id) or last_year_any
    return cands


def _in_parens(t: str, lo: int, pos: int) -> bool:
    """Whether `pos` sits inside a parenthesis opened after `lo`."""
    before = t[lo:pos]
    return before.count("(") + before.count("（") > before.count(")") + before.count("）")


def _merge_ranges(t: str, cands: list[_PCand]) -> list[_PCand]:
    """2022年至2024年 / 2022-2024 / from 2022 to 2024 / between 2022 and 2024 -> one range."""
    out: list[_PCand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.id and c.id and prev.pkind in _YEAR_LIKE_KINDS and c.pkind in _YEAR_LIKE_KINDS:
            gap = t[prev.end : c.start]
            between = re.fullmatch(r"\s*and\s*", gap) and t[max(0, prev.start - 8) : prev.start].endswith("between ")
            if _CONNECT_RANGE.fullmatch(gap) or between:
                members = _enumerate(prev.id, c.id)
                if len(members) >= 2 and members[0] == prev.id and members[-1] == c.id:
                    out[-1] = _PCand(prev.start, c.end, "range", f"{prev.id}-{c.id}", "range", members)
                    continue
        out.append(c)
    return out


def _anchor_cand(anchor: str | None) -> _PCand | None:
    kind = _id_kind(anchor) if anchor else None
    return _PCand(-1, -1, "anchor", anchor, kind) if kind else None


def _periods(
    t: str, raw: str, sents: list[int], anchor: str | None = None, cells: list[tuple[int, int]] | None = None
) -> tuple[list[Period], bytearray, list[_PCand]]:
    """Periods, the mask of their spans (no figure starts inside one) and the candidates behind them."""
    d = _digitize(t)
    cands = _period_cands(d)
    if cells:
        # A year-like number in a table's value cell is an amount ("| Employees | 2018 |").
        cands = [c for c in cands if not _in_cell(cells, c.start, c.end)]
    ref = _anchor_cand(anchor)
    if ref is None:
        cands = [c for c in cands if c.kind != "rel_base"]
    mask = bytearray(len(t) + 1)
    for c in cands:
        mask[c.start : c.end] = b"\x01" * (c.end - c.start)
    cands = _resolve(d, cands, sents, ref)
    cands = _merge_ranges(d, [c for c in cands if c.pkind != "mask"])
    periods = [Period(c.id, c.start, c.end, raw[c.start : c.end], c.pkind, c.members) for c in cands]
    return periods, mask, cands


def parse_periods(text: str, anchor: str | None = None) -> list[Period]:
    """Every period mention in `text`, in order, relative ones resolved where the text allows.

    `anchor` is the period the document reports on (see document_period): with it, "上半年",
    "a year earlier" and "本期間" resolve even where the sentence names no year.
    """
    t = fold(text)
    sents, _ = _segments(t)
    return _periods(t, text, sents, anchor, _table_cells(_tables(t)))[0]


_REPORT_WORDS = re.compile(r"annual|interim|results?|report|quarterly|(?<![a-z])fy|年报|年度|业绩|中期|季报|半年")
_INTERIM_WORDS = re.compile(r"interim|half[\s-]?year|semi[\s-]?annual|中期|半年")


_REPORTED = re.compile(
    r"止(?:六|三|九|十二)?个?月|止年度|止财政年度|上半年|下半年|中期|年度|ended|first[\s-]half|second[\s-]half"
    r"|interim|half[\s-]year|full[\s-]year|annual|fiscal|financial year"
)

# "公布2025年业绩", "its 2025 annual results": the year named is the one reported on.
_RESULTS_AFTER = re.compile(r"\s*(?:全年|年度|中期)?(?:业绩|年报|财报|(?:annual\s+|full[\s-]year\s+)?results)")
_COMPARISON_BASE = re.compile(r"same|corresponding|同期")
_FIRST_HALF = re.compile(
    r"first[\s-]half|half[\s-]year|six\s+months\s+(?:to|ended|ending)\s+(?:june\s+30|30\s+june)|上半年|中期业绩|半年度"
)


def document_period(name: str, title: str, head: str) -> str | None:
    """The period the document reports on, for parse_figures(anchor=…) and parse_periods(anchor=…).

    Taken from the file stem ("results-2025h1", "annual-2024", "interim-report-2025"), else the
    title, else the first period stated in the first 400 characters.
    """
    stem = re.sub(r"[-_.]+", " ", Path(name).stem)
    # A story's dateline ("2025年8月22日") is when it was written; the span it goes on to name
    # ("截至2025年6月30日止六個月中期業績") is what it reports on.
    reported = next(
        (
            p
            for p in parse_periods(head[:400])
            # A bare "full-year" resolves against the dateline's year, which is not what it reports on.
            if p.id
            and any(c.isdigit() for c in p.text)
            and (_REPORTED.search(fold(p.text)) or _RESULTS_AFTER.match(fold(head[p.end : p.end + 12])))
        ),
        None,
    )
    first_half = _FIRST_HALF.search(fold(f"{title}\n{head[:400]}")) is not None
    for text, stem_like in ((stem, True), (title, False), (head[:400], False)):
        folded = fold(text)
        # "the same period of 2024" is what a change is measured from, not what is reported on.
        stated = [
            p
            for p in parse_periods(text)
            if p.id is not None and p.kind != "range" and not _COMPARISON_BASE.search(fold(p.text))
        ]
        if stated and stated[0].kind == "date" and reported:
            return reported.id
        if stated and stated[0].kind == "date" and first_half:
            return f"{stated[0].id[:4]}H1"  # "first-half profit rises", dated in the year it reports
        if stated and stated[0].kind == "date" and not stem_like:
            last_year = _year_before_dateline(stated[0].id, stated[1:], folded)
            if last_year:
                return last_year
        for p in stated:
            if p.kind != "year":
                return p.id
            if stem_like and not _REPORT_WORDS.search(folded):
                break  # "prospectus-2025": a year, but not what the document reports on
            return f"{p.id}H1" if _INTERIM_WORDS.search(folded) else p.id
    # A story that names no year ("SHENZHEN, Aug 29 … first-half net profit rose 16.2%"): first
    # halves are reported in the year they end, the year its file is dated.
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", stem)
    if year and first_half:
        return f"{year.group()}H1"
    return None


def document_date(name: str, head: str) -> str | None:
    """The day a story is dated ("2025年8月29日", "HONG KONG, March 18, 2026", a file named
    "…-20250829"): its share prices are that day's. None for a filing, whose head names the
    period it reports on ("截至2025年6月30日止六個月") rather than a dateline."""
    stamp = re.search(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)", Path(name).stem)
    if stamp and _valid_date(int(stamp[1]), int(stamp[2]), int(stamp[3])):
        return f"{stamp[1]}-{stamp[2]}-{stamp[3]}"
    folded = fold(head[:400])
    for p in parse_periods(head[:400]):
        reported = _REPORTED_DATE.search(folded, max(0, p.start - 6), p.start) or _REPORTED.search(
            folded, p.end, p.end + 8
        )
        if p.kind == "date" and p.id and not reported:
            return p.id
    return None


_REPORTED_DATE = re.compile(r"(?:截至|截止|于|於|as\s+at|as\s+of|ended|ending|to)\s*$")
_LAST_YEAR = re.compile(r"full[\s-]year|annual results|last year|去年|全年|年度业绩|年度業績")


def _year_before_dateline(dateline: str, later: list[Period], folded: str) -> str | None:
    """A story dated in the first half of a year about the year before: "March 30, 2026 … revenue
    rose about 48% … in 2025", or "March 18, 2026 … its full-year profit rose 6.5%"."""
    year, month = int(dateline[:4]), int(dateline[5:7])
    if month > 6:
        return None
    before = str(year - 1)
    if any(p.kind == "year" and p.id == before for p in later) or _LAST_YEAR.search(folded):
        return before
    return None


# ---------------------------------------------------------------------------------------------
# Tables
#
# Filings state most figures in tables: Markdown pipe tables, tab-separated rows (HTML tables as
# the loader writes them) and, from PDFs, plain rows ("收入 512.9 358.2 +43.2%") under a header
# line naming the columns. A value cell takes its period from its column header, its metric from
# its row label, and its unit and scale from the table's unit note ("RMB million", 人民幣百萬元).


@dataclass
class _TRow:
    label: tuple[int, int]
    cells: list[tuple[int, int] | None]  # one per column; None where the row has no cell


@dataclass
class _Table:
    columns: list[tuple[int, int]]  # the header cell of each value column
    rows: list[_TRow]
    head: tuple[int, int] | None  # the header's label cell ("RMB million", "Year ended 31 December")
    context: list[tuple[int, int]]  # other header rows and the caption line above the table
    caption: tuple[int, int] | None
    groups: list[tuple[int, int] | None] | None = None  # a period cell set over each column's group


_NUM_CELL = re.compile(
    r"(?:增加|减少|上升|下降|提高|降低|增长|up|down)?\s?"  # 增加0.44个百分点: a change column's words
    r"[(（]?[+\-]?(?:rmb|hk\$|us\$|\$|¥)?\s?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:%|个百分点|百分点|ppts?|pp|bps?|个基点|基点|x|倍|名|张|家|个|股|million|bn|m|亿|万))?[)）]?"
)
_EMPTY_CELL = re.compile(r"[—–\-~]{0,3}|n/?a|nil|none|不适用|无")
_YEAR_CELL = re.compile(r"(?:19[5-9]|20\d)\d")
_WORDY = re.compile(r"[a-z\u3400-\u9fff]")
_ALIGN_CELL = re.compile(r":?-{2,}:?")
_CELL_TRIM = " \t*_"
# A plain-text header names its columns with periods, or as a change or share column.
_COLUMN_WORD = re.compile(
    r"(?:19|20)\d\d|[零〇一二三四五六七八九]{4}年|本期|期内|本年|上半年|下半年|(?<![a-z])(?:h[12]|q[1-4]|fy)"
    r"|变动|变化|增减|同比|按年|占|(?<![a-z])(?:change|growth|yoy|%)"
)
_SENTENCE_END = re.compile(r"[。.!?！？;；]\s*$")


def _trim(t: str, s: int, e: int) -> tuple[int, int]:
    while s < e and t[s] in _CELL_TRIM:
        s += 1
    while e > s and t[e - 1] in _CELL_TRIM:
        e -= 1
    return s, e


def _cell_kind(t: str, s: int, e: int) -> str:
    """The kind of a cell: "num", "year", "empty" (—, n/a) or "text"."""
    cell = t[s:e]
    if _YEAR_CELL.fullmatch(cell):
        return "year"
    if _NUM_CELL.fullmatch(cell):
        return "num"
    if _EMPTY_CELL.fullmatch(cell):
        return "empty"
    return "text"


def _lines(t: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    for m in re.finditer("\n", t):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(t)))
    return out


def _split_cells(t: str, s: int, e: int, sep: str) -> list[tuple[int, int]]:
    cells = []
    start = s
    for i in range(s, e + 1):
        if i == e or t[i] == sep:
            cells.append(_trim(t, start, i))
            start = i + 1
    if sep == "|":  # "| a | b |": nothing before the first bar or after the last
        if cells and cells[0][0] == cells[0][1] and t[s:e].lstrip().startswith("|"):
            cells = cells[1:]
        if cells and cells[-1][0] == cells[-1][1]:
            cells.pop()
    else:
        while cells and cells[-1][0] == cells[-1][1]:
            cells.pop()
    return cells


def _data_row(t: str, cells: list[tuple[int, int]]) -> bool:
    """A label, then only numbers and blanks (—), at least one of them a number."""
    if len(cells) < 2 or not _WORDY.search(t[cells[0][0] : cells[0][1]]):
        return False
    kinds = [_cell_kind(t, s, e) for s, e in cells[1:]]
    return "num" in kinds and "text" not in kinds


def _caption(t: str, lines: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The line right above a table, when it reads as a title or a unit note."""
    if k <= 0:
        return None
    s, e = _trim(t, *lines[k - 1])
    at = k - 1
    if s == e and k >= 2:  # one blank line may stand between a title and its table
        s, e = _trim(t, *lines[k - 2])
        at = k - 2
    if _SENTENCE_END.search(t, s, e) and not _LEADS_IN.search(t, s, e):
        # A note between a heading and its table ("### REVENUE BY GEOGRAPHICAL REGION", then
        # "Revenue is allocated by the location of the customer."): the heading is the title.
        above = [_trim(t, *lines[j]) for j in range(at - 1, max(at - 3, -1), -1)]
        heading = next(((a, b) for a, b in above if a != b), None)
        if heading and t.startswith("#", heading[0]):
            s, e = heading
    if _LEADS_IN.search(t, s, e):
        # "…本集團…，並提供…服務。按業務線劃分的收入如下：": the clause that leads into the table.
        s = max((m.end() for m in _CLAUSE_MARK.finditer(t, s, e - 1)), default=s)
    # A title may carry a long unit note: "Key items (RMB'000 unless otherwise stated)".
    # …and a breakdown's a long name: "Revenue by geographical location of customers:".
    longest = 80 if _PARENS.search(t, s, e) or _BREAKDOWN.search(t, s, e) else 40
    if s == e or e - s > longest or _SENTENCE_END.search(t, s, e) or "|" in t[s:e] or "\t" in t[s:e]:
        return None
    return s, e


_SPAN_LINE = re.compile(r"\s*(?:(?:for\s+the\s+)?(?:six|three|nine|twelve)\s+months|year\s+ended|as\s+at|截至|于)")
_UNIT_LINE = re.compile(
    r"(?:[(（]?(?:人民币|港元|港币|美元|rmb|hk\$|us\$)?\s?(?:千元|百万元|万元|亿元|['’]000|millions?|千|百万|万)[)）]?\s*)+"
)
_AUDIT_LINE = re.compile(
    r"(?:[(（]?\s*(?:未经审核|经审核|未经审计|经审计|unaudited|audited|restated|经重列)\s*[)）]?\s*)+"
)
_LEADS_IN = re.compile(r"(?:如下|列示如下|载列如下|as follows|below|set out below)\s*[:：]\s*$", re.I)
_CLAUSE_MARK = re.compile(r"[。；;，,]|\.\s")


def _aligned(values: list[tuple[int, int]], n: int) -> list[tuple[int, int] | None]:
    """A row's value cells against `n` columns, right-aligned (a header may omit its label cell)."""
    values = values[-n:]
    return [None] * (n - len(values)) + list(values)


def _grid_table(
    t: str, lines: list[tuple[int, int]], first: int, rows: list[list[tuple[int, int]]], pipe: bool
) -> _Table | None:
    """A pipe or tab table from its rows of cells."""
    header_rows: list[list[tuple[int, int]]] = []
    body: list[list[tuple[int, int]]] = []
    align = next((i for i, r in enumerate(rows) if r and all(_ALIGN_CELL.fullmatch(t[s:e]) for s, e in r)), None)
    if pipe and align is not None:
        header_rows, body = rows[:align], rows[align + 1 :]
    else:
        for r in rows:
            if not body and not _data_row(t, r):
                header_rows.append(r)
            else:
                body.append(r)
    data = [r for r in body if _data_row(t, r)]
    if not header_rows or not data:
        return None
    # Under the row that names the periods may come rows of units or "(Unaudited)".
    named = [r for r in header_rows if any(_COLUMN_WORD.search(t, a, b) for a, b in r[-2:])]
    header = named[-1] if named else header_rows[-1]
    width = max(len(r) for r in data)
    head = None
    if len(header) >= width:
        head, columns = header[0], header[1:]
    else:
        columns = header  # the header leaves out the label column
    n = len(columns)
    if n == 0:
        return None
    context = [c for r in header_rows if r is not header for c in r]
    table = _Table(columns, [], head, context, _caption(t, lines, first))
    for r in data:
        table.rows.append(_TRow(r[0], _aligned(r[1:], n)))
    return table


def _plain_row(t: str, s: int, e: int) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
    """Label and value tokens of a PDF row ("期內虧損 (471.3) (548.6) -14.1%"), else None."""
    tokens = [m.span() for m in re.finditer(r"\S+(?:\s(?:ppts?|pp|bps?|个百分点|百分点)(?!\S))?", t[s:e])]
    values: list[tuple[int, int]] = []
    for a, b in reversed(tokens):
        if _cell_kind(t, s + a, s + b) == "text":
            break
        values.insert(0, (s + a, s + b))
    if len(values) == len(tokens) or not values:
        return None
    if not any(_cell_kind(t, a, b) == "num" for a, b in values):
        return None  # only years and blanks: a header, not a row
    label = (s + tokens[0][0], values[0][0])
    label = _trim(t, *label)
    if not _WORDY.search(t[label[0] : label[1]]):
        return None
    return label, values


def _plain_header(t: str, s: int, e: int, n: int) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """The label part and `n` column headers of a plain-text header line, if it is one."""
    if s == e or _SENTENCE_END.search(t, s, e):
        return None
    measured = _measures_over_years(t, s, e, n)
    if measured:
        return measured
    # "HK$'000   % of total   Change": cells set apart by wide gaps may hold spaces themselves.
    tokens = _gap_cells(t, s, e)
    if len(tokens) < max(n, 2):
        tokens = [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", t[s:e])]
    if len(tokens) < n:
        return None
    columns = tokens[-n:]
    if any(_cell_kind(t, a, b) not in ("text", "year") or b - a > 24 for a, b in columns):
        return None
    if not any(_COLUMN_WORD.search(t, a, b) for a, b in columns) and n < 2:
        return None
    head = (tokens[0][0], columns[0][0] - 1) if len(tokens) > n else None
    return (_trim(t, *head) if head else None), columns


_HEADER_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _measures_over_years(t: str, s: int, e: int, n: int) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """The columns of a PDF header that sets a measure before each year, the measures repeating
    ("Year ended 31 December Revenue 2025 Revenue 2024 Gross profit 2025 Gross profit 2024"):
    one column a measure and a year."""
    years = [m.span() for m in _HEADER_YEAR.finditer(t, s, e)]
    if n < 2 or len(years) != n:
        return None
    words = t[years[0][1] : years[1][0]].strip()
    before = t[s : years[0][0]].rstrip()
    if not words or not _WORDY.search(words) or not before.endswith(words):
        return None
    first = s + len(before) - len(words)
    columns = [(first, years[0][1])] + [_trim(t, years[i - 1][1], years[i][1]) for i in range(1, n)]
    head = _trim(t, s, first)
    return (head if head[0] < head[1] else None), columns


def _grid_line(line: str, sep: str) -> bool:
    """A row of a pipe table ("| a | b |", or "Revenue  |  1,236 |  1,142") or of a tab table."""
    if sep == "\t":
        return "\t" in line
    return line.lstrip().startswith("|") or line.count("|") >= 2


def _gap_cells(t: str, s: int, e: int) -> list[tuple[int, int]]:
    """The cells of a plain-text line whose cells are set apart by two or more spaces."""
    return [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+(?: \S+)*", t[s:e])]


def _group_header(t: str, s: int, e: int, columns: list[tuple[int, int]]) -> list[tuple[int, int] | None] | None:
    """Periods set over groups of columns ("2025 … 2024" over "HK$'000  % of total  HK$'000 …"):
    the period cell above each column, by horizontal position; None if the line is no such header."""
    cells = _gap_cells(t, s, e)
    if not cells or len(cells) >= len(columns) or not all(_cell_kind(t, a, b) == "year" for a, b in cells):
        return None
    line_start = t.rfind("\n", 0, s) + 1
    col_line = t.rfind("\n", 0, columns[0][0]) + 1

    def centre(span: tuple[int, int], base: int) -> float:
        return (span[0] + span[1]) / 2 - base

    return [min(cells, key=lambda c: abs(centre(c, line_start) - centre(col, col_line))) for col in columns]


def _tables(t: str) -> list[_Table]:
    """Every table in `t`: pipe tables, tab-separated rows and plain-text rows under a header."""
    if "\n" not in t:
        return []
    lines = _lines(t)
    tables: list[_Table] = []
    k = 0
    while k < len(lines):
        s, e = lines[k]
        line = t[s:e]
        for sep in ("|", "\t"):
            if _grid_line(line, sep):
                j = k
                rows = []
                while j < len(lines):
                    a, b = lines[j]
                    if not _grid_line(t[a:b], sep):
                        break
                    rows.append(_split_cells(t, a, b, sep))
                    j += 1
                table = _grid_table(t, lines, k, rows, sep == "|")
                if table:
                    tables.append(table)
                k = j
                break
        else:
            row = _plain_row(t, s, e)
            if row is None or k == 0:
                k += 1
                continue
            n = len(row[1])
            above = k - 1
            context: list[tuple[int, int]] = []
            header = _plain_header(t, *_trim(t, *lines[above]), n)
            while above >= 1 and (
                _UNIT_LINE.fullmatch(t, *_trim(t, *lines[above])) or _AUDIT_LINE.fullmatch(t, *_trim(t, *lines[above]))
            ):
                # "2024年  2023年  变动" over "人民币千元  人民币千元" (and "（未经审核）  （经审核）"):
                # the unit, and whether audited, have lines of their own.
                over = _plain_header(t, *_trim(t, *lines[above - 1]), n)
                if over is None and header is not None:
                    break
                context.append(_trim(t, *lines[above]))
                above -= 1
                header = over
            group = []
            j = k
            while j < len(lines):
                r = _plain_row(t, *lines[j])
                if r is None or len(r[1]) != n:
                    break
                group.append(r)
                j += 1
            if header is not None and (n > 1 or len(group) > 1):
                head, columns = header
                groups = None
                if above >= 1:
                    groups = _group_header(t, *_trim(t, *lines[above - 1]), columns)
                    if groups:
                        context.append(_trim(t, *lines[above - 1]))
                        above -= 1
                caption = _caption(t, lines, above)
                if caption and above >= 2 and _SPAN_LINE.match(t, *caption):
                    # "Six months ended 30 June" says when; the title that says what is above it.
                    context.append(caption)
                    line = bisect.bisect_right(lines, (caption[0], 1 << 62)) - 1
                    caption = _caption(t, lines, line) or caption
                table = _Table(columns, [], head, context, caption, groups)
                table.rows = [_TRow(label, list(values)) for label, values in group]
                tables.append(table)
            k = j
    return tables


def _table_cells(tables: list[_Table]) -> list[tuple[int, int]]:
    """The value cells that hold a number, in order."""
    cells = [c for tb in tables for row in tb.rows for c in row.cells if c]
    return sorted(cells)


def _in_cell(cells: list[tuple[int, int]], s: int, e: int) -> bool:
    k = bisect.bisect_right(cells, (s, 1 << 62)) - 1
    return k >= 0 and cells[k][0] <= s and e <= cells[k][1]


_T_CCY = re.compile(
    r"(?<![a-z])(?:rmb|renminbi|cny|hkd|usd|twd|sgd|aud|eur|gbp|jpy)(?![a-z])|hk\$|us\$|nt\$|s\$|a\$|[$¥€£]"
    r"|人民币|港元|港币|美元|日元|欧元|英镑|新台币|(?<=[千万亿])元|(?<=[(（])元(?=\s*(?:/|[)）]))"
)
_T_SCALE = re.compile(
    r"['’]000(?!\d)|(?<![a-z])(?P<en>thousands?|millions?|billions?|mn|bn|m)(?![a-z])|(?<![a-z])(?P<cents>cents?)(?![a-z])"
    r"|(?P<zhcents>(?:人民币|港|美)?(?:分|仙))(?=\s*[)）])"
    r"|(?P<zh>百万|千万|十亿|亿|万|千)(?=\s*(?:元|港元|美元|人民币|股|[)）]|$))"
)
_T_SCALES = {"thousand": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9}
_T_PCT = re.compile(r"(?<![\d.])%|百分比|(?<![a-z])percent(?:age)?(?!\s*points?)(?![a-z])")
_T_SHARES = re.compile(r"股份数目|股数|(?<![a-z])(?:number\s+of\s+shares|shares)(?![a-z])")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")


@dataclass
class _TUnit:
    ccy: str | None = None
    scale: int | Decimal = 1
    pct: bool = False
    shares: bool = False


def _unit_note(t: str, s: int, e: int) -> _TUnit | None:
    """The unit a label or header states ("RMB million", "人民幣百萬元", "(%)"), if any."""
    unit = _TUnit()
    c = _T_CCY.search(t, s, e)
    if c:
        key = c.group()
        unit.ccy = _CCY_PREFIX_TABLE.get(key) or _CCY_SUFFIX_TABLE.get(key, "CNY")
    m = _T_SCALE.search(t, s, e)
    if m:
        if m.group("cents") or m.group("zhcents"):
            unit.scale = Decimal("0.01")  # "Basic earnings per share (RMB cents)", "（人民幣分）"
            named = next((n for n in _CENTS.finditer(t, s, e) if n.group("us") or n.group("hk")), None)
            if named and not c:
                unit.ccy = "USD" if named.group("us") else "HKD"  # "Basic (US cents)", "基本（港仙）"
        elif m.group("zh"):
            unit.scale = int(_zh_number(m.group("zh"))[0])
        elif m.group("en"):
            unit.scale = _T_SCALES[m.group("en").rstrip("s")]
        else:
            unit.scale = 1000
    unit.pct = bool(_T_PCT.search(t, s, e))
    unit.shares = bool(_T_SHARES.search(t, s, e))
    if unit == _TUnit():
        return None
    return unit


def _label_unit(t: str, s: int, e: int) -> _TUnit | None:
    """A row label's own unit, stated in brackets: "Revenue (RMB million)", "Gross margin (%)"."""
    for m in _PARENS.finditer(t, s, e):
        unit = _unit_note(t, m.start(), m.end())
        if unit:
            return unit
    return None


_CONCENTRATION = ("customer_concentration_top5", "largest_customer", "supplier_concentration_top5", "largest_supplier")
_ASPECT_TERMS = {"growth": "growth", "cagr": "cagr"}
# What may stand beside a metric term in a row label that names that metric: "Net loss for the
# year", "Basic and diluted loss per share", "Revenue from top five customers". Anything else
# ("Other income", "Cost of sales", 除稅前虧損) makes the row a different item.
_LABEL_FILLER = re.compile(
    r"[\s,，、:：;；*_.\-–—/&]+|(?<![a-z])(?:add|less|and|net|basic|diluted|total|from|of|the|for|in|year|period"
    r"|attributable\s+to.*)(?![a-z])|加|减|及|和|与|基本|摊薄|来自|的|总|期内|年内|年末|期末|年底|本期间|本期|归属于.*|应占.*"
    r"|(?:本公司|母公司)?(?:拥有人|股东|权益持有人)(?=应占)"  # 本公司拥有人应占年内利润: whose profit, not which
    r"|本公司|母公司"
)
_TOTAL_LABEL = re.compile(r"(?:total|合计|总计|合共|总额)")


def _label_metric(t: str, s: int, e: int) -> tuple[str | None, str | None]:
    """The metric a row label names, and the aspect it names (growth, cagr), if it is that metric."""
    label = t[s:e]
    terms = glossary.metrics_in(label, folded=True)
    if not terms:
        return None, None
    metrics = [m for m, _, _ in terms if m not in _ASPECT_TERMS]
    aspect = next((_ASPECT_TERMS[m] for m, _, _ in terms if m in _ASPECT_TERMS), None)
    rest = list(label)
    for a, b in [(x, y) for _, x, y in terms] + [(m.start() - s, m.end() - s) for m in _PARENS.finditer(t, s, e)]:
        rest[a:b] = " " * (b - a)
    if _LABEL_FILLER.sub("", "".join(rest)):
        return None, None
    metric = next((m for m in metrics if m in _CONCENTRATION), metrics[0] if metrics else None)
    return metric, aspect


def _subject(t: str, table: _Table) -> str | None:
    """What a table breaks down, for its total row: "Revenue by business line (RMB million)"."""
    if table.head:
        for m, _, _ in glossary.metrics_in(t[table.head[0] : table.head[1]], folded=True):
            if m not in _ASPECT_TERMS:
                return m
    if table.caption:
        metric, _ = _label_metric(t, *table.caption)
        if metric is None and _BREAKDOWN.search(t, *table.caption):
            metric = _first_metric(t, *table.caption)  # "按業務線劃分的收入如下："
        return metric
    return None


_BREAKDOWN = re.compile(
    r"按.{1,8}(?:划分|分类|分)|分部|地区|(?<![a-z])(?:segment(?:al)?|by (?:business|segment|product|region|geograph))",
    re.I,
)


_CHANGE_COLUMN = re.compile(
    r"变动|变化|增减|增长|增幅|同比|按年|(?<![a-z])(?:change|changes|growth|yoy|y-o-y|increase|decrease"
    r"|year[\s-]on[\s-]year)(?![a-z])|\+/-"
)
_SHARE_COLUMN = re.compile(r"占|比重|%\s*of|(?<![a-z])(?:share\s+of|proportion|percentage\s+of)(?![a-z])")


def _period_key(pid: str) -> tuple[int, str]:
    return int(pid[:4]), pid[4:]


def _with_template(pid: str | None, template: _PCand | str | None) -> str | None:
    """A bare column year under a header that states the span: 2025 under 截至六月三十日止六個月 is 2025H1."""
    if pid is None or template is None or not re.fullmatch(r"\d{4}", pid):
        return pid
    if isinstance(template, str):
        return pid + template
    y, m = int(pid), template.m or 12
    if template.kind == "rel_ended" and template.n:
        return _ended(y, m, template.n)[0]
    d = template.d or _last_day(y, m)
    return f"{y}-{m:02d}-{d:02d}" if _valid_date(y, m, d) else pid


def _template(table: _Table, cands: list[_PCand], column_ids: list[str | None]) -> _PCand | str | None:
    """What a header says of the span its column years cover: a yearless "six months ended
    30 June" or "As at 31 December", else the suffix the other columns share."""
    spans = [s for s in (table.head, table.caption, *table.context) if s]
    for c in cands:
        if not c.m or c.kind not in ("rel_ended", "md", "md_end"):
            continue
        if any(a <= c.start and c.end <= b for a, b in spans) and (c.kind != "md" or c.d):
            return c
    # Columns of one table cover equal spans: "2025H1 | 2024" means 2024H1.
    suffixes = {pid[4:] for pid in column_ids if pid and _id_kind(pid) in ("half", "quarter", "months", "date")}
    return suffixes.pop() if len(suffixes) == 1 else None


def _overlapping(ctx: _Context, s: int, e: int, inside: bool = False) -> Period | None:
    """The first period with an id that overlaps (or lies `inside`) the span s..e."""
    k = max(0, bisect.bisect_right(ctx.period_starts, s) - 1)
    for p in ctx.periods[k:]:
        if p.start >= e:
            break
        if p.id and p.end > s and (not inside or (s <= p.start and p.end <= e)):
            return p
    return None


def _apply_tables(ctx: _Context, tables: list[_Table], raws: list[_Raw], cands: list[_PCand]) -> None:
    by_cell = {r.extra["cell"]: r for r in raws if "cell" in r.extra}
    for table in tables:
        _apply_table(ctx, table, by_cell, cands)


def _apply_table(ctx: _Context, table: _Table, by_cell: dict[int, _Raw], cands: list[_PCand]) -> None:
    t = ctx.t
    ids: list[str | None] = []
    for ci, (s, e) in enumerate(table.columns):
        p = _overlapping(ctx, s, e)
        group = table.groups[ci] if table.groups else None
        if p is None and group and not _CHANGE_COLUMN.search(t, s, e):
            p = _overlapping(ctx, *group)
        ids.append(p.id if p else None)
    template = _template(table, cands, ids)
    ids = [_with_template(pid, template) for pid in ids]
    kinds = []
    for (s, e), pid in zip(table.columns, ids, strict=True):
        # "本報告期比上年同期增減" names two periods: the change between them.
        compares = sum(1 for p in ctx.periods if s <= p.start < e) > 1
        if _SHARE_COLUMN.search(t, s, e):
            kinds.append("share")
        elif (pid is None or compares) and _CHANGE_COLUMN.search(t, s, e):
            kinds.append("change")
            ids[len(kinds) - 1] = None  # it measures up to the latest column
        else:
            kinds.append("value")
    values = [pid for pid, kind in zip(ids, kinds, strict=True) if kind == "value" and pid]
    latest = max(values, key=_period_key) if values else None  # what a change column measures up to
    n_values = kinds.count("value")
    notes = [_unit_note(t, *span) for span in (table.head, *table.context, table.caption) if span]
    table_unit = next((u for u in notes if u), None)
    column_units = [_unit_note(t, s, e) for s, e in table.columns]
    column_metrics = [_first_metric(t, s, e) for s, e in table.columns]
    totals = [_TOTAL_LABEL.fullmatch(t[ls:le].strip(" *:：")) is not None for ls, le in (r.label for r in table.rows)]
    subject = _subject(t, table)
    for row, is_total in zip(table.rows, totals, strict=True):
        ls, le = row.label
        metric, label_aspect = _label_metric(t, ls, le)
        named = metric is not None
        # A breakdown ("Revenue by business line … Total"): a row that names no metric of its
        # own is a part of what the header names, the total row that thing itself.
        part = not named and (subject is not None or any(column_metrics)) and not is_total
        if metric is None:
            metric = subject
        label_share = bool(_SHARE_COLUMN.search(t, ls, le))
        of_metric = next((_first_metric(t, m.start(), m.end()) for m in _PARENS.finditer(t, ls, le)), None)
        row_unit = _label_unit(t, ls, le)
        p = _overlapping(ctx, ls, le, inside=True)
        row_period = p.id if p else None
        for ci, cell in enumerate(row.cells):
            r = by_cell.get(cell[0]) if cell else None
            if r is None:
                continue
            kind = kinds[ci]
            pid = ids[ci] if kind == "value" or ids[ci] else latest
            if row_period and (pid is None or n_values == 1):
                pid = row_period  # "於二零二五年一月一日尚未行使 42,105,300": the row says when
            _cell_unit(r, kind != "value", row_unit or column_units[ci] or table_unit)
            if r.unit in ("pp", "bp"):
                aspect = "pp_change"
            elif r.unit != "%":
                aspect = None
            elif kind == "change":
                aspect = "growth"
            elif kind == "share" or label_share or metric in _SHARE_METRICS:
                aspect = "share"
            else:
                aspect = label_aspect
            cell_metric = metric
            if not named and column_metrics[ci] and aspect != "share":
                cell_metric = column_metrics[ci]  # a "Gross profit 2025" column over lines that name none
            if aspect == "share" and metric not in _CONCENTRATION:
                cell_metric = (column_metrics[ci] if kind == "share" else None) or of_metric or metric
            r.period, r.period_set = pid, True
            r.metric, r.metric_set = cell_metric, True
            r.aspect = aspect
            if part:
                r.extra["part"] = True
            if aspect in _CHANGES:
                r.direction = "down" if r.sign < 0 else "up" if t[r.start] == "+" else None


def _cell_unit(r: _Raw, percent: bool, unit: _TUnit | None) -> None:
    """Give a value cell the unit and scale its table states, where the cell states none."""
    if r.unit and r.unit not in CURRENCIES:
        return  # 45.3%, +3.2個百分點, 1,553名: the cell says what it is
    if percent or (unit and unit.pct):
        if not r.unit:
            r.unit = "%"
        return
    if unit is None:
        return
    if unit.shares and not r.unit:
        r.unit = "shares"
    elif unit.ccy and (not r.unit or not r.ccy_specific):
        r.unit, r.ccy_specific = unit.ccy, True
    if unit.scale != 1 and not r.scaled:
        r.scale *= unit.scale
        r.scaled = True


def _first_metric(t: str, s: int, e: int) -> str | None:
    return next((m for m, _, _ in glossary.metrics_in(t[s:e], folded=True) if m not in _ASPECT_TERMS), None)


# ---------------------------------------------------------------------------------------------
# Attribution


_DEDUCTED = re.compile(r"(?:扣除|减去|减除|除去|(?<![a-z])(?:net\s+of|less|after\s+deducting))\s*(?:所有|全部)?\s*$")
_COST_OF = re.compile(r"(?<![a-z])costs?\s+of\s+$")  # "cost of sales" is a cost, not revenue


class _Context:
    """Sentences, clauses, periods and metric terms of one text, for attribution."""

    def __init__(
        self,
        t: str,
        periods: list[Period],
        sents: list[int],
        clauses: list[int],
        raws: list[_Raw],
        paragraphs: list[int] | None = None,
    ) -> None:
        self.t = t
        self.periods = periods
        self.period_starts = [p.start for p in periods]
        self.sents = sents
        self.clauses = clauses
        self.paragraphs = paragraphs or [0]
        self.same_period: set[int] = set()  # starts of 上年同期 / 二零二四年同期 mentions
        self.year_before: set[int] = set()  # starts of 上年 / 上一财年 / last year mentions
        # Periods that belong to a comparison base ("from RMB1,098.4 million in 2023", 較2023年的
        # 2.65億元), by start: they are that figure's, not the next one's.
        self.base_of: dict[int, int] = {}
        # A term inside a figure ("752 employees") names that figure and no other.
        self.own: dict[int, str] = {}
        self.terms: list[tuple[str, int, int]] = []
        # Growth and CAGR terms (同比, year-on-year, 年復合增長率) say what a figure measures of a
        # metric, not which metric.
        self.aspect_terms: list[tuple[str, int, int]] = []
        starts = [r.start for r in raws]
        for term in glossary.metrics_in(t, folded=True):
            mid, s, _ = term
            if mid == "revenue" and _COST_OF.search(t, max(0, s - 9), s):
                continue
            if _DEDUCTED.search(t, max(0, s - 8), s):
                continue  # "現金扣除銀行借款後仍超過1.9億港元": what is deducted is not what is stated
            k = bisect.bisect_right(starts, s) - 1
            if mid in _ASPECT_TERMS:
                self.aspect_terms.append(term)
            elif k >= 0 and s < raws[k].end:
                self.own.setdefault(id(raws[k]), mid)
            else:
                self.terms.append(term)
        self.term_starts = [s for _, s, _ in self.terms]
        self.aspect_starts = [s for _, s, _ in self.aspect_terms]

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sents, pos) - 1
        end = self.sents[k + 1] if k + 1 < len(self.sents) else len(self.t)
        return self.sents[k], end

    def clause(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.clauses, pos) - 1
        end = self.clauses[k + 1] if k + 1 < len(self.clauses) else len(self.t)
        return self.clauses[k], end

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraphs, pos) - 1

    def periods_between(self, lo: int, hi: int) -> list[Period]:
        a = bisect.bisect_left(self.period_starts, lo)
        out = []
        for p in self.periods[a:]:
            if p.start >= hi:
                break
            if p.end <= hi:
                out.append(p)
        return out

    def metric_before(self, lo: int, pos: int, unit: str | None) -> str | None:
        """The nearest metric term between `lo` and `pos` that suits `unit` (None: any)."""
        k = bisect.bisect_left(self.term_starts, pos)
        for mid, s, e in reversed(self.terms[:k]):
            if s < lo:
                break
            if e <= pos and (unit is None or _compatible(unit, mid)):
                return mid
        return None

    def metric_after(self, pos: int, hi: int, unit: str | None, stop: int, reach: int = 12) -> str | None:
        k = bisect.bisect_left(self.term_starts, pos)
        for mid, s, _e in self.terms[k:]:
            if s >= min(hi, stop) or s - pos > reach:
                break
            if unit is None or _compatible(unit, mid):
                return mid
        return None

    def nearest_term(self, lo: int, pos: int) -> tuple[str, int, int] | None:
        """The last metric or aspect term that ends by `pos` and starts after `lo`."""
        best = None
        for terms, starts in ((self.terms, self.term_starts), (self.aspect_terms, self.aspect_starts)):
            k = bisect.bisect_left(starts, pos)
            for term in reversed(terms[:k]):
                if term[1] < lo:
                    break
                if term[2] <= pos:
                    if best is None or term[1] > best[1]:
                        best = term
                    break
        return best


_SHARE_METRICS = (*_CONCENTRATION, "market_share", "shareholding")  # shares of a total by nature
_CHANGES = ("growth", "pp_change", "change")
_UP_WORD = (
    r"增长|增加|净增|上升|上涨|提升|提高|扩大|攀升|飙升|改善|增幅|升幅|(?<![a-z])(?:up|increase[ds]?|grew|grows?|growth"
    r"|rose|rises?|jump(?:ed|s)?|surge[ds]?|soar(?:ed|s)?|climb(?:ed|s)?|gain(?:ed|s)?|improve[ds]?|improvement"
    r"|widen(?:ed|s)?|expand(?:ed|s)?|higher)(?![a-z])"
)
_DOWN_WORD = (
    r"下降|减少|净减|下跌|下滑|降低|收窄|缩小|回落|降幅|跌幅|(?<![a-z])(?:down|decrease[ds]?|declin(?:e|ed|es)|fell"
    r"|falls?|drop(?:ped|s)?|slid|slides?|slipped|plunge[ds]?|narrow(?:ed|s)?|contract(?:ed|ion|s)?|shr[ai]nk"
    r"|lower|reduc(?:ed|tion))(?![a-z])"
)
_QUALIFIER_WORDS = (
    r"约|大约|超过|逾|近|接近|达|(?<![a-z])(?:about|around|approximately|over|nearly|almost|some|roughly"
    r"|more\s+than)(?![a-z])"
)
# 同比增長43.2% / rose 52.3% / narrowed by 18.1% / an increase of 4.4%: a change word right before.
_CHANGE_AT = re.compile(
    rf"(?:(?P<up>{_UP_WORD})|(?P<down>{_DOWN_WORD})|(?P<yoy>同比|按年|环比|(?<![a-z])(?:year[\s-]on[\s-]year|yoy)))"
    rf"\s*(?:分别)?\s*(?:了|达|为|(?<![a-z])(?:by|of|at)(?![a-z]))?\s*(?:{_QUALIFIER_WORDS})?\s*$"
)
_UP_OR_DOWN = re.compile(rf"(?P<up>{_UP_WORD})|(?P<down>{_DOWN_WORD})")
# A change by an amount: "淨增加17間", "收窄26,343.64萬元", "up RMB150 million"; not "closed higher
# at 18.46 yuan" or "增長達…", which give the level it reached.
_CHANGED_BY = re.compile(
    rf"(?:(?P<up>{_UP_WORD})|(?P<down>{_DOWN_WORD}))\s*(?:了|(?<![a-z])by(?![a-z]))?\s*(?:{_QUALIFIER_WORDS})?\s*$"
)
_CHANGE_AFTER = re.compile(
    r"\s*(?:(?P<yoy>year[\s-]on[\s-]year|yoy|y-o-y)|(?P<up>growth|increase|rise|gain|higher)"
    r"|(?P<down>decrease|decline|drop|fall|lower)|(?P<cagr>cagr|compound\s+annual))(?![a-z])"
)
# 佔總收入的68.4% / accounted for 71.8% / 相當於收入約114.9% / equivalent to 131.3%: a share.
_SHARE_BEFORE = re.compile(
    r"(?:占|贡献|相当于|比重|(?<![a-z])(?:accounted\s+for|accounting\s+for|accounts?\s+for|represent(?:ed|ing|s)?"
    r"|made\s+up|making\s+up|equivalent\s+to|equal\s+to|contribut(?:ed|ing|es))(?![a-z]))"
    r"[^，,；;。!?！？\d%]{0,16}$"
)
_OF_AFTER = re.compile(r"\s*of\s+(?!the\s+(?:year|period))")  # "71.8% of total revenue"


def _direction(ctx: _Context, r: _Raw, lo: int) -> str | None:
    """The direction of a change: the last direction word before it in its clause, else its sign."""
    last = None
    for m in _UP_OR_DOWN.finditer(ctx.t, max(lo, r.start - 40), r.start):
        last = m
    if last is not None:
        return "up" if last.group("up") else "down"
    after = _CHANGE_AFTER.match(ctx.t, r.end)
    if after and (after.group("up") or after.group("down")):
        return "up" if after.group("up") else "down"
    return _signed(ctx.t, r)


def _signed(t: str, r: _Raw) -> str | None:
    return "down" if r.sign < 0 else "up" if t[r.start] == "+" else None


def _aspect_of(ctx: _Context, r: _Raw, lo: int) -> tuple[str | None, str | None]:
    """What a figure measures of its metric, and the direction of a change; `lo` is where the
    words that belong to this figure begin (its clause, after the figure before it)."""
    t = ctx.t
    c_lo = ctx.clause(r.start)[0]
    if r.unit in ("pp", "bp"):
        return "pp_change", _direction(ctx, r, c_lo)
    if r.unit != "%":
        # "較去年底淨增加17間", "虧損收窄26,343.64萬元", "up RMB150 million": a change by an amount.
        m = _CHANGED_BY.search(t, max(lo, c_lo, r.start - 40), r.start)
        if m:
            return "change", "up" if m.group("up") else "down"
        return None, None
    term = ctx.nearest_term(lo, r.start)
    if term and term[0] == "cagr":
        return "cagr", _signed(t, r)
    win = max(lo, r.start - 40)
    m = _CHANGE_AT.search(t, win, r.start)
    if m:
        if r.sign < 0 and m.group("up"):
            return "growth", "down"  # "同店銷售增長分別為1.8%及-2.6%": a negative growth is a fall
        return "growth", "up" if m.group("up") else "down" if m.group("down") else _signed(t, r)
    share = _SHARE_BEFORE.search(t, win, r.start)
    if share or _OF_AFTER.match(t, r.end):
        if share:
            r.extra["share_at"] = share.start()
        return "share", None
    if term and term[0] == "growth":
        return "growth", _direction(ctx, r, lo)
    after = _CHANGE_AFTER.match(t, r.end)
    if after:
        if after.group("cagr"):
            return "cagr", _signed(t, r)
        return "growth", "up" if after.group("up") else "down" if after.group("down") else _signed(t, r)
    if t[r.start] == "+":
        return "growth", "up"  # "(+43.2%)": a signed percentage is a change
    return None, None


# What may stand between two figures for the second to measure the same thing as the first:
# "71.8% of total revenue in 2024, compared with 79.4% in 2023 and 86.2% in 2022",
# "68.4%（二零二四年同期：74.6%）", "growth of 45.0% in 2023 and 46.0% in 2024".
_LIKE_FILLER = re.compile(
    r"[\s,，、;；:：()（）]+|(?<![a-z])(?:of|total|the|in|for|at|as|compared\s+(?:with|to)|versus|vs\.?|against"
    r"|down|up|from|and|or|a|year|earlier|ago|respectively|was|were|is)(?![a-z])"
    r"|较|比|相比|对比|同期|的|和|及|与|以及|分别|为|是|达"
)  # not "to": "rose 5% to 45%" ends at a level
_LIKE_LINK = re.compile(r"[,，、(（]|(?<![a-z])(?:and|or|compared|versus|vs|against|from)(?![a-z])|较|比|和|及|与")
_LIST_LINK = re.compile(r"[,，、]|(?<![a-z])(?:and|or)(?![a-z])|和|及|与")


def _like(ctx: _Context, a: _Raw, b: _Raw) -> None:
    """Let `b` measure what `a` measures when the words between them only compare or list."""
    if not a.aspect or b.aspect not in (None, a.aspect) or a.family_key != b.family_key:
        return
    if ctx.sentence(a.start)[0] != ctx.sentence(b.start)[0] or b.start - a.end > 80:
        return
    c_lo = ctx.clause(b.start)[0]
    if ctx.metric_before(max(c_lo, a.end), b.start, None):
        return  # "revenue grew 20% and net loss 30%": b names its own metric
    t = ctx.t
    gap = list(t[a.end : b.start])
    for p in ctx.periods_between(a.end, b.start):
        gap[p.start - a.end : p.end - a.end] = " " * (p.end - p.start)
    # A term right after "of" is the total a share is of: "71.8% of total revenue".
    of = _OF_AFTER.match(t, a.end)
    if of:
        for _, s, e in ctx.terms[bisect.bisect_left(ctx.term_starts, of.end()) :]:
            if s >= b.start or s - of.end() > 24:
                break
            gap[s - a.end : e - a.end] = " " * (e - s)
    text = "".join(gap)
    if _LIKE_FILLER.sub("", text) or not _LIKE_LINK.search(text):
        return
    b.aspect = a.aspect
    b.extra["like"] = a
    if _LIST_LINK.search(text) and not re.search(r"compared|versus|vs|against|from|较|比", text):
        b.direction = b.direction or _signed(t, b) or a.direction  # "增長分別為1.8%及-2.6%"


def _assign_aspects(ctx: _Context, raws: list[_Raw]) -> None:
    previous = 0
    for r in raws:
        if "cell" not in r.extra:
            lo = max(ctx.clause(r.start)[0], previous)
            r.aspect, r.direction = _aspect_of(ctx, r, lo)
            r.extra["since"] = max(ctx.sentence(r.start)[0], previous)
        previous = r.end
    for a, b in pairwise(raws):
        if "cell" not in a.extra and "cell" not in b.extra:
            _like(ctx, a, b)


def _share_metric(ctx: _Context, r: _Raw) -> str | None:
    """Whose share a share is: the customers it comes from, else the total it is of."""
    t = ctx.t
    lo = r.extra.get("since", ctx.sentence(r.start)[0])
    prev = r.extra.get("prev")
    if prev is not None and prev.metric is None and prev.end == lo:
        # "前五名客戶合計銷售金額為49,036.84萬元，佔營業收入的比例為26.56%": the amount before
        # the share names no measure of its own; the customers are still what the share is of.
        lo = ctx.sentence(r.start)[0]
    if prev is not None and prev.metric in glossary.SHARE_OF and prev.end == lo:
        return glossary.SHARE_OF[prev.metric]  # "前五名客户销售额58,327.14万元，占年度销售总额45.77%"
    k = bisect.bisect_left(ctx.term_starts, r.start)
    for mid, s, _ in reversed(ctx.terms[:k]):
        if s < lo:
            break
        if glossary.suited(mid, "percent") in _CONCENTRATION:
            return glossary.suited(mid, "percent")
    if "share_at" in r.extra:  # 佔總收入的68.4%, 相當於收入約114.9%
        named = ctx.metric_before(r.extra["share_at"], r.start, None)
        if named:
            return named
    of = _OF_AFTER.match(t, r.end)
    if of:
        named = ctx.metric_after(of.end(), len(t), None, len(t), reach=24)
        if named:
            return named
    c_lo, c_hi = ctx.clause(r.start)
    return ctx.metric_before(c_lo, r.start, r.unit) or ctx.metric_after(
        r.end, c_hi, r.unit, r.extra.get("next_start", len(t))
    )


def _metric_of_aspect(ctx: _Context, r: _Raw) -> str | None:
    """The metric whose change or share `r` is: the nearest one named before it in the sentence."""
    if r.aspect == "share":
        return _share_metric(ctx, r)
    return ctx.metric_before(ctx.sentence(r.start)[0], r.start, None)


_WITHIN_PERIOD = re.compile(r"年内|年度内|期内|本期间|本期|全年")


def _period_group_before(ctx: _Context, pos: int, lo: int) -> list[str] | None:
    """The periods a series refers to: the nearest range, or list of periods, before `pos`."""
    # "…，本集團年內虧損分別為": 年內 belongs to the metric's name, not to the series.
    ps = [p for p in ctx.periods_between(lo, pos) if not _WITHIN_PERIOD.fullmatch(ctx.t[p.start : p.end])]
    if not ps:
        return None
    last = ps[-1]
    if last.kind == "range":
        return list(last.members)
    group = [last]
    for p in reversed(ps[:-1]):
        if p.kind == "range" or not _CONNECT_LIST.fullmatch(ctx.t[p.end : group[0].start]):
            break
        group.insert(0, p)
    if any(p.id is None for p in group):
        return None
    return [p.id for p in group if p.id]


def _chain(t: str, raws: list[_Raw], k: int) -> list[_Raw]:
    """Figures from raws[k] on that a list connects (A、B、C / A, B and C)."""
    chain = [raws[k]]
    for b in raws[k + 1 :]:
        a = chain[-1]
        if "range_with" in a.extra or "cell" in b.extra:
            break
        if not _SERIES_GAP.fullmatch(t[a.end : b.start]):
            break
        if a.unit and b.unit and a.family_key != b.family_key:
            break  # "…及7.42億元，三年累計": the list ends where the kind of figure changes
        chain.append(b)
    return chain


def _assign_series(ctx: _Context, raws: list[_Raw]) -> None:
    t = ctx.t
    starts = [r.start for r in raws]
    # 2022年至2024年，…分别為A、B、C
    for m in _SEPARATELY.finditer(t):
        k = bisect.bisect_left(starts, m.end())
        if k >= len(raws) or raws[k].start - m.end() > 8 or "cell" in raws[k].extra:
            continue
        chain = _chain(t, raws, k)
        lo, _ = ctx.sentence(m.start())
        group = _period_group_before(ctx, m.start(), lo)
        _align(ctx, chain, group, lo)
    # A, B and C in 2022, 2023 and 2024, respectively
    for m in _RESPECTIVELY.finditer(t):
        lo, _ = ctx.sentence(m.start())
        k = bisect.bisect_left(starts, m.start()) - 1
        if k < 0 or raws[k].start < lo or "cell" in raws[k].extra:
            continue
        first = k
        while (
            first > 0
            and raws[first - 1].start >= lo
            and _SERIES_GAP.fullmatch(t[raws[first - 1].end : raws[first].start])
        ):
            first -= 1
        chain = raws[first : k + 1]
        after = [p for p in ctx.periods_between(chain[-1].end, m.start()) if p.id]
        if after:
            group = (
                list(after[0].members)
                if len(after) == 1 and after[0].kind == "range"
                else [p.id for p in after if p.id]
            )
        else:
            group = _period_group_before(ctx, chain[0].start, lo)
        _align(ctx, chain, group, lo)


def _align(ctx: _Context, chain: list[_Raw], group: list[str] | None, lo: int) -> None:
    if len(chain) < 2:
        return
    head = chain[0]
    for r in chain[1:]:
        # "分別約1,287萬元、9,842萬元及3.12億元": the 約 before the list qualifies all of it.
        r.qualifier = r.qualifier or head.qualifier
    metric = _metric_of_aspect(ctx, head) if head.aspect else ctx.metric_before(lo, head.start, head.unit)
    # "本年度香港、澳門及內地的同店銷售增長分別為…": one period before a list of items is theirs,
    # and each is a part of the metric (unless the items are metrics: "收入及毛利分別為").
    single = group[0] if group and len(group) == 1 else None
    parts = single is not None and sum(1 for _, s, _ in ctx.terms if lo <= s < chain[0].start) <= 1
    for n, r in enumerate(chain):
        r.period = group[n] if group and len(group) == len(chain) else single
        if parts:
            r.extra["part"] = True
        r.period_set = True
        if metric and (r.aspect or _compatible(r.unit, metric)):
            r.metric, r.metric_set = metric, True


# A qualifier may stand between the word and its figure: "to about 1.85 billion", 增至约3.2亿.
_QUALIFIED = r"\s*(?:(?:about|approximately|around|roughly|nearly|almost|over|more\s+than|约|约为|逾|近|超过)\s*)?$"
_FROM_AT = re.compile(r"(?:从|由|自|(?<![a-z])from)" + _QUALIFIED)
_TO_AT = re.compile(r"(?:至|到|(?<![a-z])to)" + _QUALIFIED)
_LEAD_GAP = re.compile(r"\s*(?:的|(?<![a-z])(?:in|the)(?![a-z]))?\s*")
_CLAUSE_MARK = re.compile(r"[，,；;。]")


def _introduced(ctx: _Context, r: _Raw, word: re.Pattern[str]) -> tuple[bool, Period | None]:
    """Whether `word` (from / to) introduces `r`, perhaps across a period: 由2022年的1.2億元."""
    t = ctx.t
    if word.search(t, max(0, r.start - 22), r.start):
        return True, None
    k = bisect.bisect_right(ctx.period_starts, r.start) - 1
    if k >= 0:
        p = ctx.periods[k]
        if p.end <= r.start and _LEAD_GAP.fullmatch(t, p.end, r.start) and word.search(t, max(0, p.start - 8), p.start):
            return True, p
    return False, None


def _from_to_pairs(ctx: _Context, raws: list[_Raw]) -> list[tuple[_Raw, _Raw]]:
    """(from, to): 由A增加54.0%至B, from A in 2023 to B in 2024, to A from B."""
    t = ctx.t
    out = []
    for i, a in enumerate(raws):
        if "cell" in a.extra:
            continue
        a_from, _ = _introduced(ctx, a, _FROM_AT)
        if not a_from and not _introduced(ctx, a, _TO_AT)[0]:
            continue
        j = i + 1
        while j < len(raws) and raws[j].aspect in _CHANGES and a.aspect not in _CHANGES:
            j += 1
        if j >= len(raws):
            continue
        b = raws[j]
        if "cell" in b.extra or (a.family_key != b.family_key and a.unit and b.unit):
            continue
        if ctx.sentence(a.start)[0] != ctx.sentence(b.start)[0]:
            continue
        ok, lead = _introduced(ctx, b, _TO_AT if a_from else _FROM_AT)
        if not ok:
            continue
        gap = list(t[a.end : lead.start if lead else b.start])
        for x in [*ctx.periods_between(a.end, b.start), *raws[i + 1 : j]]:
            gap[x.start - a.end : x.end - a.end] = " " * (x.end - x.start)
        text = "".join(gap).strip()
        if len(text) > 24 or _CLAUSE_MARK.search(text):
            continue
        out.append((a, b) if a_from else (b, a))
    return out


def _own_period(ctx: _Context, r: _Raw, word: re.Pattern[str]) -> Period | None:
    return _introduced(ctx, r, word)[1] or _trailing_period(ctx, r)


def _assign_from_to(ctx: _Context, raws: list[_Raw]) -> None:
    """Periods of from/to pairs that state none of their own.

    從A飙升至B under a year range: A is its first year, B its last. A pair with no periods at all
    ("Gross margin improved … from 41.6% to 44.6%") takes those of the last pair before it in the
    paragraph that states both. From "the same period last year" leads to the current period.
    """
    stated: dict[int, tuple[str, str]] = {}
    for frm, to in _from_to_pairs(ctx, raws):
        if frm.period_set or to.period_set:
            continue
        pf, pt = _own_period(ctx, frm, _FROM_AT), _own_period(ctx, to, _TO_AT)
        para = ctx.paragraph(frm.start)
        ids: tuple[str, str] | None = None
        if pf and pt:
            if pf.id and pt.id:
                ids = pf.id, pt.id
        elif pf is None and pt is None:
            lo, _ = ctx.sentence(frm.start)
            ps = ctx.periods_between(lo, min(frm.start, to.start))
            if ps and ps[-1].kind == "range" and len(ps[-1].members) >= 2:
                ids = ps[-1].members[0], ps[-1].members[-1]
            else:
                ids = stated.get(para)
            if ids:
                frm.period, to.period = ids
                frm.period_set = to.period_set = True
        elif pf and pf.id and (pf.start in ctx.same_period or pf.start in ctx.year_before) and pt is None:
            # From "the same period last year" (上一财年) to a figure with no period: to the current one.
            ids = pf.id, _shift_year(pf.id, 1)
            to.period, to.period_set = ids[1], True
        if ids is None:
            continue
        stated[para] = ids
        s_lo, s_hi = ctx.sentence(frm.start)
        lo, hi = min(frm.start, to.start), max(frm.start, to.start)
        for r in raws:
            if s_lo <= r.start < s_hi and r.aspect in _CHANGES and not r.period_set:
                if lo < r.start < hi:  # 由A增加54.0%至B: the change belongs to where it ends
                    r.period, r.period_set = ids[1], True
                else:
                    r.extra.setdefault("pair_to", ids[1])


def _trailing_period(ctx: _Context, r: _Raw) -> Period | None:
    """A period right after the figure: "RMB337 million in 2024", "94.4% (2024年)"."""
    k = bisect.bisect_left(ctx.period_starts, r.end)
    if k >= len(ctx.periods):
        return None
    p = ctx.periods[k]
    gap = ctx.t[r.end : p.start]
    if len(gap) > 25 or not _TRAILING_GAP.fullmatch(gap):
        return None
    if ctx.t[p.end : p.end + 1] in (":", "："):
        return None  # "(2023: RMB1.7 billion)": a label for the figure after it
    if ctx.sentence(p.start)[0] != ctx.sentence(r.start)[0]:
        return None
    return p


def _comparison_base(t: str, p: Period, r: _Raw) -> bool:
    """較上年同期增長28.5%: the period is what the change is measured against, not its own."""
    return bool(_COMPARED.search(t, max(0, p.start - 14), p.start)) and bool(_UP_OR_DOWN.search(t, p.end, r.start))


_SUMS_UP = re.compile(
    r"\s*(?:总金额|总额|总值|合计|共计|总计|合共|金额|totall?ing|in total|with a total value of|worth)", re.I
)


# A sentence that breaks down the one before: "本集團共經營268間門店…。按地區劃分，香港有172間…".
_BREAKDOWN_OPEN = re.compile(
    r"\s*(?:按.{1,8}?(?:划分|分类|分)|其中|(?<![a-z])(?:by\s+(?:region|segment|brand|geograph|business|product)"
    r"[a-z]*|of\s+which|among\s+them))\s*[,，:：]"
)


def _broken_down(ctx: _Context, r: _Raw) -> str | None:
    """The metric of the sentence before, for a figure in a sentence that breaks it down."""
    lo, _ = ctx.sentence(r.start)
    if lo == 0 or not _BREAKDOWN_OPEN.match(ctx.t, lo) or ctx.metric_before(lo, r.start, None):
        return None  # "其中，最大客户贡献的收入占比…": a sentence that names its own metric keeps it
    before, _ = ctx.sentence(lo - 1)
    return ctx.metric_before(before, lo, r.unit)


_PREDICATE = re.compile(
    rf"\s*(?:was|were|is|are|stood\s+at|amounted\s+to|came\s+to|为|达)\s*(?:{_QUALIFIER_WORDS})?\s*"
)


def _assign_default(ctx: _Context, r: _Raw) -> None:
    if "cell" in r.extra:
        return  # a table cell has what its row and column give it
    c_lo, c_hi = ctx.clause(r.start)
    if not r.metric_set:
        own = ctx.own.get(id(r))
        if "like" in r.extra:
            r.metric = r.extra["like"].metric
        elif r.aspect:
            r.metric = _metric_of_aspect(ctx, r)
        elif own and _compatible(r.unit, own):
            r.metric = own
        else:
            r.metric = ctx.metric_before(c_lo, r.start, r.unit) or ctx.metric_after(
                r.end, c_hi, r.unit, r.extra.get("next_start", len(ctx.t))
            )
            if r.metric is None and (
                _SUMS_UP.match(ctx.t, c_lo, r.start) or _PREDICATE.fullmatch(ctx.t, c_lo, r.start)
            ):
                # "…24份銷售合同,總金額達12.41億元": a clause that totals names no metric of its own;
                # "The gearing ratio, calculated as …, was 14.6%": the clause is the predicate.
                r.metric = ctx.metric_before(ctx.sentence(r.start)[0], r.start, r.unit)
            if r.metric is None:
                r.metric = _level_of_change(ctx, r, c_lo)
            if r.metric is None:
                r.metric = _broken_down(ctx, r)
    if r.aspect is None and r.unit == "%" and r.metric in _SHARE_METRICS:
        r.aspect = "share"
    if r.aspect in _CHANGES and r.direction is None and r.sign < 0:
        r.direction = "down"
    change = r.aspect in _CHANGES
    if r.period_set:
        return
    p = _trailing_period(ctx, r)
    if p is None:
        lo, _ = ctx.sentence(r.start)
        before = [q for q in ctx.periods_between(lo, r.start) if _may_precede(ctx, q, r)]
        if before:
            p = before[-1]
        else:
            # "(2023: RMB1.7 billion)": a period that labels the figure after it is not this one's.
            after = [q for q in ctx.periods_between(r.end, c_hi) if not _labels_next(ctx.t, q)]
            if change:
                # "up 46% from A in 2023 to B in 2024": the change belongs to where it ends.
                after = [q for q in after if not _measured_from(ctx.t, r.end, q.start)]
            p = after[0] if after else None
    if p is None and "pair_to" not in r.extra:
        r.period = _against_same_period(ctx, r, change)
        return
    r.period = p.id if p else r.extra.get("pair_to")


def _level_of_change(ctx: _Context, r: _Raw, c_lo: int) -> str | None:
    """The metric of a change that `r` ends: "Operating cash flow, however, fell 13.1% to 213.6
    million" makes 213.6 million a level of operating cash flow."""
    prev = r.extra.get("prev")
    if prev is None or prev.aspect not in _CHANGES or prev.start < c_lo or not prev.metric:
        return None
    if not (_TO_AT.search(ctx.t, prev.end, r.start) and _compatible(r.unit, prev.metric)):
        return None
    return prev.metric if _subject_term(ctx, prev) else None


def _subject_term(ctx: _Context, r: _Raw) -> bool:
    """Whether the metric term nearest before `r` in its sentence comes before every other figure
    of the sentence: the sentence's subject, not the base of a share ("…accounted for 68.4% of
    revenue, rose 61.0%")."""
    lo, _ = ctx.sentence(r.start)
    k = bisect.bisect_left(ctx.term_starts, r.start) - 1
    if k < 0 or ctx.term_starts[k] < lo or ctx.terms[k][0] != r.metric:
        return False
    prev = r.extra.get("prev")
    return prev is None or prev.start < lo or prev.start > ctx.term_starts[k]


def _against_same_period(ctx: _Context, r: _Raw, change: bool) -> str | None:
    """The current period, for a figure compared with the same period a year before: in
    "X，較二零二四年同期的Y增長43.2%" X and the change are of 2025H1."""
    lo, hi = ctx.sentence(r.start)
    for q in ctx.periods_between(lo, hi):
        if q.id and _labels_next(ctx.t, q) and _ASIDE_OPEN.fullmatch(ctx.t, r.end, q.start):
            # "分部虧損約為26.8百萬港元（2024年：約31.2百萬港元）": the aside gives the year before.
            return _shift_year(q.id, 1)
        if not q.id or q.start not in ctx.same_period or ctx.base_of.get(q.start) == id(r):
            continue
        # 較二零二四年同期的…, or an aside "（二零二四年同期：人民幣0.48元）"
        compared = _COMPARED.search(ctx.t, max(0, q.start - 14), q.start) or (
            _labels_next(ctx.t, q) and ctx.t[q.start - 1 : q.start] in ("(", "（")
        )
        if compared and (q.start > r.end or change):
            return _shift_year(q.id, 1)
    return None


_ASIDE_OPEN = re.compile(r"\s*[(（]\s*")


def _labels_next(t: str, p: Period) -> bool:
    return t[p.end : p.end + 1] in (":", "：")


def _may_precede(ctx: _Context, q: Period, r: _Raw) -> bool:
    """Whether period `q`, named before `r` in its sentence, may be `r`'s period."""
    if _comparison_base(ctx.t, q, r):
        return False
    if ctx.base_of.get(q.start, id(r)) != id(r):
        return False  # the period of a comparison base before it
    # "（二零二四年同期：74.6%），來自最大客戶的收入佔總收入的24.9%": a label is for its figure only.
    return not _labels_next(ctx.t, q) or _LABEL_GAP.fullmatch(ctx.t, q.end, r.start) is not None


_LABEL_GAP = re.compile(rf"\s*[:：]\s*(?:{_QUALIFIER_WORDS})?\s*")  # "（2024年：約128.5百萬港元）"


_BASE_AT = re.compile(
    r"(?:较|比|相比|对比|从|由|自|(?<![a-z])(?:from|compared\s+(?:with|to)|versus|vs\.?|than|against))\s*(?:the\s+)?$"
)


def _mark_bases(ctx: _Context, raws: list[_Raw]) -> None:
    """Note the periods of figures a comparison is made against: "from RMB1,098.4 million in 2023"."""
    for r in raws:
        if "cell" in r.extra:
            continue
        based, lead = _introduced(ctx, r, _BASE_AT)
        if not based:
            continue
        for q in (lead, _trailing_period(ctx, r)):
            if q is not None:
                ctx.base_of[q.start] = id(r)


def _measured_from(t: str, start: int, end: int) -> bool:
    """Whether the last marker between `start` and `end` is a "from" (base), not a "to"."""
    last = None
    for m in _BASE_OR_TARGET.finditer(t, start, end):
        last = m.lastgroup
    return last == "base"


# A share in words: "逾四分之三", "一半以上", "over three-quarters of revenue", "more than half of".
# English ones only before "of", or after a qualifier: "first half", "half-year" are periods.
_FRACTION = re.compile(
    r"(?P<zh>一半|半数|(?P<d>[二三四五六七八九十])分之(?P<n>[一二三四五六七八九]))"
    r"|(?<![a-z])(?P<en>half|(?:a|one)\s+third|two[\s-]thirds|(?:a|one)\s+quarter|three[\s-]quarters)"
    r"(?=\s+of(?![a-z]))"
)
_FRACTION_LEAD = re.compile(r"(?:占|的|比例|超过|超|逾|近|约|达|大约)\s*$")
_FRACTION_EN = {
    "half": Decimal(1) / 2,
    "third": Decimal(1) / 3,
    "thirds": Decimal(2) / 3,
    "quarter": Decimal(1) / 4,
    "quarters": Decimal(3) / 4,
}


def _with_fractions(t: str, raws: list[_Raw], mask: bytearray) -> list[_Raw]:
    """`raws` and the shares stated as fractions in words, as percentages, in order."""
    for m in _FRACTION.finditer(t):
        i, j = m.span()
        if mask[i] or any(r.start < j and i < r.end for r in raws):
            continue
        if m.group("zh") and not (_FRACTION_LEAD.search(t, max(0, i - 6), i) or _QUAL_AFTER.match(t, j)):
            continue  # "做到一半離開" is no share of anything
        if m.group("d"):
            share = Decimal(_zh_number(m.group("n"))[0]) / Decimal(_zh_number(m.group("d"))[0])
        elif m.group("zh"):
            share = Decimal("0.5")
        else:
            share = _FRACTION_EN[re.split(r"[\s-]", m.group("en"))[-1]]
        # Said in words, a fraction is loose: "half" of revenue is 47.5% to 52.5%.
        r = _Raw(i, j, i, j, (share * 100).quantize(Decimal("0.01")), Decimal(5), unit="%")
        _qualify(t, r, _qualifier_before(t, i))
        raws.append(r)
    return sorted(raws, key=lambda r: r.start)


# ---------------------------------------------------------------------------------------------
# Entry points


def _scan(
    t: str, raw: str, mask: bytearray, lenient: bool = False, cells: list[tuple[int, int]] | None = None
) -> list[_Raw]:
    raws: list[_Raw] = []
    for m in _CORE.finditer(t):
        if raws and m.start() < raws[-1].end:
            continue
        r = _read(t, raw, m, mask, lenient)
        if r is not None:
            raws.append(r)
    if cells:
        starts = [s for s, _ in cells]
        for r in raws:
            k = bisect.bisect_right(starts, r.core_start) - 1
            if k >= 0 and r.core_start < cells[k][1] and r.start >= cells[k][0] - 1:
                r.extra["cell"] = cells[k][0]
                r.weak = False  # a bare "5" is a figure in a table
                if r.sign > 0 and _bracketed(t, r.start, r.end) and r.start > cells[k][0]:
                    r.sign = -1  # "(14.1%)" in a table is negative too
                    r.start, r.end = r.start - 1, r.end + 1
    raws = _with_fractions(t, raws, mask)
    _join_ranges(t, raws)
    kept = [r for r in raws if not (r.weak and not r.unit and not r.scaled)]
    for r in kept:
        r.text = raw[r.start : r.end]
    return kept


_PARAGRAPH = re.compile(r"\n[ \t]*\n|(?<=[。！？.!?])[ \t]*\n|\n(?=[ \t]*(?:[-*•#|]|\d+[.)]\s))")


def parse_figures(text: str, anchor: str | None = None) -> list[Figure]:
    """Every figure in `text`, in order, with its period, metric and aspect assigned.

    `anchor` is the period the document reports on (see document_period): relative mentions
    such as "上半年", "a year earlier" and "本期間" resolve against it.
    """
    t = fold(text)
    sents, clauses = _segments(t)
    tables = _tables(t)
    cells = _table_cells(tables)
    periods, mask, cands = _periods(t, text, sents, anchor, cells)
    raws = _scan(t, text, mask, cells=cells)
    # 同比 names the base a change is measured from; no figure belongs to it.
    bases = {c.start for c in cands if c.kind == "rel_base"}
    own_periods = [p for p in periods if p.start not in bases]
    paragraphs = [0, *(m.end() for m in _PARAGRAPH.finditer(t))]
    ctx = _Context(t, own_periods, sents, clauses, raws, paragraphs)
    ctx.same_period = {c.start for c in cands if c.kind in ("rel_same", "year_same")}
    ctx.year_before = {c.start for c in cands if c.kind == "rel_prev"}
    for a, b in pairwise(raws):
        a.extra["next_start"] = b.start
        b.extra["prev"] = a
    _apply_tables(ctx, tables, raws, cands)
    _mark_bases(ctx, raws)
    _assign_aspects(ctx, raws)
    _assign_series(ctx, raws)
    _assign_from_to(ctx, raws)
    for r in raws:
        _assign_default(ctx, r)
    figures = [_finish(r) for r in raws]
    return sorted(figures + _worded_multiples(t, text, figures), key=lambda f: f.start)


_NUMBER_WORDS = {
    "twice": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
_WORDED_MULTIPLE = re.compile(
    r"(?<![a-z])(?:(?P<q>roughly|about|around|approximately|nearly|almost|more than|over|at least)\s+)?"
    r"(?:(?P<twice>twice)|(?P<n>" + "|".join(w for w in _NUMBER_WORDS if w != "twice") + r")[\s-]*(?:times|fold))"
    r"(?![a-z])"
)
_WORD_QUALIFIER = {
    "roughly": "approx",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "nearly": "nearly",
    "almost": "nearly",
    "more than": "over",
    "over": "over",
    "at least": "over",
}


def _worded_multiples(t: str, text: str, figures: list[Figure]) -> list[Figure]:
    """English multiples written in words ("roughly ten times", "twice", "three-fold")."""
    out = []
    for m in _WORDED_MULTIPLE.finditer(t):
        if any(f.start < m.end() and m.start() < f.end for f in figures):
            continue
        word = m.group("twice") or m.group("n")
        start = m.start("twice") if m.group("twice") else m.start("n")
        q = m.group("q")
        out.append(
            Figure(
                Decimal(_NUMBER_WORDS[word]),
                "x",
                text[start : m.end()],
                start,
                m.end(),
                qualifier=_WORD_QUALIFIER.get(q) if q else None,
                precision=_HALF,
            )
        )
    return out


_TRIM = " \t\r\n。.,，;；:：!！?？\"'“”"


def parse_number(text: str) -> Figure | None:
    """The one figure `text` consists of ("RMB337 million", "約3.37億元"), else None."""
    stripped = text.strip(_TRIM)
    if not stripped:
        return None
    offset = text.find(stripped)
    t = fold(stripped)
    # A lone number is a number here, even one that looks like a year.
    mask = bytearray(len(t) + 1) if t.isdigit() else _periods(t, stripped, _segments(t)[0])[1]
    raws = _scan(t, stripped, mask, lenient=True)
    if len(raws) != 1:
        return None
    r = raws[0]
    head, tail = t[: r.start], t[r.end :]
    if head.strip():
        q = _QUAL_BEFORE.search(head)
        if q is None or q.lastgroup == "none" or head[: q.start()].strip():
            return None
    if tail.strip() and not _QUAL_AFTER.fullmatch(tail):
        return None
    f = _finish(r)
    return replace(f, start=f.start + offset, end=f.end + offset)
