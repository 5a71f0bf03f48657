"""Instructions per message of ``Scanner.scan``, counted by callgrind: independent of load.

On a machine shared with other work, CPU time per message moves with the load; instruction
counts do not. This warms the scanner on a set (the same messages once), then scans them again
inside a small C function that turns callgrind's instrumentation on and off around the pass
(``CALLGRIND_START_INSTRUMENTATION``), so only the scans are counted. Sets: ``clean`` (the first
``N`` of ``bench.throughput.clean_messages``), ``clean_pc`` and ``clean_plain`` (those of them
the pre-check passes or not), ``disguised`` (the first ``N`` of ``bench.throughput``'s disguised
set: the adversarial suite's messages under 2,000 characters).

Run under valgrind (``gcc`` and the valgrind headers build the helper on first use)::

    valgrind --tool=callgrind --instr-atstart=no --collect-atstart=no \\
        --callgrind-out-file=/tmp/cg.out python -m bench.scan_callgrind clean 3000 --home DIR

then ``callgrind_annotate /tmp/cg.out.1``: its total divided by the messages printed is the
figure. ``--cpu`` instead prints ``time.process_time`` microseconds a message, best of three
passes, with the load average (no valgrind).
"""

from __future__ import annotations

import argparse
import ctypes
import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bastion.model import Item
from bench import common, throughput

_HELPER_C = """
#include <valgrind/callgrind.h>
typedef void (*cb_t)(void);
void bastion_measured(cb_t cb) {
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    cb();
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT("measured");
    CALLGRIND_STOP_INSTRUMENTATION;
}
"""


def helper() -> ctypes.CDLL:
    """The C helper, compiled once into the temporary directory."""
    folder = Path(tempfile.gettempdir()) / "bastion_callgrind"
    library = folder / "measured.so"
    if not library.exists():
        folder.mkdir(exist_ok=True)
        source = folder / "measured.c"
        source.write_text(_HELPER_C, encoding="utf-8")
        subprocess.run(
            ["gcc", "-O0", "-shared", "-fPIC", "-o", str(library), str(source)], check=True
        )
    return ctypes.CDLL(str(library))


def texts_of(data: Path, name: str, count: int) -> list[str]:
    if name == "disguised":
        from bench import adversarial

        suite = adversarial.build_suite(data)
        return [case.text for case in suite if len(case.text) < 2_000][:count]
    from bastion.extract import has_candidates

    texts = throughput.clean_messages(data, 100_000)[:count]
    if name == "clean_pc":
        return [t for t in texts if has_candidates(t)]
    if name == "clean_plain":
        return [t for t in texts if not has_candidates(t)]
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="callgrind instructions per scanned message.")
    parser.add_argument("set", choices=["clean", "clean_pc", "clean_plain", "disguised"])
    parser.add_argument("count", type=int)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--cpu", action="store_true", help="CPU us a message instead")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    texts = texts_of(data, args.set, args.count)
    items = [Item(id=str(i), text=t, surface="chat") for i, t in enumerate(texts)]
    scan = scanner.scan

    def run() -> None:
        for item in items:
            scan(item)

    run()  # warm
    if args.cpu:
        passes = []
        for _ in range(3):
            started = time.process_time()
            run()
            passes.append(time.process_time() - started)
        print(
            f"{args.set}: {len(items)} messages, {min(passes) / len(items) * 1e6:.2f} CPU us a "
            f"message (best of 3), load {os.getloadavg()[0]:.2f}"
        )
        return 0
    callback: Callable[[], None] = ctypes.CFUNCTYPE(None)(run)
    helper().bastion_measured(callback)
    print(f"{args.set}: {len(items)} messages measured")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
