"""What every shipped scenario promises, whatever its crisis: it loads without a warning, names itself after its
file, opens with the schema's modeline, cites its sources, marks every unsourced event as invented, and `info`
reports the calendar the rules play."""

from __future__ import annotations

import io
import json

import pytest

from game.cli.info import run_info
from game.scenario.loader import load_scenario

from .shipped import MODELINE, ROOT, load_shipped, path_of

IDS = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml") if "." not in p.stem)


def test_every_scenario_file_is_covered():
    assert {"cuban_missile_crisis_1962", "unpredep_fyrom_1995", "kashmir_1965", "sample_river_dispute"} <= set(IDS)


@pytest.fixture(scope="module", params=IDS)
def loaded(request):
    return (request.param, *load_shipped(request.param))


def test_loads_without_warnings(loaded):
    scenario_id, _, _ = loaded
    assert [str(d) for d in load_scenario(path_of(scenario_id)).diagnostics] == []


def test_file_starts_with_the_schema_modeline_and_is_named_after_its_id(loaded):
    scenario_id, scenario, _ = loaded
    assert path_of(scenario_id).read_text(encoding="utf-8").splitlines()[0] == MODELINE
    assert scenario.id == scenario_id


def test_every_event_is_sourced_or_marked_invented(loaded):
    _, scenario, _ = loaded
    assert [ev.id for ev in scenario.events if ev.source is None and not ev.invented] == []


def test_cites_at_least_three_sources(loaded):
    _, scenario, _ = loaded
    assert len(scenario.sources) >= 3


def test_info_reports_the_calendar_the_rules_play(loaded):
    scenario_id, _, rules = loaded
    out, err = io.StringIO(), io.StringIO()
    assert run_info(scenario_id, True, out, err) == 0, err.getvalue()
    info = json.loads(out.getvalue())
    played = (rules.dates[0].isoformat(), rules.dates[-1].isoformat(), rules.turns)
    assert (info["start"], info["end"], info["turns"]) == played
    assert info["turn_unit"] == rules.scenario.calendar.turn_unit
