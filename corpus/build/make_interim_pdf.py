"""Rebuild corpus/lumina-interim-report-2025.pdf (Traditional Chinese, 5 pages) with fpdf2.

Run from the repo root:  .venv/bin/python corpus/build/make_interim_pdf.py
Needs a CJK TrueType font; the default is WenQuanYi Micro Hei (Debian package fonts-wqy-microhei).
Set LUMINA_CJK_FONT to use another .ttf/.ttc file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

FONT = os.environ.get("LUMINA_CJK_FONT", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
OUT = Path(__file__).resolve().parent.parent / "lumina-interim-report-2025.pdf"

COMPANY = "流明智算控股有限公司"
HEADER = "流明智算控股有限公司  二零二五年中期報告"


class Report(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("cjk", size=8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, HEADER, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("cjk", size=8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"— {self.page_no()} —", align="C")
        self.set_text_color(0, 0, 0)


def title(pdf: Report, text: str) -> None:
    pdf.set_font("cjk", size=13)
    pdf.set_text_color(20, 60, 120)
    pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1)


def subtitle(pdf: Report, text: str) -> None:
    pdf.set_font("cjk", size=11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


_TOKEN = re.compile(r"[!-~]+|\s|.")
_NO_LINE_START = set("，。；：、）」』！？%")
_NO_LINE_END = set("（「『")


def _tokens(text: str) -> list[str]:
    """Unbreakable units: an ASCII run (a figure such as 2,753.3 or 54.0%) or one CJK character,
    with closing punctuation glued to what precedes it and opening punctuation to what follows."""
    out: list[str] = []
    glue_next = False
    for tok in _TOKEN.findall(text):
        if out and (glue_next or tok[0] in _NO_LINE_START):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok[-1] in _NO_LINE_END
    return out


def _lines(pdf: Report, text: str, width: float) -> list[str]:
    lines: list[str] = []
    for block in text.split("\n"):
        line = ""
        for tok in _tokens(block):
            if line and pdf.get_string_width(line + tok) > width:
                lines.append(line.rstrip())
                line = tok.lstrip()
            else:
                line += tok
        lines.append(line.rstrip())
    return lines


def para(pdf: Report, text: str) -> None:
    """A paragraph wrapped without ever splitting a figure across two lines."""
    pdf.set_font("cjk", size=9.5)
    for line in _lines(pdf, text, pdf.epw - 1):
        pdf.cell(0, 5.4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def table(pdf: Report, rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    pdf.set_font("cjk", size=9)
    head = FontFace(fill_color=(225, 232, 242))
    with pdf.table(
        col_widths=widths,
        line_height=5.6,
        text_align=("LEFT",) + ("RIGHT",) * (len(widths) - 1),
        headings_style=head,
        first_row_as_headings=True,
    ) as t:
        for row in rows:
            r = t.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(3)


def page1(pdf: Report) -> None:
    pdf.add_page()
    pdf.ln(18)
    pdf.set_font("cjk", size=22)
    pdf.cell(0, 12, COMPANY, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=14)
    pdf.cell(0, 8, "LUMINA COMPUTE HOLDINGS LIMITED", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(0, 7, "（於開曼群島註冊成立的有限公司）", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "股份代號：2659", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("cjk", size=20)
    pdf.cell(0, 12, "二零二五年中期報告", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=11)
    pdf.cell(0, 7, "截至二零二五年六月三十日止六個月", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    title(pdf, "目錄")
    para(
        pdf,
        "公司資料（第1頁）；財務摘要及收入分析（第2頁）；財務回顧、現金流量及流動資金（第3頁）；"
        "客戶、僱員、股本、所得款項用途及展望（第4頁）；購股權計劃、董事權益及企業管治（第5頁）。",
    )
    title(pdf, "公司資料")
    para(
        pdf,
        "董事會　執行董事：陳維遠博士（主席）、許若蘭女士（行政總裁）、梁家俊先生（首席財務官）；"
        "非執行董事：高書衡先生；獨立非執行董事：鄭慧琳女士、馮振邦教授、羅啟明先生。",
    )
    para(pdf, "審核委員會　羅啟明先生（主席）、鄭慧琳女士、馮振邦教授。")
    para(pdf, "核數師　金柏林會計師事務所有限公司（執業會計師及註冊公眾利益實體核數師）。")
    para(pdf, "總部　中國浙江省杭州市濱江區。香港主要營業地點　香港灣仔。")
    para(pdf, "上市日期　二零二三年七月十二日（香港聯合交易所有限公司主板）。股份代號　2659。")
    para(
        pdf,
        "本中期報告所載財務資料未經審核，惟已由本公司審核委員會及核數師審閱。除另有說明外，所有金額均以人民幣列示。",
    )


def page2(pdf: Report) -> None:
    pdf.add_page()
    title(pdf, "財務摘要")
    table(
        pdf,
        [
            ("截至六月三十日止六個月（人民幣百萬元）", "二零二五年", "二零二四年", "變動"),
            ("收入", "512.9", "358.2", "+43.2%"),
            ("毛利", "232.3", "150.8", "+54.0%"),
            ("毛利率", "45.3%", "42.1%", "+3.2個百分點"),
            ("研發開支", "589.4", "551.2", "+6.9%"),
            ("期內虧損", "(471.3)", "(548.6)", "-14.1%"),
            ("經調整虧損淨額（非香港財務報告準則計量）", "(298.7)", "(362.4)", "-17.6%"),
        ],
        (88, 30, 30, 32),
    )
    title(pdf, "管理層討論及分析——業務回顧")
    para(
        pdf,
        "截至二零二五年六月三十日止六個月（「本期間」），本集團的收入為人民幣512.9百萬元，"
        "較二零二四年同期的人民幣358.2百萬元增長43.2%，主要受第二代推理加速卡LM300的出貨量增長"
        "及流明雲算力服務的擴張帶動。本期間本集團出貨推理加速卡約12,800張，服務客戶213名。",
    )
    para(
        pdf,
        "於二零二五年六月三十日，流明雲於杭州、蕪湖、寧夏、貴陽及呼和浩特五個數據中心運營約11,400張"
        "加速卡，而於二零二四年十二月三十一日約為9,600張。呼和浩特數據中心於二零二五年四月投入運營。",
    )
    title(pdf, "收入")
    table(
        pdf,
        [
            ("按業務劃分（人民幣百萬元）", "二零二五年上半年", "二零二四年上半年", "變動", "佔收入"),
            ("AI推理加速卡", "276.4", "195.3", "+41.5%", "53.9%"),
            ("邊緣AI模組", "71.8", "52.4", "+37.0%", "14.0%"),
            ("流明雲算力服務", "164.7", "110.5", "+49.0%", "32.1%"),
            ("合計", "512.9", "358.2", "+43.2%", "100.0%"),
        ],
        (60, 32, 32, 26, 30),
    )
    title(pdf, "銷售成本、毛利及毛利率")
    para(
        pdf,
        "銷售成本由二零二四年同期的人民幣207.4百萬元增加35.3%至人民幣280.6百萬元。毛利由人民幣150.8百萬元"
        "增加54.0%至人民幣232.3百萬元；毛利率由42.1%上升3.2個百分點至45.3%，主要由於毛利率較高的流明雲"
        "算力服務收入佔比提升，以及LM300良率持續改善。",
    )


def page3(pdf: Report) -> None:
    pdf.add_page()
    title(pdf, "財務回顧")
    table(
        pdf,
        [
            ("簡明綜合損益表摘要（人民幣百萬元）", "二零二五年上半年", "二零二四年上半年"),
            ("其他收入及收益", "78.6", "56.8"),
            ("研發開支", "(589.4)", "(551.2)"),
            ("銷售及分銷開支", "(51.8)", "(47.9)"),
            ("行政開支", "(99.9)", "(118.3)"),
            ("金融資產及合約資產減值虧損淨額", "(9.7)", "(6.2)"),
            ("其他開支及虧損", "(24.8)", "(25.9)"),
            ("財務成本", "(5.2)", "(5.6)"),
            ("除稅前虧損", "(469.9)", "(547.5)"),
            ("所得稅開支", "(1.4)", "(1.1)"),
            ("期內虧損", "(471.3)", "(548.6)"),
        ],
        (90, 45, 45),
    )
    para(
        pdf,
        "研發開支增加6.9%至人民幣589.4百萬元，相當於收入約114.9%，主要用於第三代加速器LM400的流片及"
        "軟件棧開發。行政開支減少15.6%，主要由於以股份為基礎的薪酬開支減少。其他開支及虧損包括認股權證"
        "負債公允價值虧損人民幣21.2百萬元（二零二四年同期：人民幣22.3百萬元）。",
    )
    para(
        pdf,
        "經調整虧損淨額：期內虧損人民幣471.3百萬元，加回以股份為基礎的薪酬人民幣151.4百萬元及認股權證"
        "負債公允價值虧損人民幣21.2百萬元後，經調整虧損淨額為人民幣298.7百萬元，較二零二四年同期的"
        "人民幣362.4百萬元收窄17.6%。",
    )
    title(pdf, "現金流量")
    para(
        pdf,
        "本期間經營活動所用現金淨額為人民幣402.7百萬元，較二零二四年同期的人民幣497.5百萬元減少19.1%。"
        "投資活動所用現金淨額為人民幣145.3百萬元，主要用於購置流明雲服務器；融資活動所得現金淨額為"
        "人民幣21.8百萬元，主要為行使購股權所得款項；匯率變動影響為人民幣-6.9百萬元。",
    )
    title(pdf, "流動資金及財務資源")
    para(
        pdf,
        "於二零二五年六月三十日，本集團的現金及現金等價物為人民幣2,753.3百萬元（按人民幣7.1586元兌1.00美元"
        "計算，約相當於384.6百萬美元），而於二零二四年十二月三十一日為人民幣3,286.4百萬元。連同定期存款"
        "人民幣480.0百萬元，本集團的現金資源合共約人民幣3,233.3百萬元。存貨為人民幣412.7百萬元，"
        "貿易應收款項為人民幣356.9百萬元，銀行借款為人民幣150.0百萬元；資產負債比率（負債總額除以"
        "資產總額）為21.4%。",
    )


def page4(pdf: Report) -> None:
    pdf.add_page()
    title(pdf, "客戶集中度")
    para(
        pdf,
        "本期間來自五大客戶的收入佔總收入的68.4%（二零二四年同期：74.6%），來自最大客戶的收入佔總收入的"
        "24.9%（二零二四年同期：30.2%）。",
    )
    title(pdf, "僱員")
    para(
        pdf,
        "於二零二五年六月三十日，本集團共有1,553名全職僱員（二零二四年十二月三十一日：1,486名），其中"
        "研發人員1,128名，約佔72.6%。本期間員工成本總額（包括以股份為基礎的薪酬）為人民幣423.5百萬元。",
    )
    title(pdf, "股本及每股虧損")
    para(
        pdf,
        "於二零二五年六月三十日，本公司已發行股份為1,159,206,800股，本期間因行使購股權而發行2,364,500股。"
        "每股基本及攤薄虧損為人民幣0.41元（二零二四年同期：人民幣0.48元），按加權平均股數1,157.9百萬股計算。",
    )
    title(pdf, "中期股息")
    para(pdf, "董事會不建議派發截至二零二五年六月三十日止六個月的中期股息（二零二四年同期：每股零港元）。")
    title(pdf, "全球發售所得款項用途")
    para(
        pdf,
        "全球發售所得款項淨額約為3,812.6百萬港元。截至二零二五年六月三十日，已動用2,298.6百萬港元，"
        "未動用1,514.0百萬港元。",
    )
    table(
        pdf,
        [
            ("用途（百萬港元）", "計劃分配", "已動用", "未動用"),
            ("研發下一代推理芯片（60%）", "2,287.6", "1,402.3", "885.3"),
            ("擴展流明雲數據中心（20%）", "762.5", "512.8", "249.7"),
            ("銷售及市場推廣（10%）", "381.3", "165.2", "216.1"),
            ("營運資金及一般企業用途（10%）", "381.2", "218.3", "162.9"),
            ("合計", "3,812.6", "2,298.6", "1,514.0"),
        ],
        (78, 34, 34, 34),
    )
    title(pdf, "展望")
    para(
        pdf,
        "第三代推理加速器LM400支援FP8格式，預計於二零二五年第三季開始量產。本集團計劃於二零二五年下半年"
        "在成都設立第六個流明雲數據中心，並繼續提升雲算力服務的收入佔比。",
    )


def page5(pdf: Report) -> None:
    pdf.add_page()
    title(pdf, "購股權計劃")
    table(
        pdf,
        [
            ("購股權變動（股份數目）", "本期間"),
            ("於二零二五年一月一日尚未行使", "42,105,300"),
            ("期內授出", "1,200,000"),
            ("期內行使", "(2,364,500)"),
            ("期內失效", "(2,528,200)"),
            ("於二零二五年六月三十日尚未行使", "38,412,600"),
        ],
        (120, 60),
    )
    para(pdf, "期內行使的購股權加權平均行使價為每股9.98港元。")
    title(pdf, "董事權益")
    para(
        pdf,
        "於二零二五年六月三十日，主席陳維遠博士於142,360,000股股份中擁有權益，約佔本公司已發行股份的12.28%，"
        "其中部分透過其全資擁有的維遠投資有限公司持有。",
    )
    title(pdf, "購買、出售或贖回本公司上市證券")
    para(pdf, "本期間內，本公司或其任何附屬公司概無購買、出售或贖回本公司任何上市證券。")
    title(pdf, "企業管治")
    para(
        pdf,
        "本期間內，本公司一直遵守上市規則附錄C1所載企業管治守則的所有適用守則條文；主席與行政總裁的"
        "角色分別由陳維遠博士及許若蘭女士擔任。審核委員會已與管理層審閱本集團採納的"
        "會計原則及慣例，以及本期間的未經審核簡明綜合財務資料。核數師金柏林會計師事務所有限公司已根據"
        "香港審閱工作準則第2410號審閱該等財務資料。",
    )
    para(pdf, "承董事會命\n流明智算控股有限公司\n主席\n陳維遠博士\n\n中國杭州，二零二五年八月二十一日")


def build() -> Path:
    if not Path(FONT).exists():
        raise SystemExit(f"CJK font not found: {FONT} (set LUMINA_CJK_FONT)")
    pdf = Report(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("cjk", "", FONT, collection_font_number=0)
    pdf.set_title("流明智算控股有限公司 二零二五年中期報告")
    pdf.set_author(COMPANY)
    pdf.set_creation_date(__import__("datetime").datetime(2025, 8, 21, 18, 0, 0))
    for page in (page1, page2, page3, page4, page5):
        page(pdf)
    if pdf.page_no() != 5:
        raise SystemExit(f"expected 5 pages, got {pdf.page_no()}: a section overflowed its page")
    pdf.output(str(OUT))
    return OUT


if __name__ == "__main__":
    print(build())
