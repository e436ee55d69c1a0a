"""A party card's monogram: the initials of the leader as the scenario writes them (or as its author gives them),
fixed when the scenario is read, so that a translation never changes them; and a leader's names read without the
titles of English or French."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.catalogue import resolve
from game.scenario.initials import initials_of, leader_names
from game.scenario.loader import load_scenario, load_scenario_bytes

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal.yaml").read_text(encoding="utf-8")


def with_north(extra: str) -> str:
    return MINIMAL.replace("    name: Northland\n", "    name: Northland\n" + extra)


@pytest.mark.parametrize("scenario", ["cuban_missile_crisis_1962", "sample_river_dispute"])
def test_a_translation_keeps_the_scenarios_own_initials(scenario):
    english = load_scenario(resolve(scenario), lang="en").scenario
    french = load_scenario(resolve(scenario), lang="fr").scenario
    assert [p.leader for p in french.parties] != [p.leader for p in english.parties]  # the leaders are translated
    assert [p.initials for p in french.parties] == [p.initials for p in english.parties]
    assert all(p.initials for p in english.parties if p.leader)


def test_the_cuban_leaders_initials_are_theirs_not_their_titles():
    parties = load_scenario(resolve("cuban_missile_crisis_1962"), lang="fr").scenario.parties
    assert {p.id: p.initials for p in parties} == {"usa": "JK", "ussr": "NK", "cuba": "FC"}


def test_an_author_can_give_the_initials():
    text = with_north('    leader: "The Northern Council"\n    initials: NC\n')
    result = load_scenario_bytes(text.encode(), "x.yaml")
    assert result.scenario is not None, result.diagnostics
    assert result.scenario.parties[0].initials == "NC"


def test_initials_that_are_not_one_to_three_letters_are_an_error():
    result = load_scenario_bytes(with_north("    initials: N4RTH\n").encode(), "x.yaml")
    assert result.scenario is None
    assert any(d.severity == "error" and "initials" in d.message for d in result.diagnostics)


def test_french_titles_are_no_names():
    leader = "Le président John F. Kennedy et le Comité exécutif (ExComm)"
    assert leader_names(leader) == ["John", "Kennedy"] and initials_of(leader) == "JK"
    assert leader_names("Le président du Conseil Nikita Khrouchtchev") == ["Nikita", "Khrouchtchev"]
    assert initials_of("Le Premier ministre Fidel Castro") == "FC"
