"""Files → Documents: plain text, Markdown, HTML and PDF, in Chinese or English encodings."""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.exceptions import ParserRejectedMarkup
from charset_normalizer import from_bytes
from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from .errors import LoadError
from .schema import Document

SUPPORTED = (".txt", ".md", ".html", ".htm", ".pdf")

TITLE_MAX = 120

# Legacy encodings worth guessing. Left free, charset-normalizer calls Windows-1252 English
# "cp852" or "cp1250" and mixed GB18030 text "cp949"; limited to these it picks right.
_GUESS = ("gb18030", "big5", "big5hkscs", "cp950", "utf_16", "utf_16_le", "utf_16_be", "cp1252")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Declared charsets name a subset of what such pages really use.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "iso8859-1": "cp1252"}


# Goes up whenever a reader extracts different text from the same file, so that an index
# built by an older one reads its files again instead of keeping their old text.
READER_VERSION = 2


def load_document(path: str | Path) -> Document:
    """Read one supported file as a Document; LoadError(path, why) for anything unreadable."""
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in SUPPORTED:
        what = kind or "(no extension)"
        supported = ", ".join(SUPPORTED)
        raise LoadError(str(path), f"unsupported file type {what} (supported: {supported})")
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise LoadError(str(path), "is a directory") from None
    except FileNotFoundError:
        raise LoadError(str(path), "no such file") from None
    except OSError as exc:
        raise LoadError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise LoadError(str(path), "empty file")

    page_starts: tuple[int, ...] | None = None
    if kind == ".pdf":
        pages = _pdf_pages(data, str(path))
        text, page_starts = _join_pages(pages)
        title = _first_line(text)
    elif kind in (".html", ".htm"):
        text, title = _html(data, str(path))
    else:
        text = _clean(_decode(data, str(path)))
        title = (_markdown_heading(text) if kind == ".md" else "") or _first_line(text)
    if not text.strip():
        raise LoadError(str(path), "empty file (no text outside markup)" if title else "empty file")
    return Document(
        doc_id=path.stem,
        name=path.name,
        path=str(path),
        title=_trim_title(title) or path.stem,
        text=text,
        sha256=hashlib.sha256(f"reader {READER_VERSION}\0".encode() + data).hexdigest(),
        page_starts=page_starts,
    )


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Supported files under `paths`, directories searched recursively, hidden ones skipped; sorted.

    A file named explicitly is kept whatever its type, so that loading it says why it can't be read.
    """
    found: dict[str, Path] = {}
    for given in paths:
        root = Path(given)
        if root.is_file():
            found.setdefault(os.path.realpath(root), root)
        elif root.is_dir():
            for folder, dirs, files in os.walk(root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                        file = Path(folder) / name
                        found.setdefault(os.path.realpath(file), file)
        else:
            raise LoadError(str(root), "no such file or directory")
    return sorted(found.values(), key=str)


# ---- text -------------------------------------------------------------------------------------


def _decode(data: bytes, path: str, declared: str | None = None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"has a {encoding} byte-order mark but {exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")  # a file cut off inside its last character
        utf8_error = f"invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
    # Real text in a legacy encoding is almost never valid UTF-8, so a page's declared charset
    # only matters once UTF-8 has failed; and pages often declare one they don't use.
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    best = from_bytes(data, cp_isolation=list(_GUESS)).best()
    if best is None:
        tried = "GB18030, Big5, UTF-16 or Windows-1252"
        raise LoadError(path, f"cannot decode: not UTF-8 ({utf8_error}), nor {tried}")
    return str(best)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _clean(text: str) -> str:
    text = text.removeprefix("\ufeff")
    text = _LINE_BREAKS.sub("\n", text)
    return _CONTROL.sub(" ", text)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        if any(c.isalnum() for c in line):
            return line.strip()
    return ""


def _trim_title(title: str) -> str:
    return " ".join(title.split())[:TITLE_MAX].rstrip()


_ATX = re.compile(r" {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*")
_FENCE = re.compile(r" {0,3}(```|~~~)")


def _markdown_heading(text: str) -> str:
    lines = text.split("\n")
    i = 0
    if lines and lines[0].strip() == "---":  # YAML front matter is not a heading
        ends = [j for j in range(1, len(lines)) if lines[j].strip() in ("---", "...")]
        i = ends[0] + 1 if ends else 0
    fence = ""
    for j in range(i, len(lines)):
        line = lines[j]
        if m := _FENCE.match(line):
            fence = "" if fence == m.group(1) else fence or m.group(1)
            continue
        if fence:
            continue
        if (m := _ATX.fullmatch(line)) and m.group(1).strip():
            return m.group(1).strip()
        nxt = lines[j + 1] if j + 1 < len(lines) else ""
        if line.strip() and not line.startswith("    ") and _SETEXT.fullmatch(nxt):
            return line.strip()
    return ""


# ---- HTML -------------------------------------------------------------------------------------

_DROP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object", "embed"})
_PARAGRAPH = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote", "pre", "hr"}
    | {"table", "ul", "ol", "dl", "header", "footer", "nav", "main", "aside", "figure", "form"}
    | {"fieldset", "details", "address"}
)
_LINE = frozenset(
    {"div", "li", "tr", "dt", "dd", "caption"}
    | {"figcaption", "summary", "legend", "option", "center", "tfoot", "thead", "tbody"}
)
_CELL = frozenset(("td", "th"))
# Private-use placeholders for layout decided while walking the tree, resolved afterwards.
_SOFT, _PARA, _LINE_BREAK, _TAB = "\ue000", "\ue001", "\ue002", "\ue003"
_PRE_SPACE, _PRE_TAB, _END_PRE = "\ue004", "\ue005", "\ue006"
_PLACEHOLDERS = re.compile("[\ue000-\ue006]")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A soft break next to Chinese text vanishes when the other side is Chinese too or punctuation
# (“ ” are punctuation in both languages).
_PUNCT = "[^\\w\\s]"
_SOFT_AFTER_CJK = f"(?<=[{_CJK}]){_SOFT}+(?=[{_CJK}]|{_PUNCT})"
_CJK_SOFT = re.compile(f"{_SOFT_AFTER_CJK}|(?<={_PUNCT}){_SOFT}+(?=[{_CJK}])")
# Adjacent block edges (</li><li>, </tr></table>) make one break, as in a browser.
_BLOCK_EDGES = re.compile(f"[ {_SOFT}]*(?:[{_PARA}{_LINE_BREAK}][ {_SOFT}]*)+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def _html(data: bytes, path: str) -> tuple[str, str]:
    text = _clean(_decode(data, path, _declared_charset(data)))
    try:
        soup = BeautifulSoup(text, "html.parser")
    except ParserRejectedMarkup as exc:
        raise LoadError(path, f"cannot parse HTML: {exc}") from None
    title_tag = soup.find("title")
    title = title_tag.get_text() if title_tag else ""
    if not title.strip():
        heading = soup.find(("h1", "h2", "h3", "h4", "h5", "h6"))
        title = heading.get_text() if heading else ""
    body = _html_text(soup)
    return body, title if title.strip() else _first_line(body)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _SUPERSETS.get(name, name)


def _html_text(soup: BeautifulSoup) -> str:
    out: list[str] = []
    pre = 0
    # An explicit stack: filings nest tables deeply enough to hit Python's recursion limit.
    # Plain str items on it are what to write when an element closes.
    stack: list[Tag | NavigableString | str] = [soup]
    while stack:
        node = stack.pop()
        if type(node) is str:
            if node == _END_PRE:
                pre -= 1
            else:
                out.append(node)
        elif isinstance(node, NavigableString):
            if type(node) is NavigableString:  # not a comment, doctype, CDATA or the like
                out.append(_pre_text(node) if pre else _flow_text(node))
        elif isinstance(node, Tag):
            name = node.name.lower()
            if name in _DROP or _is_hidden(node):
                continue
            if name == "br":
                # A break inside a cell ("2025<br>US$'000") keeps the row on one line.
                out.append(" " if node.find_parent(list(_CELL)) else "\n")
                continue
            if name in _PARAGRAPH:
                out.append(_PARA)
                stack.append(_PARA)
            elif name in _LINE:
                out.append(_LINE_BREAK)
                stack.append(_LINE_BREAK)
            elif name in _CELL:
                stack.append(_TAB)
            if name == "pre":
                pre += 1
                stack.append(_END_PRE)
            stack.extend(reversed(node.contents))
    return _layout("".join(out))


def _is_hidden(tag: Tag) -> bool:
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _flow_text(s: str) -> str:
    s = _PLACEHOLDERS.sub("", s)
    # Source line breaks inside a paragraph are soft: a space in English, nothing in Chinese.
    return re.sub(r"\s+", lambda m: _SOFT if "\n" in m.group() else " ", s)


def _pre_text(s: str) -> str:
    s = _PLACEHOLDERS.sub("", s)
    return s.replace(" ", _PRE_SPACE).replace("\t", _PRE_TAB)


def _layout(s: str) -> str:
    s = _CJK_SOFT.sub("", s)
    s = _BLOCK_EDGES.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", s)
    s = re.sub(" +", " ", s.replace(_SOFT, " "))
    s = re.sub(f" *{_TAB} *", "\t", s)
    lines = [line.strip(" \t") for line in s.split("\n")]
    s = "\n".join(lines).replace(_PRE_SPACE, " ").replace(_PRE_TAB, "\t")
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip("\n")


# ---- PDF --------------------------------------------------------------------------------------


def _pdf_pages(data: bytes, path: str) -> list[str]:
    aes = "encrypted with AES; reading it needs the 'cryptography' package"
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(path, "encrypted (needs a password)")
        pages = []
        for n, page in enumerate(reader.pages, 1):
            try:
                pages.append(_pdf_page_text(page.extract_text() or ""))
            except (DependencyError, FileNotDecryptedError):
                raise
            except Exception as exc:  # pypdf raises all sorts on malformed content streams
                raise LoadError(path, f"corrupt PDF: page {n}: {_reason(exc)}") from None
    except LoadError:
        raise
    except DependencyError:
        raise LoadError(path, aes) from None
    except FileNotDecryptedError:
        raise LoadError(path, "encrypted (needs a password)") from None
    except RecursionError:
        raise LoadError(path, "corrupt PDF: objects nested too deeply") from None
    except Exception as exc:  # the parser's own errors are as varied as the files it meets
        raise LoadError(path, f"corrupt PDF: {_reason(exc)}{_pdf_hint(data)}") from None
    if not pages:
        raise LoadError(path, "corrupt PDF: no pages")
    if not any(pages):
        raise LoadError(path, "no extractable text (scanned image?)")
    return pages


def _reason(exc: Exception) -> str:
    return str(exc).strip() or type(exc).__name__


def _pdf_hint(data: bytes) -> str:
    # pypdf's message ("Stream has ended unexpectedly") rarely says what is wrong with the file.
    if b"%PDF-" not in data[:1024]:
        return " (not a PDF: no %PDF header)"
    if b"%%EOF" not in data[-2048:]:
        return " (no %%EOF marker: truncated?)"
    return ""


_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# Fonts in Chinese PDFs often map glyphs to Kangxi radicals or compatibility ideographs: they
# look like, but don't match, the characters a question is typed with.
_LOOKALIKE_HAN = re.compile("[\u2f00-\u2fdf\uf900-\ufaff]")
# Glyphs placed one by one come out as "營 業 收 入": three or more Han characters, one space
# apart, are one word. (Words of two or more characters, like table headings, are left alone.)
_SPACED_HAN = re.compile(f"(?<![{_HAN}])[{_HAN}](?: [{_HAN}]){{2,}}(?![{_HAN}])")
_ONE_HAN = re.compile(f"[{_HAN}]")
_SENTENCE_DONE = set("。！？；：.!?;:")
_CJK_OPEN = "，、（「『【《“‘"
_LATIN_OPEN = "(\"'“‘$"


def _pdf_page_text(raw: str) -> str:
    text = _clean(raw)
    text = _LOOKALIKE_HAN.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _SPACED_HAN.sub(lambda m: m.group().replace(" ", ""), text)
    return _reflow(text).strip()


def _reflow(text: str) -> str:
    """Join the lines a PDF wrapped mid-sentence: each would otherwise read as a sentence.

    A wrapped line is about as wide as the page's widest; headings, table rows and a paragraph's
    last line are shorter or end a sentence. Rows ending in a number are never joined.
    """
    lines = text.split("\n")
    widths = [_width(line) for line in lines]
    full = 0.8 * max(widths, default=0)
    out = [lines[0]]
    for prev, width, line in zip(lines, widths, lines[1:], strict=False):
        a, b = prev.rstrip()[-1:], line.lstrip()[:1]
        glue = None
        if width >= full and a and b and a not in _SENTENCE_DONE:
            if (_is_han(a) or a in _CJK_OPEN) and (_is_han(b) or b.isalnum()):
                glue = ""
            elif ((a.islower() or a in ",;") and (b.isalnum() or b in _LATIN_OPEN)) or (a.isalpha() and b.islower()):
                glue = " "
        if glue is None:
            out.append(line)
        else:
            out[-1] = out[-1].rstrip() + glue + line.lstrip()
    return "\n".join(out)


def _is_han(c: str) -> bool:
    return bool(_ONE_HAN.match(c))


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.strip())


def _join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 2
    return "\n\n".join(pages), tuple(starts)
