"""`simulate`: JSON with the promised keys, a readable table, and one-line usage errors with exit 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "scenarios" / "sample_river_dispute.yaml")
INVALID = str(ROOT / "tests" / "fixtures" / "invalid" / "missing_field.yaml")
JSON_KEYS = {"scenario", "policy", "runs", "seed", "jobs", "endings", "success_rate", "failure_rate", "partial_rate",
             "mean_turns", "mean_peak_rung", "mean_final_prestige", "games_per_second"}


def test_json_has_the_promised_keys(capsys):
    code = main(["simulate", SAMPLE, "--runs", "30", "--policy", "random", "--seed", "4", "--json"])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.err == ""
    data = json.loads(captured.out)
    assert set(data) >= JSON_KEYS
    assert (data["scenario"], data["policy"], data["runs"], data["seed"], data["jobs"]) == (
        "sample_river_dispute", "random", 30, 4, 1)
    assert sum(data["endings"].values()) == 30


def test_json_is_the_same_for_any_jobs(capsys):
    outputs = []
    for jobs in ("1", "2"):
        assert main(["simulate", "sample_river_dispute", "--runs", "40", "--policy", "random", "--jobs", jobs,
                     "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        outputs.append({k: v for k, v in data.items() if k not in ("jobs", "seconds", "games_per_second")})
    assert outputs[0] == outputs[1]


def test_table_lists_every_ending_with_its_share(capsys):
    assert main(["simulate", "sample_river_dispute", "--runs", "20", "--policy", "historical"]) == 0
    out = capsys.readouterr().out
    for title in ("War on the Varta", "A water-sharing treaty", "An uneasy calm", "An armed stand-off"):
        assert title in out
    assert "%" in out and "games/s" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--runs", "0"], "--runs must be at least 1"),
        (["--runs", "-3"], "--runs must be at least 1"),
        (["--jobs", "0"], "--jobs must be at least 1"),
        (["--jobs", "-1"], "--jobs must be at least 1"),
        (["--policy", "gredy"], "did you mean 'greedy'?"),
        (["--policy", "fixed:private_appeal:nowhere"], "has no party 'nowhere'"),
    ],
)
def test_bad_flags_exit_2_with_one_line(capsys, args, expected):
    code = main(["simulate", SAMPLE, "--runs", "5", *args])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]


def test_unknown_scenario_exits_2(capsys):
    assert main(["simulate", "no_such_scenario", "--runs", "5"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_invalid_scenario_exits_1(capsys):
    assert main(["simulate", INVALID, "--runs", "5"]) == 1
    err = capsys.readouterr().err
    assert "missing_field.yaml:" in err and "Traceback" not in err


def test_bad_flags_as_a_user_runs_them():
    for args in (["--runs", "0"], ["--runs", "many"], ["--jobs", "0"], ["--policy", "nope"]):
        result = subprocess.run([sys.executable, "main.py", "simulate", "sample_river_dispute", *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stdout == ""


class FakeTerminal(io.StringIO):
    """A stderr that says it is a terminal, to see the progress bar."""

    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_many_runs():
    from game.cli.simulate import PROGRESS_MIN_RUNS, run_simulate

    terminal, out = FakeTerminal(), io.StringIO()
    assert run_simulate(SAMPLE, PROGRESS_MIN_RUNS + 1, "passive", 0, 1, True, out=out, err=terminal) == 0
    assert f"{PROGRESS_MIN_RUNS + 1}/{PROGRESS_MIN_RUNS + 1} games" in terminal.getvalue()
    assert "games" not in out.getvalue().split("{", 1)[0]
    few = FakeTerminal()
    assert run_simulate(SAMPLE, PROGRESS_MIN_RUNS, "passive", 0, 1, True, out=io.StringIO(), err=few) == 0
    assert few.getvalue() == ""


def test_save_games_writes_loadable_saves(tmp_path, capsys):
    folder = tmp_path / "games"
    assert main(["simulate", SAMPLE, "--runs", "3", "--policy", "random", "--save-games", str(folder)]) == 0
    assert "3 games saved" in capsys.readouterr().err
    saved = sorted(p.name for p in folder.iterdir())
    assert saved == [f"sample_river_dispute-random-{i}.json" for i in range(3)]
    out = subprocess.run([sys.executable, "main.py", "play", SAMPLE, "--text", "--load", str(folder / saved[0])],
                         cwd=ROOT, input="quit\n", capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Resumed from" in out.stdout


def test_save_games_refuses_a_file(tmp_path, capsys):
    blocker = tmp_path / "games.txt"
    blocker.write_text("x", encoding="utf-8")
    assert main(["simulate", SAMPLE, "--runs", "3", "--save-games", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "this is a file" in err and len(err.strip().splitlines()) == 1


def test_mean_score_is_null_unless_asked_for_and_then_computed(capsys):
    assert main(["simulate", "sample_river_dispute", "--runs", "12", "--policy", "random", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mean_score"] is None
    assert main(["simulate", "sample_river_dispute", "--runs", "12", "--policy", "random", "--json", "--score"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert isinstance(scored["mean_score"], float)
    assert main(["simulate", "sample_river_dispute", "--runs", "12", "--policy", "random"]) == 0
    assert "Mean score:            not computed (add --score" in capsys.readouterr().out
    assert main(["simulate", "sample_river_dispute", "--runs", "12", "--policy", "random", "--score"]) == 0
    assert f"Mean score:            {scored['mean_score']:+.1f}" in capsys.readouterr().out
