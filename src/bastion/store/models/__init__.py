"""The case store's tables; import from here so every model is registered on ``Base.metadata``."""

from bastion.store.models.base import Base
from bastion.store.models.console import ConsoleUser, ItemImage, ReporterMute
from bastion.store.models.content import Entity, Item, Violation
from bastion.store.models.enforcement import Action, Appeal, Case, Report, Review, Strike
from bastion.store.models.ops import (
    AuditChainHead,
    AuditEvent,
    Campaign,
    CampaignAccount,
    LinkClick,
    Notice,
)
from bastion.store.models.tenancy import Account, ApiKey, ApiKeyGeneration, Tenant

__all__ = [
    "Account",
    "Action",
    "ApiKey",
    "ApiKeyGeneration",
    "Appeal",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Campaign",
    "CampaignAccount",
    "Case",
    "ConsoleUser",
    "Entity",
    "Item",
    "ItemImage",
    "LinkClick",
    "Notice",
    "Report",
    "ReporterMute",
    "Review",
    "Strike",
    "Tenant",
    "Violation",
]
