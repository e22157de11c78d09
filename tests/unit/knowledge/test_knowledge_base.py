"""The knowledge base loads, has the shape of the draft, and says what it was faithful to."""

from __future__ import annotations

import re
import shutil

from bot.knowledge import KnowledgeBase, criterion_id
from bot.knowledge.models import DimensionKind, Family
from bot.suggestion.qualifiers import Qualifier, qualifiers
from tests.conftest import KNOWLEDGE_DIR

CANONICAL_IDS = [
    "1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.2.3", "1.3.1", "1.3.2", "1.4.1", "1.4.2", "1.5.1", "1.5.2", "1.5.3",
    "2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.3.1", "2.3.2",
    "3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2", "3.2.3",
    "4.1", "4.2", "4.3", "4.4", "4.5", "4.6",
]
PDF_ARTEFACTS = re.compile(r"<[a-z/]+>|Level now|Level in 2 years|Lovol|\w- \w|sup>")


def test_thirty_one_characteristics_in_the_canonical_order(kb: KnowledgeBase) -> None:
    assert kb.characteristic_ids == CANONICAL_IDS
    enablers = [c for c in kb.characteristics if c.family != Family.PURPOSE]
    assert len(enablers) == 25
    assert [d.kind for d in kb.dimensions] == [DimensionKind.ENABLER] * 3 + [DimensionKind.PURPOSE]


def test_the_misnumbered_characteristics_get_their_canonical_names(kb: KnowledgeBase) -> None:
    assert kb.characteristic("3.1.2").name == "Collaborative management of city assets"
    assert kb.characteristic("3.1.3").name == "Integration of physical and digital assets"
    purposes = [kb.characteristic(f"4.{n}").name for n in range(1, 7)]
    assert purposes == [
        "Attractiveness", "Preservation and improvement of the environment", "Resilience",
        "Responsible resource use", "Social cohesion", "Wellbeing",
    ]


def test_every_level_has_criteria_summary_and_conditions(kb: KnowledgeBase) -> None:
    for c in kb.characteristics:
        assert c.question.endswith("?"), c.id
        for level in c.levels:
            assert level.criteria.strip() and level.summary.strip() and level.conditions, (c.id, level.level)
            assert not PDF_ARTEFACTS.search(level.criteria), (c.id, level.level, level.criteria)
            assert all(cond.cues for cond in level.conditions), (c.id, level.level)


def test_criteria_are_faithful_to_the_draft(kb: KnowledgeBase) -> None:
    spot_checks = {
        ("1.1.1", 4): "As at level 3. In addition, these objectives are underpinned by clear measures of success, "
        "which are being tracked by leaders of the city administration.",
        ("1.2.1", 5): "As at Level 4. In addition, real-time information systems give city leaders full transparency "
        "of progress on implementation by the wide range of delivery partners who are involved, with early "
        "warning of potential delivery problems.",
        ("2.1.3", 4): "They have access to trusted arbitration if they are concerned about any breech to their "
        "privacy by the city.",
        ("2.3.1", 1): "A significant set of citizens do not have the access, skills or trust needed to access "
        "services through digital channels, and no significant support is available to them from the city.",
        ("3.2.3", 2): "There are some examples of IT and data asset sharing and re-use, "
        "but these are ad hoc and costly.",
        ("4.3", 2): "City leaders have developed a resilience action plan based on a holistic risk assessment, "
        "including identification of inter-dependencies between critical infrastructures.",
    }
    for (characteristic, level), text in spot_checks.items():
        assert text in kb.characteristic(characteristic).level(level).criteria, (characteristic, level)


def test_cells_split_across_pages_are_joined(kb: KnowledgeBase) -> None:
    assert kb.characteristic("1.4.2").level(4).criteria.rstrip().endswith("where markets are under-developed.")
    assert "cascading effects across others" in kb.characteristic("4.3").level(1).criteria
    assert "incentives to drive compliance" in kb.characteristic("3.1.2").level(3).criteria
    assert "investment in sensors" in kb.characteristic("3.1.3").level(1).criteria


def test_smart_contracting_footnote_is_a_note(kb: KnowledgeBase) -> None:
    c = kb.characteristic("1.4.1")
    assert "Smart Contracting Principles" in c.level(3).criteria
    assert any("ISO 37106 defines Smart Contracting Principles" in note for note in c.notes)


