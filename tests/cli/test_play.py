"""`python main.py play` and `python main.py`, run as a player would: scripted stdin, a saves folder, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.autosaves import only_autosave

ROOT = Path(__file__).resolve().parents[2]
PLAY = ("play", "sample_river_dispute", "--text", "--seed", "3")


def run(args, stdin: str, saves: Path, **env_changes: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOOD_OFFICES_SAVES": str(saves), "PYTHONIOENCODING": "utf-8"}
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, env=env)


def test_a_whole_game_from_briefing_to_debrief(tmp_path):
    result = run(PLAY, "do 1\nend\n" + "end\n" * 30, tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "THE VARTA DAM DISPUTE" in out and "You are the Secretary-General" in out
    assert "Seed 3 — same seed, same world: --seed 3" in out
    assert "Week 1 of 12 · 4 March 2030" in out and "Karelia – Lowmark [karelia_lowmark]: ██░░░░░░ 2/7 crisis" in out
    assert "What happened in week 1 · 4 March 2030" in out and "What changed, and why:" in out
    assert "══ The end:" in out and "Rating:" in out
    assert "Your score:" in out and "Without you:" in out and "Peak escalation:" in out
    assert "What really happened:" in out
    assert only_autosave(tmp_path, "sample_river_dispute").is_file()


def test_same_seed_same_world(tmp_path):
    first = run(PLAY, "end\n" * 30, tmp_path / "a")
    second = run(PLAY, "end\n" * 30, tmp_path / "b")

    def world(result, folder) -> str:  # the game, without where it was saved (each game has its own file)
        return result.stdout.replace(str(only_autosave(folder, "sample_river_dispute")), "SAVE")

    assert world(first, tmp_path / "a") == world(second, tmp_path / "b")


def test_without_text_flag_and_without_a_display_plays_in_the_terminal(tmp_path):
    result = run(("play", "sample_river_dispute", "--seed", "3"), "", tmp_path, DISPLAY=None, WAYLAND_DISPLAY=None,
                 SDL_VIDEODRIVER="dummy")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "No display found: playing in the terminal."


def test_random_seed_is_printed(tmp_path):
    result = run(("play", "sample_river_dispute", "--text"), "", tmp_path)
    assert result.returncode == 0
    assert "same seed, same world: --seed " in result.stdout


def test_end_of_input_saves_and_the_save_continues(tmp_path):
    first = run(PLAY, "do 1\nend\nend\n", tmp_path)
    assert first.returncode == 0, first.stderr
    save = only_autosave(tmp_path, "sample_river_dispute")
    assert first.stdout.rstrip().splitlines()[-1] == (
        f"Game saved to {save}. Continue with: python main.py play sample_river_dispute --load {save}")
    assert len(json.loads(save.read_text())["inputs"]) == 2

    second = run(("play", "sample_river_dispute", "--text", "--load", str(save)), "status\n" + "end\n" * 30, tmp_path)
    assert second.returncode == 0, second.stderr
    assert f"Resumed from {save}: week 3 of 12, seed 3." in second.stdout
    assert "Week 3 of 12 · 18 March 2030" in second.stdout
    assert "══ The end:" in second.stdout

    whole = run(PLAY, "do 1\nend\n" + "end\n" * 30, tmp_path / "again")
    tail = whole.stdout[whole.stdout.index("══ The end:"):]
    assert tail.replace(str(only_autosave(tmp_path / "again", "sample_river_dispute")), "SAVE") == \
        second.stdout[second.stdout.index("══ The end:"):].replace(str(save), "SAVE")


def test_unknown_command_illegal_action_and_why(tmp_path):
    script = "fnord\nxyzzy\nedn\ndo visit\ndo article_99 lowmark\ndo 1\nend\nwhy prestige\nwhy karelia_lowmark\nquit\n"
    out = run(PLAY, script, tmp_path).stdout
    assert "unknown command 'fnord' — did you mean 'orders'? Type 'help' for the commands." in out
    assert "unknown command 'edn' — did you mean 'end'?" in out
    assert "unknown command 'xyzzy'; type 'help' for the commands." in out
    assert "cannot do that: Visit to the region needs a target: Karelia (karelia), Lowmark (lowmark)" in out
    assert ("cannot do that: 'lowmark' is not a pair of parties; choose one of Karelia – Lowmark (karelia_lowmark)"
            in out)
    assert "Why prestige changed in week 1 (4 March 2030):" in out
    assert "Good offices" in out.split("Why prestige changed")[1]
    assert "Why Karelia – Lowmark changed" in out and "(hidden: only which way each cause pushed it)" in out


def test_hidden_intention_never_printed_without_contact(tmp_path):
    out = run(PLAY, "do private_appeal karelia\nend\n" + "end\n" * 30, tmp_path).stdout
    party_lines = [line for line in out.splitlines() if "[lowmark] · intention:" in line]
    assert party_lines
    assert all("intention: unknown" in line for line in party_lines)
    for word in ("escalate", "hold", "settle"):
        assert f"intention: {word}" not in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\xffgarbage", "the save file is truncated or corrupt"),
        (b'{"format": "good-offices-save", "version": 99}', "made by a newer version of Good Offices (save format 99)"),
        (b"", "the save file is empty"),
    ],
)
def test_load_of_a_bad_save_exits_1_with_one_line(tmp_path, content, expected):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    result = run(("play", "sample_river_dispute", "--text", "--load", str(bad)), "", tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"python main.py: error: {bad}: ") and expected in lines[0]
    assert bad.read_bytes() == content


def test_load_for_another_scenario_exits_1(tmp_path):
    other = ROOT / "tests" / "fixtures" / "minimal.yaml"
    run(PLAY, "end\n", tmp_path)
    save = only_autosave(tmp_path, "sample_river_dispute")
    result = run(("play", str(other), "--text", "--load", str(save)), "", tmp_path)
    assert result.returncode == 1
    assert "this save is for scenario 'sample_river_dispute', not 'minimal'" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_unknown_scenario_is_a_usage_error(tmp_path):
    result = run(("play", "no_such_scenario", "--text"), "", tmp_path)
    assert result.returncode == 2
    assert "unknown scenario 'no_such_scenario'" in result.stderr and "Traceback" not in result.stderr


def test_no_command_without_display_and_eof(tmp_path):
    result = run((), "", tmp_path, DISPLAY=None, WAYLAND_DISPLAY=None, SDL_VIDEODRIVER="dummy")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "No display found: starting the text mode."
    assert "The Varta Dam Dispute [sample_river_dispute]" in result.stdout
    assert "Traceback" not in result.stderr


def test_no_command_picks_a_scenario_and_plays(tmp_path):
    result = run((), "nine\nsample_river_dispute\nquit\n", tmp_path, DISPLAY=None, WAYLAND_DISPLAY=None,
                 SDL_VIDEODRIVER=None)
    assert result.returncode == 0, result.stderr
    assert "'nine' is not on the list" in result.stdout
    assert "THE VARTA DAM DISPUTE" in result.stdout and "Game saved to" in result.stdout
    assert only_autosave(tmp_path, "sample_river_dispute").is_file()


def test_no_command_when_the_window_cannot_open_says_why_and_starts_the_text_mode(tmp_path):
    result = run((), "", tmp_path, DISPLAY=":97", WAYLAND_DISPLAY=None, SDL_VIDEODRIVER="x11")
    first = result.stdout.splitlines()[0]
    assert first.startswith("The game window could not open (") and first.endswith("): starting the text mode.")
