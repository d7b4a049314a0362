"""Bilingual financial vocabulary: metric terms for figure attribution and query expansion.

Chinese terms are written in Simplified Chinese; text is folded (Traditional→Simplified, width,
case) before matching, so Traditional filings match the same terms. English terms are lowercase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from .text import normalise

T = TypeVar("T")


@dataclass(frozen=True)
class Metric:
    """A financial measure and the words that name it in each language."""

    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    unit_kind: str  # "money", "percent", "count", "multiple", "shares", "duration"


def _m(id_: str, kind: str, zh: str, en: str) -> Metric:
    return Metric(id_, tuple(zh.split("|")), tuple(en.split("|")), kind)


_METRICS = (
    _m(
        "revenue",
        "money",
        "收入|营收|营业收入|营业额|总收入|收益|总收益|销售额|销售收入",
        "revenue|revenues|total revenue|turnover|sales|net sales",
    ),
    _m("gross_profit", "money", "毛利|毛利润|毛利额", "gross profit|gross profits"),
    _m(
        "gross_margin",
        "percent",
        "毛利率|毛利润率",
        "gross margin|gross profit margin|gross margins",
    ),
    _m(
        "net_loss",
        "money",
        "净亏损|亏损|亏损净额|年内亏损|期内亏损|净亏|亏了",
        "net loss|net losses|loss for the year|loss for the period|losses",
    ),
    _m(
        "administrative_expense",
        "money",
        "行政开支|行政费用|管理费用|一般及行政开支",
        "administrative expenses|administrative expense|general and administrative expenses|g&a expenses",
    ),
    _m(
        "selling_expense",
        "money",
        "销售开支|销售费用|销售及分销开支|分销开支|销售及市场推广开支",
        "selling expenses|selling and distribution expenses|distribution expenses|selling and marketing expenses",
    ),
    _m(
        "profit_before_tax",
        "money",
        "除税前利润|税前利润|除税前溢利|除所得税前利润|利润总额",
        "profit before tax|profit before taxation|pre-tax profit|profit before income tax",
    ),
    _m(
        "income_tax",
        "money",
        "所得税开支|所得税费用|所得税|税项开支",
        "income tax expense|income tax|tax expense|taxation",
    ),
    _m(
        "net_profit",
        "money",
        "净利润|净利|纯利|利润|溢利|年内利润|期内利润|年内溢利|期内溢利|赚了",
        "net profit|net income|net earnings|profit for the year|profit for the period|profit",
    ),
    # The owners' share of the profit: it leaves out non-controlling interests, so it is a
    # figure of its own beside the profit for the period.
    _m(
        "attributable_profit",
        "money",
        "归母净利润|归母净利|股东应占溢利|股东应占利润|股东应占净利润|股东应占纯利|归属于上市公司股东的净利润"
        "|归属于母公司股东的净利润|归属于母公司所有者的净利润|归属于本公司股东的净利润|归属于公司股东的净利润"
        "|拥有人应占溢利|拥有人应占利润|拥有人应占期内溢利|拥有人应占年内溢利|拥有人应占期内利润"
        "|拥有人应占年内利润|权益持有人应占溢利|权益持有人应占利润|股东应占期内溢利|股东应占年内溢利"
        "|归属于公司拥有人的溢利|归属于本公司拥有人的溢利|归属于公司拥有人的利润|归属于本公司拥有人的利润"
        "|归属于公司拥有人的净利润|归属于本公司股东的溢利|归属于公司股东的溢利|归属于股东的净利润|归属于股东的溢利"
        "|拥有人应占净利润|归母利润",
        "profit attributable to owners of the company|profit attributable to owners|profit attributable to"
        " equity holders|profit attributable to shareholders|net profit attributable to shareholders"
        "|net profit attributable to owners|net profit attributable to equity holders|attributable profit"
        "|attributable net profit|net income attributable to shareholders|net profit attributable to the parent"
        "|profit for the period attributable to owners of the company|profit for the year attributable to"
        " owners of the company|profit attributable to the owners of the company",
    ),
    # Net profit less one-off gains and losses (扣非), which A-share reports state beside it.
    _m(
        "recurring_profit",
        "money",
        "扣除非经常性损益的净利润|扣除非经常性损益后的净利润|扣非净利润|扣非后净利润|扣非归母净利润"
        "|扣非后归母净利润|归属于上市公司股东的扣除非经常性损益的净利润|扣除非经常性损益后归属于上市公司股东的净利润",
        "net profit excluding non-recurring gains and losses|net profit after deducting non-recurring gains and"
        " losses|net profit excluding non-recurring items|recurring net profit|net profit excluding one-off items"
        "|recurring profit",
    ),
    _m(
        "net_margin",
        "percent",
        "净利率|净利润率|纯利率|净亏损率|亏损率",
        "net margin|net profit margin|net loss margin",
    ),
    _m(
        "pretax_margin",
        "percent",
        "税前利润率|除税前利润率|税前溢利率|除税前溢利率|税前利率",
        "pre-tax profit margin|pre-tax margin|pretax margin|profit before tax margin",
    ),
    _m(
        "operating_margin",
        "percent",
        "经营利润率|营业利润率|经营溢利率",
        "operating margin|operating profit margin",
    ),
    _m(
        "adjusted_net_loss",
        "money",
        "经调整净亏损|经调整亏损|调整后净亏损|经调整年内亏损|经调整期内亏损|经调整亏损净额",
        "adjusted net loss|adjusted net losses|adjusted loss",
    ),
    _m(
        "adjusted_net_profit",
        "money",
        "经调整净利润|经调整纯利|调整后净利润|经调整利润|经调整溢利|经调整年内利润",
        "adjusted net profit|adjusted net income|adjusted profit",
    ),
    _m(
        "operating_profit",
        "money",
        "经营利润|营业利润|经营溢利|经营亏损",
        "operating profit|operating income|operating loss",
    ),
    _m(
        "segment_result",
        "money",
        "分部业绩|分部溢利|分部利润",
        "segment result|segment results|segment profit",
    ),
    _m(
        "bank_borrowings",
        "money",
        "银行借款|银行借贷|银行贷款",
        "bank borrowings|bank loans|bank borrowing",
    ),
    _m(
        "capital_commitments",
        "money",
        "资本承担|资本承诺",
        "capital commitments|capital commitment",
    ),
    _m(
        "operating_cash_flow",
        "money",
        "经营活动现金流量净额|经营活动所用现金净额|经营活动所得现金净额|经营活动产生的现金流量净额"
        "|经营活动现金流|经营现金流|经营性现金流|经营活动现金净流出|经营活动所用现金流量净额",
        "operating cash flow|operating cash flows|net cash used in operating activities"
        "|net cash from operating activities|net cash generated from operating activities"
        "|cash flow from operations|cash used in operations|operating activities",
    ),
    _m(
        "cash",
        "money",
        "现金及现金等价物|现金及等价物|现金储备|货币资金|现金余额|账面现金|现金及银行结余|现金及银行存款|银行结余",
        "cash and cash equivalents|cash and equivalents|cash balance|cash position|cash reserves"
        "|cash and bank balances|bank balances|cash at bank",
    ),
    _m(
        "rnd_expense",
        "money",
        "研发开支|研发投入|研发费用|研发支出|研究及开发开支|研究开发费用|研发成本",
        "r&d expenses|r&d expense|r&d spending|r&d investment|r&d costs"
        "|research and development expenses|research and development costs|r&d",
    ),
    _m(
        "customer_concentration_top5",
        "percent",
        "前五大客户|五大客户|前五名客户|前5大客户|前5名客户",
        "top five customers|five largest customers|top 5 customers|five biggest customers",
    ),
    _m(
        "largest_customer",
        "percent",
        "第一大客户|最大客户|单一最大客户|最大单一客户",
        "largest customer|single largest customer|largest single customer|biggest customer|largest individual customer",
    ),
    _m(
        "supplier_concentration_top5",
        "percent",
        "前五大供应商|五大供应商|前五名供应商|前5大供应商|前5名供应商",
        "top five suppliers|five largest suppliers|top 5 suppliers",
    ),
    _m(
        "largest_supplier",
        "percent",
        "第一大供应商|最大供应商|单一最大供应商",
        "largest supplier|single largest supplier|biggest supplier",
    ),
    # The sales behind a concentration ratio: "前五名客户销售额58,327.14万元，占年度销售总额45.77%"
    # is money, not revenue, and the share after it is the ratio (SHARE_OF).
    _m(
        "customer_sales_top5",
        "money",
        "前五名客户销售额|前五大客户销售额|前五名客户的销售额|前五大客户的销售额|前五名客户销售金额"
        "|前五名客户合计销售额|前五名客户合计销售金额|前五大客户合计销售金额|前五名客户收入|前五大客户收入|前五名客户营业收入|向前五名客户的销售额"
        "|对前五名客户的销售额|对前五大客户的销售额",
        "sales to the top five customers|sales to top five customers|sales to the five largest customers",
    ),
    _m(
        "supplier_purchases_top5",
        "money",
        "前五名供应商采购额|前五大供应商采购额|前五名供应商的采购额|前五名供应商采购金额|向前五名供应商的采购额"
        "|对前五名供应商的采购额",
        "purchases from the top five suppliers|purchases from top five suppliers"
        "|purchases from the five largest suppliers",
    ),
    _m(
        "valuation",
        "money",
        "估值|投后估值|投前估值|最新估值",
        "valuation|post-money valuation|pre-money valuation|valued at",
    ),
    _m(
        "market_cap",
        "money",
        "市值|总市值",
        "market capitalisation|market capitalization|market cap",
    ),
    _m(
        "funding_raised",
        "money",
        "融资|集资|融资额|总融资额|募资|募集资金|募资额|所得款项净额|筹资|融资总额",
        "fundraising|funding|raise|raised|raising|net proceeds|proceeds|financing",
    ),
    # Before costs: never to be answered with the net proceeds, nor they with it.
    _m(
        "gross_proceeds",
        "money",
        "所得款项总额|募集资金总额|募资总额|集资总额",
        "gross proceeds|gross proceeds of the placing|gross proceeds from the placing",
    ),
    _m(
        "shareholding",
        "percent",
        "持股|持股比例|股权比例|持有股份|股份比例",
        "stake|shareholding|equity interest|equity stake|holding",
    ),
    _m("share_options", "shares", "购股权|股票期权|期权", "share options|stock options|options"),
    _m(
        "employees",
        "count",
        "员工|雇员|员工人数|员工总数|雇员人数|全职员工",
        "employees|employee|staff|headcount|workforce",
    ),
    _m(
        "store_count",
        "count",
        "门店|门店数|门店数目|门店总数|店铺|店铺数|网点|零售网点",
        "stores|store count|number of stores|outlets|shops|store network",
    ),
    _m(
        "store_openings",
        "count",
        "新开|新开门店|新开设|新增门店|开设新店|开店",
        "new stores|store openings|openings|stores opened|opened|new outlets",
    ),
    _m(
        "same_store_sales",
        "percent",
        "同店销售|同店销售增长|同店销售额增长|同店销售额",
        "same-store sales|same store sales|same-store sales growth|same store sales growth|like-for-like sales"
        "|comparable store sales",
    ),
    _m(
        "customer_count",
        "count",
        "客户|客户数|客户数量|客户总数|服务客户",
        "customers|number of customers|customer count|customers served|clients",
    ),
    _m(
        "orders",
        "money",
        "订单|在手订单|合同|销售合同|框架销售协议|销售协议|合约|订单金额",
        "orders|order backlog|backlog|contracts|contract value|order book",
    ),
    _m(
        "units_sold",
        "count",
        "销量|销售量|出货量|交付量",
        "units sold|unit sales|shipments|units shipped|sales volume|deliveries",
    ),
    _m(
        "dividend",
        "money",
        "股息|派息|股利|分红|末期股息|中期股息|每股股息|每股末期股息|每股中期股息|现金红利|红利|利润分配|派发现金红利|中期息|末期息",
        "dividend|dividends|dividend per share|final dividend|interim dividend|dps|final dps|interim dps",
    ),
    # A special dividend is paid once, beside the regular one: it answers no question about "the
    # dividend" and is not what a claim about the final dividend states.
    _m(
        "special_dividend",
        "money",
        "特别股息|特别息|特别派息|特别红利|特别末期股息|特别中期股息|每股特别股息",
        "special dividend|special dividends|special final dividend|special interim dividend",
    ),
    _m(
        "eps",
        "money",
        "每股收益|每股盈利|每股亏损|每股基本亏损|每股基本盈利|每股基本收益|每股基本及摊薄亏损|每股基本及摊薄盈利"
        "|每股基本及摊薄收益|每股净亏损",
        "earnings per share|eps|loss per share|basic loss per share|basic earnings per share"
        "|basic and diluted loss per share|basic and diluted earnings per share",
    ),
    _m(
        "target_price",
        "money",
        "目标价|目标价格",
        "target price|price target",
    ),
    _m(
        "utilisation_rate",
        "percent",
        "利用率|使用率",
        "utilisation rate|utilization rate|utilisation|utilization",
    ),
    _m(
        "share_price",
        "money",
        "每股成本|每股价格|股价|收市价|收盘价|收报",
        "share price|price per share|cost per share|per-share cost|closing price|per share|closed at|shares close"
        "|shares closed",
    ),
    _m(
        "market_share",
        "percent",
        "市场份额|市场占有率|市占率|份额",
        "market share|share of the market",
    ),
    _m(
        "pe_ratio",
        "multiple",
        "市盈率|本益比",
        "p/e|p/e ratio|pe ratio|price-to-earnings|price/earnings|price-earnings ratio",
    ),
    _m("ps_ratio", "multiple", "市销率", "p/s|price-to-sales|price/sales"),
    _m(
        "growth",
        "percent",
        "同比增长|增长率|增幅|同比下降|同比增加|同比减少|按年增长|按年下降|同比|降幅|跌幅|按年",
        "growth|growth rate|year-on-year|yoy|y-o-y|year over year",
    ),
    _m(
        "cagr",
        "percent",
        "年复合增长率|复合年增长率|复合增长率|年均复合增长率|年均增长率",
        "cagr|compound annual growth rate",
    ),
    _m(
        "ipo_price",
        "money",
        "发售价|招股价|发行价|每股发售价|ipo价格|上市价格|最终定价|最终发售价",
        "offer price|ipo price|offering price|issue price",
    ),
    _m(
        "shares_offered",
        "shares",
        "发售股份|发行股份|发售股数|发行股数|全球发售股份|发行",
        "shares offered|offer shares|shares on offer|number of offer shares|shares being offered",
    ),
    _m(
        "total_shares",
        "shares",
        "总股本|已发行股份|已发行股本|股本总额|已发行股份总数",
        "total issued shares|issued shares|shares in issue|share capital|total shares",
    ),
    _m(
        "receivables_turnover",
        "duration",
        "应收账款周转天数|应收账款周转期|贸易应收款项周转天数|应收账款周转率",
        "receivables turnover|trade receivables turnover|receivable days|receivables turnover days"
        "|days sales outstanding|dso",
    ),
    _m(
        "inventory_turnover",
        "duration",
        "存货周转天数|存货周转期|存货周转率",
        "inventory turnover|inventory turnover days|inventory days",
    ),
    _m(
        "net_cash",
        "money",
        "净现金|净现金状况|净现金头寸|净现金额",
        "net cash|net cash position|net cash balance",
    ),
    _m(
        "cost_of_sales",
        "money",
        "销售成本|营业成本|销货成本|收入成本",
        "cost of sales|cost of revenue|cost of goods sold|costs of sales",
    ),
    _m(
        "capex",
        "money",
        "资本开支|资本支出|资本性支出",
        "capital expenditure|capital expenditures|capex|capital spending",
    ),
    _m(
        "staff_costs",
        "money",
        "员工成本|员工总成本|雇员成本|雇员福利开支|员工福利开支|员工薪酬开支|薪酬开支",
        "staff costs|staff cost|employee costs|employee benefit expenses|employee benefits expenses",
    ),
    _m(
        "ebitda",
        "money",
        "息税折旧及摊销前利润|息税折旧摊销前利润|除息税折旧及摊销前盈利|除利息、税项、折旧及摊销前盈利",
        "ebitda",
    ),
    _m(
        "gearing_ratio",
        "percent",
        "资产负债比率|资本负债比率|负债比率|杠杆比率|负债权益比率",
        "gearing ratio|gearing|debt-to-equity ratio",
    ),
    _m(
        "roe",
        "percent",
        "净资产收益率|加权平均净资产收益率|股本回报率|权益回报率|股东权益回报率",
        "return on equity|roe|return on average equity|return on net assets|weighted average return on net assets",
    ),
    _m(
        "government_grants",
        "money",
        "政府补助|政府补贴|政府资助|政府补助收入|政府津贴",
        "government grants|government grant|government subsidies|government subsidy|subsidies",
    ),
    _m(
        "fleet",
        "count",
        "冷藏车|车辆|货车|卡车|运输车辆|车队规模",
        "trucks|vehicles|refrigerated trucks|fleet|fleet size",
    ),
    _m("total_assets", "money", "总资产|资产总额|资产总值", "total assets"),
    _m("net_assets", "money", "净资产|资产净值", "net assets"),
    _m("total_liabilities", "money", "总负债|负债总额", "total liabilities"),
)

METRICS: dict[str, Metric] = {m.id: m for m in _METRICS}
# Metrics whose name carries the sign: a loss or an expense is an amount, whether a table
# prints it as (589.4) or a sentence as 5.894亿元.
SIGNLESS = frozenset(
    {"net_loss", "adjusted_net_loss", "rnd_expense", "income_tax", "administrative_expense", "selling_expense"}
)
# A metric asked for, and the one that answers it when the documents give no other: stories
# say 净利润 for the owners' share. Not the reverse, which would count minorities' profit in.
STANDS_IN = {"net_profit": "attributable_profit"}
# A margin is its profit over revenue: where a filing states the two and not the margin, the
# margin a claim states is computed from them.
MARGIN_OF = {"net_margin": "net_profit", "pretax_margin": "profit_before_tax", "operating_margin": "operating_profit"}
# Terms of which a thing is one and only one: a company listed on the Main Board is not listed
# on GEM. A claim naming one where the source names another is contradicted.
ALTERNATIVES: tuple[tuple[str, ...], ...] = (
    ("主板|main board", "创业板|gem|growth enterprise market", "科创板|star market", "北交所|北京证券交易所"),
)
# Ids a change or a share is measured by rather than a measure of their own (Figure.aspect).
ASPECT_IDS = frozenset({"growth", "cagr"})
# An amount whose share of a total is its own metric: a percentage named by the amount is that share.
SHARE_OF = {
    "customer_sales_top5": "customer_concentration_top5",
    "supplier_purchases_top5": "supplier_concentration_top5",
}


def suited(metric: str | None, unit_kind: str) -> str | None:
    """`metric` as a figure of `unit_kind` states it: a percentage of top-five sales is the concentration."""
    if metric in SHARE_OF and unit_kind == "percent":
        return SHARE_OF[metric]
    return metric


def _pairs(rows: tuple[tuple[str, str], ...]) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(English terms, Chinese terms) from rows written "a|b"."""
    return tuple((tuple(en.split("|")), tuple(zh.split("|"))) for en, zh in rows)


