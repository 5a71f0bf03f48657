"""Run red team 12 (``bench/redteam12.py``) through ``Scanner.scan`` and the four peers; score it.

The scoring is red team 6's (``bench.redteam6_eval.evaluate`` with ``bench.redteam6_score.judge``
and its report), run by the shared driver ``bench.redteam_driver`` so the figures compare with
red teams 6, 7 and 8:

- links: recall = the listed host found with the right host AND ``act``; listed links allowed;
  wrong hosts (a host reported that is neither the planted one nor one the text really holds);
- handles: recall = the right id found (and no wrong id); beside harmful wording, at least
  ``review`` (``recall_strict``);
- should-review: ``review`` or ``act``, never ``allow``, never a wrong host or id;
- benign: act and review rates (act must be 0);
- plain control: every case's ``key`` (written plainly) judged the same way.

Link cases whose host, written plainly, is not ``act`` in the home are left out and counted
(``excluded_unlisted``). CPU throughput (``time.process_time``) of ``Scanner.scan`` (best of 3)
and each peer (one pass) on the disguised cases and on clean text.

    python -m bench.redteam12_eval --home /tmp/benchhome --data ../shared/data --name redteam12
"""

from __future__ import annotations

from bench.redteam7 import suite_sha256
from bench.redteam12 import PER_FAMILY, SEED, build
from bench.redteam_driver import run


def main(argv: list[str] | None = None) -> int:
    return run(
        argv,
        doc=__doc__ or "",
        default_name="redteam12",
        build=build,
        seed=SEED,
        per_family=PER_FAMILY,
        sha256=suite_sha256,
    )


if __name__ == "__main__":
    raise SystemExit(main())
