"""Two tokenizers on purpose (retrieval's BM25, the suggestion engine's matching), one set of function words."""

from bot.retrieval import lexical
from bot.suggestion import words
from bot.words import FUNCTION_WORDS


def test_both_stop_word_lists_start_from_the_same_function_words() -> None:
    assert {"the", "we", "not", "which"} <= FUNCTION_WORDS
    assert FUNCTION_WORDS <= lexical.STOPWORDS and FUNCTION_WORDS <= words.STOPWORDS
    assert (len(FUNCTION_WORDS), len(lexical.STOPWORDS), len(words.STOPWORDS)) == (75, 158, 80)


def test_words_of_scope_time_and_contrast_count_for_a_level_but_not_for_finding_a_standard() -> None:
    telling = {"only", "some", "more", "now", "once", "before", "but", "if"}
    assert telling <= lexical.STOPWORDS and not telling & words.STOPWORDS
    assert words.content_tokens("We only publish some dashboards now") == ["only", "publish", "some", "dashboard",
                                                                          "now"]
    assert lexical.tokenize("We only publish some dashboards now") == ["publish", "dashboard"]
    assert words.tokens("We don't") == ["we", "don't"] and lexical.tokenize("We don't") == []
