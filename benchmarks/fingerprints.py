"""Fingerprints of many seeded games: one SHA-256 per (scenario, policy) over every game's inputs, every recorded
change and message, and its final state; the same games played in batch mode (no change records); and the
advisor's and the counterfactual debrief's results on a few games. Recorded before an engine change that must not
alter any game (bookkeeping, speed), then checked after it:

    python benchmarks/fingerprints.py --write tests/fixtures/fingerprints.txt   # record (every shipped scenario)
    python benchmarks/fingerprints.py --check tests/fixtures/fingerprints.txt   # compare, line by line
    python benchmarks/fingerprints.py [--games N] [SCENARIO...]                 # print

tests/engine/test_fingerprints.py checks the recorded file as part of the suite.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.engine import Game, Rules, build_rules  # noqa: E402
from game.engine.state import GameState, Initiative  # noqa: E402
from game.scenario.catalogue import resolve, shipped  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402
from game.sim.advisor import advise  # noqa: E402
from game.sim.counterfactual import key_decisions  # noqa: E402
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


GAMES = {"passive": 200, "random": 200, "historical": 200, "greedy": 10}  # seeds per policy
FIXED_GAMES = 20  # seeds per repeated-move policy (there are dozens of them)
QUIET_GAMES = 200  # seeds of the random policy replayed in batch mode
ADVISED = 3  # games whose opening turns the advisor is asked about
DEBRIEFED = 2  # games whose key decisions are looked for
SUITE_SCALE = 0.25  # the suite checks a quarter of the seeds (recorded beside the full set)
OPENING = 6  # turns of one game the suite's debrief fingerprint looks at


def fingerprint(rules: Rules, policy_name: str, games: int) -> str:
    """Every game of the policy on seeds 0..games-1, with full turn reports."""
    digest = hashlib.sha256()
    policy = get_policy(policy_name, rules)
    for seed in range(games):
        game = play(Game(rules, seed), policy)
        digest.update(game_text(game).encode("utf-8"))
    return digest.hexdigest()


def quiet_fingerprint(rules: Rules, games: int) -> str:
    """Random games in batch mode (record=False, as simulate and balance play them): inputs and final state."""
    digest = hashlib.sha256()
    policy = get_policy("random", rules)
    for seed in range(games):
        game = play(Game(rules, seed, record=False), policy)
        digest.update(f"{game.inputs!r}\n{state_text(game.state)}".encode())
    return digest.hexdigest()


def advisor_fingerprint(rules: Rules, games: int) -> str:
    """The advisor's full answer (small budgets) on the first three turns of random games, with and without a
    horizon, the race's rounds included."""
    digest = hashlib.sha256()
    policy = get_policy("random", rules)
    for seed in range(games):
        game = Game(rules, seed)
        for _ in range(3):
            if game.done:
                break
            for kwargs in ({"runs": 8, "budget": 600}, {"runs": 6, "horizon": 3, "first": 2}):
                digest.update(repr(advise(game, seed=seed, **kwargs)).encode())
            game.step(*policy.decide(game))
    return digest.hexdigest()


def debrief_fingerprint(rules: Rules, games: int, turns: int | None = None) -> str:
    """The decisions that mattered (few futures) in random games, among their first `turns` turns if given:
    every comparison's distributions."""
    digest = hashlib.sha256()
    policy = get_policy("random", rules)
    for seed in range(games):
        game = play(Game(rules, seed, record=False), policy)
        digest.update(repr(key_decisions(rules, seed, game.inputs[:turns], runs=10, top=3)).encode())
    return digest.hexdigest()


def lines_for(rules: Rules, scale: float = 1.0) -> list[tuple[str, int, str]]:
    """(what, games, SHA-256) for one scenario: every policy, batch mode, the advisor and the debrief."""
    out = []
    for name in policies(rules):
        games = max(1, round(GAMES.get(name, FIXED_GAMES) * scale))
        out.append((name, games, fingerprint(rules, name, games)))
    quiet = max(1, round(QUIET_GAMES * scale))
    out.append(("random/batch", quiet, quiet_fingerprint(rules, quiet)))
    advised = max(1, round(ADVISED * scale))
    out.append(("advisor", advised, advisor_fingerprint(rules, advised)))
    if scale < 1:  # the suite looks for the decisions that mattered among one game's opening turns
        out.append((f"debrief/first-{OPENING}-turns", 1, debrief_fingerprint(rules, 1, OPENING)))
    else:
        out.append(("debrief", DEBRIEFED, debrief_fingerprint(rules, DEBRIEFED)))
    return out


def parse(text: str) -> dict[tuple[str, str, int], str]:
    """A fingerprint file's lines: (scenario, what, games) -> SHA-256; '#' lines are comments."""
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            scenario, what, games, digest = line.split()
            out[scenario, what, int(games)] = digest
    return out


def rules_of(path: Path) -> Rules:
    result = load_scenario(path)
    if result.scenario is None:
        raise SystemExit(f"{path}: does not load")
    return build_rules(result.scenario)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenarios", nargs="*", help="scenario ids or files (default: every shipped scenario)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every number of seeds (default 1)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", metavar="FILE", help="record the fingerprints in FILE")
    group.add_argument("--check", metavar="FILE", help="compare with the fingerprints recorded in FILE")
    args = parser.parse_args(argv)
    if args.check:
        return check(Path(args.check), args.scenarios)
    paths = [resolve(s) for s in args.scenarios] if args.scenarios else [s.path for s in shipped()]
    lines = ["# scenario  what  seeds  sha256 — written by benchmarks/fingerprints.py; see its docstring"]
    scales = sorted({args.scale, SUITE_SCALE}, reverse=True) if args.write else [args.scale]
    for path in paths:
        rules = rules_of(path)
        for scale in scales:
            for what, games, digest in lines_for(rules, scale):
                line = f"{rules.scenario.id} {what} {games} {digest}"
                if line not in lines:
                    lines.append(line)
                if not args.write:
                    print(line, flush=True)
    if args.write:
        Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines) - 1} fingerprints to {args.write}")
    return 0


def differences(recorded: dict[tuple[str, str, int], str], scenario: str, scale: float = 1.0) -> list[str]:
    """The fingerprints of `scenario` at `scale` that differ from (or are missing in) `recorded`, in words."""
    rules = rules_of(resolve(scenario))
    out = []
    for what, games, digest in lines_for(rules, scale):
        want = recorded.get((scenario, what, games))
        if want != digest:
            out.append(f"{scenario} {what} {games}: {'not recorded' if want is None else 'differs'}")
    return out


def check(path: Path, only: list[str]) -> int:
    """Recompute every fingerprint recorded in `path` (of the scenarios in `only`, if given); 1 if any differs."""
    recorded = parse(path.read_text(encoding="utf-8"))
    differ = 0
    began = time.perf_counter()
    for scenario in sorted({k[0] for k in recorded}):
        if only and scenario not in only:
            continue
        for line in differences(recorded, scenario):
            differ += 1
            print(line, flush=True)
    print(f"{len(recorded)} fingerprints recorded, checked in {time.perf_counter() - began:.0f} s: "
          f"{'all identical' if not differ else f'{differ} differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
