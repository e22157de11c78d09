import pytest

from bot.suggestion.clauses import split_clauses
from bot.suggestion.qualifiers import Qualifier, polarity_agrees, qualifiers, says_no_change, says_something_is_lost
from bot.suggestion.scope import clause_qualifiers
from bot.suggestion.silos import describes_silos
from bot.suggestion.words import tokens


def test_clauses_are_verbatim_slices_of_the_answer() -> None:
    answer = ("We published our City Strategy 2030 in 2019, but we do not track KPIs yet. "
              "Only the planning department uses it.\n- We plan to add a dashboard next year; "
              "residents comment online.")
    clauses = split_clauses(answer)
    assert [c.text for c in clauses] == [
        "We published our City Strategy 2030 in 2019",
        "we do not track KPIs yet.",
        "Only the planning department uses it.",
        "We plan to add a dashboard next year",
        "residents comment online.",
    ]
    assert all(answer[c.start:c.end] == c.text for c in clauses)


def test_a_clause_said_as_a_contrast_is_a_caveat() -> None:
    answer = ("We have a dashboard. Thing is, for most of them we never set baselines. The plan is great, but there's "
              "no board. No overall strategy for the city though. Services are organised around life events, not "
              "around departments.")
    assert [c.text for c in split_clauses(answer) if c.caveat] == [
        "Thing is", "for most of them we never set baselines.", "there's no board.",
        "No overall strategy for the city though.",
    ]


@pytest.mark.parametrize(("text", "silos"), [
    ("Outside IT tho each directorate does its own leadership development", True),
    ("highways keeps its own asset database for all of it", True),
    ("the hospital and the job centre do their own thing", True),
    ("most systems are still siloed", True),
    ("below-threshold buying still happens department by department", True),
    ("the digital twin is open to community groups to run their own scenarios", False),
    ("every department signs up to the same data standards", False),
    # apart, and nothing joining them
    ("each of those services has a separate login", True),
    ("the permit and the blue badge are completely separate processes", True),
    ("we hold four separate maintenance contracts for the same kit", True),
    ("the systems don't talk to each other", True),
    ("we set up a separate team for data in 2021", False),
    # each made for one unit, kept apart
    ("bespoke systems from a dozen vendors, each built for one department", True),
    ("address and property data are held separately in each system", True),
    ("each of the four hubs is run by one team from customer services", False),
])
def test_each_unit_doing_its_own_is_read_as_silos(text: str, silos: bool) -> None:
    assert describes_silos(text) is silos


def test_not_yet_does_not_split_a_clause() -> None:
    clauses = split_clauses("What we don't have yet is a set of indicators.")
    assert [c.text for c in clauses] == ["What we don't have yet is a set of indicators."]


def test_short_list_items_stay_with_their_clause() -> None:
    clauses = split_clauses("Goals for the economy, social inclusion and the environment.")
    assert [c.text for c in clauses] == ["Goals for the economy, social inclusion and the environment."]


def test_qualifiers_read_negation_plans_and_partial_scope() -> None:
    assert qualifiers("We don't have a written vision") == {Qualifier.NEGATED}
    assert Qualifier.FUTURE in qualifiers("We are planning to publish it next year")
    assert Qualifier.FUTURE in qualifiers("The plan is to extend it to every department")
    assert Qualifier.FUTURE in qualifiers("We're building a one-stop portal; it launches in 2026")
    assert qualifiers("The portal launched in 2021") == frozenset()
    assert qualifiers("It runs in some departments only") == {Qualifier.PARTIAL}
    assert qualifiers("Not only do we publish it, residents comment on it") == frozenset()
    assert qualifiers("The council adopted the strategy in 2021") == frozenset()
    assert qualifiers("There are no big gaps at the moment") == frozenset()


def test_polarity_agreement() -> None:
    negated, plain, partial = frozenset({Qualifier.NEGATED}), frozenset(), frozenset({Qualifier.PARTIAL})
    assert polarity_agrees(negated, negated)
    assert not polarity_agrees(negated, plain)
    assert not polarity_agrees(plain, negated)
    assert polarity_agrees(partial, partial)
    assert not polarity_agrees(partial, plain)
    assert polarity_agrees(plain, partial)


def test_a_denied_share_is_not_a_denied_whole() -> None:
    # "not every department follows the IT standards" (the standards exist) is not "there's no inventory"
    not_every = qualifiers("not every department follows the it standards")
    assert not_every == {Qualifier.NEGATED, Qualifier.PARTIAL}
    assert not polarity_agrees(qualifiers("Every department has its own systems, there's no inventory"), not_every)
    assert polarity_agrees(qualifiers("not all departments follow the standards yet"), not_every)


