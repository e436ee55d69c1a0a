"""The debrief's data: the very game the student played, replayed from the save, beside doing nothing and history."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from game.engine import Action, baseline
from game.report.build import debrief_of, session_code
from game.report.debrief import collect, headline
from game.report.loading import ReportError, open_save
from game.saves import save_game
from game.sim.session import Session, encode, shipped_tags

from .conftest import PLANS, SAMPLE, SEED, play


def test_the_ending_and_score_are_the_games(sample, one_save):
    rules, _ = sample
    game = play(rules, PLANS["Ana"])
    d = collect(open_save(one_save), runs=0)
    assert d.finished and d.ending is not None and d.ending.id == game.ending
    assert d.score is not None and d.score["total"] == game.score().total
    assert d.baseline_ending.id == baseline(rules, SEED).ending == game.score().baseline_ending
    assert d.ended_date == rules.dates[len(game.inputs) - 1].isoformat()


def test_escalation_is_recorded_at_every_point_for_the_game_and_the_baseline(sample, one_save):
    rules, _ = sample
    d = collect(open_save(one_save), runs=0)
    game = play(rules, PLANS["Ana"])
    (pair,) = d.pairs
    assert len(pair.rungs) == len(game.inputs) + 1 == len(d.point_dates)
    assert pair.rungs[-1] == game.state.pairs[0].rung and pair.peak == game.state.pairs[0].peak_rung
    assert pair.baseline_rungs[-1] == baseline(rules, SEED).state.pairs[0].rung
    assert pair.name == "Karelia – Lowmark" and pair.ladder[6] == "war"
    assert d.resources["prestige"][0] == rules.scenario.secretary_general.prestige
    assert all(len(v) == len(d.point_dates) for v in d.resources.values())


def test_moves_name_the_players_orders_in_words(one_save):
    d = collect(open_save(one_save), runs=0)
    assert d.moves[0].actions == ("Track II channel → Karelia – Lowmark",)
    assert d.moves[1].actions == ("Private appeal → Lowmark",)
    assert d.moves[3].actions == ("Slow filling under a joint commission (private)",)
    assert d.used() == {"track_two", "private_appeal", "shared_filling"}


def test_the_path_sits_beside_the_history_and_the_real_policy(one_save):
    d = collect(open_save(one_save), runs=0)
    first = d.history[0]
    assert first.date == "2030-03-04" and first.yours == ("Track II channel → Karelia – Lowmark",)
    assert any("Invented scenario" in line for line in first.history)
    assert any(line.startswith("The Secretary-General: Early-warning investment") for line in first.history)
    assert {r.date for r in d.history} >= {"2030-04-08", "2030-04-22"}  # dates of the historical policy


def test_sources_and_questions_come_from_the_scenario(sample, one_save):
    rules, _ = sample
    d = collect(open_save(one_save), runs=0)
    assert [s["id"] for s in d.sources] == [s.id for s in rules.scenario.sources]
    assert [q["id"] for q in d.questions] == ["quiet_or_loud", "after_shots"]
    assert d.questions[1]["when"] == "after “Shots at the dam”"


def test_an_unfinished_game_has_no_ending_or_score(tmp_path, sample):
    rules, digest = sample
    game = play(rules, PLANS["Ana"], stop=3)
    path = save_game(game, tmp_path, "half", "Ana", scenario_path=str(SAMPLE), digest=digest)
    d = collect(open_save(path), runs=0)
    assert not d.finished and d.score is None and d.ending is None and d.turns_played == 3
    assert len(d.pairs[0].rungs) == 4


def test_the_player_is_named_by_the_name_entered_else_the_file(tmp_path, sample):
    rules, digest = sample
    path = save_game(play(rules, {}), tmp_path, "nameless", "", scenario_path=str(SAMPLE), digest=digest)
    assert collect(open_save(path), runs=0).name == "nameless.json"


def test_key_decisions_come_from_the_finder_with_a_headline(one_save, sample):
    rules, _ = sample
    dist = SimpleNamespace(runs=8, endings={"war": 0.5, "uneasy_calm": 0.5}, ratings={"failure": 0.5, "partial": 0.5},
                           mean_score=-30.0)
    better = SimpleNamespace(runs=8, endings={"war": 0.125, "uneasy_calm": 0.875},
                             ratings={"failure": 0.125, "partial": 0.875}, mean_score=20.0)
    fake = SimpleNamespace(turn=1, date="2030-03-11", played=(Action("private_appeal", "lowmark"),),
                           alternative=(Action("visit", "lowmark"),), label="a visit instead of an appeal",
                           actual=dist, counterfactual=better)
    calls = []

    def finder(rules_, seed, inputs, runs, top):
        calls.append((seed, len(inputs), runs, top))
        return [fake]

    d = collect(open_save(one_save), runs=8, finder=finder)
    assert calls == [(SEED, 12, 8, 3)]
    (kd,) = d.key_decisions
    assert kd.headline == "War on the Varta 50% → 12%" and kd.played == ("Private appeal → Lowmark",)
    assert kd.alternative == ("Visit to the region → Lowmark",)


def test_real_key_decisions_are_turns_the_player_played(one_save):
    d = debrief_of(one_save, runs=6)
    assert 1 <= len(d.key_decisions) <= 3
    for kd in d.key_decisions:
        assert 0 <= kd.turn < d.turns_played and kd.runs == 6
        assert abs(sum(kd.counterfactual_endings.values()) - 1) < 1e-9
        assert "→" in kd.headline and " instead of " in kd.label


def test_headline_names_the_ending_that_moved_most(sample):
    rules, _ = sample
    assert headline(rules, {"war": 0.12, "treaty": 0.3}, {"war": 0.05, "treaty": 0.6}) == \
        "A water-sharing treaty 30% → 60%"


def test_session_code_is_carried_or_derived_from_the_world(one_save):
    played = open_save(one_save)
    tags = shipped_tags()
    assert session_code(played, tags) == encode(Session("sample_river_dispute", SEED), tags)
    played.save.session = "RIVE-0000"
    assert session_code(played, tags) == "RIVE-0000"


def test_a_corrupt_save_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "good-offices-save", "version": 1, "scen', encoding="utf-8")
    with pytest.raises(ReportError) as err:
        open_save(bad)
    assert err.value.message.startswith(str(bad)) and "\n" not in err.value.message


def test_a_save_of_a_changed_scenario_is_refused(tmp_path, sample):
    rules, _ = sample
    path = save_game(play(rules, {}), tmp_path, "old", "Ana", scenario_path=str(SAMPLE), digest="0" * 64)
    with pytest.raises(ReportError, match="has changed since this game was saved"):
        open_save(path)


def test_a_save_of_a_scenario_not_installed_is_refused(tmp_path, sample, one_save):
    text = one_save.read_text(encoding="utf-8").replace('"sample_river_dispute"', '"lost_scenario"')
    moved = tmp_path / "lost.json"
    moved.write_text(text.replace(str(SAMPLE), "/nowhere/lost.yaml"), encoding="utf-8")
    with pytest.raises(ReportError, match="'lost_scenario' of this save is not installed"):
        open_save(moved)


def test_a_save_made_elsewhere_finds_the_shipped_scenario(tmp_path, one_save):
    moved = tmp_path / "laptop.json"
    moved.write_text(one_save.read_text(encoding="utf-8").replace(str(SAMPLE), "C:/Users/ana/sample.yaml"),
                     encoding="utf-8")
    assert collect(open_save(moved), runs=0).ending is not None
