from bot.knowledge import KnowledgeBase, criterion_id
from bot.retrieval.retriever import EntryKind, RetrievedEntry
from bot.retrieval.standards_ranking import DEFAULT_WEIGHTS, contributions_of_entry, rank_standards


def entry(entry_id: str, kind: EntryKind, characteristic: str | None = None) -> RetrievedEntry:
    return RetrievedEntry(id=entry_id, kind=kind, text="", characteristic=characteristic, score=1.0)


def test_each_kind_of_entry_names_its_standards(kb: KnowledgeBase):
    row = next(r for r in kb.annex_b if r.ref == "B11")
    (b,) = contributions_of_entry(entry(row.id, EntryKind.ANNEX_B), kb, DEFAULT_WEIGHTS)
    assert (b.standard, b.ref, b.why, b.source, b.ref_kind) == ("ISO 37106", "B11", row.guidance, row.id,
                                                                 "iso37106_subcomponent")
    function = kb.annex_c_for_purpose("4.4")[0]
    (c,) = contributions_of_entry(entry(function.id, EntryKind.ANNEX_C), kb, DEFAULT_WEIGHTS)
    assert (c.standard, c.ref, c.source) == ("ISO 18091", function.code, function.id)
    assert function.function in c.why
    (s,) = contributions_of_entry(entry("ISO 37120", EntryKind.STANDARD), kb, DEFAULT_WEIGHTS)
    assert (s.standard, s.ref, s.why) == ("ISO 37120", None, kb.standard("ISO 37120").description)
    via_criterion = contributions_of_entry(entry(criterion_id("2.3.1", 3), EntryKind.CRITERION, "2.3.1"), kb,
                                           DEFAULT_WEIGHTS)
    characteristic = kb.characteristic("2.3.1")
    assert [x.source for x in via_criterion] == [r.id for r in kb.annex_b_for_characteristic(characteristic)]
    assert all(x.weight < b.weight for x in via_criterion)


def test_standards_are_unique_ranked_and_cite_their_strongest_source(kb: KnowledgeBase):
    b8 = next(r for r in kb.annex_b if r.ref == "B8")
    b14 = next(r for r in kb.annex_b if r.ref == "B14")
    entries = [
        entry(criterion_id("2.2.1", 3), EntryKind.CRITERION, "2.2.1"),
        entry(b14.id, EntryKind.ANNEX_B),
        entry(b8.id, EntryKind.ANNEX_B),
        entry(criterion_id("2.2.1", 4), EntryKind.CRITERION, "2.2.1"),
        entry("ISO/IEC 30145", EntryKind.STANDARD),
    ]
    ranked = rank_standards(entries, kb)
    ids = [r.standard for r in ranked]
    assert len(ids) == len(set(ids)) and ids[0] == "ISO 37106"
    top = ranked[0]
    assert top.best.source == b8.id and top.best.ref == "B8"  # the row and the criteria of 2.2 together
    assert set(top.refs) == {"B8", "B14"}
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)


def test_no_entries_no_standards(kb: KnowledgeBase):
    assert rank_standards([], kb) == []


def test_a_standard_can_be_quoted_from_the_sub_dimension_the_question_is_about(kb: KnowledgeBase):
    from bot.retrieval.standards_ranking import cite_from_sub_dimension, source_sub_dimension

    entries = [entry(criterion_id("2.1.2", 4), EntryKind.CRITERION, "2.1.2"),
               entry(criterion_id("2.3.1", 3), EntryKind.CRITERION, "2.3.1"),
               entry(criterion_id("2.3.2", 2), EntryKind.CRITERION, "2.3.2"),
               entry(criterion_id("2.1.2", 5), EntryKind.CRITERION, "2.1.2")]
    (top, *_) = rank_standards(entries, kb)
    assert (top.standard, top.best.ref) == ("ISO 37106", "B9")  # 2.1 summed more than 2.3, but not twice as much
    cited = cite_from_sub_dimension(kb, top, "2.3")
    assert (cited.best.ref, cited.best.source, cited.refs[0], cited.score) == ("B11", "annexB:2.3:1", "B11", top.score)
    assert cite_from_sub_dimension(kb, top, "4.2") == top  # never reached through 4.2: unchanged
    weak = rank_standards([entries[0], entries[3], *[entry(criterion_id("2.1.1", n), EntryKind.CRITERION, "2.1.1")
                                                     for n in (1, 2, 3)], entries[1]], kb)[0]
    assert cite_from_sub_dimension(kb, weak, "2.3") == weak  # B11 summed under half of B9: B9 stays
    assert [source_sub_dimension(kb, i) for i in ("annexB:2.3:1", "annexB:4:1", "annexC:4.4:B.4.2", "2.1.2/L3",
                                                  "ISO 37106")] == ["2.3", None, "4.4", "2.1", None]
