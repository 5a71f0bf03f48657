"""Benchmark the intel index at production size: >= 1,000,000 listed domains.

Builds feeds from every real domain list in ../shared/data (plus v2fly regexp/full rules and
the phishing URLs), pads them with synthetic subdomains of real listed domains up to the target,
imports and compiles them, then measures in a *fresh* subprocess: open time, RSS after open, and
lookups/s (best of ``--repeat`` passes; the machine may be shared, so the load average is
recorded) for listed domains, subdomains of listed domains, unlisted Tranco domains and their
subdomains, and a realistic mix (10% listed, as in real link traffic). Every set but the Zipf one
holds distinct hosts, so the per-host answer cache cannot inflate them; each is measured with the
cache off (``cache_size=0``, the headline figures) and on, plus the batch API ``lookup_hosts``.

    python bench/bench_index.py [--domains 1000000] [--out bench/results/index.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
DOMAIN_LISTS = {
    "gambling": ["sinfonietta-hostfiles/gambling.txt", "hostsvn-gambling-vn/gambling_vn.txt"],
    "porn": ["sinfonietta-hostfiles/pornography.txt"],
    "phishing": ["blocklistproject-lists/phishing.txt"],
    "scam": ["blocklistproject-lists/scam.txt"],
    "malware": ["blocklistproject-lists/ransomware.txt"],
    "redirect": ["blocklistproject-lists/redirect.txt"],
    "social": ["sinfonietta-hostfiles/social.txt"],
}
LABELS = ("www", "m", "cdn", "api", "img", "static", "login", "app", "bet", "vip", "mail", "go")


def _read_domains(relative: str) -> list[str]:
    lines = (DATA / relative).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]


def _tranco() -> list[str]:
    with open(DATA / "tranco-top-100k" / "tranco_top_100k.tsv", encoding="utf-8") as handle:
        return [row["domain"].lower() for row in csv.DictReader(handle, delimiter="\t")]


def build_feeds(folder: Path, target: int, seed: int = 7) -> dict[str, Any]:
    """Write one feed per category; synthetic subdomains go to ``<category>_synthetic``."""
    rng = random.Random(seed)
    real: dict[str, list[str]] = {}
    for category, files in DOMAIN_LISTS.items():
        real[category] = sorted({d for f in files for d in _read_domains(f)})
    for category, domains in real.items():
        (folder / f"{category}.txt").write_text("\n".join(domains) + "\n", encoding="utf-8")
    v2fly = DATA / "v2fly-domain-list-community" / "category-porn.tsv"
    (folder / "v2fly_porn.tsv").write_bytes(v2fly.read_bytes())
    links = DATA / "phishing-database-links" / "phishing-links-active.txt"
    (folder / "phishing_urls.txt").write_bytes(links.read_bytes())
    total_real = sum(len(d) for d in real.values())
    synthetic: dict[str, set[str]] = {c: set() for c in real}
    pool = [(c, d) for c, domains in real.items() for d in domains]
    needed = max(0, target - total_real)
    made = 0
    while made < needed:
        category, domain = pool[rng.randrange(len(pool))]
        host = f"{rng.choice(LABELS)}{rng.randrange(100_000)}.{domain}"
        if len(host) <= 253 and host not in synthetic[category]:
            synthetic[category].add(host)
            made += 1
    for category, hosts in synthetic.items():
        if hosts:
            text = "\n".join(sorted(hosts)) + "\n"
            (folder / f"{category}_synthetic.txt").write_text(text, encoding="utf-8")
    return {"real_domains": total_real, "synthetic_domains": made, "real": real}


MEASURE = r"""
import json, os, resource, sys, time
from pathlib import Path

def rss_kb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0

home, mix_path, repeat = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
from bastion.canon import canonicalize_url
from bastion.intel import IntelIndex
before = rss_kb()
started = time.perf_counter()
index = IntelIndex.open(home, cache_size=0)
open_s = time.perf_counter() - started
after_open = rss_kb()
mix = json.loads(mix_path.read_text())
result = {"open_seconds": open_s, "rss_before_open_mb": before / 1024,
          "rss_after_open_mb": after_open / 1024, "index": index.stats(), "rates": {},
          "load_before": os.getloadavg()}
