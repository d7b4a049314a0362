"""Text normalisation for search, tokens for BM25, and sentence boundaries.

Normalised text is for matching only; what people see is always the original. `normalise`
keeps the length of its input, so an offset into the normalised text is an offset into the
original.
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache

import jieba
import opencc

jieba.setLogLevel(logging.WARNING)

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")

# Full-width ASCII (U+FF01..U+FF5E) and the ideographic space map one-to-one onto ASCII; a few
# look-alikes (minus sign, no-break space, ￥) fold too.
_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0x2212: 0x2D, 0x00A0: 0x20, 0xFFE5: 0xA5}
# What figure parsing keeps wide: "，" must not read as a thousands separator in "3，5億".
_WIDTH_KEEPING_CLAUSES = {k: v for k, v in _WIDTH.items() if chr(k) not in "，；：！？"}


def in_script(text: str, script: str) -> str:
    """Simplified Chinese `text` written for `script` ("zh-Hant" gets Traditional characters)."""
    return _S2T.convert(text) if script == "zh-Hant" else text


def _lower(text: str) -> str:
    # str.lower() lengthens a few characters (İ); keep those as they are.
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def normalise(text: str, keep_clause_marks: bool = False) -> str:
    """Traditional→Simplified, full→half width, lowercase; same length as `text`.

    `keep_clause_marks` leaves Chinese clause punctuation (，；：！？) wide, for figure parsing.
    """
    simplified = _T2S.convert(text)
    if len(simplified) != len(text):  # a phrase rule changed the length: convert char by char
        simplified = "".join(c2 if len(c2 := _T2S.convert(c)) == 1 else c for c in text)
    return _lower(simplified.translate(_WIDTH_KEEPING_CLAUSES if keep_clause_marks else _WIDTH))


_STOP = frozenset(
    """的 了 是 在 和 与 及 或 其 为 为了 有 多少 什么 哪 哪些 哪个 吗 呢 么 怎么 如何 请问 几 个 所 位 之 对 对于 于
    并 而 但 这 那 该 此 被 把 从 至 到 以 及其 a an the of in on at to for by and or is are was were be been
    what which who whom whose where when why how many much did does do its it this that these those with as
    from than
    嘅 咗 啲 冇 乜 咩 喺 系 边 边个 边间 系边间 几多 系几多 佢 佢哋 嗰 呀 吖""".split()
)
_PUNCT = re.compile(r"^(?:[\W_]+|[a-z])$", re.UNICODE)  # punctuation, or a lone letter


# Stored BM25 tokens carry this; an index tokenised under other rules is re-tokenised on open.
TOKENIZER = hashlib.sha256("\0".join([jieba.__version__, _PUNCT.pattern, *sorted(_STOP)]).encode()).hexdigest()[:12]


def tokens(text: str) -> list[str]:
    """BM25 tokens: jieba words of the normalised text, without punctuation and stop words."""
    return [t for t in (w.strip() for w in jieba.cut(normalise(text))) if t and t not in _STOP and not _PUNCT.match(t)]


# A sentence ends at Chinese terminators, at . ! ? ; followed by space or end (not inside 3.37,
# a URL, U.S., "No. 5" or a list number "1."), or at a line break, unless the break only
# wraps an English sentence ("year ended\n31 December").
_CJK_END = "。！？；"
_ASCII_END = ".!?;"
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:No|Nos|Inc|Ltd|Co|Corp|Mr|Mrs|Ms|Dr|Prof|St|vs|approx|e\.g|i\.e|etc|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|Vol|p|pp)\.)$",
    re.I,
)
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]$")
_CLOSERS = "”’\"')）】」』"


@lru_cache(maxsize=256)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, whitespace trimmed, covering all non-blank text."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        cut = None
        if c == "\n":
            if not _wraps(text, i):
                cut = i
        elif c in _CJK_END:
            cut = i + 1
        elif c in _ASCII_END:
            j = i + 1
            while j < n and text[j] in _CLOSERS:
                j += 1
            if (j == n or text[j] in " \t\n") and not (
                c == "."
                and (_ABBREV.search(text[max(start, i - 8) : i + 1]) or _LIST_NUMBER.match(text[start : i + 1]))
            ):
                cut = j
        if cut is not None:
            while cut < n and text[cut] in _CLOSERS:
                cut += 1
            _add_span(text, start, cut, spans)
            start = i = max(cut, i + 1)
            continue
        i += 1
    _add_span(text, start, n, spans)
    return tuple(spans)


def _wraps(text: str, i: int) -> bool:
    """A single line break inside an English sentence: a word or comma before, lowercase or digit after."""
    before = text[i - 1] if i else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not (before and before.isascii() and (before.isalnum() or before in ",-")):
        return False
    if after.isdigit():
        return not re.match(r"\d{1,3}[.)]\s", text[i + 1 : i + 6])  # a numbered list item starts
    if after.isascii() and after.isupper():
        # "…published data, Northstar Ovens\nHoldings Limited recorded…": a full line of prose
        # that stops mid-sentence wraps even onto a capital; a table row or a heading does not.
        line = text[text.rfind("\n", 0, i) + 1 : i].strip()
        return len(line) >= _FULL_LINE and "  " not in line and (before.isalpha() or before == ",")
    return after.isascii() and after.islower()


_FULL_LINE = 60


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_HAN = re.compile(r"[\u3400-\u9fff]")


def is_chinese(text: str) -> bool:
    """True when Han characters make up a fair share of the letters in `text`."""
    han = len(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return han > 0 and han * 3 >= latin


def script_of(text: str) -> str:
    """ "zh-Hant", "zh-Hans" or "en": the script a reply to `text` should be written in."""
    if not is_chinese(text):
        return "en"
    han = "".join(_HAN.findall(text))
    if _S2T.convert(han) != han:
        return "zh-Hans"
    # Text written the same in both scripts reads as Traditional, the script of HK filings.
    return "zh-Hant"
