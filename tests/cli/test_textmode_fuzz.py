"""Fuzz: whatever a player types into the text mode — commands and their arguments in any order, numbers in other
scripts or thousands of digits long, control characters, bytes that are not UTF-8, lines of any length — the game
answers each line, never raises, shows no control character, and what it saved loads again."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from game.cli import textmode
from game.cli.textmode import COMMANDS, Session
from game.engine import Game, build_rules
from game.saves import load_save, resume
from game.scenario.limits import forbidden_character
from game.scenario.loader import load_scenario
from tests.fuzzing import fuzz

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"
WORDS = ["good_offices", "karelia_lowmark", "lowmark", "karelia", "private", "public", "shared_filling", "wait",
         "prestige", "karelia_lowmark.rung", "1", "2", "3", "0", "-1", "+2", "²", "١٢", "1_0", "9" * 400, "é",
         "farmers_march", "help", "..", "../../x", "con", "a" * 80]


@st.composite
def typed_lines(draw: Any) -> bytes:
    """Lines a player might type, as the bytes a terminal sends (sometimes not UTF-8)."""
    lines = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.sampled_from(["command", "command", "command", "noise", "bytes", "long"]))
        if kind == "command":
            words = [draw(st.sampled_from([*COMMANDS, "do", "do", "choose", "end"]))]
            words += draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=3))
            lines.append(" ".join(words).encode("utf-8", "surrogatepass"))
        elif kind == "noise":
            lines.append(draw(st.text(max_size=30)).encode("utf-8", "surrogatepass"))
        elif kind == "bytes":
            lines.append(draw(st.binary(max_size=20)).replace(b"\n", b" "))
        else:
            lines.append(b"do " + b"7" * draw(st.integers(1000, 9000)))
    return b"\n".join(lines) + b"\n" + (b"quit\n" if draw(st.booleans()) else b"")


@pytest.fixture(scope="module")
def loaded():
    result = load_scenario(SAMPLE)
    return build_rules(result.scenario), result.digest


@fuzz(150)
@given(script=typed_lines(), seed=st.integers(0, 2**63 - 1))
def test_anything_typed_gets_an_answer_and_leaves_a_loadable_save(loaded, script, seed):
    rules, digest = loaded
    with tempfile.TemporaryDirectory() as folder:
        session = Session(Game(rules, seed), "sample_river_dispute", str(SAMPLE), digest, Path(folder))
        inp = io.TextIOWrapper(io.BytesIO(script), encoding="utf-8")  # strict, as a terminal's stdin may be
        out = io.StringIO()
        assert textmode.play(session, textmode.render_opening(rules, seed), inp, out) == 0
        shown = out.getvalue()
        for line in shown.split("\n"):
            assert forbidden_character(line) is None, repr(line)
        saves = sorted(Path(folder).glob("*.json"))
        event(f"{len(saves)} save file(s)")
        for path in saves:
            game = resume(load_save(path), rules, digest)
            assert game.turn == len(game.inputs)
