"""What every command shares: the ``--home`` option, one-line errors, and opening the store.

Errors are one line on stderr, ``error: ...``, with every piece of user or database text escaped
so Rich never reads it as markup (``[a-z0-9-]{0,63}`` stays visible). A database that cannot be
reached, or fails mid-command, ends the command with such a line and exit 1, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bastion.store import Store, StoreConfigError, settings_from_env
from bastion.store.config import DB_FILENAME
from bastion.store.migrate import current_revision

HomeOption = Annotated[
    Path | None,
    typer.Option(
        "--home",
        help="state directory (default: $BASTION_HOME, else ./.bastion)",
        show_default=False,
    ),
]
_SPACE = re.compile(r"\s+")
MAX_ERROR_CHARS = 500


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def one_line(text: object) -> str:
    """``text`` on one line (driver messages span several), bounded, for an error message."""
    flat = _SPACE.sub(" ", str(text)).strip()
    return flat if len(flat) <= MAX_ERROR_CHARS else flat[: MAX_ERROR_CHARS - 1] + "…"


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` (one line, markup-escaped) on stderr and exit with ``code``."""
    stderr_console().print(f"[red]error:[/red] {escape(one_line(message))}")
    raise typer.Exit(code=code)


def describe_db_error(exc: BaseException) -> str:
    """The driver's own words for a database error, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None)
    return one_line(f"{type(orig or exc).__name__}: {orig or exc}")


def store_location(home: Path, url: str | None) -> str:
    """Where the store is, for messages: the SQLite path or the URL without its password."""
    if url is None:
        return str(home / DB_FILENAME)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "BASTION_DATABASE_URL"


def _sqlite_file(home: Path, url: str | None) -> Path | None:
    """The SQLite file the store would use, or None for a server database."""
    if url is None:
        return home / DB_FILENAME
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def open_store(home: Path | None, *, readonly: bool = False) -> Store:
    """The store of ``home`` (``--home`` > ``$BASTION_HOME`` > ``./.bastion``) or exit 1.

    ``readonly`` commands never create anything: a SQLite file that does not exist, or a server
    database without Bastion's tables, is an error rather than a new empty store.
    """
    root, url = settings_from_env(home=home)
    where = store_location(root, url)
    sqlite_file = _sqlite_file(root, url)
    if readonly and sqlite_file is not None and not sqlite_file.is_file():
        fail(f"no Bastion store at {sqlite_file} (check --home / $BASTION_HOME)")
    try:
        store = Store.open(home=root, url=url, migrate=False)
    except StoreConfigError as exc:
        fail(str(exc))
    except (SQLAlchemyError, OSError) as exc:
        fail(f"cannot open the store ({where}): {describe_db_error(exc)}")
    try:
        if readonly and current_revision(store.engine) is None:
            store.close()
            fail(f"the database {where} holds no Bastion store (check BASTION_DATABASE_URL)")
        store.migrate()
    except (SQLAlchemyError, OSError) as exc:
        store.close()
        fail(f"cannot open the store ({where}): {describe_db_error(exc)}")
    return store


@contextmanager
def store_for(home: Path | None, *, readonly: bool = False) -> Iterator[Store]:
    """``open_store``, closed on exit; a database error inside the block is one line, exit 1."""
    store = open_store(home, readonly=readonly)
    try:
        yield store
    except SQLAlchemyError as exc:
        fail(f"database error: {describe_db_error(exc)}")
    finally:
        store.close()