def test_not_much_is_a_little_not_nothing() -> None:
    assert qualifiers("not much actually shared yet") == {Qualifier.PARTIAL}
    assert qualifiers("not many residents use it") == {Qualifier.PARTIAL}
    assert Qualifier.NEGATED in qualifiers("nothing much is shared")


def test_tokens_are_lightly_stemmed() -> None:
    assert tokens("Dashboards tracked by the city's leaders") == ["dashboard", "track", "by", "the", "city", "leader"]


def test_a_resource_that_ends_is_a_loss_but_work_that_ends_is_done() -> None:
    assert says_something_is_lost("The grant that pays for the team ends next June.")
    assert says_something_is_lost("Our funding runs out in 2026.")
    assert Qualifier.LOSS in qualifiers("the pilot ends in June")
    assert not says_something_is_lost("The asset register project finishes at the end of 2025, and it is funded.")
    assert not says_something_is_lost("The consultation closes in February; the council votes in June.")
    assert not says_something_is_lost("procurement for an open-standards platform closes in June.")
    assert Qualifier.LOSS not in qualifiers("the rollout will finish by spring")
    # a power over the budget, not the budget ending: "has her own budget and can stop or redirect projects"
    assert Qualifier.LOSS not in qualifiers("has her own budget and can stop or redirect projects")
    assert says_something_is_lost("The budget for the hub stops in March.")


def test_same_that_ends_what_is_said_means_no_change() -> None:
    assert says_no_change("So in two years, honestly, probably the same.")
    assert says_no_change("Same next year. There's no programme beyond that.")
    assert not says_no_change("We use the same platform as the county.")
    assert says_no_change("Nothing new planned for the next two years - the team's focus is the new law.")
    assert says_no_change("We'll probably still be at 2.")
    assert says_no_change("Realistically still 1 in two years unless something changes.")
    assert not says_no_change("There are still 3 departments to go.")


def test_about_half_done_and_one_offs_are_a_part() -> None:
    assert qualifiers("IT asset inventory approx half done.") == {Qualifier.PARTIAL}
    assert qualifiers("the mapping is half complete") == {Qualifier.PARTIAL}
    assert qualifiers("integrations are one offs") == {Qualifier.PARTIAL}


def test_what_stopped_at_a_time_gone_by_is_not_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("library classes stopped in 2022")
    assert Qualifier.NEGATED in qualifiers("the forum ended a year ago")
    assert Qualifier.NEGATED not in qualifiers("the consultation closed in 2021 and the plan was adopted")


def test_what_depends_on_who_does_it_varies() -> None:
    assert qualifiers("it depends on the manager") == {Qualifier.PARTIAL}
    assert qualifiers("depends which team you ask") == {Qualifier.PARTIAL}
    assert Qualifier.UNCOMMITTED in qualifiers("it depends on the budget")
    assert Qualifier.UNCOMMITTED in qualifiers("depends who wins the election")


def test_an_idea_or_a_leader_talking_is_not_a_decision() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("the idea is to push responsibility out to all directors")
    assert Qualifier.UNCOMMITTED in qualifiers("there's an idea for an investor conference")
    assert Qualifier.UNCOMMITTED in qualifiers("Mayor keeps talking about a place brand")
    assert Qualifier.UNCOMMITTED in qualifiers("there's no decision or money behind it yet")
    # what people keep talking about in a forum is engagement, not a hope
    assert Qualifier.UNCOMMITTED not in qualifiers("an online forum where residents keep talking about future plans")


def test_might_and_if_someone_has_time_are_hopes() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("The GIS officer might publish the cycle lanes if he has time.")
    assert Qualifier.UNCOMMITTED in qualifiers("Legal might look at it")


def test_a_denial_in_a_relative_clause_with_its_own_subject_qualifies_the_noun() -> None:
    assert qualifiers("a pooled budget for cross-cutting projects that departments can't raid") == set()
    assert qualifiers("the data that departments don't share with us") == set()
    assert Qualifier.NEGATED in qualifiers("systems that can't talk to each other")
    assert Qualifier.NEGATED in qualifiers("a plan that we don't have")


