"""Semantic checks: each fixture in tests/fixtures/invalid_semantic documents its one expected error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.scenario.loader import load_scenario

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEMANTIC = sorted((FIXTURES / "invalid_semantic").glob("*.yaml"))
SAMPLE = Path(__file__).resolve().parents[2] / "scenarios" / "sample_river_dispute.yaml"


@pytest.mark.parametrize("path", SEMANTIC, ids=[p.name for p in SEMANTIC])
def test_semantic_fixture_reports_expected_error(path):
    match = re.fullmatch(r"# expect: (\d+):(\d+): (.+)", path.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{path.name} must start with '# expect: LINE:COL: message'"
    result = load_scenario(path)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert len(errors) == 1, [str(d) for d in errors]
    assert (errors[0].line, errors[0].col) == (int(match[1]), int(match[2])), str(errors[0])
    assert match[3] in errors[0].message


def test_every_kind_of_semantic_problem_has_a_fixture():
    names = {p.stem for p in SEMANTIC}
    assert {
        "unknown_actor",
        "date_outside_calendar",
        "duplicate_id",
        "never_fires",
        "shadowed_ending",
        "expr_syntax",
        "expr_unknown_name",
    } <= names


def _variant(old: str, new: str) -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    result = load_scenario_text(text.replace(old, new, 1))
    return [str(d) for d in result.diagnostics]


def load_scenario_text(text: str):
    from game.scenario.loader import load_scenario_bytes

    return load_scenario_bytes(text.encode("utf-8"), "variant.yaml")


def test_the_sample_scenario_is_clean():
    assert load_scenario(SAMPLE).diagnostics == []


def test_all_problems_of_a_file_are_reported_in_one_run():
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("between: [karelia, lowmark]", "between: [karelia, lowmrk]")
    text = text.replace("default_choice: stay_silent", "default_choice: stay_quiet")
    text = text.replace("pair: karelia_lowmark\n    requires", "pair: karelia_lowmrk\n    requires")
    messages = [str(d) for d in load_scenario_text(text).diagnostics]
    assert any("unknown party 'lowmrk' — did you mean 'lowmark'?" in m for m in messages)
    assert any("unknown choice 'stay_quiet' — did you mean 'stay_silent'?" in m for m in messages)
    assert any("unknown pair 'karelia_lowmrk' — did you mean 'karelia_lowmark'?" in m for m in messages)


def test_historical_policy_must_use_offered_instruments_on_valid_targets():
    messages = _variant("- {use: private_appeal, target: lowmark}", "- {use: private_apeal, target: lowmark}")
    assert any("unknown instrument or proposal 'private_apeal' — did you mean 'private_appeal'?" in m for m in messages)
    messages = _variant("- {use: private_appeal, target: lowmark}", "- {use: private_appeal, target: karelia_lowmark}")
    assert any("aimed at a party" in m for m in messages)


def test_a_variable_read_but_never_set_is_a_warning():
    messages = _variant('      - "water_deal = true"\n', "")
    assert any("warning: variable 'water_deal' is read by conditions but no effect ever sets it" in m for m in messages)


def test_every_game_needs_an_ending_when_time_runs_out():
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("  - id: armed_standoff")
    end = text.index("briefing:")
    messages = [str(d) for d in load_scenario_text(text[:start] + text[end:]).diagnostics]
    assert any("no ending catches a game that runs out of time" in m for m in messages)


def test_a_name_cannot_shadow_a_built_in():
    messages = _variant("  talks_open: false", "  prestige: false")
    assert any("'prestige' is a built-in name" in m for m in messages)
