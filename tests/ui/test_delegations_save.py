"""A delegations class's saved game in the desktop game: it loads, replays exactly with the teams' decisions, and
the end screen's debrief names what each party's team chose."""

from __future__ import annotations

from game.saves import state_to_dict, to_json
from game.ui.screens.debrief import DebriefScreen
from game.ui.session import Session
from tests.server.helpers import new_delegations

from .driver import frame, make_app
from .test_facilitator import entry


def played_delegations(tmp_path):
    room = new_delegations(tmp_path / "d.sqlite")
    office, _ = room.join("Ana", "sg")
    north, _ = room.join("Ben", "north")
    while not room.world.game.done:
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