@pytest.mark.parametrize("text", [
    "A procurement strategy approved in 2023 says we should move towards joint purchasing.",  # the document's content
    "it lays out what we want to change on jobs, housing quality",
    "The planning panel won't approve without a participation statement",  # always
    "paid community connectors who go out to people who never come to meetings.",  # who the people are
    "we've a strategic partnership with a not-for-profit on care tech",  # a kind of organisation
    "quarterly meet-the-buyer days, SME-only lots",  # a kind of lot
    "most of it refreshes daily or weekly, charts and maps, no login needed.",  # made easy
    "And we're not the only ones publishing anymore",  # others do too
    "digital by default but not digital only",  # more than one way
    "and there's a city-wide plan to build on it.",  # a plan that exists
    "Considering an innovation route is mandatory for anything over EUR 200k",  # a step of the process
])
def test_words_that_look_like_qualifiers_and_are_not(text: str) -> None:
    assert qualifiers(text) == set()


def test_talk_targets_a_tender_under_way_and_a_pause_are_not_in_place() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("We've been talking about a digital twin to use the sensor data")
    assert Qualifier.UNCOMMITTED in qualifiers("The platform is the target")
    assert Qualifier.FUTURE in qualifiers("We're mid-procurement for an AI chatbot")
    assert Qualifier.NEGATED in qualifiers("the open data portal project got paused when the CDO left")
    # people who keep talking about the city's future is the dialogue itself
    assert qualifiers("an online platform where residents keep talking about future plans") == set()


@pytest.mark.parametrize("hope", [
    "If the merger with the neighbouring district goes through we'd probably adopt their digital infrastructure",
    "The plan is to rewrite it with proper outcomes IF the new mayor's budget includes it",
    "we'd really like a proper smart city strategy",
    "Moving to a shared platform comes after 2027.",
    "Target state would be an EA on open standards with a roadmap",
    "Everything on a shared platform is the 2028 target",
    "A logic model linking investments to outcomes was 'discussed'",
    "A data governance board with real teeth was proposed",
    "We've been discusing a cross-directorate outcomes board for a while.",
    "We've chatted with the university about a regional data partnership",
    "The opposition's manifesto promises a city-wide outcomes framework",
])
def test_floated_conditional_or_later_is_a_hope(hope: str) -> None:
    assert Qualifier.UNCOMMITTED in qualifiers(hope)


def test_a_post_deleted_or_a_panel_wound_up_is_a_loss() -> None:
    assert Qualifier.LOSS in qualifiers("But the budget agreed last week deletes the director post from April")
    assert Qualifier.LOSS in qualifiers("The citizens' panel is being wound up in the savings")
    assert qualifiers("the board discussed the KPIs last month") == set()
    assert qualifiers("the strategy includes a dashboard") == set()
    assert qualifiers("we re-cut the budget to match.") == set()  # done, and no loss
    assert qualifiers("a standing online forum where people keep discussing upcoming plans") == set()


def test_work_begun_or_part_done_is_partial() -> None:
    for begun in ("Started an asset register across departments last year", "maybe 60% done",
                  "Information governance started an information asset register in 2023"):
        assert Qualifier.PARTIAL in qualifiers(begun), begun
    assert qualifiers("young people not in work or education, new arrivals") == set()  # who, not a gap


def test_needs_written_down_as_a_finding_are_no_wish() -> None:
    assert qualifiers("We did a skills mapping and wrote down what we need") == set()
    assert Qualifier.UNCOMMITTED in qualifiers("what we need is a proper skills plan")


def test_the_same_words_still_qualify_where_they_mean_it() -> None:
    assert qualifiers("we plan to publish it") == {Qualifier.FUTURE}
    assert Qualifier.UNCOMMITTED in qualifiers("we're considering a dashboard")
    assert qualifiers("it is only used in IT") == {Qualifier.PARTIAL}
    assert Qualifier.NEGATED in qualifiers("there is no budget")


def test_something_that_stalled_is_not_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("the partnership with the university stalled in 2023 when the funding ended")
    assert Qualifier.NEGATED in qualifiers("the data trust went nowhere")
    assert Qualifier.NEGATED not in qualifiers("the board folded up the two groups into one")


def test_something_put_off_or_left_without_money_is_no_commitment() -> None:
    for deferred in ("Getting everything onto one common platform is the long-term dream",
                     "Getting all departments onto one shared platform is longer term, 5+ years.",
                     "that's years off and unfunded", "no budget for that", "exec deferred it",
                     "A live view of skills across the partners would be cool"):
        assert {Qualifier.UNCOMMITTED, Qualifier.FUTURE} <= qualifiers(deferred), deferred
    assert qualifiers("Our long-term strategy was adopted in 2020") == set()
    assert Qualifier.UNCOMMITTED not in qualifiers("the long-term plan is funded and starts in January")


