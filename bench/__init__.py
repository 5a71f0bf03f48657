"""Benchmarks on the real data sets in shared/data: recall, false positives, throughput."""
