"""Storage: SQLAlchemy models, migrations and every SQL statement of the project.

`Database` owns the engine and transactions; the modules beside it hold the statements, each taking
the session explicitly: `assessments`, `interviews` (positions and the audit trail), `review`,
`queries` (`scoring_input_for`) and `results`; channel state (display names, deliveries handled, posted
cards) in `display_names`, `deliveries` and `posted_cards`.
"""

import bot.storage.channel_tables  # noqa: F401 (registers its tables with the shared metadata)
from bot.storage.database import Database

__all__ = ["Database"]
