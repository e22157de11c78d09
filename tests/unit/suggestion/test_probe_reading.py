"""Replies to an evidence probe are read for polarity and scope, whatever their topic."""

import pytest

from bot.knowledge import KnowledgeBase
from bot.suggestion.condition_index import states_a_beginning
from bot.suggestion.models import ProbeAnswer
from bot.suggestion.probe_reading import read_probe_reply

YES, PARTLY, NO, NOT_YET, UNSURE = (ProbeAnswer.YES, ProbeAnswer.PARTLY, ProbeAnswer.NO, ProbeAnswer.NOT_YET,
                                    ProbeAnswer.UNSURE)


@pytest.mark.parametrize(("reply", "expected"), [
    ("Yes", YES),
    ("yes, every objective has a measure and the board looks at them", YES),
    ("Yep.", YES),
    ("Absolutely - it's been that way for years.", YES),
    ("Mostly yes, a couple of small services are still outside it.", YES),
    ("The executive team reviews the scorecard each month.", YES),
    ("No", NO),
    ("Nope, nothing like that.", NO),
    ("Not really.", NO),
    ("The dashboard is internal; residents never see it.", NO),
    ("Nobody tracks them.", NO),
    ("Partly.", PARTLY),
    ("Only in transport.", PARTLY),
    ("Yes, but only for the two biggest departments.", PARTLY),
    # "A, not B" where B is who: the sentence says what is in place
    ("The partners chair it and set the agenda, not us.", YES),
    ("Residents pick the projects, not the council officers.", YES),
    ("No, the council decides, not the partners.", NO),
    ("The plan is in draft, not adopted.", NOT_YET),
    # one unit of the whole
    ("Housing has one, yes, but that's just one department.", PARTLY),
    ("Yes, but it covers just the one directorate.", PARTLY),
    ("Yes, there's just one place to go for every service.", YES),
    ("In some departments, not across the council.", PARTLY),
    ("consult people on the strategy? not really, nothing formal - it was signed off internally", NO),
    ("A full virtual model of the whole city? No, nothing like that.", NO),
    ("Published? yes, every quarter.", YES),
    # a quantity or a frequency for an answer, ended by a mark
    ("sharing and reuse? plenty, it's not ad hoc", YES),
    ("loads, every department does it", YES),
    ("always been a problem, we never get budget", NO),
    # a yes or no said modestly: the hedge is modesty about the answer, not a limit on what is in place
    ("I guess so", YES),
    ("I guess yes? Last year the board moved retrofit to the top of the strategy. Didn't think that was special.", YES),
    ("we did a 3D flythrough and a map-based comment tool, I guess that counts? got about 4k comments", YES),
    ("I guess not", NO),
    ("I guess so, but only in transport", PARTLY),
    ("kind of, the big services at least", PARTLY),
    # an interjection before the answer
    ("Actually yes, now that I think about it. The renewal contract, signed in May, includes an API sandbox", YES),
    ("Apparently yes - there's one customer record underneath", YES),
    ("Hmm, no", NO),
    ("Honestly not sure", UNSURE),
    ("turns out yes - the digital twin went public last year and residents can run scenarios themselves", YES),
    # a few words before the answer; but a scope before it limits it, and a hedge is its own answer
    ("OK, when you put it like that, yes. There's a data standards policy cabinet adopted in 2023 and an API standard",
     YES),
    ("Now that I think about it, no. The board only reviews reports", NO),
    ("For the big capital projects, yes, but not for anything else", PARTLY),
    ("Only in transport, yes", PARTLY),
    ("Next spring, yes - the policy goes to cabinet in March", NOT_YET),
    # the words of a yes turned into a no, and everyday ways of saying no, not yet and partly
    ("Definitely not", NO),
    ("Absolutely not, it's all done department by department", NO),
    ("I doubt it", NO),
    ("Unlikely", NO),
    ("We used to", NO),
    ("Hardly", NO),
    ("It's planned", NOT_YET),
    ("Almost", PARTLY),
    ("A bit, in housing", PARTLY),
    ("Definitely, since 2020", YES),
    ("Not yet.", NOT_YET),
    ("No, that's planned for 2027.", NOT_YET),
    ("It goes to council next spring.", NOT_YET),
    ("We're drafting it now.", NOT_YET),
    ("Yes, but it's still being drafted.", NOT_YET),
    ("Not sure.", UNSURE),
    ("I'd have to check with finance.", UNSURE),
    ("No idea, you'd need to ask the planning team.", UNSURE),
    ("", UNSURE),
])
def test_replies_read_as_people_mean_them(reply: str, expected: ProbeAnswer) -> None:
    assert read_probe_reply(reply, 4) == expected


