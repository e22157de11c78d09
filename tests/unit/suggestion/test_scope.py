"""A limitation said after the fact reaches back to the fact; relative denials and loose plans do not."""

import pytest

from bot.suggestion.clauses import split_clauses
from bot.suggestion.qualifiers import Qualifier, qualifiers, says_no_change
from bot.suggestion.scope import clause_qualifiers
from tests.support.clause_marks import clause_marks as _marks


def test_a_short_narrowing_clause_marks_the_fact_before_it_partial() -> None:
    marks = _marks("Yes, we have a proper asset register and a shared-use policy, but only in Highways.")
    assert marks["Yes, we have a proper asset register and a shared-use policy"] == {Qualifier.PARTIAL}


def test_a_narrowing_clause_about_it_reaches_back_across_a_sentence() -> None:
    marks = _marks("We have the full register and a policy. It only covers council-owned assets though.")
    assert Qualifier.PARTIAL in marks["We have the full register and a policy."]
    marks = _marks("We've got a digital twin of the city, but it's only used internally by the planners.")
    assert marks["We've got a digital twin of the city"] == {Qualifier.PARTIAL}


def test_a_clause_with_its_own_fact_or_a_denial_does_not_reach_back() -> None:
    marks = _marks("We publish the strategy every year, but the planning department only uses a few indicators.")
    assert marks["We publish the strategy every year"] == frozenset()
    marks = _marks("We have a city-wide business case, but it doesn't trace how projects feed the outcomes.")
    assert marks["We have a city-wide business case"] == frozenset()


def test_only_narrows_unless_it_is_not_only_or_the_only() -> None:
    assert qualifiers("It only covers council-owned assets") == {Qualifier.PARTIAL}
    assert qualifiers("We're the only council in the region with a data office") == frozenset()
    assert qualifiers("Not only do we publish it, residents comment on it") == frozenset()


def test_a_denial_inside_a_relative_clause_does_not_deny_the_fact() -> None:
    assert qualifiers("We evaluated the policy and dropped two measures that weren't working") == frozenset()
    assert Qualifier.NEGATED in qualifiers("We have a plan that hasn't been adopted")
    assert Qualifier.NEGATED in qualifiers("Most projects that don't have KPIs are small")
    assert qualifiers("Assisted digital at the hubs for people who can't go online") == frozenset()
    assert Qualifier.NEGATED in qualifiers("Our systems can't talk to each other")


@pytest.mark.parametrize("clause", ["But citizens can't see any of it", "You mustn't forget it isn't public",
                                    "Residents needn't be asked", "We ain't got one"])
def test_every_contracted_negation_negates(clause: str) -> None:
    assert Qualifier.NEGATED in qualifiers(clause)


def test_other_peoples_wishes_and_looking_at_data_are_not_plans() -> None:
    assert qualifiers("When it clashes with what departments want to do") == frozenset()
    assert qualifiers("The board has started looking at the indicators quarterly") == frozenset()
    assert Qualifier.FUTURE in qualifiers("We want to open up the data")
    assert Qualifier.FUTURE in qualifiers("We're looking at a digital twin")


def test_a_question_in_passing_takes_the_answer_after_it() -> None:
    assert Qualifier.NEGATED in _marks("A business case for the whole programme? Not planned.")[
        "A business case for the whole programme?"]
    assert _marks("Open data? Yes, every dataset is on the portal.")["Open data?"] == frozenset()
    hedged = _marks("Controls and compliance monitoring? Procurement says they'll see how it goes.")
    assert Qualifier.UNCOMMITTED in hedged["Controls and compliance monitoring?"]
    unanswered = _marks("We publish the KPIs. Are they the right forty?")
    assert unanswered == {"We publish the KPIs.": frozenset(), "Are they the right forty?": {Qualifier.UNSURE}}


def test_a_clause_saying_the_thing_is_not_in_place_yet_reaches_back() -> None:
    marks = _marks("A consultancy wrote us a data architecture, but it's still a draft.")
    assert Qualifier.FUTURE in marks["A consultancy wrote us a data architecture"]
    marks = _marks("We built a service dashboard. It hasn't been signed off yet.")
    assert Qualifier.FUTURE in marks["We built a service dashboard."]
    marks = _marks("We have an open data portal, and it will get an API next year.")
    assert Qualifier.FUTURE not in marks["We have an open data portal"]


