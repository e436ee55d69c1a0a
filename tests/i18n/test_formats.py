"""Numbers, money, percentages and dates as French readers write them, English unchanged."""

from __future__ import annotations

import datetime as dt

from game.engine import build_rules
from game.i18n import tr, using
from game.i18n.formats import NBSP, formatted, percent, signed
from game.present.dates import day_text, month_text, short_date, span_text, turn_heading, units_text
from game.present.values import MONEY, PERCENT, amount_text, value_text
from game.scenario.catalogue import resolve
from game.scenario.loader import load_scenario

OCT24 = dt.date(1962, 10, 24)


def rules_of(scenario: str):
    return build_rules(load_scenario(resolve(scenario)).scenario)


def test_dates_in_french():
    with using("fr"):
        assert day_text(OCT24) == "24 octobre 1962"
        assert day_text("1995-03-01") == "1er mars 1995"
        assert month_text("1995-08-01") == "août 1995"
        assert span_text(dt.date(1962, 10, 16), dt.date(1962, 10, 28)) == "16–28 octobre 1962"
        assert short_date(OCT24, "day") == "24 oct."
        assert units_text(1, "day") == "1 jour" and units_text(13, "day") == "13 jours"
    assert day_text(OCT24) == "24 October 1962" and short_date(OCT24, "day") == "24 Oct"
    assert units_text(13, "day") == "13 days"


def test_money_and_shares_in_french():
    rules = rules_of("sample_river_dispute")
    with using("fr"):
        assert value_text(rules, "budget", 4.6) == f"4,6{NBSP}M$"
        assert value_text(rules, "visibility", 0.6) == f"60{NBSP}%"
        assert value_text(rules, "prestige", 57.5) == "57,5"
        assert amount_text(rules, "budget", -2, MONEY) == f"−0,2{NBSP}M$"
        assert amount_text(rules, "visibility", 5, PERCENT) == "+5 pts"
    assert value_text(rules, "budget", 4.6) == "$4.6m" and value_text(rules, "visibility", 0.6) == "60%"
    assert amount_text(rules, "visibility", 1, PERCENT) == "+1 pt"


def test_a_turn_heading_in_french():
    rules = rules_of("cuban_missile_crisis_1962")
    with using("fr"):
        assert turn_heading(rules, 4) == "Jour 5 · 20 octobre 1962"
        assert turn_heading(rules, -1) == "Au départ"
    assert turn_heading(rules, 4) == "Day 5 · 20 October 1962"


def test_numbers_put_into_a_french_message_are_written_the_french_way():
    """Whatever a message's placeholder spec, a number in it has the language's decimal sign, thousands separator
    and space before '%'; English is as Python writes it."""
    with using("fr"):
        text = tr("{share:.0%} · {gain:+.1f} · {count:,} · {plain} · {padded:>3}", share=0.35, gain=1.25,
                  count=12345, plain=0.4, padded=7)
        assert text == f"35{NBSP}% · +1,2 · 12\u202f345 · 0,4 ·   7"
        assert tr("{flag}", flag=True) == "True"  # a boolean is no number
        assert percent(0.4) == f"40{NBSP}%" and signed(-2) == "−2,0" and formatted(0.25, ".2f") == "0,25"
    assert tr("{share:.0%} · {gain:+.1f} · {count:,}", share=0.35, gain=1.25, count=12345) == "35% · +1.2 · 12,345"
    assert percent(0.4) == "40%"
