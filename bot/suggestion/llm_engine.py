"""The optional LLM engine: a LangChain chat model reads the criteria and the answer, and its
structured reply is believed only when every citation and quote checks out.

    engine = LLMSuggestionEngine(kb, chat_model, fallback=DefaultSuggestionEngine(kb, embedder),
                                 prompt=load_prompt(settings.prompts_dir / "suggest_level.md"))

Anything else (an invented citation, a quote not in the answer, malformed JSON, a timeout or any
error of the model) returns the default engine's suggestion with `fallback_reason` set.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from bot.knowledge import KnowledgeBase
from bot.knowledge.base import criterion_id
from bot.knowledge.models import Characteristic
from bot.redaction import redact
from bot.suggestion.default_engine import DefaultSuggestionEngine, screen_answer
from bot.suggestion.explanation import criterion_citation, plain_question, standard_citation
from bot.suggestion.llm_output import LLMVerdict, RejectedOutput, check_verdict, parse_verdict
from bot.suggestion.models import Citation, CitationKind, Evidence, Horizon, Suggestion, SuggestionContext
from bot.suggestion.screening import validate_answer

log = logging.getLogger(__name__)

ENGINE_NAME = "llm"
FALLBACK_ENGINE_NAME = "llm-fallback:default"
PROMPT_FILE = "suggest_level.md"


@dataclass(frozen=True)
class Prompt:
    system: str
    user: str


def load_prompt(path: Path) -> Prompt:
    """Read a prompt file with a `## system` and a `## user` section."""
    text = path.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL))
    if "system" not in sections or "user" not in sections:
        raise ValueError(f"{path}: a prompt needs '## system' and '## user' sections")
    return Prompt(system=sections["system"].strip(), user=sections["user"].strip())


def fill(template: str, values: dict[str, str]) -> str:
    """Replace `{name}` placeholders in one pass, so braces inside the values are left alone."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def with_replies(answer: str, context: SuggestionContext) -> str:
    """The answer followed by each probe asked and the reply given, as the model reads them (quotes may
    come from the replies too)."""
    parts = [answer]
    for exchange in context.exchanges:
        reply = exchange.reply or (exchange.answer.value.replace("_", " ") if exchange.answer else "")
        parts.append(f"Follow-up question about level {exchange.probe.level}: {exchange.probe.question}\n"
                     f"Reply: {reply}")
    return "\n\n".join(parts)


def horizon_words(context: SuggestionContext) -> str:
    """Which level is asked for, in the prompt's words."""
    if context.horizon == Horizon.NOW:
        return "the level NOW: plans, hopes and things not yet in place do not count."
    floor = (f" It is not below the level now ({context.level_now}) unless the answer says something will be lost."
             if context.level_now is not None else "")
    return ("the level expected IN TWO YEARS on current plans: committed plans (dated, funded, approved) count; "
            f"hopes and ideas without a decision do not.{floor}")