def test_a_draft_is_not_in_place() -> None:
    assert Qualifier.FUTURE in qualifiers("The procurement strategy is in draft")
    assert Qualifier.FUTURE in qualifiers("We have a draft engagement charter")


def test_a_modal_inside_an_embedded_question_is_not_the_clauses_own() -> None:
    assert qualifiers("We use the model to show residents what the new square will look like") == frozenset()
    assert qualifiers("The team simulates how a heatwave might affect care homes") == frozenset()
    assert Qualifier.FUTURE in qualifiers("We will publish the plan")
    assert Qualifier.UNCOMMITTED in qualifiers("We might publish the plan")


def test_a_hyphenated_compound_is_not_a_loss() -> None:
    assert qualifiers("The contract for the one-stop shop was signed in March") == frozenset()
    assert Qualifier.LOSS in qualifiers("Our contract with the supplier stops next year")


def test_a_hypothetical_next_step_is_not_a_commitment() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("The next step would be a public progress page")
    assert Qualifier.UNCOMMITTED in qualifiers("That would need a data officer we don't have")
    assert Qualifier.UNCOMMITTED in qualifiers("Real-time personalised services would be next")
    assert Qualifier.UNCOMMITTED in qualifiers("but it hinges on a grant bid we haven't heard back on")
    assert Qualifier.UNCOMMITTED not in qualifiers("The board will publish a progress page in March")


def test_scrapping_something_and_going_back_are_losses_and_a_grant_applied_for_is_a_hope() -> None:
    assert Qualifier.LOSS in qualifiers("The new cabinet is scrapping the policy next year")
    assert Qualifier.LOSS in qualifiers("We'll be back to each department buying its own sensors")
    assert Qualifier.LOSS not in qualifiers("We scrapped the old portal in 2020 and built a better one")
    assert Qualifier.UNCOMMITTED in qualifiers("A circular economy roadmap is something we want")
    assert Qualifier.UNCOMMITTED in qualifiers("We applied for a national grant for the roadmap")


def test_something_that_has_stopped_is_not_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("We used to have a cross-department data board")
    assert Qualifier.NEGATED in qualifiers("Back in 2015-2018 we had a smart city team")
    assert Qualifier.NEGATED in qualifiers("The citizens' panel was disbanded in 2022")
    assert Qualifier.NEGATED not in qualifiers("We defined the skills we need back in 2021")
    assert Qualifier.NEGATED not in qualifiers("The old portal was switched off and replaced by a new one")
    marks = _marks("We had a performance framework with 40 KPIs. It lapsed after the election.")
    # the fate told in the next sentence is joined to what it befell (`clauses.with_fates_joined`)
    assert Qualifier.NEGATED in marks["We had a performance framework with 40 KPIs. It lapsed after the election."]
    assert Qualifier.NEGATED in qualifiers("There was a digital transformation lead until last year")
    assert Qualifier.NEGATED in qualifiers("the post got deleted in the restructure")
    assert Qualifier.NEGATED in qualifiers("it ran out in 2020 and nobody replaced it")  # nothing took its place
    assert Qualifier.NEGATED not in qualifiers("We have had a data lead since 2019 and until now it works well")


def test_the_end_of_a_story_reaches_back_over_what_it_told_in_the_past_tense() -> None:
    marks = _marks("We used to be good at this. In 2016-2018 we ran a civic hackathon with the college, a couple of "
                   "apps came out of it. Then the sponsor pulled out and it just died. Now the data stays in the "
                   "services.")
    assert Qualifier.NEGATED in marks["In 2016-2018 we ran a civic hackathon with the college"]
    assert Qualifier.NEGATED in marks["a couple of apps came out of it."]
    assert Qualifier.NEGATED not in marks["Now the data stays in the services."]
    # what is still going is not part of the story that ended
    marks = _marks("We set up a data board in 2019 and it has met monthly since. Then the challenge fund ended "
                   "and it stopped.")
    assert Qualifier.NEGATED not in marks["it has met monthly since."]
    assert Qualifier.NEGATED not in marks["We set up a data board in 2019"]


