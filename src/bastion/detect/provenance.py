"""Provenance: a signal for every picture that declares itself made by AI, or whose declaration
cannot be read.

The image stage reads what each picture says about its making (``ImageReport.provenance``: a
C2PA manifest, the IPTC digital source type of its XMP); this detector only looks at those
reports, so it does no I/O and calls no native code. It emits

* ``provenance.ai_generated`` (category ``synthetic_media``, origin ``image:N:provenance``) when
  a claim's digital source type declares generation or compositing by an algorithm
  (``trainedAlgorithmicMedia``, ``compositeWithTrainedAlgorithmicMedia``,
  ``compositeSynthetic``, ``algorithmicMedia``). Its score says how far the declaration can be
  taken at its word: 1.0 for a C2PA manifest whose signature and hashes hold (``Valid`` or
  ``Trusted``), 0.9 for unsigned XMP, 0.6 for a manifest that fails validation (edited after
  signing: the claim may no longer describe these pixels);
* ``provenance.unreadable`` when a provenance record is there but cannot be read (a corrupt or
  remote manifest) and nothing readable declares AI: unsure, so a policy can send it to review.

A declaration is the uploader's tool speaking, not a finding about the pixels: the policy may
label or review on it, never remove (``bastion.policy.loader`` refuses such a rule).
"""

from __future__ import annotations

from typing import Final

from bastion.detect.base import DetectContext, Resources
from bastion.model import Item, ProvenanceClaim, Signal

AI_GENERATED: Final = "provenance.ai_generated"
UNREADABLE: Final = "provenance.unreadable"
CATEGORY: Final = "synthetic_media"
_VALIDATED: Final = frozenset({"Valid", "Trusted"})


def claim_score(claim: ProvenanceClaim) -> float:
    """How far a declaration can be taken at its word (see the module docstring)."""
    if claim.source != "c2pa":
        return 0.9
    return 1.0 if claim.validation in _VALIDATED else 0.6


class ProvenanceDetector:
    """One signal per picture that declares AI generation, or whose declaration is unreadable."""

    name: Final = "provenance"
    emits: Final = frozenset({AI_GENERATED, UNREADABLE})
    gates: Final = False
    """Its gate is never true (it reads only entities or pictures): the scanner skips it."""
    __slots__ = ()

    def __init__(self, resources: Resources | None = None) -> None:
        """Needs no resources: everything it reads is in the image reports."""

    def gate(self, item: Item) -> bool:
        return False  # pictures are read whenever an item has some; no text alone wants this

    def detect(self, context: DetectContext) -> list[Signal]:
        signals: list[Signal] = []
        for report in context.images:
            origin = f"image:{report.index}:provenance"
            declared = [claim for claim in report.provenance if claim.ai]
            if declared:
                best = max(declared, key=claim_score)
                signals.append(
                    Signal(
                        detector=self.name,
                        label=AI_GENERATED,
                        score=claim_score(best),
                        evidence="; ".join(claim.summary() for claim in declared)[:1_000],
                        category=CATEGORY,
                        origin=origin,
                    )
                )
            elif report.provenance_error is not None:
                signals.append(
                    Signal(
                        detector=self.name,
                        label=UNREADABLE,
                        score=1.0,
                        evidence=report.provenance_error[:1_000],
                        category=CATEGORY,
                        origin=origin,
                    )
                )
        return signals
