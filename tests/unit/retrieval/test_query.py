import pytest

from bot.retrieval.query import strip_request_framing


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
