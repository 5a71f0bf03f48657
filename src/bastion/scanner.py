"""The pure scan core: one item in, one result out, no I/O after ``Scanner.load``.

The CLI, the HTTP API and the Spark job all call ``Scanner.scan``; nothing re-implements it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from bastion.canon import canonicalize_entity
from bastion.config import resolve_home
from bastion.detect.base import DetectContext, Detector, Resources
from bastion.detect.registry import declared_labels, load_assets, load_detectors
from bastion.detect.reputation import LOOKALIKE_FLAG
from bastion.extract import extract_entities, has_candidates
from bastion.extract.hosts import PROSE_LIKE
from bastion.extract.ocr_lines import OCR_DECODER, SURE_SCORE, continued_pairs
from bastion.extract.ocr_readings import (
    OCR_GUESS,
    OCR_UNSURE,
    GuessBudget,
    lookalike_readings,
    other_hosts,
    read_again,
    unsure_handles,
)
from bastion.extract.rereading import MASKED, reread, settle
from bastion.intel import IntelIndex
from bastion.limits import Compacted
from bastion.model import (
    DEFAULT_MAX_TEXT_CHARS,
    HANDLE_KINDS,
    HOST_KINDS,
    TRUNCATED_RULE,
    WITHHELD_FLAG,
    WITHHELD_RULE,
    Entity,
    ImageCode,
    ImageInput,
    ImageReport,
    Item,
    ScanResult,
    Signal,
    Violation,
)
from bastion.normalize import UnmaskStep, unmask
from bastion.policy import Policy, verdict_of

if TYPE_CHECKING:
    from bastion.extract.images import ImageStage
    from bastion.extract.images.limits import ImageLimits

POLICY_FILE = "policy.yaml"
C2PA_TRUST_FILE = "c2pa_trust_anchors.pem"
"""Under the home: the operator's C2PA trust anchors (PEM), read when the scanner loads."""
IMAGE_HASH: Final = "image_hash"
MIN_PDQ_QUALITY: Final = 50
"""Below this PDQ quality a picture is too flat (a blank or one-colour image) for its hash to
tell it from others, so it is not looked up."""
TRUNCATED_CATEGORY: Final = "evasion"


@dataclass(slots=True)
class Explanation:
    """Everything ``bastion explain`` shows: how the text was unmasked and why each verdict."""

    original: str
    folded: str
    steps: list[UnmaskStep]
    result: ScanResult
    prechecked: bool


