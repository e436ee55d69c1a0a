"""Shared fixtures for the save tests: the sample scenario's rules and digest, and a played game."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.engine import Action, Game, build_rules
from game.scenario.loader import load_scenario

SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


@pytest.fixture(scope="session")
def sample():
    """(rules, digest, path) of the shipped sample scenario."""
    result = load_scenario(SAMPLE)
    assert result.scenario is not None, result.diagnostics
    return build_rules(result.scenario), result.digest, str(SAMPLE)


def play_some(rules, seed: int = 3, turns: int = 4) -> Game:
    """A game with a few turns of real play: instruments, a proposal and answers to events."""
    game = Game(rules, seed)
    plan = [
        [Action("good_offices", "karelia_lowmark"), Action("early_warning")],
        [Action("track_two", "karelia_lowmark")],
        [Action("shared_filling", None, "private")],
        [Action("private_appeal", "lowmark")],
    ]
    for orders in plan[:turns]:
        if game.done:
            break
        legal = [a for a in orders if game.why_illegal(a) is None]
        answers = {key: options[0][0] for key, _, options in game.pending()}
        game.step(legal, answers)
    return game


def as_format_1(text: str, rules) -> str:
    """A format-2 save written as format 1 wrote it: no game id or draft, no launch bookkeeping, but every launch
    as [turn, action id, target index] (what a version-1 game left in its saves)."""
    data = json.loads(text)
    data["version"] = 1
    data.pop("game_id")
    data.pop("draft", None)
    snap = data["snapshot"]
    del snap["last_launch"], snap["recent_launches"]
    for ini in snap["initiatives"]:
        del ini["fatigue"]
    launches = []
    for turn, given in enumerate(data["inputs"]):
        for action in given["actions"]:
            use, target = action["use"], action["target"]
            if use in rules.proposals:
                launches.append([turn, use, rules.proposals[use].pair])
            elif rules.instruments[use].kind != "wait":
                kind = rules.instruments[use].target
                ids = rules.pair_ids if kind == "pair" else rules.party_ids if kind == "party" else []
                launches.append([turn, use, ids.index(target) if target in ids else -1])
    keys = list(snap)
    snap["launches"] = launches
    data["snapshot"] = {k: snap[k] for k in [*keys[: keys.index("history") + 1], "launches", "ending"]}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
