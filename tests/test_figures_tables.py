"""Figures in tables: Markdown pipe tables, tab-separated rows (HTML) and plain PDF rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.evidence import table_lead
from assistant.figures import document_period, parse_figures
from assistant.loaders import load_document

# As the PDF loader gives them (corpus/lumina-interim-report-2025.pdf), and as filings write them.
UNIT_LINE = (
    "財務摘要\n"
    "                         2024年           2023年        變動\n"
    "                      人民幣千元       人民幣千元\n"
    "收入                   5,870,492        5,086,050       +15.4%\n"
)
PDF_SUMMARY = (
    "財務摘要\n"
    "截至六月三十日止六個月（人民幣百萬元） 二零二五年 二零二四年 變動\n"
    "收入 512.9 358.2 +43.2%\n"
    "毛利率 45.3% 42.1% +3.2個百分點\n"
    "期內虧損 (471.3) (548.6) -14.1%\n"
    "管理層討論及分析——業務回顧\n"
)
PDF_SEGMENTS = (
    "收入\n"
    "按業務劃分（人民幣百萬元） 二零二五年上半年 二零二四年上半年 變動 佔收入\n"
    "AI推理加速卡 276.4 195.3 +41.5% 53.9%\n"
    "合計 512.9 358.2 +43.2% 100.0%\n"
    "銷售成本、毛利及毛利率\n"
)
PDF_LOSS = (
    "簡明綜合損益表摘要（人民幣百萬元） 二零二五年上半年 二零二四年上半年\n"
    "其他收入及收益 78.6 56.8\n"
    "研發開支 (589.4) (551.2)\n"
    "除稅前虧損 (469.9) (547.5)\n"
    "期內虧損 (471.3) (548.6)\n"
)
PDF_OPTIONS = (
    "購股權變動（股份數目） 本期間\n"
    "於二零二五年一月一日尚未行使 42,105,300\n"
    "期內授出 1,200,000\n"
    "期內行使 (2,364,500)\n"
    "於二零二五年六月三十日尚未行使 38,412,600\n"
)
PDF_PROCEEDS = (
    "用途（百萬港元） 計劃分配 已動用 未動用\n"
    "研發下一代推理芯片（60%） 2,287.6 1,402.3 885.3\n"
    "合計 3,812.6 2,298.6 1,514.0\n"
)
EN_PLAIN = (
    "Six months ended 30 June\n"
    "RMB'000 2025 2024 Change\n"
    "Revenue 512,900 358,200 +43.2%\n"
    "Gross margin 45.3% 42.1% +3.2pp\n"
    "Loss for the period (471,300) (548,600) (14.1%)\n"
)
ZH_THOUSANDS = "(人民幣千元) 二零二四年 二零二三年\n收入 873,400 598,100\n"
MD_KEY = (
    "## KEY FINANCIAL FIGURES\n\n"
    "| Year ended 31 December | 2022 | 2023 | 2024 |\n"
    "|---|---|---|---|\n"
    "| Revenue (RMB million) | 412.6 | 598.1 | 873.4 |\n"
    "| Year-on-year revenue growth | — | 45.0% | 46.0% |\n"
    "| Gross margin | 38.3% | 41.6% | 44.6% |\n"
    "| Revenue from top five customers (% of revenue) | 86.2% | 79.4% | 71.8% |\n"
    "| Basic and diluted loss per share (RMB) | — | 1.31 | 0.91 |\n"
)
MD_SEGMENTS = (
    "| Revenue by business line (RMB million) | 2023 | 2024 | Change | % of 2024 revenue |\n"
    "|---|---|---|---|---|\n"
    "| Edge AI modules | 88.5 | 121.6 | +37.4% | 13.9% |\n"
    "| **Total** | **598.1** | **873.4** | **+46.0%** | **100.0%** |\n"
)
MD_LOSS = (
    "| RMB million | 2023 | 2024 |\n"
    "|---|---|---|\n"
    "| Net loss for the year | (1,284.7) | (1,052.3) |\n"
    "| Add: share-based compensation | 221.6 | 312.4 |\n"
    "| Cost of sales | (349.5) | (484.0) |\n"
    "| Other expenses and losses | (121.6) | (59.8) |\n"
)
MD_AS_AT = (
    "| As at 31 December | 2024 | 2023 |\n"
    "|---|---|---|\n"
    "| Cash and cash equivalents (RMB million) | 3,286.4 | 4,512.7 |\n"
    "| Employees | 1,486 | 2018 |\n"
)
MD_ZH = "| 指標 | 2024年 | 2023年 |\n|---|---|---|\n| 收入（億元） | 3.12 | 0.98 |\n| 毛利率（%） | 49.5 | 68.7 |\n"
TAB = (
    "Key figures\n\n"
    "RMB million\t2024\t2023\n"
    "Revenue\t873.4\t598.1\n"
    "Net loss\t(1,052.3)\t(1,284.7)\n"
    "Gross margin (%)\t44.6\t41.6\n\n"
    "After the table."
)
TAB_NO_LABEL_HEADER = "HK$\n2025H1\t2024\nDividend per share\t0.10\t0.08\n"
# Periods set over groups of columns, multi-word column heads, a title above the span line.
GROUPED = (
    "Revenue by region\n"
    "\n"
    "                             Six months ended 30 June\n"
    "                        2025                    2024\n"
    "                 HK$'000   % of total    HK$'000   % of total    Change\n"
    "Harbour           51,200        64.0%     48,000        66.7%      6.7%\n"
    "Inland            28,800        36.0%     24,000        33.3%     20.0%\n"
)
# A pipe table whose rows open with their label, with "(Unaudited)" under the periods, and a
# change in points written apart from its number.
LABELLED_PIPES = (
    "                                   | Six months ended 30 June\n"
    "                                   |       2025 |       2024\n"
    "                                   |   HK$'000  |   HK$'000\n"
    "                                   | (Unaudited)| (Unaudited)\n"
    "Revenue                            |     80,000 |     72,000\n"
    "Gross profit margin                |      63.4% |      62.2%\n"
)
POINTS_APART = (
    "                       Six months ended 30 June\n"
    "                         2025          2024      Change\n"
    "Gross profit margin      63.4%         62.2%    1.2 ppt\n"
)
# The unit line under the periods, and a sentence above that leads into the table.
UNIT_UNDER_PERIODS = (
    "下表載列本公司擁有人應佔年內利潤之對賬：\n"
    "\n"
    "                          2024年          2023年\n"
    "                       人民幣千元      人民幣千元\n"
    "本公司擁有人應佔年內利潤   474,555         338,614\n"
)

# (text, anchor, [(cell, value, unit, period, metric, aspect, direction), ...]): every figure in
# the text, in order.
TABLES = [
    # plain PDF rows: the header's "six months ended 30 June" makes each column year a half;
    # 人民幣百萬元 scales every bare cell; 變動 is a change column
    (
        PDF_SUMMARY,
        None,
        [
            ("512.9", "512900000", "CNY", "2025H1", "revenue", None, None),
            ("358.2", "358200000", "CNY", "2024H1", "revenue", None, None),
            ("+43.2%", "43.2", "%", "2025H1", "revenue", "growth", "up"),
            ("45.3%", "45.3", "%", "2025H1", "gross_margin", None, None),
            ("42.1%", "42.1", "%", "2024H1", "gross_margin", None, None),
            ("+3.2個百分點", "3.2", "pp", "2025H1", "gross_margin", "pp_change", "up"),
            ("(471.3)", "-471300000", "CNY", "2025H1", "net_loss", None, None),
            ("(548.6)", "-548600000", "CNY", "2024H1", "net_loss", None, None),
            ("-14.1%", "-14.1", "%", "2025H1", "net_loss", "growth", "down"),
        ],
    ),
    # a share column (佔收入) is a share of revenue; the total row is the total of the table's
    # subject (the 收入 heading right above it)
    (
        PDF_SEGMENTS,
        None,
        [
            ("276.4", "276400000", "CNY", "2025H1", "revenue", None, None),
            ("195.3", "195300000", "CNY", "2024H1", "revenue", None, None),
            ("+41.5%", "41.5", "%", "2025H1", "revenue", "growth", "up"),
            ("53.9%", "53.9", "%", "2025H1", "revenue", "share", None),
            ("512.9", "512900000", "CNY", "2025H1", "revenue", None, None),
            ("358.2", "358200000", "CNY", "2024H1", "revenue", None, None),
            ("+43.2%", "43.2", "%", "2025H1", "revenue", "growth", "up"),
            ("100.0%", "100", "%", "2025H1", "revenue", "share", None),
        ],
    ),
    # a row names a metric only when its label is that metric: 其他收入及收益 is not revenue,
    # 除稅前虧損 not the loss for the period
    (
        PDF_LOSS,
        None,
        [
            ("78.6", "78600000", "CNY", "2025H1", None, None, None),
            ("56.8", "56800000", "CNY", "2024H1", None, None, None),
            ("(589.4)", "-589400000", "CNY", "2025H1", "rnd_expense", None, None),
            ("(551.2)", "-551200000", "CNY", "2024H1", "rnd_expense", None, None),
            ("(469.9)", "-469900000", "CNY", "2025H1", None, None, None),
            ("(547.5)", "-547500000", "CNY", "2024H1", None, None, None),
            ("(471.3)", "-471300000", "CNY", "2025H1", "net_loss", None, None),
            ("(548.6)", "-548600000", "CNY", "2024H1", "net_loss", None, None),
        ],
    ),
    # one column: 本期間 is the anchor; a row label that states a date says when
    (
        PDF_OPTIONS,
        "2025H1",
        [
            ("42,105,300", "42105300", "shares", "2025-01-01", "share_options", None, None),
            ("1,200,000", "1200000", "shares", "2025H1", "share_options", None, None),
            ("(2,364,500)", "-2364500", "shares", "2025H1", "share_options", None, None),
            ("38,412,600", "38412600", "shares", "2025-06-30", "share_options", None, None),
        ],
    ),
    # columns without periods; the label's own 60% stays a figure of the text
    (
        PDF_PROCEEDS,
        None,
        [
            ("60%", "60", "%", None, None, None, None),
            ("2,287.6", "2287600000", "HKD", None, None, None, None),
            ("1,402.3", "1402300000", "HKD", None, None, None, None),
            ("885.3", "885300000", "HKD", None, None, None, None),
            ("3,812.6", "3812600000", "HKD", None, None, None, None),
            ("2,298.6", "2298600000", "HKD", None, None, None, None),
            ("1,514.0", "1514000000", "HKD", None, None, None, None),
        ],
    ),
    # English PDF rows: RMB'000, a caption line with the span, a bracketed change is negative
    (
        EN_PLAIN,
        None,
        [
            ("512,900", "512900000", "CNY", "2025H1", "revenue", None, None),
            ("358,200", "358200000", "CNY", "2024H1", "revenue", None, None),
            ("+43.2%", "43.2", "%", "2025H1", "revenue", "growth", "up"),
            ("45.3%", "45.3", "%", "2025H1", "gross_margin", None, None),
            ("42.1%", "42.1", "%", "2024H1", "gross_margin", None, None),
            ("+3.2pp", "3.2", "pp", "2025H1", "gross_margin", "pp_change", "up"),
            ("(471,300)", "-471300000", "CNY", "2025H1", "net_loss", None, None),
            ("(548,600)", "-548600000", "CNY", "2024H1", "net_loss", None, None),
            ("(14.1%)", "-14.1", "%", "2025H1", "net_loss", "growth", "down"),
        ],
    ),
    # (人民幣千元) is a unit note, not an amount
    (
        ZH_THOUSANDS,
        None,
        [
            ("873,400", "873400000", "CNY", "2024", "revenue", None, None),
            ("598,100", "598100000", "CNY", "2023", "revenue", None, None),
        ],
    ),
    # Markdown: the unit in the row label; "—" is an empty cell that keeps the columns aligned
    (
        MD_KEY,
        None,
        [
            ("412.6", "412600000", "CNY", "2022", "revenue", None, None),
            ("598.1", "598100000", "CNY", "2023", "revenue", None, None),
            ("873.4", "873400000", "CNY", "2024", "revenue", None, None),
            ("45.0%", "45", "%", "2023", "revenue", "growth", None),
            ("46.0%", "46", "%", "2024", "revenue", "growth", None),
            ("38.3%", "38.3", "%", "2022", "gross_margin", None, None),
            ("41.6%", "41.6", "%", "2023", "gross_margin", None, None),
            ("44.6%", "44.6", "%", "2024", "gross_margin", None, None),
            ("86.2%", "86.2", "%", "2022", "customer_concentration_top5", "share", None),
            ("79.4%", "79.4", "%", "2023", "customer_concentration_top5", "share", None),
            ("71.8%", "71.8", "%", "2024", "customer_concentration_top5", "share", None),
            ("1.31", "1.31", "CNY", "2023", "eps", None, None),
            ("0.91", "0.91", "CNY", "2024", "eps", None, None),
        ],
    ),
    (
        MD_SEGMENTS,
        None,
        [
            ("88.5", "88500000", "CNY", "2023", "revenue", None, None),
            ("121.6", "121600000", "CNY", "2024", "revenue", None, None),
            ("+37.4%", "37.4", "%", "2024", "revenue", "growth", "up"),
            ("13.9%", "13.9", "%", "2024", "revenue", "share", None),
            ("598.1", "598100000", "CNY", "2023", "revenue", None, None),
            ("873.4", "873400000", "CNY", "2024", "revenue", None, None),
            ("46.0%", "46", "%", "2024", "revenue", "growth", None),
            ("100.0%", "100", "%", "2024", "revenue", "share", None),
        ],
    ),
    (
        MD_LOSS,
        None,
        [
            ("(1,284.7)", "-1284700000", "CNY", "2023", "net_loss", None, None),
            ("(1,052.3)", "-1052300000", "CNY", "2024", "net_loss", None, None),
            ("221.6", "221600000", "CNY", "2023", None, None, None),
            ("312.4", "312400000", "CNY", "2024", None, None, None),
            ("(349.5)", "-349500000", "CNY", "2023", "cost_of_sales", None, None),
            ("(484.0)", "-484000000", "CNY", "2024", "cost_of_sales", None, None),
            ("(121.6)", "-121600000", "CNY", "2023", None, None, None),
            ("(59.8)", "-59800000", "CNY", "2024", None, None, None),
        ],
    ),
    # "As at 31 December" makes each column year a date; a year-like number in a value cell is
    # a number
    (
        MD_AS_AT,
        None,
        [
            ("3,286.4", "3286400000", "CNY", "2024-12-31", "cash", None, None),
            ("4,512.7", "4512700000", "CNY", "2023-12-31", "cash", None, None),
            ("1,486", "1486", "", "2024-12-31", "employees", None, None),
            ("2018", "2018", "", "2023-12-31", "employees", None, None),
        ],
    ),
    (
        MD_ZH,
        None,
        [
            ("3.12", "312000000", "CNY", "2024", "revenue", None, None),
            ("0.98", "98000000", "CNY", "2023", "revenue", None, None),
            ("49.5", "49.5", "%", "2024", "gross_margin", None, None),
            ("68.7", "68.7", "%", "2023", "gross_margin", None, None),
        ],
    ),
    # tab-separated rows, as the HTML loader writes <tr><td>
    (
        TAB,
        None,
        [
            ("873.4", "873400000", "CNY", "2024", "revenue", None, None),
            ("598.1", "598100000", "CNY", "2023", "revenue", None, None),
            ("(1,052.3)", "-1052300000", "CNY", "2024", "net_loss", None, None),
            ("(1,284.7)", "-1284700000", "CNY", "2023", "net_loss", None, None),
            ("44.6", "44.6", "%", "2024", "gross_margin", None, None),
            ("41.6", "41.6", "%", "2023", "gross_margin", None, None),
        ],
    ),
    # the unit on a line of its own under the periods; "人民幣千元" itself is no amount
    (
        UNIT_LINE,
        None,
        [
            ("5,870,492", "5870492000", "CNY", "2024", "revenue", None, None),
            ("5,086,050", "5086050000", "CNY", "2023", "revenue", None, None),
            ("+15.4%", "15.4", "%", "2024", "revenue", "growth", "up"),
        ],
    ),
    # each column takes the period set over its group; a change column measures the latest
    (
        GROUPED,
        None,
        [
            ("51,200", "51200000", "HKD", "2025H1", "revenue", None, None),
            ("64.0%", "64.0", "%", "2025H1", "revenue", "share", None),
            ("48,000", "48000000", "HKD", "2024H1", "revenue", None, None),
            ("66.7%", "66.7", "%", "2024H1", "revenue", "share", None),
            ("6.7%", "6.7", "%", "2025H1", "revenue", "growth", None),
            ("28,800", "28800000", "HKD", "2025H1", "revenue", None, None),
            ("36.0%", "36.0", "%", "2025H1", "revenue", "share", None),
            ("24,000", "24000000", "HKD", "2024H1", "revenue", None, None),
            ("33.3%", "33.3", "%", "2024H1", "revenue", "share", None),
            ("20.0%", "20.0", "%", "2025H1", "revenue", "growth", None),
        ],
    ),
    (
        LABELLED_PIPES,
        None,
        [
            ("80,000", "80000000", "HKD", "2025H1", "revenue", None, None),
            ("72,000", "72000000", "HKD", "2024H1", "revenue", None, None),
            ("63.4%", "63.4", "%", "2025H1", "gross_margin", None, None),
            ("62.2%", "62.2", "%", "2024H1", "gross_margin", None, None),
        ],
    ),
    (
        POINTS_APART,
        None,
        [
            ("63.4%", "63.4", "%", "2025H1", "gross_margin", None, None),
            ("62.2%", "62.2", "%", "2024H1", "gross_margin", None, None),
            ("1.2 ppt", "1.2", "pp", "2025H1", "gross_margin", "pp_change", None),
        ],
    ),
    (
        UNIT_UNDER_PERIODS,
        None,
        [
            ("474,555", "474555000", "CNY", "2024", "attributable_profit", None, None),
            ("338,614", "338614000", "CNY", "2023", "attributable_profit", None, None),
        ],
    ),
    # a header without a label cell; columns of one table cover equal spans (2024 is 2024H1)
    (
        TAB_NO_LABEL_HEADER,
        None,
        [
            ("0.10", "0.1", "HKD", "2025H1", "dividend", None, None),
            ("0.08", "0.08", "HKD", "2024H1", "dividend", None, None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), TABLES)
def test_table_cells(text: str, anchor: str | None, expected: list[tuple]) -> None:
    figures = parse_figures(text, anchor=anchor)
    got = [(f.text, f.value, f.unit, f.period, f.metric, f.aspect, f.direction) for f in figures]
    assert got == [(c, Decimal(v), u, p, m, a, d) for c, v, u, p, m, a, d in expected]
    for f in figures:
        assert text[f.start : f.end] == f.text


# (text, cell, precision): half a unit of the cell's last digit, times the table's scale.
PRECISION = [
    (PDF_SUMMARY, "512.9", "50000"),
    (EN_PLAIN, "512,900", "500"),
    (MD_ZH, "3.12", "500000"),
    (MD_KEY, "1.31", "0.005"),
    (PDF_SUMMARY, "+43.2%", "0.05"),
]


@pytest.mark.parametrize(("text", "cell", "precision"), PRECISION)
def test_cell_precision(text: str, cell: str, precision: str) -> None:
    (f,) = [f for f in parse_figures(text) if f.text == cell][:1]
    assert f.precision == Decimal(precision)


# Rows of numbers that are not tables keep what the sentence grammar gives them.
NOT_TABLES = [
    (
        "The company has 3 offices 2 factories\nIt employs 5 people 7 contractors\n",
        [("3 offices", None, None), ("2 factories", None, None), ("5 people", None, None)],
    ),
    ("| Director | Role |\n|---|---|\n| Dr. Chen | Chairman |\n", []),
    ("上市日期　二零二三年七月十二日。\n股份代號　2659\n", [("2659", None, None)]),
    ("— 1 —\n\n流明智算控股有限公司  二零二五年中期報告\n財務摘要\n", []),
    (
        "In 2024 revenue was 873.4 and cost 484.0\nwhile margin was 44.6% 41.6%\n",
        [("873.4", "2024", "revenue"), ("484.0", "2024", "revenue"), ("44.6%", "2024", None), ("41.6%", "2024", None)],
    ),
    (
        "Revenue grew 46.0% in 2024.\nGross profit 389.4 248.6\n",
        [("46.0%", "2024", "revenue"), ("389.4", None, "gross_profit"), ("248.6", None, "gross_profit")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_TABLES)
def test_not_tables(text: str, expected: list[tuple]) -> None:
    figures = parse_figures(text)
    assert [(f.text, f.period, f.metric) for f in figures] == expected
    assert all(f.unit != "CNY" for f in figures)  # no table scale or currency was applied


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_corpus_documents() -> None:
    """Every corpus document parses with true spans, anchored on the period it reports on."""
    found: dict[str, set[tuple]] = {}
    for path in sorted(CORPUS.glob("*.*")):
        doc = load_document(path)
        anchor = document_period(doc.name, doc.title, doc.text[:400])
        figures = parse_figures(doc.text, anchor=anchor)
        assert figures, path.name
        for f in figures:
            assert doc.text[f.start : f.end] == f.text
            assert f.metric not in ("growth", "cagr")
        found[path.name] = {(f.value, f.unit, f.period, f.metric, f.aspect) for f in figures}
    pdf = found["lumina-interim-report-2025.pdf"]
    assert (Decimal("512900000"), "CNY", "2025H1", "revenue", None) in pdf  # a PDF table row
    assert (Decimal("358200000"), "CNY", "2024H1", "revenue", None) in pdf
    assert (Decimal("3.2"), "pp", "2025H1", "gross_margin", "pp_change") in pdf
    assert (Decimal("68.4"), "%", "2025H1", "customer_concentration_top5", "share") in pdf
    md = found["lumina-annual-results-2024.md"]
    assert (Decimal("1126400000"), "CNY", "2022", "net_loss", None) in md  # a Markdown table row
    assert (Decimal("3"), "pp", "2024", "gross_margin", "pp_change") in md
    news = found["xinghe-ipo-news-2025.html"]
    assert (Decimal("72150000"), "CNY", "2025H1", "revenue", None) in news  # 今年上半年


@pytest.mark.parametrize("text", [MD_SEGMENTS, PDF_SEGMENTS])
def test_breakdown_rows_are_parts_and_the_total_row_is_not(text: str) -> None:
    figures = parse_figures(text)
    total_row = text.splitlines()[-1] if text.endswith("|\n") else next(ln for ln in text.splitlines() if "合計" in ln)
    start = text.index(total_row)
    for f in figures:
        if f.metric is None:
            continue
        assert f.part == (f.start < start), f.text


PDF_MEASURES_OVER_YEARS = """4. Revenue and segment information
Year ended 31 December Revenue 2025 Revenue 2024 Gross profit 2025 Gross profit 2024
RMB'000 RMB'000 RMB'000 RMB'000
Dental implant systems 712,448 538,216 468,210 345,603
Clear aligners and consumables 287,623 252,719 137,342 115,074
Total 1,000,071 790,935 605,552 460,677
"""


def test_a_pdf_header_that_sets_a_measure_before_each_year() -> None:
    got = [
        (f.text, f.metric, f.period, f.part)
        for f in parse_figures(PDF_MEASURES_OVER_YEARS)
        if f.value >= 1000 and f.unit == "CNY"
    ]
    assert got[:4] == [
        ("712,448", "revenue", "2025", True),
        ("538,216", "revenue", "2024", True),
        ("468,210", "gross_profit", "2025", True),
        ("345,603", "gross_profit", "2024", True),
    ]
    assert got[-4:] == [
        ("1,000,071", "revenue", "2025", False),
        ("790,935", "revenue", "2024", False),
        ("605,552", "gross_profit", "2025", False),
        ("460,677", "gross_profit", "2024", False),
    ]
    # The year that ends the header line is no amount in the unit of the line below.
    assert not any(f.text.startswith("2024") for f in parse_figures(PDF_MEASURES_OVER_YEARS))


GEOGRAPHY = (
    "Revenue by geographical location of customers:\n"
    "Year ended 31 December 2025 2024\n"
    "RMB'000 RMB'000\n"
    "Mainland China 1,032,815 868,431\n"
    "Europe 248,906 167,522\n"
    "Total 1,486,372 1,152,840\n"
)


def test_a_breakdown_caption_names_the_rows_metric() -> None:
    figures = {f.text: f for f in parse_figures(GEOGRAPHY)}
    europe = figures["167,522"]
    assert (europe.metric, europe.period, europe.value, europe.part) == ("revenue", "2024", Decimal("167522000"), True)
    assert (figures["1,486,372"].metric, figures["1,486,372"].part) == ("revenue", False)
    segments = "### 分部收益\n\n| 港幣千元 | 2025年 | 2024年 |\n| --- | --- | --- |\n| 批發 | 150,000 | 120,000 |\n"
    [wholesale, _] = parse_figures(segments)
    assert (wholesale.metric, wholesale.part, wholesale.value) == ("revenue", True, Decimal("150000000"))


def test_a_table_lead_stops_at_the_caption_that_opens_its_table() -> None:
    above = (
        "Intraoral scanners 486,301 361,905\nTotal 1,486,372 1,152,840\n"
        "Revenue by geographical location of customers:\n"
    )
    lead = table_lead(above, GEOGRAPHY.split(":\n", 1)[1])
    assert lead == "Revenue by geographical location of customers:\n"
