"""Run red team 10 (``bench/redteam10.py``) through ``Scanner.scan`` and the four peers; score it
(``bench.redteam_driver.main_for``; the scoring: ``bench.redteam_driver.SCORING``).

    python -m bench.redteam10_eval --home /tmp/benchhome --data ../shared/data --name redteam10
"""

from __future__ import annotations

from bench.redteam_driver import main_for


def main(argv: list[str] | None = None) -> int:
    return main_for(10, argv)


if __name__ == "__main__":
    raise SystemExit(main())
