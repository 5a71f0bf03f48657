"""What a picture declares about its own making: C2PA manifests and the IPTC digital source type.

Platforms must label synthetic media, and the tools that make it increasingly say so in the file:
a signed C2PA manifest whose ``c2pa.created`` action names the IPTC digital source type
``trainedAlgorithmicMedia``, or just that code in the XMP packet
(``Iptc4xmpExt:DigitalSourceType``). This module reads both from the image's bytes; the
``provenance`` detector turns an AI declaration into a signal and the policy decides on a label.

* **C2PA** is read with ``c2pa-python`` (the Rust ``c2pa-rs`` through ctypes) from an in-memory
  stream, only when the bytes carry a manifest store's marker. The reading context never touches
  the network: remote manifests are not fetched (such an image gets a ``provenance_error``),
  OCSP is off and no network host is allowed. The signature and the hashes are checked; the
  signer is checked against no trust list (none ships), so a good signature is ``Valid``, not
  ``Trusted``. Anything that goes wrong is the image's ``provenance_error``, one line; the pixels
  are still read, and the detector treats an unreadable manifest as unsure (fail closed).
* **XMP** is found by its packet markers and read with RE2 patterns (linear time, no XML parser,
  so no entity expansion or external entity can be triggered); the packet is bounded to
  ``MAX_XMP_BYTES`` and at most ``MAX_PACKETS`` packets are looked at. Only the five XML
  entities and character references are decoded in values.
"""

from __future__ import annotations

import html
import io
import json
from importlib import import_module
from typing import Any, Final

import re2

from bastion.model import ProvenanceClaim

IPTC_PREFIX: Final = "cv.iptc.org/newscodes/digitalsourcetype/"
DIGITAL_SOURCE_TYPES: Final = frozenset(
    {
        "digitalCapture",
        "computationalCapture",
        "negativeFilm",
        "positiveFilm",
        "print",
        "humanEdits",
        "compositeCapture",
        "algorithmicallyEnhanced",
        "dataDrivenMedia",
        "digitalArt",
        "digitalCreation",
        "virtualRecording",
        "compositeSynthetic",
        "trainedAlgorithmicMedia",
        "compositeWithTrainedAlgorithmicMedia",
        "algorithmicMedia",
        "screenCapture",
        "minorHumanEdits",
        "composite",
    }
)
"""The IPTC NewsCodes digital source types (and the few C2PA adds); anything else is ignored."""
AI_SOURCE_TYPES: Final = frozenset(
    {
        "trainedAlgorithmicMedia",
        "compositeWithTrainedAlgorithmicMedia",
        "compositeSynthetic",
        "algorithmicMedia",
    }
)
"""Codes that declare the picture made, or composited, by an algorithm (a generative model or
a pure algorithm): what the label rules are about. ``algorithmicallyEnhanced`` (a photograph
denoised or sharpened) and ``digitalArt`` (drawn by a person) are not."""
MAX_XMP_BYTES: Final = 1 << 20
MAX_PACKETS: Final = 4
MAX_ACTIONS: Final = 32
MAX_TEXT: Final = 200
C2PA_MARKERS: Final = (b"c2pa", b"dcterms:provenance")
"""A C2PA manifest store is a JUMBF box labelled ``c2pa``; a remote manifest is referenced by
``dcterms:provenance`` in the XMP. Bytes holding neither are not handed to the C2PA reader."""
MIME: Final = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "MPO": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
}
READ_SETTINGS: Final[dict[str, dict[str, Any]]] = {
    "verify": {
        "remote_manifest_fetch": False,
        "ocsp_fetch": False,
        "verify_after_reading": True,
    },
    "core": {"allowed_network_hosts": [], "decode_identity_assertions": False},
}
"""The C2PA reading context: verify what is in the file, fetch nothing."""


def read_settings(trust_anchors: str | None = None) -> dict[str, Any]:
    """``READ_SETTINGS``, and with ``trust_anchors`` (PEM certificates the operator trusts,
    ``bastion.image_inputs.read_trust_anchors``) the trust check on: a manifest signed by a
    certificate that chains to one of them is ``Trusted``, any other good signature stays
    ``Valid`` with ``signingCredential.untrusted``."""
    if not trust_anchors:
        return READ_SETTINGS
    verify = {**READ_SETTINGS["verify"], "verify_trust": True}
    return {**READ_SETTINGS, "verify": verify, "trust": {"trust_anchors": trust_anchors}}


