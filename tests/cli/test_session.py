"""`python main.py session` and `play --session CODE`, run as a teacher and students would."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.autosaves import only_autosave

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def run(*args: str, stdin: str = "", saves: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if saves is not None:
        env["GOOD_OFFICES_SAVES"] = str(saves)
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, env=env)


def code_for(*args: str) -> str:
    result = run("session", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[0]


def test_session_prints_a_code_and_how_to_use_it():
    result = run("session", "sample_river_dispute", "--seed", "5")
    assert result.returncode == 0, result.stderr
    code, about, use = result.stdout.splitlines()
    assert re.fullmatch(r"RIVE-[0-9A-HJKMNP-TV-Z]{4}", code)
    assert about == "The Varta Dam Dispute (sample_river_dispute), seed 5."
    assert f"python main.py play --session {code} --player NAME" in use


def test_without_a_seed_each_session_is_a_new_short_code():
    codes = {code_for("sample_river_dispute") for _ in range(3)}
    assert all(len(c) == len("RIVE-XXXX") for c in codes) and len(codes) >= 2


def test_two_students_with_one_code_play_the_same_world(tmp_path):
    code = code_for("sample_river_dispute", "--seed", "77")
    moves = "do 1\nend\nend\ndo 2\nend\n" + "end\n" * 20
    first = run("play", "--session", code, "--text", "--player", "Ana", stdin=moves, saves=tmp_path / "a")
    second = run("play", "--session", code.lower(), "--text", "--player", "Ben", stdin=moves, saves=tmp_path / "b")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert f"Session {code} — everyone with this code plays the same world." in first.stdout
    assert first.stdout.replace(str(only_autosave(tmp_path / "a", "sample_river_dispute")), "SAVE") == \
        second.stdout.replace(str(only_autosave(tmp_path / "b", "sample_river_dispute")), "SAVE")
    saves = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "a", tmp_path / "b")
             for p in sorted(p.glob("*.json"))]
    assert [s["player"] for s in saves] == ["Ana", "Ben"] and saves[0]["seed"] == saves[1]["seed"] == 77
    assert saves[0]["snapshot"] == saves[1]["snapshot"]


def test_a_typo_in_the_code_is_one_line_and_exit_2():
    code = code_for("sample_river_dispute", "--seed", "5")
    typo = code[:-1] + ("X" if code[-1] != "X" else "Y")
    result = run("play", "--session", typo, "--text")
    assert result.returncode == 2
    assert result.stderr.strip() == (f"python main.py: error: session code {typo} has a typo: "
                                     "check each character against the board")


def test_an_unknown_tag_lists_the_known_ones():
    result = run("play", "--session", "ZZZZ-1234", "--text")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "RIVE (sample_river_dispute)" in result.stderr


def test_session_conflicts_with_load_and_seed():
    code = code_for("sample_river_dispute", "--seed", "5")
    for extra in (("--seed", "3"), ("--load", "x.json")):
        result = run("play", "--session", code, *extra)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_play_without_scenario_or_session_is_a_usage_error():
    result = run("play")
    assert result.returncode == 2 and "--session CODE" in result.stderr


def test_a_teachers_own_scenario_file_needs_the_file_too(tmp_path):
    minimal = FIXTURES / "minimal.yaml"
    code = code_for(str(minimal), "--seed", "9")
    assert code.startswith("MINI-")
    played = run("play", minimal, "--session", code, "--text", stdin="end\n" * 10, saves=tmp_path)
    assert played.returncode == 0, played.stderr
    alone = run("play", "--session", code, "--text")
    assert alone.returncode == 2 and "names no known scenario" in alone.stderr


def test_a_code_for_another_scenario_is_refused():
    code = code_for("sample_river_dispute", "--seed", "5")
    result = run("play", FIXTURES / "minimal.yaml", "--session", code, "--text")
    assert result.returncode == 2 and "is for scenario 'sample_river_dispute', not 'minimal'" in result.stderr


def test_a_negative_seed_is_a_usage_error():
    result = run("session", "sample_river_dispute", "--seed", "-4")
    assert result.returncode == 2 and "0 or more" in result.stderr


def test_a_facilitator_code_names_the_same_world_in_facilitator_mode():
    from game.sim.session import decode, shipped_tags

    plain = decode(code_for("sample_river_dispute", "--seed", "5"), shipped_tags())
    teacher = decode(code_for("sample_river_dispute", "--seed", "5", "--facilitator"), shipped_tags())
    assert (plain.scenario_id, plain.seed, plain.facilitator) == ("sample_river_dispute", 5, False)
    assert (teacher.scenario_id, teacher.seed, teacher.facilitator) == ("sample_river_dispute", 5, True)
