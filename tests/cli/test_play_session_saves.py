"""`play --session CODE` in text mode keeps the code in the game's saves, and `play --load` carries it on."""

from __future__ import annotations

import io

from game.cli.play import run_play
from game.saves import load_save
from game.sim.session import Session, encode, shipped_tags
from tests.autosaves import only_autosave

SAMPLE = "sample_river_dispute"


def test_the_session_code_goes_into_the_saves_and_stays_after_a_load(tmp_path):
    code = encode(Session(SAMPLE, 31), shipped_tags())
    run_play(None, None, True, None, session=code, player="Ana", inp=io.StringIO("end\nsave mine\nquit\n"),
             out=io.StringIO(), saves_dir=tmp_path)
    saved = load_save(tmp_path / "mine.json")
    assert saved.session == code and saved.player == "Ana" and saved.seed == 31
    run_play(SAMPLE, None, True, str(tmp_path / "mine.json"), inp=io.StringIO("end\nquit\n"), out=io.StringIO(),
             saves_dir=tmp_path)
    resumed = load_save(only_autosave(tmp_path, SAMPLE))
    assert resumed.session == code and len(resumed.inputs) == 2
