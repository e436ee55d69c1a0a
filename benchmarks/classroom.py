"""Class server benchmark: simulated browsers over loopback play a whole scenario in the class protocol, and we
report the turn-resolution latency (median and p99), the server processes' CPU time (user + system) and memory,
and what the simulated browsers themselves cost. A plain script, not a test:

    python benchmarks/classroom.py [SCENARIO] [--students N] [--sessions S] [--delegations]
                                   [--together P | --think S] [--workers W] [--nice N] [--root DIR]
                                   [--compare DIR]

Without --students it measures the two standard classes: 40 students on one session, then 10 sessions of 30.
Each session is one `host` process (one class per server, as a teacher runs it). Every student joins from its
own loopback address (127.0.x.y), as every device in a room has its own, so the per-device limits apply as in
class; the teacher's dashboard is connected to every session and receives every update.

The browsers run in --workers client processes (default: one per 40 browsers, at most 8), so that 300 of them do
not queue behind one another in one event loop. They keep the server's keepalive: the server pings every socket
every 20 s and closes one whose answer takes 20 s, as it would a browser's; a socket closed before its game
ended is counted as a drop and reported. Every time is read from the system's monotonic clock, which all the
processes share, so a submission sent by one process and a page received by another are compared directly.

Solo classes (the default):
- `--together P` (default 3): the class ends each turn together, as when the teacher says "end your turn now":
  every P seconds each student sends the orders of the turn in front of them (sessions are staggered across the
  period). A class turn's latency is from the class's last submission until every student has received their new
  turn and the teacher's dashboard shows each of them on it. Each submission's own latency (until the student's
  page and the dashboard row) is reported too.
- `--think S`: every student reads each page for a random time up to S seconds and goes on alone; the latency is
  each submission's, until both that student's page and the dashboard showing them on the new turn have arrived.
  A small S (0.05) is a class clicking as fast as it can: it measures the server's throughput, not a wait.

With --delegations every session is a delegations class: the students are spread over the seats (the office and
each party), one member of each team sends its team's orders every turn, up to --think seconds (default 1) after
its page of the turn arrived (the office a random open action, a party a random decision), and the latency is
from the turn's last submission to each page — every student's and the teacher's — showing the new turn.

The server's CPU is read from /proc for the server processes only, from the moment every browser is connected
(what connecting them cost is reported apart) to the end; the browsers' CPU is their own processes'. --nice N
lowers the browsers' priority (they then yield a core to the servers when both want it). --root DIR measures
the server of another checkout with the same simulated class; --compare DIR runs the server of a second
checkout in the same run, its sessions interleaved with the first's, so that both versions meet the same
machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import math
import multiprocessing
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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
BROWSERS_PER_WORKER = 40
MAX_WORKERS = 8
RECV_TIMEOUT = 120.0  # seconds: a page that has not come by then is a failure of the run, not a slow turn
clock = time.monotonic  # CLOCK_MONOTONIC: one clock for every process of the machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(scenario: str, db: Path, port: int, delegations: bool = False, root: Path = ROOT) -> subprocess.Popen:
    kind = ["--delegations"] if delegations else []
    proc = subprocess.Popen([sys.executable, "main.py", "host", scenario, "--db", str(db), "--port", str(port),
                             "--local", *kind], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(1200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not start")


def join(port: int, name: str, source: str, seat: str | None = None) -> str:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    body = {"name": name} | ({"seat": seat} if seat else {})
    con.request("POST", "/api/join", json.dumps(body), {"Content-Type": "application/json"})
    data = json.loads(con.getresponse().read())
    con.close()
    return data["token"]


def http_get(port: int, path: str) -> bytes:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    con.request("GET", path)
    data = con.getresponse().read()
    con.close()
    return data


def cpu_and_memory(pid: int) -> tuple[float, int, int]:
    """CPU seconds (user + system), resident memory and peak resident memory in bytes of one process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    status = Path(f"/proc/{pid}/status").read_text()
    peak = next((int(line.split()[1]) * 1024 for line in status.splitlines() if line.startswith("VmHWM:")), rss)
    return cpu, rss, peak


# -- the simulated browsers (one worker process holds a share of them) ---------------------------------------------
@dataclass(frozen=True)
class Browser:
    """One simulated page: a student's (token, source address, seat) or the teacher's dashboard (token only)."""

    session: int
    port: int
    token: str
    name: str
    source: str = "127.0.0.1"
    role: str | None = None
    teacher: bool = False
    sender: bool = False  # delegations: the member who sends the team's orders
    students: int = 0  # the teacher's page: how many students its dashboard lists