def test_a_negation_that_sets_off_a_contrast_or_a_purpose_leaves_the_fact_standing() -> None:
    marks = _marks("Bids are evaluated on whole-of-council value, not departmental savings.")
    assert marks["Bids are evaluated on whole-of-council value"] == frozenset()
    assert Qualifier.NEGATED in marks["not departmental savings."]
    assert qualifiers("A pooled fund so joint projects don't die between two budgets") == frozenset()
    assert qualifiers("Open standards in every contract, no vendor lock-in") == frozenset()
    assert Qualifier.NEGATED in qualifiers("So we don't have a procurement strategy")
    assert Qualifier.NEGATED in qualifiers("We have no waste strategy")
    marks = _marks("We have KPIs, not yet for every service.")
    assert marks["We have KPIs"] == {Qualifier.PARTIAL}
    marks = _marks("Content is organised by life events not by department.")
    assert marks["Content is organised by life events"] == frozenset()
    marks = _marks("Value for money is judged at council level not per department.")
    assert marks["Value for money is judged at council level"] == frozenset()
    assert Qualifier.NEGATED in _marks("The register is not in place.")["The register is not in place."]


def test_losing_a_budget_or_power_is_a_loss_and_not_only_any_more_is_no_denial() -> None:
    assert Qualifier.LOSS in qualifiers("The programme office loses its budget next April")
    assert Qualifier.LOSS in qualifiers("The Smart Board becomes advisory only")
    assert Qualifier.NEGATED in qualifiers("No power any more to shift departmental priorities")
    marks = _marks("The office has its own budget. But it's not only a central-team thing anymore.")
    assert marks["The office has its own budget."] == frozenset()


def test_a_plan_that_was_and_a_thing_not_built_are_not_in_place() -> None:
    assert Qualifier.FUTURE in qualifiers("The plan was a Power BI dashboard")
    marks = _marks("The idea was a shared data platform. It hasn't been built.")
    assert Qualifier.FUTURE in marks["The idea was a shared data platform."]


def test_nothing_beyond_a_fact_makes_it_the_exception_but_more_beyond_it_does_not() -> None:
    exception = split_clauses("The waste team has a recycling plan with targets. Beyond that – land, water – "
                              "nothing joined up.")
    assert Qualifier.PARTIAL in clause_qualifiers(exception)[0]
    more = split_clauses("The waste team has a recycling plan with targets. Beyond that, we publish the results.")
    assert Qualifier.PARTIAL not in clause_qualifiers(more)[0]


def test_a_question_answered_by_a_plain_statement_is_stated_and_left_unanswered_is_unsure() -> None:
    stated = split_clauses("Sensors on the bridges? We've got some.")
    assert Qualifier.UNSURE not in clause_qualifiers(stated)[0]
    left = split_clauses("We inspect the bridges by hand. Sensors on the bridges?")
    assert Qualifier.UNSURE in clause_qualifiers(left)[1]


def test_what_the_speaker_takes_back_is_no_evidence_either_way() -> None:
    answer = ("I don't think we really have a business case... well, ok, there is the investment case that cabinet "
              "approved. We also accept the national ID... actually no, that was the pilot we dropped.")
    clauses = split_clauses(answer)
    marks = dict(zip([c.text for c in clauses], clause_qualifiers(clauses), strict=True))
    assert Qualifier.UNSURE in marks["I don't think we really have a business case..."]
    assert Qualifier.UNSURE in marks["We also accept the national ID..."]
    assert Qualifier.UNSURE not in marks["there is the investment case that cabinet approved."]


def test_an_apology_before_a_correction_still_takes_back_what_was_said() -> None:
    marks = _marks("No channel strategy - sorry, scratch that, there is one, from 2021: joined-up.")
    assert Qualifier.UNSURE in marks["No channel strategy"]


