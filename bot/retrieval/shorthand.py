"""Chat shorthand spelt out before a question is matched: "which std covers data mgmt reqs for the govt?"
reads as "which standard covers data management requirements for the government?". The embedder and the
question rules know the words, not the shorthand; the question shown and stored stays as typed."""

from __future__ import annotations

import re

SHORTHAND = {
    "std": "standard", "stds": "standards", "mgmt": "management", "mgt": "management", "req": "requirement",
    "reqs": "requirements", "govt": "government", "dept": "department", "depts": "departments",
    "info": "information", "infra": "infrastructure", "comms": "communications", "org": "organisation",
    "orgs": "organisations", "env": "environmental", "tech": "technology", "svc": "service", "svcs": "services",
    "sust": "sustainable", "dev": "development", "mgr": "manager", "admin": "administration",
    "perf": "performance", "biz": "business", "yr": "year", "yrs": "years", "mtg": "meeting",
    "mtgs": "meetings", "ppl": "people", "w/": "with", "w/o": "without", "b/c": "because",
    "lvl": "level", "lvls": "levels", "diff": "difference", "u": "you", "pls": "please", "plz": "please",
    "atm": "at the moment", "whats": "what's", "thx": "thanks",
}
_SHORTHAND = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(word) for word in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![\w/])",
    re.IGNORECASE,
)


def spelled_out(question: str) -> str:
    """The question with chat shorthand spelt out, everything else as typed."""
    return _SHORTHAND.sub(lambda match: SHORTHAND[match.group(1).lower()], question)
