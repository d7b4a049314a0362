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
from dataclasses import dataclass, field, replace

from pypinyin import lazy_pinyin

from . import glossary
from .figures import document_date, document_period
from .schema import Document
from .text import normalise

_HAN = "\u3400-\u9fff"
_ZH_SUFFIX = r"(?:控股有限公司|股份有限公司|集团有限公司|集团股份有限公司|有限责任公司|有限公司)"
_ZH_LEGAL = re.compile(rf"([{_HAN}]{{2,16}}?){_ZH_SUFFIX}")
# Words after which a company name starts ("据港交所官网披露上海壁仞…": the name follows 披露).
_ZH_LEAD = re.compile(
    r".*(?:收购|披露|通过|显示|指出|表示|宣布|包括|企业|公司|核数师|审计师|保荐人|认购|投资者|同业|同行|竞争对手|对手|客户|"
    r"供应商|(?:设备|服务|运营|开发|制造|经销|分销|器械)商|连锁|龙头|巨头|由|及|和|与|为|是|在|的|据|对|向|被|将|从|于|令|使|让|其)"
)
_ZH_PLACES = (
    "上海 深圳 北京 杭州 广州 南京 苏州 成都 武汉 西安 天津 重庆 香港 合肥 无锡 珠海 厦门 青岛 长沙 "
    "郑州 济南 宁波 东莞 佛山 大连 沈阳 福州 昆明 广东 江苏 浙江 中国 湖南 湖北 河南 河北 山东 山西 江西 安徽 福建 "
    "四川 云南 贵州 陕西 甘肃 辽宁 吉林 黑龙江 广西 海南 内蒙古 新疆 宁夏 青海 长沙 南昌 贵阳 南宁 海口 太原 "
    "石家庄 哈尔滨 长春 兰州 常州 嘉兴 绍兴 温州 台州 中山 惠州 江门 烟台 潍坊 泉州 漳州 南通 扬州 徐州 台湾 澳门"
).split()


def romanise(name: str) -> str:
    """Toneless pinyin run together: 壁仞 → "biren"."""
    return "".join(lazy_pinyin(name)).lower()


_ZH_TRADE = (
    "科技 半导体 智算 算力 微系统 微电子 电子 控股 集团 股份 信息 技术 数据 智能 芯片 计算 资本 投资 "
    "线程 光电 通信 软件 网络 实业 装备 设备 机器人 医疗 器械 生物 制药 医药 材料 能源 新能源 汽车 精密 工业 "
    "光学 制造 智造 通讯 传感 管理 基金 产业 资源 再生 循环 环保 环境 新材料 物业 设施 服务 食品 乳业 饮品 饮料 "
    "物流 冷链 仓储 教育 保险 地产 置业 酒店 餐饮 零售 消费 健康 文化 传媒 农业 牧业 纺织 服饰 化工 建筑 建设 工程 "
    "交通 运输 航运 电力 电气 储能 锂电 电池 眼镜 商业 贸易 金融 证券 银行"
).split()
# "证券简称：青禾再生" at the head of an A-share filing: the short name of the company it is about.
_ZH_TICKER_NAME = re.compile(rf"证券简称[:：]\s*([{_HAN}A-Za-z]{{2,8}})")
_ZH_EN_PAIR = re.compile(rf"([{_HAN}]{{2,12}})\s*[（(]\s*([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z&]+){{0,3}})\s*[）)]")
_STOCK_CODE = re.compile(r"(?:股份代号|证券代码|股票代码|stock\s+code)\s*[:：]?\s*[*_]*\s*(\d{4,6})(?!\d)", re.I)
_CODE = re.compile(r"\d{4,6}")
# "恒瀾生物（02677.HK）", "美笑齒科(Mirasmile Dental,02697)": a name with its listing code after
# it is a listed company's, and an English name beside the code is the same company's.
_ZH_WITH_CODE = re.compile(
    rf"([{_HAN}]{{2,12}})\s*[（(]\s*(?:([A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z&]+){{0,3}})\s*[,，;；]\s*)?"
    rf"(\d{{4,6}})(?:\s*\.\s*(?:hk|sz|sh|ss))?\s*[）)]",
    re.I,
)
# How far into a document its own names are read: past the exchange's disclaimer that opens
# every HK announcement, to the English and Chinese names set one over the other.
HEAD = 600
_YEARLIKE = re.compile(r"0*(?:19|20)\d\d")
_ZH_SHORT = re.compile(r"[（(]\s*(?:简称)?\s*[“\"「『]([^”\"」』]{2,12})[”\"」』]")
_EXCHANGE = re.compile(r"交易所|结算所|(?i:exchanges?\b|clearing\b)")
_ZH_LIST_SEP = re.compile(r"[、，,]")

