"""Latency the Synapse module adds per message, in-process mode, on the disguised suite.

Two measurements in one run, over the same messages (``bench.obfuscation_suite``: real listed
domains hidden by every trick, handles, phones; plus as many clean chat lines):

1. **The callback** (the bar): ``BastionSpamChecker.check_event_for_spam`` called as Synapse
   calls it, on this process's event loop, with the evaluation home's full intel, ingest on
   (``flagged``, the default: the ingest process running) and off, interleaved in one run: the
   time each message holds Synapse's reactor, p50/p99, on first sight and on a repeat (see
   :func:`callback_latency`).
2. **End to end**: two real Synapse processes started from the same generated config, one
   without the module and one with it (the README's in-process snippet); each message is sent to
   both, alternating, and the client's round trip (``PUT /send``) is timed. Refused messages skip
   Synapse's persistence, so the difference is reported for clean messages (delivered by both)
   and for the suite (refused by the module) apart.

``python -m bench.synapse_latency --data ../shared/data [--home /tmp/benchhome] [--messages 300]
[--callback-only]`` writes ``bench/results/synapse.json``. The machine is shared: the figures
carry its load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import common
from bench.obfuscation_suite import build_suite

CLEAN = (
    "lunch at the usual place at noon?",
    "明天下午三点开会，记得带电脑",
    "can you send me the slides from yesterday",
    "好的，我晚点回复你",
    "the build is green again, merging now",
    "周末一起去爬山吗？天气不错",
)


INGESTS: tuple[str, ...] = ("flagged", "none")
PHASES = ("first_sight", "repeat")
WARM_SEED = 99
"""The warm-up suite's seed: other hosts, handles and addresses than the measured suite's."""


def quantiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {
        "n": len(ordered),
        "p50_ms": round(at(0.50) * 1000, 4),
        "p90_ms": round(at(0.90) * 1000, 4),
        "p99_ms": round(at(0.99) * 1000, 4),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 4),
        "max_ms": round(ordered[-1] * 1000, 4),
    }


class _Event:
    """What ``check_event_for_spam`` reads of a Synapse event."""

    def __init__(self, n: int, text: str) -> None:
        self.event_id = f"$bench{n:06d}"
        self._dict = {
            "type": "m.room.message",
            "sender": "@bench:bench.test",
            "room_id": "!room:bench.test",
            "content": {"msgtype": "m.text", "body": text},
        }

    def get_dict(self) -> dict[str, Any]:
        return self._dict


class _Api:
    def register_spam_checker_callbacks(self, **_: Any) -> None:
        return None

    def register_third_party_rules_callbacks(self, **_: Any) -> None:
        return None


def bench_home(source: Path, folder: Path) -> Path:
    """A copy of the evaluation home's index (never the original: the module writes a store)."""
    home = folder / "home"
    shutil.copytree(source, home, ignore=shutil.ignore_patterns("bastion.db*", "sweeps"))
    from bastion.store import Store
    from bastion.store.queries import create_tenant

    store = Store.open(home=home)
    with store.transaction() as session:
        create_tenant(session, slug="matrix", name="Matrix")
    store.engine.dispose()
    return home


def _checker(home: Path, ingest: str) -> Any:
    from bastion.integrations.synapse import BastionSpamChecker, parse_config

    config = parse_config(
        {"home": str(home), "tenant": "matrix", "upkeep_interval": 0, "ingest": ingest}
    )
    return BastionSpamChecker(config, _Api())


def _count_submissions(ingest: Any) -> list[str]:
    """The item ids ``ingest.submit`` is given from now on (to check the store holds them)."""
    ids: list[str] = []
    submit = ingest.submit

    def counted(item: Any, result: Any) -> None:
        ids.append(item.id)
        submit(item, result)

    ingest.submit = counted
    return ids


