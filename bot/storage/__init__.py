"""Storage: SQLAlchemy models, migrations and every SQL statement of the project."""
