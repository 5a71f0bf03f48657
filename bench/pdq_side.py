"""How far the PDQ hash of a reduced frame drifts from the full-size hash, and what it costs.

``bastion.extract.images.hashes`` reduces a frame to ``HASH_SIDE`` before hashing; this measures
that choice against others on the QR suite's pictures (the frames the image stage hashes): mean,
p95 and largest Hamming distance to the full-size hash, the same for pictures larger than 384 px,
and CPU milliseconds per picture (reduction and hash). ``python -m bench.pdq_side [--images N]``
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from bastion.extract.images import hashes
from bastion.extract.images.decode import decode_image
from bastion.extract.images.limits import DEFAULT_LIMITS
from bench import common
from bench.images_qr import listed_hosts
from bench.qr_suite import suite

Reduce = Callable[[Image.Image], Image.Image]


def resized(side: int, gap: float | None, resample: Image.Resampling) -> Reduce:
    def reduce(frame: Image.Image) -> Image.Image:
        if max(frame.size) <= side:
            return frame
        ratio = side / max(frame.size)
        size = (max(1, round(frame.size[0] * ratio)), max(1, round(frame.size[1] * ratio)))
        return frame.resize(size, resample, reducing_gap=gap)

    return reduce


VARIANTS: dict[str, Reduce] = {
    "full size": lambda frame: frame,
    "384 bilinear, reducing gap 1 (in use)": resized(384, 1.0, Image.Resampling.BILINEAR),
    "384 bilinear, reducing gap 3": resized(384, 3.0, Image.Resampling.BILINEAR),
    "384 box": resized(384, None, Image.Resampling.BOX),
    "512 bilinear, reducing gap 1": resized(512, 1.0, Image.Resampling.BILINEAR),
    "256 bilinear, reducing gap 1": resized(256, 1.0, Image.Resampling.BILINEAR),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--images", type=int, default=600)
    parser.add_argument("--out", type=Path, default=Path("bench/results/pdq_side.json"))
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    frames = [
        decode_image(p.data, DEFAULT_LIMITS).frames[0].image
        for p in suite(listed_hosts(data, 400), args.images)
    ]
    full = [hashes.package_hash(frame)[0] for frame in frames]
    report: dict[str, object] = {"pictures": len(frames), "native": hashes._NATIVE is not None}
    for name, reduce in VARIANTS.items():
        cpu = time.process_time()
        hexes = [hashes.frame_hash(reduce(frame))[0] for frame in frames]
        spent = time.process_time() - cpu
        drift = sorted(hashes.hamming(a, b) for a, b in zip(hexes, full, strict=True))
        large = [
            hashes.hamming(a, b)
            for a, b, f in zip(hexes, full, frames, strict=True)
            if max(f.size) > 384
        ]
        report[name] = {
            "mean": round(sum(drift) / len(drift), 2),
            "p95": drift[int(0.95 * (len(drift) - 1))],
            "max": drift[-1],
            "mean_over_384px": round(sum(large) / max(1, len(large)), 2),
            "cpu_ms_per_picture": round(spent / len(frames) * 1e3, 3),
        }
        print(name, report[name])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
