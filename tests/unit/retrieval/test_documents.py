from bot.knowledge import KnowledgeBase, criterion_id
from bot.retrieval.documents import build_index_documents
from bot.retrieval.retriever import EntryKind


def test_every_entry_becomes_exactly_one_document_with_a_citable_id(kb: KnowledgeBase, documents):
    expected = (
        5 * len(kb.characteristics) + len(kb.standards) + len(kb.annex_b) + len(kb.annex_c)
    )
    assert len(documents) == expected
    ids = [document.id for document in documents]
    assert len(set(ids)) == len(ids)
    assert all(kb.has_entry(entry_id) for entry_id in ids)


def test_documents_carry_kind_characteristic_level_standard_and_ref(kb: KnowledgeBase, documents):
    by_id = {document.id: document for document in documents}
    criterion = by_id[criterion_id("1.2.1", 3)]
    assert (criterion.kind, criterion.characteristic, criterion.level) == (EntryKind.CRITERION, "1.2.1", 3)
    assert criterion.text == kb.characteristic("1.2.1").level(3).criteria
    assert kb.characteristic("1.2.1").name in criterion.search_text
    row = next(entry for entry in kb.annex_b if entry.ref == "B8")
    annex_b = by_id[row.id]
    assert (annex_b.kind, annex_b.standard, annex_b.ref, annex_b.text) == (
        EntryKind.ANNEX_B, "ISO 37106", "B8", row.guidance
    )
    function = kb.annex_c[0]
    annex_c = by_id[function.id]
    assert (annex_c.kind, annex_c.standard, annex_c.ref, annex_c.characteristic) == (
        EntryKind.ANNEX_C, "ISO 18091", function.code, function.purpose
    )
    assert by_id["ISO/TS 37151"].kind == EntryKind.STANDARD


def test_chroma_metadata_has_no_none_values(documents):
    for document in documents:
        metadata = document.chroma_metadata()
        assert None not in metadata.values()
        assert metadata["entry_id"] == document.id and metadata["kind"] == document.kind.value


def test_annex_rows_apply_to_the_characteristics_of_their_sub_dimension(kb: KnowledgeBase, documents):
    by_id = {document.id: document for document in documents}
    row = next(entry for entry in kb.annex_b if entry.sub_dimension == "2.2")
    assert by_id[row.id].applies_to == {c.id for c in kb.characteristics_in_sub_dimension("2.2")}
    overall = next(entry for entry in kb.annex_b if entry.sub_dimension is None)
    assert by_id[overall.id].applies_to == {c.id for c in kb.characteristics_in_dimension(overall.dimension)}


def test_documents_are_a_pure_function_of_the_knowledge_base(kb: KnowledgeBase, documents):
    assert build_index_documents(kb) == documents
