"""``bastion users ...``: people who sign in to the moderator console.

Passwords are read from standard input (``--password-stdin``, first line) or asked for twice
without echo; only their Argon2id hash is stored. ``reset`` and ``disable`` end every open
session of the user at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.cli.common import HomeOption, fail, stderr_console, store_for
from bastion.service.errors import ServiceError
from bastion.service.users import ROLES, create_user, disable_user, reset_password
from bastion.store import audit
from bastion.store.models import ConsoleUser, Tenant

users_app = typer.Typer(help="Console users (moderators, seniors, admins).", no_args_is_help=True)
Slug = Annotated[str, typer.Argument(help="tenant short id")]
Username = Annotated[str, typer.Argument(help="sign-in name")]
FromStdin = Annotated[
    bool, typer.Option("--password-stdin", help="read the password from stdin's first line")
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    return value


def _tenant_id(session: Session, slug: str) -> int:
    tenant_id = session.scalar(select(Tenant.id).where(Tenant.slug == slug))
    if tenant_id is None:
        fail(f"no tenant {slug!r} (see `bastion tenants list`)")
    return tenant_id


def _run(home: Path | None, slug: str, what: str, change: Callable[[Session, int], None]) -> None:
    with store_for(home) as store:
        try:
            with store.transaction() as session:
                tenant_id = _tenant_id(session, slug)
                change(session, tenant_id)
                audit.append(
                    session, actor="operator:cli", action=what, subject=slug, tenant_id=tenant_id
                )
        except ServiceError as exc:
            fail(str(exc))


@users_app.command("create")
def create(
    slug: Slug,
    username: Username,
    role: Annotated[str, typer.Option(help=f"one of {', '.join(ROLES)}")] = "moderator",
    password_stdin: FromStdin = False,
    home: HomeOption = None,
) -> None:
    """Create a console user."""
    password = _password(password_stdin)
    _run(home, slug, "console_user.created", lambda s, t: _create(s, t, username, password, role))
    stderr_console().print(f"created {escape(role)} {escape(repr(username))} in {escape(slug)}")


def _create(session: Session, tenant_id: int, username: str, password: str, role: str) -> None:
    create_user(session, tenant_id, username, password, role)


@users_app.command("reset")
def reset(
    slug: Slug, username: Username, password_stdin: FromStdin = False, home: HomeOption = None
) -> None:
    """Set a new password (and re-enable the user); open sessions end."""
    password = _password(password_stdin)
    _run(home, slug, "console_user.reset", lambda s, t: reset_password(s, t, username, password))
    stderr_console().print(f"reset {escape(repr(username))}")


@users_app.command("disable")
def disable(slug: Slug, username: Username, home: HomeOption = None) -> None:
    """Stop a user signing in; open sessions end."""
    _run(home, slug, "console_user.disabled", lambda s, t: disable_user(s, t, username))
    stderr_console().print(f"disabled {escape(repr(username))}")


@users_app.command("list")
def list_users(slug: Slug, home: HomeOption = None) -> None:
    """Users of a tenant with their roles."""
    with store_for(home, readonly=True) as store, store.transaction(readonly=True) as session:
        tenant_id = _tenant_id(session, slug)
        for user in session.scalars(
            select(ConsoleUser).where(ConsoleUser.tenant_id == tenant_id).order_by(ConsoleUser.id)
        ):
            state = "disabled" if user.disabled else "active"
            typer.echo(f"{user.username}\t{user.role}\t{state}")
