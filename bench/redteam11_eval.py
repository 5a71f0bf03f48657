"""Run red team 11 (``bench/redteam11.py``) through ``Scanner.scan`` and the four peers; score it
(``bench.redteam_driver.main_for``; the scoring: ``bench.redteam_driver.SCORING``).

    python -m bench.redteam11_eval --home /tmp/benchhome --data ../shared/data --name redteam11
"""

from __future__ import annotations

from bench.redteam_driver import main_for


def main(argv: list[str] | None = None) -> int:
    return main_for(11, argv)


if __name__ == "__main__":
    raise SystemExit(main())
