"""The window shows a move's odds in the Details panel before the player commits, and why a failure failed in
the turn report."""

from __future__ import annotations

import pytest

from game.engine import Action
from game.ui.screens import show_game
from game.ui.screens.report import ReportScreen
from game.ui.session import Session, scenario_list

from .driver import SAMPLE, click, frame, make_app


@pytest.fixture
def saves(tmp_path, monkeypatch):
    monkeypatch.setenv("GOOD_OFFICES_SAVES", str(tmp_path))
    return tmp_path


def _texts(app) -> list[str]:
    frame(app)
    return [getattr(w, "text", "") or "" for w in app.top.widgets]


def _app(saves, seed: int = 3):
    app = make_app(saves)
    entry = next(e for e in scenario_list() if e.id == SAMPLE)
    app.session = Session.new(entry, saves, seed)
    show_game(app)
    while app.top.name != "turn":
        app.pop()
    return app


def test_the_details_panel_shows_the_odds_of_the_chosen_move(saves):
    app = _app(saves)
    click(app, "ins:good_offices")
    assert any(t.startswith("Chance they accept: about ") for t in _texts(app))
    click(app, "ins:early_warning")
    assert not any(t.startswith("Chance ") for t in _texts(app))


def test_the_turn_report_says_why_a_proposal_was_refused(saves):
    for seed in range(40):
        app = _app(saves, seed)
        game = app.session.game
        report = game.step([Action("shared_filling", None, "public")])
        if not any(m.code == "proposal_rejected" for m in report.messages):
            continue
        app.push(ReportScreen(app, report, review=True))
        texts = _texts(app)
        assert any("Why, as far as you can tell:" in t for t in texts)
        assert any("By your estimates the chance of acceptance was about" in t for t in texts)
        return
    raise AssertionError("the proposal was never refused in 40 games")


def test_a_climb_up_the_ladder_never_reads_in_the_colour_of_good_news(saves):
    from game.engine.record import Cause, Change, TurnReport

    app = _app(saves)
    report = TurnReport(0, "2030-03-04", changes=[
        Change("karelia_lowmark.rung", 0, 1, Cause("dynamics", "ladder", (0, 1)))])
    app.push(ReportScreen(app, report, review=True))
    frame(app)
    (heading,) = [w for w in app.top.widgets if "up from" in (getattr(w, "text", "") or "")]
    pal = app.theme.palette
    assert heading.colour == pal.warn != pal.good


def test_the_details_panel_shows_what_a_refusal_costs_on_top_of_the_price_for_the_chosen_mode(saves):
    app = _app(saves)
    click(app, "ins:shared_filling")
    assert any("Cost: 6 prestige · if refused, 4 prestige more (10 prestige in all)" in t for t in _texts(app))
    click(app, "mode:public")
    assert any("Cost: 6 prestige · if refused, 7 prestige more (13 prestige in all)" in t for t in _texts(app))
    assert "Public" in _texts(app) or any(getattr(w, "label", "") == "Public" for w in app.top.widgets)