started = time.perf_counter()
for host in mix["warmup"]:
    index.lookup_host(host)
result["cold_first_pass_per_second"] = len(mix["warmup"]) / (time.perf_counter() - started)

def best_rate(run, count):
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return count / best

def measure(index, hosts):
    lookup = index.lookup_host
    def run():
        index._cache.clear()
        for host in hosts:
            lookup(host)
    hits = sum(lookup(host) is not None for host in hosts)
    return {"lookups": len(hosts), "per_second": best_rate(run, len(hosts)),
            "hit_rate": hits / len(hosts)}

cached = IntelIndex.open(home)
names = ("listed", "subdomain", "unlisted", "realistic", "realistic_zipf")
for name in names:
    result["rates"][f"{name} cache off"] = measure(index, mix[name])
    result["rates"][f"{name} cache on"] = measure(cached, mix[name])
hosts = mix["realistic"]
result["rates"]["realistic batch cache off"] = {
    "lookups": len(hosts), "per_second": best_rate(lambda: index.lookup_hosts(hosts), len(hosts)),
    "hit_rate": sum(m is not None for m in index.lookup_hosts(hosts)) / len(hosts)}
urls = [canonicalize_url(u) for u in mix["urls"]]
def run_urls():
    cached._cache.clear()
    for url in urls:
        cached.lookup_url(url)
result["rates"]["urls cache on"] = {
    "lookups": len(urls), "per_second": best_rate(run_urls, len(urls)),
    "hit_rate": sum(cached.lookup_url(u) is not None for u in urls) / len(urls)}
result["load_after"] = os.getloadavg()
result["rss_after_lookups_mb"] = rss_kb() / 1024
result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(result))
"""


def _unique(rng: random.Random, make: Any, count: int) -> list[str]:
    """``count`` distinct hosts from ``make(rng)`` (so a cache never sees a repeat)."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen[make(rng)] = None
    return list(seen)


