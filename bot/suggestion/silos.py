"""Each unit doing its own: "each directorate does its own leadership development", "highways keeps its own asset
database", "their own thing", "in silos", "department by department".

Such a clause describes the starting point (level 1: fragmentation), however much it resembles a rung above it
("asset database for all departments"): it evidences no rung above level 1 (`matching.py`), unless that rung is itself
about units on their own (one-stop shops "even where each department still designs and develops its own services").
"""

from __future__ import annotations

import functools
import re

from bot.knowledge.models import Condition

_SILOS = re.compile(
    r"\b(?:(?:each|every|individual)\s(?:[\w-]+\s){0,4}?(?:does|do|doing|did|keeps?|buys?|runs?|manages?|procures?"
    r"|maintains?|holds?|handles?|sets?|picks?|chooses?|uses?|has|have|had|with|builds?|develops?|designs?|writes?"
    r"|makes?|goes|went|sorts?|publish(?:es)?|reports?|collects?|stores?|owns?)\s(?:its|their|his|her)\sown"
    r"|(?:department|dept|team|directorate|service|unit|division|highways|it|agency|organi[sz]ation)s?\s"
    r"(?:[\w-]+\s){0,2}?(?:keeps?|runs?|has|have|does|do|buys?|manages?|maintains?|holds?)\s(?:its|their)\sown"
    r"|(?:its|their)\sown\s(?:thing|way|things)"
    # bits with nothing joining them: "a scatter of projects", "a patchwork of schemes"
    r"|\b(?:scatter|patchwork|hotchpotch|hodgepodge|mish-?mash|jumble)\s+of\b|\bscattered\b"
    # "every assessorato makes the purchases by itself", "each department buys on its own"
    r"|(?:each|every|individual)\s(?:[\w-]+\s){1,6}?(?:by\s(?:itself|themselves)|on\s(?:its|their)\sown)\b"
    r"|separate\s(?:[\w-]+\s){1,3}(?:for|per|in)\s(?:each|every)"
    r"|in\s(?:their\sown\s)?silos|siloed|silos\b"
    r"|(?:department|service|team|directorate)\sby\s(?:department|service|team|directorate)"
    r"|(?:left|up|down)\sto\s(?:each|every|individual)\s"
    # apart, and nothing joining them: "each of those is a separate login", "completely separate processes",
    # "three separate CCTV contracts", "different networks", "the systems don't talk to each other"
    r"|(?:each|every)\s(?:[\w-]+\s){0,4}?(?:is|has|uses?|needs?|with)\s(?:a\s|its\sown\s)?separate\b"
    r"|(?:completely|totally|entirely|all|still|two|three|four|five|six|seven|eight|nine|ten|\d+)\sseparate\b"
    r"|separate\s(?:[\w-]+\s){0,2}?(?:logins|log-ins|systems|databases|forms|processes|contracts|accounts|networks"
    r"|platforms|records|apps|portals|registers)\b"
    r"|different\s(?:networks|systems|platforms|databases|logins|log-ins|registers)\b"
    r"|(?:don't|do\snot|doesn't|does\snot|never|can't|cannot)\s(?:really\s)?(?:talk|speak)\sto\seach\sother"
    r"|(?:nothing|none\sof\s(?:them|it|these|those))\s(?:really\s)?(?:links?|connects?|joins?|ties?)\s"
    # "each built for one department", "every one run by a single team", "held separately in each system"
    r"|(?:each|every)\s(?:[\w-]+\s){0,3}?(?:for|by|in)\s(?:one|a\ssingle)\s(?:department|service|team|directorate|unit)"
    r"|(?:held|kept|stored|managed|run|done|bought)\s(?:[\w-]+\s){0,2}?separately\b"
    # "the risk registers are still directorate ones"
    r"|(?:is|are|'s|'re)\s(?:still\s|all\s|just\s)*(?:directorate|department|departmental|service|team)(?:-level)?\sones\b)",
    re.IGNORECASE)


def describes_silos(text: str) -> bool:
    """Whether a clause says each unit does its own ("highways keeps its own asset database for all of it")."""
    return bool(_SILOS.search(text.replace("’", "'")))


def about_silos(condition: Condition) -> bool:
    """Whether a condition above the start is itself about units on their own: "even where each department still
    designs and develops its own services" (one-stop shops at level 3 of 2.1.2), "has its own budget"."""
    return _texts_about_silos(condition.text, tuple(condition.cues))


@functools.lru_cache(maxsize=1024)
def _texts_about_silos(text: str, cues: tuple[str, ...]) -> bool:
    return any(describes_silos(phrase) for phrase in (text, *cues))