def test_a_fact_judged_short_of_the_mark_is_partial_but_a_low_cost_channel_is_not() -> None:
    assert qualifiers("online take-up is low") == {Qualifier.PARTIAL}
    assert qualifiers("uptake remains very poor") == {Qualifier.PARTIAL}
    assert qualifiers("we moved people to lower-cost digital channels") == set()


def test_on_paper_is_partial_in_name_only_not_when_records_are_kept_on_paper() -> None:
    assert Qualifier.PARTIAL in qualifiers("The strategy exists on paper")
    assert Qualifier.PARTIAL not in qualifiers("Bridges are inspected manually and logged on paper")


def test_an_understatement_denies_nothing_but_nothing_fancy_like_x_denies_x() -> None:
    assert Qualifier.NEGATED not in qualifiers("We use the usual channels, website, socials, nothing fancy")
    assert Qualifier.NEGATED in qualifiers("Nothing fancy like visualisations or social media campaigns")


def test_it_in_capitals_is_information_technology_not_the_pronoun() -> None:
    from bot.suggestion.words import content_tokens

    assert content_tokens("Our IT is modern") == ["ict", "modern"]
    assert content_tokens("it is modern") == ["modern"]


def test_a_quoted_name_or_motto_carries_none_of_its_words_negation() -> None:
    assert qualifiers("We've had a channel strategy since 2020, 'digital by default, never digital only'") == set()
    assert qualifiers('Our "Leave No One Behind" plan has targets for every ward.') == set()
    assert qualifiers("our ‘No Wrong Door’ policy covers all services") == set()
    # the speaker's own words outside the quotes still count
    assert Qualifier.NEGATED in qualifiers("we haven't got the 'one front door' yet")
    # quoted speech is the speaker's report: a person in it, or a verb of saying before it
    assert Qualifier.NEGATED in qualifiers("staff told us 'we never see the targets'")
    assert Qualifier.NEGATED in qualifiers('the board said: "not this year"')
    assert Qualifier.UNCOMMITTED in qualifiers("Procurement says they'll 'see how it goes'.")


def test_no_longer_just_says_something_grew_while_no_longer_alone_says_it_stopped() -> None:
    assert qualifiers("And it's no longer just her team") == set()
    assert Qualifier.NEGATED in qualifiers("the board no longer meets")


def test_talk_maybe_and_would_be_good_are_hopes_but_maybe_forty_is_a_count() -> None:
    for hope in ("There's talk of a 3D model and doing more on social", "Would be good to reach more young people",
                 "Maybe after the elections the new council will want one, who knows.", "nothing concrete planned"):
        assert Qualifier.UNCOMMITTED in qualifiers(hope), hope
    assert qualifiers("We use the website and social media to talk about the city's future plans") == set()
    assert qualifiers("we publish maybe 40 datasets") == set()
    # an estimate in words is no hope either, and a word that only starts like a number is no estimate
    assert qualifiers("How many datasets? Maybe forty, the data team would know better.") == set()
    assert Qualifier.UNCOMMITTED in qualifiers("maybe tenants could run the scheme themselves")
    assert qualifiers("maybe a dozen have a target trajectory") == set()


def test_someone_who_scrapped_it_says_it_stopped_unless_something_replaced_it() -> None:
    assert Qualifier.NEGATED in qualifiers("the CEO scrapped the quarterly performance review last year")
    assert qualifiers("we dropped the paper forms in favour of the app") == set()


def test_a_quoted_phrase_of_time_keeps_its_sense_and_a_switch_off_is_a_loss() -> None:
    assert Qualifier.FUTURE in qualifiers("A wellbeing strategy has been 'in the pipeline' for 2 years.")
    for loss in ("so it will be switched off", "there's no budget for the licence after that",
                 "realistically in two years it's back to website, newsletter and social"):
        assert Qualifier.LOSS in qualifiers(loss), loss


def test_another_bodys_business_is_no_evidence_of_the_citys_own() -> None:
    for elsewhere in ("Waste is the county's", "water is the utility's", "transport sits with the region"):
        assert Qualifier.UNSURE in qualifiers(elsewhere), elsewhere
    assert qualifiers("the county's plan covers us") == set()


