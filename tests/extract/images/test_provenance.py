"""What a picture declares about its making: real C2PA manifests signed at test time with a
throw-away certificate chain, XMP packets written by Pillow, and broken, remote and hostile
records, each a clear per-image error that never stops the picture or the item being read."""

from __future__ import annotations

import pytest

from bastion import Scanner
from bastion.detect.base import DetectContext, Resources
from bastion.detect.provenance import AI_GENERATED, UNREADABLE, ProvenanceDetector
from bastion.extract.images import ImageStage
from bastion.extract.images.provenance import (
    MAX_XMP_BYTES,
    C2paReader,
    read_xmp,
    source_type_code,
)
from bastion.intel import IntelIndex
from bastion.model import ImageInput, ImageReport, Item
from tests.extract.images import pictures
from tests.extract.images import provenance_files as files
from tests.extract.images.conftest import LISTED_URL


@pytest.fixture(scope="module")
def stage() -> ImageStage:
    return ImageStage()


def _read(stage: ImageStage, data: bytes, ref: str = "picture") -> ImageReport:
    return stage.read_one(0, ImageInput(ref, data))


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_a_signed_c2pa_manifest_is_read_with_its_claims(
    stage: ImageStage, fmt: str, mime: str
) -> None:
    report = _read(stage, files.signed(files.picture(fmt), mime))
    assert report.error is None and report.provenance_error is None
    assert report.format == fmt and report.pdq is not None  # the pixels are read as usual
    [claim] = report.provenance
    assert claim.source == "c2pa"
    assert claim.ai is True and report.declared_ai
    assert claim.digital_source_type == "trainedAlgorithmicMedia"
    assert claim.generator == "DreamGen 2.1"
    assert claim.signer == files.SIGNER_ORG
    # The signature and hashes hold; no trust list ships, so the signer is not "Trusted".
    assert claim.validation == "Valid"
    assert "signingCredential.untrusted" in claim.failures
    assert claim.actions == [
        {
            "action": "c2pa.created",
            "digital_source_type": "trainedAlgorithmicMedia",
            "software_agent": "DreamGen Model 5",
        }
    ]
    record = report.to_dict()["provenance"][0]
    assert record["ai_generated"] is True and record["signer"] == files.SIGNER_ORG


@pytest.mark.parametrize(
    ("code", "ai"),
    [
        ("compositeWithTrainedAlgorithmicMedia", True),
        ("compositeSynthetic", True),
        ("algorithmicMedia", True),
        ("digitalCapture", False),
        ("algorithmicallyEnhanced", False),
    ],
)
def test_only_generation_by_an_algorithm_declares_ai(
    stage: ImageStage, code: str, ai: bool
) -> None:
    report = _read(stage, files.signed(files.picture(), spec=files.manifest(code)))
    [claim] = report.provenance
    assert (claim.digital_source_type, claim.ai) == (code, ai)


def test_pixels_edited_after_signing_fail_validation_but_keep_the_claim(
    stage: ImageStage,
) -> None:
    report = _read(stage, files.edited_after_signing(files.signed(files.picture())))
    assert report.error is None
    [claim] = report.provenance
    assert claim.validation == "Invalid" and "assertion.dataHash.mismatch" in claim.failures
    [signal] = ProvenanceDetector().detect(_context(report))
    assert signal.label == AI_GENERATED and signal.score == 0.6


def test_a_corrupt_manifest_is_a_clear_error_and_the_picture_is_still_read(
    stage: ImageStage, listed_scanner: Scanner
) -> None:
    code = pictures.encode(pictures.qr(LISTED_URL).convert("RGB"))
    data = files.corrupt_manifest(files.signed(code))
    report = _read(stage, data)
    assert report.error is None and report.provenance == []
    assert report.provenance_error is not None
    assert report.provenance_error.startswith("C2PA manifest could not be read: ")
    assert "\n" not in report.provenance_error and len(report.provenance_error) < 260
    assert [c.text for c in report.codes] == [LISTED_URL]  # the QR code is read all the same
    item = Item("p", surface="post", images=("a.png",), image_data=(ImageInput("a.png", data),))
    result = listed_scanner.scan(item)
    assert result.verdict == "act"  # the listed link in the code still removes the picture
    assert {s.label for s in result.signals} >= {UNREADABLE, "listed"}
    assert {v.rule for v in result.violations} == {
        "image.link_listed",
        "media.provenance_unreadable",
    }


