"""Where Bastion keeps its state: one rule for every command, the API and the Python API.

The state directory ("home") is the ``--home`` option when given, else ``$BASTION_HOME``, else
``./.bastion``. Every CLI command resolves it here, so ``scan``, ``serve`` and ``report`` can never
disagree about which index or database they use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_HOME = "BASTION_HOME"
DEFAULT_HOME = ".bastion"


def resolve_home(home: Path | str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """``home`` if given, else ``$BASTION_HOME`` (read from ``environ``, default ``os.environ``),
    else ``./.bastion``; ``~`` is expanded. Nothing is created here."""
    if home is not None and str(home) != "":
        return Path(home).expanduser()
    env = os.environ if environ is None else environ
    return Path(env.get(ENV_HOME) or DEFAULT_HOME).expanduser()