# Regions filings break revenue down by: (English names, Chinese names).
REGIONS = _pairs(
    (
        ("north america|north american", "北美|北美洲"),
        ("europe|european", "欧洲"),
        ("asia pacific|asia-pacific|apac", "亚太"),
        ("southeast asia|south-east asia", "东南亚"),
        ("middle east", "中东"),
        ("latin america|south america", "拉美|拉丁美洲|南美"),
        ("mainland china|mainland|the prc", "内地|中国内地|中国大陆|国内"),
        ("hong kong", "香港"),
        ("macau|macao", "澳门"),
        ("japan", "日本"),
        ("united states|the us|the u.s.", "美国"),
        ("singapore", "新加坡"),
        ("taiwan", "台湾"),
        ("malaysia", "马来西亚"),
        ("thailand", "泰国"),
        ("vietnam", "越南"),
        ("indonesia", "印尼|印度尼西亚"),
        ("south korea|korea", "韩国"),
        ("australia", "澳洲|澳大利亚"),
        ("united kingdom|the uk", "英国"),
        ("germany", "德国"),
        ("india", "印度"),
        ("africa", "非洲"),
        ("east china", "华东"),
        ("south china", "华南"),
        ("north china", "华北"),
        ("overseas|international|abroad", "海外|境外|国际"),
    )
)
# Offices one person holds at a time: (English names, Chinese names).
ROLES = _pairs(
    (
        ("chairman|chairwoman|chair", "董事长|主席"),
        ("chief executive|ceo", "首席执行官|行政总裁|ceo"),
        ("general manager|president", "总经理|总裁"),
        ("chief financial officer|cfo", "首席财务官|财务总监|cfo"),
        ("chief technology officer|cto", "首席技术官|cto"),
        ("chief operating officer|coo", "首席运营官|coo"),
        ("company secretary|board secretary", "公司秘书|董事会秘书|董秘"),
    )
)
# (English terms, Chinese terms) for words a question uses besides metric names.
GENERAL_WORDS = (
    _pairs(
        (
            ("year|years|annual|fiscal year|financial year", "年|年度|财年|财政年度"),
            ("first half|h1|interim|six months", "上半年|中期|六个月"),
            ("second half|h2", "下半年"),
            ("quarter|quarterly", "季度|季"),
            ("company|firm|group", "公司|集团|企业"),
            ("customer|customers|client|clients", "客户"),
            ("supplier|suppliers|vendor|vendors", "供应商"),
            ("sponsor|sponsors|joint sponsors", "保荐人|联席保荐人"),
            ("sole|exclusive", "独家|唯一"),
            ("placing agent|placing agents|placing", "配售代理|配售"),
            ("founder|co-founder|founded|founding", "创始人|创办人|创立|创办"),
            ("auditor|auditors|cpa|accounting firm", "核数师|审计师|审计机构|会计师事务所"),
            ("review|reviewed|reviewing", "审阅|审核"),
            ("o&m|operation and maintenance|operations and maintenance", "运维|运营维护"),
            ("self-operated|directly operated|company-operated", "自营|直营"),
            ("franchised|franchise|franchisee|franchisees", "加盟"),
            ("online|e-commerce", "线上|网上|电商"),
            ("offline", "线下"),
            ("channel|channels", "渠道"),
            ("largest|biggest|most", "最大|最多"),
            ("headquarters|headquartered|head office", "总部"),
            ("listing|listed|list|ipo|initial public offering", "上市|首次公开发行|招股"),
            ("offering|offer|offered|issue|issued|issuing", "发行|发售"),
            ("prospectus", "招股书|招股章程|招股说明书"),
            ("hearing", "聆讯"),
            ("stock exchange|exchange|hkex", "交易所|港交所|联交所"),
            ("shareholder|shareholders", "股东"),
            ("investor|investors", "投资者|投资方|投资人"),
            ("director|directors|board", "董事|董事会"),
            ("share|shares", "股份|股"),
            ("established|incorporated", "成立|注册成立"),
            ("chip|chips|semiconductor", "芯片|半导体"),
            ("cash flow|cash flows", "现金流|现金流量"),
            ("risk|risks", "风险"),
            ("competitor|competitors|competition", "竞争|对手|竞争对手"),
            ("product|products", "产品"),
            ("price|pricing", "价格|定价"),
            ("cost|costs", "成本"),
            ("expenses|expense|spending", "开支|费用|支出"),
            ("profitability|profitable", "盈利|盈利能力"),
            ("incentive|incentive plan|share incentive", "激励|激励计划"),
            ("round|funding round", "轮|融资轮"),
            ("team", "团队"),
            ("strategy", "战略"),
            ("total|in total|aggregate|total value|total amount", "总额|总金额|总值|合计|总计"),
            ("sign|signed|signing", "签订|签署|签约"),
            ("agreement|agreements", "协议"),
            ("binding", "有约束力|具约束力|约束力"),
            ("cornerstone|cornerstone investor|cornerstone investors", "基石|基石投资者"),
            ("subscribe|subscribed|subscribing|subscription", "认购"),
            ("cloud", "云"),
            ("computing|compute|computing power", "算力|计算"),
            ("service|services|serve|served|serving", "服务"),
            ("architecture", "架构"),
            ("self-developed|in-house|proprietary|self-designed", "自研|自主研发"),
            ("module|modules", "模组|模块"),
            ("accelerator|accelerators|accelerator card|accelerator cards", "加速卡|加速器"),
            ("edge", "边缘"),
            ("inference", "推理"),
            ("business line|business lines|segment|segments", "业务|分部"),
            ("data centre|data center|data centres|data centers", "数据中心"),
            ("patent|patents", "专利"),
            ("peer|peers|comparable company|comparable companies", "同业|同行"),
            ("announcement|announcements", "公告"),
            ("results", "业绩"),
            ("recommend|recommended|propose|proposed", "建议|拟派"),
            ("compare|compares|compared|comparison", "对比|相比|比较"),
            ("robot|robots|robotics", "机器人"),
            ("industrial", "工业"),
            ("mobile", "移动"),
            ("solar|photovoltaic|pv", "光伏|太阳能"),
            ("wind|wind power|wind farm|wind farms", "风电|风力|风力发电"),
            ("energy storage|storage", "储能"),
            ("installed capacity|capacity", "装机容量|装机"),
            ("power generation|electricity generated|generation", "发电量|发电"),
            ("utilisation hours|utilization hours", "利用小时|利用小时数"),
            ("store|stores|shop|shops|outlet|outlets", "门店|店铺|分店|店"),
            ("same-store|same store|like-for-like", "同店"),
            ("opened|openings|new stores", "新开|开设|开业"),
            ("closed|closures", "关闭|关店"),
            ("beverage|beverages|drinks", "饮品|饮料"),
            ("warehousing|warehouse|warehouses|cold store|cold stores|cold storage", "仓储|仓库|冷库"),
            ("cold chain|cold-chain", "冷链"),
            ("transport|transportation|trucking|freight", "运输|货运"),
            ("supply chain|supply-chain", "供应链"),
            ("distribution|delivery", "配送"),
            ("licensing|licence|license|out-licensing", "授权|许可"),
            ("milestone|milestones", "里程碑"),
            ("bread|breads", "面包"),
            ("employee|employees|staff|headcount", "员工|雇员|人数"),
            ("share price|shares closed|closed at|closing price", "股价|收报|收市价"),
            ("analyst|analysts", "分析师"),
        )
    )
    + REGIONS
    + ROLES
)


