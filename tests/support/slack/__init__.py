"""Playing Slack locally: a mock Web API that enforces Slack's rules, signed requests, bot processes."""
