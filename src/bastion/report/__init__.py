"""Transparency reporting: figures counted from the case store, rendered as JSON, CSV or HTML."""

from bastion.report.render import FORMATS, render, render_csv, render_html, render_json
from bastion.report.schema import DEFINITIONS, GROUPS, Period, TransparencyStats
from bastion.report.stats import (
    UnknownTenantError,
    read_snapshot,
    tenant_id_for_slug,
    transparency_stats,
)

__all__ = [
    "DEFINITIONS",
    "FORMATS",
    "GROUPS",
    "Period",
    "TransparencyStats",
    "UnknownTenantError",
    "read_snapshot",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "tenant_id_for_slug",
    "transparency_stats",
]
