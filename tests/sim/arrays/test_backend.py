"""Which back end plays a batch: the arrays where they can play it exactly, else the engine, saying why — in the
batch's result, `simulate --json`'s `backend` fields and a line of its table; `--backend` chooses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.sim.arrays import exprs
from game.sim.arrays.play import _TABLES
from game.sim.batch import BatchError, run_batch

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"


def test_passive_batches_are_played_on_arrays_by_default():
    result = run_batch(SAMPLE, "passive", 40, seed=1)
    assert (result.backend, result.backend_reason) == ("arrays", None)


def test_a_policy_the_arrays_do_not_play_runs_on_the_engine_saying_which():
    result = run_batch(SAMPLE, "random", 10, seed=1)
    assert (result.backend, result.backend_reason) == ("engine", ("policy", "random"))
    asked = run_batch(SAMPLE, "greedy", 2, seed=1, backend="arrays")
    assert (asked.backend, asked.backend_reason) == ("engine", ("policy", "greedy"))


def test_saved_games_are_played_by_the_engine(tmp_path):
    result = run_batch(SAMPLE, "passive", 3, seed=1, save_games=tmp_path / "games")
    assert (result.backend, result.backend_reason) == ("engine", ("saved_games", ""))
    assert len(list((tmp_path / "games").iterdir())) == 3


def test_the_engine_asked_for_plays_without_a_note():
    result = run_batch(SAMPLE, "passive", 10, seed=1, backend="engine")
    assert (result.backend, result.backend_reason) == ("engine", None)


def test_an_unknown_back_end_is_refused():
    with pytest.raises(BatchError, match="unknown back end 'gpu'"):
        run_batch(SAMPLE, "passive", 10, backend="gpu")


def test_an_expression_the_arrays_cannot_generate_sends_the_batch_to_the_engine(monkeypatch):
    monkeypatch.setattr(exprs.Expression, "bind_arrays", lambda self, *args: None)
    _TABLES.clear()
    try:
        result = run_batch(SAMPLE, "passive", 10, seed=1)
    finally:
        _TABLES.clear()
    assert result.backend == "engine"
    assert result.backend_reason[0] == "expression"


def test_arrays_give_the_same_batch_on_one_process_or_two():
    one = run_batch(SAMPLE, "passive", 300, seed=5, jobs=1)
    two = run_batch(SAMPLE, "passive", 300, seed=5, jobs=2)
    assert one.backend == two.backend == "arrays"
    assert one.records == two.records


def test_simulate_says_what_played_the_games(capsys):
    assert main(["simulate", str(SAMPLE), "--runs", "30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["backend"], data["backend_reason"], data["backend_detail"]) == ("arrays", None, None)
    assert main(["simulate", str(SAMPLE), "--runs", "5", "--policy", "random", "--backend", "arrays"]) == 0
    table = capsys.readouterr().out
    assert "Played by:             the engine (not the arrays: the random policy is played by the engine only)" \
        in table.splitlines()
    assert main(["simulate", str(SAMPLE), "--runs", "5", "--backend", "engine"]) == 0
    assert "Played by:             the engine" in capsys.readouterr().out.splitlines()


def test_simulate_s_help_names_the_back_ends(capsys):
    with pytest.raises(SystemExit):
        main(["simulate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--backend {auto,engine,arrays}" in out
    with pytest.raises(SystemExit):
        main(["simulate", str(SAMPLE), "--backend", "gpu"])
    assert "invalid choice: 'gpu'" in capsys.readouterr().err
