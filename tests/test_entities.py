"""Company names are learnt from the documents: legal names, short names, and their aliases."""

from __future__ import annotations

from assistant.entities import EntityLexicon
from assistant.schema import Document


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", f"{doc_id}.txt", text.splitlines()[0], text, "0" * 64)


DOCS = [
    doc("biren", "據港交所披露，上海壁仞科技股份有限公司（簡稱“壁仞科技”）通過聆訊。\n壁仞收入3.37億元。"),
    doc("peer", "Hanguang Microsystems Co., Ltd. said revenue rose.\nThe company also cited Lumina."),
    doc(
        "lumina",
        "流明智算控股有限公司\nLUMINA COMPUTE HOLDINGS LIMITED\n（於開曼群島註冊成立）\n"
        "國產GPU企業(摩爾線程、沐曦股份、壁仞科技、燧原科技)各有特點。",
    ),
]


def test_legal_names_give_short_names_and_subjects() -> None:
    lex = EntityLexicon.build(DOCS)
    assert lex.subject("biren") == lex.resolve("壁仞") == lex.resolve("壁仞科技")
    assert lex.subject("peer") == lex.resolve("Hanguang")
    # A heading that gives both legal names names one company.
    assert lex.resolve("Lumina") == lex.resolve("流明智算") == lex.subject("lumina")


def test_names_are_found_across_scripts() -> None:
    lex = EntityLexicon.build(DOCS)
    assert lex.subject_of("What was Biren's revenue in 2024?") == lex.resolve("壁仞")  # pinyin
    assert lex.subject_of("瀚光微系統2025年上半年收入") == lex.resolve("Hanguang")  # pinyin of the Chinese name
    assert lex.subject_of("壁仞科技2024年的收入是多少？") == lex.resolve("壁仞")
    # Members of a list that holds a known name are companies too.
    assert lex.resolve("沐曦") is not None and lex.resolve("沐曦") != lex.resolve("壁仞")


def test_names_no_document_mentions_are_unknown() -> None:
    lex = EntityLexicon.build(DOCS)
    assert lex.unknown_names("What was Nvidia's revenue in 2024?") == ["Nvidia"]
    assert lex.unknown_names("英偉達2024年收入是多少") == ["英偉達"]
    assert lex.unknown_names("What was Biren's revenue in 2024?") == []
    assert lex.unknown_names("2024年收入是多少") == []


def test_the_exchange_disclaimer_names_no_company_and_the_heading_names_the_issuer() -> None:
    text = (
        "香港交易及結算所有限公司及香港聯合交易所有限公司對本公告之內容概不負責。\n"
        "景灣物業設施服務控股有限公司\nKingsbay Property & Facility Services Holdings Limited\n"
        "獨家保薦人\n華岳融資有限公司\nHuayue Capital Limited\n"
    )
    lex = EntityLexicon.build([doc("kingsbay", text)])
    issuer = lex.subject("kingsbay")
    assert issuer == lex.resolve("景灣") == lex.resolve("Kingsbay")  # trade words stripped to the core
    assert lex.resolve("結算所") is None and lex.resolve("交易所") is None
    assert lex.resolve("Huayue") != issuer  # the sponsor's English name is not the issuer's


def test_a_chinese_name_glossed_by_its_spelling_is_a_company() -> None:
    text = "雲岫生物醫藥控股有限公司\n主要可比公司为启衡医药（Qiheng Pharma），其2024年研发开支为4.12亿元。\n"
    lex = EntityLexicon.build([doc("yunxiu", text)])
    peer = lex.resolve("启衡医药")
    assert peer is not None and peer == lex.resolve("Qiheng") and peer != lex.subject("yunxiu")
    # A gloss that does not spell the name is no company: 收入（Revenue）.
    assert lex.resolve("Revenue") is None


def test_a_stock_code_two_documents_give_to_different_companies_names_neither() -> None:
    a = doc("a", "甲乙食品控股有限公司\n（股份代號：2917）\n")
    b = doc("b", "丙丁機器人股份有限公司\n（股份代號：2917）\n")
    lex = EntityLexicon.build([a, b])
    assert lex.subject("a") != lex.subject("b")
    assert lex.resolve("2917") is None
    assert EntityLexicon.build([a]).subject_of("2917.HK 2024年收入") == EntityLexicon.build([a]).subject("a")


def test_names_come_in_the_same_order_under_any_hash_seed() -> None:
    import subprocess
    import sys

    script = (
        "from assistant.entities import EntityLexicon; from assistant.schema import Document; "
        "t = '橡嶺餅家控股有限公司\\n（股份代號：3176）\\n'; "
        "lex = EntityLexicon.build([Document('d', 'd.txt', 'd.txt', 'd', t, '0')]); "
        "print(lex.names_of(lex.subject('d')))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(runs) == 1 and "3176" in runs.pop()


def test_a_question_that_opens_with_a_place_names_no_company() -> None:
    text = "晴穗烘焙控股有限公司\n股東包括香港中央結算有限公司。\n香港業務收益佔本集團總收益約68.7%。\n"
    lex = EntityLexicon.build([doc("chingsui", text)])
    question = "香港業務佔集團2025年總收益的比例是多少？"
    # 香港 opens 香港中央結算's name, but a place opens questions about a region too.
    assert lex.subject_of(question) is None
    # The opening words stop at 佔: "香港業務" is in the documents, not an unknown company.
    assert lex.unknown_names(question) == []
    assert lex.subject("chingsui") == lex.resolve("晴穗烘焙")
