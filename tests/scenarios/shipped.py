"""Helpers the shipped-scenario tests share: where a scenario lives, loading it strictly, and a state moved to
a given day so the scenario's own expressions can be evaluated there."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from game.engine import Game, Rules, build_rules
from game.scenario.calendar import turn_of
from game.scenario.loader import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
MODELINE = "# yaml-language-server: $schema=./scenario.schema.json"


def path_of(scenario_id: str) -> Path:
    return ROOT / "scenarios" / f"{scenario_id}.yaml"


def load_shipped(scenario_id: str) -> tuple[Scenario, Rules]:
    """The scenario and its rules; fails the test with every diagnostic when it does not load."""
    result = load_scenario(path_of(scenario_id))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.scenario, build_rules(result.scenario)


def state_on(rules: Rules, day: dt.date):
    """A fresh game's state moved to the turn covering `day`, to evaluate the scenario's expressions there."""
    state = Game(rules, 0).state
    state.turn = turn_of(rules.scenario.calendar, day)
    return state


def _prose(value) -> list[str]:
    """Every piece of prose in a scenario dump (strings with a space in them)."""
    if isinstance(value, dict):
        return [t for v in value.values() for t in _prose(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _prose(v)]
    return [value] if isinstance(value, str) and " " in value else []


def id_words(rules: Rules) -> set[str]:
    """Ids that do not read as words: the parties', the pairs' and the Council members' (e.g. 'usa', 'cuba'),
    unless the scenario's own prose uses the same word in lower case ('mujahideen'). Seen bare in what the
    player reads, one of them is an id showing through."""
    import re

    prose = " ".join(_prose(rules.scenario.model_dump(mode="json")))
    return {i for i in (*rules.party_ids, *rules.pair_ids, *rules.council_ids)
            if not re.search(rf"\b{re.escape(i)}\b", prose)}
