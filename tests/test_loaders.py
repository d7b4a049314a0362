"""Loaders: every supported format and encoding, and a clear LoadError for every kind of bad file.

Fixtures are written here (PDFs with fpdf2) rather than committed as binaries.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from fpdf import FPDF

from assistant import loaders
from assistant.chunking import chunk_document
from assistant.errors import LoadError
from assistant.loaders import SUPPORTED, discover, load_document

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "biren-hearing-2025.txt"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

ENGLISH = (
    "Northwind annual report 2024\n"
    "Revenue was RMB512.3 million, up 28.5% from 2023.\n"
    "營業收入為5.12億元。\tGross margin\twas 41.2%.\n"
)
SIMPLIFIED = (
    "南风半导体2024年业绩公告\r\n\r\n"
    "南风半导体2024年收入为5.12亿元，同比增长28.5%。\r\n"
    "公司净亏损2.10亿元，较2023年的2.65亿元收窄。\r\n"
)
TRADITIONAL = (
    "壁仞科技通過港交所上市聆訊\n"
    "壁仞科技將成為「四小龍」中第三家上市企業，擬集資5億至6億美元（約39億至46.8億港元）。\n"
    "本公司於香港註冊成立。\n"
)
MARKDOWN = """---
title: front matter is not the title
---

Some intro line.

# Northwind Semiconductor annual results 2024

Revenue was **RMB512.3 million**, up 28.5%.

```
# a comment in code, not a heading
```

- Gross margin: 41.2%
- Net loss: RMB210.4 million
"""
HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>  Biren  Hearing &amp; Listing </title>
<style>p { color: red }</style>
<script>var leak = "<p>SCRIPT TEXT</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<!-- an HTML comment -->
<h1>壁仞科技通過聆訊</h1>
<p>壁仞科技將成為
“四小龍”中第三家上市企業。It plans to <b>raise</b>
US$500&nbsp;million&ndash;600 million.</p><p>A second paragraph.</p><div>Line one<br>Line two</div>
<ul><li>First item</li><li>Second item</li></ul>
<table><tr><th>Item</th><th>2024</th></tr><tr><td>Revenue</td><td> 1,234 </td></tr></table>
<pre>  col1   col2
  a      b</pre>
<p hidden>HIDDEN ATTRIBUTE</p><p style="display: none">HIDDEN STYLE</p>
<noscript>NOSCRIPT TEXT</noscript><template><p>TEMPLATE TEXT</p></template>
<footer>© 2025 Example Ltd. All rights reserved.</footer>
</body></html>
"""
PDF_PAGES = [
    "Page one covers revenue. Revenue was RMB512.3 million in 2024. It rose 28.5% from 2023.",
    "Page two covers margins. Gross margin was 41.2% in 2024. It was 38.9% in 2023.",
    "Page three covers losses. The net loss narrowed to RMB210.4 million. Cash was RMB1.0 billion.",
]