@dataclass(slots=True)
class Scanner:
    """Unmask, extract, canonicalize, classify and decide, for one item at a time.

    Deterministic for a given intel index and policy; safe to share between threads (read-only).
    """

    index: IntelIndex
    policy: Policy
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    detectors: Sequence[Detector] | None = None
    """None: every registered detector (``bastion.detect.registry``), built over ``index``."""
    assets: Mapping[str, object] | None = None
    """Detector assets by detector name (``Resources.assets``); ``load`` reads them from home."""
    image_limits: ImageLimits | None = None
    """None: ``bastion.extract.images.limits.DEFAULT_LIMITS``."""
    ocr: bool = True
    """Read text in pictures; off when false here (``--no-ocr``) or ``ocr: false`` in the policy."""
    c2pa_trust_anchors: str | None = None
    """PEM certificates whose C2PA signers are ``Trusted`` (``load`` reads
    ``$BASTION_HOME/c2pa_trust_anchors.pem``); None: no signer is trusted."""
    _resources: Resources = field(init=False, repr=False)
    _images: ImageStage = field(init=False, repr=False)
    _detectors: tuple[Detector, ...] = field(init=False, repr=False)
    _gates: tuple[tuple[Detector, Callable[[Item], bool]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_text_chars < 1:
            raise ValueError("max_text_chars must be at least 1")
        self._resources = Resources(self.index, MappingProxyType(dict(self.assets or {})))
        if self.detectors is None:
            loaded = load_detectors(self._resources)
            active = self.policy.active_signal_labels
            # An optional detector (a costly one, e.g. the text model) runs only for a policy
            # with an enabled rule on its labels; its declared labels still count below.
            self._detectors = tuple(
                d for d in loaded if not getattr(d, "optional", False) or d.emits & active
            )
        else:
            loaded = self._detectors = tuple(self.detectors)
        self.detectors = self._detectors
        missing = self.policy.signal_labels - declared_labels(loaded)
        if missing:
            raise ValueError(
                f"policy {self.policy.name!r} matches signals no detector emits: "
                f"{', '.join(sorted(missing))}"
            )
        # A detector declaring ``gates = False`` never wants an item without candidates: its
        # gate is not called at all (``Detector`` protocol; the contract tests hold it to that).
        self._gates = tuple(
            (detector, detector.gate)
            for detector in self._detectors
            if getattr(detector, "gates", True)
        )
        # Pillow's JPEG and GIF plugins import subprocess (never called when reading), so the
        # image stage is loaded with the scanner rather than on the scan core's import path.
        from bastion.extract.images import ImageStage
        from bastion.extract.images.limits import DEFAULT_LIMITS

        self._images = ImageStage.built(
            self.image_limits or DEFAULT_LIMITS,
            ocr=self.ocr and self.policy.ocr,
            trust_anchors=self.c2pa_trust_anchors,
        )

    @classmethod
    def load(
        cls,
        home: Path | str | None = None,
        *,
        policy_path: Path | str | None = None,
        max_text_chars: int = DEFAULT_MAX_TEXT_CHARS,
        no_feeds: bool = False,
        ocr: bool = True,
    ) -> Scanner:
        """Open the compiled intel index and the policy under ``home`` (``resolve_home`` rules).

        A home without an index raises ``MissingIndexError``: scanning on with no feeds would
        allow every listed link, so ``no_feeds=True`` must ask for that explicitly (it ignores
        any index). Each detector's own data (``load_asset``) is read from ``root`` too; a
        detector whose data is unreadable is a ``DetectorError``. A home without
        ``policy.yaml`` uses the packaged default policy; ``policy_path`` overrides both.
        ``ocr=False`` skips reading text in pictures. ``c2pa_trust_anchors.pem`` in the home,
        if there, lists the certificates whose C2PA signers are ``Trusted`` (a file that does
        not parse is a ``ValueError``).
        """
        from bastion.image_inputs import read_trust_anchors  # the edge: reads a file

        root = resolve_home(home)
        index = IntelIndex.empty() if no_feeds else IntelIndex.open(root)
        if policy_path is not None:
            policy = Policy.load(Path(policy_path))
        elif (root / POLICY_FILE).is_file():
            policy = Policy.load(root / POLICY_FILE)
        else:
            policy = Policy.default()
        return cls(
            index=index,
            policy=policy,
            max_text_chars=max_text_chars,
            ocr=ocr,
            assets=load_assets(root),
            c2pa_trust_anchors=read_trust_anchors(root / C2PA_TRUST_FILE),
        )

    def with_index(self, index: IntelIndex) -> Scanner:
        """The same policy, limits and detector assets over another intel index (a server picks
        up a new compile this way; the registered detectors are rebuilt over the new index)."""
        return Scanner(
            index=index,
            policy=self.policy,
            max_text_chars=self.max_text_chars,
            image_limits=self.image_limits,
            ocr=self.ocr,
            assets=self.assets,
            c2pa_trust_anchors=self.c2pa_trust_anchors,
        )

    def scan(self, item: Item | dict[str, Any]) -> ScanResult:
        """Scan one item (an ``Item`` or an input-format dict, validated) and decide a verdict.

        Most messages hold nothing link-like: ``has_candidates`` answers that in about a
        microsecond, and unless a detector's ``gate`` wants the item the empty result is
        returned at once. A text over ``max_text_chars`` takes ``_scan_long``.
        """
        if type(item) is not Item and not isinstance(item, Item):
            item = Item.from_dict(item)
        text = item.text
        if type(text) is not str:
            raise TypeError(f"item text must be a str, got {type(text).__name__}")
        if len(text) > self.max_text_chars:
            return self._scan_long(item, text)
        pictures = item.images or item.image_data
        if has_candidates(text):
            unmasked = unmask(text, weak=True)
            folded = unmasked.text
            entities = reread(text, extract_entities(unmasked, prose_like=True), unmasked)
            if entities or pictures or folded != text:
                return self._decide(item, folded, entities, False)
            # a false alarm of the pre-check that unmasking left as written: no candidate
        elif pictures:
            return self._decide(item, unmask(text, weak=True).text, [], False)
        else:
            folded = ""
        wanted: list[Detector] | None = None
        for detector, gate in self._gates:  # a loop, not a list: most items want none
            if gate(item):
                if wanted is None:
                    wanted = [detector]
                else:
                    wanted.append(detector)
        if wanted is None:
            return allowed_result(item.id, self.policy.version)
        if not folded:
            folded = unmask(text, weak=True).text
        return self._decide(item, folded, [], False, wanted)

    def explain(
        self,
        text: str,
        *,
        surface: str = "post",
        images: Sequence[ImageInput] = (),
        meta: dict[str, Any] | None = None,
    ) -> Explanation:
        """Scan ``text`` (and ``images``, read by the caller) recording every unmasking step, for
        humans reading ``bastion explain``.

        The result is exactly ``scan``'s; the steps shown are those of the first
        ``max_text_chars`` characters."""
        item = Item(
            id="explain",
            text=text,
            surface=surface,
            images=tuple(image.ref for image in images),
            image_data=tuple(images),
            meta=dict(meta or {}),
        )
        shown = text[: self.max_text_chars]
        unmasked = unmask(shown, explain=True, weak=True)
        return Explanation(
            original=shown,
            folded=unmasked.text,
            steps=list(unmasked.steps),
            result=self.scan(item),
            prechecked=bool(images)
            or has_candidates(shown)
            or any(gate(item) for _, gate in self._gates),
        )

    def _scan_long(self, item: Item, text: str) -> ScanResult:
        """A text over the limit: collapse filler, then read it in overlapping windows.

        If the collapsed text fits, nothing was lost and it is scanned whole. Otherwise every
        window up to ``limits.MAX_SEARCHED_CHARS`` is searched for hosts and handles, and the
        built-in ``scan.truncated`` violation sends the item to review at least.
        """
        compact = Compacted(text)
        limit = self.max_text_chars
        truncated = len(compact.text) > limit
        entities: list[Entity] = []
        folded: list[str] = []
        for start, end in compact.windows(limit):
            piece = compact.text[start:end]
            if not has_candidates(piece):
                folded.append(piece)
                continue
            unmasked = unmask(piece, weak=True)
            folded.append(unmasked.text)
            for entity in reread(piece, extract_entities(unmasked, prose_like=True), unmasked):
                lo, hi = compact.to_original(start + entity.span[0], start + entity.span[1])
                entity.span = (lo, hi)
                entity.raw = text[lo:hi]
                entities.append(entity)
        return self._decide(item, "\n".join(folded), _disjoint(entities), truncated)

    def _decide(
        self,
        item: Item,
        folded: str,
        entities: list[Entity],
        truncated: bool,
        detectors: Sequence[Detector] | None = None,
    ) -> ScanResult:
        """Read the images, canonicalize, run the detectors (``detectors``: only those whose
        gate wants an item without entities or pictures), apply the policy."""
        images: list[ImageReport] = []
        if item.images or item.image_data:
            images = self._images.read(item)
            folded = _add_image_entities(images, folded, entities)
        withheld = [e for e in entities if WITHHELD_FLAG in e.flags]
        if withheld:
            entities = [e for e in entities if WITHHELD_FLAG not in e.flags]
        for entity in entities:
            canonicalize_entity(entity)
        signals: list[Signal] = []
        if detectors is None:
            detectors = self._detectors
        if detectors:
            context = DetectContext(item, folded, item.text, entities, self._resources, images)
            for detector in detectors:
                found = detector.detect(context)
                if found:
                    signals.extend(found)
        unsure = [e for e in entities if e.categories and _lookalike_of_guess(e)]
        entities = _drop_unlisted_prose(entities, signals)
        withheld += unsure
        violations = self.policy.evaluate(item, folded, entities, signals)
        if truncated:
            violations.append(self._truncation())
        if withheld:
            violations.append(_withholding(withheld))
        return ScanResult(
            id=item.id,
            verdict=verdict_of(violations),
            entities=entities,
            violations=violations,
            truncated=truncated,
            policy_version=self.policy.version,
            signals=signals,
            images=images,
        )

    def _truncation(self) -> Violation:
        return Violation(
            rule=TRUNCATED_RULE,
            category=TRUNCATED_CATEGORY,
            severity="medium",
            confidence=1.0,
            outcome="review",
            reason=(
                f"text longer than {self.max_text_chars} characters after collapsing filler; "
                "it was searched for links and handles but not read whole"
            ),
        )


def _withholding(withheld: list[Entity]) -> Violation:
    """The built-in review of an item whose host or id could not be read for sure: the value is
    not reported (it would be another one), a person reads the text."""
    return Violation(
        rule=WITHHELD_RULE,
        category=TRUNCATED_CATEGORY,
        severity="low",
        confidence=0.6,
        outcome="review",
        reason=f"{len(withheld)} link(s) or handle(s) disguised in a way that cannot be undone "
        "for sure: " + ", ".join(repr(e.raw) for e in withheld[:3]),
    )


_new_object: Final = object.__new__


def allowed_result(item_id: str, policy_version: str) -> ScanResult:
    """``ScanResult(item_id, "allow", policy_version=policy_version)``, built field by field.

    Most messages end here. Calling the dataclass goes through ``type.__call__`` into a Python
    ``__init__`` (a new interpreter frame and two default factories): about a third slower than
    setting the eight slots, on a path that costs about 5 us in all. A test checks both give
    the same record, field for field."""
    result: ScanResult = _new_object(ScanResult)
    result.id = item_id
    result.verdict = "allow"
    result.entities = []
    result.violations = []
    result.truncated = False
    result.policy_version = policy_version
    result.signals = []
    result.images = []
    return result


def _add_image_entities(images: list[ImageReport], folded: str, entities: list[Entity]) -> str:
    """Send every decoded payload through the text pipeline: its entities join the item's (origin
    ``image:N:decoder``, box in the image, span within the payload) and its unmasked text joins
    the folded text the policy reads for cue words. Each picture with a meaningful PDQ hash
    becomes an ``image_hash`` entity, which the reputation detector looks up like a host.

    OCR misreads letters with high confidence (``hawalicasino.com`` for ``hawaiicasino.com``), so
    a host read from a picture's text is ``prose_like``: kept only when a feed lists it. Handles
    are kept as read; from a line scored under ``SURE_SCORE`` they are flagged ``ocr_unsure``
    (the policy sends them to review) rather than dropped: a cued id read with doubt is still
    an id, and losing it would allow a picture a person should see. Each OCR line (and each
    pair of lines read together) is also scanned in its other readings
    (``bastion.extract.ocr_readings``), the guesses among them bounded per picture; the readings
    the decoder reports beside a line (``ImageCode.readings``) yield handles flagged
    ``ocr_unsure`` and hosts as guesses."""
    pieces = [folded]
    for report in images:
        budget = GuessBudget()
        if report.pdq is not None and (report.pdq_quality or 0) >= MIN_PDQ_QUALITY:
            entities.append(
                Entity(
                    kind=IMAGE_HASH,
                    raw=report.pdq,
                    span=(0, 0),
                    value=report.pdq,
                    origin=f"image:{report.index}:pdq",
                    box=(0, 0, report.width, report.height),
                )
            )
        for code in report.codes:
            read = code.decoder == OCR_DECODER
            if not has_candidates(code.text):
                pieces.append(code.text)
                found = []
            else:
                unmasked = unmask(code.text, weak=True)
                pieces.append(unmasked.text)
                found = extract_entities(unmasked, prose_like=True)
            if read:
                found.extend(read_again(code.text, found, budget=budget))
                others = (*code.readings, *lookalike_readings(code.text, found))
                found.extend(unsure_handles(code.text, others, found))
                found.extend(other_hosts(code.text, code.readings, found, budget))
            origin = f"image:{report.index}:{code.decoder}"
            unsure = code.score is not None and code.score < SURE_SCORE
            for entity in found:
                entity.origin = origin
                entity.box = code.box
                if unsure and read and entity.kind in _MESSENGER_KINDS:
                    if OCR_UNSURE not in entity.flags:  # fail closed: review, not dropped
                        entity.flags.append(OCR_UNSURE)
                elif (
                    unsure or (read and entity.kind in HOST_KINDS)
                ) and PROSE_LIKE not in entity.flags:
                    entity.flags.append(PROSE_LIKE)
                entities.append(entity)
        for upper, lower in continued_pairs(report.codes):
            pair = report.codes[upper], report.codes[lower]
            entities.extend(_across_lines(report, *pair, budget))
    return "\n".join(pieces)


def _across_lines(
    report: ImageReport, upper: ImageCode, lower: ImageCode, budget: GuessBudget
) -> list[Entity]:
    """Entities that only the two OCR lines read together hold (a host split at the line's
    end), with both lines' box. Joining lines is a guess, so they are ``prose_like``: kept only
    when a feed lists them."""
    joined = f"{upper.text}\n{lower.text}"
    cut = len(upper.text)
    crossing = []
    if has_candidates(joined):
        crossing = [
            entity
            for entity in extract_entities(unmask(joined, weak=True), prose_like=True)
            if entity.span[0] < cut < entity.span[1]
        ]
    crossing.extend(read_again(joined, crossing, cut, budget))
    found = []
    for entity in crossing:
        entity.origin = f"image:{report.index}:{upper.decoder}"
        entity.box = (
            min(upper.box[0], lower.box[0]),
            min(upper.box[1], lower.box[1]),
            max(upper.box[2], lower.box[2]),
            max(upper.box[3], lower.box[3]),
        )
        if PROSE_LIKE not in entity.flags:
            entity.flags.append(PROSE_LIKE)
        found.append(entity)
    return found


_MESSENGER_KINDS: Final = HANDLE_KINDS - {"phone"}
"""Handles an unsure OCR line still yields, flagged ``ocr_unsure`` (``handle.unsure_reading``
names these kinds; a phone number read with doubt stays ``prose_like``)."""

_GUESSES: Final = frozenset({OCR_GUESS, MASKED})
"""Flags of hosts that are one guess among many: kept only when listed as they are."""
_PUNCT_DOTS: Final = re.compile(r"[A-Za-z0-9][;:!|'`][A-Za-z]")


def _lookalike_of_guess(entity: Entity) -> bool:
    """A host listed only as a look-alike whose dot is ASCII punctuation guessed for one
    (``7eazze;me``): a guess on a guess. It is withheld (review), never reported as written."""
    return (
        LOOKALIKE_FLAG in entity.flags
        and "weak_dot" in entity.flags
        and _PUNCT_DOTS.search(entity.raw) is not None
    )


def _disjoint(entities: list[Entity]) -> list[Entity]:
    """Entities of overlapping windows, in reading order, without repeats: where two overlap
    (a host cut at a window's edge, then seen whole) the longer wins."""
    ordered = sorted(entities, key=lambda e: (e.span[0], e.span[0] - e.span[1]))
    kept: list[Entity] = []
    for entity in ordered:
        if kept and entity.span[0] < kept[-1].span[1]:
            last = kept[-1]
            if entity.span[1] - entity.span[0] > last.span[1] - last.span[0]:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept


def _gives_way(entity: Entity, joined: list[tuple[int, int]]) -> bool:
    lo, hi = entity.span
    return "split_word" in entity.flags and any(a < hi and lo < b for a, b in joined)


def _drop_unlisted_prose(entities: list[Entity], signals: list[Signal]) -> list[Entity]:
    """Hosts that read as prose (``prose_like``) stay only when the intel lists them; a host
    cut out of a word (``split_word``) gives way to the listed host its joined reading makes
    (``wwwli💋veporn.com`` is ``wwwliveporn.com``, not ``veporn.com``); a picture's hash stays only
    when a list names it (listed or allowed: the hash of every picture is in its image record
    anyway); a guessed reading of an OCR line (``ocr_guess``) stays only when listed as it is,
    not as a look-alike of a listed host (a guess of a guess). Signals are renumbered to the
    entities kept (a signal about a dropped entity goes too)."""
    settled = settle(entities)
    keep = [
        i
        for i, e in enumerate(entities)
        if i not in settled
        and (
            (
                e.categories
                and not (LOOKALIKE_FLAG in e.flags and not _GUESSES.isdisjoint(e.flags))
                and not _lookalike_of_guess(e)
            )
            or (PROSE_LIKE not in e.flags and (e.allowed or e.kind != IMAGE_HASH))
        )
    ]
    joined = [entities[i].span for i in keep if "weak_join" in entities[i].flags]
    if joined:
        keep = [i for i in keep if not _gives_way(entities[i], joined)]
    if len(keep) == len(entities):
        return entities
    position = {old: new for new, old in enumerate(keep)}
    kept_signals = []
    for signal in signals:
        if all(i in position for i in signal.entities):
            signal.entities = [position[i] for i in signal.entities]
            kept_signals.append(signal)
    signals[:] = kept_signals
    return [entities[i] for i in keep]
