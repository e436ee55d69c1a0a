"""Batch games written as save files: ordinary saves that load and replay, the same files for any --jobs."""

from __future__ import annotations

import json

import pytest

from game.engine import build_rules
from game.saves.store import load_save, resume
from game.scenario.loader import load_scenario
from game.sim.batch import BatchError, game_file, run_batch

from .conftest import SAMPLE


def _without_times(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k not in ("created", "updated")}


def test_every_game_is_saved_and_resumes_to_the_same_ending(tmp_path):
    folder = tmp_path / "new" / "games"
    result = run_batch(SAMPLE, "random", 6, seed=2, jobs=1, save_games=folder)
    loaded = load_scenario(SAMPLE)
    rules = build_rules(loaded.scenario)
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == sorted(game_file("sample_river_dispute", "random", i) for i in range(6))
    for rec in result.records:
        save = load_save(folder / game_file("sample_river_dispute", "random", rec.index))
        assert save.player == f"sim-random-{rec.index}"
        game = resume(save, rules, loaded.digest)
        assert game.done and game.ending == rec.ending and game.seed == rec.seed


def test_the_same_files_for_one_and_two_processes(tmp_path):
    run_batch(SAMPLE, "random", 12, seed=5, jobs=1, save_games=tmp_path / "one")
    run_batch(SAMPLE, "random", 12, seed=5, jobs=2, save_games=tmp_path / "two")
    one = sorted((tmp_path / "one").iterdir())
    assert [f.name for f in one] == sorted(f.name for f in (tmp_path / "two").iterdir())
    for f in one:
        assert _without_times(f) == _without_times(tmp_path / "two" / f.name)


def test_fixed_policy_names_make_safe_file_names():
    assert game_file("cuba", "fixed:public_appeal:usa_ussr", 3) == "cuba-fixed-public_appeal-usa_ussr-3.json"


def test_a_file_in_place_of_the_folder_is_refused(tmp_path):
    blocker = tmp_path / "games"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(BatchError, match="this is a file"):
        run_batch(SAMPLE, "passive", 2, save_games=blocker)
