"""The command line of Good Offices (design §4): one parser, one function per subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from game.ui.screen_names import SCREEN_NAMES

from .errors import EXIT_INVALID, EXIT_USAGE, CliError
from .numbers import whole

PROG = "python main.py"


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line, with where to get help, and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"{self.prog}: error: {message} (see '{self.prog} --help')", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _cmd_play(args: argparse.Namespace) -> int:
    from .play import run_play

    return run_play(args.scenario, args.seed, args.text, args.load, session=args.session, player=args.player)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .validate import run_validate

    return run_validate(args.paths)


def _cmd_info(args: argparse.Namespace) -> int:
    from .info import run_info

    return run_info(args.scenario, args.json)


def _cmd_simulate(args: argparse.Namespace) -> int:
    from .simulate import run_simulate

    return run_simulate(args.scenario, args.runs, args.policy, args.seed, args.jobs, args.json,
                        save_games=args.save_games, score=args.score)


def _cmd_session(args: argparse.Namespace) -> int:
    from .session import run_session

    return run_session(args.scenario, args.seed, facilitator=args.facilitator)


def _cmd_report(args: argparse.Namespace) -> int:
    from .report import run_report

    return run_report(args.saves, args.out, args.format, args.runs, args.as_class, jobs=args.jobs)


def _cmd_new_scenario(args: argparse.Namespace) -> int:
    from .new_scenario import run_new_scenario

    return run_new_scenario(args.path, args.source)


def _cmd_screenshot(args: argparse.Namespace) -> int:
    from .screenshot import run_screenshot

    return run_screenshot(args.scenario, args.screen, args.out, args.turns, args.policy, args.seed, args.size)


def _cmd_balance(args: argparse.Namespace) -> int:
    from .balance import run_balance

    return run_balance(args.scenario, args.runs, args.seed, args.jobs, args.json)


def _cmd_host(args: argparse.Namespace) -> int:
    from .host import run_host

    return run_host(args.scenario, args.port, args.db, resume=args.resume, local=args.local,
                    delegations=args.delegations)


def _cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def build_parser() -> Parser:
    """The whole command line, with help for every subcommand and option."""
    parser = Parser(
        prog=PROG,
        description="Good Offices — a crisis-diplomacy simulation. You are the UN Secretary-General.",
        epilog="With no command, opens the game window (or the text mode when there is no display). "
        "SCENARIO is a path to a .yaml file or the id of a shipped scenario (see 'validate scenarios').",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("play", help="play a scenario", description="Play a scenario in the window or the terminal.")
    p.add_argument("scenario", metavar="SCENARIO", nargs="?",
                   help="a scenario file or shipped id (optional with --session)")
    p.add_argument("--seed", type=whole, help="seed of the world (same seed, same world); random if omitted")
    p.add_argument("--session", metavar="CODE", help="a class's session code, e.g. CUBA-7F3K: the same world for all")
    p.add_argument("--player", default="", metavar="NAME", help="your name, kept in the save for the class summary")
    p.add_argument("--text", action="store_true", help="play in the terminal instead of the window")
    p.add_argument("--load", metavar="SAVE", help="continue a saved game")
    p.set_defaults(run=_cmd_play)

    p = sub.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files and folders. Prints FILE:LINE:COL: error: message for each problem. "
        "Exit status: 0 all valid, 1 some file has errors, 2 usage error.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders to search for *.yaml")
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser(
        "simulate",
        help="play many games with a policy",
        description="Play many games headless with a policy and report the distribution of outcomes.",
    )
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--runs", type=whole, default=1000, help="number of games (default 1000, at most 100,000)")
    p.add_argument(
        "--policy",
        default="passive",
        help="passive, random, greedy, historical, or fixed:INSTRUMENT[:TARGET] (one action every turn)",
    )
    p.add_argument("--seed", type=whole, default=0, help="run seed; game i uses a seed derived from it and i")
    p.add_argument("--jobs", type=whole, default=1, help="processes to use, at most one per core; results are the "
                   "same for any value")
    p.add_argument("--save-games", metavar="DIR", help="also write every game as a save file in DIR (created if "
                   "missing), named SCENARIO-POLICY-INDEX.json; open one with 'play SCENARIO --load FILE'")
    p.add_argument("--score", action="store_true", help="also score every game against the same world with nobody "
                   "intervening (plays that game too, so about twice as long); without it mean_score is null")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=_cmd_simulate)

    p = sub.add_parser(
        "balance",
        help="check a scenario's balance",
        description="Play every policy (passive, random, greedy, historical and each repeated instrument) on the "
        "same seeds and report which endings are reachable, which instruments matter, whether one repeated "
        "move dominates, and a plain-language verdict.",
    )
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--runs", type=whole, help="games per policy (default 200, fewer for scenarios over 16 turns; "
                   "at most 20,000)")
    p.add_argument("--seed", type=whole, default=0, help="run seed; game i of every policy uses the same seed")
    p.add_argument("--jobs", type=whole, default=1, help="processes to use, at most one per core; results are the "
                   "same for any value")
    p.add_argument("--json", action="store_true", help="print JSON for tools (keys in docs/balance.md)")
    p.set_defaults(run=_cmd_balance)

    p = sub.add_parser("info", help="describe a scenario", description="Title, dates, parties, instruments, "
                       "events, endings and sources of a scenario.")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--json", action="store_true", help="print JSON for tools")
    p.set_defaults(run=_cmd_info)

    p = sub.add_parser("schema", help="print the JSON Schema of the scenario format",
                       description="Print the JSON Schema of the scenario format (for editors).")
    p.set_defaults(run=_cmd_schema)

    p = sub.add_parser("session", help="make a session code for a class",
                       description="Print a short session code for a scenario and a seed; every student who plays "
                       "it with 'play --session CODE' faces the same world.")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--seed", type=whole, help="seed of the world, 0 or more; random if omitted")
    p.add_argument("--facilitator", action="store_true",
                   help="the code opens the window in facilitator mode (discussion pauses, teacher's panel)")
    p.set_defaults(run=_cmd_session)

    p = sub.add_parser("report", help="write a debrief or class summary",
                       description="Write one game's debrief from a save, or a class summary over many saves "
                       "(several files or folders) of the same scenario: HTML to print or hand out, Markdown or JSON.")
    p.add_argument("saves", nargs="+", metavar="SAVE", help="save files, or folders of saves for a class summary")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.html, FILE.md or FILE.json")
    p.add_argument("--format", choices=("html", "md", "json"), help="output format (default: from the --out suffix)")
    p.add_argument("--runs", type=whole, default=100, metavar="N",
                   help="futures replayed per alternative to find the decisions that mattered (default 100, at "
                   "most 10,000; 0 skips)")
    p.add_argument("--class", dest="as_class", action="store_true", help="a class summary even for a single save")
    p.add_argument("--jobs", type=whole, help="processes that look for the decisions that mattered (default: one "
                   "per core); results are the same for any value")
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("screenshot", help="render a screen to PNG headless",
                       description="Render a screen of the game to a PNG file without a display.")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--screen", required=True, metavar="NAME",
                   help="the screen to render: " + ", ".join(SCREEN_NAMES[:-1]) + " or " + SCREEN_NAMES[-1])
    p.add_argument("--out", required=True, metavar="FILE.png")
    p.add_argument("--turns", type=whole, default=0, help="turns to play first with the policy (default 0)")
    p.add_argument("--policy", default="passive", help="policy that plays those turns (as for simulate)")
    p.add_argument("--seed", type=whole, default=0, help="seed of the world (default 0)")
    p.add_argument("--size", metavar="WxH", help="image size (default 1280x720)")
    p.set_defaults(run=_cmd_screenshot)

    p = sub.add_parser("host", help="run the class server for a live class",
                       description="Serve a class on this machine, to browsers on the room's network (no install, "
                       "no accounts). A solo class: every student plays the same world; the teacher's dashboard "
                       "shows who is on which turn, the endings and the class summary. With --delegations: one "
                       "shared world whose seats (the Secretary-General's office and each party) teams take. The "
                       "guide is docs/classroom.md.")
    p.add_argument("scenario", metavar="SCENARIO|CODE", nargs="?",
                   help="a scenario file or shipped id (a new random world), or a session code (its world)")
    p.add_argument("--port", type=whole, default=8000, help="port to listen on (default 8000)")
    p.add_argument("--db", metavar="FILE", help="the class database (default: classroom.sqlite in the saves folder)")
    p.add_argument("--resume", action="store_true", help="bring back the latest class in --db, exactly as it was")
    p.add_argument("--local", action="store_true", help="listen on this machine only (127.0.0.1), not the network")
    p.add_argument("--delegations", action="store_true",
                   help="one shared world: teams take the office's and the parties' seats (the game plays the rest)")
    p.set_defaults(run=_cmd_host)

    p = sub.add_parser("new-scenario", help="write a commented starting scenario",
                       description="Write a commented starting scenario file that validates and plays as it is "
                       "(or, with --from, a copy of a shipped scenario with a new id). Never overwrites a file. "
                       "The guide is docs/authoring.md.")
    p.add_argument("path", metavar="PATH", help="the new .yaml file; its name becomes the scenario id")
    p.add_argument("--from", dest="source", metavar="ID", help="copy this shipped scenario (or file) instead")
    p.set_defaults(run=_cmd_new_scenario)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python main.py` and the `good-offices` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from .launch import run_default

            return run_default()
        return args.run(args)
    except CliError as exc:
        print(f"{PROG}: error: {exc.message}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command could not use, whatever the reason: one line, no traceback
        where = os.fsdecode(exc.filename) if exc.filename is not None else ""
        shown = where if len(where) <= 80 else where[:80] + "…"
        print(f"{PROG}: error: {shown + ': ' if shown else ''}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
