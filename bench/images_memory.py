"""Memory and throughput of the image stage with OCR over many pictures in one process.

Issue 7's memory bar: scanning 10,000 images in one process stays under 1.5 GB resident and does
not grow. One ``Scanner`` (one OCR engine) scans ``--images`` pictures one after another, cycling
through a pool of distinct pictures from ``bench.images_ocr``'s generator (posters, screenshots
and avatars with a link or handle, pictures of ordinary text, and textless photograph stand-ins,
in the suite's proportions and sizes, so the detector sees many input shapes: the case where an
onnxruntime arena or a per-call allocation would grow). Resident memory (``/proc/self/statm``)
is recorded before the first picture and after every ``--every`` pictures; growth is the
difference between the last checkpoint and the first after the warm-up (the first checkpoint,
by which every input shape of the pool has been seen once). Throughput is images per wall
second and per CPU second of this process on one core, with the gate's skip rate and the load
average beside it (wall-clock figures mean little on a loaded machine).
``python -m bench.images_memory [--images N] [--pool N] [--every N] [--home DIR]``
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench import common
from bench.images_ocr import suite
from bench.images_qr import listed_hosts
from bench.throughput import one_core

BAR_RSS_BYTES = 1_500_000_000
BAR_GROWTH_BYTES = 50_000_000
"""Growth from the first checkpoint to the last above which memory "grows" (allocator noise
and caches warming on new shapes stay well under it)."""


def rss_bytes() -> int:
    """Resident set size of this process now."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run(scanner: Any, pool: list[Any], count: int, every: int) -> dict[str, Any]:
    from bastion.model import ImageInput, Item

    ocr = next(d for d in scanner._images.decoders if d.name == "ocr")
    runs, skips = ocr.runs, ocr.gate_skips
    curve = [{"images": 0, "rss_mb": round(rss_bytes() / 1e6, 1)}]
    verdicts: dict[str, int] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for n in range(count):
        picture = pool[n % len(pool)]
        item = Item(
            id=str(n),
            surface="post",
            images=("p.jpg",),
            image_data=(ImageInput("p.jpg", picture.data),),
        )
        result = scanner.scan(item)
        verdicts[result.verdict] = verdicts.get(result.verdict, 0) + 1
        if (n + 1) % every == 0:
            gc.collect()
            point = {
                "images": n + 1,
                "rss_mb": round(rss_bytes() / 1e6, 1),
                "seconds": round(time.perf_counter() - started, 1),
                "cpu_seconds": round(time.process_time() - cpu_started, 1),
                "load": round(os.getloadavg()[0], 2),
            }
            curve.append(point)
            print(point, flush=True)
            common.write_result(
                "images_memory",
                {"partial": True, "pool": len(pool), "rss_curve": curve, **_growth(curve)},
            )
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "images": count,
        "pool": len(pool),
        "rss_curve": curve,
        "rss_peak_mb": round(peak_rss_bytes() / 1e6, 1),
        **_growth(curve),
        "images_per_s": round(count / wall, 2),
        "images_per_cpu_s": round(count / max(cpu, 1e-9), 2),
        "ocr_runs": ocr.runs - runs,
        "gate_skips": ocr.gate_skips - skips,
        "gate_skip_rate": round((ocr.gate_skips - skips) / max(1, count), 4),
        "verdicts": verdicts,
    }


def _growth(curve: list[dict[str, Any]]) -> dict[str, Any]:
    """Growth from the first checkpoint (the warm-up) to the last, and per checkpoint after it
    (flat when each step is allocator noise)."""
    after_warmup = curve[1]["rss_mb"] if len(curve) > 2 else curve[0]["rss_mb"]
    steps = [round(b["rss_mb"] - a["rss_mb"], 1) for a, b in pairwise(curve[1:])]
    return {
        "growth_after_first_checkpoint_mb": round(curve[-1]["rss_mb"] - after_warmup, 1),
        "growth_per_checkpoint_mb": steps,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=None, help="BASTION_HOME to scan with")
    parser.add_argument("--images", type=int, default=10_000, help="pictures scanned")
    parser.add_argument("--pool", type=int, default=520, help="distinct pictures cycled through")
    parser.add_argument("--every", type=int, default=1_000, help="pictures between RSS readings")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    scanner = common.load_scanner(common.scanner_home(args.home, data))
    spam, benign = args.pool * 6 // 13, args.pool * 5 // 13  # the suite's 120 : 100 : 40
    pool = suite(listed_hosts(data, 400), spam, benign, args.pool - spam - benign, seed=29)
    result: dict[str, Any] = {"uptime_load_before": list(os.getloadavg())}
    with one_core() as cpu:
        result["cpu"] = cpu
        scanner.scan({"id": "warm", "text": "warm up"})
        result.update(run(scanner, pool, args.images, args.every))
    result["uptime_load_after"] = list(os.getloadavg())
    result["bars"] = {
        "rss_under_1_5_gb": result["rss_peak_mb"] * 1e6 < BAR_RSS_BYTES,
        "not_growing": result["growth_after_first_checkpoint_mb"] * 1e6 < BAR_GROWTH_BYTES,
    }
    result["bar_met"] = all(result["bars"].values())
    path = common.write_result("images_memory", result)
    print(
        f"{result['images']} images (pool {result['pool']}): peak RSS {result['rss_peak_mb']} MB, "
        f"growth after the first checkpoint {result['growth_after_first_checkpoint_mb']} MB; "
        f"{result['images_per_s']} images/s ({result['images_per_cpu_s']} per CPU s), gate "
        f"skipped {result['gate_skip_rate']:.1%}; load {result['uptime_load_after'][0]:.2f}"
    )
    print(f"bars: {result['bars']} -> {path}")
    return 1 if args.strict and not result["bar_met"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
