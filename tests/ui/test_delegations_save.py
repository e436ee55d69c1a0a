"""A delegations class's saved game in the desktop game: it loads, replays exactly with the teams' decisions and
answers, the end screen's debrief names what each party's team chose and answered and the messages the teams
sent, `report` lists them, and saving it again (in the window or the text mode) keeps those messages."""

from __future__ import annotations

import io
from pathlib import Path

from game.cli.play import run_play
from game.engine import Action
from game.present.delegations import team_message_text
from game.report.debrief import collect
from game.report.loading import Played
from game.saves import load_save, state_to_dict, to_json
from game.ui.screens.debrief import DebriefScreen
from game.ui.session import Session
from tests.server.helpers import FIXTURE, new_delegations

from .driver import frame, make_app
from .test_facilitator import entry


def played_delegations(tmp_path, turns=None):
    """A delegations class played to its end (or for `turns` turns), a message sent, and its save file."""
    room = new_delegations(tmp_path / "d.sqlite")
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    room.submit(office, 0, [Action("private_appeal", "north")], {})  # put to Northland: its team answers
    room.decide(north, 0, "step_back", {"private_appeal": "brush_off"})
    while not room.world.game.done and (turns is None or room.world.game.turn < turns):
        room.decide(north, room.world.game.turn, "step_back")
        room.submit(office, room.world.game.turn, [], {})
    room.world.send_message("north", "sg", "Ben", "Thank you")
    path = tmp_path / "delegations.json"
    path.write_text(to_json(room.save_of(office)), encoding="utf-8")
    return room, path


def test_a_delegations_save_loads_in_the_desktop_game_with_the_teams_decisions(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    room, path = played_delegations(tmp_path)
    loaded = Session.load(path, tmp_path, [entry()])
    assert state_to_dict(loaded.game.state) == state_to_dict(room.world.game.state)
    assert all(dict(i.decisions) == {"north": "step_back"} for i in loaded.game.inputs)
    app = make_app(tmp_path)
    app.session = loaded
    app.push(DebriefScreen(app))
    frame(app)
    shown = " ".join(getattr(w, "text", "") or "" for w in app.top.widgets)
    assert "Northland's team chose to step back" in shown
    assert "Northland's delegation brushed off the appeal (Private appeal)" in shown
    assert loaded.game.inputs[0].answers == (("north", "private_appeal", "brush_off"),)


def test_report_on_a_delegations_save_lists_the_teams_answers_with_their_decisions(tmp_path):
    from game.cli.main import main

    __, path = played_delegations(tmp_path)
    out = tmp_path / "debrief.md"
    assert main(["report", str(path), "--out", str(out), "--runs", "0"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Northland's team chose to step back; Northland's delegation brushed off the appeal (Private appeal)" \
        in text


def test_saved_again_from_the_desktop_game_it_keeps_the_teams_messages_and_the_debrief_shows_them(tmp_path,
                                                                                                   monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    room, path = played_delegations(tmp_path)
    loaded = Session.load(path, tmp_path, [entry()])
    again = load_save(loaded.save("again"))
    assert again.messages == load_save(path).messages != []
    autosaved = load_save(loaded.autosave())
    assert autosaved.messages == again.messages and autosaved.votes == again.votes
    app = make_app(tmp_path)
    app.session = Session.load(tmp_path / "again.json", tmp_path, [entry()])
    app.push(DebriefScreen(app))
    frame(app)
    shown = " ".join(getattr(w, "text", "") or "" for w in app.top.widgets)
    assert team_message_text(room.rules, again.messages[0]) in shown
    notes = collect(Played(Path("again.json"), again, room.rules, app.session.game), runs=0).delegations
    assert [n.text for n in notes if n.kind == "message"] == [team_message_text(room.rules, again.messages[0])]


def test_saved_again_in_the_text_mode_it_keeps_the_teams_messages(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    __, path = played_delegations(tmp_path, turns=2)
    out = io.StringIO()
    run_play(str(FIXTURE), None, True, str(path), inp=io.StringIO("save again\nquit\n"), out=out, err=io.StringIO(),
             saves_dir=tmp_path)
    assert load_save(tmp_path / "again.json").messages == load_save(path).messages != []
