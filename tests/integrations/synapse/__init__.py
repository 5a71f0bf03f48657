"""The Matrix Synapse module, unit and end to end."""
