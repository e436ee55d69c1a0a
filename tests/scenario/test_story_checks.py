"""The forms for telling a story, as the loader and the checks see them: every one validates in the story fixture,
and each kind of slip an author is likely to make gets a located, plain warning or error that says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.loader import load_scenario, load_scenario_bytes

STORY = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "story.yaml"
SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


def diagnostics(old: str, new: str, path: Path = STORY) -> list[str]:
    """What validate says about the file at `path` with `old` replaced by `new` (once)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    return [str(d) for d in load_scenario_bytes(text.replace(old, new, 1).encode("utf-8"), "x.yaml").diagnostics]


def only(messages: list[str], severity: str = "warning") -> str:
    assert len(messages) == 1, messages
    assert f": {severity}: " in messages[0], messages[0]
    return messages[0]


def test_the_story_fixture_uses_every_form_and_is_clean():
    result = load_scenario(STORY)
    assert [str(d) for d in result.diagnostics] == []
    scn = result.scenario
    assert {p.role for p in scn.parties} == {"disputant", "mediator", "observer"}
    assert {t.visibility for t in scn.tracks} == {"exact", "estimated", "hidden"}
    assert any(e.variants for e in scn.events) and any(c.variants for e in scn.events for c in e.choices)
    assert any(e.until for e in scn.events) and any(e.variants for e in scn.endings)
    assert any(c.invented for e in scn.events for c in e.choices)
    assert any(isinstance(i.power, str) for i in scn.instruments)


# ---- parties that mediate or observe ------------------------------------------------------------------------


def test_a_party_in_no_pair_without_a_role_is_a_warning():
    message = only(diagnostics("    role: observer\n", ""))
    assert "x.yaml:35:9: warning: 'commission' is in no pair" in message
    assert "mark it 'role: mediator' or 'role: observer'" in message


def test_a_mediator_in_a_pair_is_an_error():
    errors = [m for m in diagnostics("between: [north, south]", "between: [north, broker]") if ": error: " in m]
    assert "'broker' is a mediator, and a mediator takes part in no pair" in only(errors, "error")


def test_only_a_mediator_mediates_and_only_pairs_are_mediated():
    assert "only a mediator mediates" in only(diagnostics("    role: mediator\n", "    role: observer\n"), "error")
    message = only(diagnostics("mediates: [north_south]", "mediates: [north_sooth]"), "error")
    assert "unknown pair 'north_sooth' — did you mean 'north_south'?" in message
    assert "mediates no pair, so it strengthens nothing" in only(diagnostics("    mediates: [north_south]\n", ""))


# ---- dates ------------------------------------------------------------------------------------------------------


def test_a_historical_note_outside_the_calendar_is_a_warning():
    old = "glossary:"
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    messages = diagnostics("historical_notes:\n", "historical_notes:\n  - date: 2031-01-01\n    text: \"Later.\"\n",
                           SAMPLE)
    message = only(messages)
    assert "2031-01-01 is outside the calendar" in message and "beside the last turn" in message


@pytest.mark.parametrize(("day", "says"), [("1999-01-01", "possible from the first turn"),
                                           ("2099-01-01", "never possible")])
def test_a_pairs_incidents_from_outside_the_calendar_is_a_warning_at_its_line(day, says):
    message = only(diagnostics("    reaction: [0.2, 0.2]\n", f"    reaction: [0.2, 0.2]\n    incidents_from: {day}\n"))
    assert f"{day} is outside the calendar" in message and says in message
    assert message.startswith("x.yaml:"), message


def test_a_scheduled_event_whose_condition_is_false_on_its_date_is_said_to_be_skipped():
    message = only(diagnostics('    when: "not deal"\n', '    when: "not deal and date >= 2030-03-25"\n'))
    assert "on 2030-03-18, the turn of the event's date, this condition is false, so the event is skipped" in message
    assert "never fires later (unless it has 'until')" in message


def test_with_until_the_warning_says_when_the_event_can_fire_at_the_earliest():
    message = only(diagnostics('    when: "deal"\n', '    when: "deal and date >= 2030-03-25"\n'))
    assert "cannot fire before 2030-03-25 (it waits, as 'until' allows)" in message
    message = only(diagnostics('    when: "deal"\n', '    when: "deal and date >= 2030-04-22"\n'))
    assert "false on every turn from 2030-03-18 to 2030-04-15, so the event never fires" in message


