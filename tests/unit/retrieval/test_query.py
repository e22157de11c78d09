import pytest

from bot.retrieval.query import (
    asks_a_chore_or_a_price,
    looks_up_a_fact,
    strip_request_framing,
    strip_standard_mentions,
)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("we want an open data portal that startups use: is there an ISO standard for that?",
         "we want an open data portal that startups use: ?"),
        ("digital engagement with residents - standard?", "digital engagement with residents"),
        ("Which ISO standard covers aircraft engine testing?", "covers aircraft engine testing?"),
        ("smart city vocabulary standard", "smart city vocabulary"),
    ],
)
def test_the_request_framing_is_dropped(question, topic):
    assert strip_request_framing(question) == topic


def test_named_standards_and_open_standards_are_kept():
    question = "We already report against ISO 37120. Is there an add-on indicator set?"
    assert strip_request_framing(question) == question
    assert "open standards" in strip_request_framing("enterprise architecture, open standards, SOA - what ISO?")


def test_a_question_that_is_only_framing_is_left_alone():
    assert strip_request_framing("Which ISO standard?") == "Which ISO standard?"


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("What is the ISO country code for Portugal?", "What is the country code for Portugal?"),
        ("We run an ISO 37101 management system. Any guidance?", "We run an management system. Any guidance?"),
        ("Is there a standard list of ISO/IEC 30182:2017 terms?", "list of terms?"),
        ("smart city vocabulary standard", "smart city vocabulary"),
    ],
)
def test_standard_mentions_are_dropped_to_judge_the_subject(question, subject):
    assert strip_standard_mentions(question) == subject


def test_a_question_that_is_only_standard_names_is_left_alone():
    assert strip_standard_mentions("ISO 37120?") == "ISO 37120?"


@pytest.mark.parametrize("question", [
    "When is the next full council meeting?",
    "Who is the head of the digital team at Leeds City Council?",
    "How many people live in our city according to the 2021 census?",
    "What's Barcelona's target for kilos of household waste per resident?",
    "Can you give me today's air quality readings for Milan?",
    "How much does a Power BI licence cost per user?",
    "What time does the civic centre open on Saturdays?",
    "What's the overall budget for the parks department this year?",
    "Did the mayor sign the smart parking contract yesterday?",
    "Which countries took part in piloting the maturity model?",
    "Who developed this maturity model?",
])
def test_a_question_that_looks_up_a_fact_is_recognised(question: str) -> None:
    assert looks_up_a_fact(question)


@pytest.mark.parametrize("question", [
    "How do we move services online without leaving older residents behind?",
    "Is there a standard for tracking whether our smart projects deliver their benefits?",
    "How many indicators should we track, and is there a framework for choosing them?",
    "What's the best way to get the hospital and the port into one resilience plan?",
    "When we buy new systems, how can we make sure they can share data?",
    "Nobody knows which servers and databases the council owns.",
    "Where can I read the agreed definitions of a resilient city and a liveable one?",
    "Where do I find requirements for an open data portal?",
    "Which cities should we learn from on open data?",
    "Which councils have done this well, and how do we start?",
])
def test_a_question_that_asks_for_guidance_is_not_a_fact_lookup(question: str) -> None:
    assert not looks_up_a_fact(question)


@pytest.mark.parametrize(("question", "chore"), [
    ("Could you summarise my answers so far?", True),
    ("Can you translate the engagement strategy into Spanish?", True),
    ("How much does a copy of ISO 37101 cost to buy?", True),
    ("Where can I buy a copy of ISO 37106?", True),
    ("Can you suggest a standard for sharing data with the utilities?", False),
    ("How much does it cost to run a management system like ISO 37101?", False),
    ("We want to buy smart streetlights: which standard helps us specify them?", False),
    ("Summarise this paragraph on our air quality plan for me", True),
    ("please proofread the open data policy", True),
    ("Draft an email to the energy team about the sensor rollout", True),
    ("How much does ISO 37122 cost?", True),
    ("Is ISO 37120 sold by our national standards institute?", True),
    ("Write a data strategy for us: which standard helps?", False),
    ("We buy sensors from five suppliers; how do we buy them through one framework?", False),
])
def test_a_chore_or_a_price_is_recognised(question: str, chore: bool) -> None:
    assert asks_a_chore_or_a_price(question) is chore
