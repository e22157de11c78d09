"""Whether a message asks for anything: a question does; a statement does when it states a request, a
need or a problem, or is a bare topic."""

import pytest

from bot.retrieval.guidance_request import asks_for_guidance, is_bare_topic, seeks_guidance_by_name
from bot.retrieval.intent import looks_up_a_fact


@pytest.mark.parametrize("message", [
    "Which standard helps us publish open data?",
    "Energy data sharing - standard?",
    "is ISO 37104 the right one for us or is there something more specific?",
    "architecture guidance pls",
    "We need a common set of indicators to compare ourselves with other towns.",
    "Looking for good practice on co-designing services",
    "send me whatever covers digital identity",
    "our asset register is a mess. no idea where to begin",
    "Nobody knows which servers and licences the council owns.",
    "We can't find out which servers and licences the council owns.",
    "Each department buys its own system and keeps its own data.",
    "resilience planning is ad hoc across the agencies",
    "smart-enabled city vision standard",
    "indicators for a resilient city",
    # a question without its mark, and a need named as a thing
    "bigger picture: the operating model side plus the detailed stuff on infrastructures. what should our team read",
    "for the audit file I need the normative references for this assessment",
    "quality of life indicators for the wellbeing report, the standard core set that lots of cities use",
])
def test_ways_of_asking(message: str) -> None:
    assert asks_for_guidance(message)


@pytest.mark.parametrize("message", [
    "Council approved the climate plan last night, nice work everyone.",
    "Good morning team ☀️",
    "Rotterdam got its ISO 37120 platinum certificate this year, great news for them",
    "Digital inclusion is the biggest issue of our time, honestly.",
    '> "The community has community-wide management processes" is level 3 wording',
    "quick update: the open data workshop has moved to Friday 10am",
])
def test_statements_that_ask_for_nothing(message: str) -> None:
    assert not asks_for_guidance(message)


@pytest.mark.parametrize("message", [
    "Is ISO 37120 the same document as the old BS 8904?",
    "If we are between level 3 and 4 for channel management, which one do I enter?",
    "Does level 5 on benefit delivery mean the benefits are published?",
    "we got a 3 for resilience in the pilot, is that good?",
    "Did you see Rotterdam got its ISO 37120 certificate?",
    "who's the new chief digital officer in Leeds?",
    "how many characteristics does the maturity model have?",
])
def test_questions_of_another_kind_are_told_apart_by_their_kind(message: str) -> None:
    from bot.retrieval.intent import asks_a_chore_or_a_price

    assert asks_for_guidance(message)  # a question asks ...
    assert looks_up_a_fact(message) or asks_a_chore_or_a_price(message)  # ... but not for guidance


def test_a_bare_topic_has_no_person_and_no_finite_verb() -> None:
    assert is_bare_topic("indicators for a resilient city")
    assert not is_bare_topic("we scored badly")
    assert not is_bare_topic("the council approved it")
    assert not is_bare_topic("Nobody knows which servers the council owns.")  # a sentence, not a search
    assert not is_bare_topic("a " * 18 + "topic")
    # a day belongs to news or plans, not to a search box
    assert not is_bare_topic("Done with 1.3.1 and 1.3.2, moving on to procurement tomorrow morning")
    assert not asks_for_guidance("Done with 1.3.1 and 1.3.2, moving on to procurement tomorrow morning")
    assert is_bare_topic("procurement of smart street lighting")


def test_a_question_to_a_colleague_is_not_for_the_bot_unless_it_asks_for_a_standard() -> None:
    assert looks_up_a_fact("@Priya can you send me the slides for the resilience board?")
    assert looks_up_a_fact("<@U0123ABC> are you joining the procurement workshop on Thursday?")
    assert not looks_up_a_fact("@Priya is there a standard for resilience indicators?")


def test_the_model_s_own_words_ask_when_the_message_asks_for_a_document_by_name() -> None:
    for message in ("can someone point me to the vocabulary? the definitions the maturity model is built on",
                    "Where does the methodology behind the maturity model come from? I'd like the source",
                    "The director asked about the maturity levels. Can anyone point me to the right documents?"):
        assert asks_for_guidance(message) and not looks_up_a_fact(message)
    assert looks_up_a_fact("how many characteristics are there in the maturity model?")


def test_a_task_put_as_an_imperative_or_a_topic_with_a_relative_clause_asks() -> None:
    assert asks_for_guidance("run sustainability across the city as a management system we could be certified against")
    assert asks_for_guidance("an open data portal that startups use")


def test_chat_requests_ask_a_purpose_is_no_verb_of_the_topic_and_news_after_so_does_not_ask() -> None:
    assert asks_for_guidance("more detailed service oriented architecture guidance - which one")
    assert asks_for_guidance("which std covers the city data model")
    assert asks_for_guidance("social cohesion - we score 1. what helps us identify the issues, baseline, action plan")
    assert is_bare_topic("concept model / common ontology so transport, health, housing systems can interoperate")
    assert not asks_for_guidance("ok so the digital inclusion strategy was signed off by cabinet today. just noting it "
                                 "here.")
    assert not is_bare_topic("we launched the portal so residents can apply online.")


def test_where_do_i_look_asks() -> None:
    assert asks_for_guidance("smart city terminology + definitions, where do i look")


def test_is_there_guidance_without_a_question_mark_still_asks() -> None:
    assert asks_for_guidance("is there more detailed guidance on service oriented architecture, for the IT team")
    assert not asks_for_guidance("there is more detailed guidance on the intranet now")


def test_is_there_a_document_for_it_without_its_article_asks_by_name() -> None:
    assert seeks_guidance_by_name("We want to assess our infrastructure. Is there maturity model for that?")
    assert seeks_guidance_by_name("are there indicators for resilience?")
    assert not seeks_guidance_by_name("is there funding this year?")



def test_any_after_a_denial_says_what_is_missing_not_what_is_sought() -> None:
    assert not seeks_guidance_by_name("We have a vision but nobody tracks any measures. Is that level 3?")
    assert seeks_guidance_by_name("We don't have KPIs. Are there any standard indicators?")
    assert seeks_guidance_by_name("any measures for resilience?")


def test_standards_asked_for_in_the_formal_register_are_asked_for_by_name() -> None:
    assert seeks_guidance_by_name("Please identify the relevant standards.")
    assert seeks_guidance_by_name("Kindly advise on the applicable guidance for asset registers.")
    assert not seeks_guidance_by_name("Please identify the relevant officers.")
    question = ("The project team requires an authoritative source of smart city terminology and reference models, "
                "so as to ensure consistency across the self-assessment documentation. Please identify the relevant "
                "standards.")
    assert not looks_up_a_fact(question)  # the self-assessment is the purpose, the standards are what is asked
