"""Alembic revisions, one file each, named after what they change."""
