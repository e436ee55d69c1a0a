"""Fingerprints of many seeded games: one SHA-256 per (scenario, policy) over every game's inputs, every recorded
change and message, and its final state. Run it before and after an engine change that must not alter any game
(bookkeeping, speed) and compare the two outputs line by line. A plain script, not a test:

    python benchmarks/fingerprints.py [--games N] [--greedy-games N] [SCENARIO...]  > before.txt
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.engine import Game, Rules, build_rules  # noqa: E402
from game.engine.state import GameState, Initiative  # noqa: E402
from game.scenario.catalogue import resolve, shipped  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.sim.policies import get_policy, play  # noqa: E402

# Bookkeeping fields that only make play faster: left out, so fingerprints compare across such changes.
BOOKKEEPING = {"launches", "last_launch", "recent_launches", "fatigue"}


def state_text(state: GameState) -> str:
    """The state's values in a fixed order (floats by repr, so every bit counts), without bookkeeping."""
    parts = []
    for f in fields(state):
        if f.name in BOOKKEEPING:
            continue
        value = getattr(state, f.name)
        if f.name == "initiatives":
            value = [[getattr(i, g.name) for g in fields(Initiative) if g.name not in BOOKKEEPING] for i in value]
        elif f.name in ("parties", "pairs", "office"):
            items = value if isinstance(value, list) else [value]
            value = [[getattr(x, g.name) for g in fields(x)] for x in items]
        elif isinstance(value, set):
            value = sorted(value)
        elif isinstance(value, dict):
            value = sorted(value.items())
        parts.append(f"{f.name}={value!r}")
    return "\n".join(parts)


def game_text(game: Game) -> str:
    lines = [f"seed={game.seed}", f"inputs={game.inputs!r}"]
    for report in game.reports:
        lines.append(f"turn {report.turn} {report.date} {report.events!r} {sorted(report.decisions.items())!r} "
                     f"{report.ending!r}")
        lines += [f"  {c.target} {c.before!r} {c.after!r} {c.cause.kind} {c.cause.id} {c.hidden}"
                  for c in report.changes]
        lines += [f"  [{m.kind}] {m.code} {m.args!r} {m.turn}" for m in report.messages]
    lines.append(state_text(game.state))
    return "\n".join(lines)


def policies(rules: Rules) -> list[str]:
    """The basic policies and every fixed one (a fixed policy repeats one move: fatigue and cooldowns)."""
    names = ["passive", "random", "historical", "greedy"]
    for key, ins in rules.instruments.items():
        if ins.target == "none":
            names.append(f"fixed:{key}")
        else:
            names += [f"fixed:{key}:{t}" for t in (rules.pair_ids if ins.target == "pair" else rules.party_ids)]
    names += [f"fixed:{key}" for key in rules.proposals]
    return names


def fingerprint(rules: Rules, policy_name: str, games: int) -> str:
    digest = hashlib.sha256()
    policy = get_policy(policy_name, rules)
    for seed in range(games):
        game = play(Game(rules, seed), policy)
        digest.update(game_text(game).encode("utf-8"))
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", help="scenario ids or files (default: every shipped scenario)")
    parser.add_argument("--games", type=int, default=200, help="seeds per policy (default 200)")
    parser.add_argument("--greedy-games", type=int, default=10, help="seeds for the slow greedy policy (default 10)")
    args = parser.parse_args(argv)
    paths = [resolve(s) for s in args.scenarios] if args.scenarios else [s.path for s in shipped()]
    for path in paths:
        result = load_scenario(path)
        if result.scenario is None:
            print(f"{path}: does not load", file=sys.stderr)
            return 1
        rules = build_rules(result.scenario)
        for name in policies(rules):
            games = args.greedy_games if name == "greedy" else args.games
            print(f"{result.scenario.id} {name} {games} {fingerprint(rules, name, games)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
