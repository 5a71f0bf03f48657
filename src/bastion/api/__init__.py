"""The HTTP API (FastAPI): thin routes over the scan core and the enforcement service."""

from bastion.api.app import create_app
from bastion.api.deps import (
    ApiSettings,
    Principal,
    current_principal,
    get_scanner,
    get_store,
    require_roles,
)

__all__ = [
    "ApiSettings",
    "Principal",
    "create_app",
    "current_principal",
    "get_scanner",
    "get_store",
    "require_roles",
]
