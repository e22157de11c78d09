"""The interview: a state machine in the core, fed by any channel."""
