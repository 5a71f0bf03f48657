"""Bastion inside other servers: modules that plug the scan core and the enforcement service into
the software a platform already runs (``synapse``: a Matrix Synapse spam-checker module)."""
