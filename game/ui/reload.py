"""Hot reload for scenario authors: read the scenario file again and carry the game over to the new rules.

The game is rebuilt by replaying its recorded inputs (and a facilitator's interventions) on the new rules, turn by
turn; whatever is no longer legal there (an order, an answer to an event that no longer fires, an intervention)
is dropped and counted. A file with errors changes nothing: the caller keeps playing on the old rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from game.engine import Action, Game, Intervention, Rules, TurnInput, build_rules
from game.i18n import tr
from game.scenario.loader import load_scenario


@dataclass(frozen=True)
class Reloaded:
    """The outcome of a reload: the game on the new rules and what was dropped, or the file's error messages."""

    game: Game | None
    digest: str = ""
    dropped: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.game is not None


def reload_game(path: str | Path, game: Game) -> Reloaded:
    """`game` replayed on the scenario file at `path` as it is now; with the file's errors when it has any."""
    result = load_scenario(path)
    if result.scenario is None:
        errors = [str(d) for d in result.diagnostics if d.severity == "error"]
        return Reloaded(None, errors=errors or [tr("{path}: the scenario cannot be loaded", path=path)])
    try:
        rules = build_rules(result.scenario)
    except ValueError as exc:
        return Reloaded(None, errors=[tr("{path}:1:1: error: {exc}", path=path, exc=exc)])
    new, dropped = carry_over(rules, game.seed, game.inputs, game.interventions)
    return Reloaded(new, result.digest, dropped)


def carry_over(rules: Rules, seed: int, inputs: Sequence[TurnInput], interventions: Sequence[Intervention] = ()
               ) -> tuple[Game, int]:
    """Replay what still applies on `rules`; the game and how many orders, answers and interventions were dropped."""
    game = Game(rules, seed)
    dropped = 0
    for turn, turn_input in enumerate(inputs):
        if game.done:
            dropped += len(turn_input.actions) + len(turn_input.choices)
            continue
        dropped += _intervene(game, interventions, turn)
        choices = _answers(game, dict(turn_input.choices))
        actions = _orders(game, turn_input.actions, choices)
        dropped += len(turn_input.actions) - len(actions) + len(turn_input.choices) - len(choices)
        game.step(actions, choices)
    if not game.done:
        dropped += _intervene(game, interventions, len(inputs))
    return game, dropped


def _intervene(game: Game, interventions: Sequence[Intervention], turn: int) -> int:
    """Make the interventions of `turn` that are still possible; the number that were not."""
    dropped = 0
    for iv in interventions:
        if iv.turn != turn:
            continue
        if game.why_not_intervene(iv) is None:
            game.intervene(iv)
        else:
            dropped += 1
    return dropped


def _answers(game: Game, choices: dict[str, str]) -> dict[str, str]:
    """The answers to events still pending, with options that still exist and that can be paid for together."""
    options = {key: {c for c, __ in opts} for key, __, opts in game.pending()}
    kept: dict[str, str] = {}
    for event, choice in choices.items():
        if choice in options.get(event, ()):
            trial = {**kept, event: choice}
            prestige, budget, __, __ = game.committed((), trial)
            if prestige <= game.state.office.prestige and budget <= game.state.office.budget:
                kept = trial
    return kept


def _orders(game: Game, actions: Sequence[Action], choices: dict[str, str]) -> list[Action]:
    """The orders still legal, in their order, each after those kept before it."""
    kept: list[Action] = []
    for action in actions:
        if game.why_illegal(action, kept, choices) is None:
            kept.append(action)
    return kept
