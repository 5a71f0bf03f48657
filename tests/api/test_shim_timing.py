"""``/l`` says how long its decision took (``Server-Timing``), whatever the decision."""

from __future__ import annotations

import re

from bastion.shim.signing import LinkSigner
from tests.api.conftest import BastionClient


def test_every_shim_answer_carries_its_decision_time(client: BastionClient) -> None:
    signer: LinkSigner = client.app.state.bastion.signer  # type: ignore[attr-defined]
    for link, status in (
        (signer.link("https://example.org/a", client.tenant.slug), 303),
        (signer.link("http://12bet.com/register", client.tenant.slug), 200),
        ("/l?u=https%3A%2F%2Fevil.example&t=x&s=k1.forged", 400),
    ):
        response = client.get(link, follow_redirects=False)
        assert response.status_code == status, link
        timing = re.fullmatch(
            r"shim;dur=(\d+\.\d{3}), cpu;dur=(\d+\.\d{3})", response.headers["server-timing"]
        )
        assert timing is not None, response.headers["server-timing"]
        assert float(timing.group(1)) >= 0 and float(timing.group(2)) >= 0