@dataclass(frozen=True)
class Plan:
    """What every worker shares: the kind of class, its pacing, and the moment the class starts playing."""

    delegations: bool
    think: float
    together: float  # solo: seconds between the class's turns (0: --think pacing)
    sessions: int
    start: float  # on `clock`


@dataclass
class Record:
    """What one worker saw, as plain tuples for the coordinator (every time on `clock`)."""

    sends: list = field(default_factory=list)  # (session, name, step, sent)  — the submission that played `step`
    pages: list = field(default_factory=list)  # (session, name, step, heading, done, arrived)
    rows: list = field(default_factory=list)  # solo dashboard: (session, name, heading, done, arrived)
    turns: list = field(default_factory=list)  # delegations: (session, page, turn, arrived) a page first showing it
    drops: list = field(default_factory=list)  # (session, name, why)
    played: int = 0


def ws_url(b: Browser) -> str:
    return f"ws://127.0.0.1:{b.port}/ws/teacher" if b.teacher else f"ws://127.0.0.1:{b.port}/ws"


def open_socket(b: Browser):
    """A socket as a browser opens it: no pings of its own (browsers send none), answering the server's."""
    local = None if b.teacher else (b.source, 0)
    return connect(ws_url(b), local_addr=local, max_size=None, ping_interval=None, open_timeout=60,
                   close_timeout=1, compression=None)


async def recv(ws) -> tuple[str, float]:
    raw = await asyncio.wait_for(ws.recv(), RECV_TIMEOUT)
    return raw, clock()


async def sleep_until(moment: float) -> None:
    delay = moment - clock()
    if delay > 0:
        await asyncio.sleep(delay)


def orders_of(page: dict, rng: random.Random, quiet: bool = False) -> list[dict]:
    """One random open action of the page; `quiet`: only one that puts nothing to a party (in a delegations class
    a proposal or a private appeal waits for the party team's answer, which these simulated teams do not give)."""
    open_ = [a for a in page["instruments"] if not quiet or (a["use"] != "private_appeal" and a["mode"] is None)]
    picked = rng.sample(open_, k=min(1, len(open_)))
    return [{"use": a["use"], "target": a["target"], "mode": a["mode"]} for a in picked]


async def solo_student(b: Browser, plan: Plan, rng: random.Random, rec: Record) -> None:
    """Play a whole game: each turn a random open action (none when it is refused)."""
    async with open_socket(b) as ws:
        await ws.send(json.dumps({"type": "hello", "token": b.token}))
        page = json.loads((await recv(ws))[0])["page"]
        await sleep_until(plan.start)
        offset = plan.together * b.session / max(1, plan.sessions)
        step = 0
        while not page["done"]:
            if plan.together:  # the teacher's "end your turn now", for everyone within 50 ms
                await sleep_until(plan.start + offset + step * plan.together + rng.uniform(0.0, 0.05))
            else:
                await asyncio.sleep(rng.uniform(0.0, plan.think))
            for orders in (orders_of(page, rng), []):
                sent = clock()
                await ws.send(json.dumps({"type": "submit", "turn": page["turn"], "choices": {}, "actions": orders}))
                raw, arrived = await recv(ws)
                reply = json.loads(raw)
                if reply["type"] == "page":
                    page = reply["page"]
                    step += 1
                    rec.sends.append((b.session, b.name, step, sent))
                    rec.pages.append((b.session, b.name, step, page["heading"], page["done"], arrived))
                    rec.played += 1
                    break


async def solo_teacher(b: Browser, rec: Record) -> None:
    """The teacher's dashboard, open until it shows every student's game ended: notes each student's row as it
    changes."""
    last: dict[str, tuple] = {}
    async with open_socket(b) as ws:
        await ws.send(json.dumps({"type": "hello", "token": b.token}))
        while True:
            raw, arrived = await recv(ws)
            msg = json.loads(raw)
            if msg["type"] != "dashboard":
                continue
            rows = msg["dashboard"]["students"]
            for row in rows:
                now = (row["turn"], row["done"])
                if last.get(row["name"]) != now:
                    last[row["name"]] = now
                    rec.rows.append((b.session, row["name"], row["turn"], row["done"], arrived))
            if len(rows) >= b.students and all(row["done"] for row in rows):
                return


