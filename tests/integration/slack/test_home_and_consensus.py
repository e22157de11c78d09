"""The App Home (facilitator review, consensus for both horizons) and people shown by name, not id."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bot.adapters.cli.main import app as cli
from bot.adapters.slack.refs import ActionId, CardRef
from bot.adapters.slack.review_blocks import LEVEL_NOW, LEVEL_TWO_YEARS, NOT_SET
from bot.config import Settings
from bot.interview.messages import EventKind, InterviewEvent
from tests.support.slack.mock_web_api import MockSlackWebApi
from tests.support.slack.simulator import app_home_opened

from .harness import SlackHarness, post_text, view_of

ASSESSMENT = "Riverton 2026"


def two_stakeholders_who_disagree(slack: SlackHarness) -> None:
    """Ana says 1 now and 2 in two years, Bob 4 and 5: they disagree on 1.1.1."""
    service = slack.service
    service.create_assessment(ASSESSMENT, community="Riverton", cycle="2026", facilitators=["UFAC"],
                              stakeholders=["UANA", "UBOB"])
    for user, level in (("UANA", 1), ("UBOB", 4)):
        service.handle(ASSESSMENT, user, InterviewEvent(kind=EventKind.START), "terminal")
        service.handle(ASSESSMENT, user, InterviewEvent(kind=EventKind.TEXT, text=f"{level} because we said so"),
                       "terminal")
        service.handle(ASSESSMENT, user, InterviewEvent(kind=EventKind.TEXT, text=str(level + 1)), "terminal")


def home_of(slack: SlackHarness, user: str, count: int = 1) -> dict[str, Any]:
    assert slack.sender.event(app_home_opened(user)).status == 200
    return view_of(slack.mock.wait_for("views.publish", count=count, user_id=user)[count - 1])


def consensus_button(view: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in view["blocks"] if b.get("accessory", {}).get("action_id") == ActionId.CONSENSUS)


def test_the_app_home_shows_the_facilitator_review_by_name(slack: SlackHarness, mock_api: MockSlackWebApi) -> None:
    mock_api.set_user("UANA", "Ana Lima", display_name="ana.lima")
    mock_api.set_user("UBOB", "Bob Stone")
    two_stakeholders_who_disagree(slack)
    text = str(home_of(slack, "UFAC"))
    assert "Review: Riverton 2026" in text and "Disagreements* (1)" in text
    assert "now: ana.lima 1 · Bob Stone 4" in text
    assert "UANA" not in text.replace('"a":', "")  # shown by name; only the stored id in button data
    assert "<@UBOB>" not in text

    own = home_of(slack, "UANA")
    assert "Your interviews" in str(own) and "Review:" not in str(own)
    resume = next(b["accessory"] for b in own["blocks"] if b.get("accessory", {}).get("action_id") == ActionId.START)
    assert resume["text"]["text"] == "Resume"

    home_of(slack, "UFAC", count=2)  # a second render asks Slack nothing new: the names are cached
    asked = [call.args["user"] for call in mock_api.calls("users.info")]
    assert sorted(asked) == ["UANA", "UBOB", "UFAC"]


def test_a_facilitator_sets_both_consensus_levels_in_a_modal(slack: SlackHarness) -> None:
    two_stakeholders_who_disagree(slack)
    view = home_of(slack, "UFAC")
    ref = CardRef.parse(consensus_button(view)["block_id"])
    assert slack.press("UFAC", ActionId.CONSENSUS, ref, view=view).status == 200
    modal = view_of(slack.mock.wait_for("views.open")[0])
    assert modal["callback_id"] == ActionId.CONSENSUS_MODAL
    selects = [b for b in modal["blocks"] if b["type"] == "input" and b["element"]["type"] == "static_select"]
    assert [b["block_id"] for b in selects] == [LEVEL_NOW, LEVEL_TWO_YEARS]
    assert "initial_option" not in selects[0]["element"]  # nothing set before
    assert "User UANA 1, User UBOB 4" in str(modal) and "(UANA)" not in str(modal)  # names, no Slack ids

    slack.submit("UFAC", modal, "Agreed at the workshop.", {LEVEL_NOW: "2", LEVEL_TWO_YEARS: "4"})
    slack.mock.wait_for("views.publish", count=2, user_id="UFAC")
    consensus = slack.service.review(ASSESSMENT).consensus
    assert [(c.characteristic, c.level_now, c.level_two_years, c.set_by) for c in consensus] == [
        ("1.1.1", 2, 4, "UFAC")]
    assert consensus[0].reason.startswith("Agreed at the workshop.")
    assert "now: User UANA 1, User UBOB 4; in two years: User UANA 2, User UBOB 5" in consensus[0].reason
    refreshed = str(view_of(slack.mock.wait_for("views.publish", count=2, user_id="UFAC")[1]))
    assert "consensus now *2*, in two years *4*" in refreshed
    # The confirmation is shown where the facilitator is: at the top of the refreshed Home, not in a DM.
    assert refreshed.index("Consensus recorded for *1.1.1* in *Riverton 2026*: now 2 (") < refreshed.index("Review:")
    assert slack.posts("DUFAC") == [] and slack.mock.calls("chat.postEphemeral") == []

    # Opened again, the modal starts at both levels; changing only the level now keeps the two-year one.
    slack.press("UFAC", ActionId.CONSENSUS, ref, view=view)
    again = view_of(slack.mock.wait_for("views.open", count=2)[1])
    initial = [b["element"].get("initial_option", {}).get("value") for b in again["blocks"]
               if b["type"] == "input" and b["element"]["type"] == "static_select"]
    assert initial == ["2", "4"]
    slack.submit("UFAC", again, "", {LEVEL_NOW: "3", LEVEL_TWO_YEARS: "4"})
    slack.mock.wait_for("views.publish", count=3, user_id="UFAC")
    latest = slack.service.review(ASSESSMENT).consensus[0]
    assert (latest.level_now, latest.level_two_years) == (3, 4)

    # "Not set" clears the two-year level (a Slack select cannot be emptied once chosen).
    slack.press("UFAC", ActionId.CONSENSUS, ref, view=view)
    third = view_of(slack.mock.wait_for("views.open", count=3)[2])
    two_years = next(b for b in third["blocks"] if b.get("block_id") == LEVEL_TWO_YEARS)
    assert two_years["element"]["options"][-1] == {"text": {"type": "plain_text", "text": "Not set"},
                                                   "value": NOT_SET}
    slack.submit("UFAC", third, "We cannot say yet.", {LEVEL_NOW: "3", LEVEL_TWO_YEARS: NOT_SET})
    slack.mock.wait_for("views.publish", count=4, user_id="UFAC")
    cleared = slack.service.review(ASSESSMENT).consensus[0]
    assert (cleared.level_now, cleared.level_two_years) == (3, None)
    assert "in two years not set" in str(view_of(slack.mock.wait_for("views.publish", count=4, user_id="UFAC")[3]))


def test_only_facilitators_can_set_the_consensus(slack: SlackHarness) -> None:
    two_stakeholders_who_disagree(slack)
    view = home_of(slack, "UFAC")
    ref = CardRef.parse(consensus_button(view)["block_id"])

    # A stakeholder presses the facilitator's button (a shared screen, a forwarded view, a crafted request).
    assert slack.press("UBOB", ActionId.CONSENSUS, ref, view=view).status == 200
    refusal = slack.mock.wait_for("chat.postEphemeral", user="UBOB")[0]
    assert refusal.args["text"] == "Only facilitators can do this."
    assert slack.mock.calls("views.open") == []  # no modal for them

    # ... or submits a crafted modal: refused too, and nothing is recorded.
    slack.press("UFAC", ActionId.CONSENSUS, ref, view=view)
    modal = view_of(slack.mock.wait_for("views.open")[0])
    assert slack.submit("UBOB", modal, "I decide.", {LEVEL_NOW: "5", LEVEL_TWO_YEARS: "5"}).status == 200
    refusals = slack.mock.wait_for("chat.postEphemeral", count=2, user="UBOB")
    assert refusals[1].args["text"] == "Only facilitators can do this."
    assert slack.service.review(ASSESSMENT).consensus == []


def test_status_and_report_show_names_and_survive_users_info_failing(
        slack: SlackHarness, mock_api: MockSlackWebApi) -> None:
    mock_api.set_user("UANA", "Ana Lima")
    mock_api.fail_next("users.info", "user_not_found")  # the first person asked about: UANA or UBOB
    two_stakeholders_who_disagree(slack)
    assert slack.command("/assess", "status", "UFAC").status == 200
    status = post_text(slack.responses(1)[0])
    failed = mock_api.calls("users.info")[0].args["user"]
    shown = {"UANA": "Ana Lima", "UBOB": "User UBOB"}
    for user, name in shown.items():  # the one Slack could not name is shown by id; the other by name
        assert (f"<@{user}>" if user == failed else name) in status
    assert "Facilitators: User UFAC" in status

    assert slack.command("/assess", "report", "UFAC").status == 200
    report = post_text(slack.mock.wait_for("chat.postMessage", channel="CFACIL")[0])
    assert "Results: Riverton 2026" in report
    assert f"<@{failed}>" in report  # not asked again within five minutes: still the id
    other = "UBOB" if failed == "UANA" else "UANA"
    assert shown[other] in report


def test_names_slack_gave_are_stored_so_review_csv_and_xlsx_show_them(
        slack: SlackHarness, mock_api: MockSlackWebApi, slack_settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    mock_api.set_user("UANA", "Ana Lima")
    mock_api.set_user("UBOB", "Bob Stone")
    two_stakeholders_who_disagree(slack)
    home_of(slack, "UFAC")  # the Home asks Slack for the names, and keeps them with the records
    assert slack.service.review(ASSESSMENT).display_names == {"UANA": "Ana Lima", "UBOB": "Bob Stone",
                                                              "UFAC": "User UFAC"}

    monkeypatch.setenv("MMSSC_DATA_DIR", str(slack_settings.data_dir))  # the CLI on the bot's database
    monkeypatch.setenv("COLUMNS", "200")
    reviewed = CliRunner().invoke(cli, ["review", ASSESSMENT])
    assert reviewed.exit_code == 0, reviewed.output
    assert "Ana Lima (UANA) 1, Bob Stone (UBOB) 4" in reviewed.output
    out = tmp_path / "results.csv"
    assert CliRunner().invoke(cli, ["report", ASSESSMENT, "--format", "csv", "--out", str(out)]).exit_code == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert {(r["stakeholder"], r["stakeholder_name"]) for r in rows} == {("UANA", "Ana Lima"), ("UBOB", "Bob Stone")}
    workbook = tmp_path / "results.xlsx"
    assert CliRunner().invoke(cli, ["report", ASSESSMENT, "--format", "xlsx", "--out", str(workbook)]).exit_code == 0
    sheet = load_workbook(workbook)["Stakeholders"]
    header = [cell.value for cell in sheet[1]]
    names = {row[header.index("stakeholder_name")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Ana Lima", "Bob Stone"}
    about = {row[0]: row[1] for row in load_workbook(workbook)["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Stakeholders"] == "2: Ana Lima (UANA), Bob Stone (UBOB)"