def test_a_correction_that_narrows_leaves_the_fact_standing() -> None:
    answer = ("We publish a pipeline of procurements for us and our partners... actually no, scratch that, the "
              "partners' ones aren't on it, it's only our own tenders. Actually the portal is what people use.")
    clauses = split_clauses(answer)
    marks = clause_qualifiers(clauses)
    assert Qualifier.UNSURE not in marks[0]
    assert clauses[-1].text.startswith("Actually") and all(Qualifier.UNSURE not in mark for mark in marks)


def test_a_negation_before_a_contrast_does_not_reach_past_it_whatever_the_punctuation() -> None:
    marks = _marks("We're probably not great at this, but: resource strategy with priorities and a board.")
    assert Qualifier.NEGATED in marks["We're probably not great at this"]
    assert all(Qualifier.NEGATED not in mark for text, mark in marks.items() if "resource strategy" in text)


def test_a_negation_does_not_reach_what_there_is_instead() -> None:
    marks = _marks("I don't think we're doing anything special, just the normal climate plan stuff everyone has.")
    assert all(Qualifier.NEGATED not in mark for text, mark in marks.items() if "climate plan" in text)
    listed = _marks("There's nothing on what we'd invest in or how data would help")  # a bare continuation still is
    assert all(Qualifier.NEGATED in mark for mark in listed.values())


def test_being_where_we_are_now_is_no_change() -> None:
    assert says_no_change("Nothing planned, so I'd expect us to be where we are now.")
    assert says_no_change("So probably where we are today.")
    assert not says_no_change("Where we are now is a patchwork, but the new platform is funded for next year.")
    assert says_no_change("Budget is tight. So same place in two years.")
    assert says_no_change("We'll be in the same position as today")
    assert not says_no_change("The panel meets in the same place as the board, the town hall")


def test_work_done_in_bits_is_partial() -> None:
    assert Qualifier.PARTIAL in qualifiers("Wellbeing is done in bits by public health")
    assert Qualifier.PARTIAL in qualifiers("It's all bits and pieces")


def test_a_question_in_passing_is_answered_by_a_reply_that_ends_in_its_polarity() -> None:
    answer = ("Do the key groups understand the strategy? The last survey said 31% had heard of it, so... "
              "no, not yet.")
    marks = _marks(answer)["Do the key groups understand the strategy?"]
    assert {Qualifier.NEGATED, Qualifier.FUTURE} <= marks
    fragment = _marks("Feedback from suppliers? We did one survey in 2021. Not a regular thing.")
    assert Qualifier.NEGATED in fragment["Feedback from suppliers?"]
    stated = _marks("Feedback from suppliers? We survey them every year. Then the board reviews it.")
    assert stated["Feedback from suppliers?"] == frozenset()


def test_a_statement_that_trails_off_and_is_answered_no_is_denied() -> None:
    marks = _marks("Services that adapt in real time to each person... no, we're nowhere near that.")
    assert Qualifier.NEGATED in marks["Services that adapt in real time to each person..."]
    kept = _marks("We run a user panel... it has 600 members.")
    assert kept["We run a user panel..."] == frozenset()


def test_by_the_end_of_a_year_is_a_date_not_a_budget_that_ends() -> None:
    from bot.suggestion.qualifiers import says_something_is_lost

    assert not says_something_is_lost("The platform is in the capital budget: by end 2026 every department is on it.")
    assert says_something_is_lost("The budget for the hub ends next March.")


def test_the_reply_to_a_question_in_passing_is_no_evidence_on_its_own() -> None:
    marks = _marks("Feedback from suppliers? We did one supplier survey in 2021. Not a regular thing.")
    assert Qualifier.UNSURE in marks["We did one supplier survey in 2021."]
    assert Qualifier.NEGATED in marks["Feedback from suppliers?"]
    stated = _marks("Sensors on the bridges? We've got some.")
    assert Qualifier.UNSURE not in stated["We've got some."]


