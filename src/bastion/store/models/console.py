"""People who sign in to the moderator console (API keys stay for machines), the reporters they
muted, and the pictures they look at."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bastion.store.models.base import Base, CreatedMixin, IdMixin, TenantOwned
from bastion.store.types import IdType


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


class ReporterMute(IdMixin, CreatedMixin, TenantOwned, Base):
    """A reporter whose reports no longer enter the review queue (still stored and counted).

    ``reporter`` is ``id:<platform reporter id>`` or ``ip:<keyed address hash>``
    (``bastion.service.reporters``); unmuting deletes the row, and both are audited."""

    __tablename__ = "reporter_mutes"
    __table_args__ = (UniqueConstraint("tenant_id", "reporter"),)

    reporter: Mapped[str] = mapped_column(String(300))
    muted_by: Mapped[str] = mapped_column(String(255))
    reason: Mapped[str] = mapped_column(String(500))


class ItemImage(IdMixin, CreatedMixin, TenantOwned, Base):
    """The bytes of one picture of an item the scan did not allow, for the case page."""

    __tablename__ = "item_images"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    item_id: Mapped[int] = mapped_column(IdType)
    position: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)
