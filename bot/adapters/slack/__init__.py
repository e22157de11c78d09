"""The Slack adapter: translates Slack events, commands and interactions to the interview core and back.

Start with `app.create_slack_app` (the bolt App) and `runner` (`mmssc serve`); Block Kit is in
`blocks` and `review_blocks`; `interview_cards` posts the interview's cards and updates them once
decided. The tooling that plays Slack locally (a mock Web API, a simulator) is test tooling and lives
in `tests/support/slack/`; the Slack benchmark is `benchmarks/slack.py`.
"""