def test_an_event_that_may_not_happen_and_nothing_approved_are_not_commitments() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("If the new mayor gets in in May she's promised a smart city plan.")
    assert Qualifier.UNCOMMITTED in qualifiers("if the bid is approved we start the hub in spring")
    assert Qualifier.UNCOMMITTED in qualifiers("Nothing approved, no budget.")
    assert Qualifier.UNCOMMITTED not in qualifiers("If residents need help, library staff sit with them.")


def test_a_bare_denial_after_someone_elses_practice_denies_it_for_us() -> None:
    marks = _marks("Someone said Brekkeby runs a startup programme around its city data, but we have nothing like "
                   "that here.")
    assert Qualifier.NEGATED in marks["Someone said Brekkeby runs a startup programme around its city data"]
    marks = _marks("Teesbury apparently has a live public dashboard which would be nice, but we're nowhere near that.")
    assert Qualifier.NEGATED in marks["Teesbury apparently has a live public dashboard which would be nice"]


def test_a_denial_with_a_fact_of_its_own_leaves_the_fact_before_it() -> None:
    marks = _marks("We publish a dashboard, but nobody outside the council uses it.")
    assert Qualifier.NEGATED not in marks["We publish a dashboard"]


def test_promises_withheld_talks_and_someone_elses_will_are_hopes() -> None:
    for hope in ("but no promises there", "it depends how the negotiations go", "if the new council wants to",
                 "if the chamber co-funds it", "we're in talks with the water company",
                 "we've talked about putting it into the new waste contract"):
        assert Qualifier.UNCOMMITTED in qualifiers(hope), hope
    assert Qualifier.UNCOMMITTED not in qualifiers("If someone wants data they send an FOI.")  # what happens today
    assert Qualifier.FUTURE in qualifiers("Plan is to rewrite it with SDG-linked goals")


def test_a_bare_hedge_makes_the_plan_before_it_a_hope() -> None:
    clauses = split_clauses("Plan is to rewrite it with SDG goals... ideally next year, if the council wants to.")
    assert Qualifier.UNCOMMITTED in clause_qualifiers(clauses)[0]
    # a hope with its own subject stays its own: the signed plan before it stands
    clauses = split_clauses("The joint venture is signed and starts in 2026. Market engagement, we'd like to.")
    assert Qualifier.UNCOMMITTED not in clause_qualifiers(clauses)[0]


def test_a_decided_switch_off_or_withdrawal_is_a_loss() -> None:
    assert Qualifier.LOSS in qualifiers("the budget switches the platform off at the end of March next year")
    assert Qualifier.LOSS in qualifiers("The open data policy is being withdrawn as part of the savings package")
    assert Qualifier.LOSS in qualifiers("the data team's contracts end then")
    assert Qualifier.LOSS not in qualifiers("we switch the street lights off at night")
    assert Qualifier.LOSS not in qualifiers("they turn it off when nobody uses it")


def test_a_dated_abolition_and_going_back_are_losses_and_the_same_unless_is_no_change() -> None:
    assert Qualifier.LOSS in qualifiers("the board is abolished from April")
    assert Qualifier.LOSS in qualifiers("each outcome goes back to a single directorate")
    assert Qualifier.LOSS not in qualifiers("the board is abolished")  # done already: a fact of today, no date to come
    assert says_no_change("So two years from now, probably the same unless something changes.")


@pytest.mark.parametrize("clause", ["We're piloting a data trust with the bus operators", "We piloted it in two wards",
                                    "We are trialling a live dashboard", "Two pilots in the north"])
def test_a_pilot_said_with_a_verb_is_partial_scope(clause: str) -> None:
    assert Qualifier.PARTIAL in qualifiers(clause)


def test_going_to_do_something_is_a_plan_and_going_somewhere_is_not() -> None:
    assert Qualifier.FUTURE in qualifiers("we're going to commission a baseline study")
    assert Qualifier.FUTURE in qualifiers("The council is going to appoint a resilience officer")
    assert qualifiers("we're going to the cabinet with the results in May") == frozenset()


def test_working_on_is_a_plan_only_when_it_is_the_speakers_work() -> None:
    assert Qualifier.FUTURE in qualifiers("We're still 'working on' a vision")
    assert Qualifier.FUTURE in qualifiers("Working on a data strategy")
    assert qualifiers("An incubator with 9 start-ups working on city data") == frozenset()