def test_until_needs_a_date_on_or_before_it():
    messages = diagnostics("    until: 2030-04-15\n", "    until: 2030-03-11\n")
    assert "'until' is before 'date'" in only(messages, "error")
    messages = diagnostics("    date: 2030-03-11\n    invented: true\n",
                           '    when: "turn >= 1"\n    until: 2030-04-01\n    invented: true\n')
    assert "'until' needs a 'date'" in only(messages, "error")


# ---- conditions that can never hold ----------------------------------------------------------------------------


def test_an_effect_whose_condition_is_always_false_is_a_warning():
    message = only(diagnostics('- "north.hostility -= 0.1"', '- "north.hostility -= 0.1 if 1 > 2"'))
    assert "the condition after 'if' never holds here, so this effect never applies" in message


def test_an_effect_whose_condition_contradicts_its_event_is_a_warning():
    message = only(diagnostics('- "north_south.pressure += 0.5"', '- "north_south.pressure += 0.5 if deal"'))
    assert "never applies" in message


def test_an_effect_after_one_that_changes_the_fact_is_not_flagged():
    new = '- "deal = true"\n      - "north_south.pressure += 0.5 if deal"'
    assert diagnostics('- "north_south.pressure += 0.5"', new) == []


def test_an_effect_whose_condition_is_false_on_its_date_is_a_warning():
    message = only(diagnostics('- "forewarned = true if used.early_warning >= 1"',
                               '- "forewarned = true if date >= 2030-03-11"'))
    assert "never applies" in message


def test_words_that_are_never_used_are_a_warning():
    message = only(diagnostics('      - when: "forewarned"\n        title:', '      - when: "1 > 2"\n        title:'))
    assert "these words are never used" in message
    message = only(diagnostics('      - when: "registered >= 60"', '      - when: "not deal"'))
    assert "never holds when the game ends this way" in message


def test_a_variant_needs_words():
    text = '        title: "Talks, with the border quiet"\n        text: "Forewarned, both delegations meet while ' \
           'the monitors watch the border."\n'
    message = only(diagnostics(text, ""), "error")
    assert "a variant needs words to use when its condition holds: add a 'title' or a 'text'" in message


# ---- choices and tracks -------------------------------------------------------------------------------------------


def test_a_cost_on_the_default_choice_and_envoys_on_a_choice_are_warnings():
    message = only(diagnostics('        label: "Listen"\n', '        label: "Listen"\n        cost: {prestige: 1}\n'))
    assert "this is the default choice, taken when the player does not answer" in message
    message = only(diagnostics("cost: {prestige: 30}", "cost: {prestige: 30, envoys: 1}"))
    assert "cannot tie up envoys" in message


def test_a_track_that_never_changes_is_a_warning_and_its_id_is_a_name():
    message = only(diagnostics('    per_turn: "2 + 3 * (north_south.rung <= 2)"\n', ""))
    assert "track 'refugees_home' never changes" in message
    message = only(diagnostics("  forewarned: false\n", "  forewarned: false\n  registered: 0\n"), "error")
    assert "'registered' is already a variable id; a track needs another name" in message


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [("    max: 50\n", "    max: 0\n", "a track's 'max' must be above its 'min'"),
     ("    start: 30\n", "    start: 45\n", "'start' (45) must lie between 'min' (0) and 'max' (40)"),
     ("visibility: estimated", "visibility: vague", "must be one of 'exact', 'estimated', 'hidden'")],
)
def test_a_track_needs_a_sound_range_and_visibility(old: str, new: str, message: str):
    assert message in only(diagnostics(old, new), "error")


def test_power_may_be_a_number_or_an_expression():
    assert diagnostics('power: "0.5 + 0.5 * deal"', "power: 1.5") == []
    assert "did you mean 'deal'" in only(diagnostics('power: "0.5 + 0.5 * deal"', 'power: "0.5 + dael"'), "error")


def test_a_secret_rung_above_the_ladder_and_a_world_that_learns_before_the_office_are_errors():
    message = only(diagnostics("    reaction: [0.2, 0.2]\n",
                               "    reaction: [0.2, 0.2]\n    secret: {until: 2030-03-11, rung: 9}\n"), "error")
    assert "rung 9 is above the top of the ladder" in message
    message = only(diagnostics("    reaction: [0.2, 0.2]\n", "    reaction: [0.2, 0.2]\n    secret: "
                               "{until: 2030-03-18, rung: 1, public: 2030-03-11}\n"), "error")
    assert "before the office does" in message
