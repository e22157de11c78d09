"""English function words: articles, pronouns, auxiliaries, prepositions and conjunctions, which say
nothing about a topic.

Both word matchers drop them: retrieval's BM25 over the standards (`bot.retrieval.lexical`) and the
suggestion engine's matching of an answer to the conditions of a level (`bot.suggestion.words`). Each
adds the words its own task ignores; their docstrings say why the two tokenizers differ.
"""

from __future__ import annotations

_FUNCTION_WORD_TEXT = """
    a an the and or of to in on for at by with from as is are was were be been being it its this that
    these those we our us you your they their them there here has have had do does did so such which
    who whom what when where how all any each into about than then also very can could would should will
    i me my he she her not no
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORD_TEXT.split())