async def delegation_page(b: Browser, plan: Plan, rng: random.Random, rec: Record) -> None:
    """One page of a delegations class, open until the shared game ends; a team's sender sends its orders for each
    new turn (the office's again with no action when they are refused)."""
    key = "dashboard" if b.teacher else "page"
    async with open_socket(b) as ws:
        await ws.send(json.dumps({"type": "hello", "token": b.token}))
        seen, done, page = -1, False, None
        sending: asyncio.Task | None = None

        async def send_orders(turn: int, orders: list[dict] | None) -> None:
            await sleep_until(plan.start)
            if orders is not None:
                await asyncio.sleep(rng.uniform(0.0, plan.think))
            if b.role == "sg":
                msg = {"type": "submit", "turn": turn, "choices": {}, "actions": orders or []}
            else:
                msg = {"type": "decide", "turn": turn, "decision": rng.choice(["escalate", "hold", "step_back"])}
            rec.sends.append((b.session, b.name, turn, clock()))
            await ws.send(json.dumps(msg))

        while not done:
            raw, arrived = await recv(ws)
            msg = json.loads(raw)
            if msg["type"] == "error" and b.sender and page is not None and msg.get("code") == "illegal":
                sending = asyncio.create_task(send_orders(page["turn"], None))
                continue
            if msg["type"] != key:
                continue
            body = msg[key]
            world = body["world"] if b.teacher else body
            if not b.teacher:
                page = body
            if world["turn"] > seen or (world["done"] and not done):
                if seen >= 0:
                    rec.turns.append((b.session, b.name, seen, arrived))  # the turn `seen` was played
                seen, done = world["turn"], world["done"]
                if b.sender and not done:
                    orders = orders_of(body, rng, quiet=True) if b.role == "sg" else []
                    sending = asyncio.create_task(send_orders(seen, orders))
        if sending is not None:
            sending.cancel()


async def play_share(browsers: list[Browser], plan: Plan, seed: int) -> Record:
    rec = Record()
    rng = random.Random(seed)
    tasks = []
    for b in browsers:
        own = random.Random(rng.random())
        if plan.delegations:
            coro = delegation_page(b, plan, own, rec)
        elif b.teacher:
            coro = solo_teacher(b, rec)
        else:
            coro = solo_student(b, plan, own, rec)
        tasks.append((b, asyncio.create_task(coro)))
    for b, task in tasks:
        try:
            await task
        except (ConnectionClosed, OSError, TimeoutError) as exc:
            rec.drops.append((b.session, b.name, f"{type(exc).__name__}: {exc}"))
    return rec


def worker(browsers: list[Browser], plan: Plan, seed: int, nice: int) -> dict:
    """A client process: its share of the browsers, played on one event loop; what it saw and its own CPU."""
    if nice:
        os.nice(nice)
    before = resource.getrusage(resource.RUSAGE_SELF)
    rec = asyncio.run(play_share(browsers, plan, seed))
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"record": rec, "cpu": cpu}


# -- what the records say ------------------------------------------------------------------------------------------
def solo_latencies(rec: Record) -> tuple[list[float], list[float], int]:
    """Each submission's latency (until both the student's page and the dashboard row showing the new turn came),
    each class turn's (the class's last submission of a step until the last of those pages and rows), and how
    many turns never reached the dashboard."""
    steps: dict[tuple, dict] = {}
    for session, name, step, heading, done, __ in rec.pages:
        steps.setdefault((session, name), {})[(heading, done)] = step
    rows: dict[tuple, list] = {}
    for session, name, heading, done, arrived in rec.rows:
        rows.setdefault((session, name), []).append((arrived, heading, done))
    sent = {(s, n, step): t for s, n, step, t in rec.sends}
    each, classes, missing = [], {}, 0
    for session, name, step, __, __, arrived in rec.pages:
        known = steps[(session, name)]
        shown = min((t for t, heading, done in rows.get((session, name), [])
                     if known.get((heading, done), -1) >= step), default=math.inf)
        if shown == math.inf:
            missing += 1
            continue
        start = sent[(session, name, step)]
        each.append(max(arrived, shown) - start)
        last_sent, last_seen = classes.get((session, step), (0.0, 0.0))
        classes[(session, step)] = (max(last_sent, start), max(last_seen, arrived, shown))
    return each, [seen - sent for sent, seen in classes.values()], missing