def test_a_few_problems_sorted_is_an_achievement_not_a_limited_scope() -> None:
    assert qualifiers("which has actually sorted a few cross-boundary problems") == set()
    assert Qualifier.PARTIAL in qualifiers("a few departments publish data")


def test_something_held_between_two_past_years_or_frozen_has_stopped() -> None:
    assert Qualifier.NEGATED in qualifiers("We had a Smart City Programme Director from 2019 to 2023 with a small team")
    assert Qualifier.NEGATED in qualifiers("the post was frozen in the savings round and the board stopped meeting")
    assert qualifiers("the strategy runs from 2020 to 2030") == set()


def test_an_open_question_a_thing_on_the_roadmap_and_a_mention_are_no_facts() -> None:
    assert Qualifier.UNSURE in qualifiers("Whether they'll then monitor compliance")
    assert Qualifier.FUTURE in qualifiers("an open data portal is 'on the roadmap'")
    assert Qualifier.FUTURE not in qualifiers("we publish a progress update on the roadmap")
    assert Qualifier.UNCOMMITTED in qualifiers("they've mentioned benchmarking")
    assert Qualifier.UNCOMMITTED in qualifiers("Nothing's approved.")


def test_a_times_artefact_or_a_reviewed_pilot_qualifies_nothing() -> None:
    assert qualifiers("the annual evaluation feeds into next year's plan") == frozenset()
    assert qualifiers("evaluation of the reuse-shop pilots fed into the new policy") == frozenset()
    assert Qualifier.FUTURE in qualifiers("next year we publish it")
    assert Qualifier.PARTIAL in qualifiers("we run a pilot in two wards")


def test_a_crowd_and_a_problem_avoided_qualify_nothing() -> None:
    assert qualifiers("our live Q&As on social media get a few thousand people each time") == frozenset()
    assert qualifiers("the board sorted it across departments without escalation") == frozenset()
    assert Qualifier.PARTIAL in qualifiers("a few departments use it")
    assert Qualifier.NEGATED in qualifiers("we work without a plan")


def test_how_long_something_has_run_is_no_partial_scope() -> None:
    assert qualifiers("We've had an enterprise architecture for a few years now") == frozenset()
    assert qualifiers("the board has met monthly for a few months") == frozenset()
    assert Qualifier.PARTIAL in qualifiers("a few teams have used it for a few years")


def test_a_lesser_description_denied_is_more_not_less() -> None:
    assert qualifiers("It's not ad hoc, it's policy.") == frozenset()
    assert qualifiers("it is no longer a pilot, it runs city-wide") == frozenset()
    assert Qualifier.NEGATED in qualifiers("not a pilot yet")
    assert Qualifier.NEGATED in qualifiers("we haven't even run a pilot")


def test_needs_stated_as_a_finding_are_no_wish() -> None:
    assert qualifiers("We did a skills review in 2022 and listed what we need: strategy, commercial") == frozenset()
    assert Qualifier.UNCOMMITTED in qualifiers("what we need is a strategy")


def test_a_measured_share_of_the_people_is_a_statistic() -> None:
    assert qualifiers("Around 12% of residents are offline or lack basic digital skills") == frozenset()
    assert Qualifier.NEGATED in qualifiers("residents lack basic digital skills and we have no courses")


def test_times_to_come_said_in_chat_are_plans() -> None:
    for text in ("action plan due at council nov next yr", "launching by eoy", "dashboard goes live in Q3",
                 "to be rolled out from april", "we're rolling it out from january", "starting in the new year",
                 "data hub due Q2 2027", "board kicks off in march", "coming in 2027"):
        assert Qualifier.FUTURE in qualifiers(text), text
    for text in ("we rolled it out in 2019", "it started in 2021", "the board kicked off in March 2022"):
        assert Qualifier.FUTURE not in qualifiers(text), text


def test_a_bare_denial_denies_what_the_clause_before_it_named() -> None:
    clauses = split_clauses("Channel strategy.. no we don't have. Environment strategy... there is none really.")
    assert [c.text for c in clauses] == ["Channel strategy.. no we don't have.",
                                         "Environment strategy... there is none really."]
    assert all(Qualifier.NEGATED in qualifiers(c.text) for c in clauses)


def test_nobody_else_denies_what_the_clause_before_it_named() -> None:
    clauses = split_clauses("Our data is used by the departments that hold it. Nobody else.")
    assert [c.text for c in clauses] == ["Our data is used by the departments that hold it. Nobody else."]
    assert [c.text for c in split_clauses("We publish the plan. Nobody reads it.")] == [
        "We publish the plan.", "Nobody reads it."]


