"""Detectors turn entities into classification signals (reputation, lookalike, models)."""