def delegation_latencies(rec: Record) -> tuple[list[float], int]:
    """Each page's latency for each shared turn: from that turn's last submission (by any team) until the page
    first showed the turn after it (or the end); and how many (page, turn) pairs never came."""
    last: dict[tuple, float] = {}
    for session, __, turn, t in rec.sends:
        last[(session, turn)] = max(last.get((session, turn), 0.0), t)
    out = []
    for session, __, turn, arrived in rec.turns:
        if (session, turn) in last:
            out.append(arrived - last[(session, turn)])
    pages = {(s, n) for s, n, __, __ in rec.turns}
    turns = {(s, t) for s, t in last}
    expected = sum(1 for s, __ in pages for ss, __ in turns if ss == s)
    return out, expected - len(out)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def spread(values: list[float]) -> dict:
    if not values:
        return {"n": 0, "median_ms": math.nan, "p99_ms": math.nan, "max_ms": math.nan}
    return {"n": len(values), "median_ms": statistics.median(values) * 1000, "p99_ms": percentile(values, 0.99) * 1000,
            "max_ms": max(values) * 1000}


# -- one measured run ----------------------------------------------------------------------------------------------
def run(scenario: str, students: int, sessions: int, *, delegations: bool = False, think: float = 0.0,
        together: float = 3.0, workers: int | None = None, nice: int = 0, roots: tuple[Path, ...] = (ROOT,)
        ) -> list[dict]:
    """One measured class of `sessions` × `students` on the server of each checkout of `roots`, all at the same
    time (their sessions interleaved, so every server meets the same machine); one result per root."""
    folder = Path(tempfile.mkdtemp(prefix="classroom-bench-"))
    servers, browsers, root_of = [], [], []
    try:
        for s in range(sessions * len(roots)):
            root = roots[s % len(roots)]
            root_of.append(root)
            port, db = free_port(), folder / f"class{s}.sqlite"
            servers.append(start(scenario, db, port, delegations, root))
            with sqlite3.connect(db) as con:
                teacher_token = con.execute("SELECT teacher_token FROM sessions").fetchone()[0]
            roles = [seat["id"] for seat in json.loads(http_get(port, "/api/labels"))["seats"]] if delegations else []
            for n in range(students):
                source = f"127.0.{1 + s}.{1 + n}"
                role = roles[n % len(roles)] if roles else None
                browsers.append(Browser(s, port, join(port, f"student {n}", source, role), f"student {n}", source,
                                        role, sender=bool(role) and n < len(roles)))
            browsers.append(Browser(s, port, teacher_token, "teacher", teacher=True, students=students))
        count = workers or max(1, min(MAX_WORKERS, math.ceil(len(browsers) / BROWSERS_PER_WORKER)))
        shares = [browsers[i::count] for i in range(count)]
        settle = 3.0 + len(browsers) / 50  # every browser connects and reads its first page before the class starts
        plan = Plan(delegations, think, 0.0 if delegations else together, len(servers), clock() + settle)
        joined = [cpu_and_memory(p.pid) for p in servers]
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            running = pool.map(worker, shares, [plan] * count, range(count), [nice] * count)
            time.sleep(max(0.0, plan.start - clock() - 0.05))
            before = [cpu_and_memory(p.pid) for p in servers]  # the class's turns from here on
            results = list(running)
        wall = clock() - plan.start
        after = [cpu_and_memory(p.pid) for p in servers]
    finally:
        for p in servers:
            p.kill()
            p.wait()
    rec = Record()
    for r in results:
        for name in ("sends", "pages", "rows", "turns", "drops"):
            getattr(rec, name).extend(getattr(r["record"], name))
    client_cpu = sum(r["cpu"] for r in results)
    out = []
    for root in roots:
        mine = {s for s, r in enumerate(root_of) if r == root}
        out.append(measured(of_sessions(rec, mine), [(joined[s], before[s], after[s]) for s in sorted(mine)],
                            delegations) | {
            "root": root, "sessions": sessions, "students": students, "wall_s": wall, "workers": count,
            "client_cpu_s": client_cpu / len(roots), "load": os.getloadavg()[0]})
    for r in out:
        r["client_ms_per_turn"] = r["client_cpu_s"] / max(1, r["turns"]) * 1000
    return out


def of_sessions(rec: Record, sessions: set[int]) -> Record:
    """The part of a record that is about `sessions`."""
    part = Record()
    for name in ("sends", "pages", "rows", "turns", "drops"):
        getattr(part, name).extend(row for row in getattr(rec, name) if row[0] in sessions)
    part.played = len(part.pages)
    return part


