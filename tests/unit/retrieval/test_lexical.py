from bot.retrieval.lexical import BM25Index, stem, tokenize


def test_stem_joins_inflections_and_british_spellings():
    assert stem("engagement") == stem("engaging") == stem("engaged")
    assert stem("organisation") == stem("organization") == stem("organisations")
    assert stem("realisation") == stem("realization")
    assert stem("communities") == stem("community")
    assert stem("data") == "data"  # short words stay as they are


def test_tokenize_drops_stopwords_and_the_request_framing():
    assert tokenize("Is there an ISO standard for the open data?") == ["open", "data"]


def test_tokenize_keeps_standard_numbers_and_refs_whole():
    tokens = tokenize("ISO/IEC 30145, ISO 37106 B.4.2 and city-wide")
    assert {"30145", "37106", "b.4.2", "iec", "city", "wide", "city-wide"} <= set(tokens)
    assert "4" not in tokens and "b" not in tokens


def test_tokenize_expands_abbreviations():
    assert tokenize("KPIs") == [stem("key"), stem("performance"), stem("indicators")]


def test_bm25_ranks_the_matching_document_first_and_scores_nothing_for_unknown_words():
    index = BM25Index(["open data platform for the city", "waste collection and recycling", "procurement"])
    scores = index.scores("recycling of waste")
    assert scores.index(max(scores)) == 1
    assert index.scores("lasagna recipe") == [0.0, 0.0, 0.0]
    assert index.query_tokens("lasagna with open data") == ["open", "data"]


def test_the_pieces_of_contractions_are_not_words():
    assert tokenize("We're sure Barcelona's council doesn't, and we'll") == ["sure", "barcelona", "council"]


def test_stem_joins_the_noun_and_the_adjective_in_ence_and_ent():
    assert stem("resilience") == stem("resilient") == stem("resiliency")
    assert stem("transparency") == stem("transparent")
    assert stem("government") == stem("governments") == "govern"  # -ment before -ent


def test_stem_reads_ability_as_able():
    assert stem("sustainability") == stem("sustainable") == stem("sustainabilities")
    assert stem("responsibility") == stem("responsible")
