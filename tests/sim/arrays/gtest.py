"""The G-test of homogeneity for two samples' counts over the same categories (endings), with the chi-square
distribution's survival function written out (the regularized upper incomplete gamma function, series and
continued fraction as in Numerical Recipes §6.2), so the suite needs no statistics library."""

from __future__ import annotations

import math
from collections.abc import Mapping


def _lower_series(a: float, x: float) -> float:
    """P(a, x) by its series, for x < a + 1."""
    term = total = 1.0 / a
    n = 0
    while abs(term) > abs(total) * 1e-16 and n < 10_000:
        n += 1
        term *= x / (a + n)
        total += term
    return total * math.exp(-x + a * math.log(x) - math.lgamma(a))


def _upper_fraction(a: float, x: float) -> float:
    """Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1."""
    tiny = 1e-300
    b = x + 1.0 - a
    c, d = 1.0 / tiny, 1.0 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-16:
            break
    return math.exp(-x + a * math.log(x) - math.lgamma(a)) * h


def chi2_sf(x: float, df: int) -> float:
    """The probability that a chi-square variable with `df` degrees of freedom exceeds x."""
    if x <= 0.0:
        return 1.0
    a, half = df / 2.0, x / 2.0
    return 1.0 - _lower_series(a, half) if half < a + 1.0 else _upper_fraction(a, half)


def g_test(first: Mapping[str, int], second: Mapping[str, int]) -> tuple[float, int, float]:
    """(G, degrees of freedom, p-value) for the hypothesis that both samples come from one distribution over
    the categories either reached (a category neither reached tells nothing)."""
    keys = [k for k in first.keys() | second.keys() if first.get(k, 0) + second.get(k, 0) > 0]
    n1, n2 = sum(first.get(k, 0) for k in keys), sum(second.get(k, 0) for k in keys)
    total = n1 + n2
    g = 0.0
    for k in keys:
        column = first.get(k, 0) + second.get(k, 0)
        for observed, n in ((first.get(k, 0), n1), (second.get(k, 0), n2)):
            if observed:
                g += 2.0 * observed * math.log(observed / (n * column / total))
    df = len(keys) - 1
    return g, df, chi2_sf(g, df) if df > 0 else 1.0
