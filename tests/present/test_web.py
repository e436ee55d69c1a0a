"""The class server's pages in words: built from the same records as the other front ends, and complete."""

from pathlib import Path

from game.engine import Action, Game, build_rules
from game.engine.intel import Estimate
from game.engine.record import Refusal
from game.present import delegations, web
from game.present.refusals import refusal_text
from game.scenario.loader import load_scenario

FIXTURE = Path(__file__).parent.parent / "fixtures" / "facilitator" / "classroom.yaml"


def game(seed=3):
    return Game(build_rules(load_scenario(FIXTURE).scenario), seed)


def test_an_estimate_reads_as_value_and_band():
    assert web.estimate_text(Estimate(0.5, 0.25, 0.75)) == "0.50 (90%: 0.25–0.75)"


def test_a_proposal_on_the_page_shows_what_a_refusal_costs_on_top_of_its_price():
    sample = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"
    rules = build_rules(load_scenario(sample).scenario)
    listed = web.instruments(rules, Game(rules, 3))
    public = next(a for a in listed if a["use"] == "shared_filling" and a["mode"] == "public")
    assert public["cost"] == "6 prestige · if refused, 7 prestige more (13 prestige in all)"


def test_the_page_lists_exactly_the_legal_actions_with_their_costs():
    g = game()
    page = web.turn_page(g, player="Ana", paused=False, closed=False)
    listed = [Action(a["use"], a["target"], a["mode"]) for a in page["instruments"]]
    assert listed == g.legal_actions()
    assert all(a["cost"] and a["timing"] for a in page["instruments"])
    assert page["heading"] == "Week 1 of 5 · 1 January 2030" and page["ending"] is None


def test_a_closed_class_lists_no_actions():
    assert web.turn_page(game(), player="", paused=False, closed=True)["instruments"] == []


def test_the_report_groups_changes_under_their_causes_and_adds_up_like_the_window():
    from game.present.lines import report_days

    g = game()
    g.step([Action("good_offices", "north_south")])
    report = web.turn_page(g, player="", paused=False, closed=False)["report"]
    assert report["heading"] == "What happened in week 1 · 1 January 2030"
    assert any(group["label"].startswith("Good offices → ") for group in report["groups"])
    assert report["decisions"].endswith(".")
    day = report_days(g.rules, g.reports[-1])[0]
    assert report["totals"] == [t.text for t in day.totals]
    assert [s for group in report["groups"] for s in group["sentences"]] == \
        [s.text for c in day.causes for s in c.shares]


def test_the_end_screen_gives_the_ending_and_the_score():
    g = game()
    while not g.done:
        g.step()
    end = web.turn_page(g, player="", paused=False, closed=False)["ending"]
    assert end["title"] == "The end: Calm returns" and end["score"][0].startswith("Your score: ")


def test_an_illegal_order_is_explained_with_the_games_own_reason():
    g = game()
    refusal = Refusal("unknown_action", ("article_99",))
    assert web.error_text(g.rules, "illegal", refusal) == f"Not possible now: {refusal_text(g.rules, refusal)}."
    assert web.error_text(g.rules, "no-such-code") == web.ERRORS["malformed"]


def test_the_dashboard_tallies_endings_as_they_arrive():
    done, playing = game(), game()
    while not done.done:
        done.step()
    board = web.dashboard(done.rules, [(1, "Ana", done), (2, "Ben", playing)], code="C", join_url="u", paused=True,
                          closed=False)
    assert board["endings"] == ["Calm returns (success): 1"]
    assert board["students"][1]["status"] == web.STATUS_PLAYING
    assert board["state"] == web.LABELS["paused"] and board["count"] == "2 students, 1 finished"


def _strings(node):
    """Every text of a page's data, for a reader's eye."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("id", "use", "target", "mode", "rating_key", "ladder"):
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def test_a_french_class_reads_french_from_the_first_turn_to_the_end_and_on_the_dashboard():
    """The student's page, a party's page of a delegations class and the teachers' dashboards of a Cuban class in
    French: no English word, figures with
    a decimal comma, and a colon or a percent sign behind a no-break space."""
    import re

    from game.i18n import using
    from game.scenario.catalogue import resolve

    from ..i18n.english import english_words

    with using("fr"):
        rules = build_rules(load_scenario(resolve("cuban_missile_crisis_1962")).scenario)
        g = Game(rules, 5)
        texts = []
        while not g.done:
            texts += _strings(web.turn_page(g, player="Ana", paused=False, closed=False))
            texts += _strings(delegations.party_page(g, "usa", player="Bruno", paused=False, closed=False))
            texts += _strings(delegations.world_dashboard(rules, g, {"usa": ["Bruno"]}, {"usa"}, timer=60))
            first = [Action(a["use"], a["target"], a["mode"]) for a in web.instruments(rules, g)[:1]]
            g.step(first if g.turn % 2 == 0 else [])
        texts += _strings(web.turn_page(g, player="Ana", paused=False, closed=False))
        texts += _strings(web.dashboard(rules, [(1, "Ana", g), (2, "Ben", Game(rules, 5))], code="CUBA-0000",
                                        join_url="http://x/", paused=False, closed=False))
        labels = web.labels()
    assert [t for t in texts if english_words(t)][:5] == []
    assert sorted({t for t in texts if re.search(r"\d\.\d|\d%|\w: ", t)})[:12] == []
    assert "Votre score" in " ".join(texts) and labels["debrief_short"] == "débriefing"
