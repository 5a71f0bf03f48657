"""``Scanner.scan`` on text the process has never seen: the figure a service lives by.

``bench.throughput`` reports the best of several passes over the same messages, so the gates'
RE2 sets have already built the DFA states those texts need. Every API request and nearly every
sweep item is new, and a new text makes an RE2 set build states (100-400 us in the pre-check for
a new URL). Here each engine (``BASTION_GATES=re2``; ``auto`` after ``bastion gates build``, i.e.
Hyperscan from the cache) runs in a fresh process that scans each message once, after a warm-up
on other messages; CPU time of the process (``time.process_time``) in blocks, so the figure as
the DFA warms shows, with linkify-it-py's first pass on the same messages in the same process.

    python -m bench.novel_text --data ../shared/data --home /tmp/benchhome [--messages 30000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import adversarial, common
from bench.throughput import clean_messages, one_core

BLOCKS = 5
WARM = 500

_CHILD = """
import json, sys, time
from pathlib import Path
from bench.novel_text import child
print(json.dumps(child(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))))
"""


def _sets(data: Path, total: int) -> dict[str, list[str]]:
    disguised = [c.text for c in adversarial.build_suite(data) if len(c.text) < 2_000]
    return {"clean": clean_messages(data, total + WARM), "disguised": disguised}


def child(data: Path, home: Path, total: int) -> dict[str, Any]:
    """Scan each set once (after ``WARM`` other messages of it), CPU us/msg per block."""
    from linkify_it import LinkifyIt  # type: ignore[import-untyped]

    from bastion.model import Item
    from bastion.normalize import hs_sets

    scanner = common.load_scanner(home)
    linkify = LinkifyIt()
    out: dict[str, Any] = {"engine": hs_sets.engine(), "sets_on_re2": 0}
    with one_core():
        for name, texts in _sets(data, total).items():
            warm, texts = texts[:WARM], texts[WARM:]
            for text in warm:
                scanner.scan(Item(id="w", text=text, surface="chat"))
            size = max(1, len(texts) // BLOCKS)
            blocks = []
            started = time.process_time()
            for b in range(0, len(texts), size):
                cpu = time.process_time()
                for i, text in enumerate(texts[b : b + size]):
                    scanner.scan(Item(id=str(i), text=text, surface="chat"))
                blocks.append(
                    round((time.process_time() - cpu) / len(texts[b : b + size]) * 1e6, 1)
                )
            total_cpu = time.process_time() - started
            cpu = time.process_time()
            for text in texts:
                linkify.match(text)
            linkify_cpu = time.process_time() - cpu
            out[name] = {
                "messages": len(texts),
                "cpu_us_per_msg_blocks": blocks,
                "msg_per_cpu_s": round(len(texts) / total_cpu),
                "linkify_msg_per_cpu_s": round(len(texts) / linkify_cpu),
            }
    out["sets_on_re2"] = hs_sets.sets_on_re2()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--messages", type=int, default=30_000)
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    home = common.scanner_home(args.home, data)
    result: dict[str, Any] = {"loadavg_1m_before": round(os.getloadavg()[0], 2)}
    for engine in ("re2", "auto"):
        env = {**os.environ, "BASTION_GATES": engine}
        run = subprocess.run(
            [sys.executable, "-c", _CHILD, str(data), str(home), str(args.messages)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        result[engine] = json.loads(run.stdout.strip().splitlines()[-1])
        print(engine, json.dumps(result[engine]), flush=True)
    result["loadavg_1m_after"] = round(os.getloadavg()[0], 2)
    common.write_result("novel_text", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
