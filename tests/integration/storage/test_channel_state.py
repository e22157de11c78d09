"""Channel state beside the audit trail: display names, deliveries already handled, posted cards."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.storage import Database
from bot.storage.deliveries import claim_delivery
from bot.storage.display_names import display_names, save_display_names
from bot.storage.posted_cards import close_open_cards, record_posted_card
from tests.support.statements import statements_run
from tests.support.threads import run_together

NOW = datetime(2026, 3, 2, 9, 0, 0)


def test_display_names_are_stored_replaced_and_read_per_person(database: Database) -> None:
    with database.session() as session:
        assert save_display_names(session, {"UANA": "Ana  Lima", "UBOB": "Bob"}, NOW) == ["UANA", "UBOB"]
    with database.session() as session:
        assert save_display_names(session, {"UANA": "Ana Lima"}, NOW) == []  # unchanged: nothing written
        assert save_display_names(session, {"UBOB": "Bob Stone", "UEVE": "  "}, NOW) == ["UBOB"]
    with database.session() as session:
        assert display_names(session, ["UANA", "UBOB", "UEVE"]) == {"UANA": "Ana Lima", "UBOB": "Bob Stone"}
        assert display_names(session, []) == {}


def test_a_delivery_is_claimed_once_even_by_racing_processes(database: Database) -> None:
    with database.session() as session:
        assert claim_delivery(session, "slack", "event:Ev1", NOW)
        assert not claim_delivery(session, "slack", "event:Ev1", NOW)
        assert claim_delivery(session, "terminal", "event:Ev1", NOW)  # another channel's ids are its own
    won: list[bool] = []

    def claim() -> None:
        with database.session() as session:
            won.append(claim_delivery(session, "slack", "event:Ev2", NOW))

    assert run_together(claim, [()] * 6) == []
    assert sorted(won) == [False] * 5 + [True]


def test_handled_deliveries_are_kept_a_day(database: Database) -> None:
    with database.session() as session:
        assert claim_delivery(session, "slack", "event:old", NOW)
    with database.session() as session:
        assert claim_delivery(session, "slack", "event:new", NOW + timedelta(days=1, minutes=1))  # prunes the old
        assert claim_delivery(session, "slack", "event:old", NOW + timedelta(days=1, minutes=2))
        assert not claim_delivery(session, "slack", "event:new", NOW + timedelta(days=1, minutes=3))


def test_open_cards_of_a_question_are_closed_once(database: Database) -> None:
    with database.session() as session:
        for kind, ts in (("question", "1.1"), ("suggestion", "1.2"), ("suggestion", "1.3")):
            record_posted_card(session, channel="slack", person="UANA", assessment="Town 2026",
                               characteristic="1.1.1", horizon="now", kind=kind, conversation="DUANA", message_id=ts,
                               content_json="[]", now=NOW)
        record_posted_card(session, channel="slack", person="UANA", assessment="Town 2026", characteristic="1.1.1",
                           horizon="two_years", kind="question", conversation="DUANA", message_id="1.4",
                           content_json="[]", now=NOW)

    def close(kind: str | None = None) -> list[str]:
        with database.session() as session:
            return [c.message_id for c in close_open_cards(
                session, channel="slack", person="UANA", assessment="Town 2026", characteristic="1.1.1",
                horizon="now", now=NOW, kind=kind)]

    assert close("suggestion") == ["1.2", "1.3"]
    assert close() == ["1.1"]
    assert close() == []  # closed cards stay closed; the two-year card is another question


def test_a_card_is_remembered_and_its_question_closed_with_one_statement_each(database: Database) -> None:
    """Each delivery of the Slack bot remembers the cards it posted and closes decided ones: one INSERT per card
    and one `UPDATE ... RETURNING` per question closed (it used to read the rows first), no ORM flush."""
    with database.session() as session:
        session.connection()  # BEGIN
        with statements_run(database.engine) as run:
            record_posted_card(session, channel="slack", person="UCY", assessment="Town 2026", characteristic="1.1.3",
                               horizon="now", kind="suggestion", conversation="DUCY", message_id="3.1",
                               content_json="[]", now=NOW)
            assert run.verbs() == ["INSERT INTO posted_cards"]
            closed = close_open_cards(session, channel="slack", person="UCY", assessment="Town 2026",
                                      characteristic="1.1.3", horizon="now", now=NOW, kind="suggestion")
            assert [card.message_id for card in closed] == ["3.1"]
            assert close_open_cards(session, channel="slack", person="UCY", assessment="Town 2026",
                                    characteristic="1.1.3", horizon="now", now=NOW) == []
    assert run.verbs()[1:] == ["UPDATE posted_cards"] * 2 and run.flushes == 0


def test_cards_closed_by_racing_processes_are_closed_by_one(database: Database) -> None:
    with database.session() as session:
        for ts in ("2.1", "2.2"):
            record_posted_card(session, channel="slack", person="UBOB", assessment="Town 2026", characteristic="1.1.2",
                               horizon="now", kind="probe", conversation="DUBOB", message_id=ts, content_json="[]",
                               now=NOW)
    closed: list[list[str]] = []

    def close() -> None:
        with database.session() as session:
            closed.append([c.message_id for c in close_open_cards(
                session, channel="slack", person="UBOB", assessment="Town 2026", characteristic="1.1.2",
                horizon="now", now=NOW)])

    assert run_together(close, [()] * 4) == []
    assert sorted(closed) == [[], [], [], ["2.1", "2.2"]]
