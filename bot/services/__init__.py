"""What the channels call: the interview, assessments and their people, the facilitator's review and the
scored results, each kept through storage.

`bot/interview` decides (a pure state machine, events in, replies out); `bot/storage` keeps (every SQL
statement); this package joins the two and is the only core layer that does. `InterviewService` is the
one object a channel needs; the modules beside it hold the functions it exposes.
"""
