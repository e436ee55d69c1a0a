"""The story forms in words, the same for every front end: news in the variant's words, tracks with their units
and bands, the cause of a track's trend, and the text mode's status, answers and debrief; saves and reports keep
and show them."""

from __future__ import annotations

from pathlib import Path

from game.cli.textmode import render_parties, render_pending, render_tracks
from game.engine import Action, Game, build_rules
from game.engine.intel import Estimate
from game.engine.observation import TrackView
from game.engine.record import Cause, Message
from game.present.news import cause_label, message_text
from game.present.tracks import track_reading
from game.present.variants import choice_words, ending_words, event_words
from game.report.debrief import collect
from game.report.html import render_debrief
from game.report.loading import Played
from game.report.markdown import render_debrief_md
from game.saves import load_save, resume, save_game, state_from_dict, state_to_dict
from game.scenario.loader import load_scenario, load_scenario_bytes

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "story.yaml"
FOREWARNED = ('- "forewarned = true if used.early_warning >= 1"', '- "forewarned = true"')


def story(*replacements):
    text = STORY.read_text(encoding="utf-8")
    for old, new in replacements:
        text = text.replace(old, new, 1)
    result = load_scenario_bytes(text.encode("utf-8"), str(STORY))
    return build_rules(result.scenario), result.digest


def test_news_of_an_event_uses_the_words_recorded_with_it():
    rules, _ = story()
    assert message_text(rules, Message("news", "event", ("talks", 0))).startswith("Talks, with the border quiet. ")
    assert message_text(rules, Message("news", "event", ("talks", -1))).startswith("Talks in the capital. ")
    assert message_text(rules, Message("news", "event", ("talks",))).startswith("Talks in the capital. ")


def test_the_words_in_force_fall_back_on_the_usual_ones():
    rules, _ = story()
    assert event_words(rules, "talks", {"event:talks": 0})[0] == "Talks, with the border quiet"
    assert event_words(rules, "talks", {}) == ("Talks in the capital", "The two delegations meet for the first time.")
    assert choice_words(rules, "talks", "press_inspectors", {"choice:talks.press_inspectors": 0})[0] == \
        "Ask again for inspectors"
    assert ending_words(rules, "transition", {"ending:transition": 0})[1].startswith("Elections are held on a full")
    assert ending_words(rules, "transition", {})[0] == "The transition holds"


def test_tracks_read_with_their_units_and_bands():
    rules, _ = story()
    exact = TrackView("refugees_home", "Refugees home", 0, 50, "thousand", "exact", 12.0, None)
    estimated = TrackView("registered", "Voters registered", 0, 100, "%", "estimated", None, Estimate(41.2, 30, 52.5))
    hidden = TrackView("arms_cached", "Arms caches left", 0, 40, "", "hidden", None, None)
    assert track_reading(rules, exact) == "12 thousand"
    assert track_reading(rules, estimated) == "≈ 41.2% (30–52.5)"
    assert track_reading(rules, hidden) == "not known"
    assert cause_label(rules, Cause("dynamics", "track", ("refugees_home",))) == "the turn's trend for refugees home"


def test_the_text_mode_shows_tracks_roles_and_answers_in_the_words_of_the_turn():
    rules, _ = story(FOREWARNED, ("  prestige: 50\n", "  prestige: 20\n"))
    game = Game(rules, 2)
    game.step()
    obs = game.observation()
    tracks = "\n".join(render_tracks(rules, obs))
    assert "Refugees home:" in tracks and "Voters registered: ≈" in tracks and "Arms" not in tracks
    assert "The Broker State [broker] · mediator: takes part in no pair" in "\n".join(render_parties(obs))
    pending = "\n".join(render_pending(game, {}))
    assert "Ask again for inspectors" in pending and "an invented option" in pending
    assert "not possible: 'Press both sides hard' needs 30 prestige" in " ".join(pending.split())


def finished(rules) -> Game:
    """A finished game in which the accord was accepted (floated whenever it can be)."""
    for seed in range(30):
        game = Game(rules, seed)
        while not game.done:
            action = Action("accord", None, "private")
            answers = {k: "press_inspectors" for k, _, _ in game.pending()}
            game.step([action] if game.why_illegal(action) is None else [], answers)
        if game.ending == "transition":
            return game
    raise AssertionError("no seed led to the accord")


def test_a_save_keeps_the_words_used_and_replays_to_them(tmp_path):
    rules, digest = story(FOREWARNED)
    game = finished(rules)
    assert game.state.texts
    assert state_from_dict(state_to_dict(game.state)).texts == game.state.texts
    path = save_game(game, tmp_path, "story", scenario_path=str(STORY), digest=digest)
    again = resume(load_save(path), rules, digest)
    assert again.state.texts == game.state.texts


def test_a_state_without_variants_saves_as_before():
    rules = build_rules(load_scenario(Path(__file__).resolve().parents[2] / "scenarios"
                                      / "sample_river_dispute.yaml").scenario)
    assert "texts" not in state_to_dict(Game(rules, 0).state)


def test_the_debrief_charts_every_track_and_tells_the_ending_in_its_words(tmp_path):
    rules, digest = story(FOREWARNED, ('      - "registered += 20"\n', '      - "registered += 60"\n'))
    game = finished(rules)
    path = save_game(game, tmp_path, "story", scenario_path=str(STORY), digest=digest)
    played = Played(Path(path), load_save(path), rules, game)
    d = collect(played, runs=0)
    assert [t.id for t in d.tracks] == ["refugees_home", "registered", "arms_cached"]
    assert all(len(t.values) == len(d.point_dates) for t in d.tracks)
    html = render_debrief(d)
    assert '<h2 id="progress">Progress</h2>' in html and "It was hidden from you during the game." in html
    assert d.ending is not None and d.ending.id == "transition"
    assert d.ending.text.startswith("Elections are held on a full register")
    assert "## Progress" in render_debrief_md(d)


def test_the_class_pages_say_the_same_as_the_window():
    from game.present import web

    rules, _ = story(FOREWARNED, ("  prestige: 50\n", "  prestige: 20\n"))
    game = Game(rules, 2)
    game.step()
    page = web.turn_page(game, player="Ana", paused=False, closed=False)
    talks = page["events"][0]
    assert talks["title"] == "Talks, with the border quiet" and talks["text"].startswith("Forewarned")
    by_id = {c["id"]: c for c in talks["choices"]}
    assert by_id["press_inspectors"]["label"] == "Ask again for inspectors"
    assert "an invented option" in by_id["press_inspectors"]["notes"]
    assert by_id["press_hard"]["disabled"] and "needs 30 prestige" in by_id["press_hard"]["notes"]
    assert not by_id["listen"]["disabled"]
    assert any(p.startswith("Refugees home: ") for p in page["office"]["progress"])
    assert not any("Arms" in p for p in page["office"]["progress"])
    broker = next(p for p in page["parties"] if p["name"] == "The Broker State")
    assert broker["intention"].startswith("mediator") and broker["last"] == ""
