"""Match the clauses of an answer to the conditions of one characteristic.

A clause evidences a condition when it is close to the condition's text or one of its cues (dense
similarity, or the share of the phrase's informative words it contains) *and* says it with the same
qualifiers: "we don't have KPIs" is close to "kpis for each objective" but counts against it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from bot.knowledge.models import Characteristic, Condition, Family
from bot.suggestion.clauses import Clause, is_topic_lead_in
from bot.suggestion.condition_index import CharacteristicIndex, Phrase, meets_partial_scope
from bot.suggestion.coverage import lexical_coverages
from bot.suggestion.models import Horizon
from bot.suggestion.qualifiers import Qualifier, polarity_agrees, qualifies_against, states_a_problem
from bot.suggestion.scope import clause_qualifiers
from bot.suggestion.silos import about_silos, describes_silos
from bot.suggestion.trends import asks_for_improvement_shown, reports_a_measured_change
from bot.suggestion.tuning import Tuning
from bot.suggestion.words import JUDGEMENT_WORDS, content_tokens

SAID_OF_TODAY = re.compile(r"\b(?:today|right now|at the moment|currently|at present|as of now|as things stand)\b",
                           re.IGNORECASE)


@dataclass(frozen=True)
class ClauseMatch:
    clause: Clause
    phrase: Phrase
    score: float


@dataclass(frozen=True)
class ConditionEvidence:
    """How strongly the answer supports, and contradicts, one condition."""

    condition: Condition
    level: int
    support: ClauseMatch | None
    against: ClauseMatch | None

    @property
    def support_score(self) -> float:
        return self.support.score if self.support else 0.0

    @property
    def against_score(self) -> float:
        return self.against.score if self.against else 0.0


def read_for_horizon(marks: frozenset[Qualifier], horizon: Horizon) -> frozenset[Qualifier]:
    """A clause's qualifiers as they bear on the horizon asked about.

    Now, a plan is not in place ("we will publish" denies "is published") and a coming loss is not a loss
    yet. In two years, a committed plan is what will be in place, a hope ("we'd like to", "if the bid
    comes through") still is not, and a coming loss ("the grant ends in 2026") denies what it ends.
    """
    if horizon == Horizon.NOW:
        return marks - {Qualifier.LOSS, Qualifier.UNCOMMITTED}
    if Qualifier.LOSS in marks:
        return (marks - {Qualifier.LOSS, Qualifier.FUTURE, Qualifier.UNCOMMITTED}) | {Qualifier.NEGATED}
    if Qualifier.UNCOMMITTED in marks:
        return marks - {Qualifier.UNCOMMITTED}
    return marks - {Qualifier.FUTURE}


def only_names_the_topic(characteristic: Characteristic, clause_words: set[str]) -> bool:
    """Whether a clause's words are all words of the characteristic's name ("Digital inclusion", "IT
    assets..."): it says what the answer is about, and nothing of where the city stands."""
    return bool(clause_words) and clause_words <= _name_words(characteristic.name)


def only_judges_the_topic(characteristic: Characteristic, clause_words: set[str]) -> bool:
    """Whether a clause only judges the topic ("we're not very good at the attractiveness stuff", "we're not very
    techy"): a verdict on itself, which says nothing of what is in place; worth a probe, not a level."""
    judged = clause_words & JUDGEMENT_WORDS
    return bool(judged) and judged != {"we're"} and clause_words <= JUDGEMENT_WORDS | _name_words(characteristic.name)


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][\w'’-]*")


def without_names(text: str, words: set[str], vocabulary: Mapping[str, float]) -> set[str]:
    """A clause's words without the names in it that the model never uses: "Digital inclusion, Tennby" names the
    topic and a city, and says no more of it than "Digital inclusion"."""
    names = {token for word in _CAPITALISED.findall(text) for token in content_tokens(word) if token not in vocabulary}
    return words - names


@functools.lru_cache(maxsize=64)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(content_tokens(name))


GENERIC_NAME_WORD = 3  # a word in this many of the 31 names ("city", "management") names no topic of its own


def distinctive_name_words(names: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """By key, the words of each name that few other names share: "ict" and "architecture" of "Open,
    service-oriented, city-wide IT architecture", not "city" or "wide"."""
    counts = Counter(word for name in names.values() for word in _name_words(name))
    # short words ("one" of one-stop, "use", "re" of re-use) name nothing on their own; "ict" is "IT"
    return {key: frozenset(word for word in _name_words(name)
                           if counts[word] < GENERIC_NAME_WORD and (len(word) > 3 or word == "ict"))
            for key, name in names.items()}


def match_conditions(
    index: CharacteristicIndex,
    clauses: list[Clause],
    clause_vectors: np.ndarray,
    tuning: Tuning,
    horizon: Horizon = Horizon.NOW,
) -> list[ConditionEvidence]:
    """For every condition of the characteristic, the best supporting and contradicting clause, read for
    the horizon asked about (`read_for_horizon`)."""
    best_for: dict[str, ClauseMatch] = {}
    best_against: dict[str, ClauseMatch] = {}
    if clauses:
        dense = clause_vectors @ index.vectors.T  # clauses x phrases
        name_similarity = (clause_vectors @ index.name_vector).tolist()
        for i, (clause, marks) in enumerate(zip(clauses, clause_qualifiers(clauses), strict=True)):
            if is_topic_lead_in(clause, clauses[i + 1] if i + 1 < len(clauses) else None):
                continue
            if Qualifier.UNSURE in marks:
                continue  # "I can't say yet whether they handle risks well" is no evidence either way
            if horizon == Horizon.TWO_YEARS and SAID_OF_TODAY.search(clause.text):
                continue  # "no map of our tech today": the level now, which the two-year question starts from
            words = set(content_tokens(clause.said))
            said = without_names(clause.said, words, index.idf)
            if only_names_the_topic(index.characteristic, said) or only_judges_the_topic(index.characteristic, said):
                continue  # "Digital inclusion – we do what we can": naming or judging the topic states nothing of it
            supports, denials = _match_one_clause(index, clause, read_for_horizon(marks, horizon), words, dense[i],
                                                  name_similarity[i], tuning)
            _keep_best(best_for, supports)
            _keep_best(best_against, denials)
    evidence = []
    for level in index.characteristic.levels:
        for condition in level.conditions:
            evidence.append(
                ConditionEvidence(condition, level.level, best_for.get(condition.id), best_against.get(condition.id))
            )
    return evidence


def _keep_one_side_of_the_floor(agree: dict[str, ClauseMatch]) -> None:
    """Level 1 describes the starting point (absence, fragmentation): one clause cannot evidence both
    it and a higher level. Keep whichever side the clause matches better."""
    floor = max((m.score for m in agree.values() if m.phrase.level == 1), default=0.0)
    above = max((m.score for m in agree.values() if m.phrase.level > 1), default=0.0)
    for key in [k for k, m in agree.items() if (m.phrase.level == 1) == (floor < above)]:
        del agree[key]


def _score_phrases(
    index: CharacteristicIndex, marks: frozenset[Qualifier], words: set[str], dense_row: np.ndarray,
    name_similarity: float, tuning: Tuning, problem_stated: bool = False,
) -> tuple[dict[str, tuple[float, bool, Phrase]], dict[str, tuple[float, Phrase]]]:
    """The best phrase of each condition for one clause, by condition id: those the clause agrees with
    (score, literal, phrase) and those its qualifiers go against (score, phrase). `literal`: every
    informative word of the phrase is in the clause. `name_similarity`: the clause's to the characteristic's
    name (`_only_names_the_purpose`). `problem_stated`: the clause says a problem is there ("the gaps are big"),
    which goes against a condition saying none is left."""
    agree: dict[str, tuple[float, bool, Phrase]] = {}
    disagree: dict[str, tuple[float, Phrase]] = {}
    beginning = marks - {Qualifier.PARTIAL} if Qualifier.NEGATED not in marks and Qualifier.FUTURE not in marks \
        else marks
    lexical_of = lexical_coverages(index.words, words)
    similarity = dense_row.tolist()
    lexical_weight, blend, text_weight = tuning.lexical_weight, tuning.blend, tuning.condition_text_weight
    purpose = index.characteristic.family == Family.PURPOSE
    name_words = _name_words(index.characteristic.name)
    for j, phrase in enumerate(index.phrases):
        if phrase.narrow_start:
            clause_marks = marks - {Qualifier.PARTIAL}  # "only" is no shortfall of a starting point that is narrow
        else:
            clause_marks = beginning if phrase.partial_scope and not phrase.whole_scope else marks
        agrees, goes_against = _polarity(clause_marks, phrase.marks)
        if problem_stated and phrase.no_problem_left:
            agrees, goes_against = False, True
        if not (agrees or goes_against):
            continue
        lexical = lexical_of.get(j, 0.0)
        score = round(max(similarity[j], lexical_weight * lexical) + blend * lexical, 4)
        if not phrase.is_cue:
            score = round(score * text_weight, 4)
        if purpose and _only_names_the_purpose(phrase, words, similarity[j], name_similarity, name_words, tuning):
            score = min(score, round(tuning.strong_support - BELOW_FIRM, 4))
        key = phrase.condition.id
        if agrees:
            if key not in agree or score > agree[key][0]:
                agree[key] = (score, bool(phrase.words) and phrase.words <= words, phrase)
        elif key not in disagree or score > disagree[key][0]:
            disagree[key] = (score, phrase)
    return agree, disagree


def _only_names_the_purpose(phrase: Phrase, words: set[str], similarity: float, name_similarity: float,
                            name_words: frozenset[str], tuning: Tuning) -> bool:
    """Whether a clause resembles a phrase above the starting point only as far as it names the purpose: it
    shares no word with the phrase but the purpose's name, and is hardly closer to the phrase than to the name
    itself ("Lots of wellbeing initiatives" is near "wellbeing plan" because of "wellbeing"; "Social cohesion is
    massive for us!!" is nearer the name than any plan). Saying the city cares about wellbeing is no sign of a
    wellbeing plan: such a match is loose, never firm, and worth a question. Only for the sustainability purposes,
    whose names are topics; an enabler's name is a practice ("one-stop service"), and naming it says something."""
    return (phrase.level > 1 and not (phrase.words & words) - name_words
            and similarity - name_similarity < tuning.purpose_name_margin)


@functools.lru_cache(maxsize=256)
def _polarity(clause_marks: frozenset[Qualifier], phrase_marks: frozenset[Qualifier]) -> tuple[bool, bool]:
    """Whether a clause with these qualifiers agrees with a phrase with those, and whether it goes against it."""
    return polarity_agrees(clause_marks, phrase_marks), qualifies_against(clause_marks, phrase_marks)


def _match_one_clause(
    index: CharacteristicIndex, clause: Clause, marks: frozenset[Qualifier], words: set[str], dense_row: np.ndarray,
    name_similarity: float, tuning: Tuning,
) -> tuple[dict[str, ClauseMatch], dict[str, ClauseMatch]]:
    """What one clause supports and what it denies, by condition id.

    A clause evidences the conditions it is most about, not everything it vaguely resembles; but a phrase
    it contains word for word is evidence however much the clause also says ("a published vision with
    outcome targets aligned with the SDGs" evidences the vision, the targets and the SDG alignment).
    A qualified clause counts against a condition only when that condition is what it is about; a denial
    that matches the starting point ("there's no channel strategy") is about the level-2 fact it denies.
    """
    scored, against = _score_phrases(index, marks, words, dense_row, name_similarity, tuning,
                                     index.no_problem_left and Qualifier.NEGATED not in marks
                                     and states_a_problem(clause.text))
    if not marks & _NOT_SEEN and reports_a_measured_change(clause.text):
        scored.update(_improvement_shown(index, scored, tuning))
    agree = {key: ClauseMatch(clause, phrase, score) for key, (score, _, phrase) in scored.items()}
    if describes_silos(clause.text):
        agree = {key: m for key, m in agree.items() if m.phrase.level == 1 or about_silos(m.phrase.condition)}
        if not marks & _NOT_SEEN:
            for key, match in _fragmentation_said(index, clause, agree, tuning).items():
                agree[key] = match
                scored[key] = (match.score, False, match.phrase)
    _keep_one_side_of_the_floor(agree)
    best_agree = max((m.score for m in agree.values()), default=0.0)
    supports = {key: match for key, match in agree.items()
                if match.score >= tuning.support_threshold
                and (match.score + tuning.support_margin >= best_agree or scored[key][1])}
    supports = _loose_when_diffuse(supports, {key for key in supports if not scored[key][1]}, tuning)
    disagree = {key: ClauseMatch(clause, phrase, score) for key, (score, phrase) in against.items()}
    reference = max([m.score for m in agree.values() if m.phrase.level > 1] + [m.score for m in disagree.values()],
                    default=0.0)
    denials = {key: match for key, match in disagree.items()
               if match.score >= tuning.against_threshold and match.score + tuning.against_margin >= reference
               and not (key in agree and agree[key].score >= match.score)
               and not _evidences_a_rung_above(supports, match)}
    denials.update(_absence_of_the_first_rung(supports, disagree, marks, tuning))
    for key, match in (_artefact_denied(index, clause, marks, agree, tuning)
                       | _publicity_denied(index, clause, tuning) | _partners_denied(index, clause, tuning)).items():
        if key not in denials or denials[key].score < match.score:
            denials[key] = match
    if _INTERNAL_ONLY.search(clause.text.replace("’", "'")):  # "it's internal only": what the public lacks, no more
        denials = {key: match for key, match in denials.items()
                   if match.phrase.level == 5 or _SEEN_OUTSIDE.search(match.phrase.text)}
    # a limit a rung still has ("design of services remains the responsibility of individual business units") is not
    # what the rung requires: denying it ("organised around life events, not around departments") is no shortfall
    denials = {key: match for key, match in denials.items() if not _A_LIMIT_REMAINS.search(match.phrase.condition.text)}
    # "most systems don't talk to each other": some may, as beginnings do
    if Qualifier.NEGATED in marks and _MOST.search(clause.text):
        denials = {key: match for key, match in denials.items()
                   if not meets_partial_scope(match.phrase.condition, match.phrase.level)
                   or _MOST_ASKED.search(match.phrase.condition.text)}  # ... unless most is what the rung asks
    if Qualifier.NEGATED in marks and _MODEST.search(clause.text):  # only the top of the ladder is denied
        supports = {key: match for key, match in supports.items() if match.phrase.level != 1}
        denials = {key: match for key, match in denials.items() if match.phrase.level >= GAP_AT_THE_TOP}
    return _not_the_start_when_the_top_is_denied(supports, denials), denials


_NOT_SEEN = frozenset({Qualifier.NEGATED, Qualifier.FUTURE, Qualifier.UNSURE, Qualifier.UNCOMMITTED})


# The starting point as fragmentation: "managed in silos", "ad hoc and fragmented", "only at the level of individual
# city business units", "purchased independently by each city business unit"
_FRAGMENTATION = re.compile(r"\b(?:silos|fragmented|individual\s+(?:city\s+)?business\s+units|independently\s+by\s+each"
                            r"|separately\s+for\s+each|mish-mash)\b", re.IGNORECASE)
# how far over `Tuning.support_threshold` a description of silos evidences such a criterion: loosely, never firmly
FRAGMENTATION_SAID = 0.065


def _fragmentation_said(index: CharacteristicIndex, clause: Clause, agree: dict[str, ClauseMatch],
                        tuning: Tuning) -> dict[str, ClauseMatch]:
    """A clause that describes silos ("it's all separate pots doing separate things") evidences the level-1 criterion
    that says the start is fragmentation, however little its words resemble it: loosely, never firmly."""
    score = round(tuning.support_threshold + FRAGMENTATION_SAID, 4)
    return {phrase.condition.id: ClauseMatch(clause, phrase, score) for phrase in index.phrases
            if phrase.level == 1 and not phrase.is_cue and _FRAGMENTATION.search(phrase.text)
            and (phrase.condition.id not in agree or agree[phrase.condition.id].score < score)}


def _evidences_a_rung_above(supports: dict[str, ClauseMatch], denial: ClauseMatch) -> bool:
    """Whether the clause evidences, at least as closely, a rung above the one it would deny. The rungs are
    cumulative, so one clause cannot say both: "smart change isn't the digital team's thing any more" agrees with
    level 4 ("not seen as the responsibility of a central team") and so does not deny level 2's central focus; so does
    a change away from a lower rung said as a higher rung says it ("smart change isn't a central-team thing any more"
    and "not seen as the digital team's thing any more"), however much closer the lower rung's words are."""
    return denial.phrase.level > 1 and any(
        m.phrase.level > denial.phrase.level
        and (m.score >= denial.score or (_moved_on_from(m.phrase) and bool(_NO_LONGER.search(denial.clause.text))))
        for m in supports.values())


_NO_LONGER = re.compile(r"\b(?:any\s?more|no\s+longer)\b", re.IGNORECASE)


def _moved_on_from(phrase: Phrase) -> bool:
    return Qualifier.NEGATED in phrase.marks and bool(_NO_LONGER.search(phrase.text))


def _improvement_shown(index: CharacteristicIndex, scored: dict[str, tuple[float, bool, Phrase]],
                       tuning: Tuning) -> dict[str, tuple[float, bool, Phrase]]:
    """A measured change reported (`trends`) firmly evidences the criterion asking for evidence of improvement,
    as if it said it word for word: it is what the clause is about, whatever topic words it shares with a lower
    rung."""
    found: dict[str, tuple[float, bool, Phrase]] = {}
    for phrase in index.phrases:
        key = phrase.condition.id
        if not phrase.is_cue and asks_for_improvement_shown(phrase.condition):
            found[key] = (max(scored[key][0] if key in scored else 0.0, tuning.strong_support), True, phrase)
    return found


_A_LIMIT_REMAINS = re.compile(r"\bremains?\s+the\s+responsibility\s+of\b", re.IGNORECASE)
# A denial of most, not of all: "Most systems were bought department by department and don't talk to each other"
# leaves room for the few examples of sharing that beginnings (level 2) describe
_MOST = re.compile(r"(?<!\bthe\s)(?<!\bat\s)\b(?:most|many|the\s+majority)\b(?:\s+(?:of\s+)?[\w'-]+){0,8}?"
                   r"\s+(?:\w+n't|not|never|lacks?|without)\b",
                   re.IGNORECASE)
_MOST_ASKED = re.compile(r"\bmost\b", re.IGNORECASE)


# Modesty: "we don't have a design lab or anything fancy like the big cities", "nothing clever", "we're not one of
# those flashy sensor cities". What is denied is what the speaker thinks of as advanced: no sign of the starting point.
_MODEST = re.compile(r"\b(?:fancy|clever|sophisticated|cutting[-\s]edge|hi-?tech|high[-\s]tech|flashy|shiny|whizzy"
                     r"|bells\s+and\s+whistles|like\s+the\s+big\s+cities|big[-\s]city)\b", re.IGNORECASE)


GAP_AT_THE_TOP = 4  # a denial of a condition of this level or above names the gap at the top of the ladder


def _not_the_start_when_the_top_is_denied(supports: dict[str, ClauseMatch],
                                          denials: dict[str, ClauseMatch]) -> dict[str, ClauseMatch]:
    """A clause that denies a condition at the top of the ladder more closely than it resembles the starting point
    ("no ongoing dialogue space between stakeholders themselves" under a formal engagement programme) names the gap
    above where the speaker stands: it is no sign of level 1 ("no stakeholder plan"), whatever its negation."""
    top = max((m.score for m in denials.values() if m.phrase.level >= GAP_AT_THE_TOP), default=0.0)
    floor = max((m.score for m in supports.values() if m.phrase.level == 1), default=0.0)
    if not floor or top <= floor:
        return supports
    return {key: match for key, match in supports.items() if match.phrase.level != 1}


# A governance artefact denied outright: "there's no policy behind it", "nobody ever signed off a plan", "we
# don't have a formal strategy", "there's no overall strategy or priorities", "no governance or benchmarking"; not a
# compound naming something narrower ("no delivery plan", "no board papers")
_ARTEFACT = (r"(?:polic(?:y|ies)|strateg(?:y|ies)|plans?|frameworks?|boards?|budgets?|targets?|baselines?|roadmaps?"
             r"|process(?:es)?|priorit(?:y|ies)|governance|benchmarking)")
_NEGATED_ARTEFACT = re.compile(
    r"\b(?:no|not\s+(?:a|any)|without(?:\s+(?:a|any))?|(?:signed\s+off|agreed|adopted|written|set|published)\s+(?:a|any)"
    r"|isn't\s+(?:a|any)|there's\s+no|(?:don't|doesn't)\s+have\s+(?:a|any)|never\s+had\s+(?:a|any))\s+"
    r"(?:(?:formal|real|proper|written|official|agreed|city-?wide|overall|single|clear|actual|corporate|council-?wide)"
    r"\s+){0,2}"
    rf"({_ARTEFACT}(?:\s+(?:or|and|nor)\s+(?:any\s+)?{_ARTEFACT})?)\b"
    r"(?!\s*-?\s*(?:owner|team|member|meeting|paper|document|line)s?\b)",
    re.IGNORECASE,
)
# how far over `Tuning.against_threshold` such a denial scores: a denial, not a firm one, but more than a loose match
# (`BELOW_FIRM`): "No public dashboard" outweighs a partnership's name that only loosely resembles level 5
ARTEFACT_DENIAL = 0.065


def _artefact_denied(index: CharacteristicIndex, clause: Clause, marks: frozenset[Qualifier],
                     agree: dict[str, ClauseMatch], tuning: Tuning) -> dict[str, ClauseMatch]:
    """A denial of a governance artefact ("there's no policy behind it", "nobody signed off a plan") denies the
    lowest rung whose criteria name that artefact, however loosely the rest of the clause resembles them: the
    pronoun or the missing topic word ("no policy requiring it for all major developments") is what keeps
    the clause from matching the criterion's own words. Not when the clause firmly evidences a rung above the
    starting point (it is about that), nor for a plan ("there's no policy yet, it goes to cabinet in May")."""
    if Qualifier.NEGATED not in marks or Qualifier.FUTURE in marks:
        return {}
    found = _NEGATED_ARTEFACT.search(clause.text.replace("’", "'"))
    if found is None:
        return {}
    if max((m.score for m in agree.values() if m.phrase.level > 1), default=0.0) >= tuning.strong_support:
        return {}  # firmly about a rung above the starting point: that is what it says
    named = set(content_tokens(found.group(1)))
    criteria = [phrase for phrase in index.phrases if not phrase.is_cue and phrase.level >= 2 and phrase.words & named]
    if not criteria:
        return {}
    lowest = min(phrase.level for phrase in criteria)
    score = round(tuning.against_threshold + ARTEFACT_DENIAL, 4)
    return {phrase.condition.id: ClauseMatch(clause, phrase, score) for phrase in criteria if phrase.level == lowest}


def _absence_of_the_first_rung(supports: dict[str, ClauseMatch], disagree: dict[str, ClauseMatch],
                               marks: frozenset[Qualifier], tuning: Tuning) -> dict[str, ClauseMatch]:
    """A denial that firmly says the starting point ("no one has set KPIs for the city vision" is a level-1 cue)
    also denies the level-2 fact it is the absence of: the condition the clause goes against most closely, when
    that is a level-2 one, with the strength of the level-1 match."""
    if Qualifier.NEGATED not in marks or not disagree:
        return {}
    floor = max((m.score for m in supports.values() if m.phrase.level == 1), default=0.0)
    closest = max(disagree.values(), key=lambda m: m.score)
    if floor < tuning.strong_support or closest.phrase.level != 2 or closest.score < tuning.topic_threshold:
        return {}
    return {closest.phrase.condition.id: ClauseMatch(closest.clause, closest.phrase, max(closest.score, floor))}


DIFFUSE_LEVELS = 3  # a clause resembling conditions of this many levels alike is about the topic, not one rung
BELOW_FIRM = 0.01  # how far under `Tuning.strong_support` such a clause's matches are held: loose, never firm


def _loose_when_diffuse(supports: dict[str, ClauseMatch], resembled: set[str],
                        tuning: Tuning) -> dict[str, ClauseMatch]:
    """A clause that only resembles (`resembled`: no cue word for word) conditions of three or more levels
    about as closely ("Services here are designed by the service managers" is near a design standard, service
    audits and personalised services) says something of the topic, not which rung is in place: it evidences
    each of them loosely, never firmly, so it bridges nothing and stays open to a probe."""
    if len({supports[key].phrase.level for key in resembled}) < DIFFUSE_LEVELS:
        return supports
    loose = tuning.strong_support - BELOW_FIRM
    return {key: ClauseMatch(m.clause, m.phrase, min(m.score, loose)) if key in resembled else m
            for key, m in supports.items()}


def _keep_best(best: dict[str, ClauseMatch], found: dict[str, ClauseMatch]) -> None:
    for key, match in found.items():
        if key not in best or match.score > best[key].score:
            best[key] = match


# What is there, kept inside: "None of this is public yet, it's internal only" (not "we don't publish X", a denial)
_INSIDE_ONLY = (r"internal(?:ly)?[-\s]only|only\s(?:used\s)?internal(?:ly)?|(?:all|only)\s+internal"
                r"|internal\s+for\s+now|for\s+internal\s+use|in-house\s+only|behind\s+the\s+firewall")
_INTERNAL_ONLY = re.compile(rf"\b(?:{_INSIDE_ONLY})\b", re.IGNORECASE)
# Something kept from the public: "it's internal only", "all internal for now", "we don't publish those numbers",
# "citizens can't see any of it", "behind the firewall"
_KEPT_INTERNAL = re.compile(
    rf"\b(?:{_INSIDE_ONLY}|not\s+public(?:ly)?|isn't\s+public"
    r"|(?:don't|doesn't|do\s+not|never|haven't|hasn't)\s+(?:yet\s+)?publish|not\s+(?:yet\s+)?published"
    r"|no\s+public\s+(?:version|dashboard|report)|(?:citizens|residents|the\s+public|public)\s+(?:can't|cannot|don't"
    r"|do\s+not)\s+see"
    # "Making it public isn't planned", "no plans to publish it"
    r"|(?:making|to\s+make)\s+(?:it|them|this|these|those|the\s+[\w-]+)\s+public\s+(?:isn't|is\s+not|wasn't|hasn't|has\s+not)"
    r"|no\s+plans?\s+to\s+(?:make\s+(?:it|them|this|these|those|the\s+[\w-]+)\s+public|publish))\b",
    re.IGNORECASE,
)
# The city's other organisations left out: "the hospital and the uni aren't involved", "partners have no visibility of
# any of it", "it's council-only"
_OTHERS = (r"(?:partners?|other\s+(?:organi[sz]ations|bodies|agencies|players|partners|providers|owners)|outside\s+"
           r"(?:organi[sz]ations|partners|bodies)|hospitals?|universit(?:y|ies)|uni|police|health\s+(?:board|trust)s?"
           r"|housing\s+associations?|utilit(?:y|ies)|businesses|the\s+private\s+sector|(?:bus|transport)\s+operators?)")
_OTHERS_LEFT_OUT = re.compile(
    rf"\b{_OTHERS}\b[^.;]{{0,60}}?\b(?:(?:aren't|are\s+not|weren't|were\s+not|isn't|is\s+not|haven't\s+been|have\s+not"
    r"\s+been|not|never\s+been)\s+(?:yet\s+|really\s+|formally\s+)?(?:involved|included|part\s+of|signed\s+up|on\s+board"
    r"|at\s+the\s+table|engaged|in\s+it)|(?:have|has)\s+no\s+(?:visibility|say|access|part|role))\b"
    r"|(?<!not\s)(?<!not\sa\s)(?<!n't\s)(?<!n't\sa\s)\b(?:council|administration|authority)[-\s]only\b"
    r"|\bno\s+(?:outside\s+)?partners\b"
    # "it's run entirely by the council", "they get grants or contracts, they're not partners in delivering it"
    r"|\b(?:run|led|delivered|done|owned|managed)\s+(?:entirely|solely|wholly|purely|only)\s+by\s+(?:the\s+)?"
    r"(?:council|administration|city|us)\b"
    r"|\b(?:(?:they're|they\s+are|are)\s+(?:really\s+)?not|(?:they\s+)?aren't)\s+(?:really\s+)?partners\s+in\b"
    # what the administration has, not opened to the others: "it isn't opened up to other IT users in the city, like
    # the university", "we haven't brought the water company or the hospital trust into it"
    r"|\b(?:isn't|is\s+not|aren't|are\s+not|not|never|hasn't\s+been|haven't\s+been)\s+(?:yet\s+|really\s+)?"
    r"(?:been\s+)?(?:opened(?:\s+up)?|extended|made\s+available|available|open)\s+(?:up\s+)?to\s+(?:the\s+|any\s+)?"
    r"(?:other|outside|external|wider)\b(?!\s+(?:departments?|services?|teams?|directorates?|units?|staff|officers"
    r"|parts\s+of\s+the\s+council))"
    rf"|\b(?:haven't|hasn't|have\s+not|has\s+not|never|didn't|did\s+not)\s+(?:yet\s+)?(?:brought|invited|involved"
    rf"|included|signed\s+up|got)\s+(?:in\s+)?(?:the\s+|our\s+|any\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_OTHERS}"
    r"|company|trust|operators?|providers?)\b",
    re.IGNORECASE,
)
_PARTNERSHIP = re.compile(r"\b(?:partners?|partnership|cross-sectoral|other\s+major|public\s+and\s+private"
                          r"|public,\s+private|city\s+organisations|across\s+the\s+city's)\b", re.IGNORECASE)


def _partners_denied(index: CharacteristicIndex, clause: Clause, tuning: Tuning) -> dict[str, ClauseMatch]:
    """The city's other organisations left out ("the hospital and the uni aren't involved", "it's council-only")
    denies the level-5 conditions of a partnership across the city ("a strong partnership with other major service
    providers", "all major data users and suppliers across the city's data ecosystem"), however little the clause
    resembles them: it names the gap above what the administration does alone. Only the criteria's own words
    decide which conditions (a cue's "partners on the board" is no partnership across the city)."""
    return _level_five_denied(index, clause, tuning, _OTHERS_LEFT_OUT, _PARTNERSHIP, cues=False)


_SEEN_OUTSIDE = re.compile(r"\b(?:public|publish\w*|publication|transparen\w*|citizens|residents|anyone|everyone"
                           r"|can\s+see|open)\b", re.IGNORECASE)
_PUBLIC = re.compile(r"\b(?:public(?:ly)?|publish(?:ed|es|ing)?|anyone|everyone|can\s+see)\b(?![-\s]private)",
                     re.IGNORECASE)


def _publicity_denied(index: CharacteristicIndex, clause: Clause, tuning: Tuning) -> dict[str, ClauseMatch]:
    """Something kept from the public ("it's all internal for now", "we don't publish those numbers") denies the
    level-5 conditions that speak of the public ("regular public reporting of progress", cues such as "citizens can
    see the kpis"), however little the clause resembles them: it names the gap above an internal practice."""
    return _level_five_denied(index, clause, tuning, _KEPT_INTERNAL, _PUBLIC, cues=True)


def _level_five_denied(index: CharacteristicIndex, clause: Clause, tuning: Tuning, gap: re.Pattern[str],
                       speaks_of: re.Pattern[str], *, cues: bool) -> dict[str, ClauseMatch]:
    """The level-5 phrases that `speaks_of` (criteria, and cues if `cues`) denied by a clause that names the `gap`:
    a denial, not a firm one, as an artefact's (`ARTEFACT_DENIAL`)."""
    if not gap.search(clause.text.replace("’", "'")):
        return {}
    score = round(tuning.against_threshold + ARTEFACT_DENIAL, 4)
    return {phrase.condition.id: ClauseMatch(clause, phrase, score) for phrase in index.phrases
            if phrase.level == 5 and (cues or not phrase.is_cue) and speaks_of.search(phrase.text)}
