"""Train the shipped lexical URL model: ``python -m bench.train_url_model [--data DIR]``.

Suspicious: hosts listed by blocklistproject (scam, phishing, ransomware; Unlicense/MIT),
Sinfonietta (gambling, pornography; MIT), hostsVN gambling via StevenBlack (MIT) and v2fly
category-porn / category-betting-ru (MIT). Benign: v2fly geolocation-cn without ``ads`` rules,
category-media and the other non-harmful v2fly categories (MIT), Sinfonietta social (MIT) and
the US .gov list (CC0). Tranco is never read here (evaluation only). Every host is assigned to
train or test by its registrable domain with a fixed seed, so no site is on both sides. Large
lists are sampled (fixed seed) so no single list or TLD outweighs the rest.
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from bastion.detect.url_model import host_doc
from bastion.modeltrain import Example, fit, split, version_of, write_atomically
from bastion.suffixes import registrable_domain
from bench.common import REPO_ROOT, data_dir

SPLIT_SEED: Final = 20261206
SAMPLE_SEED: Final = 11
TRAIN_SEED: Final = 7
TEST_FRACTION: Final = 0.3
C: Final = 10.0
EMIT: Final = 0.99
OUT: Final = REPO_ROOT / "src" / "bastion" / "data" / "url_model.npz"

SUSPICIOUS: Final = (
    # (path under shared/data, category, at most this many hosts)
    ("blocklistproject-lists/scam.txt", "scam", 6_000),
    ("blocklistproject-lists/phishing.txt", "phishing", 8_000),
    ("blocklistproject-lists/ransomware.txt", "malware", 2_000),
    ("sinfonietta-hostfiles/gambling.txt", "gambling", 2_000),
    ("hostsvn-gambling-vn/gambling_vn.txt", "gambling", 3_000),
    ("v2fly-domain-list-community/category-betting-ru.tsv", "gambling", 100),
    ("sinfonietta-hostfiles/pornography.txt", "porn", 5_000),
    ("v2fly-domain-list-community/category-porn.tsv", "porn", 3_000),
)
BENIGN: Final = (
    ("v2fly-domain-list-community/geolocation-cn.tsv", "benign-cn", 6_000),
    ("v2fly-domain-list-community/category-media.tsv", "benign-media", 2_000),
    ("v2fly-domain-list-community/category-media-cn.tsv", "benign-media", 500),
    ("v2fly-domain-list-community/category-bank-cn.tsv", "benign-other", 200),
    ("v2fly-domain-list-community/category-education-cn.tsv", "benign-other", 200),
    ("v2fly-domain-list-community/category-social-media-cn.tsv", "benign-other", 200),
    ("v2fly-domain-list-community/category-social-media-not-cn.tsv", "benign-other", 500),
    ("v2fly-domain-list-community/category-communication.tsv", "benign-other", 200),
    ("v2fly-domain-list-community/category-hospital-cn.tsv", "benign-other", 50),
    ("sinfonietta-hostfiles/social.txt", "benign-other", 2_500),
    ("us-dotgov-domains/current-full.tsv", "benign-gov", 4_000),
)


def _hosts(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        if path.name == "current-full.tsv":
            for row in csv.DictReader(fh, delimiter="\t"):
                yield row["domain"].strip().lower()
        elif path.suffix == ".tsv":
            for row in csv.DictReader(fh, delimiter="\t"):
                if row["rule_type"] in ("domain", "full") and "ads" not in row["attributes"]:
                    yield row["value"].strip().lower()
        else:
            for line in fh:
                host = line.strip().lower()
                if host and not host.startswith("#"):
                    yield host


def load(root: Path) -> list[tuple[str, str, bool]]:
    """(host, category, suspicious) with hosts that are valid, distinct, and on one side only."""
    rng = random.Random(SAMPLE_SEED)
    rows: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for sources, bad in ((SUSPICIOUS, True), (BENIGN, False)):
        for name, category, cap in sources:
            hosts = [h for h in dict.fromkeys(_hosts(root / name)) if registrable_domain(h)]
            rng.shuffle(hosts)
            for host in hosts[:cap]:
                if host not in seen:
                    seen.add(host)
                    rows.append((host, category, bad))
    return rows


def parts(root: Path) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str, bool]]]:
    """Train and test hosts; a registrable domain is wholly on one side."""
    rows = load(root)
    by_host = {host: (host, category, bad) for host, category, bad in rows}
    examples = [Example(host, frozenset({"suspicious"} if bad else ())) for host, _, bad in rows]
    train, test = split(
        examples, SPLIT_SEED, TEST_FRACTION, key=lambda h: registrable_domain(h) or h
    )
    return [by_host[e.text] for e in train], [by_host[e.text] for e in test]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    train, test = parts(data_dir(args.data))
    meta = {
        "source": "shipped",
        "split_seed": SPLIT_SEED,
        "sample_seed": SAMPLE_SEED,
        "train_seed": TRAIN_SEED,
        "test_fraction": TEST_FRACTION,
        "train_rows": len(train),
        "test_rows": len(test),
        "max_n": 4,
        "bigrams": False,
        "c": C,
        "emit": EMIT,
    }
    model = fit(
        [host_doc(host) for host, _, _ in train],
        [frozenset({"suspicious"} if bad else ()) for _, _, bad in train],
        ["suspicious"],
        seed=TRAIN_SEED,
        c=C,
        max_features=40_000,
        meta=meta,
    )
    model.meta["version"] = version_of(model.to_bytes())
    data = model.to_bytes()
    write_atomically(args.out, data)
    lines = [
        "# Lexical URL model (shipped)",
        "",
        "Trained by `python -m bench.train_url_model`; held-out figures in "
        "`bench/results/text_model_eval.json` (`url_model`).",
        "",
        "Suspicious hosts (sampled, seed "
        f"{SAMPLE_SEED}): "
        + "; ".join(f"{name} ({category}, up to {cap})" for name, category, cap in SUSPICIOUS),
        "",
        "Benign hosts: " + "; ".join(f"{name} (up to {cap})" for name, _, cap in BENIGN),
        "",
        "Licences: blocklistproject Unlicense/MIT, Sinfonietta MIT, StevenBlack hosts MIT, v2fly "
        "domain-list-community MIT, US .gov list CC0. Tranco is evaluation only and not used.",
        "",
        f"- version `{model.meta['version']}`; {len(train)} training hosts, {len(test)} held out "
        f"by registrable domain (seed {SPLIT_SEED}); training seed {TRAIN_SEED}; C = {C}",
        f"- features: char 1..4-grams of `^host$` + shape tokens; "
        f"{model.meta['features_kept']} kept of {model.meta['features_seen']}",
        f"- emits at probability >= {EMIT}",
    ]
    write_atomically(args.out.with_suffix(".md"), "\n".join(lines).encode("utf-8"))
    print(f"wrote {args.out} ({len(data):,} bytes); train {len(train)}, test {len(test)}")


if __name__ == "__main__":
    main()
