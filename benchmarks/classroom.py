"""Class server benchmark: simulated students over loopback play a whole scenario in the browser protocol, and
we report the turn-resolution latency (from a student's submission to their page of the new turn, which is what
they wait for) as median and p99, with the server processes' CPU time and memory. A plain script, not a test:

    python benchmarks/classroom.py [SCENARIO] [--students N] [--sessions S]

Each session is one `host` process (one class per server, as a teacher runs it). Every student joins from its
own loopback address (127.0.0.x), as every device in a room has its own, so the per-device limits apply as in
class; a teacher's dashboard is connected to every session and receives every update.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import platform
import random
import resource
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(scenario: str, db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "main.py", "host", scenario, "--db", str(db), "--port", str(port),
                             "--local"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def join(port: int, name: str, source: str) -> str:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    con.request("POST", "/api/join", json.dumps({"name": name}), {"Content-Type": "application/json"})
    data = json.loads(con.getresponse().read())
    con.close()
    return data["token"]


def cpu_and_memory(pid: int) -> tuple[float, int]:
    """CPU seconds (user + system) and resident memory in bytes of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    return cpu, rss


async def student(port: int, token: str, source: str, rng: random.Random, latencies: list[float]) -> int:
    """Play a whole game: each turn a random open action (or none when refused); returns the turns played."""
    async with connect(f"ws://127.0.0.1:{port}/ws", local_addr=(source, 0), max_size=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        page = json.loads(await ws.recv())["page"]
        turns = 0
        while not page["done"]:
            picked = rng.sample(page["instruments"], k=min(1, len(page["instruments"])))
            for orders in (picked, []):
                sent = time.perf_counter()
                await ws.send(json.dumps({"type": "submit", "turn": page["turn"], "choices": {},
                                          "actions": [{"use": a["use"], "target": a["target"], "mode": a["mode"]}
                                                      for a in orders]}))
                reply = json.loads(await ws.recv())
                if reply["type"] == "page":
                    latencies.append(time.perf_counter() - sent)
                    page = reply["page"]
                    turns += 1
                    break
            await asyncio.sleep(rng.uniform(0.0, 0.05))  # students do not all click at the same instant
        return turns


async def teacher(port: int, token: str, stop: asyncio.Event) -> int:
    updates = 0
    async with connect(f"ws://127.0.0.1:{port}/ws/teacher", max_size=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        while not stop.is_set():
            try:
                await asyncio.wait_for(ws.recv(), 0.2)
                updates += 1
            except TimeoutError:
                continue
    return updates


async def play_class(sessions: list[tuple[int, str, list[tuple[str, str]]]], latencies: list[float]) -> int:
    stop = asyncio.Event()
    watchers = [asyncio.create_task(teacher(port, teacher_token, stop)) for port, teacher_token, _ in sessions]
    await asyncio.sleep(0.3)
    rng = random.Random(7)
    players = [student(port, token, source, random.Random(rng.random()), latencies)
               for port, _, seats in sessions for token, source in seats]
    turns = sum(await asyncio.gather(*players))
    stop.set()
    await asyncio.gather(*watchers)
    return turns


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(scenario: str, students: int, sessions: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="classroom-bench-"))
    servers, plan = [], []
    for s in range(sessions):
        port, db = free_port(), folder / f"class{s}.sqlite"
        servers.append(start(scenario, db, port))
        with sqlite3.connect(db) as con:
            teacher_token = con.execute("SELECT teacher_token FROM sessions").fetchone()[0]
        seats = []
        for n in range(students):
            source = f"127.0.{1 + s}.{1 + n}"
            seats.append((join(port, f"student {n}", source), source))
        plan.append((port, teacher_token, seats))
    before = [cpu_and_memory(p.pid) for p in servers]
    latencies: list[float] = []
    started, client_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    turns = asyncio.run(play_class(plan, latencies))
    wall = time.perf_counter() - started
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = (client_after.ru_utime + client_after.ru_stime) - (client_before.ru_utime + client_before.ru_stime)
    after = [cpu_and_memory(p.pid) for p in servers]
    for p in servers:
        p.kill()
        p.wait()
    cpu = sum(a[0] - b[0] for a, b in zip(after, before, strict=True))
    return {
        "sessions": sessions, "students": students, "turns": turns, "wall_s": wall,
        "median_ms": statistics.median(latencies) * 1000, "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies) * 1000,
        "server_cpu_s": cpu, "server_cpu_share": cpu / wall, "server_ms_per_turn": cpu / turns * 1000,
        "client_cpu_s": client_cpu, "load": os.getloadavg()[0],
        "rss_mb_each": max(a[1] for a in after) / 1e6, "rss_mb_total": sum(a[1] for a in after) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="cuban_missile_crisis_1962")
    parser.add_argument("--students", type=int, help="students per session (default: both standard classes)")
    parser.add_argument("--sessions", type=int, default=1)
    args = parser.parse_args()
    plans = [(args.students, args.sessions)] if args.students else [(40, 1), (30, 10)]
    print(f"{args.scenario} on {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores")
    for students, sessions in plans:
        r = run(args.scenario, students, sessions)
        print(f"{r['sessions']} session(s) of {r['students']} students, {r['turns']} turns played in "
              f"{r['wall_s']:.1f} s: turn latency median {r['median_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
              f"max {r['max_ms']:.1f} ms; server CPU {r['server_cpu_s']:.1f} s "
              f"({r['server_cpu_share']:.0%} of one core over the run, {r['server_ms_per_turn']:.1f} ms per turn), "
              f"memory {r['rss_mb_each']:.0f} MB per server ({r['rss_mb_total']:.0f} MB in all); the simulated "
              f"browsers used {r['client_cpu_s']:.1f} s of CPU; machine load average {r['load']:.1f}")


if __name__ == "__main__":
    main()
