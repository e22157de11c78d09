"""Rich rendering of interview replies. Text that came from people or engines is never read as markup."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from bot.interview.messages import Reply, ReplyKind

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
        console.print(Panel(Text(reply.text), title=title, title_align="left",
                            border_style="yellow" if abstained else "green"))
    elif reply.kind in (ReplyKind.HELP, ReplyKind.STANDARDS, ReplyKind.COMPLETE):
        titles = {ReplyKind.HELP: "What you can type", ReplyKind.STANDARDS: "Standards that help",
                  ReplyKind.COMPLETE: "Complete"}
        console.print(Panel(Text(reply.text), title=titles[reply.kind], title_align="left", border_style="magenta"))
    else:
        prefix, style = STYLES.get(reply.kind, ("", ""))
        console.print(Text(prefix + reply.text, style=style))


def render_replies(console: Console, replies: list[Reply]) -> None:
    for reply in replies:
        render_reply(console, reply)


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
