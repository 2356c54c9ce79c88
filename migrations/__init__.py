"""The archive's schema history as Alembic migrations (shipped inside the package)."""
