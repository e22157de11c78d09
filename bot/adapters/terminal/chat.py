"""The `mmssc chat` loop: feed lines to the interview service and print its replies.

On a terminal it prompts with Rich; when standard input is not a terminal it reads one reply per
line (a whole interview can be piped in) and stops at the end of the input. Quitting never loses
anything: every step is stored as it happens, and the next `mmssc chat` resumes at the same place.

Piped input is read as bytes and decoded one line at a time, so a byte that is not valid in the
input's encoding costs at most its own character (shown as �, with a notice), never the lines around it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TextIO

from rich.console import Console
from rich.text import Text

from bot.adapters.terminal.render import render_replies
from bot.interview.messages import EventKind, InterviewEvent
from bot.interview.text import clean_text
from bot.services.interview_service import InterviewService

CHANNEL = "terminal"
QUIT_WORDS = {"quit", "exit", "/quit", "/exit", "bye"}
ECHO_LIMIT = 200  # characters of a piped line shown in the transcript


def run_chat(service: InterviewService, assessment: str, stakeholder: str, *, console: Console,
             stdin: TextIO | None = None, dimension: str | None = None) -> int:
    """Run one chat session; returns the number of lines read."""
    source = stdin or sys.stdin
    for note in service.ensure_interview(assessment, stakeholder):
        console.print(Text(note, style="cyan"))
    interactive = source.isatty()
    read = _reader(console, source)
    working = _progress(console, interactive=interactive)
    count = 0
    try:
        with working():  # resuming may suggest on an answer whose suggestion was cut short
            started = service.handle(assessment, stakeholder, InterviewEvent(kind=EventKind.START, dimension=dimension),
                                     CHANNEL)
        render_replies(console, started)
        while (line := read()) is not None:
            if not interactive:  # a terminal shows what was typed; a transcript of piped input needs it too
                console.print(Text(echo_line(line), style="bold blue"))
            if line.strip().lower() in QUIT_WORDS:
                break
            count += 1
            with working():  # the first suggestion loads the model: several seconds without this notice
                replies = service.handle(assessment, stakeholder, InterviewEvent(kind=EventKind.TEXT, text=line),
                                         CHANNEL)
            render_replies(console, replies)
    except KeyboardInterrupt:  # a step cut short is rolled back whole; an answer stored while its suggestion
        # was being worked out is offered again when the next chat resumes
        console.print()
    console.print(Text("Everything is saved. Run the same command again to carry on where you left off.",
                       style="dim"))
    return count


def echo_line(line: str, limit: int = ECHO_LIMIT) -> str:
    """A line read from a pipe as the transcript shows it: "> text", control characters removed,
    whitespace flattened, long lines cut with their full length (for display only; the whole line is sent)."""
    flat = " ".join(clean_text(line).split())
    if len(flat) > limit:
        flat = f"{flat[: limit - 1]}… ({len(line):,} characters)"
    return f"> {flat}"


def _progress(console: Console, *, interactive: bool) -> Callable[[], AbstractContextManager[object]]:
    """A spinner while a step runs, on a terminal only (piped output stays a clean transcript)."""
    if not interactive:
        return nullcontext
    return lambda: console.status("Working on it… (the first suggestion loads the language model)", spinner="dots")


def enable_line_editing() -> bool:
    """Read terminal lines through GNU readline when Python has it.

    Without it the terminal's canonical mode cuts a typed or pasted line at 4,095 characters and drops
    the rest silently; readline reads any length (and adds line editing and history). Returns whether
    readline is available.
    """
    try:
        import readline  # noqa: F401 (importing it is what makes input() use it)
    except ImportError:  # Windows, or a Python built without it
        return False
    return True


def _reader(console: Console, source: TextIO) -> Callable[[], str | None]:
    """One line per call, without its line ending; None at the end of input or on Ctrl-C / Ctrl-D."""
    interactive = source.isatty()
    if interactive:
        enable_line_editing()
    raw_lines = None if interactive else getattr(source, "buffer", None)  # bytes, decoded line by line below
    encoding = getattr(source, "encoding", None) or "utf-8"
    count = 0

    def read() -> str | None:
        nonlocal count
        while True:
            try:
                if interactive:
                    return console.input("[bold blue]you>[/] ")
                line, damaged = (decode_line(raw_lines.readline(), encoding) if raw_lines is not None
                                 else (source.readline(), False))
            except (EOFError, KeyboardInterrupt):
                console.print()
                return None
            except UnicodeDecodeError:  # a typed line the terminal's encoding cannot read: ask for it again
                if not interactive:
                    raise
                console.print(Text(f"That line could not be read as {encoding}; please type it again.",
                                   style="yellow"))
                continue
            count += 1
            if not line:
                return None
            if damaged:
                console.print(Text(f"Line {count} holds bytes that are not valid {encoding}: they are shown as �.",
                                   style="yellow"))
            return line.removesuffix("\n").removesuffix("\r")

    return read


def decode_line(raw: bytes, encoding: str) -> tuple[str, bool]:
    """One line of input as text, and whether it had to be repaired: a byte that cannot be decoded
    becomes U+FFFD, the rest of the line is kept."""
    try:
        return raw.decode(encoding), False
    except UnicodeDecodeError:
        return raw.decode(encoding, errors="replace"), True
