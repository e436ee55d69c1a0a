"""Saves that are odd or hostile: text a save cannot hold, a write interrupted by anything, temporary files a
killed process left, files that are not files, and class votes or interventions that do not fit the game."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.engine import Game, Intervention, Vote
from game.saves import SaveError, clean_stale_temps, from_json, load_save, resume, save_game, to_json
from game.saves.store import STALE_SECONDS, save_data

from .conftest import play_some

ROOT = Path(__file__).resolve().parents[2]


def _one_line(info: pytest.ExceptionInfo) -> str:
    message = info.value.message
    assert message and "\n" not in message and "Traceback" not in message
    return message


def _saved_text(sample, game=None, **extra) -> str:
    rules, digest, path = sample
    return to_json(save_data(game or play_some(rules), scenario_path=path, digest=digest, **extra))


def _edited(text: str, edit) -> str:
    data = json.loads(text)
    edit(data)
    return json.dumps(data)


# ---- text a save cannot hold ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("player", ["Jos\udce9", "a\ud800b", "\x1b]0;title\x07", "nul\x00"])
def test_a_name_a_save_cannot_hold_is_refused_and_nothing_is_left_behind(sample, tmp_path, player):
    rules, digest, path = sample
    with pytest.raises(SaveError) as info:
        save_game(Game(rules, 1), tmp_path, "slot", player, scenario_path=path, digest=digest)
    assert "'player'" in _one_line(info)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("escaped", ["\\ud800", "\\udce9", "\\u001b[2J", "\\u0000"])
def test_a_save_with_such_text_is_one_plain_line(sample, escaped):
    text = _saved_text(sample).replace('"player": ""', f'"player": "Jos{escaped}"')
    with pytest.raises(SaveError) as info:
        from_json(text, "odd.json")
    assert _one_line(info).startswith("odd.json: the save file is damaged: 'player' holds U+")


def test_an_over_long_scenario_path_is_refused_on_reading(sample):
    text = _edited(_saved_text(sample), lambda d: d["scenario"].update(path="x" * 5000))
    with pytest.raises(SaveError) as info:
        from_json(text, "long.json")
    assert "'scenario.path' is too long" in _one_line(info)


# ---- writes that are interrupted -----------------------------------------------------------------------------------


@pytest.mark.parametrize("failure", [KeyboardInterrupt, MemoryError, OSError])
def test_any_failure_mid_write_leaves_the_old_save_and_no_temporary(sample, tmp_path, monkeypatch, failure):
    rules, digest, path = sample
    slot = save_game(Game(rules, 1), tmp_path, "slot", scenario_path=path, digest=digest)
    before = slot.read_bytes()

    def crash(*_args, **_kwargs):
        raise failure(28, "boom") if failure is OSError else failure()

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises((SaveError, KeyboardInterrupt, MemoryError)):
        save_game(play_some(rules, turns=2), tmp_path, "slot", scenario_path=path, digest=digest)
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["slot.json"]
    assert slot.read_bytes() == before


def test_stale_temporary_files_of_our_naming_are_cleaned(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    names = {
        f".autosave-x-ab12.json.{dead_pid}.k3j4h5g6.tmp": True,  # its process is gone
        f".autosave-x-ab12.json.{os.getpid()}.k3j4h5g6.tmp": False,  # this process may still be writing it
        ".slot.json.q1w2e3r4.tmp": False,  # older naming, recent: perhaps another game is writing it
        ".old.json.z9x8c7v6.tmp": True,  # older naming, older than STALE_SECONDS
        ".report.html.777777.a1s2d3f4.tmp": False,  # a live process's (pid 777777 may exist) and recent
        "slot.json": False,
        "notes.tmp": False,
        ".hidden.tmp": False,
    }
    for name in names:
        (tmp_path / name).write_text("x")
    old = time.time() - STALE_SECONDS - 60
    os.utime(tmp_path / ".old.json.z9x8c7v6.tmp", (old, old))
    if os.name == "posix":
        try:
            os.kill(777777, 0)
        except ProcessLookupError:
            names[".report.html.777777.a1s2d3f4.tmp"] = True
        except OSError:
            pass
    removed = clean_stale_temps(tmp_path)
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {n for n, gone in names.items() if not gone}
    assert removed == sum(names.values())


def test_cleaning_a_folder_that_is_not_there_does_nothing(tmp_path):
    assert clean_stale_temps(tmp_path / "nowhere") == 0


# ---- files that are not save files ---------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    code = f"from game.saves import load_save\ntry:\n    load_save({str(fifo)!r})\nexcept Exception as e:\n    print(e)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20, cwd=ROOT)
    assert "is not a regular file" in done.stdout


def test_a_device_is_refused():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(SaveError) as info:
        load_save("/dev/zero")
    assert "is not a regular file" in _one_line(info)


def test_a_path_too_long_for_the_system_is_one_plain_line(tmp_path):
    with pytest.raises(SaveError) as info:
        load_save(tmp_path / ("x" * 5000))
    assert _one_line(info).startswith(str(tmp_path))


# ---- class votes and interventions are checked against the game -------------------------------------------------


def _facilitated(rules) -> Game:
    game = play_some(rules, turns=1)
    game.intervene(Intervention(1, "inject", "farmers_march"))
    game.step()
    return game


GOOD_VOTE = {"turn": 1, "options": [{"action": "good_offices karelia_lowmark", "votes": 12},
                                    {"action": "wait", "votes": 3}], "chosen": "good_offices karelia_lowmark"}


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        ({**GOOD_VOTE, "options": [{"action": "invented_move", "votes": 12}], "chosen": "invented_move"},
         "'invented_move', which is no move of this scenario"),
        ({**GOOD_VOTE, "turn": 99}, "for turn 100, which the game never reached"),
        ({**GOOD_VOTE, "chosen": "wait"}, "did not choose its most voted option"),
        ({**GOOD_VOTE, "options": [GOOD_VOTE["options"][0], GOOD_VOTE["options"][0]]}, "lists an option twice"),
        ({**GOOD_VOTE, "options": [{"action": "good_offices nowhere", "votes": 1}], "chosen": "good_offices nowhere"},
         "which is no move of this scenario"),
    ],
)
def test_a_vote_that_does_not_fit_the_game_is_refused(sample, vote, expected):
    rules, digest, _ = sample
    text = _edited(_saved_text(sample, _facilitated(rules)), lambda d: d.update(votes=[vote]))
    with pytest.raises(SaveError) as info:
        resume(from_json(text, "class.json"), rules, digest)
    assert expected in _one_line(info) or info.value.refusal.code == expected


def test_a_fitting_vote_is_kept(sample):
    rules, digest, _ = sample
    text = _edited(_saved_text(sample, _facilitated(rules)), lambda d: d.update(votes=[GOOD_VOTE]))
    save = from_json(text, "class.json")
    resume(save, rules, digest)
    assert save.votes == [Vote(1, (("good_offices karelia_lowmark", 12), ("wait", 3)), "good_offices karelia_lowmark")]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda v: v["options"][0].update(votes=10**12), "is out of range"),
        (lambda v: v.update(chosen=""), "'votes[0].chosen' is empty"),
        (lambda v: v.update(options=[]), "'votes[0].options' has too few items"),
    ],
)
def test_a_malformed_vote_is_damage(sample, edit, expected):
    vote = json.loads(json.dumps(GOOD_VOTE))
    edit(vote)
    text = _edited(_saved_text(sample), lambda d: d.update(votes=[vote]))
    with pytest.raises(SaveError) as info:
        from_json(text, "class.json")
    assert expected in _one_line(info)


@pytest.mark.parametrize(
    ("intervention", "expected"),
    [
        ({"turn": 99, "kind": "inject", "target": "farmers_march"}, "a turn the game never reached"),
        ({"turn": 1, "kind": "inject", "target": "no_such_event"}, "no_such_event"),
        ({"turn": 1, "kind": "override", "target": "lowmark", "value": "surrender"}, "bad_decision"),
    ],
)
def test_an_intervention_that_does_not_fit_the_game_is_refused(sample, intervention, expected):
    rules, digest, _ = sample
    text = _edited(_saved_text(sample, _facilitated(rules)),
                   lambda d: d["interventions"].append({"value": "", "note": "", **intervention}))
    with pytest.raises(SaveError) as info:
        resume(from_json(text, "class.json"), rules, digest)
    assert expected in _one_line(info) or info.value.refusal.code == expected
