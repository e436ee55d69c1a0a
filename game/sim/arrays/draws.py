"""The engine's counter-based draws (game/engine/rng.py) for many seeds at once, in numpy's uint64 arithmetic.

`Dice.uniform(turn, stream, key)` is SplitMix64's finaliser of (mix(seed) ^ address) over 2**64; unsigned 64-bit
arrays wrap exactly as the engine's masked integers do, and the conversion to a float rounds as Python's does,
so every world draws bit for bit what the engine draws on its seed (tests/sim/arrays/test_draws.py).
"""

from __future__ import annotations

import numpy as np

_MASK = (1 << 64) - 1
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_TWO64 = float(1 << 64)


def _finish(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser on arrays (the additions and products wrap modulo 2**64, as the engine masks)."""
    x = x + _GOLDEN
    x = (x ^ (x >> _S30)) * _M1
    x = (x ^ (x >> _S27)) * _M2
    return x ^ (x >> _S31)


class ArrayDice:
    """The draws of many games at once: element j draws as `Dice(seeds[j])` does."""

    __slots__ = ("base",)

    def __init__(self, seeds) -> None:
        masked = np.array([int(s) & _MASK for s in seeds], dtype=np.uint64)
        self.base = _finish(masked)

    def take(self, index: np.ndarray) -> ArrayDice:
        """The dice of the worlds at `index` (when finished worlds are dropped)."""
        out = object.__new__(ArrayDice)
        out.base = self.base[index]
        return out

    def uniform(self, turn: int, stream: int, key: int) -> np.ndarray:
        """Every world's float in [0, 1) at address (turn, stream, key)."""
        address = np.uint64(((turn << 40) + (stream << 32) + key) & _MASK)
        return _finish(self.base ^ address).astype(np.float64) / _TWO64
