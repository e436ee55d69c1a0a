"""Conditions in words: every requirement a player can meet reads with names, rungs, dates and event titles,
never as the expression an author wrote."""

from __future__ import annotations

import re

import pytest

from game.engine import build_rules
from game.present.conditions import condition_text, requirement_text
from game.scenario.catalogue import shipped
from game.scenario.expr import Symbols, compile_expression
from game.scenario.loader import load_scenario
from tests.scenarios.shipped import load_shipped

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z_]+\.[a-z_]+\b|<=|>=|==|!=|\band\b\s*$")


@pytest.fixture(scope="module")
def cuba():
    return load_shipped("cuban_missile_crisis_1962")[1]


def words(rules, text: str) -> str:
    expr, errors = compile_expression(text, Symbols.from_scenario(rules.scenario))
    assert not errors, errors
    return condition_text(rules, expr)


def test_rungs_dates_events_and_switches_read_as_words(cuba):
    assert words(cuba, "usa_ussr.rung <= 5") == "United States – Soviet Union at 'shots fired' or lower"
    assert words(cuba, "usa_cuba.rung > 3") == "United States – Cuba above 'confrontation'"
    assert words(cuba, "date >= 1962-10-22") == "from 22 October 1962"
    assert words(cuba, "fired.quarantine_speech") == "after 'Kennedy announces a quarantine'"
    assert words(cuba, "not fired.quarantine_speech") == "before 'Kennedy announces a quarantine'"
    assert words(cuba, "not deal") == "a deal struck: no"  # the scenario's variable_names
    assert words(cuba, "defcon <= 3") == "DEFCON at 3 or less"
    assert words(cuba, "coordination >= 0.45") == "coordination at 45% or more"
    assert words(cuba, "used.good_offices >= 1") == f"after you have used {cuba.instruments['good_offices'].name}"


def test_and_or_not_keep_the_grouping_the_author_wrote(cuba):
    assert words(cuba, "deal and (verified or ships_held)") == ("a deal struck: yes and either the missiles' removal "
                                                                "verified: yes or Soviet ships held back: yes")
    assert words(cuba, "not (deal and verified)") == "a deal struck: no or the missiles' removal verified: no"
    assert words(cuba, "deal or verified") == "a deal struck: yes or the missiles' removal verified: yes"


def test_a_scenario_label_is_preferred_to_the_written_expression(cuba):
    label = next(p.requires_label for p in cuba.scenario.proposals if p.id == "un_verification")
    assert label and requirement_text(cuba, "un_verification") == label
    assert requirement_text(cuba, "wait") == ""


@pytest.mark.parametrize("item", list(shipped()), ids=lambda i: i.id)
def test_every_requirement_of_every_scenario_reads_without_code_with_or_without_its_label(item):
    rules = build_rules(load_scenario(item.path).scenario)
    for section in ("instruments", "proposals"):
        for i, _ in enumerate(getattr(rules.scenario, section)):
            expr = rules.compiled.expression(section, i, "requires")
            if expr is None:
                continue
            text = condition_text(rules, expr)
            assert text and not CODE.search(text), text
