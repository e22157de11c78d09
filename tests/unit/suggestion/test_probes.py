"""Evidence probes: the engine asks about the rung it is unsure of, never about what was said, and reads
the reply. With the model-free hashing embedder (word matches only)."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.retrieval.embedder import HashingEmbedder
from bot.suggestion.default_engine import DefaultSuggestionEngine
from bot.suggestion.models import Horizon, ProbeAnswer, ProbeExchange, Suggestion, SuggestionContext

VISION = "We have a published vision from 2020 with outcome targets for jobs and emissions aligned with the SDGs."


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> DefaultSuggestionEngine:
    return DefaultSuggestionEngine(kb, HashingEmbedder())


def answered(engine: DefaultSuggestionEngine, characteristic: str, opening: str,
             replies: dict[int, str], limit: int = 3) -> tuple[Suggestion, list[int]]:
    """Suggest, then answer each probe from `replies` by its level, as the interview does."""
    exchanges: list[ProbeExchange] = []
    result = engine.suggest(characteristic, opening)
    while result.probe is not None and len(exchanges) < limit:
        exchanges.append(ProbeExchange(probe=result.probe, reply=replies[result.probe.level]))
        result = engine.suggest(characteristic, opening, SuggestionContext(exchanges=exchanges))
    return result, [e.probe.level for e in exchanges]


def test_an_unsettled_level_comes_with_one_probe_about_one_level(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("1.1.1", VISION)
    assert result.level is not None and result.probe is not None
    assert result.probe.question.endswith("?")
    assert result.probe.conditions and all(engine.kb.has_entry(c) for c in result.probe.conditions)
    assert {c.split("/")[1] for c in result.probe.conditions} == {str(result.probe.level)}
    assert not result.settled


def test_what_was_just_said_is_never_asked(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("1.1.1", VISION)
    said = {e.criterion for e in result.evidence}
    assert {"1.1.1/3/a", "1.1.1/3/b"} <= said
    assert result.probe is not None and not set(result.probe.conditions) & said


def test_the_same_facts_in_one_sentence_or_three_read_alike(engine: DefaultSuggestionEngine) -> None:
    three = ("We have a published vision from 2020. It sets outcome targets for jobs and emissions. "
             "They are aligned with the SDGs.")
    assert engine.suggest("1.1.1", VISION).level == engine.suggest("1.1.1", three).level == 3


def test_replies_settle_the_level_within_three_probes(engine: DefaultSuggestionEngine) -> None:
    replies = {1: "No, we're past that.", 2: "Yes.", 3: "Yes.", 4: "Yes, the board reviews the KPIs quarterly.",
               5: "Not yet - the public dashboard is planned for 2027."}
    result, asked = answered(engine, "1.1.1", VISION, replies)
    assert result.level == 4 and 1 <= len(asked) <= 3
    assert len(set(asked)) == len(asked)  # never the same level twice
    assert "planned for 2027" in result.rationale or "Yes, the board" in result.rationale


def test_a_no_to_a_lower_rung_caps_the_level(engine: DefaultSuggestionEngine) -> None:
    opening = "There's a quarterly performance review of our KPIs by the management team."
    replies = {1: "No.", 2: "No - honestly nothing is published, it's all internal.", 3: "No.",
               4: "No, only some of them.", 5: "No."}
    result, asked = answered(engine, "1.1.1", opening, replies)
    assert 2 in asked or 3 in asked
    assert result.level is not None and result.level <= 2


def test_two_replies_settle_a_level_they_make_very_likely_unless_the_rung_between_a_yes_and_a_no_is_left() -> None:
    from bot.suggestion.reading import settled_by_two_replies
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    yes, no = ProbeAnswer.YES, ProbeAnswer.NO
    likely = tuning.settled_after_two_replies
    assert settled_by_two_replies(likely, 2, {4: yes, 5: no}, tuning)  # a yes to 4 stands on 2 and 3
    assert not settled_by_two_replies(likely - 0.01, 2, {4: yes, 5: no}, tuning)
    assert not settled_by_two_replies(likely, 3, {2: yes, 4: no}, tuning)  # rung 3's answer is the level itself
    assert not settled_by_two_replies(0.99, 3, {4: no}, tuning)  # one reply is not two


def test_a_button_answer_needs_no_words(engine: DefaultSuggestionEngine) -> None:
    first = engine.suggest("1.1.1", VISION)
    assert first.probe is not None
    context = SuggestionContext(exchanges=[ProbeExchange(probe=first.probe, answer=ProbeAnswer.NO)])
    after = engine.suggest("1.1.1", VISION, context)
    assert after.level is not None and after.level < first.probe.level


def test_something_said_for_an_earlier_characteristic_is_not_asked_again(engine: DefaultSuggestionEngine) -> None:
    alone = engine.suggest("1.1.1", VISION)
    assert alone.probe is not None
    earlier = [f"For the strategy we have {c}." for c in alone.probe.conditions]
    earlier = ["The management team monitors KPIs for each objective in a quarterly performance review."]
    context = SuggestionContext(earlier_answers=earlier)
    with_context = engine.suggest("1.1.1", VISION, context)
    assert with_context.probe is None or with_context.probe.level != 4 or not (
        {"1.1.1/4/a", "1.1.1/4/b"} & set(with_context.probe.conditions))


def test_the_two_year_question_reads_committed_plans_as_evidence(engine: DefaultSuggestionEngine) -> None:
    plans = ("By 2027 we will have KPIs for each objective, and the management team will run a quarterly "
             "performance review; it is budgeted and approved.")
    now = engine.suggest("1.1.1", VISION + " " + plans)
    later = engine.suggest("1.1.1", VISION + " " + plans, SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=3))
    assert later.horizon == Horizon.TWO_YEARS and now.horizon == Horizon.NOW
    assert now.level == 3 and later.level == 4


def test_hopes_are_not_plans_in_two_years(engine: DefaultSuggestionEngine) -> None:
    hopes = "We'd like to have KPIs for each objective one day, if the funding comes through. Nothing is decided."
    later = engine.suggest("1.1.1", hopes, SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=3))
    assert later.level == 3


def test_two_years_is_not_below_now_unless_something_is_lost(engine: DefaultSuggestionEngine) -> None:
    same = engine.suggest("1.1.1", "Same as now, no change expected.",
                          SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=4))
    assert same.level == 4


def test_probing_is_deterministic(engine: DefaultSuggestionEngine) -> None:
    assert engine.suggest("1.1.1", VISION) == engine.suggest("1.1.1", VISION)


def test_a_two_year_probe_asks_about_the_plans(engine: DefaultSuggestionEngine) -> None:
    later = engine.suggest("1.1.1", VISION, SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=3))
    assert later.probe is not None and later.probe.question.startswith("On current plans, in two years: ")
    now = engine.suggest("1.1.1", VISION)
    assert now.probe is not None and not now.probe.question.startswith("On current plans")


def test_two_years_climbs_from_the_level_now_only_as_far_as_the_plans_reach(engine: DefaultSuggestionEngine) -> None:
    plans = "By 2027 every objective will have KPIs, and the management team will track them each quarter."
    later = engine.suggest("1.1.1", plans, SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=3))
    assert later.level == 4


def test_a_loss_in_two_years_is_one_step_down(engine: DefaultSuggestionEngine) -> None:
    lost = "The programme office is paid by a grant that ends next June; it will be closed and nothing replaces it."
    later = engine.suggest("1.2.1", lost, SuggestionContext(horizon=Horizon.TWO_YEARS, level_now=3))
    assert later.level == 2


def _asked_after_yes_to_3_and_4(kb: KnowledgeBase, characteristic_id: str, rung_2: tuple[float, str],
                                rung_5: float, *, replied_no_to_5: bool = False, doubts_below: bool = False) -> int:
    """The level the next probe asks about, with yes to rungs 3 and 4, rung 2 as given, and rung 5 open
    (or answered no)."""
    from bot.suggestion.reading import next_probe
    from bot.suggestion.rungs import Rung, RungSource
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    characteristic = kb.characteristic(characteristic_id)
    open_of = {level: list(characteristic.level(level).conditions) for level in (2, 5)}
    yes = {level: Rung(level, tuning.presence_reply_yes, RungSource.REPLY, True, reply=ProbeAnswer.YES)
           for level in (3, 4)}
    top = (Rung(5, tuning.presence_reply_no, RungSource.REPLY, True, reply=ProbeAnswer.NO) if replied_no_to_5
           else Rung(5, rung_5, RungSource.NOT_DESCRIBED, open_conditions=open_of[5]))
    rungs = {2: Rung(2, rung_2[0], RungSource(rung_2[1]), open_conditions=open_of[2]), **yes, 5: top}
    probe = next_probe(characteristic, rungs, {level: rung.presence for level, rung in rungs.items()}, None, tuning,
                       doubts_below=doubts_below)
    assert probe is not None
    return probe.level


def test_after_a_yes_the_probes_climb_first_then_come_back_to_what_it_stands_on(kb: KnowledgeBase) -> None:
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    bridged = (tuning.presence_bridged, "bridged")
    assert _asked_after_yes_to_3_and_4(kb, "2.1.2", bridged, tuning.presence_not_described) == 5
    assert _asked_after_yes_to_3_and_4(kb, "2.1.2", bridged, 0.5, replied_no_to_5=True) == 2


def test_a_denied_rung_below_a_yes_is_a_contradiction_asked_before_climbing(kb: KnowledgeBase) -> None:
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    denied = (tuning.presence_denied, "denied")
    assert _asked_after_yes_to_3_and_4(kb, "4.1", denied, tuning.presence_not_described) == 2


def test_with_a_sign_of_the_starting_point_the_rungs_below_a_yes_are_not_taken_as_read(kb: KnowledgeBase) -> None:
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    bridged = (tuning.presence_bridged, "bridged")
    assert _asked_after_yes_to_3_and_4(kb, "2.1.2", bridged, 0.5) == 5
    assert _asked_after_yes_to_3_and_4(kb, "2.1.2", bridged, tuning.presence_not_described, doubts_below=True) == 2


def test_a_thin_opening_is_probed_from_the_middle_of_the_ladder(engine: DefaultSuggestionEngine) -> None:
    everything = {1: "No.", 2: "Yes.", 3: "Yes.", 4: "Yes.", 5: "Yes."}
    opening = "Environment is one of our stronger areas."
    assert engine.suggest("4.2", opening).abstain_reason == "thin_evidence"
    result, asked = answered(engine, "4.2", opening, everything)
    assert asked == [3, 4, 5] and result.level == 5


def test_an_opening_with_no_sign_of_the_starting_point_is_probed_from_the_middle(
        engine: DefaultSuggestionEngine) -> None:
    # climbing from rung 2, three yeses would end at 4 without ever asking about 5
    everything = {1: "No.", 2: "Yes.", 3: "Yes.", 4: "Yes.", 5: "Yes."}
    result, asked = answered(engine, "4.6", "Residents' wellbeing is one of the pillars of our city plan.", everything)
    assert asked == [3, 4, 5] and result.level == 5
    nothing = {1: "Yes, that's us.", 2: "No.", 3: "No.", 4: "No.", 5: "No."}
    result, asked = answered(engine, "4.6", "Residents' wellbeing is one of the pillars of our city plan.", nothing)
    assert asked[0] == 3 and result.level == 1


def test_nothing_above_a_rung_answered_no_is_asked(kb: KnowledgeBase) -> None:
    assert _asked_after_yes_to_3_and_4(kb, "2.1.2", (0.7, "bridged"), 0.5, replied_no_to_5=True) == 2
    from bot.suggestion.reading import next_probe
    from bot.suggestion.rungs import Rung, RungSource
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    characteristic = kb.characteristic("2.1.2")
    rungs = {2: Rung(2, tuning.presence_reply_no, RungSource.REPLY, True, reply=ProbeAnswer.NO),
             **{level: Rung(level, 0.5, RungSource.NOT_DESCRIBED,
                            open_conditions=list(characteristic.level(level).conditions)) for level in (3, 4, 5)}}
    assert next_probe(characteristic, rungs, {level: rung.presence for level, rung in rungs.items()}, None,
                      tuning) is None


def test_an_answer_that_mentions_the_topic_is_probed_not_dismissed(engine: DefaultSuggestionEngine) -> None:
    result = engine.suggest("3.2.3", "Our IT is much better than it was.")
    assert result.abstain_reason != "off_topic" and result.probe is not None
    assert engine.suggest("3.2.3", "The canteen has a new menu.").abstain_reason == "off_topic"


def test_an_opening_read_as_off_topic_gets_no_level_but_a_question_and_the_reply_is_read(
        engine: DefaultSuggestionEngine) -> None:
    opening = "We've got some CCTV and traffic lights that are networked."
    first = engine.suggest("3.1.3", opening)
    assert first.level is None and first.abstain_reason == "off_topic" and first.probe is not None
    reply = ProbeExchange(probe=first.probe, reply="No, nothing like that.")
    after = engine.suggest("3.1.3", opening, SuggestionContext(exchanges=[reply]))
    assert after.abstain_reason != "off_topic"


def test_the_words_that_name_a_topic_are_those_few_other_names_share(kb: KnowledgeBase) -> None:
    from bot.suggestion.matching import distinctive_name_words

    names = distinctive_name_words({cid: kb.characteristic(cid).name for cid in kb.characteristic_ids})
    assert names["3.2.3"] >= {"ict", "architecture"}
    assert "city" not in names["3.2.3"]  # in many names: names no topic
    assert names["4.3"] == {"resilience"}


def test_a_yes_to_a_rung_the_answer_did_not_describe_makes_its_silence_above_no_sign_of_absence() -> None:
    from bot.knowledge.models import Condition
    from bot.suggestion.matching import ConditionEvidence
    from bot.suggestion.rungs import THIN_PRESENCE, read_rungs
    from bot.suggestion.tuning import DEFAULT_TUNING

    nothing = [ConditionEvidence(Condition(id=f"9.9/{level}/a", text="c", cues=[]), level, None, None)
               for level in range(1, 6)]
    silent = read_rungs(nothing, {}, set(), DEFAULT_TUNING)
    assert silent[5].presence == DEFAULT_TUNING.presence_not_described
    under_said = read_rungs(nothing, {3: ProbeAnswer.YES}, set(), DEFAULT_TUNING)
    assert under_said[4].presence == THIN_PRESENCE[4] and under_said[5].presence == THIN_PRESENCE[5]


def test_a_yes_that_shows_the_opening_under_said_opens_its_limit_on_the_rung_just_above() -> None:
    from bot.knowledge.models import Condition
    from bot.suggestion.clauses import Clause
    from bot.suggestion.condition_index import Phrase
    from bot.suggestion.matching import ClauseMatch, ConditionEvidence
    from bot.suggestion.rungs import RungSource, read_rungs
    from bot.suggestion.tuning import DEFAULT_TUNING

    def evidence(level: int, denied: bool = False) -> ConditionEvidence:
        condition = Condition(id=f"9.9/{level}/a", text="c", cues=[])
        limit = Clause("we just post things on the website", 0, 34, 0)
        against = ClauseMatch(limit, Phrase(condition, level, "c", False, frozenset(), frozenset({"c"})), 0.7)
        return ConditionEvidence(condition, level, None, against if denied else None)

    answer = [evidence(1), evidence(2), evidence(3), evidence(4, denied=True), evidence(5)]
    opening_alone = read_rungs(answer, {}, set(), DEFAULT_TUNING)
    assert opening_alone[4].source == RungSource.DENIED and not opening_alone[4].open_conditions
    under_said = read_rungs(answer, {3: ProbeAnswer.YES}, set(), DEFAULT_TUNING)
    assert under_said[4].open_conditions and under_said[4].presence == opening_alone[4].presence  # asked; still caps
    beginnings = read_rungs([evidence(1), evidence(2), evidence(3, denied=True), evidence(4), evidence(5)],
                            {2: ProbeAnswer.YES}, set(), DEFAULT_TUNING)
    assert not beginnings[3].open_conditions  # a "yes" to level 2 says little of what the opening left out
    passed = read_rungs([evidence(1), evidence(2), evidence(3, denied=True), evidence(4), evidence(5)],
                        {2: ProbeAnswer.YES}, set(), DEFAULT_TUNING, said_beyond={2})
    assert passed[3].open_conditions  # ... unless it said level 2 is passed: "more than that"


def test_the_texts_own_level_gives_way_to_the_probe_replies() -> None:
    from bot.suggestion.reading import within_replies

    assert within_replies(1, {2: ProbeAnswer.YES, 3: ProbeAnswer.YES, 4: ProbeAnswer.YES}) == 4
    assert within_replies(4, {3: ProbeAnswer.NO}) == 2
    assert within_replies(4, {2: ProbeAnswer.NOT_YET}) == 1
    assert within_replies(3, {}) == 3
    assert within_replies(None, {3: ProbeAnswer.YES}) is None


def test_in_two_years_what_is_said_of_today_is_the_level_now_not_evidence(engine: DefaultSuggestionEngine) -> None:
    answer = ("No inventory of IT assets today, literally spreadsheets per team. A funded CMDB project runs "
              "2025-26 and maps every application.")
    evidence, _ = engine._evidence("3.2.2", answer, Horizon.TWO_YEARS)
    quoted = [match.clause.text for e in evidence for match in (e.support, e.against) if match]
    assert quoted and not any("today" in text for text in quoted)
    now, _ = engine._evidence("3.2.2", answer, Horizon.NOW)
    assert any("today" in match.clause.text for e in now for match in (e.support, e.against) if match)


def _read_thin_opening_with_a_sign_of_the_starting_point(kb: KnowledgeBase, replies: dict[int, ProbeAnswer]):
    """1.4.2 read from an opening that only describes the starting point (the text reads level 1), with these
    probe replies."""
    from bot.suggestion.clauses import Clause
    from bot.suggestion.condition_index import Phrase
    from bot.suggestion.matching import ClauseMatch, ConditionEvidence
    from bot.suggestion.reading import read_ladder
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    characteristic = kb.characteristic("1.4.2")
    clause = Clause("We try to make it easy for start-ups to sell to us.", 0, 51, 0)
    evidence = []
    for level in characteristic.levels:
        for condition in level.conditions:
            support = None
            if level.level == 1:
                phrase = Phrase(condition, 1, condition.text, False, frozenset(), frozenset())
                support = ClauseMatch(clause, phrase, tuning.strong_support)
            evidence.append(ConditionEvidence(condition, level.level, support, None))
    return read_ladder(characteristic, evidence, replies, set(), Horizon.NOW, None, tuning, text_level=1)


def test_a_yes_above_the_texts_own_level_shows_the_opening_under_said_so_the_probes_halve_the_rest(
        kb: KnowledgeBase) -> None:
    # the opening read as level 1; a "yes" to rung 2 discredits that reading: levels 2-5 are as likely as each
    # other, so the next probe asks the middle of them, not the next rung up
    after_2 = _read_thin_opening_with_a_sign_of_the_starting_point(kb, {2: ProbeAnswer.YES})
    assert after_2.probe is not None and after_2.probe.level == 4
    # with rungs 2 and 4 confirmed, the rung between them is as good as said and the top is asked
    after_4 = _read_thin_opening_with_a_sign_of_the_starting_point(kb, {2: ProbeAnswer.YES, 4: ProbeAnswer.YES})
    assert after_4.rungs[3].presence >= 0.85
    assert after_4.probe is not None and after_4.probe.level == 5
    done = _read_thin_opening_with_a_sign_of_the_starting_point(
        kb, {2: ProbeAnswer.YES, 4: ProbeAnswer.YES, 5: ProbeAnswer.YES})
    assert done.level == 5


def test_only_a_yes_above_the_texts_own_level_discredits_it() -> None:
    from bot.suggestion.reading import shown_under_said

    assert shown_under_said(1, {2: ProbeAnswer.YES})
    assert not shown_under_said(3, {2: ProbeAnswer.YES, 4: ProbeAnswer.NO})
    assert not shown_under_said(None, {2: ProbeAnswer.YES})


def test_an_answer_that_only_judges_the_topic_is_probed_not_read_as_a_level(engine: DefaultSuggestionEngine) -> None:
    from bot.suggestion.matching import only_judges_the_topic
    from bot.suggestion.words import content_tokens

    characteristic = engine.kb.characteristic("4.1")
    verdict = "We're probably not very good at the attractiveness stuff."
    assert only_judges_the_topic(characteristic, set(content_tokens(verdict)))
    assert not only_judges_the_topic(characteristic, set(content_tokens("We have no attractiveness strategy.")))
    procurement = engine.kb.characteristic("1.4.2")
    assert only_judges_the_topic(procurement, set(content_tokens("we're not very innovative on procurement honestly")))
    resources = engine.kb.characteristic("4.4")  # judgement words whose stems differ from them ("advanc")
    assert only_judges_the_topic(resources, set(content_tokens("We're very advanced on resource use!")))
    assert only_judges_the_topic(resources, set(content_tokens("Amazing, sophisticated resource use")))
    wellbeing = engine.kb.characteristic("4.6")
    assert only_judges_the_topic(wellbeing, set(content_tokens("Wellbeing is something we're quietly proud of")))
    result = engine.suggest("4.1", verdict)
    assert result.level is None and result.abstain_reason == "thin_evidence" and result.probe is not None


def test_one_short_clause_firmly_says_one_rung_and_leaves_the_higher_one_open(kb: KnowledgeBase) -> None:
    from bot.suggestion.clauses import Clause
    from bot.suggestion.condition_index import Phrase
    from bot.suggestion.matching import ClauseMatch, ConditionEvidence
    from bot.suggestion.rungs import RungSource, read_rungs
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    def said_by(text: str) -> list[ConditionEvidence]:
        clause = Clause(text, 0, len(text), 0)
        evidence = []
        for level in kb.characteristic("2.3.1").levels:
            for condition in level.conditions:
                phrase = Phrase(condition, level.level, condition.text, False, frozenset(), frozenset())
                support = ClauseMatch(clause, phrase, 0.9) if level.level in (4, 5) else None
                evidence.append(ConditionEvidence(condition, level.level, support, None))
        return evidence

    short = read_rungs(said_by("We put £3m into digital inclusion!"), {}, set(), tuning)
    assert short[4].source == short[5].source == RungSource.SAID  # the presence is what the answer says
    assert not short[4].open_conditions and short[5].open_conditions  # but only the lower rung is settled
    long = read_rungs(said_by("Our inclusion plan is funded for five years and run with the voluntary sector, "
                              "the libraries and two local employers, each with their own part of it"), {}, set(),
                      tuning)
    assert not long[4].open_conditions and not long[5].open_conditions


def test_a_probe_whose_answer_could_not_change_the_level_is_not_asked() -> None:
    from bot.suggestion.reading import could_change_the_level
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    presence = {2: 0.95, 3: 0.95, 4: 0.2, 5: 0.2}
    assert could_change_the_level(3, 4, presence, 3, {}, tuning)  # a yes to rung 4 makes it level 4
    assert not could_change_the_level(3, 5, presence, 3, {}, tuning)  # rung 5 cannot stand without rung 4


def _read_a_denial_of_the_beginnings(kb: KnowledgeBase, brief: bool):  # type: ignore[no-untyped-def]
    from bot.suggestion.clauses import Clause
    from bot.suggestion.condition_index import Phrase
    from bot.suggestion.matching import ClauseMatch, ConditionEvidence
    from bot.suggestion.reading import read_ladder
    from bot.suggestion.tuning import DEFAULT_TUNING as tuning

    characteristic = kb.characteristic("1.3.2")
    clause = Clause("we're not very techy, we don't do digital engagement", 0, 52, 0)
    evidence = []
    for level in characteristic.levels:
        for condition in level.conditions:
            match = ClauseMatch(clause, Phrase(condition, level.level, condition.text, False, frozenset(),
                                               frozenset()), 0.8)
            evidence.append(ConditionEvidence(condition, level.level, match if level.level == 1 else None,
                                              match if level.level == 2 else None))
    return read_ladder(characteristic, evidence, {}, set(), Horizon.NOW, None, tuning, text_level=1, brief=brief)


def test_the_starting_point_read_from_the_opening_alone_is_asked_about_once(kb: KnowledgeBase) -> None:
    # a paragraph or a line of chat that denies the beginnings reads level 1, but not on the opening's word alone: an
    # assessor asks once whether anything at all is in place (`reading.starting_point_checked`)
    for brief in (False, True):
        reading = _read_a_denial_of_the_beginnings(kb, brief=brief)
        assert reading.level == 1 and not reading.settled
        assert reading.probe is not None and reading.probe.level == 2


def _rungs_with_level_2_said_by(met: int) -> dict:  # type: ignore[type-arg]
    from bot.suggestion.rungs import Rung, RungSource

    said = Rung(2, 0.95, RungSource.SAID, True, met=[object()] * met)  # type: ignore[list-item]
    above = Rung(3, 0.03, RungSource.REPLY, True, reply=ProbeAnswer.NO)
    return {2: said, 3: above, 4: Rung(4, 0.2, RungSource.NOT_DESCRIBED), 5: Rung(5, 0.2, RungSource.NOT_DESCRIBED)}


def test_a_no_just_above_a_level_only_said_in_the_opening_is_followed_by_a_question_about_the_level(
        kb: KnowledgeBase) -> None:
    from bot.suggestion.reading import verification_probe

    characteristic = kb.characteristic("1.2.1")
    for met in (1, 2):  # however fully the opening said it
        probe = verification_probe(characteristic, 2, _rungs_with_level_2_said_by(met), {3: ProbeAnswer.NO},
                                   Horizon.NOW)
        assert probe is not None and probe.level == 2
    # a yes above, or a second "no": not asked
    assert verification_probe(characteristic, 2, _rungs_with_level_2_said_by(1), {3: ProbeAnswer.YES},
                              Horizon.NOW) is None
    assert verification_probe(characteristic, 2, _rungs_with_level_2_said_by(1),
                              {3: ProbeAnswer.NO, 4: ProbeAnswer.NO}, Horizon.NOW) is None


def _rungs_with_level_3_said_in_full() -> dict:  # type: ignore[type-arg]
    from bot.suggestion.rungs import Rung, RungSource

    return {2: Rung(2, 0.97, RungSource.REPLY, True, reply=ProbeAnswer.YES),
            3: Rung(3, 0.95, RungSource.SAID, True, met=[object()] * 2),  # type: ignore[list-item]
            4: Rung(4, 0.03, RungSource.REPLY, True, reply=ProbeAnswer.NO),
            5: Rung(5, 0.2, RungSource.NOT_DESCRIBED)}


def test_a_level_left_between_a_yes_and_a_no_is_asked(kb: KnowledgeBase) -> None:
    from bot.suggestion.reading import verification_probe
    from bot.suggestion.rungs import Rung

    characteristic = kb.characteristic("1.1.1")
    rungs = _rungs_with_level_3_said_in_full()
    probe = verification_probe(characteristic, 3, rungs, {2: ProbeAnswer.YES, 4: ProbeAnswer.NO}, Horizon.NOW)
    assert probe is not None and probe.level == 3
    # not without the yes below it, nor with the level's own rung already answered
    assert verification_probe(characteristic, 3, rungs, {2: ProbeAnswer.NO, 4: ProbeAnswer.NO}, Horizon.NOW) is None
    answered = {**rungs, 3: Rung(3, 0.97, rungs[3].source, True, reply=ProbeAnswer.YES)}
    assert verification_probe(characteristic, 3, answered, {2: ProbeAnswer.YES, 4: ProbeAnswer.NO}, Horizon.NOW) is None


def test_a_third_probe_below_a_yes_is_not_asked() -> None:
    from bot.suggestion.reading import only_checks_below_a_yes

    assert only_checks_below_a_yes(2, {3: ProbeAnswer.YES, 4: ProbeAnswer.NO})
    assert not only_checks_below_a_yes(2, {3: ProbeAnswer.YES})  # a second probe may still check the floor
    assert not only_checks_below_a_yes(4, {3: ProbeAnswer.YES, 5: ProbeAnswer.NO})  # the level itself
    assert not only_checks_below_a_yes(2, {3: ProbeAnswer.NO, 4: ProbeAnswer.NO})  # nothing confirmed



def test_level_five_said_only_in_the_opening_is_asked_after_two_yeses_below_it(kb: KnowledgeBase) -> None:
    from bot.suggestion.reading import verification_probe
    from bot.suggestion.rungs import Rung, RungSource

    characteristic = kb.characteristic("2.3.1")
    rungs = {2: Rung(2, 0.95, RungSource.SAID, True), 3: Rung(3, 0.97, RungSource.REPLY, True, reply=ProbeAnswer.YES),
             4: Rung(4, 0.97, RungSource.REPLY, True, reply=ProbeAnswer.YES),
             5: Rung(5, 0.9, RungSource.SAID, True, met=[object()] * 2)}  # type: ignore[list-item]
    probe = verification_probe(characteristic, 5, rungs, {3: ProbeAnswer.YES, 4: ProbeAnswer.YES}, Horizon.NOW)
    assert probe is not None and probe.level == 5
    # one yes is not yet two; a "no" below leaves level 5 out of reach anyway
    assert verification_probe(characteristic, 5, rungs, {4: ProbeAnswer.YES}, Horizon.NOW) is None
    assert verification_probe(characteristic, 5, rungs, {3: ProbeAnswer.YES, 4: ProbeAnswer.NO}, Horizon.NOW) is None
