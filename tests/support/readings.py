"""The hosts the second readings of a text yield, as the scanner reads them."""

from __future__ import annotations

from bastion.extract import extract_entities, has_candidates
from bastion.normalize import unmask
from bastion.normalize.readings import read_again


def hosts_read(text: str) -> set[str]:
    """Every host any second reading of ``text`` yields (through the pre-check, as scanned)."""
    found = set()
    for reading in read_again(text):
        if has_candidates(reading.text):
            for e in extract_entities(unmask(reading.text, weak=True), prose_like=True):
                if e.host:
                    found.add(e.host)
    return found