def test_a_bare_verdict_that_it_is_not_planned_denies_what_was_just_named() -> None:
    marks = _marks("Real-time personalisation - not in any plan.")
    assert Qualifier.NEGATED in marks["Real-time personalisation"]
    marks = _marks("Getting everything onto one common platform is the long-term dream, not in the 2-year budget.")
    assert Qualifier.NEGATED in marks["Getting everything onto one common platform is the long-term dream"]
    # "X, not Y": the negation is about Y only
    marks = _marks("Bids are evaluated on whole-council value, not departmental savings")
    assert Qualifier.NEGATED not in marks["Bids are evaluated on whole-council value"]
    marks = _marks("We publish the pipeline online. Not the partners' one though.")
    assert Qualifier.NEGATED not in marks["We publish the pipeline online."]


def test_a_hope_said_of_a_whole_list_reaches_its_first_items() -> None:
    marks = _marks("A live view of skills across us, the uni and the hospital trust would be cool, but no budget.")
    assert Qualifier.UNCOMMITTED in marks["A live view of skills across us, the uni"]
    # a piece with a subject of its own hopes for itself only
    marks = _marks("We publish the pipeline, and we would like a sandbox")
    assert marks["We publish the pipeline"] == frozenset()


def test_a_verdict_after_a_dash_is_said_of_the_bare_topic_before_it() -> None:
    marks = _marks("Baselining + targets - we'll do that if the lottery bid comes through.")
    assert Qualifier.UNCOMMITTED in marks["Baselining + targets"]
    # a sentence of its own limits what it says, not the topic named before it
    assert _marks("KPIs. We do not publish them.")["KPIs."] == frozenset()
    # two items of a list joined by "and" are no bare topic and its verdict: the list's own rule denies both
    marks = _marks("It only covers council-owned assets; the utilities and the university aren't part of it.")
    assert marks["the utilities"] == frozenset({Qualifier.NEGATED})
    # a topic with a verb of its own says something itself
    marks = _marks("started mapping physical assets - streetlights and buildings done, highways not yet.")
    assert Qualifier.FUTURE not in marks["started mapping physical assets"]


def test_a_denial_said_of_a_whole_list_reaches_its_first_bare_item() -> None:
    marks = _marks("The bus operator and the water utility haven't shared their data though")
    assert Qualifier.NEGATED in marks["The bus operator"]
    # an item that says something of its own keeps its own reading
    marks = _marks("Highways shared the ducts and the parks team hasn't done anything")
    assert Qualifier.NEGATED not in marks["Highways shared the ducts"]


def test_a_verdict_after_a_dash_reaches_a_topic_of_several_words() -> None:
    marks = _marks("A formal management process or indicators - not planned, the team has no capacity.")
    assert Qualifier.NEGATED in marks["A formal management process or indicators"]
    # a sentence of its own is no topic set off by a dash
    marks = _marks("We publish a formal resilience action plan every year. Not planned: the indicators.")
    assert Qualifier.NEGATED not in marks["We publish a formal resilience action plan every year."]


def test_a_contrast_of_two_kinds_of_one_thing_states_the_first() -> None:
    assert Qualifier.NEGATED not in qualifiers("evaluation on whole-council value not departmental value")
    # a contrast of pronouns denies what it sets aside
    assert Qualifier.NEGATED in qualifiers("services are designed for them, not with them")
    assert Qualifier.NEGATED in qualifiers("the dashboard is not live")


def test_finding_no_gaps_is_no_denial_and_out_of_scope_is() -> None:
    assert Qualifier.NEGATED not in qualifiers("Last review we couldn't find any real gaps.")
    assert Qualifier.NEGATED in qualifiers("Self-service view of 'who looked at my data' is out of scope.")


def test_an_attempt_is_no_result_and_what_is_dead_or_zeroed_is_gone() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("We were trying to get telcos into a partnership")
    assert Qualifier.UNCOMMITTED not in qualifiers("what we're trying to achieve is a fairer city")
    assert Qualifier.NEGATED in qualifiers("that's dead now too.")
    assert Qualifier.NEGATED in qualifiers("The training budget was zeroed.")


