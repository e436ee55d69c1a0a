"""What a player or a script may type, and files that are not what they seem: every case is one plain line and
the right exit status, never a traceback, never a hang, and nothing already saved is lost."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import textmode
from game.cli.main import main
from game.cli.textmode import Session, TextGame
from game.engine import Game, build_rules
from game.saves import load_save
from game.scenario.loader import load_scenario
from tests.autosaves import only_autosave

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"


def run(args, saves: Path, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GOOD_OFFICES_SAVES": str(saves), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True,
                          timeout=timeout, env=env)


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture(scope="module")
def loaded():
    result = load_scenario(SAMPLE)
    return build_rules(result.scenario), result.digest


def _run(loaded, tmp_path, script: str) -> str:
    rules, digest = loaded
    session = Session(Game(rules, 3), "sample_river_dispute", str(SAMPLE), digest, tmp_path)
    out = io.StringIO()
    assert TextGame(session, io.StringIO(script), out).run(textmode.render_opening(rules, 3)) == 0
    return out.getvalue()


# ---- the text mode ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("do ²", "unknown instrument or proposal '²'"),
        ("do ١", "unknown instrument or proposal '١'"),
        ("do " + "9" * 1000, "there is no action 999999999999…"),
        ("do -1", "there is no action -1"),
        ("do 0", "there is no action 0"),
        ("choose ² 1", "no event is awaiting your decision"),
        ("x" * 5000, "that line is more than 2,000 characters long"),
        ("do \x1b[2J 1", "unknown instrument or proposal '[2j'"),
    ],
)
def test_odd_commands_get_a_plain_answer(loaded, tmp_path, line, expected):
    out = _run(loaded, tmp_path, line + "\nquit\n")
    assert expected in out
    assert "Traceback" not in out


def test_numbers_in_choose_are_read_strictly(loaded, tmp_path):
    rules, digest = loaded
    game = Game(rules, 3)
    while not game.pending():
        game.step()
    session = Session(game, "sample_river_dispute", str(SAMPLE), digest, tmp_path)
    out = io.StringIO()
    TextGame(session, io.StringIO("choose ² 1\nchoose 1 ²\nchoose 1 " + "7" * 1000 + "\nquit\n"), out).run()
    text = out.getvalue()
    assert "no decision is pending on '²'" in text
    assert "has no option '²'" in text and "has no option '777777777777…'" in text


def test_bytes_that_are_not_utf8_are_read_not_crashed_on(tmp_path):
    result = run(("play", "sample_river_dispute", "--text", "--seed", "3", "--player", "Jos\udce9"), tmp_path,
                 stdin=b"do \xe9\nsave Jos\xe9\nquit\n")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")
    assert "unknown instrument or proposal 'é'" in out
    assert load_save(tmp_path / "Jos.json").player == "José"
    assert load_save(only_autosave(tmp_path, "sample_river_dispute")).player == "José"


def test_orders_queued_before_a_save_are_there_after_a_load(tmp_path):
    first = run(("play", "sample_river_dispute", "--text", "--seed", "3"), tmp_path, stdin=b"do 1\nsave mid\nquit\n")
    assert first.returncode == 0
    again = run(("play", "sample_river_dispute", "--text", "--load", str(tmp_path / "mid.json")), tmp_path,
                stdin=b"orders\nquit\n")
    out = again.stdout.decode("utf-8")
    assert again.returncode == 0
    assert len(load_save(tmp_path / "mid.json").draft.actions) == 1
    orders = out[out.index("] > orders"):]
    assert "This turn's orders:\n  - Good offices → karelia_lowmark" in orders


# ---- files that are not what they seem ----------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_play_load_on_a_fifo_says_so_at_once(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = run(("play", "sample_river_dispute", "--text", "--load", str(fifo)), tmp_path, timeout=30)
    assert result.returncode == 1
    assert "is not a regular file" in one_line_error(result)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("command", ["play", "validate", "info", "simulate", "balance"])
def test_a_device_is_not_a_scenario_file(tmp_path, command):
    args = (command, "/dev/zero", "--text") if command == "play" else (command, "/dev/zero")
    result = run(args, tmp_path, timeout=30)
    assert result.returncode == 1
    err = result.stderr.decode() + result.stdout.decode()
    assert "this is not a regular file" in err and "is a folder" not in err and "Traceback" not in err


def test_validate_dev_null_says_what_it_is(tmp_path):
    if not os.path.exists("/dev/null"):
        pytest.skip("no /dev/null")
    result = run(("validate", "/dev/null"), tmp_path)
    assert result.returncode == 1
    assert b"/dev/null:1:1: error: this is not a regular file" in result.stdout
    assert b"no such file or folder" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "info", "play", "report"])
def test_a_name_too_long_for_the_system_is_one_line(tmp_path, command):
    long = str(tmp_path / ("x" * 5000 + ".yaml"))
    args = {"validate": (command, long), "info": (command, long), "play": (command, "sample_river_dispute",
            "--text", "--load", long), "report": (command, long, "--out", str(tmp_path / "r.html"))}[command]
    result = run(args, tmp_path)
    assert result.returncode in (1, 2)
    assert len(one_line_error(result)) < 400 if command != "validate" else b"Traceback" not in result.stderr


def test_new_scenario_with_an_over_long_file_name(tmp_path):
    result = run(("new-scenario", str(tmp_path / ("y" * 300 + ".yaml"))), tmp_path)
    assert result.returncode == 2
    assert "at most 255 bytes" in one_line_error(result)
    assert list(tmp_path.iterdir()) == []


# ---- counts on the command line -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("simulate", "sample_river_dispute", "--runs", "1000000000000"), "--runs must be from 1 to 100,000"),
        (("simulate", "sample_river_dispute", "--runs", "²"), "'²' is not a whole number"),
        (("simulate", "sample_river_dispute", "--runs", "1_000"), "'1_000' is not a whole number"),
        (("simulate", "sample_river_dispute", "--seed", "9" * 5000), "is not a whole number"),
        (("play", "sample_river_dispute", "--seed", "١٢", "--text"), "'١٢' is not a whole number"),
        (("balance", "sample_river_dispute", "--runs", "99999999"), "--runs must be from 1 to 20,000"),
        (("report", "x.json", "--out", "x.html", "--runs", "99999999"), "--runs must be from 0 to 10,000"),
        (("screenshot", "sample_river_dispute", "--screen", "turn", "--out", "x.png", "--turns", "99999999"),
         "--turns must be from 0 to 1,000"),
    ],
)
def test_counts_are_read_strictly_and_bounded(tmp_path, args, expected):
    result = run(args, tmp_path)
    assert result.returncode == 2
    assert expected in one_line_error(result)


def test_jobs_are_capped_at_the_cores(tmp_path):
    result = run(("simulate", "sample_river_dispute", "--runs", "20", "--jobs", "999", "--json"), tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout)["jobs"] <= (os.cpu_count() or 1)
    assert b"note: --jobs 999: using" in result.stderr


def test_screenshot_without_pygame_is_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygame", None)
    for name in [m for m in sys.modules if m.startswith("game.ui")]:
        monkeypatch.delitem(sys.modules, name)
    code = main(["screenshot", "sample_river_dispute", "--screen", "turn", "--out", "x.png"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "pygame" in err and "pip install" in err
