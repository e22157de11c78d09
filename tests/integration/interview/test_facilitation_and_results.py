"""Two stakeholders and a facilitator: review, consensus, and byte-identical results on any database."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import InvalidInputError, NotFoundError, PermissionDeniedError, UnknownIdError
from bot.interview.messages import Horizon, Step
from bot.knowledge import KnowledgeBase
from bot.reports.html_report import render_html
from bot.reports.markdown import render_markdown
from bot.scoring.score import score_assessment
from bot.services.interview_service import InterviewService
from bot.storage import Database
from tests.integration.interview.driver import Stakeholder
from tests.integration.storage.backends import POSTGRES_URL, FixedClock, fresh_database
from tests.support.fakes import FakeEngine

ASSESSMENT = "Valley 2026"


def _interview_two_stakeholders(kb: KnowledgeBase, database: Database) -> InterviewService:
    """The same scripted assessment every time: ann and bob disagree on a few characteristics."""
    service = InterviewService(kb, FakeEngine(kb), database, clock=FixedClock())
    service.create_assessment(ASSESSMENT, community="Valley", cycle="2026", facilitators=["fay"],
                              stakeholders=["ann", "bob"])
    for name, shift in (("ann", 0), ("bob", 1)):
        person = Stakeholder(service, ASSESSMENT, name)
        person.start()
        for index in range(len(kb.characteristic_ids)):
            level = 1 + (index + shift * (1 + index % 3)) % 5
            if index % 10 == 9:
                person.say("don't know")
                continue
            person.say(f"Our practice [L{level}]")
            if index % 4 == 0:
                person.say(f"{max(1, level - 1)} because we are less far along")
            else:
                person.say("yes")
            person.say(str(min(5, level + 1)) if index % 2 else "same")
    bob = Stakeholder(service, ASSESSMENT, "bob")
    bob.say(f"edit {kb.characteristic_ids[0]}")
    bob.say("Second thoughts [L5]")  # left waiting for confirmation
    return service


def test_review_shows_pending_suggestions_and_disagreements(kb: KnowledgeBase, sqlite_database: Database) -> None:
    service = _interview_two_stakeholders(kb, sqlite_database)
    report = service.review(ASSESSMENT)
    assert [(p.stakeholder, p.characteristic, p.step, p.suggested_level, p.settled) for p in report.pending] == [
        ("bob", kb.characteristic_ids[0], Step.AWAIT_CONFIRM_NOW, 5, True)]
    assert report.disagreements and all(d.spread >= 2 for d in report.disagreements)
    assert all(set(d.levels) == {"ann", "bob"} for d in report.disagreements)
    now_pairs = {d.characteristic for d in report.disagreements if d.horizon == Horizon.NOW}
    confirmed = {(c.stakeholder, c.characteristic): c.level for c in report.confirmations if c.horizon == Horizon.NOW}
    for characteristic in kb.characteristic_ids:
        a, b = confirmed.get(("ann", characteristic)), confirmed.get(("bob", characteristic))
        assert (characteristic in now_pairs) == (a is not None and b is not None and abs(a - b) >= 2)


def test_the_review_and_the_reports_count_the_same_disagreements(kb: KnowledgeBase,
                                                                 sqlite_database: Database) -> None:
    """One definition (docs/scoring.md): levels now two or more apart, with or without a consensus."""
    service = _interview_two_stakeholders(kb, sqlite_database)
    before = service.review(ASSESSMENT).disagreements
    two_years_apart = {c for c in kb.characteristic_ids if index_spread(service, c, Horizon.TWO_YEARS) >= 2}
    assert two_years_apart  # two-year expectations apart too: once counted as extra disagreements by the review
    service.set_consensus(ASSESSMENT, "fay", before[0].characteristic, 3, 4, "agreed in the workshop")
    reviewed = service.review(ASSESSMENT).disagreements
    result = score_assessment(service.scoring_input(ASSESSMENT), kb)
    assert [d.characteristic for d in reviewed] == [d.characteristic for d in before]  # a consensus hides none
    assert reviewed[0].consensus == 3 and all(d.horizon == Horizon.NOW for d in reviewed)
    assert sorted(d.characteristic for d in result.disagreements) == sorted(d.characteristic for d in reviewed)
    assert f"<dt>Disagreements</dt><dd>{len(reviewed)}</dd>" in render_html(result)
    assert f"Disagreements: {len(reviewed)} (" in render_markdown(result)


def index_spread(service: InterviewService, characteristic: str, horizon: Horizon) -> int:
    levels = [c.level for c in service.review(ASSESSMENT).confirmations
              if c.characteristic == characteristic and c.horizon == horizon and c.level is not None]
    return max(levels) - min(levels) if levels else 0


def test_only_a_facilitator_sets_consensus_and_the_latest_counts(kb: KnowledgeBase, database: Database) -> None:
    service = _interview_two_stakeholders(kb, database)
    target = service.review(ASSESSMENT).disagreements[0].characteristic
    with pytest.raises(PermissionDeniedError):
        service.set_consensus(ASSESSMENT, "ann", target, 3, None, "I say so")
    with pytest.raises(InvalidInputError, match="reason"):
        service.set_consensus(ASSESSMENT, "fay", target, 3, None, "  ")
    with pytest.raises(InvalidInputError, match="1-5"):
        service.set_consensus(ASSESSMENT, "fay", target, 6, None, "too high")
    with pytest.raises(UnknownIdError):
        service.set_consensus(ASSESSMENT, "fay", "9.9.9", 3, None, "no such characteristic")
    with pytest.raises(NotFoundError):
        service.set_consensus("Nowhere 2026", "fay", target, 3, None, "no such assessment")
    service.set_consensus(ASSESSMENT, "fay", target, 2, 3, "first workshop")
    service.set_consensus(ASSESSMENT, "fay", target, 3, 4, "second workshop")
    report = service.review(ASSESSMENT)
    assert [(c.characteristic, c.level_now, c.level_two_years, c.set_by, c.reason) for c in report.consensus] == [
        (target, 3, 4, "fay", "second workshop")]
    disagreement = next(d for d in report.disagreements if d.characteristic == target and d.horizon == Horizon.NOW)
    assert disagreement.consensus == 3
    result = score_assessment(service.scoring_input(ASSESSMENT), kb)
    assert result.characteristic(target).consensus_now == 3


def test_scoring_input_holds_only_confirmed_levels(kb: KnowledgeBase, sqlite_database: Database) -> None:
    service = _interview_two_stakeholders(kb, sqlite_database)
    scoring = service.scoring_input(ASSESSMENT)
    assert scoring.stakeholders == ["ann", "bob"]
    first = next(c for c in scoring.confirmed
                 if c.stakeholder == "bob" and c.characteristic == kb.characteristic_ids[0])
    assert (first.level_now, first.suggested_level, first.overridden) == (1, 2, True)  # not the pending 5
    dont_know = [c for c in scoring.confirmed if c.characteristic == kb.characteristic_ids[9]]
    assert [(c.level_now, c.level_two_years) for c in dont_know] == [(None, None), (None, None)]


def test_results_are_byte_identical_across_runs_and_databases(kb: KnowledgeBase, tmp_path: Path) -> None:
    """The same interviews, twice on SQLite and once on PostgreSQL (when available): the same bytes."""
    backends = ["sqlite", "sqlite"] + (["postgresql"] if POSTGRES_URL else [])
    inputs, results = [], []
    for run, backend in enumerate(backends):
        with fresh_database(backend, tmp_path / str(run)) as database:
            service = _interview_two_stakeholders(kb, database)
            service.set_consensus(ASSESSMENT, "fay", kb.characteristic_ids[2], 3, 4, "workshop")
            inputs.append(service.scoring_input(ASSESSMENT).model_dump_json())
            results.append(score_assessment(service.scoring_input(ASSESSMENT), kb))
    assert len(inputs) == len(backends) and len(set(inputs)) == 1
    assert len({r.canonical_json() for r in results}) == 1
    assert len({r.sha256 for r in results}) == 1
    assert results[0].completeness.rated > 0 and results[0].characteristic(kb.characteristic_ids[2]).consensus_now == 3
