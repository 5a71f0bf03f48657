"""Pictures that declare how they were made, made at test time.

C2PA: a throw-away ES256 certificate chain (a test root and a signer it issued; C2PA refuses a
self-signed end certificate) and ``c2pa.Builder`` sign a real manifest into PNG or JPEG bytes.
XMP: an IPTC ``DigitalSourceType`` packet written by Pillow into a JPEG APP1 segment, a PNG
``iTXt`` chunk or a WebP ``XMP`` chunk. Nothing is committed, nothing touches the network.
"""

from __future__ import annotations

import datetime
import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import c2pa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from PIL import Image, PngImagePlugin

from bastion.extract.images.provenance import READ_SETTINGS

IPTC = "http://cv.iptc.org/newscodes/digitalsourcetype/"
SIGNER_ORG = "Test Provenance Org"
_START = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True, slots=True)
class Credentials:
    chain: bytes
    key: bytes


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, SIGNER_ORG),
        ]
    )


def _usage(*, sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=not sign,
        crl_sign=not sign,
        encipher_only=False,
        decipher_only=False,
    )


@cache
def credentials() -> Credentials:
    """A test root and an ES256 signing certificate it issued, with the signer's key."""
    root_key = ec.generate_private_key(ec.SECP256R1())
    end = _START + datetime.timedelta(days=3650)
    root = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Root"))
        .issuer_name(_name("Test Root"))
        .public_key(root_key.public_key())
        .serial_number(1)
        .not_valid_before(_START)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_usage(sign=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)
        .sign(root_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name("Test Signer"))
        .issuer_name(root.subject)
        .public_key(key.public_key())
        .serial_number(2)
        .not_valid_before(_START)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(sign=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False
        )
        .sign(root_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    return Credentials(
        leaf.public_bytes(pem) + root.public_bytes(pem),
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
    )


def root_pem() -> bytes:
    """The test root's certificate alone: what an operator lists as a trust anchor."""
    chain = credentials().chain
    return chain[chain.index(b"-----BEGIN CERTIFICATE-----", 1) :]


def manifest(
    source_type: str | None = "trainedAlgorithmicMedia",
    *,
    generator: str = "DreamGen",
    agent: str = "DreamGen Model 5",
    action: str = "c2pa.created",
) -> dict[str, Any]:
    entry: dict[str, Any] = {"action": action, "softwareAgent": {"name": agent}}
    if source_type is not None:
        entry["digitalSourceType"] = IPTC + source_type
    return {
        "claim_generator_info": [{"name": generator, "version": "2.1"}],
        "title": "generated",
        "assertions": [{"label": "c2pa.actions", "data": {"actions": [entry]}}],
    }


def picture(fmt: str = "PNG", size: tuple[int, int] = (64, 48)) -> bytes:
    """A plain picture (a colour gradient: PDQ has something to hash)."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


def signed(
    data: bytes,
    mime: str = "image/png",
    spec: dict[str, Any] | None = None,
    *,
    remote_url: str | None = None,
) -> bytes:
    """``data`` with a C2PA manifest signed by the test chain (embedded, or with
    ``remote_url`` only a reference to a manifest kept elsewhere)."""
    creds = credentials()
    settings = {**READ_SETTINGS, "builder": {"thumbnail": {"enabled": False}}}
    context = c2pa.Context.from_dict(settings)
    signer = c2pa.Signer.from_info(c2pa.C2paSignerInfo(b"es256", creds.chain, creds.key, None))
    out = io.BytesIO()
    with c2pa.Builder(spec or manifest(), context=context) as builder:
        if remote_url is not None:
            builder.set_no_embed()
            builder.set_remote_url(remote_url)
        builder.sign(signer, mime, io.BytesIO(data), out)
    return out.getvalue()


def xmp_packet(source_type: str, *, tool: str = "DreamGen 2.1", form: str = "element") -> bytes:
    """An XMP packet declaring ``source_type``, as an element, attribute or rdf:resource."""
    value = IPTC + source_type
    attribute = element = ""
    if form == "attribute":
        attribute = f' Iptc4xmpExt:DigitalSourceType="{value}"'
    elif form == "resource":
        element = f'<Iptc4xmpExt:DigitalSourceType rdf:resource="{value}"/>'
    else:
        element = f"<Iptc4xmpExt:DigitalSourceType>{value}</Iptc4xmpExt:DigitalSourceType>"
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about=""'
        ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
        f' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="{tool}"{attribute}>'
        f"{element}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def with_xmp(packet: bytes, fmt: str = "JPEG", size: tuple[int, int] = (64, 48)) -> bytes:
    """A picture carrying ``packet`` where its format keeps XMP."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", packet.decode())
        image.save(buffer, format="PNG", pnginfo=info)
    else:
        image.save(buffer, format=fmt, xmp=packet)
    return buffer.getvalue()


def rewrite_png(data: bytes, change: Callable[[bytes, bytes], list[tuple[bytes, bytes]]]) -> bytes:
    """A PNG whose chunks are replaced by ``change(type, body)`` (a list of chunks to write in
    its place), lengths and CRCs recomputed: the file stays a valid PNG to Pillow, so only the
    changed record can be at fault."""
    out = [data[:8]]
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        for new_kind, new_body in change(kind, body):
            crc = zlib.crc32(new_kind + new_body) & 0xFFFFFFFF
            out.append(struct.pack(">I", len(new_body)) + new_kind + new_body)
            out.append(struct.pack(">I", crc))
        at += 12 + length
    return b"".join(out)


def corrupt_manifest(data: bytes) -> bytes:
    """The C2PA store (PNG ``caBX`` chunk) with 30 bytes flipped in its middle."""

    def flip(kind: bytes, body: bytes) -> list[tuple[bytes, bytes]]:
        if kind != b"caBX":
            return [(kind, body)]
        middle = len(body) // 2
        flipped = bytes(b ^ 0x55 for b in body[middle : middle + 30])
        return [(kind, body[:middle] + flipped + body[middle + 30 :])]

    return rewrite_png(data, flip)


def truncated_manifest(data: bytes) -> bytes:
    """The C2PA store cut to its first half."""
    return rewrite_png(
        data, lambda kind, body: [(kind, body[: len(body) // 2] if kind == b"caBX" else body)]
    )


def edited_after_signing(data: bytes) -> bytes:
    """A text chunk added after signing: the manifest's hash of the file no longer matches."""

    def add(kind: bytes, body: bytes) -> list[tuple[bytes, bytes]]:
        if kind == b"IEND":
            return [(b"tEXt", b"Comment\x00edited later"), (kind, body)]
        return [(kind, body)]

    return rewrite_png(data, add)
