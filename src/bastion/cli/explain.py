"""``bastion explain``: one text (and its images) scanned, with every step shown.

Every piece of text printed comes from the user, the images or the feeds, so each is
markup-escaped. Images are read here, at the edge, and handed to the scanner as bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bastion.cli.common import HomeOption
from bastion.cli.scan import NoFeedsOption, NoOcrOption, feeds_label, load_scanner
from bastion.image_inputs import read_images
from bastion.model import AI_LABEL_META, SURFACES, ScanResult
from bastion.scanner import Explanation


def render_explanation(console: Console, explanation: Explanation) -> None:
    """The unmasking steps, the images, the entities, signals and violations, the verdict."""
    console.print(f"[bold]original:[/bold] {escape(repr(explanation.original))}", highlight=False)
    console.print(f"[bold]unmasked:[/bold] {escape(repr(explanation.folded))}", highlight=False)
    if not explanation.prechecked:
        console.print(
            "pre-check: nothing link-like and no detector's gate wants it; the fast path "
            "returns allow",
            highlight=False,
        )
    steps = Table(title="unmasking steps")
    for column in ("step", "span", "before", "after"):
        steps.add_column(column)
    for step in explanation.steps:
        span = f"{step.original_span[0]}-{step.original_span[1]}"
        steps.add_row(escape(step.name), span, escape(repr(step.before)), escape(repr(step.after)))
    console.print(steps)
    result = explanation.result
    if result.images:
        render_images(console, result)
    found = Table(title="entities")
    for column in ("#", "kind", "raw", "where", "value", "category", "sources", "flags"):
        found.add_column(column)
    for number, entity in enumerate(result.entities):
        where = f"{entity.span[0]}-{entity.span[1]}"
        if entity.origin != "text":
            where = f"{entity.origin} box {list(entity.box or ())}"
        found.add_row(
            str(number),
            entity.kind,
            escape(repr(entity.raw)),
            escape(where),
            escape(entity.value),
            escape(", ".join(entity.categories) or ("allowed" if entity.allowed else "unlisted")),
            escape(", ".join(entity.sources)),
            escape(", ".join(entity.flags + ([f"cue={entity.cue}"] if entity.cue else []))),
        )
    console.print(found)
    if result.signals:
        signals = Table(title="detector signals")
        for column in ("detector", "label", "score", "category", "entities", "origin", "evidence"):
            signals.add_column(column)
        for signal in result.signals:
            signals.add_row(
                signal.detector,
                signal.label,
                f"{signal.score:.2f}",
                escape(signal.category or ""),
                ", ".join(map(str, signal.entities)),
                escape(signal.origin),
                escape(signal.evidence),
            )
        console.print(signals)
    rules = Table(title="violations")
    for column in (
        "rule",
        "category",
        "severity",
        "confidence",
        "outcome",
        "entities",
        "found by",
        "why",
    ):
        rules.add_column(column)
    for violation in result.violations:
        rules.add_row(
            escape(violation.rule + (" (shadow)" if violation.mode == "shadow" else "")),
            escape(violation.category),
            violation.severity,
            f"{violation.confidence:.2f}",
            violation.outcome,
            ", ".join(map(str, violation.entities)),
            escape(", ".join(violation.origins or ["text"])),
            escape(violation.reason),
        )
    console.print(rules)
    console.print(
        f"[bold]verdict:[/bold] {result.verdict}  (policy {escape(result.policy_version)})"
    )


def render_images(console: Console, result: ScanResult) -> None:
    """Each image (or why it could not be read), then each decoded payload with its box and
    the entities it unmasked to."""
    images = Table(title="images")
    for column in ("#", "image", "format", "size", "frames", "pdq (quality)", "error"):
        images.add_column(column)
    for report in result.images:
        images.add_row(
            str(report.index),
            escape(report.ref),
            report.format or "",
            f"{report.width}x{report.height}" if report.width else "",
            str(report.frames) if report.frames else "",
            f"{report.pdq} ({report.pdq_quality})" if report.pdq else "",
            escape(report.error or ""),
        )
    console.print(images)
    codes = Table(title="decoded from images")
    for column in ("image", "decoder", "format", "box", "pass", "payload", "unmasked to"):
        codes.add_column(column)
    for report in result.images:
        for code in report.codes:
            origin = f"image:{report.index}:{code.decoder}"
            unmasked = [
                f"#{n} {e.kind} {e.value}"
                for n, e in enumerate(result.entities)
                if e.origin == origin and e.box == code.box
            ]
            codes.add_row(
                str(report.index),
                code.decoder,
                escape(code.format),
                ",".join(map(str, code.box)),
                code.attempt,
                escape(repr(code.text)),
                escape("; ".join(unmasked) or "nothing link-like"),
            )
    console.print(codes)
    render_provenance(console, result)


def render_provenance(console: Console, result: ScanResult) -> None:
    """What each picture declares about its making: C2PA manifests (generator, signer,
    validation, actions) and XMP digital source types, or why a record could not be read."""
    table = Table(title="provenance (what each picture declares about its making)")
    for column in ("image", "record", "AI", "source type", "generator", "signer", "validation"):
        table.add_column(column)
    rows = 0
    for report in result.images:
        for claim in report.provenance:
            rows += 1
            actions = "; ".join(
                " ".join(
                    part
                    for part in (
                        action.get("action", ""),
                        action.get("digital_source_type", ""),
                        f"by {action['software_agent']}" if "software_agent" in action else "",
                    )
                    if part
                )
                for action in claim.actions
            )
            validation = claim.validation or "unsigned"
            if claim.failures:
                validation += f" ({', '.join(claim.failures)})"
            table.add_row(
                str(report.index),
                claim.source + (f": {escape(actions)}" if actions else ""),
                "yes" if claim.ai else "no",
                escape(claim.digital_source_type or ""),
                escape(claim.generator or ""),
                escape(claim.signer or ""),
                escape(validation),
            )
        if report.provenance_error is not None:
            rows += 1
            table.add_row(
                str(report.index), "unreadable", "?", "", "", "", escape(report.provenance_error)
            )
    if rows:
        console.print(table)
    else:
        console.print("provenance: no picture carries a C2PA manifest or an XMP source type")


def explain_command(
    text: Annotated[str, typer.Argument(help="the text to scan (may be empty with --image)")] = "",
    image: Annotated[
        list[Path] | None,
        typer.Option("--image", "-i", help="an image to scan with the text (repeatable)"),
    ] = None,
    surface: Annotated[str, typer.Option(help=f"one of: {', '.join(SURFACES)}")] = "post",
    home: HomeOption = None,
    policy: Annotated[Path | None, typer.Option(help="policy YAML to use instead")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="print the result record as JSON")
    ] = False,
    no_feeds: NoFeedsOption = False,
    no_ocr: NoOcrOption = False,
    ai_label: Annotated[
        bool,
        typer.Option("--ai-label", help="the item already carries an AI label (meta.ai_label)"),
    ] = False,
) -> None:
    """Show how TEXT (and each --image) is unmasked, what is found and why it was classified."""
    if surface not in SURFACES:
        raise typer.BadParameter(
            f"{surface!r} is not one of {', '.join(SURFACES)}", param_hint="--surface"
        )
    if not text and not image:
        raise typer.BadParameter("give a TEXT, an --image FILE, or both")
    scanner = load_scanner(home, policy, no_feeds=no_feeds, ocr=not no_ocr)
    inputs = read_images([str(path) for path in image or ()], Path.cwd())
    meta = {AI_LABEL_META: True} if ai_label else {}
    explanation = scanner.explain(text, surface=surface, images=inputs, meta=meta)
    console = Console()
    if as_json:
        console.print_json(json.dumps(explanation.result.to_dict(), ensure_ascii=False))
        return
    render_explanation(console, explanation)
    console.print(f"intel index: {escape(feeds_label(scanner, no_feeds))}", highlight=False)
