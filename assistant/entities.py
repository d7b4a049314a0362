"""Companies named in the corpus, so that a figure is tied to the company it belongs to.

Names are learnt from the documents themselves (legal names such as 上海壁仞科技股份有限公司
or "Lumina Compute Holdings Limited", the short names they are cut down to, names given in
(簡稱"…"), and members of lists that hold a known name), never from a fixed list of
companies. Names in two languages are joined when their romanisation agrees (壁仞 ↔ Biren) or
when a document's heading gives both legal names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from .schema import Document
from .text import normalise

_HAN = "\u3400-\u9fff"
_ZH_SUFFIX = r"(?:控股有限公司|股份有限公司|集团有限公司|集团股份有限公司|有限责任公司|有限公司)"
_ZH_LEGAL = re.compile(rf"([{_HAN}]{{2,16}}?){_ZH_SUFFIX}")
# Words after which a company name starts ("据港交所官网披露上海壁仞…": the name follows 披露).
_ZH_LEAD = re.compile(
    r".*(?:披露|通过|显示|指出|表示|宣布|包括|企业|核数师|审计师|保荐人|认购|投资者|由|及|和|与|为|是|在|的|据|对|向|被|将|从|于|令|使|让|其)"
)
_ZH_PLACES = (
    "上海 深圳 北京 杭州 广州 南京 苏州 成都 武汉 西安 天津 重庆 香港 合肥 无锡 珠海 厦门 青岛 长沙 "
    "郑州 济南 宁波 东莞 佛山 大连 沈阳 福州 昆明 广东 江苏 浙江 中国"
).split()
_ZH_TRADE = (
    "科技 半导体 智算 算力 微系统 微电子 电子 控股 集团 股份 信息 技术 数据 智能 芯片 计算 资本 投资 "
    "线程 光电 通信 软件 网络 实业"
).split()
_ZH_SHORT = re.compile(r"[（(]\s*(?:简称)?\s*[“\"「『]([^”\"」』]{2,12})[”\"」』]")
_ZH_LIST_SEP = re.compile(r"[、，,]")

_EN_WORD = r"[A-Z][A-Za-z0-9&'\-]*"
_EN_SUFFIX = (
    r"(?:Holdings\s+Limited|Holdings\s+Ltd\.?|Co\.,?\s+Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?"
    r"|Corporation|Corp\.?|Group|Holdings|plc|PLC)"
)
_EN_LEGAL = re.compile(rf"\b((?:{_EN_WORD}\s+){{0,4}}{_EN_WORD})\s+{_EN_SUFFIX}(?![A-Za-z])")
_EN_LEGAL_CAPS = re.compile(
    r"\b((?:[A-Z][A-Z0-9&'\-]+\s+){0,4}[A-Z][A-Z0-9&'\-]+)\s+(?:HOLDINGS\s+LIMITED|LIMITED|CO\.,?\s+LTD\.?|INC\.?|CORPORATION)\b"
)
_EN_SKIP = {"the", "this", "that", "our", "its", "a", "an", "and", "of", "in", "for"}
_EN_PLACES = {"shanghai", "shenzhen", "beijing", "hangzhou", "guangzhou", "hong", "kong", "china", "chinese"}
_EN_TRADE = {
    "compute",
    "computing",
    "technology",
    "technologies",
    "microsystems",
    "semiconductor",
    "semiconductors",
    "holdings",
    "group",
    "electronics",
    "systems",
    "company",
    "international",
}


@dataclass
class Entity:
    """One company: a canonical key and every name (normalised) it goes by."""

    key: str
    names: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Mention:
    key: str
    start: int
    end: int


def _zh_names(legal: str) -> list[str]:
    """上海壁仞科技 → [上海壁仞科技, 壁仞科技, 壁仞]: the forms a text may use for the company."""
    names = [legal]
    core = legal
    for place in _ZH_PLACES:
        if core.startswith(place) and len(core) - len(place) >= 2:
            core = core[len(place) :]
            names.append(core)
            break
    for _ in range(2):
        for trade in _ZH_TRADE:
            if core.endswith(trade) and len(core) - len(trade) >= 2:
                core = core[: -len(trade)]
                names.append(core)
                break
    return names


def _en_names(legal: str) -> list[str]:
    """ "Shenzhen Xinghe Computing Technology" → [..., "xinghe computing technology", "xinghe"]."""
    words = [w for w in legal.lower().split() if "-" not in w or not w.endswith("listed")]
    while words and (words[0] in _EN_SKIP or words[0] in _EN_PLACES):
        words = words[1:]
    if not words:
        return []
    names = [" ".join(words)]
    while len(words) > 1 and words[-1] in _EN_TRADE:
        words = words[:-1]
        names.append(" ".join(words))
    if len(words) > 1:
        names.append(words[0])
    return names


def romanise(name: str) -> str:
    """Toneless pinyin run together: 壁仞 → "biren"."""
    return "".join(lazy_pinyin(name)).lower()


class EntityLexicon:
    """The companies of a corpus, findable in any text by any of their names."""

    def __init__(self, entities: list[Entity], subjects: dict[str, str]) -> None:
        self.entities = {e.key: e for e in entities}
        self.subjects = subjects
        self._key_of = {name: e.key for e in entities for name in e.names}
        self._romanised = {romanise(n): e.key for e in entities for n in e.names if re.search(f"[{_HAN}]", n)}
        names = sorted(self._key_of, key=lambda n: (-len(n), n))
        parts = [rf"(?<![a-z]){re.escape(n)}(?![a-z])" if n.isascii() else re.escape(n) for n in names]
        self._pattern = re.compile("|".join(parts)) if parts else None

    @classmethod
    def build(cls, documents: Iterable[Document]) -> EntityLexicon:
        """Learn the companies named in `documents`."""
        groups: list[set[str]] = []
        subjects: dict[str, set[str]] = {}
        docs = list(documents)
        for doc in docs:
            text = normalise(doc.text)
            head = text[:400]
            head_zh: list[set[str]] = []
            head_en: list[set[str]] = []
            for m in _ZH_LEGAL.finditer(text):
                legal = _ZH_LEAD.sub("", m.group(1))
                if len(legal) < 2:
                    continue
                names = set(_zh_names(legal)) | {legal + text[m.end(1) : m.end()]}
                short = _ZH_SHORT.match(text, m.end())
                if short:
                    names.add(short.group(1).strip())
                names.discard("公司")
                groups.append(names)
                if m.start() < len(head):
                    head_zh.append(names)
            for regex in (_EN_LEGAL, _EN_LEGAL_CAPS):
                for m in regex.finditer(doc.text):
                    names = set(_en_names(m.group(1)))
                    if names:
                        groups.append(names)
                        if m.start() < len(head):
                            head_en.append(names)
            # A heading that gives one Chinese and one English legal name names one company.
            if len(head_zh) >= 1 and len(head_en) >= 1:
                groups.append(head_zh[0] | head_en[0])
        entities = _merge(groups)
        # Lists that hold a known name hold other companies' names too (摩爾線程、沐曦股份、壁仞科技).
        lexicon = cls(entities, {})
        extra = []
        for doc in docs:
            text = normalise(doc.text)
            for seg in re.finditer(rf"[{_HAN}A-Za-z]{{2,8}}(?:、[{_HAN}A-Za-z]{{2,8}}){{2,}}", text):
                items = seg.group().split("、")
                if any(i in lexicon._key_of for i in items):
                    extra.extend({*_zh_names(i)} for i in items if i not in lexicon._key_of)
        entities = _merge(groups + extra)
        lexicon = cls(entities, {})
        for doc in docs:
            counts = Counter(m.key for m in lexicon.mentions(doc.text))
            first = lexicon.mentions(doc.text[:400])
            if first:
                subjects[doc.doc_id] = {first[0].key}
            elif counts:
                subjects[doc.doc_id] = {counts.most_common(1)[0][0]}
        return cls(entities, {d: next(iter(k)) for d, k in subjects.items()})

    def mentions(self, text: str) -> list[Mention]:
        """Every company name in `text`, with offsets into `text`."""
        if self._pattern is None:
            return []
        return [
            Mention(self._key_of[m.group()], m.start(), m.end())
            for m in self._pattern.finditer(normalise(text))
        ]

    def resolve(self, word: str) -> str | None:
        """The company `word` names, by any name or by romanisation ("Biren" → 壁仞)."""
        w = normalise(word.strip())
        return self._key_of.get(w) or self._romanised.get(w.replace(" ", ""))

    def in_query(self, text: str) -> set[str]:
        """Companies a question or claim names, including names romanised in English."""
        keys = {m.key for m in self.mentions(text)}
        for word in re.findall(r"\b[A-Z][A-Za-z]{2,}\b", text):
            key = self.resolve(word)
            if key:
                keys.add(key)
        return keys

    def subject(self, doc_id: str) -> str | None:
        """The company a document is about, when it names one."""
        return self.subjects.get(doc_id)

    def display(self, key: str, chinese: bool) -> str:
        """The shortest name of `key` in Chinese (or not), else its key."""
        names = self.entities[key].names if key in self.entities else {key}
        wanted = sorted((n for n in names if bool(re.search(f"[{_HAN}]", n)) == chinese), key=len)
        if wanted:
            return wanted[0] if chinese else wanted[0].title()
        return key if chinese else romanise(key).title()


def _merge(groups: list[set[str]]) -> list[Entity]:
    """Union the name sets that share a name, or whose Chinese and English names romanise alike."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for names in groups:
        # A trade word alone (股份, 科技) is no company's name: it would match everywhere.
        names = {n for n in names if len(n) >= 2 and n not in _ZH_TRADE and n not in _EN_TRADE}
        items = sorted(names)
        for a in items[1:]:
            union(items[0], a)
        for n in items:
            find(n)
    by_roman: dict[str, str] = {}
    for name in list(parent):
        key = romanise(name).replace(" ", "") if re.search(f"[{_HAN}]", name) else name.replace(" ", "")
        if key in by_roman:
            union(name, by_roman[key])
        else:
            by_roman[key] = name
    members: dict[str, set[str]] = {}
    for name in parent:
        members.setdefault(find(name), set()).add(name)
    out = []
    for names in members.values():
        han = sorted((n for n in names if re.search(f"[{_HAN}]", n)), key=lambda n: (len(n), n))
        key = han[0] if han else min(names, key=lambda n: (len(n), n))
        out.append(Entity(key, names))
    return out
