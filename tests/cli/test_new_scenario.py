"""`new-scenario PATH [--from ID]`: a starting file that validates and plays as it is, never an overwrite."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import new_scenario
from game.cli.balance import run_balance
from game.cli.errors import CliError
from game.cli.new_scenario import run_new_scenario, scenario_id_for, template_text
from game.cli.simulate import run_simulate
from game.scenario.catalogue import SHIPPED_DIR
from game.scenario.loader import load_scenario
from game.scenario.schema import schema_text

ROOT = Path(__file__).resolve().parents[2]


def write(path: Path, source: str | None = None) -> str:
    out = io.StringIO()
    assert run_new_scenario(str(path), source, out) == 0
    return out.getvalue()


def test_the_starting_file_validates_without_errors_or_warnings(tmp_path):
    path = tmp_path / "my_crisis.yaml"
    write(path)
    result = load_scenario(path)
    assert result.ok and result.scenario is not None
    assert result.diagnostics == []
    assert result.scenario.id == "my_crisis"


@pytest.mark.parametrize("policy", ["passive", "random", "greedy", "historical"])
def test_the_starting_file_plays_through_simulate(tmp_path, policy):
    path = tmp_path / "my_crisis.yaml"
    write(path)
    out, err = io.StringIO(), io.StringIO()
    assert run_simulate(str(path), 5, policy, 0, 1, False, out, err) == 0
    assert "5 games" in out.getvalue()


def test_the_starting_file_is_balanced_by_the_balance_command(tmp_path):
    path = tmp_path / "my_crisis.yaml"
    write(path)
    out, err = io.StringIO(), io.StringIO()
    assert run_balance(str(path), 40, 0, 1, True, out, err) == 0
    report = json.loads(out.getvalue())
    assert report["dominant"] is None, "no single repeated move should win the starting scenario"
    assert all(ending["reached"] for ending in report["endings"].values())
    assert report["policies"]["passive"]["ratings"]["failure"] >= 0.5, "doing nothing should usually fail"
    assert report["policies"]["greedy"]["ratings"]["success"] >= 0.5, "good play should usually succeed"


def test_the_starting_file_is_commented_block_by_block():
    lines = template_text().splitlines()
    blocks = [i for i, line in enumerate(lines) if re.fullmatch(r"[a-z_]+:", line)]
    assert len(blocks) >= 15
    for i in blocks:
        assert any(line.startswith("#") for line in lines[max(0, i - 8) : i]), f"no comment above {lines[i]}"


def test_outside_the_project_a_schema_copy_is_written_beside_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(new_scenario, "SHIPPED_DIR", tmp_path / "elsewhere" / "scenarios")
    path = tmp_path / "class" / "crisis.yaml"
    message = write(path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=./scenario.schema.json"
    assert (path.parent / "scenario.schema.json").read_text(encoding="utf-8") == schema_text()
    assert "beside it" in message


def test_inside_the_project_the_modeline_points_at_the_committed_schema(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "scenarios").mkdir(parents=True)
    (project / "scenarios" / "scenario.schema.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(new_scenario, "SHIPPED_DIR", project / "scenarios")
    path = project / "drafts" / "crisis.yaml"
    write(path)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../scenarios/scenario.schema.json"
    assert not (path.parent / "scenario.schema.json").exists()


def test_a_schema_already_beside_the_file_is_used_and_kept(tmp_path):
    (tmp_path / "scenario.schema.json").write_text("{}", encoding="utf-8")
    write(tmp_path / "crisis.yaml")
    assert (tmp_path / "scenario.schema.json").read_text(encoding="utf-8") == "{}"
    assert (tmp_path / "crisis.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=./scenario.schema.json\n"
    )


def test_parent_folders_are_created(tmp_path):
    path = tmp_path / "a" / "b" / "c" / "deep.yaml"
    write(path)
    assert load_scenario(path).ok


def test_from_copies_a_shipped_scenario_with_a_new_id(tmp_path):
    path = tmp_path / "river_copy.yaml"
    write(path, "sample_river_dispute")
    original = (SHIPPED_DIR / "sample_river_dispute.yaml").read_text(encoding="utf-8")
    copy = path.read_text(encoding="utf-8")
    assert copy.replace("id: river_copy", "id: sample_river_dispute", 1).splitlines()[1:] == original.splitlines()[1:]
    result = load_scenario(path)
    assert result.ok and result.scenario.id == "river_copy"


def test_a_file_name_that_is_not_an_id_becomes_one():
    assert scenario_id_for(Path("My Crisis 2.yaml")) == "my_crisis_2"
    assert scenario_id_for(Path("1962.yaml")) == "scenario_1962"
    assert scenario_id_for(Path("---.yaml")) == "my_scenario"
    assert scenario_id_for(Path("cuba.yaml")) == "cuba"


def test_refuses_to_overwrite(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(CliError) as caught:
        run_new_scenario(str(path), None, io.StringIO())
    assert caught.value.code == 2 and "already exists" in caught.value.message
    assert path.read_text(encoding="utf-8") == "keep me"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["new-scenario", "scenarios/sample_river_dispute.yaml"], "already exists"),
        (["new-scenario", "notes.txt"], "must end in .yaml"),
        (["new-scenario", "{tmp}/x.yaml", "--from", "no_such_scenario"], "unknown scenario 'no_such_scenario'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, args, words):
    result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.yaml").exists()


def test_the_command_line_writes_the_file_and_says_what_next(tmp_path):
    path = tmp_path / "new_crisis.yaml"
    result = run("new-scenario", str(path))
    assert result.returncode == 0, result.stderr
    assert "validate" in result.stdout and "docs/authoring.md" in result.stdout
    assert load_scenario(path).ok


def test_the_id_is_replaced_but_a_comment_after_it_is_kept():
    text = "title: x\nid: old_name   # the id\nparties:\n  - id: keep\n"
    assert new_scenario.with_id(text, "new_name") == "title: x\nid: new_name   # the id\nparties:\n  - id: keep\n"
