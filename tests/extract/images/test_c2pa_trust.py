"""C2PA trust anchors the operator supplies (``$BASTION_HOME/c2pa_trust_anchors.pem``): a manifest
signed by a certificate that chains to one is ``Trusted``; without the file, or with another
root listed, the same good signature is ``Valid`` and untrusted. A file that is not a PEM list of
certificates stops the load with one line naming it, rather than trusting nobody in silence."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from bastion import Scanner
from bastion.extract.images import ImageStage
from bastion.image_inputs import read_trust_anchors
from bastion.intel import IntelIndex
from bastion.model import ImageInput, Item
from bastion.policy import Policy
from bastion.scanner import C2PA_TRUST_FILE
from tests.extract.images import provenance_files as files


def _claim(stage: ImageStage) -> tuple[str | None, list[str]]:
    report = stage.read_one(0, ImageInput("p", files.signed(files.picture())))
    [claim] = report.provenance
    return claim.validation, claim.failures


def _other_root() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Someone Else")])
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def test_a_signer_chaining_to_a_listed_anchor_is_trusted() -> None:
    anchors = files.root_pem().decode()
    assert _claim(ImageStage.built(trust_anchors=anchors)) == ("Trusted", [])
    validation, failures = _claim(ImageStage.built())
    assert validation == "Valid" and "signingCredential.untrusted" in failures
    validation, failures = _claim(ImageStage.built(trust_anchors=_other_root().decode()))
    assert validation == "Valid" and "signingCredential.untrusted" in failures


def test_the_scanner_reads_the_anchors_of_its_home(tmp_path: Path) -> None:
    (tmp_path / C2PA_TRUST_FILE).write_bytes(_other_root() + files.root_pem())
    scanner = Scanner.load(tmp_path, no_feeds=True)
    assert scanner.with_index(IntelIndex.empty()).c2pa_trust_anchors == scanner.c2pa_trust_anchors
    item = Item(
        "1",
        surface="post",
        images=("p",),
        image_data=(ImageInput("p", files.signed(files.picture())),),
    )
    [claim] = scanner.scan(item).images[0].provenance
    assert claim.validation == "Trusted"
    assert Scanner(IntelIndex.empty(), Policy.default()).c2pa_trust_anchors is None


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not a certificate", "not a PEM list of X.509 certificates"),
        (b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a PEM list"),
    ],
)
def test_an_unreadable_anchor_file_stops_the_load(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (tmp_path / C2PA_TRUST_FILE).write_bytes(content)
    with pytest.raises(ValueError, match=reason) as caught:
        Scanner.load(tmp_path, no_feeds=True)
    assert C2PA_TRUST_FILE in str(caught.value)
    assert read_trust_anchors(tmp_path / "absent.pem") is None
