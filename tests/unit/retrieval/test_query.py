import pytest

from bot.retrieval.query import strip_request_framing, strip_standard_mentions


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