def measured(rec: Record, cpu: list[tuple], delegations: bool) -> dict:
    """The latencies, turns, drops and server figures of one server version's sessions."""
    out: dict = {}
    if delegations:
        latencies, missing = delegation_latencies(rec)
        turns = len({(s, t) for s, __, t, __ in rec.sends})
        out["pages"] = spread(latencies)
    else:
        each, classes, missing = solo_latencies(rec)
        turns = rec.played
        out["each"], out["classes"] = spread(each), spread(classes)
    server = sum(a[0] - b[0] for __, b, a in cpu)
    return out | {
        "turns": turns, "missing": missing, "drops": rec.drops,
        "server_cpu_s": server, "server_ms_per_turn": server / max(1, turns) * 1000,
        "connect_cpu_s": sum(b[0] - j[0] for j, b, __ in cpu),
        "rss_mb_each": max(a[1] for __, __, a in cpu) / 1e6, "peak_mb_each": max(a[2] for __, __, a in cpu) / 1e6,
        "rss_mb_total": sum(a[1] for __, __, a in cpu) / 1e6,
    }


def described(r: dict, delegations: bool, together: float) -> str:
    def ms(s: dict) -> str:
        return f"median {s['median_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms, max {s['max_ms']:.1f} ms (n={s['n']})"

    lines = [f"{r['sessions']} session(s) of {r['students']} students on the server of {r['root']}, {r['turns']} "
             f"turns played in {r['wall_s']:.1f} s, browsers in {r['workers']} process(es)"]
    if delegations:
        lines.append(f"  last submission -> each page (students' and teacher's) on the new turn: {ms(r['pages'])}")
    else:
        if together:
            lines.append(f"  class turn, last submission -> every page and the dashboard: {ms(r['classes'])}")
        lines.append(f"  each submission -> the student's page and the dashboard row: {ms(r['each'])}")
    if r["missing"]:
        lines.append(f"  {r['missing']} turns never reached a page or the dashboard")
    lines.append(f"  dropped connections: {len(r['drops'])}" + "".join(f"\n    {d}" for d in r["drops"][:10]))
    lines.append(f"  server CPU (user+system, server processes only) over the turns {r['server_cpu_s']:.2f} s = "
                 f"{r['server_ms_per_turn']:.2f} ms per turn (connecting every browser before: "
                 f"{r['connect_cpu_s']:.2f} s); memory {r['rss_mb_each']:.0f} MB per server at the end "
                 f"(peak {r['peak_mb_each']:.0f} MB, {r['rss_mb_total']:.0f} MB in all)")
    lines.append(f"  simulated browsers' CPU {r['client_cpu_s']:.2f} s = {r['client_ms_per_turn']:.2f} ms per turn "
                 f"(their share of this run's); machine load average {r['load']:.1f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="cuban_missile_crisis_1962")
    parser.add_argument("--students", type=int, help="students per session (default: both standard classes)")
    parser.add_argument("--sessions", type=int, default=1)
    parser.add_argument("--delegations", action="store_true", help="delegations classes instead of solo ones")
    pacing = parser.add_mutually_exclusive_group()
    pacing.add_argument("--together", type=float, default=None, metavar="P",
                        help="solo: the class ends each turn together every P seconds (default 3)")
    pacing.add_argument("--think", type=float, default=None, metavar="S",
                        help="solo: each student reads each page up to S seconds and goes on alone; delegations: a "
                             "team sends its orders up to S seconds after its page (default 1)")
    parser.add_argument("--workers", type=int, help=f"client processes (default: one per {BROWSERS_PER_WORKER} "
                                                    f"browsers, at most {MAX_WORKERS})")
    parser.add_argument("--nice", type=int, default=0, help="niceness added to the client processes (default 0)")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the checkout whose server is measured (default: this one)")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="also measure the server of the checkout DIR in the same run, its sessions interleaved "
                             "with --root's, so both meet the same machine load")
    args = parser.parse_args()
    if args.delegations and args.together is not None:
        parser.error("--together is for solo classes; a delegations turn is played when every team has sent")
    think = args.think if args.think is not None else (1.0 if args.delegations else 0.0)
    together = 0.0 if args.delegations or args.think is not None else (args.together or 3.0)
    plans = [(args.students, args.sessions)] if args.students else [(40, 1), (30, 10)]
    kind = "delegations" if args.delegations else "solo"
    pace = f"think up to {think} s" if not together else f"the class ends each turn together every {together} s"
    roots = (args.root.resolve(), *((args.compare.resolve(),) if args.compare else ()))
    print(f"{args.scenario}, {kind} classes, {pace}; on {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores", flush=True)
    for students, sessions in plans:
        for r in run(args.scenario, students, sessions, delegations=args.delegations, think=think, together=together,
                     workers=args.workers, nice=args.nice, roots=roots):
            print(described(r, args.delegations, together), flush=True)


if __name__ == "__main__":
    main()
