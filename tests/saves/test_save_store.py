"""Saves on disk: atomic writes, names, autosave, loading, and resuming by replay with every check."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from game.engine import Game, build_rules
from game.saves import VERSION, SaveError, autosave, load_save, resume, save_game, saves_directory, state_to_dict
from game.saves.store import file_name
from game.scenario.loader import load_scenario

from .conftest import play_some

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal.yaml"


def _save(game, folder, sample, name=None) -> Path:
    _, digest, path = sample
    return save_game(game, folder, name, scenario_path=path, digest=digest)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _one_line(exc: pytest.ExceptionInfo) -> str:
    message = exc.value.message
    assert message and "\n" not in message
    return message


# ---- writing --------------------------------------------------------------------------------------------------


def test_save_load_resume_gives_the_same_game(tmp_path, sample):
    rules, digest, _ = sample
    game = play_some(rules)
    path = _save(game, tmp_path, sample)
    again = resume(load_save(path), rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.observation() == game.observation()
    assert again.inputs == game.inputs
    assert [r.changes for r in again.reports] == [r.changes for r in game.reports]


def test_a_format_2_save_without_the_intel_log_still_resumes(tmp_path, sample):
    rules, digest, _ = sample
    game = play_some(rules)
    path = _save(game, tmp_path, sample)
    data = json.loads(path.read_text())
    data["version"] = 2
    del data["snapshot"]["intel"], data["snapshot"]["opinion"]
    path.write_text(json.dumps(data))
    again = resume(load_save(path), rules, digest)
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.observation() == game.observation()


def test_an_edited_intel_log_is_caught(tmp_path, sample):
    rules, digest, _ = sample
    path = _save(play_some(rules), tmp_path, sample)
    data = json.loads(path.read_text())
    data["snapshot"]["intel"][1][0] = 0.99
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        resume(load_save(path), rules, digest)
    assert _one_line(exc).startswith("the save is inconsistent with its scenario")


def test_a_format_2_file_has_no_intel_log(tmp_path, sample):
    path = _save(play_some(sample[0]), tmp_path, sample)
    data = json.loads(path.read_text())
    data["version"] = 2
    del data["snapshot"]["opinion"]
    path.write_text(json.dumps(data))
    with pytest.raises(SaveError) as exc:
        load_save(path)
    assert "'snapshot.intel' is not part of a save file" in _one_line(exc)


def test_resumed_game_plays_on_like_the_original(tmp_path, sample):
    rules, digest, _ = sample
    game = play_some(rules, turns=2)
    again = resume(load_save(_save(game, tmp_path, sample)), rules, digest)
    while not game.done:
        game.step()
        again.step()
    assert state_to_dict(again.state) == state_to_dict(game.state)
    assert again.score() == game.score()


def test_default_names_are_unique_and_named_after_the_scenario(tmp_path, sample):
    rules, _, _ = sample
    game = Game(rules, 1)
    first, second = _save(game, tmp_path, sample), _save(game, tmp_path, sample)
    assert first != second
    assert first.name.startswith("sample_river_dispute-") and first.suffix == ".json"
    assert second.name.startswith("sample_river_dispute-")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


def test_given_names_are_sanitised_and_stay_in_the_folder(tmp_path, sample):
    rules, _, _ = sample
    path = _save(Game(rules, 1), tmp_path / "saves", sample, "../../my game: week 3!")
    assert path.parent == tmp_path / "saves"
    assert path.name == "my-game-week-3.json"
    assert file_name("x", "class.json") == "class.json"


@pytest.mark.parametrize("bad", ["", "...", "///", "  "])
def test_a_name_with_nothing_usable_is_refused(tmp_path, sample, bad):
    rules, _, _ = sample
    with pytest.raises(SaveError) as info:
        _save(Game(rules, 1), tmp_path, sample, bad)
    assert "cannot be a save name" in _one_line(info)
    assert list(tmp_path.iterdir()) == []


def test_same_name_replaces_and_keeps_created(tmp_path, sample):
    rules, digest, path = sample
    game = Game(rules, 1)
    first = save_game(game, tmp_path, "slot", scenario_path=path, digest=digest, created="2030-01-01T00:00:00Z")
    game.step()
    second = save_game(game, tmp_path, "slot", scenario_path=path, digest=digest, created="2030-01-01T00:00:00Z")
    assert first == second
    save = load_save(second)
    assert save.created == "2030-01-01T00:00:00Z" and len(save.inputs) == 1


def test_each_game_has_its_own_autosave_slot(tmp_path, sample):
    rules, digest, path = sample
    game, other = Game(rules, 1), Game(rules, 1)
    first = autosave(game, tmp_path, scenario_path=path, digest=digest, game_id="a1")
    game.step()
    second = autosave(game, tmp_path, scenario_path=path, digest=digest, game_id="a1")
    third = autosave(other, tmp_path, scenario_path=path, digest=digest, game_id="b2")
    assert first == second == tmp_path / "autosave-sample_river_dispute-a1.json"
    assert third == tmp_path / "autosave-sample_river_dispute-b2.json"
    assert len(load_save(second).inputs) == 1 and load_save(second).game_id == "a1"
    assert len(load_save(third).inputs) == 0 and load_save(third).game_id == "b2"
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name, third.name]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_saves_are_readable_by_others(tmp_path, sample):
    rules, _, _ = sample
    path = _save(Game(rules, 1), tmp_path, sample)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_saves_directory():
    assert saves_directory({"GOOD_OFFICES_SAVES": "/x/y"}) == Path("/x/y")
    assert saves_directory({}, Path("/home/a")) == Path("/home/a/saves")


# ---- an interrupted write -------------------------------------------------------------------------------------


@pytest.mark.parametrize("broken", ["replace", "fsync"])
def test_interrupted_save_leaves_the_previous_one_intact(tmp_path, sample, monkeypatch, broken):
    rules, _, _ = sample
    game = play_some(rules, turns=1)
    path = _save(game, tmp_path, sample, "slot")
    before = _files(tmp_path)
    game.step()

    def crash(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, crash)
    with pytest.raises(SaveError) as info:
        _save(game, tmp_path, sample, "slot")
    monkeypatch.undo()
    assert "previous save is unchanged" in _one_line(info)
    assert _files(tmp_path) == before
    assert len(load_save(path).inputs) == 1


def test_unwritable_folder_gives_a_plain_error(tmp_path, sample):
    rules, _, _ = sample
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SaveError) as info:
        _save(Game(rules, 1), blocker / "saves", sample)
    assert "cannot save in" in _one_line(info)


# ---- loading and resuming -------------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path, sample):
    """A saves folder with two good saves in it."""
    rules, _, _ = sample
    _save(play_some(rules), tmp_path, sample, "good_one")
    _save(play_some(rules, seed=9, turns=2), tmp_path, sample, "good_two")
    return tmp_path


def _write_bad(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def _good_text(folder: Path) -> str:
    return (folder / "good_one.json").read_text()


def _edit(folder: Path, edit) -> bytes:
    data = json.loads(_good_text(folder))
    edit(data)
    return json.dumps(data).encode()


BAD_CASES = {
    "random_bytes": (lambda f: bytes(range(256)) * 3, "truncated or corrupt"),
    "truncated": (lambda f: _good_text(f)[:700].encode(), "truncated or corrupt"),
    "empty": (lambda f: b"", "the save file is empty"),
    "foreign_version": (lambda f: _edit(f, lambda d: d.update(version=VERSION + 1)), "newer version of Good Offices"),
    "missing_field": (lambda f: _edit(f, lambda d: d.pop("seed")), "'seed' is missing"),
    "latin1": (lambda f: "é".encode("latin-1") * 10, "truncated or corrupt"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_files_fail_plainly_and_touch_nothing_else(folder, sample, case):
    make, expected = BAD_CASES[case]
    bad = _write_bad(folder, "bad.json", make(folder))
    before = _files(folder)
    with pytest.raises(SaveError) as info:
        load_save(bad)
    message = _one_line(info)
    assert message.startswith(str(bad)) and expected in message
    assert _files(folder) == before


def _resume_error(folder: Path, rules, digest) -> str:
    before = _files(folder)
    save = load_save(folder / "good_one.json")
    with pytest.raises(SaveError) as info:
        resume(save, rules, digest)
    assert _files(folder) == before
    return _one_line(info)


def test_wrong_scenario(folder, sample):
    minimal = load_scenario(MINIMAL)
    message = _resume_error(folder, build_rules(minimal.scenario), minimal.digest)
    assert message.startswith("this save is for scenario 'sample_river_dispute', not 'minimal'")


def test_changed_scenario(folder, sample):
    rules, digest, _ = sample
    message = _resume_error(folder, rules, "0" * len(digest))
    assert message.startswith("the scenario file has changed since this game was saved")
    assert "restore the scenario file" in message


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["snapshot"]["office"].update(prestige=99.0),
        lambda d: d["snapshot"]["parties"][1].update(intention="settle"),
        lambda d: d["inputs"][0]["actions"].append({"use": "no_such_thing", "target": None, "mode": None}),
        lambda d: d["inputs"][0].update(choices={"border_shooting": "call_restraint"}),
    ],
)
def test_inconsistent_save(folder, sample, edit):
    rules, digest, _ = sample
    (folder / "good_one.json").write_bytes(_edit(folder, edit))
    message = _resume_error(folder, rules, digest)
    assert message.startswith("the save is inconsistent with its scenario")


def test_loading_never_modifies_the_save(folder, sample):
    rules, digest, _ = sample
    path = folder / "good_one.json"
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    resume(load_save(path), rules, digest)
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(SaveError) as info:
        load_save(tmp_path / "nope.json")
    assert "there is no save file here" in _one_line(info)
    with pytest.raises(SaveError) as info:
        load_save(tmp_path)
    assert "is a folder" in _one_line(info)
