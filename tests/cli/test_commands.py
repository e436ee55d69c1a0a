"""The command line contract (design §4): validate, info, schema, usage errors — run as a user would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml")) + sorted((FIXTURES / "invalid_semantic").glob("*.yaml"))
HOSTILE = sorted((FIXTURES / "hostile").glob("*.yaml"))


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60
    )


def test_validate_shipped_scenarios_exits_0():
    result = run("validate", "scenarios")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout
    assert "valid" in result.stderr


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_each_invalid_fixture_exits_1_pointing_at_the_node(path):
    expected = re.match(r"# expect: (\d+):(\d+):", path.read_text(encoding="utf-8"))
    result = run("validate", str(path.relative_to(ROOT)))
    assert result.returncode == 1
    assert f"{path.relative_to(ROOT)}:{expected[1]}:{expected[2]}: error: " in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("path", HOSTILE, ids=[p.name for p in HOSTILE])
def test_each_hostile_file_exits_1_with_one_clear_line(path):
    result = run("validate", str(path.relative_to(ROOT)))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path.relative_to(ROOT)}:") and ": error: " in lines[0]
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_reports_every_file_of_a_folder(tmp_path):
    (tmp_path / "good.yaml").write_text((FIXTURES / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("id: [", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert "bad.yaml:" in result.stdout and "good.yaml" not in result.stdout
    assert "2 files checked: 1 valid, 1 with errors" in result.stderr


def test_validate_missing_path_is_a_usage_error():
    result = run("validate", "no/such/file.yaml")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such file" in result.stderr


def test_info_json_has_the_promised_keys():
    result = run("info", "sample_river_dispute", "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert {
        "id",
        "title",
        "start",
        "end",
        "turn_unit",
        "turns",
        "parties",
        "instruments",
        "events",
        "endings",
        "sources",
    } <= set(info)
    assert info["id"] == "sample_river_dispute"
    assert (info["start"], info["end"], info["turn_unit"], info["turns"]) == ("2030-03-04", "2030-05-20", "week", 12)
    assert {"id": "war", "rating": "failure"} in info["endings"]
    assert info["parties"] == ["karelia", "lowmark"] and len(info["sources"]) >= 3


def test_info_accepts_a_path_and_prints_a_readable_page():
    result = run("info", "scenarios/sample_river_dispute.yaml")
    assert result.returncode == 0
    assert "The Varta Dam Dispute" in result.stdout and "Endings:" in result.stdout


def test_info_unknown_id_suggests_the_nearest():
    result = run("info", "sample_river_dispte")
    assert result.returncode == 2
    assert "did you mean 'sample_river_dispute'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_of_an_invalid_scenario_exits_1_with_its_problems():
    result = run("info", str((FIXTURES / "invalid" / "unknown_field.yaml").relative_to(ROOT)))
    assert result.returncode == 1
    assert "unknown field 'titel'" in result.stderr


def test_schema_prints_json_schema():
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout)["title"] == "Good Offices scenario"


def test_wrong_flag_is_one_line_and_exit_2():
    result = run("validate", "--frobnicate", "scenarios")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--frobnicate" in result.stderr


def test_screenshot_of_an_unknown_screen_is_a_usage_error_on_one_line():
    result = run("screenshot", "sample_river_dispute", "--screen", "nowhere", "--out", "x.png")
    assert result.returncode == 2
    assert "unknown screen 'nowhere'" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_every_subcommand_has_help():
    for command in ("play", "validate", "simulate", "info", "schema", "report", "screenshot", "new-scenario"):
        result = run(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_screenshot_help_lists_every_screen():
    from game.ui.screen_names import SCREEN_NAMES

    help_text = " ".join(run("screenshot", "--help").stdout.split())
    assert all(name in help_text for name in SCREEN_NAMES)
