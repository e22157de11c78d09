"""A measured change reported: "flood-related disruption hours are down 40% since 2019", "recycling went from 38%
to 52%".

Each sustainability purpose has a level-4 criterion "There is demonstrable evidence that ... is improving". A clause
that reports a measured change is that evidence, however many topic words it shares with a lower rung ("flood"
with "flood plan"). Not a target ("cut emissions by 50% by 2030"), a plan or a hope: only a change already seen.
"""

from __future__ import annotations

import re

from bot.knowledge.models import Condition

# A figure moved ("down 40%", "fell by a third"); a comparative ("lower", "more") only against a time ("lower than in
# 2019"), not on its own ("more than 40% of residents" is a share, not a change)
_MOVED = (r"(?:down|up|fell|fallen|falling|rose|risen|rising|dropped|reduced|increased|improved|halved|doubled|grew"
          r"|grown|declined|cut)")
_COMPARED = r"(?:lower|higher|fewer|more|less|better|worse)"
_QUANTITY = (r"(?:\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent|percentage\s+points?|points?|pp)"
             r"|by\s+(?:a\s+|about\s+|around\s+|nearly\s+|over\s+)?(?:third|quarter|half|fifth|tenth))")
_SINCE = r"(?:since|on|than(?:\s+in)?|compared\s+(?:to|with))\s+(?:(?:the\s+)?(?:19|20)\d\d|the\s+baseline|last\s+year)"
_MEASURED_CHANGE = re.compile(
    rf"\b{_MOVED}\b[^.;:]{{0,40}}?(?:{_QUANTITY}|\b{_SINCE})|\b{_COMPARED}\b[^.;:]{{0,40}}?\b{_SINCE}"
    rf"|\d+(?:\.\d+)?\s?%\s+(?:down|up|lower|higher|fewer|more|less|reduction|increase|drop|rise|fall|improvement)\b"
    r"|\bfrom\s+\d+(?:\.\d+)?\s?%\s+(?:in\s+(?:19|20)\d\d\s+)?to\s+\d+(?:\.\d+)?\s?%",
    re.IGNORECASE)
# A change aimed at, not seen: "a target to cut emissions 50% by 2030", "we aim for 20% fewer car trips"
_AIMED_AT = re.compile(
    r"\b(?:targets?|aims?|aiming|goals?|ambitions?|by\s+(?:19|20)\d\d|will|would|'ll|plans?|planned|want|hope|projected"
    r"|forecasts?|expected|expect|trajectory|trajectories|pledged?|committed\s+to)\b",
    re.IGNORECASE)
_SHOWS_IMPROVEMENT = re.compile(r"\bevidence\s+that\b.*\bimproving\b", re.IGNORECASE)


def reports_a_measured_change(text: str) -> bool:
    """Whether a clause reports a change already measured (a figure moved, against a year or a baseline)."""
    return bool(_MEASURED_CHANGE.search(text)) and not _AIMED_AT.search(text)


def asks_for_improvement_shown(condition: Condition) -> bool:
    """Whether a criterion asks for demonstrable evidence that things are improving."""
    return bool(_SHOWS_IMPROVEMENT.search(condition.text))
