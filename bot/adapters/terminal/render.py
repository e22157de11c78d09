"""Rich rendering of interview replies. Text that came from people or engines is never read as markup."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from bot.interview.messages import Reply, ReplyKind
from bot.interview.replies import counter_evidence_lines as counter_evidence_lines_in_words
from bot.retrieval.relevance import AnswerKind
from bot.retrieval.standards_text import topic_label
from bot.suggestion.models import Evidence

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


def counter_evidence_lines(items: list[Evidence]) -> list[str]:
    """The interview's counter-evidence lines, as the Slack card shows them."""
    lines, hidden = counter_evidence_lines_in_words(items)
    return lines + ([f"and {hidden} more"] if hidden else [])


def _suggestion_body(reply: Reply) -> Text | Group:
    """The reply's text, with counter-evidence before the follow-up question (or before the closing prompt)."""
    suggestion = reply.suggestion
    if suggestion is None or not suggestion.counter_evidence:
        return Text(reply.text)
    lines = reply.text.split("\n")
    at = len(lines) - 1
    if suggestion.follow_up:
        at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].endswith(suggestion.follow_up)), at)
    counter = [Text(line, style="italic") for line in counter_evidence_lines(suggestion.counter_evidence)]
    return Group(*(Text(line) for line in lines[:at]), *counter, *(Text(line) for line in lines[at:]))


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


def _question_panel(reply: Reply, width: int) -> Panel:
    name = f"{reply.characteristic} {reply.characteristic_name}"
    suffix = " — in two years" if reply.horizon == "two_years" else ""
    title = fit_title(name, suffix, width - 6)  # a panel's title sits between two corners, padded by spaces


    lines = reply.text.split("\n")
    where = lines[0][len(name):].strip()
    after_ladder = len(lines) - 1 - lines[::-1].index(reply.ladder[-1]) if reply.ladder else 1
    between = lines[after_ladder + 1:-1]  # an earlier answer to build on (after back or edit)
    heading = [] if title == name + suffix else [Text(name + suffix, style="bold")]  # the whole name, wrapped
    body = Group(
        *heading,
        Text(reply.question or "", style="bold"),
        *(Text(line) for line in reply.ladder),
        *(Text(line, style="italic") for line in between),
        Text(lines[-1], style="dim"),
    )
    return Panel(body, title=Text(title), subtitle=Text(where) if where else None, title_align="left",
                 subtitle_align="right", border_style="blue")


def _probe_panel(reply: Reply, width: int) -> Panel:
    """A probe: the question, then what can be typed; the place (question n of at most m) below."""
    assert reply.probe is not None
    lines = reply.text.split("\n")
    title = fit_title(f"{reply.characteristic} {reply.characteristic_name}",
                      " — in two years" if reply.horizon == "two_years" else "", width - 6)
    place = f"before a level: question {reply.probe_number} of at most {reply.probe_limit}"
    body = Group(Text(reply.probe.question, style="bold"), Text(lines[-1], style="dim"))
    return Panel(body, title=Text(title), subtitle=Text(place), title_align="left", subtitle_align="right",
                 border_style="cyan")
