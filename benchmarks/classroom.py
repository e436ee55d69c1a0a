"""Class server benchmark: simulated students over loopback play a whole scenario in the browser protocol, and
we report the turn-resolution latency as median and p99, with the server processes' CPU time and memory. A plain
script, not a test:

    python benchmarks/classroom.py [SCENARIO] [--students N] [--sessions S] [--delegations] [--think S] [--root DIR]

Each session is one `host` process (one class per server, as a teacher runs it). Every student joins from its
own loopback address (127.0.0.x), as every device in a room has its own, so the per-device limits apply as in
class; a teacher's dashboard is connected to every session and receives every update.

In a solo class each student's turn is their own game's, so the latency is from a student's submission until
both their page of the new turn and the teacher's dashboard showing them on it have arrived (every client that
sees that turn). Each student reads every page for a random time up to --think seconds before sending the next
orders: the default 0.05 s is a class clicking as fast as it can, so the figure measures the server's
throughput under the worst load (every student waits for all those queued before them); --think 4 is still far
busier than a class (a student deciding a turn every two seconds on average) and shows the latency one
student sees.

With --delegations every session is a delegations class: the students are spread over the seats (the office
and each party), one member of each team sends its team's orders every turn (the office a random open action,
a party a random decision), and the latency is from the turn's last submission to each page — every student's
and the teacher's — showing the new turn.

--root DIR measures the server of another checkout (the same simulated class), to compare two versions under
the same machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
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
# The simulated browsers send no keepalive pings: on a machine with no free core a ping's answer can come late
# enough to close the connection, which measures the harness, not the class server.
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(scenario: str, db: Path, port: int, delegations: bool = False, root: Path = ROOT) -> subprocess.Popen:
    kind = ["--delegations"] if delegations else []
    proc = subprocess.Popen([sys.executable, "main.py", "host", scenario, "--db", str(db), "--port", str(port),
                             "--local", *kind], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def join(port: int, name: str, source: str, seat: str | None = None) -> str:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10, source_address=(source, 0))
    body = {"name": name} | ({"seat": seat} if seat else {})
    con.request("POST", "/api/join", json.dumps(body), {"Content-Type": "application/json"})
    data = json.loads(con.getresponse().read())
    con.close()
    return data["token"]


def http_get(port: int, path: str) -> bytes:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    con.request("GET", path)
    data = con.getresponse().read()
    con.close()
    return data


def cpu_and_memory(pid: int) -> tuple[float, int]:
    """CPU seconds (user + system) and resident memory in bytes of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    return cpu, rss


