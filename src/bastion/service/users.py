"""Console users: create, reset, disable, and check a password (Argon2id via argon2-cffi).

A failed sign-in costs the same whether the user exists or not (a dummy hash is verified), so
the form does not tell an attacker which usernames exist. Roles: ``moderator`` works the review
queue; ``senior`` also decides appeals and bans; ``admin`` also manages the tenant.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.service.errors import InvalidInput, NotFound
from bastion.store.models import ConsoleUser

ROLES: Final = ("moderator", "senior", "admin")
RANK: Final = {role: rank for rank, role in enumerate(ROLES)}
MIN_PASSWORD: Final = 12
MAX_PASSWORD: Final = 256
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
_HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist (the same work either way, so
    timing tells nothing), made at the app's start (``prepare``) rather than at import:
    argon2 is slow on purpose, and every process that imports the service would pay it."""
    return _HASHER.hash("not a password anyone has")


def prepare() -> None:
    """Make the dummy hash now (a server's start), so no sign-in is the first to pay for it."""
    _dummy_hash()


def check_username(username: str) -> str:
    if not _USERNAME.fullmatch(username):
        raise InvalidInput("username: 2-64 of a-z 0-9 . _ - starting with a letter or digit")
    return username


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(f"password must be {MIN_PASSWORD}-{MAX_PASSWORD} characters")
    return password


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInput(f"role {role!r} is not one of {', '.join(ROLES)}")
    return role


def create_user(
    session: Session, tenant_id: int, username: str, password: str, role: str
) -> ConsoleUser:
    check_username(username)
    check_password(password)
    check_role(role)
    if find_user(session, tenant_id, username) is not None:
        raise InvalidInput(f"user {username!r} already exists")
    user = ConsoleUser(
        tenant_id=tenant_id,
        username=username,
        password_hash=_HASHER.hash(password),
        role=role,
        disabled=False,
        session_version=1,
    )
    session.add(user)
    session.flush()
    return user


def find_user(session: Session, tenant_id: int, username: str) -> ConsoleUser | None:
    return session.scalars(
        select(ConsoleUser).where(
            ConsoleUser.tenant_id == tenant_id, ConsoleUser.username == username
        )
    ).one_or_none()


def _existing(session: Session, tenant_id: int, username: str) -> ConsoleUser:
    user = find_user(session, tenant_id, username)
    if user is None:
        raise NotFound(f"no user {username!r}")
    return user


def reset_password(session: Session, tenant_id: int, username: str, password: str) -> None:
    """New password; every open session of the user ends."""
    user = _existing(session, tenant_id, username)
    user.password_hash = _HASHER.hash(check_password(password))
    user.session_version += 1
    user.disabled = False


def disable_user(session: Session, tenant_id: int, username: str) -> None:
    user = _existing(session, tenant_id, username)
    user.disabled = True
    user.session_version += 1


def authenticate(
    session: Session, tenant_id: int, username: str, password: str
) -> ConsoleUser | None:
    """The user if the password is right and the user is enabled, else None."""
    user = find_user(session, tenant_id, username) if _USERNAME.fullmatch(username) else None
    candidate = user.password_hash if user is not None else _dummy_hash()
    try:
        _HASHER.verify(candidate, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if user is None or user.disabled:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return user
