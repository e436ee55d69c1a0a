"""The scenario's map block: what it accepts, what the validator says about it, and that no map block, however
odd, makes loading raise."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.loader import load_scenario_bytes

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "minimal.yaml"


def _with_map(block) -> bytes:
    doc = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    doc["map"] = block
    return yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")


REGION = {"west": 20, "east": 23, "south": 40, "north": 43}


def test_a_map_with_places_lines_areas_and_territories_loads():
    block = {
        "region": REGION,
        "territories": [{"party": "north", "countries": ["Macedonia"]}],
        "places": [{"id": "skopje", "name": "Skopje", "at": [21.43, 42.0], "kind": "capital",
                    "changes": [{"when": "north_south.rung >= 3", "colour": "danger"}]}],
        "lines": [{"id": "border", "name": "Border", "points": [[20.6, 41.9], [21.6, 42.3]], "style": "dashed",
                   "when": "date >= 2030-01-15"}],
        "areas": [{"id": "zone", "name": "Zone", "points": [[21, 41], [22, 41], [22, 42]], "party": "south",
                   "colour": "party"}],
    }
    result = load_scenario_bytes(_with_map(block), "map.yaml")
    assert result.ok, [str(d) for d in result.diagnostics]
    assert result.scenario.map.places[0].at == (21.43, 42.0)


def test_a_map_condition_that_reads_a_hidden_value_is_a_warning():
    block = {"region": REGION, "places": [{"id": "p", "name": "P", "at": [21, 41], "when": "north.hostility > 0.5"}]}
    result = load_scenario_bytes(_with_map(block), "map.yaml")
    assert result.ok
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    assert any("north.hostility" in d.message and "only estimates" in d.message for d in warnings)


def test_a_change_that_changes_nothing_or_the_wrong_thing_is_an_error():
    block = {"region": REGION,
             "places": [{"id": "p", "name": "P", "at": [21, 41], "changes": [{"when": "true"}]}],
             "lines": [{"id": "l", "name": "L", "points": [[21, 41], [22, 42]], "changes": [{"when": "true",
                                                                                              "at": [21, 41]}]}]}
    messages = [d.message for d in load_scenario_bytes(_with_map(block), "map.yaml").diagnostics]
    assert any("changes nothing" in m for m in messages)
    assert any("only places have 'at'" in m for m in messages)


def test_a_line_wholly_outside_the_region_is_an_error_but_one_running_off_its_edge_is_not():
    inside = {"id": "a", "name": "A", "points": [[21, 41], [30, 41]]}
    outside = {"id": "b", "name": "B", "points": [[30, 41], [31, 41]]}
    result = load_scenario_bytes(_with_map({"region": REGION, "lines": [inside, outside]}), "map.yaml")
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert len(errors) == 1 and "never be seen" in errors[0].message


def test_an_empty_or_reversed_region_is_an_error():
    result = load_scenario_bytes(_with_map({"region": {"west": 23, "east": 20, "south": 40, "north": 43}}), "m")
    assert not result.ok
    assert any("'east' must be greater" in d.message for d in result.diagnostics)


point = st.lists(st.one_of(st.floats(allow_nan=False, allow_infinity=False, width=32), st.text(max_size=3)),
                 min_size=0, max_size=3)
feature = st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "Bad id"]), "name": st.text(max_size=5)},
                                optional={"at": point, "points": st.lists(point, max_size=4),
                                          "when": st.sampled_from(["true", "nort.rung > 1", "date >= 2030-01-08", ""]),
                                          "kind": st.sampled_from(["capital", "ship", "castle"]),
                                          "colour": st.sampled_from(["good", "party", "pink"])})
block = st.fixed_dictionaries(
    {"region": st.fixed_dictionaries({k: st.floats(-200, 200) for k in ("west", "east", "south", "north")})},
    optional={"places": st.lists(feature, max_size=3), "lines": st.lists(feature, max_size=2),
              "areas": st.lists(feature, max_size=2), "base": st.sampled_from(["none", "natural_earth", "moon"]),
              "territories": st.lists(st.fixed_dictionaries({"party": st.sampled_from(["north", "west"]),
                                                             "countries": st.lists(st.text(max_size=6))}),
                                      max_size=2)})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block)
def test_no_map_block_makes_loading_raise(b):
    result = load_scenario_bytes(_with_map(b), "fuzz.yaml")
    assert result.ok or result.diagnostics
