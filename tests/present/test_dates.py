"""Each event under its own date, in every front end, on the Cuban calendar: Gromyko's visit (18 October) is not
news of 17 October, the quarantine speech (22 October) not of 21 October, Stevenson–Zorin (25 October) not of 24
October; and dates read as people write them."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from game.cli import textmode
from game.engine import Action, Game
from game.present.dates import day_text, span_text, turn_date, turn_heading, what_happened
from game.present.lines import report_days
from game.present.news import news_by_date
from game.report.build import debrief_of, render
from game.report.debrief import moves
from game.saves import save_game
from game.scenario.loader import load_scenario
from tests.scenarios.shipped import load_shipped, path_of

DATED = {"gromyko_meeting": dt.date(1962, 10, 18), "quarantine_speech": dt.date(1962, 10, 22),
         "stevenson_zorin": dt.date(1962, 10, 25)}


@pytest.fixture(scope="module")
def cuba():
    _, rules = load_shipped("cuban_missile_crisis_1962")
    game = Game(rules, 5)
    while not game.done and game.turn < 11:
        game.step([Action("wait")])
    fired = {key for r in game.reports for key in r.events}
    assert set(DATED) <= fired, "a passive game reaches the three dated events"
    return rules, game


def titles(rules) -> dict[str, str]:
    return {key: next(e.title for e in rules.events if e.key == key) for key in DATED}


def test_dates_read_as_people_write_them(cuba):
    rules, _ = cuba
    assert day_text(dt.date(1962, 10, 17)) == "17 October 1962"
    assert turn_date(rules, 1) == "17 October 1962" and turn_heading(rules, 1) == "Day 2 · 17 October 1962"
    assert span_text(dt.date(1962, 10, 16), dt.date(1962, 10, 28)) == "16–28 October 1962"
    _, unp = load_shipped("unpredep_fyrom_1995")
    assert turn_heading(unp, 5) == "Month 6 · August 1995"


def test_a_day_happens_on_its_date_and_a_month_in_it(cuba):
    rules, _ = cuba
    assert what_happened(rules, 1) == "What happened on day 2 · 17 October 1962"
    _, unp = load_shipped("unpredep_fyrom_1995")
    assert what_happened(unp, 0) == "What happened in month 1 · March 1995"
    assert what_happened(unp, -1) == "At the outset"


def test_the_turn_report_puts_each_event_under_its_own_date(cuba):
    rules, game = cuba
    seen = {}
    for report in game.reports:
        for day in report_days(rules, report):
            for key in day.events:
                seen[key] = rules.dates[day.turn]
            for item in day.news:
                if item.code == "event":
                    assert item.turn == day.turn
    assert {k: seen[k] for k in DATED} == DATED


def test_the_news_feed_puts_each_event_under_its_own_date(cuba):
    rules, game = cuba
    for upto in range(1, len(game.reports) + 1):
        for turn, items in news_by_date(rules, game.reports[:upto]):
            for title in titles(rules).values():
                if any(i.text.startswith(title) for i in items):
                    key = next(k for k, t in titles(rules).items() if t == title)
                    assert rules.dates[turn] == DATED[key], (title, turn_heading(rules, turn))


def _heading_dates(text: str) -> list[tuple[int, str]]:
    """(line number, date) of every dated heading of the text mode's output."""
    out = []
    for n, line in enumerate(text.splitlines()):
        m = re.search(r"(?:What happened on|News,) (?:day|Day) \d+ · (\d+ \w+ 1962)|Day \d+ · (\d+ \w+ 1962) begins",
                      line)
        if m:
            out.append((n, m.group(1) or m.group(2)))
    return out


def test_the_text_mode_puts_each_event_under_its_own_date(cuba, tmp_path):
    rules, _ = cuba
    game = Game(rules, 5)
    session = textmode.Session(game, "cuban_missile_crisis_1962", "", "", tmp_path)
    out = io.StringIO()
    textmode.TextGame(session, io.StringIO("end\n" * 11 + "quit\n"), out).run([])
    text = out.getvalue()
    headings = _heading_dates(text)
    lines = text.splitlines()
    checked = 0
    for key, title in titles(rules).items():
        for n, line in enumerate(lines):
            if title in line:
                above = [date for m, date in headings if m < n]
                assert above and above[-1] == day_text(DATED[key]), (title, above[-1:], line)
                checked += 1
    assert checked >= len(DATED)


def test_the_debrief_lists_each_event_on_its_own_date(cuba):
    rules, game = cuba
    for move in moves(rules, game):
        for key, title in titles(rules).items():
            if title in move.events:
                assert dt.date.fromisoformat(move.date) == DATED[key]


def test_the_debrief_report_dates_read_as_words(cuba, tmp_path):
    rules, game = cuba
    result = load_scenario(path_of("cuban_missile_crisis_1962"))
    path = save_game(game, tmp_path, "cuba", scenario_path=str(path_of("cuban_missile_crisis_1962")),
                     digest=result.digest)
    debrief = debrief_of(path, runs=0)
    for fmt in ("md", "html"):
        text = render(debrief, fmt)
        assert "22 October 1962" in text
        shown = re.sub(r"<script.*?</script>|<svg.*?</svg>", "", text, flags=re.DOTALL) if fmt == "html" else text
        assert not re.search(r"\b1962-10-\d\d\b", shown), re.search(r".{60}\b1962-10-\d\d\b.{20}", shown)
