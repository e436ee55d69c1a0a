"""The simulation engine: pure and deterministic given scenario, seed and the player's choices; no I/O."""

from .facilitator import Intervention, Vote
from .game import Action, Game, IllegalAction, TurnInput, baseline, replay
from .rules import Rules, build_rules

__all__ = [
    "Action", "Game", "IllegalAction", "Intervention", "Rules", "TurnInput", "Vote",
    "baseline", "build_rules", "replay",
]
