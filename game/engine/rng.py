"""The game's one random generator: counter-based, so every draw is a pure function of (seed, turn, stream, key).

Why counter-based rather than a stateful generator: two games on the same seed that differ only in the
player's choices see the same luck (the same incident draws on the same day), so the no-intervention baseline
and counterfactual replays compare like with like, and reading the observation never disturbs the game.
"""

from __future__ import annotations

import math

_MASK = (1 << 64) - 1
_TWO64 = float(1 << 64)

# Streams: independent families of draws.
INCIDENT = 1
DECISION = 2
EVENT = 3
INSTRUMENT = 4
COUNCIL = 5
INTEL = 6
CHOICE = 7
CONTACT = 8  # what a contact tells of a party (intel.py)
DOSSIER = 9  # the office's file on the opening position (intel.py)


def _mix(x: int) -> int:
    """SplitMix64 finaliser: a good 64-bit hash of a 64-bit integer."""
    x = (x + 0x9E3779B97F4A7C15) & _MASK
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
    return x ^ (x >> 31)


class Dice:
    """Deterministic uniform and normal draws addressed by (turn, stream, key)."""

    __slots__ = ("seed", "_base")

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._base = _mix(seed & _MASK)

    def uniform(self, turn: int, stream: int, key: int) -> float:
        """A float in [0, 1): _mix of the address, written out here because it is the engine's most frequent call."""
        x = ((self._base ^ ((turn << 40) + (stream << 32) + key)) + 0x9E3779B97F4A7C15) & _MASK
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _MASK
        return (x ^ (x >> 31)) / _TWO64

    def reseeded(self, from_turn: int, seed: int) -> Dice:
        """Dice that draw exactly like these before `from_turn` and from `seed` on and after it: the same past,
        another future (counterfactuals and advisor rollouts sample futures this way)."""
        return ForkedDice(self, from_turn, seed)

    def normal(self, turn: int, stream: int, key: int) -> float:
        """A standard normal draw (Box-Muller on two addressed uniforms)."""
        u1 = self.uniform(turn, stream, 2 * key) or 1e-12
        u2 = self.uniform(turn, stream, 2 * key + 1)
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


class ForkedDice(Dice):
    """Dice whose draws for turns >= `from_turn` come from another seed (see Dice.reseeded)."""

    __slots__ = ("_past", "from_turn")

    def __init__(self, past: Dice, from_turn: int, seed: int) -> None:
        super().__init__(seed)
        self._past, self.from_turn = past, from_turn

    def uniform(self, turn: int, stream: int, key: int) -> float:
        if turn < self.from_turn:
            return self._past.uniform(turn, stream, key)
        return Dice.uniform(self, turn, stream, key)


def key_of(*parts: int) -> int:
    """Combine small integers into one 32-bit key (e.g. party index and attribute index)."""
    k = 0
    for p in parts:
        k = (k * 1_000_003 + p) & 0xFFFFFFFF
    return k


def stable_hash(text: str) -> int:
    """A hash of a string that is the same in every process (unlike hash(), which is salted)."""
    h = 1469598103934665603
    for ch in text.encode("utf-8"):
        h = ((h ^ ch) * 1099511628211) & _MASK
    return h & 0xFFFFFFFF
