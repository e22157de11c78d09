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
        console.print(_question_panel(reply))
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


def _question_panel(reply: Reply) -> Panel:
    title = f"{reply.characteristic} {reply.characteristic_name}"
    if reply.horizon == "two_years":
        title += " — in two years"
    lines = reply.text.split("\n")
    where = lines[0][len(f"{reply.characteristic} {reply.characteristic_name}"):].strip()
    after_ladder = len(lines) - 1 - lines[::-1].index(reply.ladder[-1]) if reply.ladder else 1
    between = lines[after_ladder + 1:-1]  # an earlier answer to build on (after back or edit)
    body = Group(
        Text(reply.question or "", style="bold"),
        *(Text(line) for line in reply.ladder),
        *(Text(line, style="italic") for line in between),
        Text(lines[-1], style="dim"),
    )
    return Panel(body, title=title, subtitle=where or None, title_align="left", subtitle_align="right",
                 border_style="blue")