# Full-width ASCII folds to ASCII, except the CJK clause marks, whose width says they are not
# thousands separators or decimal points.
def fold(text: str) -> str:
    """Traditional→Simplified, half width (Chinese clause marks kept), lowercase; same length as `text`."""
    return normalise(text, keep_clause_marks=True)


def _is_ascii(term: str) -> bool:
    return all(ord(c) < 128 for c in term)


class _Terms:
    """Finds the longest term at each place; Chinese and English terms are searched apart."""

    def __init__(self, terms: list[str]) -> None:
        # Longest first, because Python alternation takes the first alternative that matches;
        # a lookbehind at the front would cost the regex engine its fast scan, so the
        # word-start test for English terms is done on each match instead.
        # English terms may wrap across a line ("profit\nattributable to owners").
        def alternation(ts: list[str]) -> str:
            return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(set(ts), key=lambda x: (-len(x), x)))

        zh = [x for x in terms if not _is_ascii(x)]
        en = [x for x in terms if _is_ascii(x)]
        self._zh = re.compile(alternation(zh)) if zh else None
        self._en = re.compile(f"(?:{alternation(en)})(?![a-z])") if en else None

    def find(self, t: str) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        if self._zh is not None:
            found += [(m.group(), m.start(), m.end()) for m in self._zh.finditer(t)]
        if self._en is not None:
            found += [
                (" ".join(m.group().split()), m.start(), m.end())
                for m in self._en.finditer(t)
                if m.start() == 0 or not ("a" <= t[m.start() - 1] <= "z")
            ]
        return leftmost_longest(found)


