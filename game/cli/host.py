"""`host SCENARIO|CODE [--port P] [--db FILE] [--resume] [--local] [--delegations]`: the class server for a
live class, solo (every student their own game) or delegations (teams in the seats of one shared world).

Students join from a browser on the room's network; the teacher's dashboard opens on this machine. Every input
goes into the database before its turn resolves, so `--resume` brings a killed session back exactly.
"""

from __future__ import annotations

import secrets
import socket
import sys
from pathlib import Path
from typing import TextIO

from game.i18n import _, tr, trn
from game.saves import saves_directory
from game.scenario.catalogue import ScenarioNotFound, resolve
from game.sim.session import SESSION_SEEDS, Session, encode, shipped_tags, with_scenario

from .errors import EXIT_INVALID, EXIT_USAGE, CliError
from .play import load_checked

DEFAULT_PORT = 8000
DB_NAME = "classroom.sqlite"
WS_MAX_SIZE = 1024 * 1024  # bytes; a larger frame closes its connection (messages over 16 KB are refused anyway)


def lan_address() -> str | None:
    """This machine's address on the local network (the one a route out would use), or None without one.

    Connecting a UDP socket sends nothing: it only asks the system which interface it would route through."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") or address == "0.0.0.0" else address  # noqa: S104


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port; CliError with what to do when the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CliError(tr("cannot listen on {host}:{port} ({strerror}); choose another --port",
                          host=host, port=port, strerror=exc.strerror)) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def world_of(arg: str, err: TextIO):
    """The scenario and seed SCENARIO|CODE names: a scenario gets a fresh random world, a code its own."""
    from .session import open_session

    try:
        resolve(arg)
    except ScenarioNotFound:
        shared, code, path, result, rules = open_session(arg, None, None, None, err)
        return path, result, rules, shared.seed, code
    path, result, rules = load_checked(arg, err)
    seed = secrets.randbelow(SESSION_SEEDS)
    code = encode(Session(rules.scenario.id, seed), with_scenario(shipped_tags(), rules.scenario.id))
    return path, result, rules, seed, code


def run_host(scenario_arg: str | None, port: int, db: str | None, *, resume: bool = False, local: bool = False,
             delegations: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Open (or resume) a class in the database and serve it until Ctrl-C."""
    import segno
    import uvicorn

    from game.server.app import build_app, tongues_of, warm_up
    from game.server.classroom import DELEGATIONS, SOLO, Classroom
    from game.server.store import Store, StoreError
    from game.server.transport import settle_memory

    out = out or sys.stdout
    err = err or sys.stderr
    if not 0 <= port <= 65535:
        raise CliError(tr("--port must be between 0 and 65535, not {port}", port=port), EXIT_USAGE)
    db_path = Path(db) if db else saves_directory() / DB_NAME
    if resume and not db_path.is_file():
        raise CliError(tr("{db_path}: no class database to resume; start a class with 'host SCENARIO --db FILE'",
                          db_path=db_path))
    if not resume and scenario_arg is None:
        raise CliError(_("give a SCENARIO or session CODE to host, or --resume to continue a class"))
    if resume and delegations:
        raise CliError(_("--resume continues the class as it was started; leave out --delegations"), EXIT_USAGE)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        store = Store(db_path)
        if resume:
            row = store.latest_session()
            if row is None:
                raise CliError(tr("{db_path}: the database holds no class to resume", db_path=db_path))
            where = row.scenario_path if Path(row.scenario_path).is_file() else row.scenario_id
            __, result, rules = load_checked(where, err)
            if result.digest != row.digest:
                raise CliError(tr("{scenario_path}: the scenario has changed since the class began, so its games "
                                  "cannot be replayed exactly; restore the file the class was started with",
                                  scenario_path=row.scenario_path),
                               EXIT_INVALID)
            room = Classroom.resume(store, row, rules)
        else:
            path, result, rules, seed, code = world_of(str(scenario_arg), err)
            room = Classroom.create(store, rules, scenario_path=str(path), digest=result.digest, seed=seed,
                                    code=code, kind=DELEGATIONS if delegations else SOLO)
    except StoreError as exc:
        raise CliError(exc.message, EXIT_INVALID) from None
    lan = None if local else lan_address()
    hosts = ["127.0.0.1"] if lan is None else ["127.0.0.1", lan]
    sockets = [listen(hosts[0], port)]
    port = sockets[0].getsockname()[1]
    sockets += [listen(h, port) for h in hosts[1:]]
    join_url = f"http://{hosts[-1]}:{port}/"
    teacher_url = f"http://127.0.0.1:{port}/teacher#t={room.row.teacher_token}"
    scn = rules.scenario
    what = _("Resumed") if resume else _("Hosting")
    kind = _("a delegations class (teams in the seats of one shared world)") if room.kind == DELEGATIONS else \
        _("a solo class")
    print(trn("{what} {kind} of {title} ({id}), session {code}, {n} student so far.",
              "{what} {kind} of {title} ({id}), session {code}, {n} students so far.", len(room.seats),
              what=what, kind=kind, title=scn.title, id=scn.id, code=room.row.code), file=out)
    print(tr("Students join at: {join_url}", join_url=join_url), file=out)
    if local:
        print(_("(--local: only this machine can join; leave it out to let the class join over the network.)"),
              file=out)
    elif lan is None:
        print(_("No network found: only this machine can join. Connect the laptop to the room's Wi-Fi (or start "
                "its hotspot) and run the command again."), file=out)
    segno.make(join_url, error="m").terminal(out=out, compact=True)
    print(tr("Your dashboard (keep this address to yourself): {teacher_url}", teacher_url=teacher_url), file=out)
    print(tr("Class database: {db_path} — if the server stops, 'python main.py host --resume --db {db_path}' "
             "brings the class back.",
             db_path=db_path), file=out)
    tongues = tongues_of(room)  # each browser's language: the class's is this command's (--lang)
    warm_up(room, tongues)
    # No compression of the sockets' messages: a page is a few kilobytes, nothing for a room's network, while
    # compressing it again for every student was a fifth of the server's work (benchmarks/classroom.py).
    config = uvicorn.Config(build_app(room, join_url, tongues), ws_max_size=WS_MAX_SIZE,
                            ws_per_message_deflate=False, access_log=False, log_level="warning", lifespan="off")
    settle_memory()
    print(_("Ctrl-C stops the server."), file=out, flush=True)
    try:
        uvicorn.Server(config).run(sockets=sockets)
    finally:
        store.close()
    return 0
