"""The command line of Good Offices (design §4): one parser, one function per subcommand."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence

from game.i18n import LANGUAGES, _, system_language, tr, using
from game.sim.arrays import BACKENDS
from game.ui.screen_names import SCREEN_NAMES

from .errors import EXIT_INVALID, EXIT_USAGE, CliError
from .numbers import whole

PROG = "python main.py"  # i18n: not shown


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line, with where to get help, and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(tr("{prog}: error: {message_value} (see '{prog} --help')",
                 prog=self.prog, message_value=message), file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _cmd_play(args: argparse.Namespace) -> int:
    from .play import run_play

    return run_play(args.scenario, args.seed, args.text, args.load, session=args.session, player=args.player,
                    join=args.join)


def _cmd_validate(args: argparse.Namespace) -> int:
    from .validate import run_validate

    return run_validate(args.paths)


def _cmd_info(args: argparse.Namespace) -> int:
    from .info import run_info

    return run_info(args.scenario, args.json)


def _cmd_simulate(args: argparse.Namespace) -> int:
    from .simulate import run_simulate

    return run_simulate(args.scenario, args.runs, args.policy, args.seed, args.jobs, args.json,
                        save_games=args.save_games, score=args.score, backend=args.backend)


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


def _cmd_translate(args: argparse.Namespace) -> int:
    from .translate import run_translate

    if not re.fullmatch(r"[a-z]{2}", args.to):
        raise CliError(tr("--to takes a two-letter language code such as 'fr', not '{code}'", code=args.to))
    return run_translate(args.scenario, args.to)


def _cmd_schema(args: argparse.Namespace) -> int:
    from game.scenario.schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def _language_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=default,
                        help=_("language of the game, the reports and the messages (default: as last chosen in "
                               "Settings, else the system's)"))


def build_parser() -> Parser:
    """The whole command line, with help for every subcommand and option."""
    parser = Parser(
        prog=PROG,
        description=_("Good Offices — a crisis-diplomacy simulation. You are the UN Secretary-General."),
        epilog=_("With no command, opens the game window (or the text mode when there is no display). SCENARIO is "
                 "a path to a .yaml file or the id of a shipped scenario (see 'validate scenarios')."),
    )
    _language_option(parser, None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("play", help=_("play a scenario"), description=_("Play a scenario in the window or the "
                                                                     "terminal."))
    p.add_argument("scenario", metavar="SCENARIO", nargs="?",
                   help=_("a scenario file or shipped id (optional with --session)"))
    p.add_argument("--seed", type=whole, help=_("seed of the world (same seed, same world); random if omitted"))
    p.add_argument("--session", metavar="CODE", help=_("a class's session code, e.g. CUBA-7F3K: the same world "
                                                       "for all"))
    p.add_argument("--player", default="", metavar="NAME", help=_("your name, kept in the save for the class "
                                                                  "summary"))
    p.add_argument("--text", action="store_true", help=_("play in the terminal instead of the window"))
    p.add_argument("--load", metavar="SAVE", help=_("continue a saved game"))
    p.add_argument("--join", metavar="URL", help=_("play in a solo class the teacher hosts, at the address their "
                                                   "screen shows (with --player NAME)"))
    p.set_defaults(run=_cmd_play)

    p = sub.add_parser(
        "validate",
        help=_("check scenario files"),
        description=_("Check scenario files and folders. Prints FILE:LINE:COL: error: message for each problem. "
                      "Exit status: 0 all valid, 1 some file has errors, 2 usage error."),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=_("scenario files or folders to search for *.yaml"))
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser(
        "simulate",
        help=_("play many games with a policy"),
        description=_("Play many games headless with a policy and report the distribution of outcomes."),
    )
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--runs", type=whole, default=1000, help=_("number of games (default 1000, at most 100,000)"))
    p.add_argument(
        "--policy",
        default="passive",
        help=_("passive, random, greedy, historical, or fixed:INSTRUMENT[:TARGET] (one action every turn)"),
    )
    p.add_argument("--seed", type=whole, default=0, help=_("run seed; game i uses a seed derived from it and i"))
    p.add_argument("--jobs", type=whole, default=1, help=_("processes to use, at most one per core; results are "
                                                           "the same for any value"))
    p.add_argument("--save-games", metavar="DIR", help=_("also write every game as a save file in DIR (created if "
                                                         "missing), named SCENARIO-POLICY-INDEX.json; open one "
                                                         "with 'play SCENARIO --load FILE'"))
    p.add_argument("--score", action="store_true", help=_("also score every game against the same world with "
                                                          "nobody intervening (plays that game too, so about twice "
                                                          "as long); without it mean_score is null"))
    p.add_argument("--backend", choices=BACKENDS, default="auto",
                   help=_("what plays the games: 'arrays' steps thousands of worlds at once (the passive policy; "
                          "the same games as the engine), 'engine' one game at a time; 'auto' (the default) takes "
                          "the arrays where they can play the batch and says when they cannot"))
    p.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    p.set_defaults(run=_cmd_simulate)

    p = sub.add_parser(
        "balance",
        help=_("check a scenario's balance"),
        description=_("Play every policy (passive, random, greedy, historical and each repeated instrument) on "
                      "the same seeds and report which endings are reachable, which instruments matter, whether "
                      "one repeated move dominates, and a plain-language verdict."),
    )
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--runs", type=whole, help=_("games per policy (default 200, fewer for scenarios over 16 "
                                                "turns; at most 20,000)"))
    p.add_argument("--seed", type=whole, default=0, help=_("run seed; game i of every policy uses the same seed"))
    p.add_argument("--jobs", type=whole, default=1, help=_("processes to use, at most one per core; results are "
                                                           "the same for any value"))
    p.add_argument("--json", action="store_true", help=_("print JSON for tools (keys in docs/balance.md)"))
    p.set_defaults(run=_cmd_balance)

    p = sub.add_parser("info", help=_("describe a scenario"), description=_("Title, dates, parties, instruments, "
                                                                         "events, endings and sources of a "
                                                                         "scenario."))
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--json", action="store_true", help=_("print JSON for tools"))
    p.set_defaults(run=_cmd_info)

    p = sub.add_parser("schema", help=_("print the JSON Schema of the scenario format"),
                       description=_("Print the JSON Schema of the scenario format (for editors)."))
    p.set_defaults(run=_cmd_schema)

    p = sub.add_parser("session", help=_("make a session code for a class"),
                       description=_("Print a short session code for a scenario and a seed; every student who "
                                     "plays it with 'play --session CODE' faces the same world."))
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--seed", type=whole, help=_("seed of the world, 0 or more; random if omitted"))
    p.add_argument("--facilitator", action="store_true",
                   help=_("the code opens the window in facilitator mode (discussion pauses, teacher's panel)"))
    p.set_defaults(run=_cmd_session)

    p = sub.add_parser("report", help=_("write a debrief or class summary"),
                       description=_("Write one game's debrief from a save, or a class summary over many saves "
                                     "(several files or folders) of the same scenario: HTML to print or hand out, "
                                     "Markdown or JSON."))
    p.add_argument("saves", nargs="+", metavar="SAVE", help=_("save files, or folders of saves for a class summary"))
    p.add_argument("--out", required=True, metavar="FILE", help=_("FILE.html, FILE.md or FILE.json"))
    p.add_argument("--format", choices=("html", "md", "json"), help=_("output format (default: from the --out "
                                                                      "suffix)"))
    p.add_argument("--runs", type=whole, default=100, metavar="N",
                   help=_("futures replayed per alternative to find the decisions that mattered (default 100, at "
                          "most 10,000; 0 skips)"))
    p.add_argument("--class", dest="as_class", action="store_true", help=_("a class summary even for a single save"))
    p.add_argument("--jobs", type=whole, help=_("processes that look for the decisions that mattered (default: one "
                                                "per core); results are the same for any value"))
    p.set_defaults(run=_cmd_report)

    p = sub.add_parser("screenshot", help=_("render a screen to PNG headless"),
                       description=_("Render a screen of the game to a PNG file without a display."))
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--screen", required=True, metavar="NAME",
                   help=tr("the screen to render: {screens} or {last}", screens=", ".join(SCREEN_NAMES[:-1]),
                           last=SCREEN_NAMES[-1]))
    p.add_argument("--out", required=True, metavar="FILE.png")
    p.add_argument("--turns", type=whole, default=0, help=_("turns to play first with the policy (default 0)"))
    p.add_argument("--policy", default="passive", help=_("policy that plays those turns (as for simulate)"))
    p.add_argument("--seed", type=whole, default=0, help=_("seed of the world (default 0)"))
    p.add_argument("--size", metavar="WxH", help=_("image size (default 1280x720)"))
    p.set_defaults(run=_cmd_screenshot)

    p = sub.add_parser("host", help=_("run the class server for a live class"),
                       description=_("Serve a class on this machine, to browsers on the room's network (no "
                                     "install, no accounts). A solo class: every student plays the same world; the "
                                     "teacher's dashboard shows who is on which turn, the endings and the class "
                                     "summary. With --delegations: one shared world whose seats (the "
                                     "Secretary-General's office and each party) teams take. The guide is "
                                     "docs/classroom.md."))
    p.add_argument("scenario", metavar="SCENARIO|CODE", nargs="?",
                   help=_("a scenario file or shipped id (a new random world), or a session code (its world)"))
    p.add_argument("--port", type=whole, default=8000, help=_("port to listen on (default 8000)"))
    p.add_argument("--db", metavar="FILE", help=_("the class database (default: classroom.sqlite in the saves "
                                                  "folder)"))
    p.add_argument("--resume", action="store_true", help=_("bring back the latest class in --db, exactly as it was"))
    p.add_argument("--local", action="store_true", help=_("listen on this machine only (127.0.0.1), not the "
                                                          "network"))
    p.add_argument("--delegations", action="store_true",
                   help=_("one shared world: teams take the office's and the parties' seats (the game plays the "
                          "rest)"))
    p.set_defaults(run=_cmd_host)

    p = sub.add_parser("new-scenario", help=_("write a commented starting scenario"),
                       description=_("Write a commented starting scenario file that validates and plays as it is "
                                     "(or, with --from, a copy of a shipped scenario with a new id). Never "
                                     "overwrites a file. The guide is docs/authoring.md."))
    p.add_argument("path", metavar="PATH", help=_("the new .yaml file; its name becomes the scenario id"))
    p.add_argument("--from", dest="source", metavar="ID", help=_("copy this shipped scenario (or file) instead"))
    p.set_defaults(run=_cmd_new_scenario)

    p = sub.add_parser("translate", help=_("write or update a scenario's translation file"),
                       description=_("Write the translation file beside a scenario (NAME.LANG.yaml) with every "
                                     "text of the scenario, or bring it up to date, keeping what is translated "
                                     "(docs/translating.md)."))
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--to", required=True, metavar="LANG", help=_("language code of the translation, e.g. fr"))
    p.set_defaults(run=_cmd_translate)
    for choice in sub.choices.values():
        _language_option(choice, argparse.SUPPRESS)
    return parser


def choose_language(asked: str | None) -> str:
    """The language of a command: --lang, else the one chosen in Settings, else the system's."""
    if asked:
        return asked
    from game.saves.store import saves_directory
    from game.ui.settings import load_settings

    chosen = load_settings(saves_directory()).language
    return chosen if chosen in LANGUAGES else system_language()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python main.py` and the `good-offices` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    with using(choose_language(_asked_language(argv))):
        args = build_parser().parse_args(argv)  # help and usage errors in the language too
        return _run(args)


def _asked_language(argv: list[str]) -> str | None:
    """The language --lang asks for, read before the parser is built (its help is in that language); a wrong
    value is left for the parser to report."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(
            argv) else None
        if value in LANGUAGES:
            return value
    return None


def _run(args: argparse.Namespace) -> int:
    """Run the chosen command, every failure as one line and its exit code."""
    try:
        if args.command is None:
            from .launch import run_default

            return run_default()
        return args.run(args)
    except CliError as exc:
        print(tr("{PROG}: error: {message_value}", PROG=PROG, message_value=exc.message), file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command could not use, whatever the reason: one line, no traceback
        where = os.fsdecode(exc.filename) if exc.filename is not None else ""
        shown = where if len(where) <= 80 else where[:80] + "…"
        print(tr("{PROG}: error: {value}{value2}",
                 PROG=PROG, value=shown + ': ' if shown else '', value2=exc.strerror or exc), file=sys.stderr)
        return EXIT_INVALID