def _pdf(pages: list[str], encrypt: dict[str, str] | None = None) -> bytes:
    pdf = FPDF()
    if encrypt:
        pdf.set_encryption(**encrypt)
    for text in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        if text:
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:  # a page with a picture and no text, like a scan
            pdf.rect(20, 20, 100, 100, style="F")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("samples")
    (d / "english.txt").write_bytes(ENGLISH.encode("utf-8"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    (d / "simplified-gb18030.txt").write_bytes(SIMPLIFIED.encode("gb18030"))
    (d / "traditional-big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (d / "results.md").write_text(MARKDOWN, encoding="utf-8")
    (d / "hearing.html").write_text(HTML, encoding="utf-8")
    (d / "three-pages.pdf").write_bytes(_pdf(PDF_PAGES))
    owner_only = {"owner_password": "o"}
    (d / "owner-only.pdf").write_bytes(_pdf(["Readable without a password."], owner_only))
    # errors
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + random.Random(1).randbytes(3000))
    (d / "truncated.pdf").write_bytes(_pdf(PDF_PAGES)[:600])
    (d / "not-a.pdf").write_bytes(b"<html>a web page saved as .pdf</html>")
    both = {"owner_password": "owner", "user_password": "user"}
    (d / "encrypted.pdf").write_bytes(_pdf(["Secret."], both))
    (d / "scanned.pdf").write_bytes(_pdf(["", ""]))
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_bytes(b" \r\n\t\n  ")
    (d / "nul-only.txt").write_bytes(b"\x00\x00\n\x00")
    (d / "empty.pdf").write_bytes(b"")
    (d / "script-only.html").write_text("<title>T</title><body><script>x()</script>")
    (d / "report.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (d / "README").write_text("no extension")
    (d / "binary.txt").write_bytes(random.Random(7).randbytes(2000))
    return d


LOADABLE = [
    "english.txt",
    "bom.txt",
    "simplified-gb18030.txt",
    "traditional-big5.txt",
    "results.md",
    "hearing.html",
    "three-pages.pdf",
    "owner-only.pdf",
]


# ---- plain text -------------------------------------------------------------------------------


def test_utf8_text_is_kept_exactly(samples: Path) -> None:
    path = samples / "english.txt"
    doc = load_document(path)
    assert doc.text == ENGLISH
    assert doc.doc_id == "english"
    assert doc.name == "english.txt"
    assert doc.path == str(path)
    reader = f"reader {loaders.READER_VERSION}\0".encode()
    assert doc.sha256 == hashlib.sha256(reader + path.read_bytes()).hexdigest()
    assert doc.title == "Northwind annual report 2024"
    assert doc.page_starts is None
    assert doc.page_at(10) is None


def test_byte_order_mark_is_stripped(samples: Path) -> None:
    doc = load_document(samples / "bom.txt")
    assert doc.text == ENGLISH
    assert doc.title == "Northwind annual report 2024"
    assert doc.sha256 != load_document(samples / "english.txt").sha256  # of the bytes, BOM too


def test_gb18030_simplified_chinese(samples: Path) -> None:
    doc = load_document(samples / "simplified-gb18030.txt")
    assert doc.text == SIMPLIFIED.replace("\r\n", "\n")
    assert doc.title == "南风半导体2024年业绩公告"


def test_big5_traditional_chinese(samples: Path) -> None:
    doc = load_document(samples / "traditional-big5.txt")
    assert doc.text == TRADITIONAL
    assert doc.title == "壁仞科技通過港交所上市聆訊"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-16", "Revenue 營業收入 rose 18% to HK$12.5 billion.\n第二行。"),
        ("utf-16-le", "Revenue 營業收入 rose 18% to HK$12.5 billion.\n第二行。"),
        ("utf-16-be", "Revenue 營業收入 rose 18% to HK$12.5 billion.\n第二行。"),
        ("big5hkscs", "佢哋話今年嘅盈利會增長啲。"),
        ("cp1252", "The company’s revenue rose – sharply – to €12.5m."),
    ],
)
def test_other_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    assert load_document(path).text == text


def test_line_endings_and_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"Revenue\r\nrose\rsharply\x00!\x07 Tab\tkept\x0cEnd\x1b.")
    assert load_document(path).text == "Revenue\nrose\nsharply !  Tab\tkept\nEnd ."


