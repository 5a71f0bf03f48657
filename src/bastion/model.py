"""The shared vocabulary of every pipeline stage: items in, entities found, verdicts out.

Plain slotted dataclasses keep the scan hot path cheap; validation happens at the edges
(``Item.from_dict`` for the CLI and API), never inside ``Scanner.scan``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Literal, get_args

Surface = Literal[
    "username",
    "display_name",
    "bio",
    "avatar",
    "post",
    "comment",
    "chat",
    "moment",
    "livestream",
    "listing",
    "map_place",
    "link_visit",
]
SURFACES: Final[tuple[str, ...]] = get_args(Surface)
"""Where on a platform a piece of content lives; policies key on it."""

ENTITY_KINDS: Final = (
    "url",
    "domain",
    "ip",
    "email",
    "deeplink",
    "wechat",
    "qq",
    "telegram",
    "whatsapp",
    "line",
    "kakao",
    "phone",
    "qr",
    "image_hash",
)
"""What an extracted entity is. Hosts (url, domain, ip, email) carry a registrable domain.
``image_hash`` is a picture's PDQ hash (its ``value``), listed when the feeds hold a hash near
it; what is decoded from a picture keeps its own kind (a QR code's link is a ``url``)."""

HOST_KINDS: Final = frozenset({"url", "domain", "ip", "email"})
HANDLE_KINDS: Final = frozenset({"wechat", "qq", "telegram", "whatsapp", "line", "kakao", "phone"})

BUILTIN_CATEGORIES: Final = (
    "gambling",
    "porn",
    "sexual_services",
    "scam",
    "phishing",
    "malware",
    "impersonation",
    "content_farm",
    "clout_chasing",
    "unqualified_advice",
    "rumour",
)
"""Harmful categories the default policy knows; operators may add their own."""

ENTITY_FLAGS: Final = (
    # how the unmasker undid a disguise (bastion.normalize trick names)
    "nfkc",
    "invisible",
    "combining",
    "homoglyph",
    "hxxp",
    "cjk_numeral",
    "spelled_dot",
    "spaced_letters",
    "spelled_at",
    "defang",
    "leet",
    "bidi",
    "weak_dot",
    "weak_join",
    "split_word",
    "ambiguous_host",
    "instruction",
    "markup",
    "layout",
    "reread",
    "joined",
    "masked",
    "withheld",
    # what a finder saw (bastion.extract)
    "no_scheme",
    "defanged",
    "from_url",
    "userinfo",
    "ip_host",
    "ip_decimal",
    "ip_hex",
    "ip_octal",
    "ip_short",
    "prose_like",
    "embedded",
    "encoded",
    "ocr_guess",
    "ocr_unsure",
    # canonicalization and intel facts
    "uncanonical",
    "shortener",
    "lookalike",
    "redirect_target",
)
"""Every flag an entity can carry. Policies may only name these (a typo is a load error); a test
proves the normalizer, finders and detectors emit nothing outside this set."""

ORIGINS: Final = ("text", "image")
"""Where an entity was found, as policies name it: in the item's text, or decoded from one of
its pictures (``Entity.origin`` is then ``image:N:decoder``)."""
DETECTION_SOURCES: Final = ("text", "qr", "ocr", "image_hash", "provenance", "other")
"""What found a finding, as the transparency report counts it: the item's text, a code in a
picture, text read in a picture, a picture's listed hash, the picture's declared provenance."""


def detection_source(origin: str) -> str:
    """The detection source of an entity's or signal's ``origin`` (``image:0:qr`` -> ``qr``)."""
    if origin == "text":
        return "text"
    decoder = origin.rpartition(":")[2]
    if decoder == "pdq":
        return "image_hash"
    return decoder if decoder in DETECTION_SOURCES else "other"


VERDICTS: Final = ("allow", "label", "review", "act")
OUTCOMES: Final = ("allow", "review", "label", "disable_link", "remove")
"""``label``: the content stays up with a label (e.g. "made with AI"), no strike; in rank
between ``review`` and the acting outcomes."""
AI_LABEL_META: Final = "ai_label"
"""``Item.meta`` key a platform sets to true when the item already carries an AI label."""
SEVERITIES: Final = ("low", "medium", "high", "critical")

DEFAULT_MAX_TEXT_CHARS: Final = 20_000
TRUNCATED_RULE: Final = "scan.truncated"
"""Built-in rule of every policy: a text longer than the limit (after filler is collapsed) was
only partly read, so the item goes to review even when nothing was found."""
WITHHELD_RULE: Final = "scan.withheld"
"""Built-in rule of every policy: a host or id the text disguises in a way Bastion cannot undo
for sure (a masked letter, an edit it cannot apply) is not reported (it would be another one)
and the item goes to review (``bastion.normalize.withheld``)."""
WITHHELD_FLAG: Final = "withheld"


class InputError(ValueError):
    """A record that cannot be scanned: wrong type, missing id, bad JSON. Carries a clear reason."""


def parse_created_at(value: str) -> datetime:
    """An input record's ``created_at``: ISO 8601 with a time zone, else InputError."""
    try:
        created = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"field 'created_at' is not ISO 8601: {value[:64]!r}") from None
    if created.tzinfo is None:
        raise InputError(f"field 'created_at' needs a time zone: {value[:64]!r}")
    return created