def build_mix(real: dict[str, list[str]], lookups: int, seed: int = 11) -> dict[str, list[str]]:
    rng = random.Random(seed)
    listed_pool = sorted({d for domains in real.values() for d in domains})
    listed_set = set(listed_pool)
    with open(DATA / "v2fly-domain-list-community" / "category-porn.tsv", encoding="utf-8") as fh:
        listed_set |= {r["value"].lower() for r in csv.DictReader(fh, delimiter="\t")}
    unlisted_pool = [
        d
        for d in _tranco()
        if not any(".".join(d.split(".")[i:]) in listed_set for i in range(d.count(".") + 1))
    ]
    listed = rng.sample(listed_pool, min(lookups, len(listed_pool)))
    sub = _unique(
        rng,
        lambda r: f"{r.choice(LABELS)}-{r.randrange(10**6)}.{r.choice(listed_pool)}",
        lookups,
    )
    unlisted_sub = _unique(
        rng,
        lambda r: f"{r.choice(LABELS)}-{r.randrange(10**6)}.{r.choice(unlisted_pool)}",
        max(0, lookups - len(unlisted_pool)),
    )
    unlisted = rng.sample(unlisted_pool, min(lookups, len(unlisted_pool))) + unlisted_sub
    rng.shuffle(unlisted)
    tenth = lookups // 20
    realistic = listed[:tenth] + sub[:tenth] + unlisted[: lookups - 2 * tenth]
    rng.shuffle(realistic)
    zipf_unlisted = rng.choices(unlisted_pool, _zipf(len(unlisted_pool)), k=lookups - 2 * tenth)
    zipf_listed = rng.choices(listed_pool, _zipf(len(listed_pool)), k=2 * tenth)
    zipf = zipf_listed + zipf_unlisted
    rng.shuffle(zipf)
    links = _read_domains("phishing-database-links/phishing-links-active.txt")
    urls = [rng.choice(links) for _ in range(lookups // 10)] + [
        f"https://{rng.choice(unlisted_pool)}/some/path?q={i}" for i in range(lookups // 10)
    ]
    warmup = [rng.choice(listed_pool) for _ in range(lookups // 2)] + rng.sample(
        unlisted_pool, 5000
    )
    rng.shuffle(warmup)
    return {
        "warmup": warmup,
        "listed": listed,
        "subdomain": sub,
        "unlisted": unlisted,
        "realistic": realistic,
        "realistic_zipf": zipf,
        "urls": urls,
    }


def _zipf(count: int) -> list[float]:
    """Popularity weights 1/rank: a few hosts dominate real link traffic (Tranco order)."""
    return [1.0 / rank for rank in range(1, count + 1)]


def run(target: int, lookups: int, out: Path, repeat: int = 3) -> dict[str, Any]:
    sys.path.insert(0, str(REPO / "src"))
    from bastion.intel.compile import compile_index
    from bastion.intel.feeds import import_feeds
    from bastion.intel.store import home_lock

    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        folder, home = Path(tmp) / "feeds", Path(tmp) / "home"
        folder.mkdir()
        started = time.perf_counter()
        built = build_feeds(folder, target)
        generate_s = time.perf_counter() - started
        started = time.perf_counter()
        import_feeds(home, folder, category="from-file", source="bench")
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        with home_lock(home):
            compiled = compile_index(home)
        compile_s = time.perf_counter() - started
        mix_path = Path(tmp) / "mix.json"
        mix_path.write_text(json.dumps(build_mix(built["real"], lookups)))
        size = sum(p.stat().st_size for p in compiled.path.iterdir())
        proc = subprocess.run(
            [sys.executable, "-c", MEASURE, str(home), str(mix_path), str(repeat)],
            check=True,
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        )
        measured = json.loads(proc.stdout)
    result = {
        "domains_target": target,
        "real_domains": built["real_domains"],
        "synthetic_domains": built["synthetic_domains"],
        "host_keys": compiled.stats["host_keys"],
        "regexps": compiled.stats["regexps"],
        "regexps_folded": compiled.stats["regexps_folded"],
        "url_keys": compiled.stats["url_keys"],
        "generate_seconds": round(generate_s, 2),
        "import_and_compile_seconds": round(import_s, 2),
        "compile_seconds": round(compile_s, 2),
        "index_bytes": size,
        **measured,
    }
    result.pop("index", None)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    return result


def print_table(result: dict[str, Any]) -> None:
    rows = [
        ("host keys (domains + IPs)", f"{result['host_keys']:,}"),
        (
            "  real / synthetic domains",
            f"{result['real_domains']:,} / {result['synthetic_domains']:,}",
        ),
        (
            "regexp rules (folded into trie), URL keys",
            f"{result['regexps']} ({result['regexps_folded']}), {result['url_keys']}",
        ),
        ("import (parse+store) + compile", f"{result['import_and_compile_seconds']:.2f} s"),
        ("compile alone", f"{result['compile_seconds']:.2f} s"),
        ("index size on disk", f"{result['index_bytes'] / 2**20:.1f} MiB"),
        ("open (fresh process)", f"{result['open_seconds'] * 1000:.1f} ms"),
        (
            "RSS before / after open",
            f"{result['rss_before_open_mb']:.1f} / {result['rss_after_open_mb']:.1f} MiB",
        ),
        ("RSS after all lookups (incl. inputs)", f"{result['rss_after_lookups_mb']:.1f} MiB"),
        ("lookups/s first pass (cold pages)", f"{result['cold_first_pass_per_second']:,.0f}"),
        ("load average before / after", f"{result['load_before']} / {result['load_after']}"),
    ]
    for name, rate in result["rates"].items():
        rows.append(
            (f"lookups/s {name}", f"{rate['per_second']:,.0f} (hit rate {rate['hit_rate']:.0%})")
        )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--domains", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3, help="passes per figure (best kept)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "index.json")
    args = parser.parse_args()
    result = run(args.domains, args.lookups, args.out, args.repeat)
    print_table(result)
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