def leftmost_longest(found: list[tuple[T, int, int]]) -> list[tuple[T, int, int]]:
    """Of overlapping matches (what, start, end), the longest at each place, left to right."""
    out: list[tuple[T, int, int]] = []
    for f in sorted(found, key=lambda f: (f[1], -f[2])):
        if not out or f[1] >= out[-1][2]:
            out.append(f)
    return out


_METRIC_OF: dict[str, str] = {}
for _metric in _METRICS:
    for _term in (*_metric.zh, *_metric.en):
        _METRIC_OF.setdefault(_term, _metric.id)
_METRIC_TERMS = _Terms(list(_METRIC_OF))

_GENERAL_OF: dict[str, int] = {}
for _i, (_en, _zh) in enumerate(GENERAL_WORDS):
    for _term in (*_en, *_zh):
        _GENERAL_OF.setdefault(_term, _i)
_GENERAL_TERMS = _Terms(list(_GENERAL_OF))


def metrics_in(text: str, folded: bool = False) -> list[tuple[str, int, int]]:
    """(metric id, start, end) of every metric term in `text`, longest match first."""
    t = text if folded else fold(text)
    return [(_METRIC_OF[term], s, e) for term, s, e in _METRIC_TERMS.find(t)]


def expand_terms(text: str) -> list[tuple[str, list[str]]]:
    """Each metric or general word in `text` as (the term as found, its terms in the other language)."""
    t = fold(text)
    out: list[tuple[str, list[str]]] = []
    seen: set[tuple[str, ...]] = set()
    found = [(s, term, "metric") for term, s, _ in _METRIC_TERMS.find(t)]
    found += [(s, term, "word") for term, s, _ in _GENERAL_TERMS.find(t)]
    for _, term, kind in sorted(found):
        if kind == "metric":
            metric = METRICS[_METRIC_OF[term]]
            other = metric.zh if _is_ascii(term) else metric.en
        else:
            en, zh = GENERAL_WORDS[_GENERAL_OF[term]]
            other = zh if _is_ascii(term) else en
        if other not in seen:
            seen.add(other)
            out.append((term, list(other)))
    return out


def expand_groups(text: str) -> list[list[str]]:
    """One list per metric or general word in `text`: its terms in the other language."""
    return [other for _, other in expand_terms(text)]


def expand_query(text: str) -> list[str]:
    """The other language's terms for each metric and general finance word in `text`."""
    return list(dict.fromkeys(term for group in expand_groups(text) for term in group))
