"""Rich rendering of interview replies. Text that came from people or engines is never read as markup."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from bot.interview.messages import Horizon, Reply, ReplyKind
from bot.interview.wording import (
    EARLIER_ANSWER_LEAD,
    EARLIER_ANSWER_NOTE,
    earlier_answer_quote,
    position_words,
    probe_place,
)
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards_text import topic_label

STYLES = {
    ReplyKind.RECORDED: ("✓ ", "green"),
    ReplyKind.ERROR: ("✗ ", "bold red"),
    ReplyKind.INFO: ("", "cyan"),
    ReplyKind.STATUS: ("", ""),
}


def render_reply(console: Console, reply: Reply) -> None:
    """Print one reply: questions and suggestions as panels, the rest as single styled lines."""
    if reply.kind == ReplyKind.QUESTION:
        console.print(_question_panel(reply, console.width))
    elif reply.kind == ReplyKind.PROBE and reply.probe is not None:
        console.print(_probe_panel(reply, console.width))
    elif reply.kind == ReplyKind.PROBE_DONE:
        return  # the reply to the probe is on screen as typed; the next question or the suggestion follows
    elif reply.kind == ReplyKind.SUGGESTION:
        abstained = reply.suggestion is not None and reply.suggestion.level is None
        title = "No level yet" if abstained else "Suggestion"
        console.print(Panel(_suggestion_body(reply), title=title, title_align="left",
                            border_style="yellow" if abstained else "green"))
    elif reply.kind == ReplyKind.STANDARDS:
        console.print(_standards_panel(reply))
    elif reply.kind in (ReplyKind.HELP, ReplyKind.COMPLETE):
        titles = {ReplyKind.HELP: "What you can type", ReplyKind.COMPLETE: "Complete"}
        console.print(Panel(Text(reply.text), title=titles[reply.kind], title_align="left", border_style="magenta"))
    else:
        prefix, style = STYLES.get(reply.kind, ("", ""))
        console.print(Text(prefix + reply.text, style=style))


def render_replies(console: Console, replies: list[Reply]) -> None:
    for reply in replies:
        render_reply(console, reply)


def _suggestion_body(reply: Reply) -> Text:
    """The reply's text, its lines saying what is not in place yet in italics."""
    body = Text(reply.text)
    body.highlight_words(reply.not_in_place, style="italic")
    return body


def fit_title(name: str, suffix: str, room: int) -> str:
    """`name + suffix` when it fits in `room` cells; otherwise `name` cut after its last whole word that
    fits, with "…", and the suffix kept ("2.1.1 Delivering integrated… — in two years")."""
    if len(name + suffix) <= room:
        return name + suffix
    words = name.split()
    kept = words[:1]  # the characteristic id, always
    for word in words[1:]:
        if len(" ".join([*kept, word]) + "…" + suffix) > room:
            break
        kept.append(word)
    return " ".join(kept) + "…" + suffix


STANDARDS_TITLES = {
    AnswerKind.MATCHED: "Standards that help, best first",
    AnswerKind.CLOSEST_MATCH: "Closest match, best first (check that it fits)",
    AnswerKind.CLARIFY: "Which topic do you mean?",
    AnswerKind.NOTHING: "No standard found",
}


def _standards_panel(reply: Reply) -> Panel:
    """The standards from the reply's fields: each readable reference in bold, the draft's words, and a
    note when it follows a partner; without standards (a clarifying question, nothing), the reply's text."""
    title = STANDARDS_TITLES.get(reply.standards_kind or AnswerKind.MATCHED, "Standards that help")
    if not reply.standards:
        return Panel(Text(reply.text), title=title, title_align="left", border_style="yellow")
    lines = []
    for number, hit in enumerate(reply.standards, start=1):
        line = Text(f"{number}. ")
        line.append(hit.reference or hit.id, style="bold")
        line.append(f": {hit.why}")
        if hit.paired_with:
            line.append(f" (named with {hit.paired_with} in the draft)", style="dim")
        lines.append(line)
    if reply.standards_kind == AnswerKind.CLOSEST_MATCH and reply.topics:
        lines.append(Text(f"Nearest topic in the model: {topic_label(reply.topics[0])}", style="dim"))
    return Panel(Group(*lines), title=title, title_align="left", border_style="magenta")


def _title(reply: Reply, width: int) -> tuple[str, str]:
    """The panel title of a question or probe (cut to fit) and the characteristic's whole name with the horizon."""
    name = f"{reply.characteristic} {reply.characteristic_name}"
    suffix = " — in two years" if reply.horizon == Horizon.TWO_YEARS else ""
    return fit_title(name, suffix, width - 6), name + suffix  # a title sits between two corners, padded by spaces


def _question_panel(reply: Reply, width: int) -> Panel:
    title, whole = _title(reply, width)
    where = f"({position_words(reply.position, reply.total)})" if reply.position and reply.total else ""
    earlier = ([f"{EARLIER_ANSWER_LEAD} {earlier_answer_quote(reply.earlier_answer)}", EARLIER_ANSWER_NOTE]
               if reply.earlier_answer else [])
    heading = [] if title == whole else [Text(whole, style="bold")]  # the whole name, wrapped
    body = Group(
        *heading,
        Text(reply.question or "", style="bold"),
        *(Text(line) for line in reply.ladder),
        *(Text(line, style="italic") for line in earlier),
        Text(reply.hint or "", style="dim"),
    )
    return Panel(body, title=Text(title), subtitle=Text(where) if where else None, title_align="left",
                 subtitle_align="right", border_style="blue")


def _probe_panel(reply: Reply, width: int) -> Panel:
    """A probe: the question, then what can be typed; the place (question n of at most m) below."""
    assert reply.probe is not None
    title, _ = _title(reply, width)
    place = probe_place(reply.probe_number or 1, reply.probe_limit or 1)
    body = Group(Text(reply.probe.question, style="bold"), Text(reply.hint or "", style="dim"))
    return Panel(body, title=Text(title), subtitle=Text(place), title_align="left", subtitle_align="right",
                 border_style="cyan")