def test_standards_are_normalised_and_cross_referenced(kb: KnowledgeBase) -> None:
    ids = set(kb.standards_by_id)
    assert {"ISO 37101", "ISO 37104", "ISO 37106", "ISO 37120", "ISO 37122", "ISO 37123", "ISO/TR 37152",
            "ISO/TS 37151", "ISO/IEC 30145", "ISO/IEC 30182", "ISO 18091"} <= ids
    assert not any(bad in sid for sid in ids for bad in ("ISO/30145", "18901", "1SO"))
    assert all(entry.standard in ids for entry in kb.annex_b)
    for sub in kb.sub_dimensions:
        assert kb.annex_b_for_sub_dimension(sub.id), sub.id
    refs = {entry.ref for entry in kb.annex_b if entry.standard == "ISO 37106"}
    assert {f"B{n}" for n in (1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14)} | {"C"} <= refs


def test_every_purpose_has_iso_18091_functions(kb: KnowledgeBase) -> None:
    for purpose in ("4.1", "4.2", "4.3", "4.4", "4.5", "4.6"):
        assert kb.annex_c_for_purpose(purpose), purpose
    codes = {f.code for f in kb.annex_c}
    assert {"B.1.9", "B.4.1", "B.3.3", "B.3.11"} <= codes
    assert all(re.fullmatch(r"B\.\d+\.\d+", code) for code in codes)


def test_level_definition_families_cover_every_level(kb: KnowledgeBase) -> None:
    assert [n.name for n in kb.level_names] == [
        "Initial", "Partially fulfilled", "Fulfilled", "Improving", "Sustainably optimising",
    ]
    for family in Family:
        assert len(kb.family(family).definitions) == 5


def test_citation_ids_resolve(kb: KnowledgeBase) -> None:
    assert kb.has_entry(criterion_id("1.2.1", 3))
    assert kb.has_entry("1.2.1/3/a")
    assert kb.has_entry("ISO 37106")
    assert kb.has_entry(kb.annex_b[0].id) and kb.has_entry(kb.annex_c[0].id)
    assert not kb.has_entry("ISO 99999") and not kb.has_entry("1.2.1/L6")


def test_version_is_a_content_hash(tmp_path, kb: KnowledgeBase) -> None:
    from bot.knowledge import knowledge_version

    copy = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, copy)
    assert knowledge_version(copy) == kb.version
    path = copy / "standards.json"
    path.write_text(path.read_text().replace("Sets out", "Sets  out", 1))
    assert knowledge_version(copy) != kb.version


def test_a_sub_dimension_id_suggests_its_own_characteristics(kb: KnowledgeBase) -> None:
    assert kb.closest_characteristic_ids("1.2") == ["1.2.1", "1.2.2", "1.2.3"]
    assert kb.closest_characteristic_ids("2.") == ["2.1.1", "2.1.2", "2.1.3"]
    assert kb.closest_characteristic_ids("4") == ["4.1", "4.2", "4.3"]
    assert "1.1.1" in kb.closest_characteristic_ids("1.1.9")  # a typo still finds its neighbours


def test_reference_labels_read_as_people_cite_the_draft(kb):
    assert kb.reference_label("1.1.1/3/a") == "MMSSC 1.1.1, level 3"
    assert kb.reference_label("1.1.1/L3") == "MMSSC 1.1.1, level 3"
    assert kb.reference_label("ISO 37104") == "ISO 37104"
    assert kb.reference_label("annexB:2.3:1") == "ISO 37106, sub-component B11 (Annex B)"
    assert kb.reference_label("annexB:1.2:1") == "ISO 37104, Clause 5 (Annex B)"
    assert kb.reference_label("annexC:4.1:B.2.2") == "ISO 18091, function B.2.2 (Annex C)"


def test_every_entry_has_a_reference_label_without_machine_ids(kb):
    for entry_id in kb.entry_ids:
        label = kb.reference_label(entry_id)
        assert "annex" not in label and not re.search(r"\d/", label), (entry_id, label)


def test_reference_label_of_an_unknown_id_says_so(kb):
    import pytest

    from bot.errors import UnknownIdError

    with pytest.raises(UnknownIdError):
        kb.reference_label("9.9.9/3/a")


def test_a_criterion_worded_as_a_denial_has_cues_that_deny_too(kb: KnowledgeBase) -> None:
    """ "is not seen as the responsibility of a central team": an answer saying "it's not seen as the digital team's
    thing any more" says it in the same polarity, and needs a cue that does."""
    for condition_id in ("1.2.1/4/a", "1.2.2/4/a", "2.1.2/4/b"):
        characteristic = kb.characteristic(condition_id.split("/")[0])
        condition = next(c for level in characteristic.levels for c in level.conditions if c.id == condition_id)
        assert any(Qualifier.NEGATED in qualifiers(cue) for cue in condition.cues), condition_id
