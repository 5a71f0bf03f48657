"""normalize stage: unmask disguised links and handles, keeping a map to original offsets."""

from bastion.normalize.result import Unmasked, UnmaskStep
from bastion.normalize.unmask import unmask, warm

__all__ = ["UnmaskStep", "Unmasked", "unmask", "warm"]
