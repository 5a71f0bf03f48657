"""``bastion shim ...``: the keys that sign shim links (``/l?u=…&s=…``), and signing by hand.

Rotation adds a key that signs from then on; older keys keep verifying the links they signed
until they are retired. A running server reads the keys when it starts: restart it (or its
workers) after rotating or retiring.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bastion.cli.common import HomeOption, fail, stderr_console
from bastion.config import resolve_home
from bastion.shim.signing import LinkSigner, ShimKeyError, load_signer, save_signer

shim_app = typer.Typer(
    help="Keys of the link shim, and signed links by hand.", no_args_is_help=True
)


def _ring(home: Path | None, *, create: bool) -> tuple[LinkSigner, str]:
    root = resolve_home(home)
    try:
        return load_signer(root, create=create), str(root)
    except ShimKeyError as exc:
        fail(str(exc))


@shim_app.command("keys")
def keys(home: HomeOption = None) -> None:
    """List the key ids; the signing one is marked."""
    ring, _ = _ring(home, create=False)
    for kid in ring.key_ids():
        typer.echo(f"{kid}{'  (signing)' if kid == ring.current else ''}")


@shim_app.command("rotate")
def rotate(home: HomeOption = None) -> None:
    """Add a new signing key (the first call creates the ring)."""
    root = resolve_home(home)
    existed = (root / "shim-keys.json").exists()
    ring, _ = _ring(home, create=True)
    try:
        fresh = ring.rotated() if existed else ring
        save_signer(root, fresh)
    except (ShimKeyError, OSError) as exc:
        fail(str(exc))
    stderr_console().print(f"signing key is now {fresh.current}")


@shim_app.command("retire")
def retire(
    kid: Annotated[str, typer.Argument(help="key id to drop, e.g. k1")], home: HomeOption = None
) -> None:
    """Drop a key: every link it signed stops working at once (after a server restart)."""
    root = resolve_home(home)
    ring, _ = _ring(home, create=False)
    try:
        save_signer(root, ring.retired(kid))
    except (ShimKeyError, OSError) as exc:
        fail(str(exc))
    stderr_console().print(f"retired {kid}")


@shim_app.command("sign")
def sign(
    url: Annotated[str, typer.Argument(help="the URL to wrap")],
    tenant: Annotated[str, typer.Option(help="tenant slug whose clicks count it")] = "",
    base: Annotated[str, typer.Option(help="public address of `bastion serve`")] = "",
    home: HomeOption = None,
) -> None:
    """Print the shim link for URL."""
    ring, _ = _ring(home, create=True)
    try:
        typer.echo(ring.link(url, tenant, base))
    except ValueError as exc:
        fail(str(exc))
