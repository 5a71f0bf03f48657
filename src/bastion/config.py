"""Where Bastion keeps its state. Environment variables are read here and only here."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = ".bastion"


def resolve_home(home: Path | str | None = None) -> Path:
    """``home`` if given, else ``$BASTION_HOME``, else ``./.bastion`` (not created here)."""
    if home is not None:
        return Path(home)
    return Path(os.environ.get("BASTION_HOME") or DEFAULT_HOME)
