"""The seed scenario: a two-month enforcement campaign over a generated platform, end to end.

``python -m scenario.run`` (``make scenario``) generates a seeded platform (accounts with profile
fields, posts, comments and chats; clean text from real message sets, dirty text carrying domains
from the real block lists in ``shared/data`` hidden with the obfuscation tricks of
``bench.tricks``), scans every item with ``bastion.Scanner``, ingests it through
``bastion.service.enforce_batch`` under a named campaign, files public reports, lets moderators
decide cases and appeals, lifts expired suspensions, and finally checks the transparency report
figure by figure against independent SQL counts and the run's own ledger. Any mismatch fails it.
"""
