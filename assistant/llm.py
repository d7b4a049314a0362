"""Optional LLM backends: a LangChain chat model answers questions and checks claims.

The model writes; the deterministic parts keep it honest. Every figure an LLM answer states must be
stated by a passage it cites, or the extractive answer is shown instead; an LLM verdict never
overrides a deterministic verdict that compared figures, and is never `supported` for a claim whose
figure no passage states. That cross-check, not the prompt, is what makes a prompt injection in a
passage harmless.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from langchain.chat_models import init_chat_model
from langchain_core.language_models import BaseChatModel
from langchain_core.prompt_values import PromptValue

from .answer import abstention
from .errors import ConfigError
from .figures import CURRENCIES, Figure, parse_figures
from .prompts import (
    CHECK_PROMPT,
    NOT_IN_DOCUMENTS,
    PROMPT,
    VERDICT_PREFIX,
    fence,
    language,
    render_passages,
)
from .schema import Answer, Citation, Passage, Verdict

__all__ = [
    "PROVIDERS",
    "llm_answer",
    "llm_check",
    "load_chat_model",
    "missing_api_key",
    "model_label",
    "parse_spec",
    "parse_verdict",
    "resolve_markers",
    "stream_answer",
]

EXAMPLES = '"openai:gpt-4o-mini", "ollama:qwen2.5" or "anthropic:claude-3-5-haiku-latest"'

# provider → (pip package, env vars any one of which holds its API key). Checked before
# init_chat_model so the user reads "pip install langchain-openai" or "set OPENAI_API_KEY", not a
# provider SDK's traceback. Providers not listed still work through init_chat_model.
PROVIDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "openai": ("langchain-openai", ("OPENAI_API_KEY",)),
    "anthropic": ("langchain-anthropic", ("ANTHROPIC_API_KEY",)),
    "ollama": ("langchain-ollama", ()),  # a local server: no key
    "google_genai": ("langchain-google-genai", ("GOOGLE_API_KEY", "GEMINI_API_KEY")),
    "mistralai": ("langchain-mistralai", ("MISTRAL_API_KEY",)),
    "groq": ("langchain-groq", ("GROQ_API_KEY",)),
    "deepseek": ("langchain-deepseek", ("DEEPSEEK_API_KEY",)),
    "xai": ("langchain-xai", ("XAI_API_KEY",)),
}

REJECTED = "extractive (llm answer rejected)"
FAILED = "extractive (llm failed)"


# ---------------------------------------------------------------------------------------------
# Loading a model


def parse_spec(spec: str) -> tuple[str, str]:
    """("openai", "gpt-4o-mini") from "openai:gpt-4o-mini"; ConfigError when it isn't that shape."""
    provider, sep, name = spec.strip().partition(":")  # only the first colon: "ollama:qwen2.5:7b"
    provider = provider.strip().lower().replace("-", "_")
    name = name.strip()
    if not sep or not name or not re.fullmatch(r"[a-z][a-z0-9_]*", provider):
        raise ConfigError(f'LLM {spec!r} is not "provider:model"; for example {EXAMPLES}')
    return provider, name


def missing_api_key(provider: str, env: Mapping[str, str] | None = None) -> str | None:
    """The env var to set when `provider` needs an API key and none is set, else None."""
    env = os.environ if env is None else env
    names = PROVIDERS.get(provider, ("", ()))[1]
    if not names or any(env.get(n, "").strip() for n in names):
        return None
    return " or ".join(names)


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def load_chat_model(spec: str) -> BaseChatModel:
    """The chat model a "provider:model" spec names, via LangChain's init_chat_model."""
    provider, name = parse_spec(spec)
    problems = []
    if provider in PROVIDERS:
        package = PROVIDERS[provider][0]
        if not _installed(package.replace("-", "_")):
            problems.append(f"pip install {package}")
        key = missing_api_key(provider)
        if key:
            problems.append(f"set {key}")
    if problems:
        raise ConfigError(f"LLM {spec!r} needs: {'; '.join(problems)}")
    try:
        return init_chat_model(name, model_provider=provider)
    except ImportError as exc:  # a provider not in PROVIDERS; LangChain's message names its pip package
        raise ConfigError(f"LLM {spec!r}: {exc}") from exc
    except Exception as exc:  # unknown provider (ValueError) or a constructor that rejects its settings
        raise ConfigError(f"LLM {spec!r} could not be set up: {exc}") from exc


