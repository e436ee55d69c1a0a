"""Endings, and the score that credits prevention against a no-intervention baseline on the same seed."""

from __future__ import annotations

from dataclasses import dataclass

from .rules import EndingRule, Rules
from .state import GameState

PREVENTED_FAILURE = 50.0  # a war (or worse) that happened without you and not with you
PER_RUNG_SPARED = 8.0  # each rung of peak escalation below the baseline's, per pair


def reached(rules: Rules, state: GameState) -> EndingRule | None:
    """The first ending whose condition holds now; at the end of the calendar, also the `at_end` ones."""
    out_of_time = state.turn >= rules.turns
    for end in rules.endings:
        if end.at_end and not out_of_time:
            continue
        if end.when is None or end.when(state):
            return end
    return None


@dataclass(frozen=True, slots=True)
class Score:
    """The player's score, with the parts it is made of, so the debrief can explain it."""

    total: float
    ending: str
    rating: str
    base: float
    baseline_ending: str
    baseline_rating: str
    prevention: float
    escalation_spared: float
    prestige: float


def score(rules: Rules, final: GameState, baseline: GameState, start_prestige: float) -> Score:
    """Ending value + a bonus for a failure the baseline suffered and the player avoided + rungs spared."""
    mine = _ending(rules, final)
    theirs = _ending(rules, baseline)
    prevention = PREVENTED_FAILURE if theirs.rating == "failure" and mine.rating != "failure" else 0.0
    spared = PER_RUNG_SPARED * sum(b.peak_rung - p.peak_rung for p, b in zip(final.pairs, baseline.pairs, strict=True))
    prestige = (final.office.prestige - start_prestige) / 5.0
    total = mine.score + prevention + spared + prestige
    return Score(
        round(total, 1),
        mine.key,
        mine.rating,
        mine.score,
        theirs.key,
        theirs.rating,
        prevention,
        spared,
        round(prestige, 1),
    )


def _ending(rules: Rules, state: GameState) -> EndingRule:
    return next(e for e in rules.endings if e.key == state.ending)
