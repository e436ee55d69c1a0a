"""`balance`: a verdict for authors, JSON with stable keys for tools, one-line usage errors with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.cli.main import main
from game.scenario.catalogue import shipped

ROOT = Path(__file__).resolve().parents[2]
UNBALANCED = str(ROOT / "tests" / "fixtures" / "balance" / "unbalanced.yaml")
INVALID = str(ROOT / "tests" / "fixtures" / "invalid" / "missing_field.yaml")


def test_text_report_starts_with_the_verdict(capsys):
    assert main(["balance", UNBALANCED, "--runs", "20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Balance of Unbalanced (test fixture) (unbalanced): 20 games per policy, seed 0")
    assert "Verdict:" in out and "Ending 'miracle' (Miracle) is unreachable" in out
    assert "Endings by policy" in out and "Instruments" in out


def test_json_keys(capsys):
    assert main(["balance", UNBALANCED, "--runs", "20", "--seed", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"scenario", "runs", "seed", "policies", "endings", "instruments", "best_fixed", "dominant",
            "verdict", "scenario_file"} <= set(data)
    assert (data["scenario"], data["runs"], data["seed"]) == ("unbalanced", 20, 3)
    assert data["endings"]["miracle"]["reached"] is False


def _exit_code(argv: list[str]) -> int:
    """main's return value, or the code of the SystemExit argparse raises for a usage error."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code)


@pytest.mark.parametrize("args", [["--runs", "0"], ["--jobs", "0"], ["--runs", "x"], ["--bogus"]])
def test_bad_arguments_exit_2_with_one_line(args, capsys):
    assert _exit_code(["balance", UNBALANCED, *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("python main.py") and len(err.splitlines()) == 1


def test_unknown_scenario_exits_2_and_invalid_exits_1(capsys):
    assert main(["balance", "no_such_scenario"]) == 2
    capsys.readouterr()
    assert main(["balance", INVALID, "--runs", "5"]) == 1



@pytest.mark.parametrize("scenario", [s.id for s in shipped()])
def test_json_works_on_every_shipped_scenario(scenario, capsys):
    assert main(["balance", scenario, "--runs", "6", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scenario"] == scenario and data["verdict"]
    assert {"passive", "random", "greedy"} <= set(data["policies"])
    assert all(abs(sum(p["endings"].values()) - 1) < 1e-3 for p in data["policies"].values())
