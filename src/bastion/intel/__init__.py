"""intel stage: threat-intel feeds and operator lists, compiled into a memory-mapped index.

``bastion.intel.feeds.import_feeds`` parses and stores feeds and recompiles; ``IntelIndex``
answers lookups for the scan core without any I/O after ``open``.
"""

from bastion.intel.compile import CompiledIndex, compile_index, current_version
from bastion.intel.formats import FORMATS, FeedError, ParsedFeed, detect_format, parse_text
from bastion.intel.index import (
    SEVERITY_ORDER,
    HostMatch,
    IntelIndex,
    IntelIndexError,
    MissingIndexError,
)

__all__ = [
    "FORMATS",
    "SEVERITY_ORDER",
    "CompiledIndex",
    "FeedError",
    "HostMatch",
    "IntelIndex",
    "IntelIndexError",
    "MissingIndexError",
    "ParsedFeed",
    "compile_index",
    "current_version",
    "detect_format",
    "parse_text",
]