def test_a_plus_between_two_clauses_is_an_and() -> None:
    assert [c.text for c in split_clauses("outcome boards own them + they actually sorted cross-boundary risks")] == [
        "outcome boards own them", "they actually sorted cross-boundary risks"]
    assert len(split_clauses("open standards + APIs")) == 1


def test_a_bare_denial_after_a_question_or_before_a_colon_stays_apart() -> None:
    assert [c.text for c in split_clauses("Sensors? nope. Nothing connected.")][:2] == ["Sensors?", "nope."]
    assert [c.text for c in split_clauses("They publish what they changed. Not there: data sharing.")] == [
        "They publish what they changed.", "Not there: data sharing."]


def test_a_denial_in_a_relative_clause_with_whose_qualifies_the_noun() -> None:
    assert qualifiers("the last refresh dropped two projects whose benefits never showed up") == frozenset()
    assert Qualifier.NEGATED in qualifiers("we never refresh the business case")


def test_a_contracted_will_inside_an_embedded_question_is_no_plan() -> None:
    assert Qualifier.FUTURE not in qualifiers("the roadmap says where we'll put money: sensors, the data platform")
    assert Qualifier.FUTURE in qualifiers("we'll put money into sensors next year")


def test_a_need_after_a_preposition_is_a_finding() -> None:
    assert qualifiers("a skills map for the team, with what we need: strategy, engagement and tech") == frozenset()


def test_others_talking_and_an_outcome_that_depends_are_no_commitment() -> None:
    assert Qualifier.UNCOMMITTED in qualifiers("candidates talk about a wellbeing strategy")
    assert Qualifier.UNCOMMITTED in qualifiers("no plan approved, depends who wins")


def test_who_feeds_a_thing_and_a_years_plan_qualify_nothing() -> None:
    assert qualifiers("the public dashboard is fed partly by our sensors") == frozenset()
    assert Qualifier.PARTIAL in qualifiers("the dashboard is partly in place")
    assert qualifiers("every programme gets an impact evaluation and the results go into next year delivery plan") \
        == frozenset()


def test_who_cant_at_the_end_of_a_clause_qualifies_the_people() -> None:
    assert qualifiers("assisted digital in libraries + phone line for who cant.") == frozenset()


def test_a_register_still_empty_is_nothing_in_place() -> None:
    assert Qualifier.NEGATED in qualifiers("the risk register is still empty")
    assert qualifiers("we bring empty homes back into use") == frozenset()


def test_a_time_from_now_is_a_plan() -> None:
    for text in ("BI system contracted, live in 12 months for all directorates", "launching in nine months"):
        assert Qualifier.FUTURE in qualifiers(text), text
    for text in ("we built it in 6 months", "it went live in 3 months"):
        assert Qualifier.FUTURE not in qualifiers(text), text


def test_not_before_a_noun_that_ends_the_clause_sets_that_noun_aside() -> None:
    clauses = [c.text for c in split_clauses(
        "it's organised around life events (moving home, having a baby) not departments, so nobody needs to know.")]
    assert clauses[:2] == ["it's organised around life events (moving home, having a baby", "not departments"]
    assert [c.text for c in split_clauses("It is not yet live.")] == ["It is not yet live."]
    assert [c.text for c in split_clauses("we do not publish it")] == ["we do not publish it"]


def test_next_year_before_a_determiner_is_still_a_time_to_come() -> None:
    assert Qualifier.FUTURE in qualifiers("next year the plan gets adopted")


def test_what_became_of_a_thing_named_before_is_that_thing_s_fate() -> None:
    assert [c.text for c in split_clauses("A data strategy went to cabinet in 2021, got deferred and never came back.")
            ] == ["A data strategy went to cabinet in 2021, got deferred and never came back."]
    joint = split_clauses("Our one shared contract — cleaning for two depots — ended last year and wasn't renewed.")
    assert Qualifier.NEGATED in qualifiers(joint[-1].text) and "cleaning for two depots" in joint[-1].text
    deferred = split_clauses("A design standard went to the management team in May; decision deferred.")
    assert len(deferred) == 1 and Qualifier.FUTURE in qualifiers(deferred[0].text)
    # a sentence of its own that opens with "never" has its own subject left out: not a fate
    assert len(split_clauses("We publish the data. Never heard of a hackathon here.")) == 2
    # what it stopped being is a change, not an end
    assert len(split_clauses("A board runs it. It stopped being one team's thing years ago.")) == 2
    assert Qualifier.NEGATED not in qualifiers("It stopped being one team's thing years ago.")