def test_a_truncated_manifest_is_a_clear_error(stage: ImageStage) -> None:
    report = _read(stage, files.truncated_manifest(files.signed(files.picture())))
    assert report.error is None and report.provenance == []
    assert report.provenance_error is not None
    assert report.provenance_error.startswith("C2PA manifest could not be read")


def test_a_remote_manifest_is_never_fetched(stage: ImageStage) -> None:
    # The reading context allows no network host: the reference is reported, not followed
    # (tests/extract/images/test_purity.py proves the read opens no socket).
    url = "http://127.0.0.1:9/manifest.c2pa"
    report = _read(stage, files.signed(files.picture(), remote_url=url))
    assert report.provenance == []
    assert report.provenance_error is not None
    assert report.provenance_error.startswith("C2PA manifest is remote and is never fetched")
    [signal] = ProvenanceDetector().detect(_context(report))
    assert signal.label == UNREADABLE and signal.origin == "image:0:provenance"


def test_a_picture_without_provenance_has_none(stage: ImageStage) -> None:
    report = _read(stage, files.picture())
    assert report.provenance == [] and report.provenance_error is None
    assert "provenance" not in report.to_dict()
    captioned = files.rewrite_png(
        files.picture(),
        lambda kind, body: (
            [(b"tEXt", b"Comment\x00c2pa in a caption"), (kind, body)]
            if kind == b"IEND"
            else [(kind, body)]
        ),
    )
    assert C2paReader().read(captioned, "PNG") is None


@pytest.mark.parametrize(
    ("fmt", "form", "code"),
    [
        ("JPEG", "element", "trainedAlgorithmicMedia"),
        ("PNG", "attribute", "compositeSynthetic"),
        ("WEBP", "resource", "algorithmicMedia"),
        ("JPEG", "attribute", "digitalCapture"),
    ],
)
def test_the_xmp_digital_source_type_is_read(
    stage: ImageStage, fmt: str, form: str, code: str
) -> None:
    data = files.with_xmp(files.xmp_packet(code, form=form), fmt)
    report = _read(stage, data)
    [claim] = report.provenance
    assert claim.source == "xmp" and claim.digital_source_type == code
    assert claim.ai is (code != "digitalCapture")
    assert claim.generator == "DreamGen 2.1"
    assert claim.signer is None and claim.validation is None  # XMP is unsigned


def test_xmp_entities_are_never_expanded() -> None:
    # A DTD with an external entity and an entity bomb: no XML parser runs, nothing resolves.
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        b'Iptc4xmpExt:DigitalSourceType="&xxe;" xmp:CreatorTool="&b;"/></rdf:RDF></x:xmpmeta>'
    )
    assert read_xmp(b"\xff\xd8" + bomb) is None
    escaped = files.xmp_packet("trainedAlgorithmicMedia").replace(b"trained", b"&#x74;rained")
    claim = read_xmp(escaped)
    assert claim is not None and claim.digital_source_type == "trainedAlgorithmicMedia"


def test_xmp_reading_is_bounded() -> None:
    packet = files.xmp_packet("trainedAlgorithmicMedia")
    assert read_xmp(packet) is not None
    inner = packet[packet.index(b"<rdf:RDF") :]
    far = b"<x:xmpmeta>" + b" " * MAX_XMP_BYTES + inner
    assert read_xmp(far) is None  # past the bound of one packet: not read
    hostile = b"<x:xmpmeta " + b"a:DigitalSourceType=" * (MAX_XMP_BYTES // 20)
    assert read_xmp(hostile) is None


def test_source_type_codes() -> None:
    iptc = "http://cv.iptc.org/newscodes/digitalsourcetype/"
    assert source_type_code(iptc + "trainedAlgorithmicMedia") == "trainedAlgorithmicMedia"
    assert source_type_code("https://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic")
    assert source_type_code("trainedAlgorithmicMedia") == "trainedAlgorithmicMedia"
    assert source_type_code(iptc + "madeUp") is None
    assert source_type_code("") is None


def test_both_records_are_kept(stage: ImageStage) -> None:
    packet = files.xmp_packet("trainedAlgorithmicMedia")
    data = files.signed(files.with_xmp(packet, "JPEG"), "image/jpeg")
    sources = [claim.source for claim in _read(stage, data).provenance]
    assert sources == ["c2pa", "xmp"]


def _context(report: ImageReport) -> DetectContext:
    return DetectContext(Item("x"), "", "", [], Resources(IntelIndex.empty()), [report])