async def student(port: int, token: str, source: str, rng: random.Random, turns_seen: list[tuple], think: float
                  ) -> int:
    """Play a whole game: each turn a random open action (or none when refused); returns the turns played.

    Every new page is noted in `turns_seen` as (student, step, sent, arrived): the step-th page this student saw
    after a submission, when the submission was sent and when the page came."""
    async with connect(f"ws://127.0.0.1:{port}/ws", local_addr=(source, 0), max_size=None, ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        page = json.loads(await ws.recv())["page"]
        name, steps = f"{port}/{page['player']}", {(page["heading"], page["done"]): 0}
        turns = 0
        while not page["done"]:
            await asyncio.sleep(rng.uniform(0.0, think))  # each student reads the page for a while
            picked = rng.sample(page["instruments"], k=min(1, len(page["instruments"])))
            for orders in (picked, []):
                sent = time.perf_counter()
                await ws.send(json.dumps({"type": "submit", "turn": page["turn"], "choices": {},
                                          "actions": [{"use": a["use"], "target": a["target"], "mode": a["mode"]}
                                                      for a in orders]}))
                reply = json.loads(await ws.recv())
                if reply["type"] == "page":
                    page = reply["page"]
                    turns += 1
                    steps[(page["heading"], page["done"])] = turns
                    turns_seen.append((name, steps, turns, sent, time.perf_counter()))
                    break
        return turns


async def teacher(port: int, token: str, stop: asyncio.Event, rows_seen: dict[str, list[tuple]]) -> int:
    """The teacher's dashboard, open all along: notes when each student's row changed, in `rows_seen`
    (student -> [(arrived, heading, done)])."""
    updates = 0
    async with connect(f"ws://127.0.0.1:{port}/ws/teacher", max_size=None, ping_interval=None) as ws:
        await ws.send(json.dumps({"type": "hello", "token": token}))
        while not stop.is_set():
            try:
                raw = await asyncio.wait_for(ws.recv(), 0.2)
            except TimeoutError:
                continue
            arrived = time.perf_counter()
            updates += 1
            msg = json.loads(raw)
            if msg["type"] != "dashboard":
                continue
            for row in msg["dashboard"]["students"]:
                seen = rows_seen.setdefault(f"{port}/{row['name']}", [])
                if not seen or seen[-1][1:] != (row["turn"], row["done"]):
                    seen.append((arrived, row["turn"], row["done"]))
    return updates


def solo_latencies(turns_seen: list[tuple], rows_seen: dict[str, list[tuple]]) -> list[float]:
    """For each submission, the time until both the student's page and the teacher's dashboard showed the new
    turn (a dashboard that skipped to a later turn of that student counts as showing it)."""
    out = []
    for name, steps, step, sent, arrived in turns_seen:
        shown = [t for t, heading, done in rows_seen.get(name, []) if steps.get((heading, done), -1) >= step]
        out.append(max(arrived, min(shown, default=float("inf"))) - sent)
    return out


async def play_class(sessions: list[tuple[int, str, list[tuple[str, str]]]], latencies: list[float], think: float
                     ) -> int:
    stop = asyncio.Event()
    rows_seen: dict[str, list[tuple]] = {}
    watchers = [asyncio.create_task(teacher(port, teacher_token, stop, rows_seen))
                for port, teacher_token, _ in sessions]
    await asyncio.sleep(0.3)
    rng = random.Random(7)
    turns_seen: list[tuple] = []
    players = [student(port, token, source, random.Random(rng.random()), turns_seen, think)
               for port, _, seats in sessions for token, source in seats]
    turns = sum(await asyncio.gather(*players))
    waited = time.perf_counter()
    while (any(latency == float("inf") for latency in solo_latencies(turns_seen, rows_seen))
           and time.perf_counter() - waited < 30):  # the last dashboards, on a loaded machine
        await asyncio.sleep(0.2)
    stop.set()
    await asyncio.gather(*watchers)
    latencies += solo_latencies(turns_seen, rows_seen)
    return turns


class Page:
    """One open page of a delegations class: the turn it shows and when each new turn reached it."""

    def __init__(self, ws, path_turn: int) -> None:
        self.ws = ws
        self.turn = path_turn
        self.page: dict = {}
        self.arrived: dict[int, float] = {}
        self.changed = asyncio.Event()

    async def read(self, key: str) -> None:
        async for raw in self.ws:
            msg = json.loads(raw)
            if msg["type"] != key:
                continue
            body = msg[key]
            turn = body["world"]["turn"] if key == "dashboard" else body["turn"]
            done = body["world"]["done"] if key == "dashboard" else body["done"]
            if key == "page":
                self.page = body
            if turn > self.turn or done:
                self.arrived.setdefault(turn, time.perf_counter())
                self.turn = turn
            self.changed.set()


async def delegation_session(port: int, teacher_token: str, seats: list[tuple[str, str, str]], rng: random.Random,
                             latencies: list[float]) -> int:
    """Play a delegations class to its end; returns the shared turns played."""
    async with contextlib.AsyncExitStack() as stack:
        pages, senders = [], {}
        for token, source, role in seats:
            ws = await stack.enter_async_context(connect(f"ws://127.0.0.1:{port}/ws", local_addr=(source, 0),
                                                         max_size=None, ping_interval=None))
            await ws.send(json.dumps({"type": "hello", "token": token}))
            page = Page(ws, 0)
            pages.append(page)
            senders.setdefault(role, page)
        board = await stack.enter_async_context(connect(f"ws://127.0.0.1:{port}/ws/teacher", max_size=None,
                                                        ping_interval=None))
        await board.send(json.dumps({"type": "hello", "token": teacher_token}))
        watcher = Page(board, 0)
        readers = [asyncio.create_task(p.read("page")) for p in pages]
        readers.append(asyncio.create_task(watcher.read("dashboard")))
        everyone = [*pages, watcher]
        while any(not p.page for p in senders.values()):
            await asyncio.sleep(0.01)
        turns = 0
        while not next(iter(senders.values())).page["done"]:
            turn = next(iter(senders.values())).page["turn"]
            order = list(senders.items())
            rng.shuffle(order)
            last = 0.0
            for role, page in order:
                await asyncio.sleep(rng.uniform(0.0, 0.02))
                if role == "sg":
                    # an action that puts nothing to a party: a proposal or an appeal would wait for its answer
                    quiet = [a for a in page.page["instruments"]
                             if a["use"] != "private_appeal" and a["mode"] is None]
                    picked = rng.sample(quiet, k=min(1, len(quiet)))
                    msg = {"type": "submit", "turn": turn, "choices": {},
                           "actions": [{"use": a["use"], "target": a["target"], "mode": a["mode"]} for a in picked]}
                else:
                    msg = {"type": "decide", "turn": turn, "decision": rng.choice(["escalate", "hold", "step_back"])}
                last = time.perf_counter()
                await page.ws.send(json.dumps(msg))
            waited = time.perf_counter()
            while any(p.turn <= turn for p in everyone):
                if "sg" in senders and time.perf_counter() - waited > 5:  # the office's action was refused
                    last = waited = time.perf_counter()
                    await senders["sg"].ws.send(json.dumps({"type": "submit", "turn": turn, "choices": {},
                                                            "actions": []}))
                await asyncio.sleep(0.002)
            latencies += [p.arrived[turn + 1] - last for p in everyone if turn + 1 in p.arrived]
            turns += 1
            while any(p.page.get("turn", -1) <= turn and not p.page.get("done") for p in senders.values()):
                await asyncio.sleep(0.002)
        for task in readers:
            task.cancel()
        return turns


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def play_delegations(sessions: list[tuple[int, str, list[tuple[str, str, str]]]], latencies: list[float]
                           ) -> int:
    rng = random.Random(7)
    played = await asyncio.gather(*(delegation_session(port, token, seats, random.Random(rng.random()), latencies)
                                    for port, token, seats in sessions))
    return sum(played)


def run(scenario: str, students: int, sessions: int, delegations: bool = False, think: float = 0.05,
        root: Path = ROOT) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="classroom-bench-"))
    servers, plan = [], []
    for s in range(sessions):
        port, db = free_port(), folder / f"class{s}.sqlite"
        servers.append(start(scenario, db, port, delegations, root))
        with sqlite3.connect(db) as con:
            teacher_token = con.execute("SELECT teacher_token FROM sessions").fetchone()[0]
        roles = [seat["id"] for seat in json.loads(http_get(port, "/api/labels"))["seats"]] if delegations else []
        seats = []
        for n in range(students):
            source = f"127.0.{1 + s}.{1 + n}"
            role = roles[n % len(roles)] if roles else None
            seats.append((join(port, f"student {n}", source, role), source, role))
        plan.append((port, teacher_token, seats))
    before = [cpu_and_memory(p.pid) for p in servers]
    latencies: list[float] = []
    started, client_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    if delegations:
        turns = asyncio.run(play_delegations(plan, latencies))
    else:
        turns = asyncio.run(play_class([(port, token, [(t, src) for t, src, _ in seats])
                                        for port, token, seats in plan], latencies, think))
    wall = time.perf_counter() - started
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = (client_after.ru_utime + client_after.ru_stime) - (client_before.ru_utime + client_before.ru_stime)
    after = [cpu_and_memory(p.pid) for p in servers]
    for p in servers:
        p.kill()
        p.wait()
    cpu = sum(a[0] - b[0] for a, b in zip(after, before, strict=True))
    shown = [latency for latency in latencies if latency != float("inf")]
    return {
        "sessions": sessions, "students": students, "turns": turns, "wall_s": wall,
        "median_ms": statistics.median(shown) * 1000, "p99_ms": percentile(shown, 0.99) * 1000,
        "max_ms": max(shown) * 1000, "never_shown": len(latencies) - len(shown),
        "server_cpu_s": cpu, "server_cpu_share": cpu / wall, "server_ms_per_turn": cpu / turns * 1000,
        "client_cpu_s": client_cpu, "load": os.getloadavg()[0],
        "rss_mb_each": max(a[1] for a in after) / 1e6, "rss_mb_total": sum(a[1] for a in after) / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="cuban_missile_crisis_1962")
    parser.add_argument("--students", type=int, help="students per session (default: both standard classes)")
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--delegations", action="store_true", help="delegations classes instead of solo ones")
    parser.add_argument("--think", type=float, default=0.05, metavar="S",
                        help="a solo student waits up to S seconds after each page before the next orders (default "
                             "0.05: the class as fast as it can click, the worst load)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the checkout whose server is measured (to compare two versions under the same load)")
    args = parser.parse_args()
    plans = [(args.students, args.sessions)] if args.students else [(40, 1), (30, 10)]
    kind = "delegations" if args.delegations else "solo"
    print(f"{args.scenario}, {kind} classes, on {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores")
    for students, sessions in plans:
        r = run(args.scenario, students, sessions, args.delegations, args.think, args.root.resolve())
        missing = f" ({r['never_shown']} turns never reached the dashboard)" if r["never_shown"] else ""
        print(f"{r['sessions']} session(s) of {r['students']} students, {r['turns']} turns played in "
              f"{r['wall_s']:.1f} s: turn latency median {r['median_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, "
              f"max {r['max_ms']:.1f} ms{missing}; server CPU {r['server_cpu_s']:.1f} s "
              f"({r['server_cpu_share']:.0%} of one core over the run, {r['server_ms_per_turn']:.1f} ms per turn), "
              f"memory {r['rss_mb_each']:.0f} MB per server ({r['rss_mb_total']:.0f} MB in all); the simulated "
              f"browsers used {r['client_cpu_s']:.1f} s of CPU; machine load average {r['load']:.1f}")


if __name__ == "__main__":
    main()
