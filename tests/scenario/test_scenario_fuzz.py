"""Fuzz: a scenario file that validates also plays, saves, replays, simulates and renders — whatever its calendar
(first or last representable dates, the turn limit), its numbers (±1e15, effects that overflow) and its texts
(any script, at their length limits). A file that does not validate is refused with located errors."""

from __future__ import annotations

import math
import tempfile
from dataclasses import fields
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from game.cli import textmode
from game.engine import Game, baseline, build_rules
from game.engine.state import GameState
from game.report.build import debrief_of, render
from game.saves import from_json, load_save, resume, save_game, state_to_dict, to_json
from game.saves.store import save_data
from game.scenario.limits import MAX_NUMBER, MAX_TURNS, forbidden_character
from game.scenario.loader import load_scenario_bytes
from game.sim.batch import run_batch
from game.sim.policies import RandomPolicy
from tests.fuzzing import fuzz, scenario_documents

from .test_loader_fuzz import assert_well_formed

TEXT_TURNS = 40  # the text mode's screens are rendered for the first turns (and the last) of each game


def assert_finite(state: GameState) -> None:
    """Every number in the state is finite, and every variable within ±MAX_NUMBER: the state can be saved."""
    numbers = [state.office.prestige, state.office.budget, *state.council]
    for group in (state.parties, state.pairs):
        numbers += [getattr(item, f.name) for item in group for f in fields(item)
                    if isinstance(getattr(item, f.name), float)]
    numbers += [v for row in state.history for v in row]
    assert all(math.isfinite(n) for n in numbers)
    assert all(isinstance(v, bool) or abs(v) <= MAX_NUMBER for v in state.variables.values())


def assert_printable(lines: list[str]) -> None:
    for line in lines:
        assert "\n" not in line and forbidden_character(line) is None, repr(line)


@fuzz(25)
@given(document=scenario_documents(), seed=st.integers(0, 2**63 - 1))
def test_a_scenario_that_validates_plays_saves_replays_and_renders(document, seed):
    result = load_scenario_bytes(document, "fuzz.yaml")
    assert_well_formed(result)
    if result.scenario is None:
        return
    rules = build_rules(result.scenario)
    event("turns: " + ("1" if rules.turns == 1 else "2-60" if rules.turns <= 60 else
                       "61-999" if rules.turns < MAX_TURNS else "the limit"))
    assert rules.turns <= MAX_TURNS
    game, policy = Game(rules, seed), RandomPolicy()
    lines = textmode.render_opening(rules, seed)
    while not game.done:
        actions, choices = policy.decide(game)
        report = game.step(actions, choices)
        assert_finite(game.state)
        if game.turn <= TEXT_TURNS or game.done:
            lines += [*textmode.render_report(rules, report), *textmode.render_turn(game)]
    if any(m.code == "effect_overflow" for r in game.reports for m in r.messages):
        event("an effect was held finite, with a warning")
    lines += textmode.render_ending(game, game.score(), baseline(rules, seed))
    assert_printable(lines)
    text = to_json(save_data(game, scenario_path="fuzz.yaml", digest=result.digest))
    again = resume(from_json(text, "fuzz.json"), rules, result.digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    with tempfile.TemporaryDirectory() as folder:
        scenario = Path(folder) / "fuzz.yaml"
        scenario.write_bytes(document)
        saved = save_game(game, folder, "fuzz", scenario_path=str(scenario), digest=result.digest)
        assert load_save(saved).ending == game.ending
        debrief = debrief_of(saved, runs=0)
        for fmt in ("html", "md", "json"):
            assert render(debrief, fmt)
        batch = run_batch(scenario, "random", 2, seed=seed % 1000, save_games=Path(folder) / "batch")
        assert batch.runs == 2 and sum(batch.endings.values()) == 2