def test_a_thing_pulled_or_axed_and_a_post_deleted_in_few_words_are_over() -> None:
    pulled = split_clauses("We started a co-design project in 2020 but it was pulled before a single session happened.")
    assert len(pulled) == 1 and Qualifier.NEGATED in qualifiers(pulled[0].text)
    # done by it, not to it: "it pulled two projects last year" is what the board did
    assert len(split_clauses("The board can stop projects (it pulled two last year).")) == 2
    assert Qualifier.NEGATED in qualifiers("We had a sustainability officer till 2020 trying to pull it together")
    assert Qualifier.NEGATED in qualifiers("We had an officer trying to pull it together, post deleted.")
    assert Qualifier.NEGATED not in qualifiers("We deleted duplicate records, post merger.")


def test_a_problem_denied_states_the_positive_and_a_meeting_that_then_stopped_is_over() -> None:
    assert Qualifier.NEGATED not in qualifiers("the skills audit found no critical gaps")
    assert Qualifier.NEGATED not in qualifiers("there are no barriers left")
    assert Qualifier.NEGATED in qualifiers("we have no gap analysis")
    assert Qualifier.NEGATED in qualifiers("the forum met twice in 2019 and then just stopped")
    assert Qualifier.NEGATED not in qualifiers("the board met monthly and then stopped being a talking shop")
    assert Qualifier.FUTURE in qualifiers("a new vision is 'in scoping'")


def test_where_we_want_to_be_written_down_is_a_target_not_a_wish() -> None:
    assert qualifiers("for each KPI we measured where we started and wrote where we want to be in 2030") == set()
    assert Qualifier.FUTURE in qualifiers("We want to be a smart city by 2030")


def test_a_short_piece_said_of_each_item_is_a_fact_of_its_own() -> None:
    assert [c.text for c in split_clauses("30 indicators set against the plan, every one baselined.")] == [
        "30 indicators set against the plan", "every one baselined."]
    assert len(split_clauses("economic, social and environmental goals")) == 1


def test_what_did_not_work_is_what_was_dropped_not_a_denial_of_the_clause() -> None:
    assert Qualifier.NEGATED not in qualifiers("We evaluated the events programme, dropped what didn't work")
    assert Qualifier.NEGATED in qualifiers("We didn't evaluate what worked")


def test_one_promised_for_a_thing_denied_reads_as_that_thing_and_is_quoted_verbatim() -> None:
    answer = "No resource strategy at all now. Council passed a motion to adopt one by next summer."
    denied, promised = split_clauses(answer)
    assert promised.said == "Council passed a motion to adopt resource strategy by next summer."
    assert promised.text == answer[promised.start:promised.end] and denied.said == denied.text
    # "one" of a kind, a one-off or a one-line note is no pronoun
    assert all(not c.reading for c in split_clauses("We have no plan. Each project just has a one-line note."))
    assert all(not c.reading for c in split_clauses("No board yet. We'll set up one of the panels first."))


def test_the_next_step_and_what_we_are_scoping_are_to_come() -> None:
    assert Qualifier.FUTURE in qualifiers("Next step we're scoping is letting residents see what we hold about them")
    assert Qualifier.FUTURE in qualifiers("a public dashboard, that's the next step.")
    assert Qualifier.FUTURE not in qualifiers("residents argue the next phase out with each other")


def test_what_other_places_do_is_not_where_we_stand() -> None:
    assert Qualifier.UNSURE in qualifiers("Other cities are on about digital twins")
    assert Qualifier.UNSURE in qualifiers("most places don't even have that.")
    assert Qualifier.UNSURE not in qualifiers("Other councils in the region have service designers, we have none.")
    assert Qualifier.UNSURE not in qualifiers("most parish councils have signed up")


@pytest.mark.parametrize("text", [
    "Data catalogue: pending cabinet approval", "Benefits framework awaiting sign-off by CMT",
    "Dashboard go-live scheduled for Q3", "slipped to March", "Workstream in discovery phase",
    "Procurement underway for the CRM", "Business case in development", "On track for adoption in September",
])
def test_a_project_s_status_as_status_reports_put_it_is_still_to_come(text: str) -> None:
    assert Qualifier.FUTURE in qualifiers(text)


def test_on_track_with_what_is_measured_is_not_a_plan() -> None:
    assert Qualifier.FUTURE not in qualifiers("we're on track for the carbon trajectory.")


