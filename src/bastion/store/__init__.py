"""The case store: tables, migrations, transactions and the audit log (SQLite or PostgreSQL)."""

from bastion.store.config import StoreConfigError, database_url, make_engine, settings_from_env
from bastion.store.retry import RetryPolicy, is_transient, retry_call
from bastion.store.store import Store

__all__ = [
    "RetryPolicy",
    "Store",
    "StoreConfigError",
    "database_url",
    "is_transient",
    "make_engine",
    "retry_call",
    "settings_from_env",
]
