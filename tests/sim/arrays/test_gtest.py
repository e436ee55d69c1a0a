"""The equivalence test's statistic: the chi-square survival function against known values, and the G-test
telling one distribution from two."""

from __future__ import annotations

import pytest

from .gtest import chi2_sf, g_test


@pytest.mark.parametrize(("x", "df", "p"), [
    (3.841458820694124, 1, 0.05), (5.991464547107979, 2, 0.05), (23.209251158954356, 10, 0.01),
    (1.0, 3, 0.8012519569012008), (50.0, 4, 3.6024100426734e-10), (0.0, 2, 1.0),
])
def test_the_chi_square_tail_matches_known_values(x, df, p):
    assert chi2_sf(x, df) == pytest.approx(p, rel=1e-9)


def test_the_g_test_accepts_samples_of_one_distribution_and_rejects_different_ones():
    same = g_test({"a": 5000, "b": 3000, "c": 2000, "never": 0}, {"a": 50_100, "b": 29_800, "c": 20_100})
    assert same[1] == 2 and same[2] > 0.5
    moved = g_test({"a": 5000, "b": 3000, "c": 2000}, {"a": 46_000, "b": 32_000, "c": 22_000})
    assert moved[2] < 1e-6
