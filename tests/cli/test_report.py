"""`python main.py report`, run as a teacher would: one save or a class, three formats, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import Action, Game, build_rules
from game.saves import save_game
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "scenarios" / "sample_river_dispute.yaml"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal.yaml"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def saved(folder: Path, name: str, player: str, scenario: Path = SAMPLE, seed: int = 42, appeal: bool = True) -> Path:
    """A finished game saved as a student would save it: an appeal on the first turn (if any), then waiting."""
    result = load_scenario(scenario)
    game = Game(build_rules(result.scenario), seed)
    if appeal and game.why_illegal(Action("private_appeal", "lowmark")) is None:
        game.step([Action("private_appeal", "lowmark")])
    while not game.done:
        game.step()
    return save_game(game, folder, name, player, scenario_path=str(scenario), digest=result.digest)


@pytest.fixture
def class_dir(tmp_path) -> Path:
    folder = tmp_path / "class"
    for i, player in enumerate(("Ana", "Ben", "Chloé")):
        saved(folder, f"s{i}", player, appeal=i != 2)
    return folder


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_one_save_gives_a_debrief_in_html(tmp_path):
    save = saved(tmp_path, "ana", "Ana")
    out = tmp_path / "debrief.html"
    result = run("report", save, "--out", out, "--runs", "2")
    assert result.returncode == 0, result.stderr
    assert f"Wrote the debrief of {save} to {out}" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert "The Varta Dam Dispute" in html and "Played by <b>Ana</b>" in html and "<svg" in html
    assert "The decisions that mattered most" in html
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


@pytest.mark.parametrize(("out", "extra", "start"), [
    ("r.md", (), "# Debrief: The Varta Dam Dispute"),
    ("r.json", (), "{"),
    ("r.txt", ("--format", "md"), "# Debrief:"),
])
def test_markdown_and_json_by_suffix_or_format(tmp_path, out, extra, start):
    save = saved(tmp_path, "ana", "Ana")
    result = run("report", save, "--out", tmp_path / out, "--runs", "0", *extra)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / out).read_text(encoding="utf-8")
    assert text.startswith(start)
    if out.endswith(".json"):
        assert json.loads(text)["format"] == "good-offices-debrief"


def test_a_folder_gives_a_class_summary_whose_counts_match(class_dir, tmp_path):
    out = tmp_path / "class.json"
    result = run("report", class_dir, "--out", out)
    assert result.returncode == 0, result.stderr
    assert "class summary of 3 games" in result.stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    endings = [json.loads(p.read_text(encoding="utf-8"))["ending"] for p in sorted(class_dir.glob("*.json"))]
    assert data["games"] == 3 and sum(data["endings"].values()) == 3
    assert data["endings"] == {e: endings.count(e) for e in data["endings"]}
    assert sorted(s["name"] for s in data["students"]) == ["Ana", "Ben", "Chloé"]
    appeal = next(u for u in data["instruments"] if u["id"] == "private_appeal")
    assert appeal["games"] == 2


def test_several_files_give_a_class_summary_in_html(class_dir, tmp_path):
    out = tmp_path / "class.html"
    result = run("report", *sorted(class_dir.glob("*.json")), "--out", out)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Class summary" in html and "Chloé" in html and html.count("<svg") >= 3


def test_simulated_games_feed_the_class_summary(tmp_path):
    games = tmp_path / "sim"
    sim = run("simulate", "sample_river_dispute", "--runs", "5", "--policy", "random", "--save-games", games)
    assert sim.returncode == 0, sim.stderr
    out = tmp_path / "sim.json"
    result = run("report", games, "--out", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["games"] == 5


def test_one_save_can_be_summarised_as_a_class(tmp_path):
    save = saved(tmp_path, "ana", "Ana")
    result = run("report", save, "--class", "--out", tmp_path / "c.json")
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert data["format"] == "good-offices-class-summary" and data["games"] == 1


def test_a_corrupt_save_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "good-offices-save", "version": 1', encoding="utf-8")
    result = run("report", bad, "--out", tmp_path / "r.html")
    assert result.returncode == 1
    assert str(bad) in one_line(result) and "corrupt" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_class_with_one_bad_file_is_summarised_with_a_warning(class_dir, tmp_path):
    (class_dir / "notes.json").write_text("[]", encoding="utf-8")
    out = tmp_path / "class.json"
    result = run("report", class_dir, "--out", out)
    assert result.returncode == 0
    assert "notes.json" in one_line(result) and "not a Good Offices save file" in result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["games"] == 3 and len(data["skipped"]) == 1


def test_saves_of_different_scenarios_are_one_line_and_exit_1(class_dir, tmp_path):
    saved(class_dir, "other", "Dan", scenario=MINIMAL)
    result = run("report", class_dir, "--out", tmp_path / "r.html")
    assert result.returncode == 1
    assert "different scenarios (minimal: 1, sample_river_dispute: 3)" in one_line(result)


@pytest.mark.parametrize("args", [
    ("no/such/save.json", "--out", "r.html"),
    ("{save}", "--out", "r.pdf"),
    ("{save}", "--out", "r.html", "--runs", "-1"),
    ("{save}", "--out", "r.html", "--jobs", "0"),
    ("{save}", "--out", "r.html", "--format", "pdf"),
    ("{save}",),
])
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args):
    save = saved(tmp_path, "ana", "Ana")
    result = run("report", *(str(a).format(save=save) for a in args))
    assert result.returncode == 2
    one_line(result)


def test_a_report_never_overwrites_a_save(tmp_path, class_dir):
    save = saved(tmp_path, "ana", "Ana")
    before = save.read_bytes()
    for target in (save, sorted(class_dir.glob("*.json"))[0]):
        result = run("report", save, "--out", target, "--runs", "0")
        assert result.returncode == 2 and "is a saved game" in one_line(result)
    assert save.read_bytes() == before


def test_an_old_report_is_replaced(tmp_path):
    save = saved(tmp_path, "ana", "Ana")
    out = tmp_path / "r.md"
    out.write_text("old report", encoding="utf-8")
    assert run("report", save, "--out", out, "--runs", "0").returncode == 0
    assert out.read_text(encoding="utf-8").startswith("# Debrief")


def test_a_folder_as_out_is_refused(tmp_path):
    save = saved(tmp_path, "ana", "Ana")
    result = run("report", save, "--out", tmp_path, "--format", "html")
    assert result.returncode == 2 and "is a folder" in one_line(result)