def test_no_as_a_word_inside_a_sentence_is_not_a_no() -> None:
    assert read_probe_reply("No scheme goes ahead without a business case.", 4) == YES


def test_a_limited_scope_is_what_level_two_describes() -> None:
    assert read_probe_reply("A few pilots here and there, in a couple of departments.", 2) == YES
    assert read_probe_reply("A few pilots here and there, in a couple of departments.", 4) == PARTLY


def test_a_yes_with_its_limits_is_the_beginning_a_rung_of_beginnings_asks_about() -> None:
    patchy = ("Yes, data standards and an interoperability policy exist - but compliance is patchy, no one enforces "
              "them.")
    assert read_probe_reply(patchy, 3, beginning=True) == YES  # level 3 of 3.2.1: "has started to develop policies"
    assert read_probe_reply(patchy, 3) == PARTLY
    assert read_probe_reply("Yes, but only in two departments so far", 2) == YES
    assert read_probe_reply("Yes, but only in two departments so far", 4) == PARTLY
    assert read_probe_reply("Yes, but it's still being drafted.", 2) == NOT_YET  # a plan still limits it
    # what the thing is like is no plan: "mostly aspiration" says the vision is vague, not that it is to come
    aspiration = "Yeah, fair. It's adopted but it's mostly aspiration, nothing on what changes for jobs or by when."
    assert read_probe_reply(aspiration, 2) == YES
    assert read_probe_reply("Yes, but our aspiration is to publish it next year.", 2) == NOT_YET


def test_the_rungs_that_describe_beginnings(kb: KnowledgeBase) -> None:
    beginnings = {(c.id, level.level) for c in kb.characteristics for level in c.levels
                  if level.level > 2 and states_a_beginning(level.conditions, level.level)}
    assert beginnings == {("3.2.1", 3), ("3.2.2", 3)}
    assert all(states_a_beginning(c.level(2).conditions, 2) for c in kb.characteristics)


def test_past_the_rung_asked_about_is_a_yes() -> None:
    assert read_probe_reply("We're well past that - the help isn't a secret anymore, the drop-ins are packed.", 2) \
        == ProbeAnswer.YES
    assert read_probe_reply("Way beyond that, the strategy is live.", 3) == ProbeAnswer.YES
    assert read_probe_reply("No, we're not past that.", 3) == ProbeAnswer.NO


def test_a_description_that_concludes_with_the_answer() -> None:
    reply = ("We have data standards (common address identifiers, API guidelines) and a data policy, so yes – but "
             "compliance is hit and miss, no teeth.")
    assert read_probe_reply(reply, 3, beginning=True) == ProbeAnswer.YES
    assert read_probe_reply(reply, 4) == ProbeAnswer.PARTLY
    assert read_probe_reply("We ran one hackathon in 2019, so no, nothing regular.", 3) == ProbeAnswer.NO


def test_the_description_accepted_is_a_yes() -> None:
    assert read_probe_reply("That's about right, sadly. Loads of residents still can't get online.", 2) \
        == ProbeAnswer.YES
    assert read_probe_reply("Yes, that's the honest description: a few good examples, but it depends on the "
                            "manager.", 2) == ProbeAnswer.YES
    assert read_probe_reply("Sounds about right - the board meets monthly.", 3) == ProbeAnswer.YES
    # what practice depends on (who does it) limits it; what a plan depends on makes it a hope
    assert read_probe_reply("Yes, but it depends on the manager.", 3) == ProbeAnswer.PARTLY
    assert read_probe_reply("Yes, but it depends on the budget next year.", 3) == ProbeAnswer.NOT_YET


def test_a_reply_that_says_the_rung_is_passed_is_a_yes_that_points_up() -> None:
    from bot.suggestion.probe_reading import says_beyond

    for reply in ("More than that actually - the plan has a whole chapter on data.", "Yes, and further.",
                  "Yes, we have the policy, and more.", "It goes further than that."):
        assert read_probe_reply(reply, 2) == ProbeAnswer.YES and says_beyond(reply)
    for reply in ("Yes.", "more or less", "No, we're not past that.", "we need more staff"):
        assert not says_beyond(reply)


def test_all_that_was_asked_granted_modestly_is_a_yes() -> None:
    assert read_probe_reply("I suppose we do all of that: hackathons, supplier days and an SME challenge fund, where "
                            "nobody was supplying anything.", 4) == ProbeAnswer.YES
    assert read_probe_reply("We run open challenges with start-ups twice a year. I wouldn't call it innovative.",
                            4) == ProbeAnswer.YES
    assert read_probe_reply("I suppose we do that, but only in transport.", 4) == ProbeAnswer.PARTLY
