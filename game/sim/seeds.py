"""Seeds for simulated games: pure integer mixing, so a seed is the same in every process and on every machine.

Never `hash()` (salted per process) and never anything that depends on scheduling.
"""

from __future__ import annotations

MASK64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_SEED_BITS = (1 << 63) - 1  # keep derived seeds positive and within a signed 64-bit integer


def splitmix64(x: int) -> int:
    """The SplitMix64 step: a well-mixed 64-bit integer from any integer."""
    x = (x + _GOLDEN) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def derive_seed(seed: int, index: int) -> int:
    """The seed of game `index` of a run seeded with `seed`: independent of how games are spread over processes."""
    return splitmix64(splitmix64(seed & MASK64) ^ (index & MASK64)) & _SEED_BITS