@dataclass(slots=True)
class Item:
    """One piece of user content in the input record format of ARCHITECTURE.md."""

    id: str
    text: str = ""
    platform: str = ""
    surface: str = "post"
    account_id: str = ""
    images: tuple[str, ...] = ()
    created_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    image_data: tuple[ImageInput, ...] = ()
    """The images as the edge read them (``bastion.image_inputs``), one per ``images`` entry:
    the core never opens a file, it decodes these bytes."""

    @classmethod
    def from_dict(cls, record: Any) -> Item:
        """Validate one input record; raise InputError naming the offending field."""
        if not isinstance(record, dict):
            raise InputError(f"record must be a JSON object, got {type(record).__name__}")
        item_id = record.get("id")
        if item_id is None or item_id == "":
            raise InputError("missing required field 'id'")
        if isinstance(item_id, bool) or not isinstance(item_id, str | int):
            raise InputError(f"field 'id' must be a string, got {type(item_id).__name__}")
        text = record.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise InputError(f"field 'text' must be a string, got {type(text).__name__}")
        images = record.get("images", ())
        if images is None:
            images = ()
        if not isinstance(images, list | tuple) or not all(isinstance(i, str) for i in images):
            raise InputError("field 'images' must be a list of strings")
        if not text and not images:
            raise InputError("record needs 'text' or 'images'")
        surface = record.get("surface", "post")
        if surface not in SURFACES:
            raise InputError(f"field 'surface' is {surface!r}; valid: {', '.join(SURFACES)}")
        strings: dict[str, str] = {}
        for name in ("platform", "account_id", "created_at"):
            value = record.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(f"field {name!r} must be a string, got {type(value).__name__}")
            strings[name] = value or ""
        meta = record.get("meta", {})
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise InputError(f"field 'meta' must be an object, got {type(meta).__name__}")
        return cls(
            id=str(item_id),
            text=text,
            platform=strings["platform"],
            surface=surface,
            account_id=strings["account_id"],
            images=tuple(images),
            created_at=strings["created_at"] or None,
            meta=meta,
        )


@dataclass(slots=True)
class Entity:
    """A link, host, contact handle or phone found in content.

    ``span`` indexes code points of the *original* text; ``value`` is the unmasked, normalized
    form (canonical URL, lower-case host, digits-only number, handle id). ``flags`` records how it
    was hidden (``nfkc``, ``homoglyph``, ``spelled_dot``...) and facts like ``shortener``; the
    vocabulary is ``ENTITY_FLAGS``.
    """

    kind: str
    raw: str
    span: tuple[int, int]
    value: str
    host: str | None = None
    registrable_domain: str | None = None
    cue: str | None = None
    flags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    allowed: bool = False
    origin: str = "text"
    """``text``, or where in an image it was decoded (``image:0:qr``); then ``span`` indexes that
    payload (``ImageCode.text``) and ``box`` is its place in the image."""
    box: tuple[int, int, int, int] | None = None

    @property
    def category(self) -> str | None:
        return self.categories[0] if self.categories else None

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "kind": self.kind,
            "raw": self.raw,
            "span": [self.span[0], self.span[1]],
            "value": self.value,
        }
        if self.host is not None:
            record["host"] = self.host
        if self.registrable_domain is not None:
            record["registrable_domain"] = self.registrable_domain
        record["category"] = self.category
        if len(self.categories) > 1:
            record["categories"] = list(self.categories)
        record["sources"] = list(self.sources)
        if self.cue:
            record["cue"] = self.cue
        if self.flags:
            record["flags"] = list(self.flags)
        if self.allowed:
            record["allowed"] = True
        if self.origin != "text":
            record["origin"] = self.origin
        if self.box is not None:
            record["box"] = list(self.box)
        return record