def model_label(model: BaseChatModel) -> str:
    """The model's name as providers store it (model_name, model, model_id), else its type."""
    for attr in ("model_name", "model", "model_id"):
        value = getattr(model, attr, None)
        if isinstance(value, str) and value:
            return value
    return model._llm_type


# ---------------------------------------------------------------------------------------------
# Citation markers and figures

# [1], [1][2], [1, 2], and the full-width 【1】［1］ that models writing Chinese often use. At most
# three digits, so a bracketed year is not read as a marker. The spaces before a marker go with it,
# so that dropping one leaves no gap before the full stop.
_MARKER = re.compile(r"[ \t]*[\[【［]\s*(\d{1,3}(?:\s*[,，、;；]\s*\d{1,3})*)\s*[\]】］]")

_INJECTION = re.compile(
    r"ignore\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+instructions"
    r"|disregard\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|above)"
    r"|(?:忽略|無視|无视)(?:之前|以上|先前|上述|前面)的?(?:所有)?(?:指令|指示|說明|说明)",
    re.I,
)


def resolve_markers(text: str, n: int) -> tuple[str, list[int], list[int]]:
    """`text` with its [k] markers renumbered by first citation, the cited passage numbers
    (1-based, in that order), and the out-of-range numbers that were dropped.

    Renumbering makes marker [i] name citations[i-1], as in the extractive answers.
    """
    order: list[int] = []
    dropped: list[int] = []

    def renumber(m: re.Match[str]) -> str:
        kept: list[int] = []
        for k in map(int, re.findall(r"\d+", m.group(1))):
            if not 1 <= k <= n:
                if k not in dropped:
                    dropped.append(k)
                continue
            if k not in order:
                order.append(k)
            new = order.index(k) + 1
            if new not in kept:
                kept.append(new)
        if not kept:
            return ""
        lead = m.group()[: len(m.group()) - len(m.group().lstrip(" \t"))]
        return lead + "".join(f"[{k}]" for k in kept)

    return _MARKER.sub(renumber, text).strip(), order, dropped


def _stated(text: str) -> list[Figure]:
    # Markers blanked (same length, so offsets hold) so that no "[1]" is read as a count.
    return parse_figures(_MARKER.sub(lambda m: " " * len(m.group()), text))


_AMOUNT_UNITS = frozenset({*CURRENCIES, "count", "shares"})


def _backs(source: Figure, stated: Figure) -> bool:
    """`source` states `stated`: same value in the same unit family (Figure.matches)."""
    if stated.matches(source):
        return True
    # A bare amount ("3.37億") and the same amount with its currency ("3.37億元") agree, as in
    # verify's unit kinds; a bare number never matches a percentage.
    if not stated.unit and source.unit in _AMOUNT_UNITS:
        return replace(stated, unit=source.unit).matches(source)
    if not source.unit and stated.unit in _AMOUNT_UNITS:
        return stated.matches(replace(source, unit=stated.unit))
    return False


def _unbacked(stated: list[Figure], sources: list[Figure]) -> list[Figure]:
    return [f for f in stated if not any(_backs(s, f) for s in sources)]


def _injections(passages: list[Passage]) -> list[str]:
    """Warnings for passages holding text addressed to a model (it was sent fenced, as data)."""
    found = []
    for n, p in enumerate(passages, start=1):
        m = _INJECTION.search(p.text)
        if m:
            found.append(f"passage [{n}] ({p.id}) contains text addressed to the model: “{m.group()}”")
    return found


# Reasoning models served by Ollama (qwen3, deepseek-r1) put their thinking in the reply.
_THINK = re.compile(r"<think>.*?</think>", re.S)


def _text(message: Any) -> str:
    # .text joins the text blocks of list content (Anthropic, reasoning models) too.
    return str(message.text)


# ---------------------------------------------------------------------------------------------
# Answers


def _answer_prompt(question: str, passages: list[Passage], script: str) -> PromptValue:
    return PROMPT.invoke(
        {"passages": render_passages(passages), "question": fence(question), "language": language(script)}
    )