def _stored(home: Path, ids: set[str]) -> int:
    """How many of ``ids`` the home's store holds as items."""
    from sqlalchemy import func, select

    from bastion.store import Store
    from bastion.store.models import Item

    wanted = sorted(ids)
    with Store.open(home=home) as store, store.transaction(readonly=True) as session:
        return sum(
            int(session.scalar(select(func.count()).where(Item.external_id.in_(chunk))) or 0)
            for chunk in (wanted[at : at + 500] for at in range(0, len(wanted), 500))
        )


def callback_latency(
    home: Path, texts: list[str], warm: list[str], ingests: tuple[str, ...] = INGESTS
) -> dict[str, Any]:
    """``check_event_for_spam`` per message for each ``ingest`` setting, all in one process at
    the same time, timed in wall clock (what a message waits, including the machine's other
    load) and in the calling thread's CPU time (the callback's own work; the ingest process and
    the queue's feeder thread are not counted).

    Synapse freezes what is allocated at start-up (``gc.freeze``, so its full collections skip
    the module's tables) and runs the collector from its reactor; here the checkers are frozen
    the same way and automatic collection stays on, so a collection lands on (and is counted in)
    whichever call triggers it.

    A message is cheaper the second time this process scans it: RE2 builds the DFA states a text
    needs while it first reads it (most of the difference), and canonical URLs and host lookups
    are cached. So every
    checker first reads ``warm`` (messages of the same kinds, other hosts and handles: tables
    built on first use, warm code paths), then:

    - ``first_sight``: each message goes to one checker (an equal share each, in seeded random
      order), so every checker scans messages this process has never seen (what a server pays
      for a new one);
    - ``repeat``: every message again through every checker, alternating which goes first.
    """
    checkers = {ingest: _checker(home, ingest) for ingest in ingests}
    events = [_Event(n, t) for n, t in enumerate(texts)]
    warm_events = [_Event(len(texts) + n, t) for n, t in enumerate(warm)]
    rng = random.Random(11)
    owner = [ingests[n % len(ingests)] for n in range(len(events))]
    rng.shuffle(owner)  # the same share of messages each, in no pattern of the suite's order
    samples: dict[str, dict[str, tuple[list[float], list[float]]]] = {
        phase: {ingest: ([], []) for ingest in ingests} for phase in PHASES
    }
    refused = dict.fromkeys(ingests, 0)
    queued: dict[str, list[str]] = {}
    for ingest, checker in checkers.items():
        if checker.backend.ingest is not None:
            queued[ingest] = _count_submissions(checker.backend.ingest)

    async def timed(phase: str, ingest: str, event: _Event) -> Any:
        start, start_cpu = time.perf_counter(), time.thread_time()
        verdict = await checkers[ingest].check_event_for_spam(event)
        cpu = time.thread_time() - start_cpu
        wall, thread_cpu = samples[phase][ingest]
        wall.append(time.perf_counter() - start)
        thread_cpu.append(cpu)
        return verdict

    async def run() -> None:
        for checker in checkers.values():
            for event in warm_events:
                await checker.check_event_for_spam(event)
        for event, ingest in zip(events, owner, strict=True):
            await timed("first_sight", ingest, event)
        for n, event in enumerate(events):
            order = list(ingests) if n % 2 else list(reversed(ingests))
            for ingest in order:
                refused[ingest] += await timed("repeat", ingest, event) != "NOT_SPAM"

    gc.collect()  # as Synapse does once its modules are loaded (synapse.app._base.start)
    gc.freeze()
    try:
        asyncio.run(run())
    finally:
        gc.unfreeze()
    out: dict[str, Any] = {}
    for ingest, checker in checkers.items():
        backend: Any = checker.backend
        entry: dict[str, Any] = {"refused": refused[ingest], "messages": len(texts)}
        if backend.ingest is not None:
            entry["ingest_flushed"] = backend.ingest.flush(600)
        backend.close()
        if ingest in queued:
            ids = set(queued[ingest])
            entry["ingest"] = {
                "submitted": len(queued[ingest]),
                "distinct_items": len(ids),
                "stored_items": _stored(home, ids),
            }
        for phase in PHASES:
            wall, thread_cpu = samples[phase][ingest]
            entry[phase] = {"wall": quantiles(wall), "thread_cpu": quantiles(thread_cpu)}
        out[ingest] = entry
    if len(ingests) == 2:
        on, off = (out[i] for i in ingests)
        out["ingest_cost_thread_cpu"] = {
            phase: {
                q: round(on[phase]["thread_cpu"][q] - off[phase]["thread_cpu"][q], 4)
                for q in ("p50_ms", "p99_ms", "mean_ms")
            }
            for phase in PHASES
        }
    return out


