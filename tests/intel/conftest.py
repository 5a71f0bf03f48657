"""Fixtures for the intel tests: a test CA and the loopback receiver over TLS (no internet)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.loopback import LoopbackReceiver, running_receiver


@dataclass(frozen=True)
class TestCA:
    """A throwaway CA and a server certificate it signed for ``name`` (made with openssl)."""

    __test__ = False
    name: str
    ca: Path
    cert: Path
    key: Path


@pytest.fixture(scope="session")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    out = tmp_path_factory.mktemp("tls")
    name = "feeds.example"

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=out, check=True, capture_output=True)

    run(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Bastion test CA",
    )
    run(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "leaf.key",
        "-out",
        "leaf.csr",
        "-subj",
        f"/CN={name}",
    )
    (out / "san.cnf").write_text(f"subjectAltName=DNS:{name}\n")
    run(
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
    )
    return TestCA(name, out / "ca.pem", out / "leaf.pem", out / "leaf.key")


@pytest.fixture
def tls_receiver(test_ca: TestCA) -> Iterator[LoopbackReceiver]:
    """The loopback receiver over TLS with ``test_ca``'s certificate for ``feeds.example``."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(test_ca.cert, test_ca.key)
    with running_receiver(context) as receiver:
        yield receiver