def _failed(fallback: Answer, label: str, exc: Exception) -> Answer:
    why = f"the model {label} failed ({type(exc).__name__}: {exc}); showing the extractive answer"
    return replace(fallback, warnings=[*fallback.warnings, why], answerer=FAILED)


def _finish(label: str, question: str, passages: list[Passage], fallback: Answer, script: str, reply: str) -> Answer:
    """The Answer for the model's full reply, after the citation and grounding checks."""
    answerer = f"llm:{label}"
    warnings = _injections(passages)
    raw = _THINK.sub("", reply).strip()
    if not raw:
        why = "the model returned an empty answer; showing the extractive answer"
        return replace(fallback, warnings=[*fallback.warnings, *warnings, why], answerer=REJECTED)
    # The phrase anywhere counts: the model was told to reply with it alone, and an answer that
    # mixes it with claims is one the model itself doubts.
    if NOT_IN_DOCUMENTS in " ".join(raw.upper().split()):
        if not fallback.abstained:
            warnings.append("the model found no answer in the passages; the extractive answerer did")
        base = fallback if fallback.abstained else abstention(question, "", script)
        return Answer(
            question,
            base.text,
            True,
            reason=f"{label} replied {NOT_IN_DOCUMENTS}",
            answerer=answerer,
            warnings=warnings,
        )

    text, order, dropped = resolve_markers(raw, len(passages))
    if dropped:
        marks = "".join(f"[{k}]" for k in dropped)
        warnings.append(f"the model cited {marks}, but there were only {len(passages)} passages; dropped")
    cited = [passages[k - 1] for k in order]
    stated = _stated(text)
    unbacked = _unbacked(stated, [f for p in cited for f in parse_figures(p.text)])
    ungrounded = [f.to_dict() for f in unbacked]
    nowhere = "and it cited no passage" if not cited else "which no cited passage states"
    if unbacked and unbacked[0] is stated[0]:
        # The key figure is the answer; one the sources don't state must not be shown as the answer.
        why = f"the model stated {stated[0].text}, {nowhere}; showing the extractive answer"
        return replace(
            fallback, ungrounded=ungrounded, warnings=[*fallback.warnings, *warnings, why], answerer=REJECTED
        )
    warnings += [f"the model stated {f.text}, {nowhere}" for f in unbacked]
    if not cited:
        warnings.append("the model cited no passage")
    return Answer(
        question,
        text,
        False,
        [Citation.of(p) for p in cited],
        figures=[f.to_dict() for f in stated],
        reason=f"{label} answered from {len(cited)} cited passage(s)",
        answerer=answerer,
        ungrounded=ungrounded,
        warnings=warnings,
    )


def llm_answer(model: BaseChatModel, question: str, passages: list[Passage], fallback: Answer, script: str) -> Answer:
    """The model's answer from `passages`, or `fallback` (the extractive answer) when its key
    figure is not stated by a passage it cites, or the model fails."""
    if not passages:
        return fallback  # nothing to answer from; no call needed
    label = model_label(model)
    try:
        reply = model.invoke(_answer_prompt(question, passages, script))
    except Exception as exc:  # providers' network, auth and rate-limit errors share no base class
        return _failed(fallback, label, exc)
    return _finish(label, question, passages, fallback, script, _text(reply))


def stream_answer(
    model: BaseChatModel, question: str, passages: list[Passage], fallback: Answer, script: str
) -> Iterator[str | Answer]:
    """llm_answer, streamed: the reply's text chunks as they come, then the final Answer.

    The final Answer is the one to keep; it may be the fallback, whose text differs from the chunks.
    A model that doesn't stream yields its whole reply as one chunk.
    """
    if not passages:
        yield fallback
        return
    label = model_label(model)
    parts: list[str] = []
    try:
        for chunk in model.stream(_answer_prompt(question, passages, script)):
            piece = _text(chunk)
            if piece:
                parts.append(piece)
                yield piece
    except Exception as exc:  # as in llm_answer; chunks already yielded are superseded by the fallback
        yield _failed(fallback, label, exc)
        return
    yield _finish(label, question, passages, fallback, script, "".join(parts))


# ---------------------------------------------------------------------------------------------
# Claims

