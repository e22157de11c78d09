from dataclasses import replace

from bot.knowledge import KnowledgeBase
from bot.retrieval.pairs import Partner, numbers_named_in, partner_scores, standard_partners, standards_named_in
from bot.retrieval.retriever import EntryKind, RetrievedEntry
from bot.retrieval.standards_ranking import DEFAULT_WEIGHTS, rank_standards


def partners_of(kb: KnowledgeBase, standard: str) -> set[str]:
    return {partner.standard for partner in standard_partners(kb).get(standard, [])}


def test_pairs_are_the_standards_one_table_3_or_annex_b_entry_names_together(kb: KnowledgeBase):
    assert partners_of(kb, "ISO 37101") == {"ISO 37104", "ISO 18091"}
    assert partners_of(kb, "ISO 37104") == {"ISO 37101", "ISO 37106"}  # 37106 by a back-reference, below
    assert partners_of(kb, "ISO 37100") == {"ISO/IEC 30182"}
    assert partners_of(kb, "ISO/IEC 30182") == {"ISO 37100"}
    assert partners_of(kb, "ISO 37120") == {"ISO 37122", "ISO 37123"}
    assert partners_of(kb, "ISO 37123") == {"ISO 37120", "ISO 37122"}
    assert partners_of(kb, "ISO 37106") == set()  # its entries name no other standard


def test_a_row_that_builds_on_the_row_before_it_needs_that_standard_one_way(kb: KnowledgeBase):
    # "ISO 37104 (Clause 4.5) provides guidance on how such approaches can best be applied ...", after ISO 37106's
    # benefit mapping, tracking and delivery (annexB:1.5:1)
    partner = next(p for p in standard_partners(kb)["ISO 37104"] if p.standard == "ISO 37106")
    assert partner.source == "annexB:1.5:2"
    assert "ISO 37104" not in partners_of(kb, "ISO 37106")  # 37106 is named everywhere: nothing follows it
    assert partners_of(kb, "ISO/TS 37151") == {"ISO/TR 37152"}  # "... support such an integrated approach"


def test_every_pairing_cites_an_entry_that_names_both(kb: KnowledgeBase):
    texts = {s.id: s.description for s in kb.standards} | {row.id: row.guidance for row in kb.annex_b}
    owners = {s.id: s.id for s in kb.standards} | {row.id: row.standard for row in kb.annex_b}
    rows = [row.id for row in kb.annex_b]
    for standard, partners in standard_partners(kb).items():
        for partner in partners:
            assert kb.has_entry(partner.source)
            named = {owners[partner.source], *standards_named_in(texts[partner.source], kb)}
            if partner.source in rows and "such" in texts[partner.source]:  # or the row it builds on names it
                named.add(owners[rows[rows.index(partner.source) - 1]])
            assert {standard, partner.standard} <= named


def test_pairs_follow_the_knowledge_data_not_a_list(kb: KnowledgeBase):
    row = next(row for row in kb.annex_b if row.ref == "B8")
    edited = replace(kb, annex_b=[
        r.model_copy(update={"guidance": r.guidance + " See also ISO/IEC 30182."}) if r.id == row.id else r
        for r in kb.annex_b
        if r.id not in ("annexB:3.2:5", "annexB:3.2:6")
    ])
    assert partners_of(edited, "ISO 37106") == {"ISO/IEC 30182"}
    assert partners_of(edited, "ISO 37100") == set()


def test_a_standard_is_named_with_iso_or_by_its_number_alone_but_not_by_a_year_or_a_decimal():
    assert numbers_named_in("we signed up to 37101 last yr; ISO/TS 37151 and ISO/IEC 18384-2 too") == {
        "37101", "37151", "18384-2"}
    assert numbers_named_in("in 2030, 12345.6 kWh, ref AB37120, 37120/2 and v37122") == set()


def test_a_partner_is_lifted_to_its_share_unless_it_already_scores_more():
    partners = {"A": [Partner(standard="B", source="x", source_kind="Annex B"),
                      Partner(standard="C", source="y", source_kind="Table 3")]}
    lifted = partner_scores([("A", 1.0), ("C", 0.9), ("B", 0.2)], partners, share=0.7)
    assert lifted == {"B": (0.7, "A", partners["A"][0])}
    assert partner_scores([("A", 1.0)], partners, share=0.0) == {}


def test_a_retrieved_standard_brings_its_partner_right_behind_it(kb: KnowledgeBase):
    entries = [RetrievedEntry(id="ISO 37101", kind=EntryKind.STANDARD, text="", score=1.0),
               RetrievedEntry(id="annexB:3.2:5", kind=EntryKind.ANNEX_B, text="", score=0.9)]
    ranked = rank_standards(entries, kb)
    ids = [item.standard for item in ranked]
    assert ids[:2] == ["ISO 37101", "ISO 37104"]
    follower = ranked[1]
    assert (follower.paired_with, follower.score) == ("ISO 37101", round(DEFAULT_WEIGHTS.partner_share, 6))
    assert follower.best.source == "annexB:4:2"  # its own Annex B row, which names ISO 37101
    assert kb.has_entry(follower.pair_source or "")
    # ISO 37100 was not retrieved: it follows ISO/IEC 30182, cited with its own Annex B row naming both
    hundred = next(item for item in ranked if item.standard == "ISO 37100")
    assert (hundred.paired_with, hundred.best.source) == ("ISO/IEC 30182", "annexB:3.2:6")
    assert ids.index("ISO 37100") == ids.index("ISO/IEC 30182") + 1


def test_without_a_partner_share_nothing_follows(kb: KnowledgeBase):
    entries = [RetrievedEntry(id="ISO 37101", kind=EntryKind.STANDARD, text="", score=1.0)]
    weights = DEFAULT_WEIGHTS.model_copy(update={"partner_share": 0.0})
    assert [item.standard for item in rank_standards(entries, kb, weights)] == ["ISO 37101"]
