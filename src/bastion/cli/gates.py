"""``python -m bastion.cli.gates``: build the Hyperscan databases of the scan gates ahead of time.

An RE2 set builds DFA states for every text new to the process (a new URL cost 100-400 us in the
pre-check alone; ``bench.gate_engines``); Hyperscan compiles its automata once. By default a gate
runs on Hyperscan only where its database is already cached (``bastion.normalize.hs_sets``), so
``python -m bastion.cli.gates`` compiles them all (about 2.3 CPU minutes, once per machine and
version) and then checks, in a fresh process on the default engine, that every gate the warm-up
reaches is on Hyperscan. It is no ``bastion`` subcommand: it touches no home (every subcommand
takes ``--home``), only the machine's cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import typer
from rich.console import Console

WARM_TEXTS: tuple[str, ...] = (
    "visit https://bet888.com/x?a=1 today",
    "see you at noon",
    "加微信 abc_123456 百家乐 bet888点com",
    "飞机 @tg_casino_vip 每日爆分 ｂｅｔ８８８．ｃｏｍ",
    "b e t 8 8 8 dot c o m (remove the spaces)",
    "moc.888teb read it backwards 倒过来读",
    "QQ：1O2254678 扣扣 ①②③④⑤⑥⑦⑧⑨",
    "WhatsApp +1 202 555 0147 guaranteed profit crypto signals",
    "hxxps://bet888[.]com/path ssl //host tcp://host/x",
    "Atbash: a=z b=y zzimpmgsx.cba 🍋=f ★=e",
    "đăng ký tại hi tám tám vip ba.com punto com",
    "카톡 minji_22 bet구구casino.net 닷컴 ドットコム จุด",
    "LINE私我 kaohsiung_7 t.me/s/abc weixin://contacts/profile/abc",
    "\u200bb\u200be\u200bt\u200b8\u200b8\u200b8\u200b.\u200bc\u200bo\u200bm",
)
"""Texts that reach every gate the scan builds lazily (ASCII and not, cues, disguises)."""

_WARM = """
import json, sys
from bastion import Scanner
from bastion.intel.index import IntelIndex
from bastion.normalize import hs_sets
from bastion.policy import Policy
scanner = Scanner(index=IntelIndex.empty(), policy=Policy.default())
for text in json.loads(sys.argv[1]):
    for surface in ("post", "username"):
        scanner.scan({"id": "warm", "text": text, "surface": surface})
print(json.dumps({"engine": hs_sets.engine(), "on_re2": hs_sets.sets_on_re2()}))
"""


def _warm(engine: str) -> dict[str, object]:
    env = {**os.environ, "BASTION_GATES": engine}
    run = subprocess.run(
        [sys.executable, "-c", _WARM, json.dumps(WARM_TEXTS)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(tail[0])
    report: dict[str, object] = json.loads(run.stdout.strip().splitlines()[-1])
    return report


def build_command() -> None:
    """Compile every gate's Hyperscan database into the cache (``BASTION_HS_CACHE``)."""
    console = Console(stderr=True)
    started = time.monotonic()
    try:
        built = _warm("hyperscan")
        if built["engine"] == "re2":
            console.print("hyperscan does not import on this machine: the gates stay on RE2")
            return
        check = _warm("auto")
    except RuntimeError as exc:
        console.print(f"gates build failed: {exc}", markup=False)
        raise typer.Exit(1) from None
    seconds = time.monotonic() - started
    left = int(str(check["on_re2"]))
    console.print(
        f"gates built in {seconds:.0f} s; on the default engine {left} set(s) stay on RE2",
        markup=False,
    )
    if left:
        raise typer.Exit(1)


if __name__ == "__main__":
    typer.run(build_command)
