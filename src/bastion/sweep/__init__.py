"""Campaign sweeps: re-scan everything a platform holds with the one pure scan core.

``records`` turns input rows (JSON Lines, CSV, Parquet) into items and scanned items into
finding rows of one Arrow schema; ``local`` runs them on a checkpointed process pool, ``spark``
on Apache Spark (``mapInArrow``); ``results`` reads a finished sweep, ``diff`` compares two,
and ``ingest`` feeds the findings to the enforcement service.
"""
