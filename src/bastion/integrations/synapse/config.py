"""The module's ``config:`` block of ``homeserver.yaml``, validated when Synapse starts.

Every mistake names the key, what was given and what is valid, so a typo stops the homeserver
with one readable line instead of scanning with a setting nobody meant.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from bastion.model import SURFACES

MODES: Final = ("in_process", "remote")
INGEST: Final = ("flagged", "all", "none")
CALLBACKS: Final = (
    "check_event_for_spam",
    "user_may_send_state_event",
    "check_event_allowed",
    "check_media_file_for_spam",
    "check_username_for_spam",
    "check_registration_for_spam",
)
"""Spam-checker callbacks, plus ``check_event_allowed`` (a third-party rule: Synapse passes
member events, which carry display names, to no spam-checker callback)."""
DEFAULT_STRICT: Final = frozenset({"username", "display_name"})
"""Surfaces where ``review`` refuses too: a name is shown everywhere at once, the user can pick
another, and a case is still opened for a moderator."""
KEYS: Final = frozenset(
    {
        "mode",
        "home",
        "tenant",
        "ingest",
        "url",
        "api_key",
        "api_key_file",
        "timeout",
        "fail_open",
        "fail_open_links",
        "strict_surfaces",
        "platform",
        "upkeep_interval",
        "callbacks",
        "max_media_bytes",
        "ocr",
        "ingest_process",
    }
)


class ConfigError(ValueError):
    """The module's configuration cannot be used; the message says which key and why."""


@dataclass(frozen=True, slots=True)
class ModuleConfig:
    """The validated module configuration (see the README's "Protecting a Matrix homeserver")."""

    mode: str = "in_process"
    home: Path | None = None
    tenant: str | None = None
    ingest: str = "flagged"
    url: str | None = None
    api_key: str | None = None
    timeout: float = 2.0
    fail_open: Mapping[str, bool] = field(default_factory=dict)
    fail_open_links: bool = False
    strict_surfaces: frozenset[str] = DEFAULT_STRICT
    platform: str = "matrix"
    upkeep_interval: float = 5.0
    callbacks: frozenset[str] = frozenset(CALLBACKS)
    max_media_bytes: int = 5 * 1024 * 1024
    ocr: bool = True
    ingest_process: bool = True
    """Write decisions from a child process (never holding Synapse's GIL), else a thread."""

    def fails_open(self, callback: str, *, links: bool) -> bool:
        """Whether ``callback`` lets content through when Bastion cannot be asked (remote mode).

        A message carrying something that may be a link follows ``fail_open_links`` (closed by
        default); anything else follows ``fail_open[callback]`` (open by default)."""
        if links and callback == "check_event_for_spam":
            return self.fail_open_links
        return self.fail_open.get(callback, True)


def _fail(key: str, message: str) -> ConfigError:
    return ConfigError(f"bastion synapse module: config key {key!r}: {message}")


def _choice(raw: Mapping[str, Any], key: str, valid: tuple[str, ...], default: str) -> str:
    value = raw.get(key, default)
    if value not in valid:
        raise _fail(key, f"is {value!r}; valid: {', '.join(valid)}")
    return str(value)


def _number(raw: Mapping[str, Any], key: str, default: float, *, low: float, high: float) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(key, f"must be a number, got {type(value).__name__}")
    if not low <= value <= high:
        raise _fail(key, f"is {value}; valid: {low} to {high}")
    return float(value)


def _flag(raw: Mapping[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise _fail(key, f"must be true or false, got {value!r}")
    return value


def _string(raw: Mapping[str, Any], key: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(key, "must be a non-empty string")
    return value.strip()


def _names(
    raw: Mapping[str, Any], key: str, valid: tuple[str, ...], default: frozenset[str]
) -> frozenset[str]:
    value = raw.get(key)
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(key, "must be a list of names")
    unknown = sorted(set(value) - set(valid))
    if unknown:
        raise _fail(key, f"unknown {', '.join(map(repr, unknown))}; valid: {', '.join(valid)}")
    return frozenset(value)


def _fail_open(raw: Mapping[str, Any]) -> dict[str, bool]:
    value = raw.get("fail_open", {})
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail("fail_open", "must map callback names to true or false")
    out = {}
    for name, flag in value.items():
        if name not in CALLBACKS:
            raise _fail("fail_open", f"unknown callback {name!r}; valid: {', '.join(CALLBACKS)}")
        if not isinstance(flag, bool):
            raise _fail("fail_open", f"{name} must be true or false, got {flag!r}")
        out[name] = flag
    return out


def parse_config(raw: Any) -> ModuleConfig:
    """Validate the ``config:`` mapping; raise ``ConfigError`` naming the first bad key."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError("bastion synapse module: config must be a mapping")
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise _fail(unknown[0], f"is not a setting; valid: {', '.join(sorted(KEYS))}")
    mode = _choice(raw, "mode", MODES, "in_process")
    home = _string(raw, "home")
    url = _string(raw, "url")
    api_key = _string(raw, "api_key")
    key_file = _string(raw, "api_key_file")
    if api_key and key_file:
        raise _fail("api_key_file", "give api_key or api_key_file, not both")
    if key_file:
        try:
            api_key = Path(key_file).expanduser().read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise _fail("api_key_file", f"cannot read {key_file}: {exc.strerror}") from None
    if mode == "remote":
        if not url:
            raise _fail("url", "remote mode needs the URL of a running `bastion serve`")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _fail("url", f"must be an http(s) URL with a host, got {url!r}")
        if not api_key:
            raise _fail("api_key", "remote mode needs a platform API key (or api_key_file)")
    elif home is None:
        raise _fail("home", "in_process mode needs the Bastion home (index, policy, store)")
    ingest = _choice(raw, "ingest", INGEST, "flagged")
    tenant = _string(raw, "tenant")
    if mode == "in_process" and ingest != "none" and tenant is None:
        raise _fail("tenant", "in_process mode ingests decisions into a tenant: name its slug")
    platform = _string(raw, "platform") or "matrix"
    return ModuleConfig(
        mode=mode,
        home=Path(home).expanduser() if home else None,
        tenant=tenant,
        ingest=ingest,
        url=url.rstrip("/") if url else None,
        api_key=api_key,
        timeout=_number(raw, "timeout", 2.0, low=0.05, high=60.0),
        fail_open=_fail_open(raw),
        fail_open_links=_flag(raw, "fail_open_links", False),
        strict_surfaces=_names(raw, "strict_surfaces", SURFACES, DEFAULT_STRICT),
        platform=platform,
        upkeep_interval=_number(raw, "upkeep_interval", 5.0, low=0.0, high=3600.0),
        callbacks=_names(raw, "callbacks", CALLBACKS, frozenset(CALLBACKS)),
        max_media_bytes=int(_number(raw, "max_media_bytes", 5 * 1024 * 1024, low=1, high=2**30)),
        ocr=_flag(raw, "ocr", True),
        ingest_process=_flag(raw, "ingest_process", True),
    )
