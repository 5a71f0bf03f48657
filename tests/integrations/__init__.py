"""Tests of the integrations with other servers."""
