"""Helpers shared by the test packages: loopback HTTP server, thread races, work counting."""
