"""Plans left uncommitted, exceptions, withdrawn documents and modesty: how a clause's qualifiers read."""

from bot.knowledge import KnowledgeBase
from bot.suggestion.clauses import split_clauses
from bot.suggestion.matching import only_judges_the_topic
from bot.suggestion.qualifiers import Qualifier, qualifiers, says_no_change
from bot.suggestion.words import content_tokens
from tests.support.clause_marks import clause_marks as _marks


def test_nothing_approved_leaves_every_plan_of_the_sentence_before_uncommitted() -> None:
    marks = _marks("We intend to draft a smart city roadmap, and the opposition has it in their programme. "
                   "Nothing has been approved yet.")
    assert Qualifier.UNCOMMITTED in marks["We intend to draft a smart city roadmap"]
    # a lack of one thing ("No budget, no date") is the last plan's only: `clauses.with_plans_left_uncommitted`
    marks = _marks("The open data portal is contracted for 2026. We'd also like a developer hub. No budget, no date.")
    assert Qualifier.UNCOMMITTED not in marks["The open data portal is contracted for 2026."]


def test_nothing_approved_said_before_another_sentence_reaches_no_further_back() -> None:
    marks = _marks("The asset register goes live in March. We want a shared asset policy with the utilities. "
                   "Nothing's been approved.")
    assert Qualifier.UNCOMMITTED not in marks["The asset register goes live in March."]


def test_what_was_just_said_being_the_exception_limits_it() -> None:
    marks = _marks("Two schemes had proper benefit cases. In fairness, those two are the exceptions.")
    assert Qualifier.PARTIAL in marks["Two schemes had proper benefit cases."]
    assert qualifiers("that's the exception rather than the rule") == {Qualifier.PARTIAL}
    # one named exception makes the rest the rule
    assert Qualifier.PARTIAL not in qualifiers("Housing is the exception, it still runs its own system")


def test_a_withdrawn_or_revoked_document_is_no_longer_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("The digital charter was revoked by the new cabinet")
    assert Qualifier.NEGATED in qualifiers("our engagement policy was withdrawn in 2023")


def test_anyone_who_has_talked_about_a_plan_has_not_committed_to_it() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("The chief executive has talked about a partnership board")
    assert Qualifier.UNCOMMITTED in qualifiers("a public dashboard, that's the ambition")


def test_a_plan_said_with_an_adverb_is_still_a_plan() -> None:
    assert Qualifier.FUTURE in qualifiers("In two years we'll definitely have a city-wide business case")


def test_expecting_no_change_is_no_change() -> None:
    assert says_no_change("Two years from now? I wouldn't expect a change.")
    assert says_no_change("We don't anticipate much movement on this.")
    assert not says_no_change("We don't expect the board to meet more often, but the dashboard launches in May.")


def test_a_work_started_then_its_contract_cancelled_is_not_in_place() -> None:
    marks = _marks("A benefits map was started, but the consultant's contract was cancelled in the spring.")
    assert Qualifier.NEGATED in marks["A benefits map was started"]
    # the present is no story: a contract cancelled beside what is in place today denies only itself
    marks = _marks("We have a benefits map, but the consultant's contract was cancelled in the spring.")
    assert Qualifier.NEGATED not in marks["We have a benefits map"]


def test_a_modest_verdict_on_the_topic_states_nothing(kb: KnowledgeBase) -> None:
    characteristic = kb.characteristic("4.5")
    assert only_judges_the_topic(characteristic, set(content_tokens("We're not doing anything special on social "
                                                                    "cohesion.")))
    assert not only_judges_the_topic(characteristic, set(content_tokens("We're not doing any cohesion surveys.")))


def test_a_lead_in_stays_with_the_clause_it_frames() -> None:
    texts = [c.text for c in split_clauses("To be fair, those two are the exceptions.")]
    assert texts == ["To be fair, those two are the exceptions."]


def test_a_thing_we_want_and_it_depends_are_no_commitment() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("we want a public progress portal and a citizens' panel")
    assert Qualifier.UNCOMMITTED not in qualifiers("we want to publish the progress report every quarter")
    marks = _marks("In two years we'll have a public progress portal, it's in our bid to the EU. So honestly it "
                   "depends.")
    assert Qualifier.UNCOMMITTED in marks["In two years we'll have a public progress portal"]


def test_a_plan_that_is_just_talk_is_not_committed() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("A formal partnership with the telcos is just talk for now.")
    assert Qualifier.UNCOMMITTED not in qualifiers("We just talk to residents at the market every week")
