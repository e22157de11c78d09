"""What a person typed: cleaned of control characters, then read as an answer or a command.

`parse_event` turns any `InterviewEvent` into one `ParsedInput`; a channel's buttons (CONFIRM, SKIP...)
and the same words typed as text end up the same.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from pydantic import BaseModel

from bot.interview.messages import EventKind, InterviewEvent
from bot.suggestion.models import ProbeAnswer

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]")
KEEP_CONTROLS = {"\n", "\t"}


class InputKind(StrEnum):
    START = "start"
    ANSWER = "answer"
    EMPTY = "empty"
    CONFIRM = "confirm"
    LEVEL = "level"
    INVALID_LEVEL = "invalid_level"
    DONT_KNOW = "dont_know"
    SKIP = "skip"
    SAME = "same"
    HELP = "help"
    STATUS = "status"
    BACK = "back"
    PAUSE = "pause"
    RESUME = "resume"
    EDIT = "edit"
    SUGGEST_NOW = "suggest_now"  # while a probe is asked: show the best level so far instead
    PROBE_REPLY = "probe_reply"  # a probe's button (Yes, Partly, No, Not sure), possibly with text
    STANDARDS = "standards"
    UNKNOWN_COMMAND = "unknown_command"


class ParsedInput(BaseModel):
    kind: InputKind
    text: str = ""  # the answer, reason, edit target, standards question or unknown command
    level: int | None = None
    dimension: str | None = None
    typed: str = ""  # a typed text event, cleaned: what a probe reply is read from ("yes", "not sure"...)
    probe_answer: ProbeAnswer | None = None  # PROBE_REPLY: the button's reading


WORDS: dict[InputKind, set[str]] = {
    InputKind.HELP: {"help", "?", "commands", "what can i type"},
    InputKind.STATUS: {"status", "progress", "where am i"},
    InputKind.BACK: {"back", "previous", "go back"},
    InputKind.SKIP: {"skip", "pass", "skip it", "skip this"},
    InputKind.PAUSE: {"pause", "stop", "later", "pause interview"},
    InputKind.RESUME: {"resume", "continue", "carry on"},
    InputKind.CONFIRM: {"yes", "y", "ok", "okay", "confirm", "agree", "i agree", "correct", "right", "yes please",
                        "that's right", "thats right", "looks right", "accept", "👍"},
    InputKind.DONT_KNOW: {"don't know", "dont know", "do not know", "i don't know", "i dont know", "i do not know",
                          "not sure", "no idea", "idk", "dunno", "unknown", "dontknow", "dk", "don’t know",
                          "i don’t know"},
    InputKind.SAME: {"same", "the same", "same as now", "no change", "unchanged"},
    InputKind.SUGGEST_NOW: {"suggest now", "suggest", "suggest a level", "suggest a level now", "just suggest",
                            "suggest now please", "no more questions"},
}
COMMAND_ALIASES = {word: kind for kind, words in WORDS.items() for word in words}
SLASH_COMMANDS = {**{w.replace(" ", "").replace("'", ""): k for w, k in COMMAND_ALIASES.items()},
                  "edit": InputKind.EDIT, "standard": InputKind.STANDARDS, "standards": InputKind.STANDARDS}

BARE_LEVEL = re.compile(r"^(?:level\s*)?(\d{1,2})\s*[.!]?$", re.IGNORECASE)
LEVEL_WITH_REASON = re.compile(
    r"^(?:level\s*)?(\d{1,2})\s*(?:[,:;.\-–—]|\bbecause\b|\bsince\b|\bas\b)\s*(.*)$", re.IGNORECASE | re.DOTALL)
EDIT = re.compile(r"^(?:edit(?:\s+(\S+))?|(?:change|redo)\s+(\d[\d.]*))$", re.IGNORECASE)
STANDARDS_PREFIX = re.compile(r"^standards?\s*[:?]?\s+(.+)$", re.IGNORECASE | re.DOTALL)
STANDARDS_QUESTION = re.compile(r"^(?:which|what)\s+(?:iso\s+)?standards?\b", re.IGNORECASE)
FORCED_ANSWER = re.compile(r"^answer\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
# "standards <question>" is a question when short or ending in "?"; otherwise it reads as an answer
STANDARDS_MAX_CHARS = 300
STANDARDS_MAX_WORDS = 12


def clean_text(raw: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs; trim."""
    text = ANSI_ESCAPE.sub("", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept = (ch for ch in text if ch in KEEP_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cs"))
    return "".join(kept).strip()


def parse_event(event: InterviewEvent) -> ParsedInput:
    if event.kind == EventKind.START:
        return ParsedInput(kind=InputKind.START, dimension=event.dimension)
    if event.kind == EventKind.CONFIRM:
        return ParsedInput(kind=InputKind.CONFIRM)
    if event.kind == EventKind.CHOOSE_LEVEL:
        if event.level is None:
            return ParsedInput(kind=InputKind.INVALID_LEVEL, text="")
        return ParsedInput(kind=InputKind.LEVEL, level=event.level, text=clean_text(event.reason))
    if event.kind == EventKind.DONT_KNOW:
        return ParsedInput(kind=InputKind.DONT_KNOW)
    if event.kind == EventKind.SKIP:
        return ParsedInput(kind=InputKind.SKIP)
    if event.kind == EventKind.PROBE_REPLY:
        typed = clean_text(event.text)
        if event.probe_answer is None and not typed:
            return ParsedInput(kind=InputKind.EMPTY)
        return ParsedInput(kind=InputKind.PROBE_REPLY, text=typed, typed=typed, probe_answer=event.probe_answer)
    text = clean_text(event.text)
    return parse_text(text).model_copy(update={"typed": text})


def parse_text(text: str) -> ParsedInput:
    """Read cleaned text: a command, a level ("3", "3 because ..."), or an answer."""
    if not text:
        return ParsedInput(kind=InputKind.EMPTY)
    if forced := FORCED_ANSWER.match(text):
        answer = forced.group(1).strip()
        return ParsedInput(kind=InputKind.ANSWER if answer else InputKind.EMPTY, text=answer)
    if text[0] in "/!":
        return _slash_command(text[1:])
    word = re.sub(r"[.!]+$", "", " ".join(text.lower().split()))
    if word in COMMAND_ALIASES:
        return ParsedInput(kind=COMMAND_ALIASES[word])
    if bare := BARE_LEVEL.match(text):
        return _level(int(bare.group(1)), "", text)
    if with_reason := LEVEL_WITH_REASON.match(text):
        return _level(int(with_reason.group(1)), with_reason.group(2).strip(), text)
    if edit := EDIT.match(text):
        return ParsedInput(kind=InputKind.EDIT, text=(edit.group(1) or edit.group(2) or "").strip())
    if len(text) <= STANDARDS_MAX_CHARS and "\n" not in text:
        if STANDARDS_QUESTION.match(text):
            return ParsedInput(kind=InputKind.STANDARDS, text=text)
        prefixed = STANDARDS_PREFIX.match(text)
        if prefixed and (text.endswith("?") or len(text.split()) <= STANDARDS_MAX_WORDS):
            return ParsedInput(kind=InputKind.STANDARDS, text=prefixed.group(1).strip())
    return ParsedInput(kind=InputKind.ANSWER, text=text)


def _level(level: int, reason: str, text: str) -> ParsedInput:
    if 1 <= level <= 5:
        return ParsedInput(kind=InputKind.LEVEL, level=level, text=reason)
    return ParsedInput(kind=InputKind.INVALID_LEVEL, text=text)


def _slash_command(rest: str) -> ParsedInput:
    name, _, argument = rest.strip().partition(" ")
    kind = SLASH_COMMANDS.get(name.lower())
    if kind is None:
        return ParsedInput(kind=InputKind.UNKNOWN_COMMAND, text="/" + name)
    if kind in (InputKind.EDIT, InputKind.STANDARDS):
        return ParsedInput(kind=kind, text=argument.strip())
    return ParsedInput(kind=kind)