def test_a_status_from_a_tracker_qualifies_the_item_it_follows() -> None:
    register = split_clauses("Action 4.2 'Data asset register' – Status: NOT STARTED (owner: CDO). Teams keep "
                             "their own.")
    assert register[0].text.startswith("Action 4.2") and Qualifier.NEGATED in qualifiers(register[0].text)
    descoped = split_clauses("'Service design team' – DESCOPED in the 2024 savings round")
    assert len(descoped) == 1 and Qualifier.NEGATED in qualifiers(descoped[0].text)
    held = split_clauses("Co-design framework for major schemes – on hold pending the Local Plan review")
    assert len(held) == 1 and Qualifier.FUTURE in qualifiers(held[0].text)
    # a colour or "live" says nothing against the item, and a heading that says "Planned:" opens a sentence of its own
    assert len(split_clauses("Open data portal – GREEN")) == 2
    planned = split_clauses("Recovery times improved after the floods. Planned: a live dashboard, contracted.")
    assert planned[0].text == "Recovery times improved after the floods."


@pytest.mark.parametrize("text", [
    "I tried to get a channel cost breakdown out of finance last year",
    "I was told there's a citywide asset policy",
    "someone told me we have a resident panel for this",
    "the board supposedly signs off every new system",
])
def test_an_attempt_and_hearsay_are_no_evidence_either_way(text: str) -> None:
    assert Qualifier.UNSURE in qualifiers(text)


def test_what_the_speaker_has_seen_is_evidence() -> None:
    assert Qualifier.UNSURE not in qualifiers("I've seen the quarterly tracker pack myself, so that bit I can confirm")
    # listening is no hearsay: "we hear what residents want", "you said, we heard"
    assert Qualifier.UNSURE not in qualifiers("we hear what residents want through the panel every quarter")
    assert Qualifier.UNSURE in qualifiers("I heard that there is a data ethics board")


def test_a_rule_said_with_two_negations_is_no_denial() -> None:
    assert Qualifier.NEGATED not in qualifiers("since 2022 nothing gets bought without design authority sign-off")
    assert Qualifier.NEGATED not in qualifiers("no scheme goes ahead without a business case")
    assert Qualifier.NEGATED in qualifiers("we have no scheme, and nothing goes ahead")


def test_what_a_contrast_sets_aside_ends_at_the_list_separator() -> None:
    answer = "Contracts judge value for the whole town not each dept, outcome-based specs, and open data."
    clauses = split_clauses(answer)
    assert [c.text for c in clauses][-2:] == ["not each dept", "outcome-based specs, and open data."]
    marks = clause_qualifiers(clauses)
    assert Qualifier.NEGATED in marks[-2] and Qualifier.NEGATED not in marks[-1]


def test_what_a_plan_lacks_said_after_it_leaves_it_uncommitted() -> None:
    plan = split_clauses("A digital skills framework is on the list - explore next year. No owner, no date.")
    assert len(plan) == 1 and {Qualifier.UNCOMMITTED, Qualifier.NEGATED} <= qualifiers(plan[0].text)
    assert Qualifier.UNCOMMITTED in qualifiers("Realistically none of it is committed.")
    # today's lack is not a plan's: "she has no budget", a lone "no budget" after a fact
    assert Qualifier.UNCOMMITTED not in qualifiers("she has no budget and no seat on the board")
    fact = split_clauses("We have a digital lead. No budget.")
    assert len(fact) == 2 and Qualifier.UNCOMMITTED not in qualifiers(fact[-1].text)


@pytest.mark.parametrize("text", [
    "New corporate vision incl. smart city ambitions - TBC",
    "The Mayor wants a resilience strategy",
])
def test_what_is_to_be_confirmed_and_someone_s_wish_are_not_commitments(text: str) -> None:
    assert Qualifier.UNCOMMITTED in qualifiers(" ".join(c.text for c in split_clauses(text)))
    assert len(split_clauses(text)) == 1


def test_an_action_of_an_action_log_is_work_to_do_unless_its_status_says_done() -> None:
    red = split_clauses("Action 2.6 annual public progress report – RED – owner: Head of Policy")
    assert red[0].text.endswith("RED") and Qualifier.FUTURE in qualifiers(red[0].text)
    done = split_clauses("Action 4.1 publish the asset register – COMPLETE")
    assert len(done) == 1 and Qualifier.FUTURE not in qualifiers(done[0].text)
    assert Qualifier.FUTURE not in qualifiers("We took action 3 years ago and published the register")
