"""Questions about fields the draft's standards do not cover: a management system for another field ("an energy
management system for our buildings", "a formal information security management system"), or a field of other
standards altogether ("safety rules for lift maintenance", "food hygiene for the market's vendors").

The draft maps two management-system standards: ISO 37101, for sustainable development in communities,
and ISO 18091, for quality management in local government. A management system named for another field
(energy, information security, food safety, road traffic safety, anti-bribery) is another standard's
business, as a question naming that standard's number would be (`bot.retrieval.other_standards`). The
field is read from the words just before "management system" and compared, stem by stem, with the titles
of the knowledge base's management-system standards, so the check follows the knowledge base, not a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.retrieval.embedder import EmbeddedOnce, Embedder, cosine
from bot.retrieval.lexical import tokenize

_MANAGEMENT_SYSTEM = re.compile(r"\bmanagement\s+systems?\b", re.IGNORECASE)
# Certification is to a management system: "certify ... against for information security management?", "certified to
# for environmental management on building sites" name one without the word "system"
_CERTIFIED = re.compile(r"\bcertif(?:y|ied|ies|ication)\b", re.IGNORECASE)
_MANAGEMENT_ENDS = re.compile(r"\bmanagement\b(?=\s*(?:[?.!,;]|$|\s+(?:on|at|for|in|of|across)\b))", re.IGNORECASE)
_WORD = re.compile(r"[\w-]+")
# Words before "management system" that say what kind of system or whose, not what field it manages, and
# where the field's words end
_NOT_A_FIELD = frozenset({
    "a", "an", "the", "our", "their", "its", "my", "your", "this", "that", "one", "any", "some", "proper", "formal",
    "real", "actual", "certified", "certifiable", "iso-style", "iso", "plan-do-check-act", "pdca", "integrated",
    "overall", "single", "new", "own", "whole", "full", "city", "city-wide", "city-level", "citywide", "council",
    "council-wide", "municipal", "community", "communities", "town", "local", "corporate", "organisation",
    "organization", "management-wide", "wide-ranging",
    # what is done with the system, said just before it: "which standard covers anti-bribery management systems"
    "standard", "standards", "guidance", "covers", "cover", "covering", "need", "needs", "want", "wants", "run",
    "runs", "running", "set", "sets", "setting", "implement", "implementing", "certify", "certifying", "adopt",
    "adopting", "introduce", "introducing", "get", "build", "building", "roll", "use", "using", "follow",
    "following", "called", "named", "about",
    # what the system is like, not what it manages: "an auditable management system"
    "auditable", "accountable", "robust", "effective", "practical", "structured", "systematic", "documented",
    "good", "better", "simple", "standardised", "standardized", "recognised", "recognized",
})

# ... nor a word that says what it is like: "certified-style", "ISO-type", "audit-ready", "PDCA-based"
_KIND_OF = re.compile(r"-(?:style|type|like|based|ready|grade|compliant|certified|certifiable|level)$")


def management_system_field(question: str) -> str | None:
    """The field a management system is named for in `question` ("information security", "energy"); `None`
    when no management system is named for a field ("a proper management system", "our management system"). In a
    question about certification, "... for information security management?" names one too."""
    said = "\n".join(line for line in question.splitlines() if not line.lstrip().startswith(">"))  # not a quote
    named = list(_MANAGEMENT_SYSTEM.finditer(said))
    if not named and _CERTIFIED.search(said):
        named = list(_MANAGEMENT_ENDS.finditer(said))
    for match in named:
        words = _WORD.findall(said[: match.start()])
        field: list[str] = []
        for word in reversed(words):
            lowered = word.lower()
            if (lowered in _NOT_A_FIELD or _KIND_OF.search(lowered)
                    or (lowered not in ("and", "&") and not tokenize(word))):
                break
            field.insert(0, word)
        while field and field[0].lower() in ("and", "&"):
            field.pop(0)
        if field:
            return " ".join(field)
    return None


def management_titles(titles: Iterable[str]) -> list[str]:
    """The titles of management-system standards among `titles`."""
    return [title for title in titles if _MANAGEMENT_SYSTEM.search(title)]


def other_field_asked_about(question: str, titles: Iterable[str]) -> str | None:
    """The field of a management system that `question` asks about and none of the knowledge base's
    management-system standards (their `titles`, from `management_titles`) covers; `None` when it names no
    field or a covered one ("sustainability", "quality")."""
    field = management_system_field(question)
    if field is None:
        return None
    covered = {token for title in titles for token in tokenize(title)}
    return None if set(tokenize(field)) & covered else field


# Fields of standardisation far from the model, after the International Classification for Standards (ICS): what
# other standards are for. Fields near the model (sustainability, the environment, infrastructure, energy, water
# and transport, IT architecture, data, management, indicators, services, risk, privacy, assets, maps) are left out,
# so a question about them stays the model's; but the energy management of the council's own buildings (metering,
# audits, certificates) is a building's, not the city's (the city's energy use stays the model's).
FIELDS_OF_OTHER_STANDARDS = (
    "occupational health and safety of workers",
    "information security controls and cybersecurity certification of IT systems and data centres",
    "food safety, food hygiene and catering kitchens",
    "acoustics, noise and vibration measurement methods",
    "lifts, elevators, escalators and machinery safety and maintenance",
    "electrical installations, wiring, plugs and charging connectors",
    "road vehicles, tyres and automotive engineering",
    "railway rolling stock and track engineering",
    "fire safety, fire protection and fire detection in buildings",
    "construction materials, concrete, steel and structural design",
    "playground equipment, sports and leisure equipment safety",
    "laboratory testing and calibration, accreditation of laboratories",
    "medical devices and health care technology",
    "accounting, financial reporting and audit of accounts",
    "anti-bribery, compliance and fraud prevention",
    "textiles, clothing and footwear",
    "agriculture, farming, fisheries and forestry",
    "packaging, labelling and transport of goods",
    "paints, coatings, plastics and chemicals",
    "mining, metals and metallurgy",
    "ships, boats and marine engineering",
    "aircraft, aerospace and drones",
    "welding, pipes, valves, screws and mechanical engineering",
    "photography, image and video technology",
    "date and time formats, country codes, currency codes and language codes",
    "security services, CCTV cameras and intruder alarm systems",
    "web content accessibility success criteria: colour contrast ratios, screen readers, keyboard navigation",
    "toys, furniture and household appliances",
    "banking, insurance and payment cards",
    "nuclear energy and radiation protection",
    "energy management systems, energy audits, metering and energy performance certificates of buildings",
)


class OtherFieldIndex:
    """Cosine similarity of a text to each field of `FIELDS_OF_OTHER_STANDARDS`, embedded once, on first use."""

    def __init__(self, embedder: Embedder, fields: Sequence[str] = FIELDS_OF_OTHER_STANDARDS):
        self._embedder = embedder
        self._fields = tuple(fields)
        self._field_vectors = EmbeddedOnce(embedder, list(self._fields))

    def nearest(self, text: str) -> tuple[str, float] | None:
        """The field nearest to `text` and its similarity; `None` without fields."""
        if not self._fields:
            return None
        query = self._embedder.embed([text])[0]
        vectors = self._field_vectors.vectors()
        scored = [(round(cosine(query, vector), 6), -position) for position, vector in enumerate(vectors)]
        similarity, position = max(scored)
        return self._fields[-position], similarity