_OPTIONS = re2.Options()
_OPTIONS.max_mem = 8 << 20
_SOURCE_TYPE = re2.compile(
    r"""[A-Za-z_][\w.\-]{0,40}:[Dd]igitalSourceType"""
    r"""(?:\s*=\s*["']([^"'<]{1,512})["']"""
    r"""|\s+rdf:resource\s*=\s*["']([^"'<]{1,512})["']"""
    r"""|\s*>\s*([^<\s][^<]{0,511})<)""",
    _OPTIONS,
)
_TOOL = re2.compile(
    r"""[A-Za-z_][\w.\-]{0,40}:(?:CreatorTool|AISystemUsed)"""
    r"""(?:\s*=\s*["']([^"'<]{1,512})["']|\s*>\s*([^<\s][^<]{0,511})<)""",
    _OPTIONS,
)
_XMP_OPEN: Final = (b"<x:xmpmeta", b"</x:xmpmeta>")
_RDF_OPEN: Final = (b"<rdf:RDF", b"</rdf:RDF>")


class ProvenanceError(ValueError):
    """A provenance record that is there but cannot be read; the message is one line."""


def source_type_code(value: str) -> str | None:
    """The IPTC code of a digital source type written as a URI or bare, else None."""
    value = value.strip()
    code = value.rpartition("/")[2] if IPTC_PREFIX in value or "://" in value else value
    return code if code in DIGITAL_SOURCE_TYPES else None


def xmp_packets(data: bytes) -> list[str]:
    """The XMP packets of an image's bytes (JPEG APP1, PNG iTXt, WebP ``XMP `` chunk: all store
    it as text), at most ``MAX_PACKETS`` of at most ``MAX_XMP_BYTES`` each."""
    packets: list[str] = []
    for opening, closing in (_XMP_OPEN, _RDF_OPEN):
        at = 0
        while len(packets) < MAX_PACKETS:
            start = data.find(opening, at)
            if start < 0:
                break
            end = data.find(closing, start, start + MAX_XMP_BYTES)
            stop = start + MAX_XMP_BYTES if end < 0 else end + len(closing)
            packets.append(data[start:stop].decode("utf-8", "replace"))
            at = stop
        if packets:
            break
    return packets


def read_xmp(data: bytes) -> ProvenanceClaim | None:
    """The digital source type (and creating tool) the XMP declares, if it declares one."""
    for packet in xmp_packets(data):
        code = None
        for match in _SOURCE_TYPE.finditer(packet):
            raw = next(group for group in match.groups() if group is not None)
            code = source_type_code(html.unescape(raw))
            if code is not None:
                break
        if code is None:
            continue
        tool = None
        for match in _TOOL.finditer(packet):
            raw = next(group for group in match.groups() if group is not None)
            tool = _short(html.unescape(raw))
            break
        return ProvenanceClaim(
            source="xmp",
            ai=code in AI_SOURCE_TYPES,
            digital_source_type=code,
            generator=tool,
        )
    return None


class C2paReader:
    """Reads the active C2PA manifest of an image's bytes; one per image stage (thread-safe:
    every read has its own ``c2pa.Reader``).

    ``c2pa`` is imported here, when the stage is built, not with this module: its package reads
    its own version through ``importlib.metadata``, which imports ``socket`` (through
    ``email``), and the image stage's import path must stay free of it
    (``tests/extract/images/test_purity.py``; reading itself opens nothing, ever)."""

    __slots__ = ("_c2pa", "_context")

    def __init__(self, trust_anchors: str | None = None) -> None:
        self._c2pa: Any = import_module("c2pa")
        self._context = self._c2pa.Context.from_dict(read_settings(trust_anchors))

    def read(self, data: bytes, image_format: str) -> ProvenanceClaim | None:
        """The active manifest's claims, None when the bytes carry no manifest; raises
        ``ProvenanceError`` for a manifest that is there but cannot be read."""
        if not any(marker in data for marker in C2PA_MARKERS):
            return None
        mime = MIME.get(image_format, "")
        c2pa = self._c2pa
        try:
            reader = c2pa.Reader.try_create(mime, io.BytesIO(data), None, self._context)
            if reader is None:
                return None
            with reader:
                store = json.loads(reader.json())
        except c2pa.C2paError as exc:
            raise ProvenanceError(_c2pa_message(exc)) from None
        except Exception as exc:  # the native reader can fail any way: fail closed, one line
            raise ProvenanceError(
                f"C2PA manifest could not be read: {type(exc).__name__}: {_short(str(exc))}"
            ) from None
        return claim_of(store)