def end_to_end(home: Path, folder: Path, suite: list[str], clean: list[str]) -> dict[str, Any]:
    from tests.integrations.synapse.homeserver import Homeserver, readme_snippet

    modules = readme_snippet("in_process")
    modules[0]["config"]["home"] = str(home)
    plain = Homeserver(folder / "without", [])
    guarded = Homeserver(folder / "with", modules)
    out: dict[str, Any] = {}
    try:
        plain.start()
        guarded.start()
        rooms = []
        for hs in (plain, guarded):
            user = hs.register("sender")
            rooms.append((user, user.create_room()))
        for label, texts in (("clean", clean), ("suite", suite)):
            samples: dict[str, list[float]] = {"without": [], "with": []}
            statuses: dict[str, dict[int, int]] = {"without": {}, "with": {}}
            for n, text in enumerate(texts):
                order = [(0, "without"), (1, "with")]
                if n % 2:
                    order.reverse()
                for index, name in order:
                    user, room = rooms[index]
                    start = time.perf_counter()
                    response = user.send(room, text)
                    samples[name].append(time.perf_counter() - start)
                    code = response.status_code
                    statuses[name][code] = statuses[name].get(code, 0) + 1
            without, with_ = quantiles(samples["without"]), quantiles(samples["with"])
            out[label] = {
                "without_module": without,
                "with_module": with_,
                "statuses": statuses,
                "added_p50_ms": round(with_["p50_ms"] - without["p50_ms"], 4),
                "added_p99_ms": round(with_["p99_ms"] - without["p99_ms"], 4),
            }
    finally:
        plain.stop()
        guarded.stop()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--home", type=Path, default=Path("/tmp/benchhome"))
    parser.add_argument("--messages", type=int, default=300, help="per kind, end to end")
    parser.add_argument(
        "--callback-only", action="store_true", help="skip the two Synapse processes"
    )
    parser.add_argument("--out", type=Path, default=common.RESULTS_DIR / "synapse.json")
    args = parser.parse_args(argv)
    data = common.data_dir(args.data)
    if not (args.home / "index").is_dir():
        common.build_home(args.home, data)
    cases = build_suite(data, domains=30, handles=20, ips=10)
    suite = [c.text for c in cases]
    warm = [c.text for c in build_suite(data, domains=30, handles=20, ips=10, seed=WARM_SEED)]
    rng = random.Random(7)
    clean = [rng.choice(CLEAN) + f" ({n})" for n in range(len(suite))]
    with tempfile.TemporaryDirectory(prefix="synapse-bench-") as tmp:
        folder = Path(tmp)
        home = bench_home(args.home, folder)
        warm_clean = [rng.choice(CLEAN) + f" [{n}]" for n in range(len(warm))]
        callback = {
            "suite": callback_latency(home, suite, warm),
            "clean": callback_latency(home, clean, warm_clean),
        }
        picked = rng.sample(range(len(suite)), min(args.messages, len(suite)))
        e2e: dict[str, Any] = {}
        if not args.callback_only:
            e2e = end_to_end(home, folder, [suite[i] for i in picked], [clean[i] for i in picked])
    result = {
        "bench": "synapse_latency",
        "suite": f"bench.obfuscation_suite (domains=30, handles=20, ips=10): {len(suite)} messages",
        "callback_in_process": callback,
        "end_to_end": e2e,
        "bars": {"p50_ms": 0.5, "p99_ms": 5.0},
        "machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "note": "shared 2-core machine: other engineers' jobs ran at the same time",
    }
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
