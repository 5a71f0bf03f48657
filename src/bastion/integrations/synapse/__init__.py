"""Bastion as a Matrix Synapse spam-checker module, and the receiver that turns Bastion's signed
webhooks into Synapse admin API calls. See the README's "Protecting a Matrix homeserver"."""

from __future__ import annotations

from bastion.integrations.synapse.checker import BastionSpamChecker
from bastion.integrations.synapse.config import ConfigError, ModuleConfig, parse_config

__all__ = ["BastionSpamChecker", "ConfigError", "ModuleConfig", "parse_config"]
