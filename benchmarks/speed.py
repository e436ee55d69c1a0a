"""The goals of "fast enough to think with", measured side by side: Monte Carlo turns per second (random, passive
and greedy policies, Cuban and UNPREDEP scenarios, 2 processes, whole process, median of three) against
Brinksmanship's published figure; the debrief of a 48-turn UNPREDEP game; the class summary of 30 such games; the
advisor at the window's defaults; `balance` on every shipped scenario. A plain script, not a test:

    python benchmarks/speed.py [--before DIR] [--only NAME ...] [--repeats N] [--quick]

`--only random passive` measures only those Monte Carlo rows. Each runs `simulate` with its default back end
(`--backend auto`: the array back end where it can play the batch, game/sim/arrays), named in the cell.

Every measurement runs in its own process on the code of this checkout. With `--before DIR` (another checkout of
the project, e.g. `git worktree add /tmp/before main`), each is also run on that code, interleaved with this
one's, so both columns come from the same run on the same machine load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THIS = Path(__file__).resolve()
CUBA, UNPREDEP = "cuban_missile_crisis_1962", "unpredep_fyrom_1995"
BRINKSMANSHIP_TURNS_PER_S = 4_600  # the peer's balance simulation, measured side by side (issue 18)
# (name, scenario, policy, games): about the same number of turns on either scenario
MONTE_CARLO = [
    ("random Cuba", CUBA, "random", 10_000), ("random UNPREDEP", UNPREDEP, "random", 2_700),
    ("passive Cuba", CUBA, "passive", 10_000), ("passive UNPREDEP", UNPREDEP, "passive", 2_700),
    ("greedy Cuba", CUBA, "greedy", 200), ("greedy UNPREDEP", UNPREDEP, "greedy", 54),
]
GOALS = {"random Cuba": "≥ 46,000 turns/s", "passive Cuba": "≥ 150,000 turns/s", "random UNPREDEP": "as Cuba",
         "passive UNPREDEP": "as Cuba", "debrief": "≤ 2 s", "class": "≤ 30 s", "advisor Cuba": "≤ 0.3 s",
         "advisor UNPREDEP": "≤ 1 s", "balance": "≤ 10 s each"}
CLASS_SIZE = 30
DEBRIEF_TURNS = 48


# -- measurements, each run in a child process on one checkout's code ----------------------------------------
CPU = [0.0]  # processor seconds of the last child run (its own worker processes included)


def run(root: Path, args: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall time and stdout of `python ARGS` run in `root`, importing that checkout's game package; the child's
    processor time (user and system, with its workers') is left in CPU, a figure the machine's load moves less."""
    full = {**os.environ, "PYTHONPATH": str(root), **(env or {})}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=root, env=full, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU[0] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        raise SystemExit(f"{shlex.join(args)} in {root} failed:\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def monte_carlo(root: Path, scenario: str, policy: str, games: int) -> tuple[float, str]:
    """Turns per second of `simulate` on 2 processes, whole process (start-up and loading included)."""
    cmd = ["main.py", "simulate", scenario, "--runs", str(games), "--policy", policy, "--jobs", "2", "--json"]
    seconds, out = run(root, cmd)
    data = json.loads(out)
    turns = data["mean_turns"] * games
    backend = data.get("backend", "engine")  # the default back end plays it (game/sim/arrays where it can)
    return turns / seconds, f"{turns / seconds:,.0f} turns/s ({seconds:.2f} s, cpu {CPU[0]:.1f} s, {backend})"


def worker(what: str, scenario: str) -> None:
    """In a child process: one in-process measurement; prints seconds and a note as JSON."""
    sys.path.insert(0, os.environ.get("PYTHONPATH", str(ROOT)))
    from game.engine import Game, build_rules
    from game.scenario.catalogue import resolve
    from game.scenario.loader import load_scenario
    from game.sim.advisor import advise

    rules = build_rules(load_scenario(resolve(scenario)).scenario)
    if what == "advisor":
        try:  # the window's warm pool of worker processes, where this checkout has one
            from game.sim.pool import RulesPool
        except ImportError:
            pool, extra = None, {}
        else:
            pool = RulesPool(rules, 2)
            advise(Game(rules, 1), seed=0, runs=2, pool=pool)  # started and warm, as after the first call
            extra = {"pool": pool}
        game, slowest, cpu = Game(rules, 1), 0.0, 0.0  # the window's call: advise(game, seed=0, horizon=None)
        for _ in range(6):
            if game.done:
                break
            began, began_cpu = time.perf_counter(), processor_seconds()
            advice = advise(game, seed=0, **extra)
            if time.perf_counter() - began > slowest:
                slowest, cpu = time.perf_counter() - began, processor_seconds() - began_cpu
            game.step()
        if pool is not None:
            pool.close()
        where = "2 warm workers" if pool is not None else "1 process"
        print(json.dumps({"seconds": slowest, "note": f"cpu {cpu:.2f} s, {max(a.runs for a in advice)} runs, "
                          f"to the end, {where}"}))


def processor_seconds() -> float:
    """User and system time of this process and its live worker processes (read from /proc, on Linux)."""
    import multiprocessing

    total = time.process_time()
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for child in multiprocessing.active_children():
        try:
            fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def advisor(root: Path, scenario: str) -> tuple[float, str]:
    """Slowest advisor call over the first six turns of a passive game, at the window's defaults."""
    _, out = run(root, [str(THIS), "--worker", "advisor", scenario])
    data = json.loads(out)
    return data["seconds"], f"{data['seconds']:.2f} s ({data['note']})"


def unpredep_saves(root: Path, folder: Path, count: int) -> list[Path]:
    """`count` saves of random UNPREDEP games that last all 48 turns (written by `simulate --save-games`)."""
    run(root, ["main.py", "simulate", UNPREDEP, "--runs", str(4 * count), "--policy", "random", "--save-games",
               str(folder), "--json"])
    long = []
    for path in sorted(folder.glob("*.json"), key=lambda p: int(p.stem.rsplit("-", 1)[-1])):
        if len(json.loads(path.read_text(encoding="utf-8"))["inputs"]) >= DEBRIEF_TURNS:
            long.append(path)
    if len(long) < count:
        raise SystemExit(f"only {len(long)} random UNPREDEP games of {DEBRIEF_TURNS} turns")
    return long[:count]


def debrief(root: Path, save: Path) -> tuple[float, str]:
    """Whole-process time of `report SAVE --out x.html` (100 futures for the decisions that mattered)."""
    with tempfile.TemporaryDirectory() as tmp:
        seconds, _ = run(root, ["main.py", "report", str(save), "--out", f"{tmp}/debrief.html"])
    return seconds, f"{seconds:.2f} s (cpu {CPU[0]:.1f} s)"


def class_summary(root: Path, folder: Path) -> tuple[float, str]:
    """Whole-process time of `report FOLDER --out class.html` over 30 saves."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "class.html"
        seconds, _ = run(root, ["main.py", "report", str(folder), "--out", str(out)])
        keys = "with key decisions" if "decisions that mattered" in out.read_text(encoding="utf-8").lower() else \
            "no key decisions"
    return seconds, f"{seconds:.2f} s (cpu {CPU[0]:.1f} s, {keys})"


def balance(root: Path, scenario: str) -> tuple[float, str]:
    """Whole-process time of `balance SCENARIO --json` with its defaults, and the games per policy it played."""
    seconds, out = run(root, ["main.py", "balance", scenario, "--json"])
    return seconds, f"{seconds:.2f} s (cpu {CPU[0]:.1f} s, {json.loads(out)['runs']} games)"


# -- the table -------------------------------------------------------------------------------------------------
def median_of(repeats: int, measure) -> tuple[float, str]:
    results = sorted((measure() for _ in range(repeats)), key=lambda r: r[0])
    return results[len(results) // 2]


def shipped_ids() -> list[str]:
    return sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="DIR", help="another checkout to measure side by side")
    parser.add_argument("--only", nargs="*", default=[], help="measure only these (monte-carlo, debrief, class, "
                        "advisor, balance; or random, passive, greedy: those Monte Carlo rows)")
    parser.add_argument("--repeats", type=int, default=3, help="Monte Carlo repeats, median kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="a tenth of the Monte Carlo games")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    roots = [("before", Path(args.before).resolve())] if args.before else []
    roots.append(("now", ROOT))
    wanted = set(args.only) or {"monte-carlo", "debrief", "class", "advisor", "balance"}
    print(f"$ python benchmarks/speed.py {shlex.join(argv if argv is not None else sys.argv[1:])}".rstrip())
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f} at the start; Brinksmanship: {BRINKSMANSHIP_TURNS_PER_S:,} turns/s")
    print(f"| measure | goal | {' | '.join(name for name, _ in roots)} |")
    print(f"|---|---|{'---|' * len(roots)}")

    def row(name: str, measures) -> None:
        cells = [measures(root)[1] for _, root in roots]
        print(f"| {name} | {GOALS.get(name.split()[0] if name.startswith('balance') else name, '')} | "
              f"{' | '.join(cells)} |", flush=True)

    policies = wanted & {"random", "passive", "greedy"}
    if "monte-carlo" in wanted or policies:
        for name, scenario, policy, games in MONTE_CARLO:
            if "monte-carlo" not in wanted and policy not in policies:
                continue
            n = max(10, games // 10) if args.quick else games
            row(f"{name}", lambda root, s=scenario, p=policy, n=n: median_of(
                args.repeats, lambda: monte_carlo(root, s, p, n)))
    if wanted & {"debrief", "class"}:
        with tempfile.TemporaryDirectory() as tmp:
            folders = {}
            for label, root in roots:
                folders[label] = Path(tmp) / label
                saves = unpredep_saves(root, folders[label] / "all", CLASS_SIZE)
                (folders[label] / "class").mkdir()
                for save in saves:
                    save.rename(folders[label] / "class" / save.name)
            first = {label: sorted((folders[label] / "class").glob("*.json"))[0] for label, _ in roots}
            if "debrief" in wanted:
                print(f"| debrief | {GOALS['debrief']} | "
                      f"{' | '.join(debrief(root, first[label])[1] for label, root in roots)} |", flush=True)
            if "class" in wanted:
                print(f"| class | {GOALS['class']} | "
                      f"{' | '.join(class_summary(root, folders[label] / 'class')[1] for label, root in roots)} |",
                      flush=True)
    if "advisor" in wanted:
        row("advisor Cuba", lambda root: advisor(root, CUBA))
        row("advisor UNPREDEP", lambda root: advisor(root, UNPREDEP))
    if "balance" in wanted:
        for scenario in shipped_ids():
            row(f"balance {scenario}", lambda root, s=scenario: balance(root, s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