# The label words models use, whole words only ("supported", not "supportedly").
_LABEL = re.compile(
    r"(?:(?P<nei>not[\s_-]*enough[\s_-]*info(?:rmation)?|nei|insufficient(?:[\s_-]*info(?:rmation)?)?)"
    r"|(?P<supported>supported|supports?|true|correct)"
    r"|(?P<refuted>refuted|refutes?|contradicted|false|incorrect))"
    r"(?![a-z])",
    re.I,
)
_VERDICT_LINE = re.compile(r"^[\s*_#>`]*" + VERDICT_PREFIX.rstrip(":") + r"[\s*_`]*[:：](?P<rest>.*)$", re.I | re.M)


def parse_verdict(reply: str) -> tuple[str | None, str]:
    """(label, explanation) from a reply whose first VERDICT line names the label; label None when none does."""
    m = _VERDICT_LINE.search(reply)
    if m is None:
        return None, reply.strip()
    rest = m.group("rest").strip(" \t*_`")
    label = _LABEL.match(rest)
    # "supported|refuted|..." is the format echoed back, not a verdict.
    if label is None or "|" in rest[: label.end() + 2]:
        return None, reply.strip()
    tail = rest[label.end() :].lstrip(" \t*_`.。:：-—")
    explanation = "\n".join(x for x in (reply[: m.start()].strip(), tail, reply[m.end() :].strip()) if x)
    return label.lastgroup.replace("nei", "not_enough_info"), explanation


def _cite(passage: Passage, deterministic: Verdict) -> Citation:
    # The deterministic checker's citation of the same passage carries the quoted sentence.
    same = [c for c in deterministic.citations if c.id == passage.id]
    return same[0] if same else Citation.of(passage)


def llm_check(
    model: BaseChatModel, claim: str, passages: list[Passage], deterministic: Verdict, script: str
) -> Verdict:
    """The model's verdict on `claim`, cross-checked with the deterministic one, which wins on figures."""
    if not passages:
        return deterministic  # nothing to judge against; no call needed
    label = model_label(model)
    checker = f"llm:{label}+deterministic"
    warnings = [*deterministic.warnings, *_injections(passages)]
    prompt = CHECK_PROMPT.invoke(
        {"passages": render_passages(passages), "claim": fence(claim), "language": language(script)}
    )
    try:
        reply = _text(model.invoke(prompt))
    except Exception as exc:  # as in llm_answer
        why = f"the model {label} failed ({type(exc).__name__}: {exc}); showing the deterministic verdict"
        return replace(deterministic, warnings=[*warnings, why], checker="deterministic (llm failed)")
    said, explanation = parse_verdict(_THINK.sub("", reply))
    if said is None:
        why = f"the model's reply had no {VERDICT_PREFIX} line; showing the deterministic verdict"
        return replace(deterministic, warnings=[*warnings, why], checker=checker)

    text, order, dropped = resolve_markers(explanation, len(passages))
    if dropped:
        marks = "".join(f"[{k}]" for k in dropped)
        warnings.append(f"the model cited {marks}, but there were only {len(passages)} passages; dropped")
    unbacked = _unbacked(parse_figures(claim), [f for p in passages for f in parse_figures(p.text)])
    det = deterministic.label
    if deterministic.source_figures:
        final, why = det, f"the figure check found {det}: {deterministic.explanation}"
    elif said == "supported" and det == "refuted":
        final, why = det, f"the deterministic check found it refuted: {deterministic.explanation}"
    elif said == "supported" and unbacked:
        final = det if det != "supported" else "not_enough_info"
        why = f"the claim states {', '.join(f.text for f in unbacked)}, which no passage states"
    else:
        final, why = said, ""

    if final == said:
        cited = [_cite(passages[k - 1], deterministic) for k in order]
        citations = cited + [c for c in deterministic.citations if c not in cited]
        if said != det:
            warnings.append(
                f"the model says {said} where the deterministic check, which compared no figures, "
                f"says {det}; showing the model's verdict"
            )
        if deterministic.source_figures:  # agreeing: the figure comparison is the evidence to show
            text = f"{text}\n{deterministic.explanation}" if text else deterministic.explanation
        explanation = text or deterministic.explanation
    else:
        warnings.append(f"the model said {said}, but {why}; showing {final}")
        citations = list(deterministic.citations)
        explanation = deterministic.explanation if final == det else why
    return replace(
        deterministic, label=final, explanation=explanation, citations=citations, checker=checker, warnings=warnings
    )