def claim_of(store: dict[str, Any]) -> ProvenanceClaim:
    """The claims of a manifest store's active manifest (``Reader.json()`` parsed)."""
    manifests = store.get("manifests")
    active = manifests.get(store.get("active_manifest")) if isinstance(manifests, dict) else None
    if not isinstance(active, dict):
        raise ProvenanceError("C2PA manifest store has no active manifest")
    actions = _actions(active)
    codes = [a["digital_source_type"] for a in actions if "digital_source_type" in a]
    created = [
        a["digital_source_type"]
        for a in actions
        if a["action"] == "c2pa.created" and "digital_source_type" in a
    ]
    ai_codes = [code for code in codes if code in AI_SOURCE_TYPES]
    signature = active.get("signature_info")
    signature = signature if isinstance(signature, dict) else {}
    signer = signature.get("issuer") or signature.get("common_name")
    results = store.get("validation_results")
    failures: list[str] = []
    if isinstance(results, dict) and isinstance(results.get("activeManifest"), dict):
        for entry in results["activeManifest"].get("failure") or []:
            if isinstance(entry, dict) and isinstance(entry.get("code"), str):
                failures.append(_short(entry["code"]))
    state = store.get("validation_state")
    return ProvenanceClaim(
        source="c2pa",
        ai=bool(ai_codes),
        digital_source_type=next(iter(ai_codes or created or codes), None),
        generator=_generator(active),
        signer=_short(str(signer)) if signer else None,
        validation=_short(str(state)) if state else None,
        actions=actions,
        failures=failures[:16],
    )


def _actions(manifest: dict[str, Any]) -> list[dict[str, str]]:
    """``c2pa.actions`` / ``c2pa.actions.v2`` entries: action, digital source type, agent."""
    found: list[dict[str, str]] = []
    for assertion in manifest.get("assertions") or []:
        if not isinstance(assertion, dict):
            continue
        label = str(assertion.get("label", ""))
        if label != "c2pa.actions" and not label.startswith("c2pa.actions."):
            continue
        data = assertion.get("data")
        for action in (data.get("actions") or []) if isinstance(data, dict) else []:
            if not isinstance(action, dict) or len(found) >= MAX_ACTIONS:
                continue
            record = {"action": _short(str(action.get("action", "")))}
            code = action.get("digitalSourceType")
            if isinstance(code, str) and source_type_code(code):
                record["digital_source_type"] = str(source_type_code(code))
            agent = action.get("softwareAgent")
            name = agent.get("name") if isinstance(agent, dict) else agent
            if isinstance(name, str) and name:
                record["software_agent"] = _short(name)
            found.append(record)
    return found


def _generator(manifest: dict[str, Any]) -> str | None:
    info = manifest.get("claim_generator_info")
    if isinstance(info, list) and info and isinstance(info[0], dict) and info[0].get("name"):
        first = info[0]
        version = first.get("version")
        return _short(f"{first['name']} {version}" if version else str(first["name"]))
    generator = manifest.get("claim_generator")
    return _short(generator) if isinstance(generator, str) and generator else None


def _c2pa_message(exc: Exception) -> str:
    text = _short(str(exc))
    if text.startswith("Remote:"):
        return f"C2PA manifest is remote and is never fetched ({text})"
    return f"C2PA manifest could not be read: {text}"


def _short(text: str) -> str:
    """One line of at most ``MAX_TEXT`` characters (manifest text is the uploader's)."""
    line = " ".join(text.split())
    return line if len(line) <= MAX_TEXT else line[: MAX_TEXT - 1] + "…"