# A bank or broker whose name opens with a company's short name is another firm.
_ANOTHER_FIRM = re.compile(r"证券|银行|基金|资管|\s+(?:securities|bank)(?![a-z])")
_EN_WORD = r"[A-Z][A-Za-z0-9&'\-]*"
_EN_SUFFIX = (
    r"(?:Holdings\s+Limited|Holdings\s+Ltd\.?|Co\.,?\s+Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?"
    r"|Corporation|Corp\.?|Group|Holdings|plc|PLC|Sdn\.?\s+Bhd\.?|Bhd\.?|Pte\.?\s+Ltd\.?|Pty\.?\s+Ltd\.?|LLC|GmbH)"
)
# A name stands on one line: "BUSINESS REVIEW" above a paragraph is no part of one.
_EN_LEGAL = re.compile(rf"\b((?:(?:{_EN_WORD}|&)[ \t]+){{0,5}}{_EN_WORD})[ \t]+{_EN_SUFFIX}(?![A-Za-z])")
_EN_LEGAL_CAPS = re.compile(
    r"\b((?:[A-Z][A-Z0-9&'\-]+[ \t]+){0,4}[A-Z][A-Z0-9&'\-]+)[ \t]+"
    r"(?:HOLDINGS\s+LIMITED|LIMITED|CO\.,?\s+LTD\.?|INC\.?|CORPORATION)\b"
)
# Words that open a phrase before a legal name without being part of it: "the Board of
# Helioran Power Technology Holdings Limited", "By order of the Board Helioran … Limited".
_EN_SKIP = {
    "the",
    "this",
    "that",
    "our",
    "its",
    "a",
    "an",
    "and",
    "of",
    "in",
    "for",
    "board",
    "directors",
    "by",
    "order",
    "company",
    "group",
    "announcement",
    "chairman",
    "shareholders",
    # "Rival Beiming Cold Chain Group reported…": a sentence may open with what the company is.
    "rival",
    "rivals",
    "peer",
    "competitor",
    "smaller",
    "larger",
    "fellow",
    "parent",
}
_EN_PLACES = {"hong", "kong", "china", "chinese", *(romanise(p) for p in _ZH_PLACES)}
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
    # The trade an English name ends in: "Mirasmile Dental", "Yuet Fung Bakery".
    "bakery",
    "dental",
    "medical",
    "pharma",
    "pharmaceutical",
    "pharmaceuticals",
    "biotech",
    "biosciences",
    "therapeutics",
    "foods",
    "logistics",
    "robotics",
    "energy",
    "optics",
    "education",
    "properties",
    "healthcare",
    "motors",
}


# Capitalised words that are not company names ("What was…", "RMB", "H1").
_NOT_NAMES = frozenset(
    """what which who whom how when where why was were is are did does do the in on of for and or not
    rmb hk us usd hkd cny gpu gpus ai cpu ceo cfo cto coo ipo fy h1 h2 pe pcie oam dpu cuda nasdaq
    according please tell give show compare between from to by with as at its their than more less
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec first second third half year
    combined total together aggregate cumulative series round""".split()
)
# What a Chinese question may open with that names no particular company.
_GENERIC_SUBJECTS = frozenset(
    [
        *"公司 该公司 本公司 集团 本集团 该集团 企业 发行人 请问 根据 文件 哪家 哪家公司".split(),
        "the company",
        "the group",
    ]
)
# What a question may open with before the company: "截至2024年底青禾再生…", "根據年報，…".
_OPENING = re.compile(
    r"^(?:截至|截止|于|於|在|根据|根據|按照|关于|關於|对于|對於|请问|請問|据|據)[\d年月日底末季度上下半初中，,、\s]*"
)
_LEADING = re.compile(
    rf"([{_HAN}]+?)(?=\d|的|在|于|於|是|有|为|為|占|佔|较|較|截至|上半年|下半年|全年|年度|[^{_HAN}]|$)"
)


def _name_pattern(name: str) -> str:
    """A name as a pattern: an English one as whole words, a stock code as a whole number
    ("2917.HK", "（2917）", not 29170 or 2,917)."""
    if name.isdigit():
        return rf"(?:stock\s+code\s*[:：]?\s*|股份代号\s*[:：]?\s*)?(?<![\d.,]){name}(?:\.hk)?(?![\d,]|\.\d)"
    return rf"(?<![a-z]){re.escape(name)}(?![a-z])" if name.isascii() else re.escape(name)


