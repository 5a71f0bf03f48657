"""Bastion: find, classify and disable illegal off-platform links and handles in user content."""

from bastion.model import Entity, InputError, Item, ScanResult, Signal, Violation

__all__ = ["Entity", "InputError", "Item", "ScanResult", "Scanner", "Signal", "Violation"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "Scanner":
        from bastion.scanner import Scanner

        return Scanner
    raise AttributeError(name)
