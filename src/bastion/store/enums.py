"""Closed vocabularies of the case store, stored as checked strings (never native DB enums).

``StrEnum`` members compare equal to their values, so callers may pass plain strings too.
Adding a member needs a migration, because each column carries a CHECK constraint.
"""

from __future__ import annotations

from enum import StrEnum


class KeyRole(StrEnum):
    PLATFORM = "platform"
    MODERATOR = "moderator"
    ADMIN = "admin"
    PUBLIC = "public"


class Monetization(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"


class AccountStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    BANNED = "banned"


class Verdict(StrEnum):
    ALLOW = "allow"
    LABEL = "label"
    REVIEW = "review"
    ACT = "act"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class Outcome(StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    LABEL = "label"
    DISABLE_LINK = "disable_link"
    REMOVE = "remove"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    DECIDED = "decided"
    CLOSED = "closed"


class ActionKind(StrEnum):
    REMOVE_CONTENT = "remove_content"
    DISABLE_LINK = "disable_link"
    LABEL = "label"
    WARN = "warn"
    REMOVE_FOLLOWERS = "remove_followers"
    FREEZE_FOLLOWERS = "freeze_followers"
    SUSPEND_MONETIZATION = "suspend_monetization"
    REVOKE_MONETIZATION = "revoke_monetization"
    TEMP_SUSPEND = "temp_suspend"
    BAN = "ban"


class Actor(StrEnum):
    AUTOMATION = "automation"
    REVIEWER = "reviewer"
    REPORT = "report"


class Decision(StrEnum):
    UPHOLD = "uphold"
    DISMISS = "dismiss"
    CHANGE_ACTION = "change_action"


class AppealStatus(StrEnum):
    OPEN = "open"
    GRANTED = "granted"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


class NoticeStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"