def test_a_decision_that_takes_money_away_at_a_date_is_a_loss() -> None:
    assert Qualifier.LOSS in qualifiers("the financial plan agreed last week removes the ringfence from 2026")
    assert Qualifier.LOSS in qualifiers("so the strategy stays but the big investment stops.")
    assert Qualifier.LOSS not in qualifiers("the plan removes the barriers people face")


def test_a_question_put_in_the_speakers_words_takes_its_answer() -> None:
    marks = _marks("We fund loads of great stuff. But if you ask which groups are most at risk of being left out or "
                   "what the barriers are... nobody's ever pinned that down.")
    assert Qualifier.NEGATED in marks["But if you ask which groups are most at risk of being left out or what the "
                                      "barriers are..."]
    assert marks["We fund loads of great stuff."] == frozenset()
    # "if you ask" with an answer that says yes states it
    marks = _marks("If you ask whether we track the indicators... we do, every month on the dashboard.")
    assert marks["If you ask whether we track the indicators..."] == frozenset()


def test_going_beyond_a_name_said_before_makes_its_sentence_the_exception() -> None:
    marks = _marks("IT have a proper competency framework, its genuinely good and the CIO is proud of it. Outside IT "
                   "each directorate does its own thing, and nobody has worked out what skills we need.")
    assert Qualifier.PARTIAL in marks["IT have a proper competency framework, its genuinely good"]
    # a pronoun goes beyond the clause just before only
    marks = _marks("We have a framework for it. We audit skills yearly. Outside it, nothing is joined up.")
    assert Qualifier.PARTIAL not in marks["We have a framework for it."]


def test_how_things_were_before_narrows_nothing() -> None:
    marks = _marks("All major schemes must have a co-design phase with future users. Before was ad hoc.")
    assert marks["All major schemes must have a co-design phase with future users."] == frozenset()
    marks = _marks("All major schemes have a co-design phase. Only in the centre.")
    assert Qualifier.PARTIAL in marks["All major schemes have a co-design phase."]


def test_wait_times_are_a_measure_not_a_correction() -> None:
    marks = _marks("The platform shows us cost per contact by channel, wait times and failure demand.")
    assert Qualifier.UNSURE not in marks["The platform shows us cost per contact by channel"]
    corrected = _marks("We send roadworks data to the sat navs. oh wait, no, that goes through the national register.")
    assert Qualifier.UNSURE in corrected["We send roadworks data to the sat navs."]


def test_a_statement_said_with_a_question_mark_is_not_a_question() -> None:
    marks = _marks("I think estates started an asset register about eighteen months ago? Highways aren't in it yet.")
    assert Qualifier.NEGATED not in marks["I think estates started an asset register about eighteen months ago?"]
    assert Qualifier.UNSURE not in marks["Highways aren't in it yet."]


def test_a_verdict_said_as_a_question_does_not_take_the_next_sentence_as_its_answer() -> None:
    marks = _marks("Probably better than you'd expect? We've started a data catalogue.")
    assert Qualifier.UNSURE not in marks["We've started a data catalogue."]
    # a question about a topic still does: "Sensors? We've got some." / "A business case? Not planned."
    assert Qualifier.NEGATED in _marks("A business case for the whole programme? Not planned.")[
        "A business case for the whole programme?"]


def test_a_limit_to_the_administration_itself_names_the_gap_above_and_does_not_narrow_the_fact() -> None:
    marks = _marks("Every department now works on one shared platform. It's only the council's platform though.")
    assert Qualifier.PARTIAL not in marks["Every department now works on one shared platform."]
    marks = _marks("We track every KPI on a dashboard for all services, but it's internal only.")
    assert Qualifier.PARTIAL not in marks["We track every KPI on a dashboard for all services"]
    marks = _marks("We've got a digital twin of the city, but it's only used internally by the planners.")
    assert marks["We've got a digital twin of the city"] == {Qualifier.PARTIAL}