@dataclass(frozen=True, slots=True)
class ImageInput:
    """One of an item's images as read at the edge: its reference (a path, or a short description
    of inline bytes) and its bytes, or the reason it has none (missing file, over a limit)."""

    ref: str
    data: bytes | None = None
    error: str | None = None


@dataclass(slots=True)
class ImageCode:
    """A QR code or barcode decoded from an image: the payload as text, where it was and how.

    ``box`` is ``[left, top, right, bottom]`` in the image's pixels (after EXIF orientation);
    ``attempt`` names the decoding pass that found it (``plain`` or a retry such as ``upscale``);
    ``score`` is the recogniser's confidence for an OCR line (``decoder`` ``ocr``, ``format``
    ``line``); ``readings`` are other readings of such a line the recogniser nearly made (the
    id after a messenger cue read otherwise: ``bastion.extract.images.ocr_nbest``).
    """

    decoder: str
    format: str
    text: str
    box: tuple[int, int, int, int]
    frame: int = 0
    attempt: str = "plain"
    score: float | None = None
    readings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "decoder": self.decoder,
            "format": self.format,
            "text": self.text,
            "box": list(self.box),
        }
        if self.frame:
            record["frame"] = self.frame
        if self.attempt != "plain":
            record["attempt"] = self.attempt
        if self.score is not None:
            record["score"] = self.score
        if self.readings:
            record["readings"] = list(self.readings)
        return record


@dataclass(slots=True)
class ProvenanceClaim:
    """What an image says about how it was made: a C2PA manifest, or the IPTC
    ``DigitalSourceType`` of its XMP packet (``bastion.extract.images.provenance``).

    ``source`` is ``c2pa`` or ``xmp``. ``digital_source_type`` is the IPTC code
    (``trainedAlgorithmicMedia``) of the creating action; ``ai`` says whether that code declares
    the picture made or composited by an algorithm. ``generator`` is the claim generator (C2PA)
    or the creating software agent / XMP ``CreatorTool``; ``signer`` the issuer of the signing
    certificate (C2PA only: an XMP packet is unsigned). ``validation`` is the C2PA validation
    state (``Trusted``, ``Valid``: the signature holds but no trust anchor vouches for the
    signer, ``Invalid``), None for XMP; ``failures`` are the C2PA failure codes.
    """

    source: str
    ai: bool = False
    digital_source_type: str | None = None
    generator: str | None = None
    signer: str | None = None
    validation: str | None = None
    actions: list[dict[str, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"source": self.source, "ai_generated": self.ai}
        for name in ("digital_source_type", "generator", "signer", "validation"):
            value = getattr(self, name)
            if value is not None:
                record[name] = value
        if self.actions:
            record["actions"] = [dict(action) for action in self.actions]
        if self.failures:
            record["failures"] = list(self.failures)
        return record

    def summary(self) -> str:
        """One line for explanations and statements of reasons."""
        parts = [
            "C2PA manifest" if self.source == "c2pa" else "XMP metadata (unsigned)",
            f"declares {self.digital_source_type}"
            if self.digital_source_type
            else "declares no digital source type",
        ]
        if self.generator:
            parts.append(f"generator {self.generator}")
        if self.signer:
            parts.append(f"signed by {self.signer}")
        if self.validation:
            parts.append(f"validation {self.validation}")
        return ", ".join(parts)


@dataclass(slots=True)
class ImageReport:
    """What the scan read from one image: its shape, perceptual hash, decoded codes, or an error.

    An image that cannot be read (corrupt, truncated, unsupported, over a limit) has ``error``
    set and nothing else; the item's text and its other images are scanned all the same.
    ``decoded_pixels`` counts the pixels decoded, the bound on the work an image can cause.
    """

    index: int
    ref: str
    size: int = 0
    format: str | None = None
    width: int = 0
    height: int = 0
    frames: int = 0
    pdq: str | None = None
    pdq_quality: int | None = None
    codes: list[ImageCode] = field(default_factory=list)
    error: str | None = None
    decoded_pixels: int = 0
    provenance: list[ProvenanceClaim] = field(default_factory=list)
    """What the picture declares about its making (C2PA manifest, XMP digital source type)."""
    provenance_error: str | None = None
    """Why a provenance record present in the picture could not be read (a corrupt manifest, a
    remote manifest that is never fetched); the pixels are read all the same."""

    @property
    def declared_ai(self) -> bool:
        return any(claim.ai for claim in self.provenance)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"index": self.index, "ref": self.ref}
        if self.error is not None:
            record["error"] = self.error
            return record
        record.update(
            bytes=self.size,
            format=self.format,
            width=self.width,
            height=self.height,
            frames=self.frames,
        )
        if self.pdq is not None:
            record["pdq"] = self.pdq
            record["pdq_quality"] = self.pdq_quality
        record["codes"] = [code.to_dict() for code in self.codes]
        if self.provenance:
            record["provenance"] = [claim.to_dict() for claim in self.provenance]
        if self.provenance_error is not None:
            record["provenance_error"] = self.provenance_error
        return record


