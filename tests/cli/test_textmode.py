"""The text mode: pure renderers and the command loop, driven in-process with scripted input."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from game.cli import textmode
from game.cli.textmode import Session, TextGame
from game.engine import Action, Game, build_rules
from game.engine.record import Cause, Change, TurnReport
from game.saves import load_save
from game.scenario.loader import load_scenario
from tests.autosaves import only_autosave

SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


@pytest.fixture(scope="module")
def loaded():
    result = load_scenario(SAMPLE)
    assert result.scenario is not None
    return build_rules(result.scenario), result.digest


def _session(loaded, tmp_path, seed=3) -> Session:
    rules, digest = loaded
    return Session(Game(rules, seed), "sample_river_dispute", str(SAMPLE), digest, tmp_path)


def _run(session: Session, script: str) -> str:
    out = io.StringIO()
    assert TextGame(session, io.StringIO(script), out).run(textmode.render_opening(session.game.rules, 3)) == 0
    return out.getvalue()


# ---- renderers ------------------------------------------------------------------------------------------------


def test_opening_has_briefing_parties_resources_and_seed(loaded):
    rules, _ = loaded
    text = "\n".join(textmode.render_opening(rules, 42))
    for expected in ["THE VARTA DAM DISPUTE", "A fictional spring", "You are the Secretary-General",
                     "The situation:", "Your aims:", "Karelia [karelia]", "Upstream. Built the dam",
                     "prestige 55", "budget $12m", "Seed 42 — same seed, same world: --seed 42"]:
        assert expected in text


def test_turn_screen(loaded):
    rules, _ = loaded
    text = "\n".join(textmode.render_turn(Game(rules, 3)))
    assert "Week 1 of 12 · 4 March 2030 · 12 weeks left" in text
    assert "Karelia – Lowmark [karelia_lowmark]: ██░░░░░░ 2/7 crisis" in text
    assert re.search(r"pressure ≈ \d\.\d \(90%: \d\.\d–\d\.\d\)", text)
    assert re.search(r"hostility 0\.\d\d±0\.\d\d", text)
    assert "intention: unknown" in text
    assert "envoys free 2 of 2 · attention free 2 of 2" in text
    assert "Security Council support: United States 60%" in text


def test_bar_matches_the_ladder():
    assert textmode.bar(3, 7) == "███░░░░░"
    assert textmode.bar(0, 7) == "░" * 8
    assert textmode.bar(7, 7) == "█" * 7 + "░"


def test_distraction_and_initiatives_are_shown(loaded):
    rules, _ = loaded
    game = Game(rules, 3)
    game.step([Action("track_two", "karelia_lowmark")])
    while game.turn < 4 and not game.done:
        game.step()
    text = "\n".join(textmode.render_turn(game))
    assert "Track II channel → Karelia – Lowmark" in text
    assert "attention drawn away (1) by: Earthquake relief in another region" in text


def test_actions_list(loaded):
    rules, _ = loaded
    game = Game(rules, 3)
    lines = textmode.render_actions(game, [Action("good_offices", "karelia_lowmark")])
    text = "\n".join(lines)
    assert "  1. Good offices → Karelia – Lowmark [good_offices karelia_lowmark] — 6 prestige, 1 attention; " \
           "acts after 1 week, lasts 2 weeks" in text
    assert "[in your orders]" in text
    assert "Slow filling under a joint commission (private) [shared_filling private] — 6 prestige, if refused, 4 " \
           "prestige more (10 prestige in all); acts at once" in text


def test_an_ordered_proposal_shows_what_a_refusal_would_cost_on_top(loaded):
    rules, _ = loaded
    game = Game(rules, 3)
    text = "\n".join(textmode.render_orders(game, [Action("shared_filling", None, "public")], {}))
    assert "Slow filling under a joint commission (public) · 6 prestige, if refused, 7 prestige more (13 prestige " \
           "in all)" in text


def test_actions_show_their_odds_on_your_estimates(loaded):
    rules, _ = loaded
    game = Game(rules, 3)
    text = "\n".join(textmode.render_actions(game, []))
    good_offices = text[text.index("[good_offices karelia_lowmark]"):]
    assert re.search(r"Chance they accept: about \d+%", good_offices.split("\n  2.")[0])
    assert "Chance the appeal is heard" in text and "Chance they accept" in text
    assert "Early-warning investment" in text


def test_a_refusal_is_reported_with_its_reasons(loaded):
    rules, _ = loaded
    for seed in range(40):
        game = Game(rules, seed)
        report = game.step([Action("shared_filling", None, "public")])
        if any(m.code == "proposal_rejected" for m in report.messages):
            text = "\n".join(textmode.render_feed(rules, report))
            assert "Why, as far as you can tell:" in text
            assert "By your estimates the chance of acceptance was about" in text
            return
    raise AssertionError("the proposal was never refused in 40 games")


def test_hidden_changes_are_only_counted(loaded):
    rules, _ = loaded
    cause = Cause("decision", "lowmark", ("escalate",))
    report = TurnReport(turn=0, date="2030-03-04", changes=[
        Change("lowmark.hostility", 0.111111, 0.222222, cause, hidden=True),
        Change("karelia_lowmark.pressure", 2.345678, 2.876543, cause, hidden=True),
        Change("lowmark.intention", 0.0, 1.0, Cause("decision", "lowmark", ("aims",)), hidden=True),
        Change("prestige", 55.0, 49.0, Cause("instrument", "good_offices")),
    ])
    text = "\n".join([*textmode.render_report(rules, report), *textmode.render_why(rules, report, "lowmark"),
                      *textmode.render_why(rules, report, "karelia_lowmark")])
    for secret in ["0.11", "0.22", "2.34", "2.35", "2.87", "2.88", "changed its aims", "intention"]:
        assert secret not in text
    assert "Lowmark decided to escalate (2)" in text
    assert "Prestige 55 → 49 (−6)" in text and "−6  Good offices" in text
    assert "↑  Lowmark decided to escalate" in text


def test_why_unknown_target_suggests(loaded):
    rules, _ = loaded
    report = TurnReport(turn=0, date="2030-03-04")
    assert "did you mean 'prestige'" in textmode.render_why(rules, report, "prestig")[0]
    assert "'why' does not know 'lowmark.intention'" in textmode.render_why(rules, report, "lowmark.intention")[0]
    assert textmode.render_why(rules, report, "budget") == ["budget did not change in week 1 (4 March 2030)."]


def test_every_command_has_help_and_a_handler(loaded, tmp_path):
    handlers = TextGame(_session(loaded, tmp_path), io.StringIO(), io.StringIO()).handlers
    assert set(handlers) == set(textmode.COMMANDS)


def test_help():
    assert "actions" in "\n".join(textmode.render_help())
    assert textmode.render_help("do")[0].startswith("do N")
    assert "did you mean 'do'" in textmode.render_help("doo")[0]
    assert "did you mean 'end'" in textmode.unknown_command("edn")


def test_parse_action(loaded):
    rules, _ = loaded
    game = Game(rules, 3)
    assert textmode.parse_action(game, ["1"]) == game.legal_actions()[0]
    assert textmode.parse_action(game, ["good_offices"]) == Action("good_offices", "karelia_lowmark")
    assert textmode.parse_action(game, ["visit", "Lowmark"]) == Action("visit", "lowmark")
    assert textmode.parse_action(game, ["shared_filling", "public"]) == Action("shared_filling", None, "public")
    assert "did you mean 'good_offices'" in textmode.parse_action(game, ["good_ofices"])
    assert "there is no action 99" in textmode.parse_action(game, ["99"])
    assert "takes no mode" in textmode.parse_action(game, ["visit", "lowmark", "public"])


# ---- the loop -------------------------------------------------------------------------------------------------


def test_orders_undo_clear_and_illegal(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "do 1\ndo 1\ndo visit\norders\nundo\norders\nclear\norders\nquit\n")
    assert "Ordered: Good offices → Karelia – Lowmark." in out
    assert "cannot do that: Good offices → Karelia – Lowmark is already in this turn's orders" in out
    assert "cannot do that: Visit to the region needs a target: Karelia (karelia), Lowmark (lowmark)" in out
    assert "These orders and answers commit 6 prestige and 1 attention; left after them: prestige 49, attention 1 of " \
        "2." in " ".join(out.split())
    assert "Removed: Good offices → Karelia – Lowmark." in out
    assert "Orders and answers cleared." in out


def test_unaffordable_order_gives_the_engines_reason(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "do good_offices\ndo public_appeal\ndo article_99\nquit\n")
    assert "cannot do that: no attention left: 2 initiatives can run at once" in out


def test_unknown_command_gets_a_suggestion(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "statsu\nxyzzy\nquit\n")
    assert "unknown command 'statsu' — did you mean 'status'? Type 'help' for the commands." in out
    assert "unknown command 'xyzzy'; type 'help' for the commands." in out


def test_why_after_a_turn(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "why prestige\ndo 1\nend\nwhy prestige\nwhy karelia_lowmark.rung\n"
               "why karelia_lowmark\nwhy\nquit\n")
    assert "No turn has been played yet" in out
    assert "Why prestige changed in week 1 (4 March 2030):" in out
    assert re.search(r"−6 +Good offices → Karelia – Lowmark", out)
    assert "pressure crossed into 'confrontation'" in out
    assert "↑  Karelia decided to escalate" in out
    assert "Visible changes last turn:" in out


def test_choose_answers_an_event(loaded, tmp_path):
    session = _session(loaded, tmp_path)
    game = session.game
    while not game.pending() and not game.done:
        game.step()
    assert game.pending(), "seed 3 reaches 'Shots at the dam' when nobody acts"
    out = _run(session, "choose 9 9\nchoose border_shooting nope\nchoose 1\norders\nend\nquit\n")
    assert "no decision is pending on '9'" in out
    assert "'Shots at the dam' has no option 'nope'" in out
    assert "Your answer to 'Shots at the dam': Call both sides to restraint." in out
    assert "answer to 'Shots at the dam': Call both sides to restraint" in out
    assert "your answer to 'Shots at the dam': Call both sides to restraint" in " ".join(out.split())
    assert ("border_shooting", "call_restraint") in game.inputs[-1].choices


def test_intention_is_never_shown_before_contact(loaded, tmp_path):
    session = _session(loaded, tmp_path)
    out = _run(session, "do private_appeal karelia\nend\n" + "status\nend\n" * 20)
    lowmark = [line for line in out.splitlines() if line.startswith("  Lowmark [lowmark] · intention:")]
    assert lowmark and all("intention: unknown" in line for line in lowmark)
    assert session.game.state.parties[1].revealed_turn == -1


def test_end_of_input_autosaves_and_leaves(loaded, tmp_path):
    session = _session(loaded, tmp_path)
    out = _run(session, "do 1\nend\n")
    saved = only_autosave(tmp_path, "sample_river_dispute")
    assert f"Game saved to {saved}. Continue with: python main.py play sample_river_dispute --load {saved}" in out
    assert len(load_save(saved).inputs) == 1


def test_save_command(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "save my class\nsave ...\nquit\n")
    assert f"Saved: {tmp_path / 'my-class.json'}." in out
    assert "not saved: '...' cannot be a save name" in out


def test_whole_game_to_the_debrief(loaded, tmp_path):
    out = _run(_session(loaded, tmp_path), "do 1\nend\n" + "end\n" * 20)
    assert "══ The end:" in out
    assert "Your score:" in out and "Without you:" in out
    assert "Peak escalation:" in out
    assert "What really happened:" in out and "For discussion:" in out
    assert "The finished game is saved in" in out


def test_ctrl_c_saves_a_consistent_game(loaded, tmp_path):
    session = _session(loaded, tmp_path)

    class Interrupting(io.StringIO):
        def readline(self, *args):
            line = super().readline(*args)
            if line == "boom\n":
                raise KeyboardInterrupt
            return line

    out = io.StringIO()
    assert TextGame(session, Interrupting("end\nboom\nend\n"), out).run() == 0
    assert "Game saved to" in out.getvalue()
    assert len(load_save(only_autosave(tmp_path, "sample_river_dispute")).inputs) == 1


def test_a_finished_game_shows_its_debrief_and_saves_nothing(loaded, tmp_path):
    session = _session(loaded, tmp_path)
    while not session.game.done:
        session.game.step()
    out = _run(session, "")
    assert "══ The end:" in out and "Your score:" in out
    assert list(tmp_path.iterdir()) == []


def test_a_failure_is_marked_as_one_and_news_sits_under_its_own_date(loaded):
    from game.engine.record import Message

    rules, _ = loaded
    report = TurnReport(turn=1, date="2030-03-11", messages=[
        Message("result", "appeal_brushed_off", (1,), None, 1),
        Message("result", "good_offices_accepted", (0,), None, 1),
        Message("news", "event", ("farmers_march",), Cause("event", "farmers_march"), 2)])
    text = "\n".join(textmode.render_feed(rules, report))
    assert "✗ Your private appeal to Lowmark is brushed off." in text
    assert "✓ Your good offices between Karelia and Lowmark are accepted" in text
    assert text.index("News, Week 2 · 11 March 2030:") < text.index("✗") < text.index("News, Week 3 · 18 March 2030:")
