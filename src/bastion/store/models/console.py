"""People who sign in to the moderator console (API keys stay for machines)."""

from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned


class ConsoleUser(IdMixin, CreatedMixin, TenantOwned, Base):
    """A moderator, senior moderator or admin of one tenant.

    Only an Argon2id hash of the password is kept. ``session_version`` is bumped by a password
    reset or a disable, which ends every session signed under the old value at once."""

    __tablename__ = "console_users"
    __table_args__ = (UniqueConstraint("tenant_id", "username"),)

    username: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(default=False)
    session_version: Mapped[int] = mapped_column(default=1)
