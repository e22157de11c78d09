"""The Slack adapter: translates Slack events, commands and interactions to the interview core and back.

Start with `app.create_slack_app` (the bolt App) and `runner` (`mmssc serve`); Block Kit is in
`blocks`; `mock_web_api` and `simulator` let tests and `mmssc bench slack` play Slack locally.
"""
