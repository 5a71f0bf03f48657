"""The sweep's default sizes, apart from the modules that read Arrow: the CLI shows them in its
options without importing pyarrow (and pandas behind it) into every ``bastion`` process."""

from __future__ import annotations

from typing import Final

DEFAULT_CHUNK_ITEMS: Final = 10_000
"""Items per chunk of a sweep (the unit of checkpointing and of a worker's task)."""
DEFAULT_BATCH: Final = 5_000
"""Findings per ingest transaction."""
DEFAULT_CAMPAIGN_DAYS: Final = 30
"""How long a campaign an ingest creates runs, when it creates one."""
