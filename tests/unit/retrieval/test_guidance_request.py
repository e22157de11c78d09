"""Whether a message asks for guidance: the everyday ways of asking, and messages that ask for none."""

import pytest

from bot.retrieval.guidance_request import asks_for_guidance, is_bare_topic


@pytest.mark.parametrize("message", [
    "Which standard helps us publish open data?",
    "which of the ISO standards covers digital identity for residents",
    "Is there anything on sharing ducts between utilities?",
    "What's the recommended approach to benefit tracking?",
    "any tips on running a citizens' panel online",
    "Energy data sharing - standard?",
    "architecture guidance pls",
    "We need a common set of indicators to compare ourselves with other towns.",
    "Looking for good practice on co-designing services",
    "Can you recommend something on asset registers?",
    "How do we get departments to share one customer record?",
    "how to run participatory budgeting online",
    "Should we put fibre ducts in while the road is dug up?",
    "Flood planning from scratch: where do we even begin?",
    "How are other councils handling joint procurement with the health board?",
    "What helps with tracking benefits across programmes?",
    "Does ISO 37101 cover community wellbeing?",
    "Where are smart city terms like 'digital twin' defined?",
    "open data portals?",
    "smart city reference architecture",
])
def test_ways_of_asking_for_guidance(message: str) -> None:
    assert asks_for_guidance(message)


@pytest.mark.parametrize("message", [
    "Council approved the climate plan last night, nice work everyone.",
    "Good morning team ☀️",
    "Interesting that Rotterdam got its ISO 37120 platinum certificate this year.",
    "Is ISO 37120 the same document as the old BS 8904?",
    "If we are between level 3 and 4 for channel management, which one do I enter?",
    "Does level 5 on benefit delivery mean the benefits are published?",
    "Digital inclusion is the biggest issue of our time, honestly.",
    '> "The community has community-wide management processes" is level 3 wording',
    "we got a 3 for resilience in the pilot, is that good?",
])
def test_messages_that_ask_for_no_guidance(message: str) -> None:
    assert not asks_for_guidance(message)


def test_a_bare_topic_has_no_person_and_no_finite_verb() -> None:
    assert is_bare_topic("indicators for a resilient city")
    assert not is_bare_topic("we scored badly")
    assert not is_bare_topic("the council approved it")
    assert not is_bare_topic("a " * 12 + "topic")
