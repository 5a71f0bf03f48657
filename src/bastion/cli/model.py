"""``bastion model``: train the text-intent model on the operator's own labelled data.

``bastion model train --data FILE`` reads CSV (header ``text,label``) or JSONL, splits it by a
fixed seed, trains (scikit-learn, the ``train`` extra), measures the held-out part and writes
``<home>/models/text_model.npz`` and its card ``text_model.md`` atomically. The next
``Scanner.load`` of that home uses it instead of the model shipped in the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from bastion.cli.common import HomeOption, fail
from bastion.config import resolve_home

model_app = typer.Typer(help="Train the text-intent model on your own labelled data.")


@model_app.command("train")
def train_command(
    data: Annotated[
        Path, typer.Option("--data", help="CSV (text,label) or JSONL with 'text' and 'label'")
    ],
    seed: Annotated[int, typer.Option(help="split and training seed")] = 1234,
    test_fraction: Annotated[
        float, typer.Option(help="share of distinct texts held out for the card", min=0.0, max=0.9)
    ] = 0.2,
    home: HomeOption = None,
) -> None:
    """Train on FILE, write the model and its card into the home (labels: gambling,
    sexual_services, scam, diversion, or a refinement such as scam.police; normal/ham = none)."""
    try:
        from bastion.modeltrain import train_operator
    except ImportError as exc:  # scikit-learn is an extra: scanning does not need it
        fail(f"training needs scikit-learn: pip install 'bastion[train]' ({exc.name} missing)")
    try:
        model, path = train_operator(
            data, resolve_home(home), seed=seed, test_fraction=test_fraction
        )
    except ValueError as exc:
        fail(str(exc))
    console = Console(highlight=False)
    console.print(f"wrote {escape(str(path))} ({model.meta['features_kept']:,} features)")
    for part, figures in model.meta.get("held_out", {}).items():
        b = figures["harmful_vs_normal"]
        console.print(
            f"held out ({escape(part)}, {figures['rows']} rows): macro-F1 {figures['macro_f1']}, "
            f"harmful vs normal precision {b['precision']} recall {b['recall']}"
        )
    console.print(f"card: {escape(str(path.with_suffix('.md')))}")
