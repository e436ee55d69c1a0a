"""Facts a fact check of the shipped scenarios put right: each test pins the corrected claim, so a later edit
cannot bring the old one back unnoticed."""

from __future__ import annotations

from game.scenario.loader import load_scenario

from .shipped import path_of


def _scenario(scenario_id):
    result = load_scenario(path_of(scenario_id))
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.scenario


def _texts(scenario):
    """Every sentence a player or teacher reads, in one string."""
    parts = [scenario.notes or "", scenario.briefing.situation, scenario.briefing.aims]
    parts += [i.description or "" for i in scenario.instruments] + [i.name or "" for i in scenario.instruments]
    parts += [e.text for e in scenario.events] + [n.text for n in scenario.historical_notes]
    parts += [g.definition for g in scenario.glossary]
    return "\n".join(parts)


def test_cuba_article_99_brings_the_crisis_to_the_council_and_does_not_table_a_resolution():
    cuba = _scenario("cuban_missile_crisis_1962")
    referral = next(i for i in cuba.instruments if i.use == "article_99")
    assert "resolution" not in referral.name.lower()
    assert "cannot table a resolution" in referral.description
    assert "bring a matter to the Council's attention, not table a resolution" in cuba.notes


def test_cuba_jupiters_are_intermediate_range_and_fomin_scali_is_a_back_channel():
    cuba = _scenario("cuban_missile_crisis_1962")
    glossary = {g.term: g.definition for g in cuba.glossary}
    assert "intermediate-range" in glossary["Jupiter missiles"]
    assert "medium-range" not in glossary["Jupiter missiles"]
    assert "not Track II" in glossary["Track II"] and "KGB" in glossary["Track II"]


def test_cuba_marks_the_mccain_claim_as_resting_on_one_source():
    cuba = _scenario("cuban_missile_crisis_1962")
    assert "rests on one source" in cuba.notes
    note = next(n for n in cuba.historical_notes if "McCain" in n.text)
    assert "alone" in note.text


def test_unpredep_is_the_republic_that_left_without_a_war_and_independent_from_1_february_1996():
    unpredep = _scenario("unpredep_fyrom_1995")
    assert "not at war" not in unpredep.briefing.situation
    assert "left Yugoslavia without a war" in unpredep.briefing.situation
    event = next(e for e in unpredep.events if e.id == "independent_mission")
    assert "stands alone" not in event.text and "1 February" in event.text
    assert "1 February 1996" in unpredep.notes


def test_oslo_names_ron_pundak_beside_yair_hirschfeld():
    oslo = _scenario("oslo_back_channel_1993")
    texts = _texts(oslo)
    assert "Ron Pundak" in texts and "Hirschfeld" in texts
    assert any("Pundak" in e.text for e in oslo.events)
