"""`balance SCENARIO [--runs N] [--seed S] [--jobs J] [--json]`: a balance report for scenario authors — endings
under every policy, which instruments matter, whether one repeated move dominates, and a plain verdict."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from game.engine import build_rules
from game.i18n import _, tr, trn
from game.sim.balance import Balance, analyse

from .errors import EXIT_INVALID, EXIT_OK, CliError
from .loading import load_result_or_fail
from .numbers import MAX_BALANCE_RUNS, check_range
from .simulate import capped_jobs


def run_balance(scenario: str, runs: int | None, seed: int, jobs: int, as_json: bool,
                out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check the arguments, analyse the scenario and print the report (JSON with `as_json`)."""
    out, err = out or sys.stdout, err or sys.stderr
    if runs is not None and runs <= 0:
        raise CliError(tr("--runs must be at least 1 (games per policy); got {runs}", runs=runs))
    if runs is not None:
        check_range("--runs", runs, 1, MAX_BALANCE_RUNS)
    if jobs <= 0:
        raise CliError(tr("--jobs must be at least 1 (the number of processes); got {jobs}", jobs=jobs))
    jobs = capped_jobs(jobs, jobs, err)
    path, result = load_result_or_fail(scenario, err)
    try:
        rules = build_rules(result.scenario)
    except ValueError as exc:
        raise CliError(f"{path}: {exc}", EXIT_INVALID) from None
    balance = analyse(rules, runs=runs, seed=seed, jobs=jobs, path=str(path))
    if as_json:
        print(json.dumps({**balance.to_json(), "scenario_file": str(path)}, indent=2, ensure_ascii=False), file=out)
    else:
        print(format_balance(balance), file=out)
    return EXIT_OK


def format_balance(b: Balance) -> str:
    """The verdict first, then a table of policies and one of instruments."""
    lines = [trn("Balance of {title} ({scenario}): {n} game per policy, seed {seed}",
                 "Balance of {title} ({scenario}): {n} games per policy, seed {seed}", b.runs,
                 title=b.title, scenario=b.scenario, seed=b.seed)]
    screened = sorted({p.runs for p in b.policies.values() if p.runs < b.runs})
    if screened:
        lines.append(tr("(greedy and most repeated moves on {join} games: the seeds' first)",
                        join=_(" or ").join(map(str, screened))))
    lines += ["", _("Verdict:")]
    lines += [f"  - {line}" for line in b.verdict]
    width = max(len(_("Policy")), *(len(n) for n in b.policies))
    ids = list(b.endings)
    lines += ["", _("Endings by policy (share of games):"),
              f"  {'Policy':<{width}}  " + "  ".join(f"{e[:12]:>12}" for e in ids) + f"  {'turns':>5}"]
    for name, p in b.policies.items():
        cells = "  ".join(f"{p.endings[e]:>12.1%}" for e in ids)
        lines.append(f"  {name:<{width}}  {cells}  {p.mean_turns:>5.1f}")
    if b.instruments:
        iw = max(len(_("Instrument")), *(len(s.name) for s in b.instruments.values()))
        lines += ["", _("Instruments (random play with and without each, on the same seeds):"),
                  f"  {_('Instrument'):<{iw}}  {_('used'):>6}  {_('changed'):>8}  {_('effect'):>7}  "
                  + _("best repeated use")]
        for s in b.instruments.values():
            best = tr("{best_fixed} ({best_fixed_gain:+.1f} vs passive)",
                      best_fixed=s.best_fixed, best_fixed_gain=s.best_fixed_gain) if s.best_fixed else "-"
            lines.append(f"  {s.name:<{iw}}  {s.used_share:>6.0%}  {s.changed_share:>8.1%}  {s.value_effect:>+7.1f}  "
                         f"{best}")
    lines += ["", _("Values: success 100, partial 40, failure -100 points. 'used': random games that used the "
                    "instrument; 'changed': of those, the games whose ending changes when each use is replaced by "
                    "doing nothing; 'effect': the mean points its uses gain there.")]
    return "\n".join(lines)