class LLMSuggestionEngine:
    name = ENGINE_NAME

    def __init__(self, kb: KnowledgeBase, chat_model: BaseChatModel, fallback: DefaultSuggestionEngine, prompt: Prompt):
        self.kb = kb
        self.chat_model = chat_model
        self.fallback = fallback
        self.prompt = prompt

    def suggest(self, characteristic_id: str, answer: str, context: SuggestionContext | None = None) -> Suggestion:
        """The model's suggestion when it is grounded; otherwise the default engine's, marked as a fallback.

        The evidence probe is the default engine's either way: it says which rung is unsettled, and its
        ids come from the knowledge base. The model sees the probes asked so far with their replies."""
        context = context or SuggestionContext()
        characteristic = self.kb.characteristic(characteristic_id)
        text = validate_answer(answer)
        screened = screen_answer(text, self.kb)
        if screened is not None:
            # Instructions and gibberish never reach the model; the default engine abstains on them.
            return self._fall_back(characteristic.id, text, context,
                                   f"answer screened before the LLM: {screened.value}")
        default = self.fallback.suggest(characteristic.id, text, context)
        said = with_replies(text, context)
        entries, allowed, condition_ids = self._entries(characteristic)
        messages = [
            SystemMessage(content=self.prompt.system),
            HumanMessage(content=fill(self.prompt.user, {
                "characteristic_id": characteristic.id,
                "characteristic_name": characteristic.name,
                "question": characteristic.question,
                "horizon": horizon_words(context),
                "entries": entries,
                "answer": said.replace("</answer>", "</ answer>"),
            })),
        ]
        try:
            reply = self.chat_model.invoke(messages)
            verdict = parse_verdict(reply.content)
            check_verdict(verdict, said, allowed, condition_ids)
            if any(i not in condition_ids for i in verdict.missing):
                raise RejectedOutput("hallucinated citation: a missing condition was not among the entries given")
        except RejectedOutput as error:
            log.warning("LLM output rejected for %s: %s", characteristic.id, redact(str(error)))
            return self._marked(default, str(error))
        except Exception as error:  # the model is an external service: any failure means fall back
            log.warning("LLM call failed for %s: %s", characteristic.id, redact(str(error)))
            return self._marked(default, f"llm error: {type(error).__name__}: {error}"[:300])
        suggestion = self._suggestion(characteristic, verdict)
        return suggestion.model_copy(update={"horizon": context.horizon, "probe": default.probe})

    def _fall_back(self, characteristic_id: str, answer: str, context: SuggestionContext | None,
                   reason: str) -> Suggestion:
        return self._marked(self.fallback.suggest(characteristic_id, answer, context), reason)

    @staticmethod
    def _marked(result: Suggestion, reason: str) -> Suggestion:
        # a provider's error may echo the API key: it is shown, logged and stored, so never with the key
        return result.model_copy(update={"engine": FALLBACK_ENGINE_NAME, "fallback_reason": redact(reason)[:300]})

    def _entries(self, characteristic: Characteristic) -> tuple[str, set[str], set[str]]:
        lines: list[str] = []
        allowed: set[str] = set()
        conditions: set[str] = set()
        for level in characteristic.levels:
            cid = criterion_id(characteristic.id, level.level)
            allowed.add(cid)
            lines.append(f"[{cid}] Level {level.level} ({self.kb.level_name(level.level)}): {level.criteria}")
            for condition in level.conditions:
                allowed.add(condition.id)
                conditions.add(condition.id)
                lines.append(f"  [{condition.id}] {condition.text}")
        for entry in self.kb.annex_b_for_characteristic(characteristic):
            allowed.add(entry.id)
            ref = f" {entry.ref}" if entry.ref else ""
            lines.append(f"[{entry.id}] {entry.standard}{ref}: {entry.guidance}")
        return "\n".join(lines), allowed, conditions

    def _suggestion(self, characteristic: Characteristic, verdict: LLMVerdict) -> Suggestion:
        citations = [self._citation(characteristic, entry_id) for entry_id in dict.fromkeys(verdict.citations)]
        if verdict.level is not None and criterion_id(characteristic.id, verdict.level) not in verdict.citations:
            citations.insert(0, criterion_citation(characteristic, verdict.level))
        conditions = self.kb.conditions_by_id
        follow_up = verdict.follow_up
        if verdict.level is None and not follow_up:
            follow_up = plain_question(characteristic.level(2).conditions[0])
        return Suggestion(
            characteristic=characteristic.id,
            level=verdict.level,
            confidence=verdict.confidence if verdict.level is not None else 0.0,
            rationale=verdict.rationale or "The model gave no rationale.",
            citations=citations,
            evidence=[Evidence(quote=e.quote, criterion=e.criterion) for e in verdict.evidence],
            missing=[f"{i}: {conditions[i].text}" for i in verdict.missing],
            follow_up=follow_up,
            engine=ENGINE_NAME,
            knowledge_version=self.kb.version,
            abstain_reason="llm_abstained" if verdict.level is None else None,
        )

    def _citation(self, characteristic: Characteristic, entry_id: str) -> Citation:
        for level in characteristic.levels:
            if entry_id == criterion_id(characteristic.id, level.level):
                return criterion_citation(characteristic, level.level)
            for condition in level.conditions:
                if condition.id == entry_id:
                    return Citation(kind=CitationKind.CRITERION, id=condition.id, characteristic=characteristic.id,
                                    level=level.level, text=condition.text)
        entry = next(e for e in self.kb.annex_b_for_characteristic(characteristic) if e.id == entry_id)
        return standard_citation(entry, characteristic)
