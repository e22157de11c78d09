"""The context a long message gives before its first question, and the ask from there on."""

from bot.retrieval.asking import split_at_the_ask


def test_the_context_before_the_first_question_and_the_ask_with_what_follows_it() -> None:
    message = "We want to scale the pilot. Funding ends in March. Is there a call open? honest opinion pls"
    assert split_at_the_ask(message) == ("We want to scale the pilot. Funding ends in March.",
                                         "Is there a call open? honest opinion pls")


def test_a_message_without_a_question_or_that_opens_with_it_is_all_ask() -> None:
    assert split_at_the_ask("Which standard covers benefit tracking? We need one soon.") == (
        "", "Which standard covers benefit tracking? We need one soon.")
    assert split_at_the_ask("We need a standard for benefits.") == ("", "We need a standard for benefits.")
    # an abbreviation ends no sentence
    assert split_at_the_ask("How do we make it simpler, e.g. faster payment?")[0] == ""