@dataclass(slots=True)
class Violation:
    """A policy rule that fired: what was broken, how badly, and what should happen."""

    rule: str
    category: str
    severity: str
    confidence: float
    outcome: str
    entities: list[int] = field(default_factory=list)
    mode: str = "enforce"
    reason: str = ""
    origins: list[str] = field(default_factory=list)
    """Where what fired the rule was seen: the origins of its entities and signals (``text``,
    ``image:0:qr``, ``image:1:provenance``...), in first-seen order. In the wire format only
    when one is not ``text`` (a text-only finding's record is unchanged)."""

    @property
    def sources(self) -> list[str]:
        """The detection sources (``text``, ``qr``, ``ocr``, ``image_hash``, ``provenance``)."""
        found = [detection_source(origin) for origin in self.origins or ["text"]]
        return sorted(set(found), key=found.index)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "confidence": self.confidence,
            "outcome": self.outcome,
            "entities": list(self.entities),
        }
        if self.mode != "enforce":
            record["mode"] = self.mode
        if self.reason:
            record["reason"] = self.reason
        if any(origin != "text" for origin in self.origins):
            record["origins"] = list(self.origins)
        return record


@dataclass(slots=True)
class Signal:
    """One finding of a detector (``bastion.detect``): a declared label with a score in [0, 1].

    ``entities`` are indexes into the result's entities; ``span`` indexes the original text when
    the finding is about characters rather than entities; ``origin`` says where it was seen
    (``text``, or e.g. ``image:0:qr`` for a detector over images). Policies match on ``label``
    and ``score`` (``when: signals``); ``category`` feeds ``$category`` in a violation.
    """

    detector: str
    label: str
    score: float
    evidence: str = ""
    category: str | None = None
    entities: list[int] = field(default_factory=list)
    span: tuple[int, int] | None = None
    origin: str = "text"

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "detector": self.detector,
            "label": self.label,
            "score": self.score,
        }
        if self.category is not None:
            record["category"] = self.category
        if self.evidence:
            record["evidence"] = self.evidence
        if self.entities:
            record["entities"] = list(self.entities)
        if self.span is not None:
            record["span"] = [self.span[0], self.span[1]]
        if self.origin != "text":
            record["origin"] = self.origin
        return record


@dataclass(slots=True)
class ScanResult:
    """The result record for one item; ``to_dict`` is the wire format of ARCHITECTURE.md."""

    id: str
    verdict: str
    entities: list[Entity] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    truncated: bool = False
    policy_version: str = ""
    signals: list[Signal] = field(default_factory=list)
    images: list[ImageReport] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "verdict": self.verdict,
            "entities": [e.to_dict() for e in self.entities],
            "violations": [v.to_dict() for v in self.violations],
        }
        if self.signals:
            record["signals"] = [s.to_dict() for s in self.signals]
        if self.images:
            record["images"] = [image.to_dict() for image in self.images]
        if self.truncated:
            record["truncated"] = True
        if self.policy_version:
            record["policy_version"] = self.policy_version
        return record
