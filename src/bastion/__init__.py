"""Bastion: find, classify and disable illegal off-platform links and handles in user content."""

from typing import TYPE_CHECKING

from bastion.model import Entity, InputError, Item, ScanResult, Signal, Violation

if TYPE_CHECKING:  # imported lazily at run time: ``import bastion`` stays light
    from bastion.scanner import Scanner

__all__ = ["Entity", "InputError", "Item", "ScanResult", "Scanner", "Signal", "Violation"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "Scanner":
        from bastion.scanner import Scanner

        return Scanner
    raise AttributeError(name)
