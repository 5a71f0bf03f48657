"""Alembic environment: migrate over the connection passed in ``config.attributes``.

There is no alembic.ini and no URL here; ``bastion.store.migrate`` supplies an open connection so
the same engine settings (SQLite pragmas, psycopg 3) apply to migrations and to the app.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from bastion.store.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "bastion migrations need a live connection: use bastion.store.migrate.upgrade(engine)"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    compare_type=True,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
