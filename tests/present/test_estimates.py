"""The parties' estimates in figures: each row's band is its own, and the heading names only bands the rows
really show (their range), never one typical band that some rows do not have."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from game.cli.textmode import render_parties
from game.engine import Game
from game.engine.intel import ESTIMATED, Estimate
from game.present.estimates import bands_text, estimate_text, estimates_note, half_band
from tests.present.test_lines import shipped_rules

BAND = re.compile(r"±(\d+\.\d+)")


def test_a_row_gives_the_wider_side_of_its_band():
    assert estimate_text(Estimate(0.9, 0.7, 1.0)) == "0.90±0.20"
    assert f"{half_band(Estimate(0.1, 0.0, 0.4)):.2f}" == "0.30"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 12), st.data())
def test_the_heading_names_exactly_the_range_of_the_bands_in_the_rows(seed, turns, data):
    rules = data.draw(st.sampled_from(shipped_rules()))
    game = Game(rules, seed, record=False)
    for _ in range(turns):
        if game.done:
            break
        game.step([])
    obs = game.observation()
    rows = "\n".join(render_parties(obs))
    row_bands = sorted({float(b) for b in BAND.findall(rows)})
    note = estimates_note(obs, "day", ESTIMATED)
    note_bands = sorted(float(b) for b in BAND.findall(note))
    assert note_bands == ([row_bands[0]] if len(row_bands) == 1 else [row_bands[0], row_bands[-1]])
    assert bands_text(obs, ESTIMATED) in note
