"""Alembic migrations shipped with the package; run them with ``bastion.store.migrate``."""
