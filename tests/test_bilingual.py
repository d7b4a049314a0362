"""Word bridges between Chinese and English from the dictionary the package ships."""

from __future__ import annotations

import pytest

from assistant import bilingual


@pytest.mark.parametrize(
    ("a", "b"),
    [("subscribed", "subscribe"), ("services", "service"), ("sales", "sale"), ("companies", "company")],
)
def test_a_word_and_its_inflection_share_a_stem(a: str, b: str) -> None:
    assert bilingual.stem(a) == bilingual.stem(b)


def test_chinese_text_is_read_for_the_english_senses_of_its_words() -> None:
    assert {"raw", "milk"} <= bilingual.english_of("原料奶銷售") | bilingual.english_of("液態奶")
    assert bilingual.stem("cheese") in bilingual.english_of("奶粉及奶酪")
    assert bilingual.stem("cheese") not in bilingual.english_of("低溫乳製品")


def test_only_the_words_the_other_language_holds_are_bridged() -> None:
    assert bilingual.bridged(["raw", "milk", "ambient"], "原料奶銷售收入下降20.8%", []) == {"raw"}
    english = "O&M services and others"
    assert bilingual.bridged(["服务", "运维"], english, ["o", "m", "services", "others"]) == {"服务"}


def test_a_lone_character_is_too_loose_to_bridge() -> None:
    # 港 is "Hong Kong", 股 is "stock": read alone they would match half of every filing.
    assert bilingual.english_of("港") == frozenset() and bilingual.glosses("港")
    assert bilingual.bridged(["股"], "stock", ["stock"]) == set()


def test_an_unseen_word_weighs_what_its_translation_in_the_corpus_weighs() -> None:
    idf = {"奶酪": 3.0, "收入": 0.5}.get
    assert bilingual.translation_weight("cheese", lambda t: idf(t) or 0.0, frozenset({"奶酪", "收入"})) == 3.0
    assert bilingual.translation_weight("cheese", lambda t: 1.0, frozenset({"收入"})) == 0.0
    assert bilingual.translation_weight("奶酪", lambda t: 2.0, frozenset({"cheese", "revenue"})) == 2.0
