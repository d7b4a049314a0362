"""Figures: values, units, qualifiers, periods, metrics; Traditional, Simplified and English."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.figures import ASPECTS, Figure, Period, document_period, parse_figures, parse_number, parse_periods

SEED = Path(__file__).resolve().parent.parent / "corpus" / "biren-hearing-2025.txt"

# ---- one figure expression ------------------------------------------------------------------
# (text, value, unit, qualifier, precision); precision None: not checked.
NUMBERS = [
    # Traditional Chinese
    ("3.37億元", "337000000", "CNY", None, "500000"),
    ("49.9萬元", "499000", "CNY", None, "500"),
    ("5890萬元", "58900000", "CNY", None, "5000"),
    ("12.41億元", "1241000000", "CNY", None, "500000"),
    ("1.91億股", "191000000", "shares", None, "500000"),
    ("約9億元", "900000000", "CNY", "approx", "50000000"),
    ("超50億元", "5000000000", "CNY", "over", "50000000"),
    ("逾23年", "23", "years", "over", "0.5"),
    ("495.32元人民币", "495.32", "CNY", None, "0.005"),
    ("約10.95美元", "10.95", "USD", "approx", "0.005"),
    ("約9.06%", "9.06", "%", "approx", "0.005"),
    ("超33%", "33", "%", "over", "0.5"),
    ("62倍", "62", "x", None, "0.5"),
    ("約30倍", "30", "x", "approx", "0.5"),
    ("超30倍", "30", "x", "over", "0.5"),
    ("2216顆", "2216", "count", None, "0.5"),
    ("752名", "752", "count", None, "0.5"),
    ("10輪", "10", "count", None, "0.5"),
    ("5份", "5", "count", None, "0.5"),
    ("9家", "9", "count", None, "0.5"),
    ("-11.84億元", "-1184000000", "CNY", None, "500000"),
    ("負11.84億元", "-1184000000", "CNY", None, "500000"),
    ("人民幣5.12億元", "512000000", "CNY", None, "500000"),
    ("港幣3億元", "300000000", "HKD", None, "50000000"),
    ("46.8億港元", "4680000000", "HKD", None, "5000000"),
    ("6億美元", "600000000", "USD", None, "50000000"),
    ("1.5萬億元", "1500000000000", "CNY", None, "50000000000"),
    ("十五億元", "1500000000", "CNY", None, "50000000"),
    ("一百二十萬", "1200000", "", None, "50000"),
    ("兩", "2", "", None, "0.5"),
    ("零", "0", "", None, "0.5"),
    ("三年", "3", "years", None, "0.5"),
    ("四年", "4", "years", None, "0.5"),
    ("十億元", "1000000000", "CNY", None, "500000000"),
    ("百億元", "10000000000", "CNY", None, "5000000000"),
    ("逾百億元", "10000000000", "CNY", "over", None),
    ("3千萬", "30000000", "", None, "5000000"),
    ("5百萬美元", "5000000", "USD", None, "500000"),
    ("200萬股", "2000000", "shares", None, "5000"),
    ("3個百分點", "3", "pp", None, "0.5"),
    ("30個基點", "30", "bp", None, "0.5"),
    ("5億元左右", "500000000", "CNY", "approx", None),
    ("10年以上", "10", "years", "over", None),
    ("4種及以上", "4", "count", "over", None),
    ("不足1億元", "100000000", "CNY", "under", None),
    ("低於5%", "5", "%", "under", None),
    ("將近3億元", "300000000", "CNY", "nearly", None),
    ("接近2倍", "2", "x", "nearly", None),
    ("最多3億港元", "300000000", "HKD", "up_to", None),
    ("不超過3億港元", "300000000", "HKD", "up_to", None),
    ("大約1,000萬元", "10000000", "CNY", "approx", "5000"),
    ("12.85 億元", "1285000000", "CNY", None, "500000"),
    ("１２．８５億元", "1285000000", "CNY", None, "500000"),
    ("10多億元", "1000000000", "CNY", "over", None),
    ("3成", "30", "%", None, "5"),
    ("一成半", "15", "%", None, "5"),  # a tenth and a half
    ("3個月", "3", "months", None, None),
    ("5分鐘", "5", "minutes", None, None),
    ("二十四份", "24", "count", None, "0.5"),
    ("百分之二十五點五", "25.5", "%", None, "0.05"),
    # Simplified Chinese
    ("3.37亿元", "337000000", "CNY", None, "500000"),
    ("5.72亿元", "572000000", "CNY", None, "500000"),
    ("约8.22亿元", "822000000", "CNY", "approx", None),
    ("超过1亿元", "100000000", "CNY", "over", None),
    ("2.3个百分点", "2.3", "pp", None, "0.05"),
    ("50个基点", "50", "bp", None, "0.5"),
    ("港币5亿元", "500000000", "HKD", None, None),
    ("5亿人民币", "500000000", "CNY", None, None),
    ("两千万股", "20000000", "shares", None, "5000000"),
    ("一亿二千万元", "120000000", "CNY", None, "5000000"),
    ("三千五百万元", "35000000", "CNY", None, "500000"),
    ("一点五亿元", "150000000", "CNY", None, "5000000"),
    ("约2.5倍", "2.5", "x", "approx", "0.05"),
    ("十余家", "10", "count", "over", "5"),
    ("小于5分钟", "5", "minutes", "under", None),
    ("近50%", "50", "%", "nearly", None),
    ("百分之三十", "30", "%", None, "5"),
    ("一千零五十元", "1050", "CNY", None, "5"),
    ("30天", "30", "days", None, None),
    ("负5%", "-5", "%", None, None),
    # English
    ("RMB337 million", "337000000", "CNY", None, "500000"),
    ("RMB 1.2bn", "1200000000", "CNY", None, "50000000"),
    ("Rmb 337m", "337000000", "CNY", None, "500000"),
    ("US$5 million", "5000000", "USD", None, "500000"),
    ("HK$3.9 billion", "3900000000", "HKD", None, "50000000"),
    ("HKD 3.9bn", "3900000000", "HKD", None, "50000000"),
    ("USD 5m", "5000000", "USD", None, "500000"),
    ("$5m", "5000000", "USD", None, "500000"),
    ("CNY 100", "100", "CNY", None, "0.5"),
    ("RMB1,024.6 million", "1024600000", "CNY", None, "50000"),
    ("337,000,000", "337000000", "", None, "0.5"),
    ("1,184.2", "1184.2", "", None, "0.05"),
    ("(1,184.2)", "-1184.2", "", None, "0.05"),
    ("(123)", "-123", "", None, "0.5"),
    ("-5%", "-5", "%", None, "0.5"),
    ("28.5%", "28.5", "%", None, "0.05"),
    ("3.5 per cent", "3.5", "%", None, "0.05"),
    ("12 percent", "12", "%", None, "0.5"),
    ("3.2 percentage points", "3.2", "pp", None, "0.05"),
    ("3.2 ppts", "3.2", "pp", None, "0.05"),
    ("50 basis points", "50", "bp", None, "0.5"),
    ("50bps", "50", "bp", None, "0.5"),
    ("30x", "30", "x", None, "0.5"),
    ("over 30 times", "30", "x", "over", "0.5"),
    ("2.5 times", "2.5", "x", None, "0.05"),
    ("752 employees", "752", "count", None, "0.5"),
    ("9 customers", "9", "count", None, "0.5"),
    ("191 million shares", "191000000", "shares", None, "500000"),
    ("1,000 H shares", "1000", "shares", None, "0.5"),
    ("about RMB5m", "5000000", "CNY", "approx", "500000"),
    ("approximately 12.5%", "12.5", "%", "approx", "0.05"),
    ("around 30x", "30", "x", "approx", None),
    ("more than HK$3.7bn", "3700000000", "HKD", "over", "50000000"),
    ("over 23 years", "23", "years", "over", None),
    ("less than 5 minutes", "5", "minutes", "under", None),
    ("below 10%", "10", "%", "under", None),
    ("nearly 50%", "50", "%", "nearly", None),
    ("almost 3 years", "3", "years", "nearly", None),
    ("up to US$200m", "200000000", "USD", "up_to", "500000"),
    ("5 billion yuan", "5000000000", "CNY", None, "500000000"),
    ("€3bn", "3000000000", "EUR", None, "500000000"),
    ("£20m", "20000000", "GBP", None, "500000"),
    ("$0.5", "0.5", "USD", None, "0.05"),
    ("2 trillion", "2000000000000", "", None, "500000000000"),
    ("$3k", "3000", "USD", None, "500"),
    ("12 months", "12", "months", None, None),
    ("10+ years", "10", "years", "over", None),
    ("2024", "2024", "", None, "0.5"),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "precision"), NUMBERS)
def test_parse_number(text: str, value: str, unit: str, qualifier: str | None, precision: str | None) -> None:
    f = parse_number(text)
    assert f is not None, text
    assert f.value == Decimal(value)
    assert f.unit == unit
    assert f.qualifier == qualifier
    assert f.negative == (Decimal(value) < 0)
    if precision is not None:
        assert f.precision == Decimal(precision)
    assert text[f.start : f.end] == f.text


NOT_A_NUMBER = [
    "",
    "2024年",
    "6月",
    "12月17日",
    "BR106",
    "A100",
    "FP8",
    "S3",
    "5G",
    "7nm",
    "第一大客戶",
    "第3名",
    "2025年上半年",
    "H1 2025",
    "FY2024",
    "1H25",
    "截至2024年12月31日",
    "千萬",
    "上萬顆",
    "數十億元",
    "一次",
    "一個",
    "hello",
    "3.37億元 (RMB337 million)",
    "5-6億",
    "COVID-19",
]


@pytest.mark.parametrize("text", NOT_A_NUMBER)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


# ---- things that are not figures ------------------------------------------------------------

NO_FIGURES = [
    "壁砺106(BR106)聚焦AI訓練與推理場景",
    "是對標英偉達A100的核心産品",
    "将增強對FP8、FP4等先進數據格式的支持",
    "壁砺30X(雲訓練/推理)、31X(邊緣推理)則瞄準2028年上市",
    "壁仞科技下一代旗艦芯片壁砺20X繫列計劃2026年商業化",
    "洪洲早年任職于英偉達、S3等企業",
    "觀點網 12月17日,上海壁仞科技股份有限公司",
    "2019年9月在上海創立壁仞科技",
    "其中2023年第一大客戶",
    "目前壁仞科技實施“1+1+N+X”平台戰略",
    "創業公司付不起動辄千萬的年薪,兄弟如果你要走的話就早點走,千萬别做到一半離開",
    "集群管理平台BIRENCUBE可支持客戶構建上千乃至上萬顆GPU芯片的集群繫統",
    "在中國電信千卡集群項目中實現千億參數模型訓練",
    "包括三大電信運營商、世界500強",
    "壁仞科技的創業故事,始于創始人張文的一次跨界抉擇",
    "每一個AI應用的底層硬件都是GPU",
    "華為海思憑借昇騰芯片占據國内第二份額",
    "來自前五大客戶的收入",
    "國産GPU四小龍",
    "2022-2024年",
    "Revenue in 2024 and the first half of 2025, as at 31 December 2024.",
    "COVID-19 hit the 5G rollout and the H100 supply.",
    "Meeting at 10:30 on 12月15日.",
]


@pytest.mark.parametrize("text", NO_FIGURES)
def test_no_figures(text: str) -> None:
    assert parse_figures(text) == []


# ---- figures in sentences, with periods and metrics -------------------------------------------
# (sentence, [(value, unit, period, metric, qualifier), ...]) in order of appearance. A change or
# a share carries the metric it is about (its aspect is checked in ASPECT_SENTENCES below).
SENTENCES = [
    # the seed's own sentences
    (
        "有消息指出,壁仞科技計劃于聖誕節前啟動港股IPO程序,拟集資5億至6億美元(約39億至46.8億港元)。",
        [
            ("500000000", "USD", None, "funding_raised", None),
            ("600000000", "USD", None, "funding_raised", None),
            ("3900000000", "HKD", None, "funding_raised", "approx"),
            ("4680000000", "HKD", None, "funding_raised", "approx"),
        ],
    ),
    (
        "2022年至2024年,壁仞科技收入從49.9萬元飙升至3.37億元,年復合增長率2500%;"
        "2025年上半年收入5890萬元,同比增長約50%。",
        [
            ("499000", "CNY", "2022", "revenue", None),
            ("337000000", "CNY", "2024", "revenue", None),
            ("2500", "%", "2022-2024", "revenue", None),
            ("58900000", "CNY", "2025H1", "revenue", None),
            ("50", "%", "2025H1", "revenue", "approx"),
        ],
    ),
    (
        "持續虧損,是壁仞科技最直觀的“短闆”:2022年至2024年,壁仞淨虧損分别為14.74億元、17.44億元、"
        "15.38億元;2025年上半年淨虧損進一步擴大至16.01億元,四年累計虧損63.57億元。",
        [
            ("1474000000", "CNY", "2022", "net_loss", None),
            ("1744000000", "CNY", "2023", "net_loss", None),
            ("1538000000", "CNY", "2024", "net_loss", None),
            ("1601000000", "CNY", "2025H1", "net_loss", None),
            ("4", "years", "2025H1", None, None),
            ("6357000000", "CNY", "2025H1", "net_loss", None),
        ],
    ),
    (
        "公司解釋虧損主要源于研發投入,同期經調整淨虧損從10.38億元收窄至5.52億元。",
        [
            ("1038000000", "CNY", None, "adjusted_net_loss", None),
            ("552000000", "CNY", None, "adjusted_net_loss", None),
        ],
    ),
    (
        "現金流方面,經營活動現金流量淨額持續為負,2022年至2025年H1分别為-11.84億元、-8.47億元、"
        "-10.09億元、-10.73億元;截至2025年6月末,現金及現金等價物為12.85億元,按上半年5.72億元研發開支計算,"
        "僅能支撐約2年的研發投入,後續仍需依賴融資補血。",
        [
            ("-1184000000", "CNY", "2022", "operating_cash_flow", None),
            ("-847000000", "CNY", "2023", "operating_cash_flow", None),
            ("-1009000000", "CNY", "2024", "operating_cash_flow", None),
            ("-1073000000", "CNY", "2025H1", "operating_cash_flow", None),
            ("1285000000", "CNY", "2025-06-30", "cash", None),
            ("572000000", "CNY", "2025H1", "rnd_expense", None),
            ("2", "years", "2025H1", None, "approx"),
        ],
    ),
    (
        "客戶層面,2023年、2024年、2025年H1,來自前五大客戶的收入占比分别達98.1%、90.3%、97.9%,"
        "其中2023年第一大客戶貢獻85.7%收入,2024年第一大客戶貢獻54.5%收入。",
        [
            ("98.1", "%", "2023", "customer_concentration_top5", None),
            ("90.3", "%", "2024", "customer_concentration_top5", None),
            ("97.9", "%", "2025H1", "customer_concentration_top5", None),
            ("85.7", "%", "2023", "largest_customer", None),
            ("54.5", "%", "2024", "largest_customer", None),
        ],
    ),
    (
        "供應商層面,同期前五大供應商采購占比分别為56.1%、56.4%、58.9%、64.1%,"
        "2025年H1第一大供應商采購占比達34.9%,且部分供應商同時是公司客戶(如供應商J、K)。",
        [
            ("56.1", "%", None, "supplier_concentration_top5", None),
            ("56.4", "%", None, "supplier_concentration_top5", None),
            ("58.9", "%", None, "supplier_concentration_top5", None),
            ("64.1", "%", None, "supplier_concentration_top5", None),
            ("34.9", "%", "2025H1", "largest_supplier", None),
        ],
    ),
    (
        "2023年壁,仞科技毛利率達76.4%,主要因向大客戶銷售高毛利的服務器集群;2024年毛利率降至53.2%,"
        "源于收入結構轉向低毛利的PCIe闆卡;2025年H1進一步下滑至31.9%,公司稱是“入門級産品貢獻更多收入”。",
        [
            ("76.4", "%", "2023", "gross_margin", None),
            ("53.2", "%", "2024", "gross_margin", None),
            ("31.9", "%", "2025H1", None, None),
        ],
    ),
    (
        "在競争激烈的通用GPU賽道上,海外巨頭英偉達仍占據94.4%中國市場份額(2024年數據)。",
        [("94.4", "%", "2024", "market_share", None)],
    ),
    (
        "壁仞科技研發投入雖高(2022-2024年累計33.02億元),但2024年研發開支同比下降6.6%,"
        "在行業研發投入普遍增長的“燒錢遊戲”下,能否維持技術優勢有待觀察。",
        [
            ("3302000000", "CNY", "2022-2024", "rnd_expense", None),
            ("6.6", "%", "2024", "rnd_expense", None),
        ],
    ),
    (
        "值得關注的是壁仞科技選擇在港股上市:2025年以來,港股半導體闆塊平均市盈率約30倍,"
        "而壁砺209億元估值對應2024年營收市盈率高達62倍,顯著高于行業平均水平。",
        [
            ("30", "x", "2025", "pe_ratio", "approx"),
            ("20900000000", "CNY", "2025", "valuation", None),
            ("62", "x", "2024", "pe_ratio", None),
        ],
    ),
    (
        "招股書披露,截至2025年12月15日,壁仞已簽訂5份框架銷售協議及24份銷售合同,總金額達12.41億元,"
        "其中24份有約束力的訂單約8.22億元。",
        [
            ("5", "count", "2025-12-15", None, None),
            ("24", "count", "2025-12-15", None, None),
            ("1241000000", "CNY", "2025-12-15", "orders", None),
            ("24", "count", "2025-12-15", None, None),
            ("822000000", "CNY", "2025-12-15", "orders", "approx"),
        ],
    ),
    (
        "據招股書披露,壁仞科技于2024年4月推出Pre-IPO員工激勵計劃,向752名承授人(含4名董事、748名員工)"
        "授出對應1.91億股股份的購股權,占公司總股本的約9.06%。",
        [
            ("752", "count", "2024-04", None, None),
            ("4", "count", "2024-04", None, None),
            ("748", "count", "2024-04", "employees", None),
            ("191000000", "shares", "2024-04", "share_options", None),
            ("9.06", "%", "2024-04", "total_shares", "approx"),  # a share of the total share capital
        ],
    ),
    (
        "團隊的“戰鬥力”直接反映在估值與融資上,壁仞成立3個月便拿到天使輪融資,投後估值約9億元。",
        [("3", "months", None, None, None), ("900000000", "CNY", None, "valuation", "approx")],
    ),
    (
        "2025年6月完成15億元融資後,上市前估值140億元,胡潤百富獨角獸排行榜顯示壁仞科技最新估值已升至160億元,"
        "8月進一步攀升至209億元。",
        [
            ("1500000000", "CNY", "2025-06", "funding_raised", None),
            ("14000000000", "CNY", "2025-06", "valuation", None),
            ("16000000000", "CNY", "2025-06", "valuation", None),
            ("20900000000", "CNY", "2025-08", None, None),
        ],
    ),
    (
        "截至IPO前,壁仞科技累計完成10輪融資,總融資額超50億元。",
        [("10", "count", None, None, None), ("5000000000", "CNY", None, "funding_raised", "over")],
    ),
    (
        "招股書顯示,張文直接持股8.68%,若按209億元估值計算,持股價值超18億元。",
        [
            ("8.68", "%", None, "shareholding", None),
            ("20900000000", "CNY", None, "valuation", None),
            ("1800000000", "CNY", None, None, "over"),
        ],
    ),
    (
        "早期Pre-A輪投資者的每股成本約10.95美元,而2025年8月戰略輪融資的每股成本已達495.32元人民币,"
        "6年間估值增長超30倍。",
        [
            ("10.95", "USD", None, "share_price", "approx"),
            ("495.32", "CNY", "2025-08", "share_price", None),
            ("6", "years", "2025-08", None, None),
            ("30", "x", "2025-08", None, "over"),
        ],
    ),
    (
        "壁砺106(BR106)聚焦AI訓練與推理場景,支持虛拟化與硬件安全引擎,2025年上半年銷量2216顆,同比實現增長。",
        [("2216", "count", "2025H1", "units_sold", None)],
    ),
    (
        "截至2025年6月,超33%研發人員擁有10年以上行業經驗,核心技術團隊未出現重大變動。",
        [("33", "%", "2025-06-30", None, "over"), ("10", "years", "2025-06-30", None, "over")],
    ),
    (
        "在中國電信千卡集群項目中實現千億參數模型訓練線性加速比超95%,連續訓練30天不中斷,斷點續訓時間小于5分鐘。",
        [
            ("95", "%", None, None, "over"),
            ("30", "days", None, None, None),
            ("5", "minutes", None, None, "under"),
        ],
    ),
    (
        "首席運營官張淩岚(AMD前GPU架構師)擁有逾23年半導體行業經驗。",
        [("23", "years", None, None, "over")],
    ),
    (
        "對比同期沐曦股份55.76%的毛利率,壁仞的盈利能力已處于下風。",
        [("55.76", "%", None, "gross_margin", None)],
    ),
    # Simplified
    (
        "南风半导体2024年收入为5.12亿元，同比增长28.5%。",
        [("512000000", "CNY", "2024", "revenue", None), ("28.5", "%", "2024", "revenue", None)],
    ),
    (
        "2024年毛利率为41.2%，2023年为38.9%。",
        [("41.2", "%", "2024", "gross_margin", None), ("38.9", "%", "2023", None, None)],
    ),
    (
        "公司2024年净亏损2.10亿元，较2023年的2.65亿元收窄。",
        [("210000000", "CNY", "2024", "net_loss", None), ("265000000", "CNY", "2023", None, None)],
    ),
    (
        "2022年至2024年，收入分别为1.2亿元、2.3亿元、3.4亿元。",
        [
            ("120000000", "CNY", "2022", "revenue", None),
            ("230000000", "CNY", "2023", "revenue", None),
            ("340000000", "CNY", "2024", "revenue", None),
        ],
    ),
    (
        "2022年至2024年，收入分别为1.2亿元、2.3亿元。",
        [("120000000", "CNY", None, "revenue", None), ("230000000", "CNY", None, "revenue", None)],
    ),
    (
        "2022年至2024年，净亏损分别为14.74、17.44、15.38亿元。",
        [
            ("1474000000", "CNY", "2022", "net_loss", None),
            ("1744000000", "CNY", "2023", "net_loss", None),
            ("1538000000", "CNY", "2024", "net_loss", None),
        ],
    ),
    (
        "截至2024年12月31日止年度，收入为人民币5.12亿元，较上年同期增长28.5%。",
        [("512000000", "CNY", "2024", "revenue", None), ("28.5", "%", "2024", "revenue", None)],
    ),
    (
        "2024年收入为3亿元，上年同期为2亿元。",
        [("300000000", "CNY", "2024", "revenue", None), ("200000000", "CNY", "2023", None, None)],
    ),
    (
        "截至2025年6月30日止六个月，经调整净亏损为人民币6.3亿元。",
        [("630000000", "CNY", "2025H1", "adjusted_net_loss", None)],
    ),
    (
        "2024财年营收增长逾3成，毛利率提升2.3个百分点，净利率下降50个基点。",
        [
            ("30", "%", "2024", "revenue", "over"),
            ("2.3", "pp", "2024", "gross_margin", None),
            ("50", "bp", "2024", "net_margin", None),
        ],
    ),
    (
        "公司拟发行不超过5-6亿股，募资约10亿港元。",
        [
            ("500000000", "shares", None, "shares_offered", "up_to"),
            ("600000000", "shares", None, "shares_offered", "up_to"),
            ("1000000000", "HKD", None, "funding_raised", "approx"),
        ],
    ),
    (
        "年内亏损十五亿元，2024年收入为3亿元。",
        [
            ("1500000000", "CNY", "2024", "net_loss", None),
            ("300000000", "CNY", "2024", "revenue", None),
        ],
    ),
    (
        "2024年度，本集團收入約為人民幣12.3億元（2023年度：人民幣10.1億元）。",
        [
            ("1230000000", "CNY", "2024", "revenue", "approx"),
            ("1010000000", "CNY", "2023", "revenue", None),
        ],
    ),
    (
        "營收由2022年的1.2億元增至2023年的2.4億元，增長100%，2024年進一步增至3.6億元。",
        [
            ("120000000", "CNY", "2022", "revenue", None),
            ("240000000", "CNY", "2023", "revenue", None),
            ("100", "%", "2023", "revenue", None),
            ("360000000", "CNY", "2024", None, None),
        ],
    ),
    # English
    (
        "The Company's net loss for 2024 was RMB1.5 billion (2023: RMB1.7 billion).",
        [
            ("1500000000", "CNY", "2024", "net_loss", None),
            ("1700000000", "CNY", "2023", "net_loss", None),
        ],
    ),
    (
        "Our revenue increased by 46.0% from RMB598.1 million for the year ended December 31, "
        "2023 to RMB873.4 million for the year ended December 31, 2024.",
        [
            ("46.0", "%", "2024", "revenue", None),
            ("598100000", "CNY", "2023", "revenue", None),
            ("873400000", "CNY", "2024", "revenue", None),
        ],
    ),
    (
        "We had 1,234 full-time employees as of December 31, 2024.",
        [("1234", "count", "2024-12-31", "employees", None)],
    ),
    (
        "In FY2023/24 revenue was US$1.2bn.",
        [("1200000000", "USD", "2024", "revenue", None)],
    ),
    (
        "Northwind Semiconductor Limited reported revenue of RMB512.3 million for the year ended\n"
        "31 December 2024, up 28.5% from RMB398.7 million in 2023.",
        [
            ("512300000", "CNY", "2024", "revenue", None),
            ("28.5", "%", "2024", "revenue", None),
            ("398700000", "CNY", "2023", None, None),
        ],
    ),
    (
        "Gross margin was 41.2% in 2024, compared with 38.9% in 2023.",
        [("41.2", "%", "2024", "gross_margin", None), ("38.9", "%", "2023", None, None)],
    ),
    (
        "The net loss narrowed to RMB210.4 million in 2024 from RMB265.0 million in 2023.",
        [
            ("210400000", "CNY", "2024", "net_loss", None),
            ("265000000", "CNY", "2023", "net_loss", None),
        ],
    ),
    (
        "Cash and cash equivalents were RMB1,024.6 million as at 31 December 2024.",
        [("1024600000", "CNY", "2024-12-31", "cash", None)],
    ),
    (
        "Revenue was RMB412.6 million, RMB598.1 million and RMB873.4 million in 2022, 2023 and 2024, respectively.",
        [
            ("412600000", "CNY", "2022", "revenue", None),
            ("598100000", "CNY", "2023", "revenue", None),
            ("873400000", "CNY", "2024", "revenue", None),
        ],
    ),
    (
        "In 2023, 2024 and H1 2025, the top five customers accounted for 98.1%, 90.3% and 97.9% of "
        "revenue, respectively.",
        [
            ("98.1", "%", "2023", "customer_concentration_top5", None),
            ("90.3", "%", "2024", "customer_concentration_top5", None),
            ("97.9", "%", "2025H1", "customer_concentration_top5", None),
        ],
    ),
    (
        "The company plans to raise US$500-600 million (about HK$3.9 billion to HK$4.68 billion).",
        [
            ("500000000", "USD", None, "funding_raised", None),
            ("600000000", "USD", None, "funding_raised", None),
            ("3900000000", "HKD", None, "funding_raised", "approx"),
            ("4680000000", "HKD", None, "funding_raised", "approx"),
        ],
    ),
    (
        "For the six months ended 30 June 2025, revenue rose to RMB58.9 million, up about 50% "
        "year-on-year; net loss was RMB1.6bn.",
        [
            ("58900000", "CNY", "2025H1", "revenue", None),
            ("50", "%", "2025H1", "revenue", "approx"),
            ("1600000000", "CNY", "2025H1", "net_loss", None),
        ],
    ),
    (
        "Its valuation of RMB20.9 billion implies a P/E of 62x.",
        [("20900000000", "CNY", None, "valuation", None), ("62", "x", None, "pe_ratio", None)],
    ),
    (
        "The company had 752 employees and 9 customers; the founder owns a stake of 8.68%.",
        [
            ("752", "count", None, "employees", None),
            ("9", "count", None, "customer_count", None),
            ("8.68", "%", None, "shareholding", None),
        ],
    ),
    (
        "Gross margin fell 22.9 percentage points to 53.2% in FY2024.",
        [("22.9", "pp", "2024", "gross_margin", None), ("53.2", "%", "2024", "gross_margin", None)],
    ),
    (
        "In H1 2025, revenue was RMB58.9 million; in 1H24 it was RMB39.3 million, and in Q3 2024 RMB12 million.",
        [
            ("58900000", "CNY", "2025H1", "revenue", None),
            ("39300000", "CNY", "2024H1", None, None),
            ("12000000", "CNY", "2024Q3", None, None),
        ],
    ),
    (
        "Net cash used in operating activities was (1,184.2) in 2022 and (847.0) in 2023.",
        [
            ("-1184.2", "", "2022", "operating_cash_flow", None),
            ("-847.0", "", "2023", "operating_cash_flow", None),
        ],
    ),
    (
        "The company sold 191 million shares at HK$19.60 per share, raising more than HK$3.7bn.",
        [
            ("191000000", "shares", None, None, None),
            ("19.60", "HKD", None, "share_price", None),
            ("3700000000", "HKD", None, "funding_raised", "over"),
        ],
    ),
    (
        "Between 2022 and 2024, revenue grew from RMB0.5 million to RMB337 million.",
        [("500000", "CNY", "2022", "revenue", None), ("337000000", "CNY", "2024", "revenue", None)],
    ),
    (
        "Revenue for fiscal 2024 was $5m, compared with $4.2m in fiscal 2023.",
        [("5000000", "USD", "2024", "revenue", None), ("4200000", "USD", "2023", None, None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_figures_in_sentences(text: str, expected: list[tuple]) -> None:
    got = [(f.value, f.unit, f.period, f.metric, f.qualifier) for f in parse_figures(text)]
    want = [(Decimal(v), u, p, m, q) for v, u, p, m, q in expected]
    assert got == want


# ---- what a figure measures of its metric: change, compound rate, points, share ----------------
# (sentence, anchor, [(value, metric, aspect, direction, period), ...]) in order of appearance.
ASPECT_SENTENCES = [
    (
        "2025年上半年收入5890萬元，同比增長約50%。",
        None,
        [("58900000", "revenue", None, None, "2025H1"), ("50", "revenue", "growth", "up", "2025H1")],
    ),
    ("營收增長約50%。", None, [("50", "revenue", "growth", "up", None)]),
    (
        "First-half revenue rose 52.3% as cloud operators stepped up purchases.",
        "2025H1",
        [("52.3", "revenue", "growth", "up", "2025H1")],
    ),
    (
        "Net loss narrowed by 18.1% from RMB1,284.7 million in 2023 to RMB1,052.3 million in 2024.",
        None,
        [
            ("18.1", "net_loss", "growth", "down", "2024"),
            ("1284700000", "net_loss", None, None, "2023"),
            ("1052300000", "net_loss", None, None, "2024"),
        ],
    ),
    (
        "Hanguang's shares closed down 2.6% at RMB71.45 on Thursday.",
        None,
        [("2.6", "share_price", "growth", "down", None), ("71.45", "share_price", None, None, None)],
    ),
    (
        "本期間經營活動所用現金淨額為人民幣402.7百萬元，較二零二四年同期的人民幣497.5百萬元減少19.1%。",
        "2025H1",
        [
            ("402700000", "operating_cash_flow", None, None, "2025H1"),
            ("497500000", None, None, None, "2024H1"),
            ("19.1", "operating_cash_flow", "growth", "down", "2025H1"),
        ],
    ),
    (
        "經調整虧損淨額為人民幣298.7百萬元，較二零二四年同期的人民幣362.4百萬元收窄17.6%。",
        "2025H1",
        [
            ("298700000", "adjusted_net_loss", None, None, "2025H1"),
            ("362400000", None, None, None, "2024H1"),
            ("17.6", "adjusted_net_loss", "growth", "down", "2025H1"),
        ],
    ),
    (
        "今年上半年淨虧損8.43億元，較去年同期擴大約10.8%。",
        "2025-12-29",
        [("843000000", "net_loss", None, None, "2025H1"), ("10.8", "net_loss", "growth", "up", "2025H1")],
    ),
    (
        "2022年至2024年,壁仞科技收入從49.9萬元飙升至3.37億元,年復合增長率2500%。",
        None,
        [
            ("499000", "revenue", None, None, "2022"),
            ("337000000", "revenue", None, None, "2024"),
            ("2500", "revenue", "cagr", None, "2022-2024"),
        ],
    ),
    (
        "Revenue grew at a compound annual growth rate of approximately 45.5% from 2022 to 2024.",
        None,
        [("45.5", "revenue", "cagr", None, "2022-2024")],
    ),
    (
        "Gross margin improved by 3.0 percentage points in 2024.",
        None,
        [("3", "gross_margin", "pp_change", "up", "2024")],
    ),
    (
        "2025年上半年毛利率較2024年全年下降12.3個百分點。",
        None,
        [("12.3", "gross_margin", "pp_change", "down", "2025H1")],
    ),
    (
        "2024財年營收增長逾3成，毛利率提升2.3個百分點，淨利率下降50個基點。",
        None,
        [
            ("30", "revenue", "growth", "up", "2024"),
            ("2.3", "gross_margin", "pp_change", "up", "2024"),
            ("50", "net_margin", "pp_change", "down", "2024"),
        ],
    ),
    (
        "本期間來自五大客戶的收入佔總收入的68.4%（二零二四年同期：74.6%）。",
        "2025H1",
        [
            ("68.4", "customer_concentration_top5", "share", None, "2025H1"),
            ("74.6", "customer_concentration_top5", "share", None, "2024H1"),
        ],
    ),
    (
        "Revenue from the Group's five largest customers accounted for 71.8% of total revenue in 2024, "
        "compared with 79.4% in 2023 and 86.2% in 2022.",
        None,
        [
            ("71.8", "customer_concentration_top5", "share", None, "2024"),
            ("79.4", "customer_concentration_top5", "share", None, "2023"),
            ("86.2", "customer_concentration_top5", "share", None, "2022"),
        ],
    ),
    (
        "Revenue from the largest customer, a provincial telecommunications operator, accounted for 28.6% "
        "of total revenue in 2024, down from 35.1% in 2023.",
        None,
        [("28.6", "largest_customer", "share", None, "2024"), ("35.1", "largest_customer", "share", None, "2023")],
    ),
    (
        "Research and development expenses were RMB1,146.8 million in 2024, an increase of 4.4% from "
        "RMB1,098.4 million in 2023, equivalent to approximately 131.3% of revenue.",
        None,
        [
            ("1146800000", "rnd_expense", None, None, "2024"),
            ("4.4", "rnd_expense", "growth", "up", "2024"),
            ("1098400000", None, None, None, "2023"),
            ("131.3", "revenue", "share", None, "2024"),
        ],
    ),
    (
        "研發開支增加6.9%至人民幣589.4百萬元，相當於收入約114.9%。",
        None,
        [
            ("6.9", "rnd_expense", "growth", "up", None),
            ("589400000", "rnd_expense", None, None, None),
            ("114.9", "revenue", "share", None, None),
        ],
    ),
    (
        "Sales of AI accelerators, which accounted for 68.4% of revenue, rose 61.0% to RMB341.2 million.",
        None,
        [
            ("68.4", "revenue", "share", None, None),
            ("61", "revenue", "growth", "up", None),
            ("341200000", None, None, None, None),
        ],
    ),
    (
        "2024年，PCIe加速卡收入為18,932.4萬元，占收入的60.6%。",
        None,
        [("189324000", "revenue", None, None, "2024"), ("60.6", "revenue", "share", None, "2024")],
    ),
    (
        "Revenue was RMB412.6 million, RMB598.1 million and RMB873.4 million in 2022, 2023 and 2024, "
        "respectively, representing year-on-year growth of 45.0% in 2023 and 46.0% in 2024.",
        None,
        [
            ("412600000", "revenue", None, None, "2022"),
            ("598100000", "revenue", None, None, "2023"),
            ("873400000", "revenue", None, None, "2024"),
            ("45", "revenue", "growth", "up", "2023"),
            ("46", "revenue", "growth", "up", "2024"),
        ],
    ),
    (
        "Revenue rose 20% to RMB5 million, a 46% increase on the plan.",
        None,
        [
            ("20", "revenue", "growth", "up", None),
            ("5000000", "revenue", None, None, None),
            ("46", "revenue", "growth", "up", None),
        ],
    ),
    # "cost of sales" is a metric of its own, not revenue
    (
        "Cost of sales increased by 38.5% from RMB349.5 million in 2023 to RMB484.0 million in 2024.",
        None,
        [
            ("38.5", "cost_of_sales", "growth", "up", "2024"),
            ("349500000", "cost_of_sales", None, None, "2023"),
            ("484000000", "cost_of_sales", None, None, "2024"),
        ],
    ),
    ("英偉達仍佔據94.4%中國市場份額（2024年數據）。", None, [("94.4", "market_share", "share", None, "2024")]),
    ("張文直接持股8.68%。", None, [("8.68", "shareholding", "share", None, None)]),
    # a level is not a change: 降至, rose to, up from
    (
        "2024年毛利率降至53.2%，收入由2.3億元升至3.4億元。",
        None,
        [
            ("53.2", "gross_margin", None, None, "2024"),
            ("230000000", "revenue", None, None, "2024"),
            ("340000000", "revenue", None, None, "2024"),
        ],
    ),
    (
        "Revenue was RMB5 million, up from RMB4 million.",
        None,
        [("5000000", "revenue", None, None, None), ("4000000", None, None, None, None)],
    ),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), ASPECT_SENTENCES)
def test_aspects(text: str, anchor: str | None, expected: list[tuple]) -> None:
    got = [(f.value, f.metric, f.aspect, f.direction, f.period) for f in parse_figures(text, anchor=anchor)]
    assert got == [(Decimal(v), m, a, d, p) for v, m, a, d, p in expected]


def test_growth_and_cagr_are_aspects_not_metrics() -> None:
    texts = [t for t, _ in SENTENCES] + [t for t, _, _ in ASPECT_SENTENCES] + [SEED.read_text(encoding="utf-8")]
    for text in texts:
        for f in parse_figures(text):
            assert f.metric not in ("growth", "cagr"), (text, f)
            assert f.aspect is None or f.aspect in ASPECTS
            assert f.direction in (None, "up", "down")
            assert f.direction is None or f.aspect in ("growth", "pp_change", "cagr")


def test_a_decrease_keeps_its_value_positive() -> None:
    (f,) = parse_figures("經營活動所用現金淨額減少19.1%。")
    assert (f.value, f.negative, f.direction) == (Decimal("19.1"), False, "down")
    (g,) = parse_figures("The loss narrowed by -5%.")
    assert (g.value, g.negative, g.direction) == (Decimal("-5"), True, "down")


# ---- from/to pairs across sentences ---------------------------------------------------------
# (text, [(value, period), ...]): a pair that states no periods takes those of the last pair
# before it in its paragraph.
FROM_TO = [
    (
        "Gross profit increased by 56.6% from RMB248.6 million in 2023 to RMB389.4 million in 2024. "
        "Gross margin improved by 3.0 percentage points from 41.6% to 44.6%.",
        [
            ("56.6", "2024"),
            ("248600000", "2023"),
            ("389400000", "2024"),
            ("3", "2024"),
            ("41.6", "2023"),
            ("44.6", "2024"),
        ],
    ),
    (
        "營收由2022年的1.2億元增至2023年的2.4億元。毛利率由30.1%上升2.0個百分點至32.1%。",
        [("120000000", "2022"), ("240000000", "2023"), ("30.1", "2022"), ("2", "2023"), ("32.1", "2023")],
    ),
    # a blank line ends the paragraph
    (
        "營收由2022年的1.2億元增至2023年的2.4億元。\n\n毛利率由30.1%上升2.0個百分點至32.1%。",
        [("120000000", "2022"), ("240000000", "2023"), ("30.1", None), ("2", None), ("32.1", None)],
    ),
    # so does a new bullet
    (
        "- Revenue rose from RMB1 million in 2023 to RMB2 million in 2024.\n- Margin rose from 10% to 12%.",
        [("1000000", "2023"), ("2000000", "2024"), ("10", None), ("12", None)],
    ),
    # from "the same period last year" to a figure with no period: to the current one
    (
        "銷售成本由二零二四年同期的人民幣207.4百萬元增加35.3%至人民幣280.6百萬元。"
        "毛利由人民幣150.8百萬元增加54.0%至人民幣232.3百萬元；毛利率由42.1%上升3.2個百分點至45.3%。",
        [
            ("207400000", "2024H1"),
            ("35.3", "2025H1"),
            ("280600000", "2025H1"),
            ("150800000", "2024H1"),
            ("54", "2025H1"),
            ("232300000", "2025H1"),
            ("42.1", "2024H1"),
            ("3.2", "2025H1"),
            ("45.3", "2025H1"),
        ],
    ),
    # "to A from B" pairs too
    (
        "Revenue rose to RMB498.6 million from RMB327.4 million a year earlier. "
        "Net loss narrowed 18.7% to RMB612.8 million from RMB754.1 million.",
        [
            ("498600000", "2025H1"),
            ("327400000", "2024H1"),
            ("18.7", "2025H1"),
            ("612800000", "2025H1"),
            ("754100000", "2024H1"),
        ],
    ),
    # a pair under a range of years: its first and last
    (
        "Between 2022 and 2024, revenue grew from RMB0.5 million to RMB337 million.",
        [("500000", "2022"), ("337000000", "2024")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FROM_TO)
def test_from_to_pairs(text: str, expected: list[tuple[str, str | None]]) -> None:
    anchor = "2025H1" if "2025H1" in {p for _, p in expected} else None
    got = [(f.value, f.period) for f in parse_figures(text, anchor=anchor)]
    assert got == [(Decimal(v), p) for v, p in expected]


# ---- periods written after the figure -------------------------------------------------------
TRAILING = [
    ("Revenue was RMB5.0 million for 2024.", None, "2024"),
    ("Net loss was RMB1,052.3 million in FY2024.", None, "2024"),
    ("Revenue was RMB512.9 million in the first half of 2025.", None, "2025H1"),
    ("Cash and cash equivalents were RMB3,286.4 million as at 31 December 2024.", None, "2024-12-31"),
    ("Cash stood at RMB2.41 billion at the end of June.", "2025H1", "2025-06-30"),
    ("In 2024, cash stood at RMB2.41 billion at the end of June.", None, "2024-06-30"),
    ("Cash was RMB2.87 billion at the end of December.", "2025H1", "2024-12-31"),
    ("Lumina Cloud operated about 5,200 cards a year earlier.", "2024", "2023"),
    ("The company had an order backlog of about RMB1.36 billion as of Aug 15.", "2025H1", "2025-08-15"),
    ("Revenue for the six months ended June 30 rose to RMB498.6 million.", "2025H1", "2025H1"),
    ("Revenue for the six months ended June 30 rose to RMB498.6 million.", None, None),
    ("較二零二四年同期的人民幣358.2百萬元增長", "2025H1", "2024H1"),
    ("期內虧損為人民幣471.3百萬元。", "2025H1", "2025H1"),
    ("本期間本集團出貨推理加速卡約12,800張。", "2025H1", "2025H1"),
    ("本期間本集團出貨推理加速卡約12,800張。", None, None),
    ("每股虧損為人民幣0.41元（二零二四年同期：人民幣0.48元）。", "2025H1", "2025H1"),
]


@pytest.mark.parametrize(("text", "anchor", "period"), TRAILING)
def test_period_of_the_first_figure(text: str, anchor: str | None, period: str | None) -> None:
    assert parse_figures(text, anchor=anchor)[0].period == period


def test_a_labelled_comparison_is_its_own_figures_only() -> None:
    text = (
        "本期間來自五大客戶的收入佔總收入的68.4%（二零二四年同期：74.6%），"
        "來自最大客戶的收入佔總收入的24.9%\n（二零二四年同期：30.2%）。"
    )
    got = [(f.value, f.period, f.metric) for f in parse_figures(text, anchor="2025H1")]
    assert got == [
        (Decimal("68.4"), "2025H1", "customer_concentration_top5"),
        (Decimal("74.6"), "2024H1", "customer_concentration_top5"),
        (Decimal("24.9"), "2025H1", "largest_customer"),
        (Decimal("30.2"), "2024H1", "largest_customer"),
    ]


def test_spans_point_into_the_original_text() -> None:
    text = SEED.read_text(encoding="utf-8")
    figures = parse_figures(text)
    assert len(figures) > 60
    for f in figures:
        assert text[f.start : f.end] == f.text
    assert all(f.text[:1] not in "，,、" for f in figures)


def test_seed_has_no_product_codes_or_years_as_figures() -> None:
    figures = parse_figures(SEED.read_text(encoding="utf-8"))
    assert not [f.text for f in figures if re.search(r"[A-Za-z]", f.text)]  # BR106, A100, FP8
    values = {f.value for f in figures}
    for code in ("106", "110", "166", "100", "500", "2019", "2024", "2025", "2026", "2028"):
        assert Decimal(code) not in values, code


def test_figure_is_json_safe() -> None:
    f = parse_figures("2025年上半年收入約5890萬元")[0]
    d = f.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["value"] == "58900000"
    assert d["precision"] == "5000"
    assert d["period"] == "2025H1"
    assert d["metric"] == "revenue"
    assert d["qualifier"] == "approx"
    assert d["aspect"] is None and d["direction"] is None
    g = parse_figures("收入同比下降6.6%")[0].to_dict()
    assert json.loads(json.dumps(g)) == g
    assert (g["metric"], g["aspect"], g["direction"]) == ("revenue", "growth", "down")


# ---- periods ---------------------------------------------------------------------------------
PERIODS = [
    ("2024年", ["2024"]),
    ("2024財年", ["2024"]),
    ("2024财年", ["2024"]),
    ("2024年度", ["2024"]),
    ("FY2024", ["2024"]),
    ("FY24", ["2024"]),
    ("fiscal 2024", ["2024"]),
    ("fiscal year 2024", ["2024"]),
    ("the 2024 fiscal year", ["2024"]),
    ("2025年上半年", ["2025H1"]),
    ("2024年下半年", ["2024H2"]),
    ("H1 2025", ["2025H1"]),
    ("1H25", ["2025H1"]),
    ("2025 H1", ["2025H1"]),
    ("2025H1", ["2025H1"]),
    ("2025年H1", ["2025H1"]),
    ("the first half of 2025", ["2025H1"]),
    ("second half of 2024", ["2024H2"]),
    ("截至2025年6月30日止六個月", ["2025H1"]),
    ("截至2025年6月30日止六个月", ["2025H1"]),
    ("截至2024年12月31日止年度", ["2024"]),
    ("截至2024年9月30日止三個月", ["2024Q3"]),
    ("截至2024年9月30日止九個月", ["2024-09-9M"]),
    ("for the six months ended 30 June 2025", ["2025H1"]),
    ("for the year ended 31 December 2024", ["2024"]),
    ("six months ended June 30, 2025", ["2025H1"]),
    ("截至2024年12月31日", ["2024-12-31"]),
    ("as at 31 December 2024", ["2024-12-31"]),
    ("as of June 30, 2025", ["2025-06-30"]),
    ("2025年6月末", ["2025-06-30"]),
    ("截至2025年6月末", ["2025-06-30"]),
    ("截至2025年6月", ["2025-06-30"]),
    ("2024年末", ["2024-12-31"]),
    ("2024年4月", ["2024-04"]),
    ("2024年第三季度", ["2024Q3"]),
    ("Q3 2024", ["2024Q3"]),
    ("3Q24", ["2024Q3"]),
    ("the third quarter of 2024", ["2024Q3"]),
    ("2024Q3", ["2024Q3"]),
    ("2025-06-30", ["2025-06-30"]),
    ("June 2025", ["2025-06"]),
    ("end of June 2025", ["2025-06-30"]),
    ("2025年以來", ["2025"]),
    ("FY2023/24", ["2024"]),
    ("2023/24財年", ["2024"]),
    ("2022年至2024年", ["2022-2024"]),
    ("2022-2024年", ["2022-2024"]),
    ("2022-24年", ["2022-2024"]),
    ("from 2022 to 2024", ["2022-2024"]),
    ("between 2022 and 2024", ["2022-2024"]),
    ("2022年至2025年H1", ["2022-2025H1"]),
    ("2023年、2024年、2025年H1", ["2023", "2024", "2025H1"]),
    ("in 2022, 2023 and 2024", ["2022", "2023", "2024"]),
    ("2025年第一季度至第三季度", ["2025Q1-2025Q3"]),
    ("截至2025年6月末,按上半年計算", ["2025-06-30", "2025H1"]),
    ("2024年收入增長,較上年同期", ["2024", "2023"]),
    ("2025年上半年收入,上年同期", ["2025H1", "2024H1"]),
    ("2024年收入,去年為", ["2024", "2023"]),
    ("2025年6月完成融資,8月進一步攀升", ["2025-06", "2025-08"]),
    ("年內虧損,2024年", ["2024", "2024"]),
    ("同期", [None]),
    ("12月17日", [None]),
    ("上半年", [None]),
]


@pytest.mark.parametrize(("text", "ids"), PERIODS)
def test_parse_periods(text: str, ids: list[str | None]) -> None:
    periods = parse_periods(text)
    assert [p.id for p in periods] == ids
    for p in periods:
        assert text[p.start : p.end] == p.text
        assert json.loads(json.dumps(p.to_dict())) == p.to_dict()


RANGES = [
    ("2022年至2024年", ("2022", "2023", "2024")),
    ("2022年至2025年H1", ("2022", "2023", "2024", "2025H1")),
    ("2024H1-2025H1", ("2024H1", "2024H2", "2025H1")),
    ("2024年第一季度至2024年第三季度", ("2024Q1", "2024Q2", "2024Q3")),
    ("from FY2021 to FY2023", ("2021", "2022", "2023")),
]


@pytest.mark.parametrize(("text", "members"), RANGES)
def test_period_range_members(text: str, members: tuple[str, ...]) -> None:
    (period,) = parse_periods(text)
    assert isinstance(period, Period)
    assert period.kind == "range"
    assert period.members == members


# Chinese-numeral dates and years read as their Arabic-digit forms do.
ZH_NUMERAL_PERIODS = [
    ("二零二五年", ["2025"]),
    ("二〇二四年", ["2024"]),
    ("二零二五年六月三十日", ["2025-06-30"]),
    ("截至二零二五年六月三十日止六個月", ["2025H1"]),
    ("截至二零二五年六月三十日止六个月", ["2025H1"]),
    ("二零二四年十二月三十一日", ["2024-12-31"]),
    ("於二零二五年六月三十日", ["2025-06-30"]),
    ("截至二零二四年十二月三十一日止年度", ["2024"]),
    ("二零二五年中期報告", ["2025H1"]),
    ("二零二五年第三季", ["2025Q3"]),
    ("二零二五年十月十日", ["2025-10-10"]),
    ("二零二五年十一月二十五日", ["2025-11-25"]),
    ("二零二五年四月投入運營", ["2025-04"]),
    ("二零二五年上半年 二零二四年上半年", ["2025H1", "2024H1"]),
    ("於二零二五年一月一日尚未行使", ["2025-01-01"]),
    ("二零二四年同期", ["2024"]),
    ("2025年上半年收入,較二零二四年同期", ["2025H1", "2024H1"]),
]


@pytest.mark.parametrize(("text", "ids"), ZH_NUMERAL_PERIODS)
def test_chinese_numeral_periods(text: str, ids: list[str]) -> None:
    periods = parse_periods(text)
    assert [p.id for p in periods] == ids
    for p in periods:
        assert text[p.start : p.end] == p.text


def test_chinese_numeral_dates_are_not_figures() -> None:
    text = "於二零二五年六月三十日，本集團共有1,553名全職僱員；截至二零二五年六月三十日止六個月，收入增長。"
    assert [(f.value, f.period) for f in parse_figures(text)] == [(Decimal("1553"), "2025-06-30")]


# (text, anchor, ids): relative mentions against the period the document reports on.
ANCHORED = [
    ("first half", "2025H1", ["2025H1"]),
    ("first-half revenue", "2025H1", ["2025H1"]),
    ("上半年", "2025H1", ["2025H1"]),
    ("下半年", "2025H1", ["2025H2"]),
    ("first half", "2024", ["2024H1"]),
    ("for the six months ended June 30", "2025H1", ["2025H1"]),
    ("截至六月三十日止六個月", "2025H1", ["2025H1"]),
    ("year ended 31 December", "2024", ["2024"]),
    ("a year earlier", "2025H1", ["2024H1"]),
    ("上年同期", "2025H1", ["2024H1"]),
    ("去年同期", "2025H1", ["2024H1"]),
    ("the prior year", "2025H1", ["2024H1"]),
    ("the prior year", "2024", ["2023"]),
    ("本期間", "2025H1", ["2025H1"]),
    ("the period", "2025H1", ["2025H1"]),
    ("期內", "2025H1", ["2025H1"]),
    ("今年", "2025-12-29", ["2025"]),
    ("收入同比增長", "2025H1", ["2024H1"]),
    ("at the end of June", "2025H1", ["2025-06-30"]),
    ("at the end of December", "2025H1", ["2024-12-31"]),
    ("as at 30 June", "2024", ["2024-06-30"]),
    ("二零二四年同期", "2025H1", ["2024H1"]),
    ("full-year revenue, as of Aug 15", "2025H1", ["2025", "2025-08-15"]),
    # the sentence comes first: its own period, not the anchor
    ("2024年上半年", "2025H1", ["2024H1"]),
    ("2023年收入,上年同期", "2025H1", ["2023", "2022"]),
    ("as at 31 December 2024, compared with a year earlier", None, ["2024-12-31", "2023-12-31"]),
    # 本期間 names the span its sentence defines, never a date
    ("截至二零二五年六月三十日止六個月（「本期間」）", None, ["2025H1", "2025H1"]),
    ("於二零二五年六月三十日，本期間", None, ["2025-06-30", None]),
    # without an anchor, as before
    ("first half", None, [None]),
    ("本期間", None, [None]),
    ("a year earlier", None, [None]),
    ("截至六月三十日止六個月", None, [None]),
    ("同比", None, []),
    # an anchor that is not a period id is ignored
    ("上半年", "FY-next", [None]),
]


@pytest.mark.parametrize(("text", "anchor", "ids"), ANCHORED)
def test_anchored_periods(text: str, anchor: str | None, ids: list[str | None]) -> None:
    periods = parse_periods(text, anchor=anchor)
    assert [p.id for p in periods] == ids
    for p in periods:
        assert text[p.start : p.end] == p.text


DOCUMENT_PERIODS = [
    ("hanguang-results-2025h1.txt", "Hanguang first-half revenue jumps 52%", "", "2025H1"),
    ("lumina-annual-results-2024.md", "LUMINA COMPUTE HOLDINGS LIMITED", "", "2024"),
    ("lumina-interim-report-2025.pdf", "流明智算控股有限公司", "", "2025H1"),
    ("results-2025q3", "", "", "2025Q3"),
    ("annual-2024", "", "", "2024"),
    # a year in the name of what is not a report says nothing; the title or the opening does
    ("xinghe-prospectus-2025.txt", "深圳星河算力科技股份有限公司", "招股书摘要\n摘要日期：2025年9月26日", "2025-09-26"),
    ("announcement.md", "ANNOUNCEMENT OF ANNUAL RESULTS FOR THE YEAR ENDED 31 DECEMBER 2024", "", "2024"),
    ("report.pdf", "流明智算", "流明智算控股有限公司\n二零二五年中期報告\n截至二零二五年六月三十日止六個月", "2025H1"),
    ("notes.txt", "Notes", "Nothing here names a period.", None),
    # a story's dateline says when it was written; the results it reports say what it is about
    ("story.html", "派息3.5仙", "2025年8月22日 財經新聞組\n公布截至2025年6月30日止六個月中期業績", "2025H1"),
    ("story.md", "Profit jumps", "Aug 26, 2025\nThe dairy's first-half profit rose 24% in 2025", "2025H1"),
    ("notice.txt", "Notice", "2025年11月18日\n本公司於2016年5月成立。", "2025-11-18"),
]


@pytest.mark.parametrize(("name", "title", "head", "period"), DOCUMENT_PERIODS)
def test_document_period(name: str, title: str, head: str, period: str | None) -> None:
    assert document_period(name, title, head) == period


# ---- matching and display ---------------------------------------------------------------------
MATCHES = [
    ("3.37億元", "RMB337 million", True),
    ("3.37億元", "337,000,000元", True),
    ("3.4億元", "RMB337 million", True),  # the claim's own rounding covers the source
    ("3.37億元", "3.4億元", True),
    ("3.37億元", "3.38億元", False),
    ("3.37億元", "3.37億港元", False),
    ("76.4%", "76.4 per cent", True),
    ("76.4%", "76.5%", False),
    ("2.3个百分点", "230 bps", True),
    ("2.3个百分点", "2.3%", False),
    ("超50億元", "52億元", True),
    ("超50億元", "50億元", False),
    ("約9億元", "9.2億元", True),
    ("約9億元", "12億元", False),
    ("不足1億元", "9000萬元", True),
    ("不足1億元", "1.2億元", False),
    ("近50%", "48.5%", True),
    ("近50%", "51%", False),
    ("最多3億港元", "HK$250 million", True),
    ("最多3億港元", "HK$350 million", False),
    ("超50億元", "約55億元", True),
    ("超50億元", "不足40億元", False),
    ("62倍", "62x", True),
    ("752名", "752 employees", True),
    ("1.91億股", "191 million shares", True),
    ("1.91億股", "191 million", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), MATCHES)
def test_matches(a: str, b: str, expected: bool) -> None:
    fa, fb = parse_number(a), parse_number(b)
    assert fa is not None and fb is not None
    assert fa.matches(fb) is expected
    assert fb.matches(fa) is expected


DISPLAY = [
    ("3.37億元", "en", "337,000,000 CNY"),
    ("3.37億元", "zh-Hans", "3.37亿元"),
    ("3.37億元", "zh-Hant", "3.37億元"),
    ("RMB337 million", "zh-Hant", "3.37億元"),
    ("約46.8億港元", "zh-Hant", "約46.8億港元"),
    ("約46.8億港元", "en", "about 4,680,000,000 HKD"),
    ("US$5 million", "zh-Hans", "500万美元"),
    ("76.4%", "en", "76.4%"),
    ("2.3个百分点", "zh-Hant", "2.3個百分點"),
    ("2.3个百分点", "en", "2.3 pp"),
    ("62倍", "en", "62x"),
    ("超30倍", "zh-Hans", "超过30倍"),
    ("-11.84億元", "zh-Hans", "-11.84亿元"),
    ("1.91億股", "en", "191,000,000 shares"),
]


@pytest.mark.parametrize(("text", "lang", "shown"), DISPLAY)
def test_display(text: str, lang: str, shown: str) -> None:
    f = parse_number(text)
    assert f is not None
    assert f.display(lang) == shown


# ---- properties --------------------------------------------------------------------------------

_SCALES = {
    "zh-Hant": [
        ("", 1),
        ("萬", 10**4),
        ("億", 10**8),
        ("百萬", 10**6),
        ("千萬", 10**7),
        ("萬億", 10**12),
    ],
    "zh-Hans": [
        ("", 1),
        ("万", 10**4),
        ("亿", 10**8),
        ("百万", 10**6),
        ("十亿", 10**9),
        ("千亿", 10**11),
    ],
    "en": [
        ("", 1),
        (" thousand", 10**3),
        (" million", 10**6),
        (" billion", 10**9),
        ("bn", 10**9),
        ("m", 10**6),
        (" trillion", 10**12),
        ("k", 10**3),
    ],
}
_CURRENCIES = {
    "zh-Hant": [
        ("", "元", "CNY"),
        ("", "港元", "HKD"),
        ("", "美元", "USD"),
        ("人民幣", "元", "CNY"),
        ("", "港幣", "HKD"),
        ("", "元人民幣", "CNY"),
    ],
    "zh-Hans": [
        ("", "元", "CNY"),
        ("", "港元", "HKD"),
        ("", "美元", "USD"),
        ("人民币", "元", "CNY"),
        ("", "港币", "HKD"),
        ("", "人民币", "CNY"),
    ],
    "en": [
        ("RMB", "", "CNY"),
        ("US$", "", "USD"),
        ("HK$", "", "HKD"),
        ("USD ", "", "USD"),
        ("CNY ", "", "CNY"),
        ("", " yuan", "CNY"),
        ("Rmb", "", "CNY"),
    ],
}


@st.composite
def _amounts(draw: st.DrawFn) -> tuple[str, Decimal, str]:
    lang = draw(st.sampled_from(sorted(_SCALES)))
    places = draw(st.integers(0, 3))
    number = Decimal(draw(st.integers(0, 10**7))).scaleb(-places)
    word, scale = draw(st.sampled_from(_SCALES[lang]))
    prefix, suffix, code = draw(st.sampled_from(_CURRENCIES[lang]))
    digits = f"{number:,f}" if lang == "en" and draw(st.booleans()) else f"{number:f}"
    return f"{prefix}{digits}{word}{suffix}", number * scale, code


@settings(max_examples=300, deadline=None)
@given(_amounts())
def test_amount_round_trip(case: tuple[str, Decimal, str]) -> None:
    text, value, code = case
    f = parse_number(text)
    assert f is not None, text
    assert f.value == value
    assert f.unit == code


_ZH_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    out, gap = "", False
    for unit, place in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        d = n // place % 10
        if d:
            out += ("零" if gap else "") + _ZH_DIGITS[d] + unit
            gap = False
        elif out:
            gap = True
    return out


def _to_chinese(n: int) -> str:
    """The way filings write an integer in Chinese numerals: 1050 -> 一千零五十."""
    if n < 10**4:
        return _section(n)
    for big, place in (("亿", 10**8), ("万", 10**4)):
        if n >= place:
            head, rest = divmod(n, place)
            tail = _to_chinese(rest) if rest else ""
            zero = "零" if rest and rest < place // 10 else ""
            return _to_chinese(head) + big + zero + tail
    raise AssertionError(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**12 - 1), st.sampled_from(["元", "港元", "美元"]))
def test_chinese_numerals_round_trip(n: int, currency: str) -> None:
    f = parse_number(_to_chinese(n) + currency)
    assert f is not None, _to_chinese(n)
    assert f.value == n


@settings(max_examples=200, deadline=None)
@given(_amounts(), st.sampled_from(["en", "zh-Hans", "zh-Hant"]))
def test_display_parses_back(case: tuple[str, Decimal, str], lang: str) -> None:
    f = parse_number(case[0])
    assert f is not None
    back = parse_number(f.display(lang))
    assert back is not None, f.display(lang)
    assert back.value == f.value
    assert back.unit == f.unit


_PIECES = st.sampled_from(
    [
        "收入",
        "約",
        "3.37",
        "億",
        "元",
        "，",
        "2024年",
        "上半年",
        "分別為",
        "、",
        "%",
        "-",
        "(",
        ")",
        "RMB",
        " million",
        "12",
        "5",
        "至",
        "倍",
        "名",
        "FY",
        "H1",
        " ",
        "BR",
        "第",
        "十五",
        "萬",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_any_text_parses_with_true_spans(pieces: list[str]) -> None:
    text = "".join(pieces)
    figures = parse_figures(text)
    for f in figures:
        assert isinstance(f, Figure)
        assert text[f.start : f.end] == f.text
        assert f.precision > 0
        assert f.matches(f)
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for p in parse_periods(text):
        assert text[p.start : p.end] == p.text


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("revenue was roughly ten times its 2022 revenue", 10, "approx"),
        ("profit rose three-fold", 3, None),
        ("more than twenty times the prior year", 20, "over"),
        ("twice the size", 2, None),
    ],
)
def test_multiples_written_in_words(text: str, value: int, qualifier: str | None) -> None:
    (f,) = [f for f in parse_figures(text) if f.unit == "x"]
    assert f.value == value and f.qualifier == qualifier and text[f.start : f.end] == f.text


def test_number_words_without_a_multiple_are_not_figures() -> None:
    assert parse_figures("often ten people asked") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Basic earnings per share were RMB17.42 cents.", "0.1742", "CNY"),
        ("每股基本盈利為人民幣17.42分。", "0.1742", "CNY"),
        ("得分95分", None, None),  # a score, not money
    ],
)
def test_cents_are_hundredths_of_the_currency(text: str, value: str | None, unit: str | None) -> None:
    figures = parse_figures(text)
    if value is None:
        assert all(f.unit not in ("CNY", "HKD", "USD") for f in figures)
    else:
        assert [(f.value, f.unit) for f in figures] == [(Decimal(value), unit)]


def test_a_long_table_title_still_gives_the_unit() -> None:
    text = (
        "Key items (RMB'000 unless otherwise stated)\nItem\t1H2025\t1H2024\nRevenue\t2,437,190\t1,928,840\n"
        "Basic earnings per share (RMB cents)\t17.42\t12.08\n"
    )
    got = [(f.value, f.unit, f.metric, f.period) for f in parse_figures(text)]
    assert got[0] == (Decimal("2437190000"), "CNY", "revenue", "2025H1")
    assert got[2] == (Decimal("0.1742"), "CNY", "eps", "2025H1")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("董事會宣派中期股息每股4.5港仙。", "0.045", "HKD"),
        ("（人民幣千元） 本期間 二零二四年同期\n每股基本盈利（人民幣分）      15.48          12.52", "0.1548", "CNY"),
    ],
)
def test_hong_kong_cents_and_a_cents_unit_note(text: str, value: str, unit: str) -> None:
    first = parse_figures(text, anchor="2025H1")[0]
    assert (first.value, first.unit) == (Decimal(value), unit)


def test_six_months_to_a_month_is_a_half() -> None:
    assert [p.id for p in parse_periods("the six months to June 2025")] == ["2025H1"]


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        (
            "公司前五名客户销售额58,327.14万元，占年度销售总额45.77%。",
            ["customer_sales_top5", "customer_concentration_top5"],
        ),
        (
            "前五名客戶合計銷售金額為49,036.84萬元，佔營業收入的比例為26.56%。",
            ["customer_sales_top5", "customer_concentration_top5"],
        ),
        (
            "向前五名供应商的采购额为3.2亿元，占年度采购总额的28.5%。",
            ["supplier_purchases_top5", "supplier_concentration_top5"],
        ),
        (
            "Sales to the top five customers were RMB583.3 million, or 45.8% of total sales.",
            ["customer_sales_top5", "customer_concentration_top5"],
        ),
    ],
)
def test_an_amount_behind_a_concentration_ratio_is_not_revenue(text: str, metrics: list[str]) -> None:
    assert [f.metric for f in parse_figures(text)] == metrics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bracketed prior-year figure with its own qualifier is still the prior year's, and
        # the figure the aside follows is of the year after it.
        ("擁有人應佔溢利增加約6.5%至約136.8百萬港元（2024年：約128.5百萬港元）。", [None, "2025", "2024"]),
        ("Revenue rose to about HK$1.85 billion (2024: approximately HK$1.74 billion).", ["2025", "2024"]),
        ("中國內地分部虧損約為26.8百萬港元（2024年：約31.2百萬港元），虧損較去年收窄。", ["2025", "2024"]),
        ("於2025年6月30日，現金為3.2億元（2024年12月31日：2.9億元）。", ["2025-06-30", "2024-12-31"]),
    ],
)
def test_a_bracketed_prior_year_with_a_qualifier(text: str, expected: list[str | None]) -> None:
    assert [f.period for f in parse_figures(text)] == expected


def test_a_change_by_an_amount_is_no_level() -> None:
    [level, change] = parse_figures("截至2025年底，门店总数为268间，较上年底净增17间。")
    assert (level.aspect, level.period) == (None, "2025-12-31")
    assert (change.aspect, change.direction, change.metric, change.period) == (
        "change",
        "up",
        "store_count",
        "2025-12-31",
    )
    [loss, narrowed] = parse_figures("归属于上市公司股东的净利润为-31,864.27万元，亏损较上年同期收窄26,343.64万元。")
    assert (loss.aspect, narrowed.aspect, narrowed.direction) == (None, "change", "down")
    # A change word before "至" leads to the new level, not to a change.
    assert [f.aspect for f in parse_figures("收入增加6.2%至約18.46億港元")] == ["growth", None]


def test_table_rows_of_dividends_and_store_counts() -> None:
    table = (
        "| | 2025年 | 2024年 |\n| --- | ---: | ---: |\n"
        "| 每股末期股息（港仙） | 4.5 | 4.0 |\n| 每股特別股息（港仙） | 2.0 | 無 |\n"
        "| 年末門店數目（間） | 268 | 251 |\n"
    )
    got = [(f.text, f.metric, f.period, f.value) for f in parse_figures(table)]
    assert got == [
        ("4.5", "dividend", "2025", Decimal("0.045")),
        ("4.0", "dividend", "2024", Decimal("0.04")),
        ("2.0", "special_dividend", "2025", Decimal("0.02")),
        ("268", "store_count", "2025", Decimal("268")),
        ("251", "store_count", "2024", Decimal("251")),
    ]


def test_a_clause_that_is_only_a_predicate_takes_the_sentences_metric() -> None:
    text = (
        "The gearing ratio, calculated as total bank borrowings divided by total equity, "
        "was 14.6% as at 31 December 2025."
    )
    [f] = parse_figures(text)
    assert (f.metric, f.period) == ("gearing_ratio", "2025-12-31")
