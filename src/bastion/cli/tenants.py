"""``bastion tenants ...``: create tenants, issue, list and revoke API keys, set webhooks.

Keys are printed once, alone on stdout (so scripts can capture them); everything else goes to
stderr. Only their sha256 is stored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bastion.cli.common import HomeOption, fail, stderr_console, store_for
from bastion.service.errors import ServiceError
from bastion.service.notices import configure_webhook
from bastion.store import audit
from bastion.store.enums import KeyRole
from bastion.store.models import ApiKey, Tenant
from bastion.store.queries import (
    UnknownKey,
    create_tenant,
    issue_api_key,
    list_api_keys,
    revoke_api_key,
)

tenants_app = typer.Typer(
    help="Manage tenants (platforms) and their API keys.", no_args_is_help=True
)
RoleOption = Annotated[str, typer.Option(help="key role: platform, moderator, admin or public")]
_NOT_SLUG = re.compile(r"[^a-z0-9_-]+")


def _err() -> Console:
    return stderr_console()


def _role(value: str) -> KeyRole:
    try:
        return KeyRole(value)
    except ValueError:
        roles = ", ".join(r.value for r in KeyRole)
        fail(f"role {value!r} is not one of {roles}")


def _tenant(session: Session, slug: str) -> Tenant:
    tenant = session.scalars(select(Tenant).where(Tenant.slug == slug)).one_or_none()
    if tenant is None:
        fail(f"no tenant {slug!r} (see `bastion tenants list`)")
    return tenant


def _issue(session: Session, tenant: Tenant, role: KeyRole, label: str) -> str:
    key, plaintext = issue_api_key(session, tenant.id, role, label=label)
    audit.append(
        session,
        actor="operator:cli",
        action="api_key.issued",
        subject=f"api_key:{key.id}",
        payload={"role": role.value, "label": label},
        tenant_id=tenant.id,
    )
    return plaintext


@tenants_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="display name of the platform")],
    role: RoleOption = "platform",
    slug: Annotated[str | None, typer.Option(help="short id (default: from the name)")] = None,
    label: Annotated[str, typer.Option(help="note kept with the key")] = "",
    home: HomeOption = None,
) -> None:
    """Create a tenant and print its first API key."""
    key_role = _role(role)
    short = slug or _NOT_SLUG.sub("-", name.strip().lower()).strip("-")[:64]
    with store_for(home) as store:
        try:
            with store.transaction() as session:
                tenant = create_tenant(session, slug=short, name=name)
                plaintext = _issue(session, tenant, key_role, label)
        except ValueError as exc:
            fail(str(exc))
        except IntegrityError:
            fail(f"a tenant {short!r} already exists")
    _err().print(
        f"created tenant {escape(repr(short))} (id {tenant.id}); {key_role.value} key, shown once:"
    )
    typer.echo(plaintext)


@tenants_app.command("key")
def key(
    slug: Annotated[str, typer.Argument(help="tenant short id")],
    role: RoleOption = "platform",
    label: Annotated[str, typer.Option(help="note kept with the key")] = "",
    home: HomeOption = None,
) -> None:
    """Issue another API key for a tenant."""
    key_role = _role(role)
    with store_for(home) as store, store.transaction() as session:
        plaintext = _issue(session, _tenant(session, slug), key_role, label)
    _err().print(f"{key_role.value} key for {escape(repr(slug))}, shown once:")
    typer.echo(plaintext)


@tenants_app.command("list")
def list_tenants(home: HomeOption = None) -> None:
    """Tenants with their live keys per role."""
    with store_for(home, readonly=True) as store, store.transaction(readonly=True) as session:
        for tenant in session.scalars(select(Tenant).order_by(Tenant.id)):
            roles = session.scalars(
                select(ApiKey.role).where(
                    ApiKey.tenant_id == tenant.id, ApiKey.revoked_at.is_(None)
                )
            ).all()
            summary = ", ".join(sorted(str(r) for r in roles)) or "no keys"
            hook = tenant.webhook_url or "no webhook"
            typer.echo(f"{tenant.slug}\t{tenant.name}\t{summary}\t{hook}")


@tenants_app.command("keys")
def keys(
    slug: Annotated[str | None, typer.Argument(help="only this tenant's keys")] = None,
    all_keys: Annotated[bool, typer.Option("--all", help="also list revoked keys")] = False,
    home: HomeOption = None,
) -> None:
    """API keys with their ids (for `bastion tenants revoke`); never the keys themselves."""
    with store_for(home, readonly=True) as store, store.transaction(readonly=True) as session:
        tenant_id = None if slug is None else _tenant(session, slug).id
        rows = list_api_keys(session, tenant_id, include_revoked=all_keys)
        typer.echo("id\ttenant\trole\tcreated\trevoked\tlabel")
        for key, tenant_slug in rows:
            created = key.created_at.strftime("%Y-%m-%dT%H:%M:%SZ")
            revoked = key.revoked_at.strftime("%Y-%m-%dT%H:%M:%SZ") if key.revoked_at else "-"
            typer.echo(f"{key.id}\t{tenant_slug}\t{key.role}\t{created}\t{revoked}\t{key.label}")


@tenants_app.command("revoke")
def revoke(
    key_id: Annotated[int, typer.Argument(min=1, help="key id from `bastion tenants keys`")],
    home: HomeOption = None,
) -> None:
    """Revoke an API key; running servers refuse it from their next request on."""
    with store_for(home) as store:
        try:
            with store.transaction() as session:
                key, revoked = revoke_api_key(session, key_id)
                if revoked:
                    audit.append(
                        session,
                        actor="operator:cli",
                        action="api_key.revoked",
                        subject=f"api_key:{key.id}",
                        payload={"role": str(key.role)},
                        tenant_id=key.tenant_id,
                    )
        except UnknownKey:
            _err().print(
                f"[red]error:[/red] no API key with id {key_id} (see `bastion tenants keys`)"
            )
            raise typer.Exit(code=1) from None
    _err().print(f"key {key_id} {'revoked' if revoked else 'was already revoked'}")


@tenants_app.command("webhook")
def webhook(
    slug: Annotated[str, typer.Argument(help="tenant short id")],
    url: Annotated[str | None, typer.Option(help="notice endpoint; omit to stop notices")] = None,
    allow_private: Annotated[
        bool | None,
        typer.Option(help="allow private/loopback addresses (on-premise receivers)"),
    ] = None,
    rotate_secret: Annotated[bool, typer.Option(help="issue a new signing secret")] = False,
    home: HomeOption = None,
) -> None:
    """Set the tenant's webhook URL; prints the signing secret when one is issued."""
    with store_for(home) as store:
        try:
            with store.transaction() as session:
                secret = configure_webhook(
                    session,
                    _tenant(session, slug).id,
                    url=url,
                    actor="operator:cli",
                    now=datetime.now(UTC),
                    allow_private=allow_private,
                    rotate_secret=rotate_secret,
                )
        except ServiceError as exc:
            fail(exc.detail)
    _err().print(f"webhook for {escape(repr(slug))}: {escape(url or 'off')}")
    if secret:
        typer.echo(secret)
