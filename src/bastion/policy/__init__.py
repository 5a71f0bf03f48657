"""Policy stage: YAML policies map annotated entities to violations and outcomes.

A policy file declares harmful categories, named cue word lists and rules. Each rule matches
entities by kind, category (or listed/unlisted), surface, flags and cue words in the item's text,
and yields a violation (category, severity, confidence) with an outcome: allow, review,
disable_link or remove. Rules in ``mode: shadow`` are recorded but never act. The annotated
format is in ``src/bastion/policies/default.yaml`` (linked as ``policies/default.yaml``).
"""

from bastion.policy.engine import Policy, verdict_of
from bastion.policy.loader import PolicyError

__all__ = ["Policy", "PolicyError", "verdict_of"]
