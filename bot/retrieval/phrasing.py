"""Optional LLM phrasing of a standards answer; the standards and sources listed never change.

The prompt is a file, `standards_answer.md` in the prompts folder (`settings.prompts_dir`; by default the
`prompts/` shipped with the package). The phrased text is accepted only when it is
non-empty, not too long and names no standard outside the retrieved ones; otherwise the caller keeps
the deterministic answer and records why.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from bot.redaction import redact
from bot.resources import shipped_folder
from bot.retrieval.pairs import STANDARD_MENTION, standard_number

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.retrieval.standards import StandardHit

PROMPT_FILE = "standards_answer.md"
DEFAULT_PROMPT_PATH = shipped_folder("prompts") / PROMPT_FILE  # the default `prompts_dir`'s
MAX_PHRASED_CHARS = 3_000


class PhrasingRejected(Exception):
    """The chat model's text cannot replace the deterministic answer; the message says why."""


def render_standards_prompt(question: str, hits: Sequence[StandardHit], prompt_path: Path) -> str:
    listing = "\n".join(
        f"- {hit.reference or hit.id}: {hit.why}" + (f" (named with {hit.paired_with} in the draft)"
                                                    if hit.paired_with else "")
        for hit in hits
    )
    return Template(prompt_path.read_text(encoding="utf-8")).safe_substitute(question=question, standards=listing)


def phrase_with_chat_model(
    chat_model: BaseChatModel, question: str, hits: Sequence[StandardHit], prompt_path: Path = DEFAULT_PROMPT_PATH
) -> str:
    """The chat model's wording of the answer; `PhrasingRejected` when it fails or invents a standard."""
    prompt = render_standards_prompt(question, hits, prompt_path)
    try:
        reply = chat_model.invoke(prompt)
    except Exception as error:  # any provider failure: the deterministic answer stays
        raise PhrasingRejected(redact(f"the chat model failed: {type(error).__name__}: {error}")) from error
    text = reply.content if isinstance(reply.content, str) else ""
    text = text.strip()
    if not text:
        raise PhrasingRejected("the chat model returned no text")
    if len(text) > MAX_PHRASED_CHARS:
        raise PhrasingRejected(f"the chat model's answer is too long ({len(text)} characters)")
    # the retrieved standards, and those their own `why` texts mention (e.g. "supplements ISO 37120")
    allowed = {standard_number(hit.id) for hit in hits}
    allowed |= {match.group(1) for hit in hits for match in STANDARD_MENTION.finditer(hit.why)}
    invented = sorted({match.group(1) for match in STANDARD_MENTION.finditer(text)} - allowed)
    if invented:
        raise PhrasingRejected(f"the chat model named standards that were not retrieved: {', '.join(invented)}")
    return text
