"""Signed checkpoints of the audit chain's head, kept outside the database.

The chain proves that no event in the middle was edited, but someone able to write the database
can delete the newest events and move the head row back, and the shorter chain still verifies.
A checkpoint is the head (seq and hash) signed with HMAC-SHA256 under a key in ``BASTION_HOME``
(``audit-checkpoint.key``, mode 0600, like the report secret) and appended to
``audit-checkpoints.jsonl`` beside it, and optionally POSTed to a receiver elsewhere. Verifying
then requires every checkpointed event to still be there with the same hash. A checkpoint
written by someone without the key has a bad signature and fails verification loudly.

Each checkpoint names the database it describes (its URL without password), so one home used
with two databases does not mix them up.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bastion.store.audit import GENESIS_HASH, canonical_json
from bastion.store.models import AuditEvent

KEY_FILE: Final = "audit-checkpoint.key"
CHECKPOINT_FILE: Final = "audit-checkpoints.jsonl"
MAX_LINE: Final = 4096


class CheckpointError(ValueError):
    """A checkpoint file, key or line that cannot be used; ``seq`` names the event if known."""

    def __init__(self, message: str, seq: int | None = None) -> None:
        super().__init__(message)
        self.seq = seq


@dataclass(frozen=True, slots=True)
class Checkpoint:
    seq: int
    hash: str
    store: str
    created_at: str

    def body(self) -> bytes:
        return canonical_json(asdict(self)).encode("utf-8")

    def signature(self, key: bytes) -> str:
        return hmac.new(key, self.body(), hashlib.sha256).hexdigest()

    def line(self, key: bytes) -> str:
        return canonical_json({**asdict(self), "signature": self.signature(key)})


def load_key(home: Path, *, create: bool = True) -> bytes | None:
    """The checkpoint key in ``home``, created (mode 0600) on first use; None when it does not
    exist and ``create`` is False (verifying never makes a key)."""
    path = Path(home).expanduser() / KEY_FILE
    if not create and not path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_bytes().strip()
        if len(key) < 32:
            raise CheckpointError(f"{path} holds fewer than 32 bytes; it was damaged") from None
        return key
    value = secrets.token_hex(32).encode("ascii")
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
    return value


def head(session: Session, store: str, now: datetime) -> Checkpoint:
    """A checkpoint of the chain's last event (seq 0 and the genesis hash when empty)."""
    row = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).one_or_none()
    seq, digest = (0, GENESIS_HASH) if row is None else (int(row.seq), str(row.hash))
    stamp = now.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return Checkpoint(seq=seq, hash=digest, store=store, created_at=stamp)


def append(home: Path, checkpoint: Checkpoint, key: bytes) -> Path:
    """Append the signed checkpoint to the home's checkpoint file and flush it to disk."""
    path = Path(home).expanduser() / CHECKPOINT_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(checkpoint.line(key) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return path


def _parse(line: str, number: int) -> tuple[Checkpoint, str]:
    try:
        data: Any = json.loads(line)
        fields = {name: data[name] for name in ("seq", "hash", "store", "created_at")}
        signature = data["signature"]
    except (ValueError, KeyError, TypeError):
        raise CheckpointError(f"checkpoint line {number} is not a checkpoint") from None
    seq = fields["seq"]
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise CheckpointError(f"checkpoint line {number} has no valid seq")
    if not all(isinstance(fields[k], str) for k in ("hash", "store", "created_at")):
        raise CheckpointError(f"checkpoint line {number} has a field of the wrong type", seq)
    if not isinstance(signature, str):
        raise CheckpointError(f"checkpoint line {number} has no signature", seq)
    return Checkpoint(**fields), signature


def anchors(home: Path, store: str, key: bytes | None) -> dict[int, str]:
    """seq -> hash from every checkpoint of ``store`` in the home, each signature checked.

    Raises ``CheckpointError`` for a line that is damaged or signed with another key: a
    checkpoint that cannot be trusted must fail verification, never be skipped.
    """
    path = Path(home).expanduser() / CHECKPOINT_FILE
    if not path.is_file():
        return {}
    if key is None:
        raise CheckpointError(
            f"{path} exists but {KEY_FILE} is gone: its checkpoints cannot be checked"
        )
    found: dict[int, str] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line:
                continue
            if len(line) > MAX_LINE:
                raise CheckpointError(f"checkpoint line {number} is longer than {MAX_LINE}")
            checkpoint, signature = _parse(line, number)
            if not hmac.compare_digest(checkpoint.signature(key), signature):
                raise CheckpointError(
                    f"checkpoint line {number} has a bad signature (forged, or signed with "
                    f"another key than {KEY_FILE})",
                    checkpoint.seq,
                )
            if checkpoint.store != store or checkpoint.seq == 0:
                continue
            if found.get(checkpoint.seq, checkpoint.hash) != checkpoint.hash:
                raise CheckpointError(
                    f"checkpoint line {number} contradicts an earlier one", checkpoint.seq
                )
            found[checkpoint.seq] = checkpoint.hash
    return found