def test_utf8_cut_off_inside_the_last_character(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes("營業收入增長".encode()[:-1])
    assert load_document(path).text == "營業收入增"


def test_title_is_first_line_with_text_trimmed_to_120(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n  ---  \n\n" + "Revenue " * 40 + "\nsecond line\n", encoding="utf-8")
    title = load_document(path).title
    assert title.startswith("Revenue Revenue")
    assert len(title) <= 120


def test_markdown_stays_markdown(samples: Path) -> None:
    doc = load_document(samples / "results.md")
    assert doc.text == MARKDOWN
    assert doc.title == "Northwind Semiconductor annual results 2024"


def test_markdown_setext_heading_and_no_heading(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Annual Report\n=============\n\nBody.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("\nJust a line.\nAnother.\n", encoding="utf-8")
    assert load_document(tmp_path / "a.md").title == "Annual Report"
    assert load_document(tmp_path / "b.md").title == "Just a line."


def test_seed_corpus_loads() -> None:
    if not SEED.exists():
        pytest.skip("seed corpus not present")
    doc = load_document(SEED)
    assert doc.doc_id == "biren-hearing-2025"
    assert doc.text == SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert doc.title.startswith("壁仞科技")


# ---- HTML -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def html_doc(samples: Path):
    return load_document(samples / "hearing.html")


def test_html_drops_code_and_invisible_parts(html_doc) -> None:
    for gone in ("SCRIPT", "color: red", "NOSCRIPT", "TEMPLATE", "HIDDEN", "comment", "utf-8"):
        assert gone not in html_doc.text


def test_html_keeps_nav_and_footer(html_doc) -> None:
    assert html_doc.text.startswith("Home | News\n")
    assert html_doc.text.endswith("© 2025 Example Ltd. All rights reserved.")


def test_html_title_and_entities(html_doc) -> None:
    assert html_doc.title == "Biren Hearing & Listing"
    assert "US$500 million–600 million." in html_doc.text  # &nbsp; and &ndash;


def test_html_blocks_become_lines_and_inline_does_not(html_doc) -> None:
    text = html_doc.text
    assert "\n\n壁仞科技通過聆訊\n\n" in text
    # A source line break inside a paragraph: nothing between Chinese, a space in English.
    assert "壁仞科技將成為“四小龍”中第三家上市企業。It plans to raise US$500" in text
    assert "US$500 million–600 million.\n\nA second paragraph.\n\nLine one\nLine two\n\n" in text
    assert "\nFirst item\nSecond item\n" in text
    assert "\nItem\t2024\nRevenue\t1,234\n" in text
    assert "\n  col1   col2\n  a      b\n" in text  # <pre> keeps its layout
    assert "\n\n\n" not in text
    assert text == text.strip()


def test_html_break_inside_a_cell_keeps_the_row_on_one_line(tmp_path: Path) -> None:
    page = "<table><tr><th></th><th>2025<br>US$'000</th><th>2024<br/>US$'000</th></tr></table><p>a<br>b</p>"
    (tmp_path / "t.html").write_text(page, encoding="utf-8")
    assert load_document(tmp_path / "t.html").text == "2025 US$'000\t2024 US$'000\n\na\nb"


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        "<title>年报</title></head><body><p>营业收入增长，镕</p></body></html>"
    )
    (tmp_path / "gbk.htm").write_bytes(page.encode("gb18030"))  # 镕 is GBK, not GB2312
    doc = load_document(tmp_path / "gbk.htm")
    assert (doc.title, doc.text) == ("年报", "营业收入增长，镕")


def test_html_title_falls_back_to_heading(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>intro</p><h2>Results  2024</h2><p>x</p>", encoding="utf-8")
    assert load_document(tmp_path / "a.html").title == "Results 2024"


def test_deeply_nested_html(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text("<div>" * 3000 + "deep text" + "</div>" * 3000)
    assert load_document(tmp_path / "deep.html").text == "deep text"


# ---- PDF --------------------------------------------------------------------------------------


def test_pdf_pages_and_offsets(samples: Path) -> None:
    doc = load_document(samples / "three-pages.pdf")
    assert doc.text == "\n\n".join(PDF_PAGES)
    assert doc.page_starts is not None and len(doc.page_starts) == 3
    for n, (start, page) in enumerate(zip(doc.page_starts, PDF_PAGES, strict=True), 1):
        assert doc.text[start : start + len(page)] == page
        assert doc.page_at(start) == doc.page_at(start + len(page) - 1) == n
    assert doc.title == PDF_PAGES[0]


def test_pdf_chunks_know_their_page(samples: Path) -> None:
    doc = load_document(samples / "three-pages.pdf")
    chunks = chunk_document(doc, size=60, overlap=1)
    assert {c.page for c in chunks} == {1, 2, 3}
    for c in chunks:
        assert c.text in PDF_PAGES[c.page - 1]
    assert [c.page for c in chunks] == sorted(c.page for c in chunks)


def test_pdf_with_only_an_owner_password_opens(samples: Path) -> None:
    assert load_document(samples / "owner-only.pdf").text == "Readable without a password."


def test_pdf_lines_wrapped_mid_sentence_are_joined(tmp_path: Path) -> None:
    para = (
        "Northwind Semiconductor Limited reported revenue of RMB512.3 million for the year "
        "ended 31 December 2024, up 28.5% from RMB398.7 million in 2023, driven by strong demand "
        "for accelerators and new customers in the automotive sector."
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.multi_cell(0, 6, "Risk Factors", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
    for row in (("Revenue", "512.3", "398.7"), ("Gross profit", "211.1", "155.1")):
        for cell in row:
            pdf.cell(60, 6, cell)
        pdf.ln(6)
    (tmp_path / "wrapped.pdf").write_bytes(bytes(pdf.output()))
    text = load_document(tmp_path / "wrapped.pdf").text
    assert text == f"Risk Factors\n{para}\nRevenue 512.3 398.7\nGross profit 211.1 155.1"


@pytest.mark.skipif(not CJK_FONT.exists(), reason="needs the WenQuanYi CJK font")
def test_chinese_pdf(tmp_path: Path) -> None:
    para = (
        "壁仞科技將成為「四小龍」中第三家上市企業，也有望成為香港資本市場首隻純正GPU概念股。"
        "據港交所官網披露，上海壁仞科技股份有限公司通過港交所上市聆訊，由中金公司、平安證券（香港）"
        "及中銀國際擔任聯席保薦人。"
    )
    pdf = FPDF()
    pdf.add_font("wqy", fname=str(CJK_FONT))
    pdf.add_page()
    pdf.set_font("wqy", size=12)
    pdf.multi_cell(0, 7, para, new_x="LMARGIN", new_y="NEXT")
    for label, value in (("營業收入", "12.5億"), ("淨利潤", "3.2億")):
        pdf.cell(40, 7, label)
        pdf.cell(40, 7, value, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 10
    for i, char in enumerate("逐字放置的文字"):  # glyph by glyph, as some typesetters do
        pdf.text(20 + i * 5, y, char)
    (tmp_path / "chinese.pdf").write_bytes(bytes(pdf.output()))
    # pypdf breaks the paragraph wherever the line wrapped ("據港\n交所") and puts spaces
    # between glyphs placed one by one; the loader undoes both.
    text = load_document(tmp_path / "chinese.pdf").text
    assert text == f"{para}\n營業收入 12.5億\n淨利潤 3.2億\n逐字放置的文字"


def test_pdf_lookalike_han_characters_are_normalised() -> None:
    # Kangxi radicals U+2F47, U+2FA6 and compatibility ideograph U+F963 look like 日, 金 and 北
    # but don't match them in a search.
    assert loaders._pdf_page_text("\u2f47本\u2fa6融 \uf963京") == "日本金融 北京"


def test_pdf_needing_cryptography_says_so(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf.errors import DependencyError

    def aes_reader(*args: object, **kwargs: object) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(loaders, "PdfReader", aes_reader)
    with pytest.raises(LoadError, match="cryptography"):
        load_document(samples / "three-pages.pdf")


# ---- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("corrupt.pdf", "corrupt PDF"),
        ("truncated.pdf", "truncated?"),
        ("not-a.pdf", "not a PDF"),
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "no extractable text (scanned image?)"),
        ("empty.txt", "empty file"),
        ("blank.md", "empty file"),
        ("nul-only.txt", "empty file"),
        ("empty.pdf", "empty file"),
        ("script-only.html", "empty file"),
        ("report.docx", "unsupported file type .docx (supported: .txt, .md, .html, .htm, .pdf)"),
        ("README", "unsupported file type (no extension)"),
        ("binary.txt", "cannot decode: not UTF-8 (invalid byte"),
        ("missing.txt", "no such file"),
    ],
)
def test_unreadable_files_raise_load_error(samples: Path, name: str, why: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_document(samples / name)
    assert name in str(caught.value)
    assert why in caught.value.why
    assert caught.value.path == str(samples / name)


def test_corrupt_pdf_gives_the_parser_reason(samples: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_document(samples / "corrupt.pdf")
    assert len(caught.value.why) > len("corrupt PDF: ")


def test_directory_is_not_a_document(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(LoadError, match="is a directory"):
        load_document(tmp_path / "folder.txt")


# ---- discover ---------------------------------------------------------------------------------


def test_discover_walks_folders_and_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    for rel in (
        "a.txt",
        "z.html",
        "sub/b.md",
        "sub/deeper/c.PDF",
        "sub/d.htm",
        "sub/notes.docx",
        "sub/.hidden.txt",
        ".git/e.txt",
        "sub/.cache/f.md",
        "README",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    found = discover([tmp_path])
    assert found == [
        tmp_path / "a.txt",
        tmp_path / "sub/b.md",
        tmp_path / "sub/d.htm",
        tmp_path / "sub/deeper/c.PDF",
        tmp_path / "z.html",
    ]
    assert discover([str(tmp_path / "sub"), tmp_path / "sub/b.md"]) == found[1:4]  # no repeats


def test_discover_keeps_files_named_explicitly(tmp_path: Path) -> None:
    # So that loading says why: ingest reports "unsupported file type .docx" rather than nothing.
    (tmp_path / "notes.docx").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert discover([tmp_path / "notes.docx", tmp_path / ".hidden.txt"]) == [
        tmp_path / ".hidden.txt",
        tmp_path / "notes.docx",
    ]


def test_discover_missing_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or directory"):
        discover([tmp_path / "nope"])


# ---- loaders and chunker together -------------------------------------------------------------


@pytest.mark.parametrize("name", LOADABLE)
def test_every_fixture_chunks_back_into_its_text(samples: Path, name: str) -> None:
    assert Path(name).suffix in SUPPORTED
    doc = load_document(samples / name)
    for size, overlap in ((320, 1), (40, 0), (60, 2)):
        chunks = chunk_document(doc, size, overlap)
        assert chunks
        for n, c in enumerate(chunks):
            assert c.text == doc.text[c.start : c.end]
            assert (c.n, c.doc_id, c.doc) == (n, doc.doc_id, doc.name)
            assert len(c.text) <= size
            assert c.page == doc.page_at(c.start) == doc.page_at(c.end - 1)