def _finance_word(word: str) -> bool:
    """A capitalised finance term ("Revenue", "Gross") rather than a name."""
    from . import glossary

    return bool(glossary.metrics_in(word)) or bool(glossary.expand_query(word))


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
    stripped = True
    while stripped:  # 景湾物业设施服务 → 景湾物业设施 → 景湾物业 → 景湾
        stripped = False
        for trade in _ZH_TRADE:
            if core.endswith(trade) and len(core) - len(trade) >= 2:
                core = core[: -len(trade)]
                names.append(core)
                stripped = True
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
    if len(words) > 1 and not all(len(w) <= 4 for w in words):
        # "Xinghe Computing" goes by "Xinghe"; "Tak Fai" is one name in two syllables.
        names.append(words[0])
    return names


class EntityLexicon:
    """The companies of a corpus, findable in any text by any of their names."""

    def __init__(self, entities: list[Entity], subjects: dict[str, str], docs: Iterable[Document] = ()) -> None:
        self.entities = {e.key: e for e in entities}
        self.subjects = subjects
        docs = list(docs)
        self.titles = {d.doc_id: normalise(d.title) for d in docs}
        # The period each document reports on: relative dates in it ("上年同期") resolve against it.
        self.periods = {d.doc_id: document_period(d.name, d.title, d.text[:400]) for d in docs}
        # The day a story is dated: the share price it quotes is that day's (or the day before's).
        self.datelines = {d.doc_id: document_date(d.name, d.text[:400]) for d in docs}
        self._corpus = "\n".join(normalise(d.text) for d in docs)
        self._key_of = {name: e.key for e in entities for name in e.names}
        self._romanised = {romanise(n): e.key for e in entities for n in sorted(e.names) if re.search(f"[{_HAN}]", n)}
        # An English text may spell a Chinese name in pinyin ("rival Cenchuan Intelligent
        # Equipment" for 岑川智能裝備); spellings this long are not English words.
        for spelled, key in self._romanised.items():
            if len(spelled) >= 6:
                self._key_of.setdefault(spelled, key)
        self._latin_by_roman = {n.replace(" ", ""): e.key for e in entities for n in e.names if n.isascii()}
        # A question may shorten a Chinese name to its opening characters (港灣線 for 港灣線餅店):
        # an opening that begins one company's names only.
        openings: dict[str, set[str]] = {}
        for e in entities:
            for n in e.names:
                if re.fullmatch(f"[{_HAN}]{{3,}}", n):
                    for k in range(2, min(len(n), 5)):
                        openings.setdefault(n[:k], set()).add(e.key)
        # A place opens many names (香港中央結算) and many questions ("香港業務…"): it names none.
        places = {zh for _, names in glossary.REGIONS for zh in names} | {"中国"}
        self._by_opening = {
            o: next(iter(keys)) for o, keys in openings.items() if len(keys) == 1 and normalise(o) not in places
        }
        names = sorted(self._key_of, key=lambda n: (-len(n), n))
        parts = [_name_pattern(n) for n in names]
        self._pattern = re.compile("|".join(parts)) if parts else None
        self._seen: dict[str, list[Mention]] = {}

    @classmethod
    def build(cls, documents: Iterable[Document]) -> EntityLexicon:
        """Learn the companies named in `documents`."""
        groups: list[set[str]] = []
        subjects: dict[str, set[str]] = {}
        codes: dict[str, list[str]] = {}
        coded: list[tuple[str, str, str]] = []  # (Chinese name, English name, listing code)
        docs = list(documents)
        for doc in docs:
            text = normalise(doc.text)
            head = text[:HEAD]
            head_zh: list[set[str]] = []
            head_en: list[tuple[int, set[str]]] = []
            for m in _ZH_LEGAL.finditer(text):
                legal = _ZH_LEAD.sub("", m.group(1))
                if len(legal) < 2 or "注册成立" in legal or _EXCHANGE.search(m.group(1)):
                    # "（於開曼群島註冊成立之有限公司）" says what a company is, not which; the
                    # exchange's disclaimer atop every announcement names the market, not the issuer.
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
                    if _EXCHANGE.search(m.group()):
                        continue
                    names = set(_en_names(m.group(1)))
                    if names:
                        groups.append(names)
                        if m.start() < len(head):
                            head_en.append((m.start(), names))
            # A heading that gives one Chinese and one English legal name names one company.
            if len(head_zh) >= 1 and len(head_en) >= 1:
                groups.append(head_zh[0] | min(head_en, key=lambda p: p[0])[1])
            for m in _ZH_EN_PAIR.finditer(doc.text):
                # "启衡医药（Qiheng Pharma）": a Chinese name glossed by an English one that spells it.
                zh = _ZH_LEAD.sub("", normalise(m.group(1)))
                en = m.group(2).split()
                spelt = any(romanise(zh[:k]) == en[0].lower() for k in (2, 3, 4))
                # "悦丰饼家（Yuet Fung Bakery）": a Cantonese spelling, but a name that ends in its trade.
                if len(zh) >= 2 and (spelt or (len(en) > 1 and en[-1].lower() in _EN_TRADE)):
                    first = {en[0].lower()} if spelt else set()
                    groups.append(set(_zh_names(zh)) | set(_en_names(m.group(2))) | first)
            for m in _ZH_WITH_CODE.finditer(doc.text):
                zh = _ZH_LEAD.sub("", normalise(m.group(1)))
                if len(zh) >= 2 and not _YEARLIKE.fullmatch(m.group(3)):
                    coded.append((zh, m.group(2) or "", m.group(3)))
            ticker = _ZH_TICKER_NAME.search(head)
            if ticker and head_zh:
                head_zh[0].add(ticker.group(1))
            code = _STOCK_CODE.search(head)
            if code and (head_zh or head_en) and not _YEARLIKE.fullmatch(code.group(1)):
                # "（股份代號：2917）": questions name a listed company by its code ("2917.HK").
                head_names = head_zh[0] if head_zh else min(head_en, key=lambda p: p[0])[1]
                codes.setdefault(code.group(1).lstrip("0"), []).append(min(head_names))
        known = set().union(*groups) if groups else set()
        for zh, en, number in coded:
            # "本地餅店港灣線餅店控股（3421）": the name is the part of the run a filing names.
            zh = next((zh[i:] for i in range(len(zh) - 1) if known & {zh[i:], *_zh_names(zh[i:])}), zh)
            groups.append(set(_zh_names(zh)) | {zh} | set(_en_names(en)))
            codes.setdefault(number.lstrip("0"), []).append(zh)
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
        # A code names a company only when one company has it: it must never merge two.
        key_of = {n: e.key for e in entities for n in e.names}
        for number, named in codes.items():
            keys = {key_of[normalise(n)] for n in named if normalise(n) in key_of}
            if len(keys) == 1:
                next(e for e in entities if e.key in keys).names.add(number)
        lexicon = cls(entities, {})
        for doc in docs:
            counts = Counter(m.key for m in lexicon.mentions(doc.text))
            first = lexicon.mentions(doc.text[:400])
            if first:
                subjects[doc.doc_id] = {first[0].key}
            elif counts:
                subjects[doc.doc_id] = {counts.most_common(1)[0][0]}
        return cls(entities, {d: next(iter(k)) for d, k in subjects.items()}, docs)

    def mentions(self, text: str) -> list[Mention]:
        """Every company name in `text`, with offsets into `text`."""
        if self._pattern is None:
            return []
        # The same passages are read for every question: scanning one costs more than the rest
        # of reading its figures.
        found = self._seen.get(text)
        if found is None:
            found = []
            norm = normalise(text)
            for m in self._pattern.finditer(norm):
                if _ANOTHER_FIRM.match(norm, m.end()):
                    continue  # "澄峰证券" is a broker, not the 澄峰冷链 the documents call 澄峰
                name = m.group() if m.group() in self._key_of else _CODE.search(m.group()).group()  # "stock code 2683"
                found.append(Mention(self._key_of[name], *m.span()))
            if len(self._seen) >= 8192:
                self._seen.clear()
            self._seen[text] = found
        return list(found)

    def resolve(self, word: str) -> str | None:
        """The company `word` names, by any name or by romanisation ("Biren" → 壁仞)."""
        w = normalise(word.strip())
        return self._key_of.get(w) or self._romanised.get(w.replace(" ", ""))

    def named_in(self, text: str) -> list[Mention]:
        """Every company a question or claim names, in order: by any of its names, by an
        English word that romanises one of its Chinese names, or by a Chinese name whose
        pinyin spells its English one (瀚光微系統 → Hanguang)."""
        found = [replace(m, end=self._name_end(text, m.key, m.start, m.end)) for m in self.mentions(text)]
        for m in re.finditer(r"\b[A-Z][A-Za-z]{2,}\b", text):
            key = self.resolve(m.group())
            if key and not any(x.start <= m.start() < x.end for x in found):
                found.append(Mention(key, m.start(), self._name_end(text, key, m.start(), m.end())))
        if not found:
            head = self.leading_han(text)
            offset = text.find(head) if head else -1
            for n in range(min(len(head), 4), 1, -1):
                key = self._latin_by_roman.get(romanise(head[:n])) or self._by_opening.get(normalise(head[:n]))
                if key:
                    # The rest of the opening name (微系統 of 瀚光微系統) is the company's too.
                    found.append(Mention(key, offset, offset + len(head)))
                    break
        return sorted(found, key=lambda m: m.start)

    def _name_end(self, text: str, key: str, start: int, end: int) -> int:
        """Where an English name in a question ends: "Biren Technology", "Lumina Compute Holdings"
        (trade words), "Hongchuan Cold Chain" (words that go on one of its English names)."""
        if not text[start:end].isascii():
            return end
        names = [n + " " for n in self.entities[key].names if n.isascii()]
        while nxt := re.match(r"\s+([A-Z][a-z]+)", text[end:]):
            said = normalise(text[start : end + nxt.end()]) + " "
            if nxt.group(1).lower() not in _EN_TRADE and not any(n.startswith(said) for n in names):
                break
            end += nxt.end()
        return end

    def in_query(self, text: str) -> set[str]:
        """The companies a question or claim names."""
        return {m.key for m in self.named_in(text)}

    def names_of(self, key: str) -> list[str]:
        """Every name of a company, longest first."""
        # Ties by length are ordered by name: a set's order changes with the hash seed, and the
        # last name goes into the dense query.
        return sorted(self.entities[key].names, key=lambda n: (-len(n), n)) if key in self.entities else []

    def _name_candidates(self, text: str) -> list[str]:
        """Words that look like a company's name but match no company the documents name."""
        named = self.named_in(text)
        found = [
            m.group()
            for m in re.finditer(r"(?<![A-Za-z])[A-Z][A-Za-z]{2,}(?![A-Za-z])", text)
            if m.group().lower() not in _NOT_NAMES
            and self.resolve(m.group()) is None
            and not _finance_word(m.group())
            and not any(n.start <= m.start() < n.end for n in named)  # "Fung" of "Yuet Fung Bakery"
        ]
        head = self.leading_han(text)
        if head and not self.in_query(text) and normalise(head) not in _GENERIC_SUBJECTS:
            found.append(head)
        return found

    def subject_of(self, text: str) -> str | None:
        """The company a question or claim is about: the first one it names."""
        named = self.named_in(text)
        return named[0].key if named else None

    def unknown_names(self, text: str) -> list[str]:
        """Name-like words of `text` that no document contains at all."""
        return [n for n in self._name_candidates(text) if not self.anywhere(n)]

    def anywhere(self, word: str) -> bool:
        """Whether any document contains `word`."""
        return normalise(word) in self._corpus

    def other_names(self, text: str) -> list[str]:
        """Name-like words of `text` that documents contain without naming a company by them."""
        return [n for n in self._name_candidates(text) if self.anywhere(n)]

    @staticmethod
    def leading_han(text: str) -> str:
        """The Han characters a Chinese question opens with, up to its first period, figure or particle."""
        m = _LEADING.match(_OPENING.sub("", text.strip()))
        return m.group(1) if m and len(m.group(1)) >= 2 else ""

    def subject(self, doc_id: str) -> str | None:
        """The company a document is about, when it names one."""
        return self.subjects.get(doc_id)

    def reporting_period(self, key: str) -> str | None:
        """The period a company's documents report on, when they all agree on one."""
        periods = {self.periods.get(doc) for doc, subject in self.subjects.items() if subject == key}
        return periods.pop() if len(periods) == 1 else None

    def display(self, key: str, chinese: bool) -> str:
        """The shortest name of `key` in Chinese (or not), else its key."""
        names = self.entities[key].names if key in self.entities else {key}
        wanted = sorted(
            (n for n in names if bool(re.search(f"[{_HAN}]", n)) == chinese and not n.isdigit()),
            key=lambda n: (len(n), n),
        )
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
        names = {
            n for n in names if len(n) >= 2 and n not in _ZH_TRADE and n not in _EN_TRADE and n not in _GENERIC_SUBJECTS
        }
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
