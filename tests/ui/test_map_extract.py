"""The shipped map extract: intact (its recorded digest), readable, covering every shipped scenario's region,
and reproduced byte for byte by its build script from the npm package when the package is installed."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from game.scenario.catalogue import shipped
from game.scenario.geography import EXTRACT, atlas, parse_atlas
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "maps" / "build_extract.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_extract", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_extract_matches_its_recorded_digest():
    recorded = (EXTRACT.parent / (EXTRACT.name + ".sha256")).read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256(EXTRACT.read_bytes()).hexdigest() == recorded


def test_the_extract_is_small_and_reads_as_an_atlas():
    assert EXTRACT.stat().st_size < 400_000
    geo = parse_atlas(EXTRACT.read_bytes())
    assert {"Cuba", "United States of America", "Macedonia", "Iraq", "Israel", "Afghanistan", "Pakistan"} <= \
        set(geo.countries)
    assert all(len(ring) >= 3 for rings in geo.countries.values() for ring in rings)


def test_a_broken_extract_is_a_value_error():
    with pytest.raises(ValueError):
        parse_atlas(b'{"countries": []}')
    with pytest.raises(ValueError):
        parse_atlas(b"\xff\xfe")


def test_every_shipped_real_world_map_lies_inside_the_extract():
    for entry in shipped():
        m = load_scenario(entry.path).scenario.map
        if m is not None and m.base == "natural_earth":
            assert atlas().covers((m.region.west, m.region.south, m.region.east, m.region.north)), entry.id


def test_the_build_script_reproduces_the_shipped_file():
    module = _build_module()
    if not module.DEFAULT_SOURCE.is_file():
        pytest.skip("world-atlas is not installed (cd tools/maps && npm ci)")
    assert module.extract_bytes(module.DEFAULT_SOURCE) == EXTRACT.read_bytes()


def test_the_build_script_clips_and_simplifies_deterministically():
    module = _build_module()
    ring = [(0.0, 0.0), (4.0, 0.0), (4.0, 0.001), (4.0, 4.0), (0.0, 4.0)]
    assert module.simplify(ring, 0.01) == [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    clipped = module.clip([(-1.0, -1.0), (2.0, -1.0), (2.0, 2.0), (-1.0, 2.0)], (0.0, 0.0, 1.0, 1.0))
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    topo = {"transform": {"scale": [1, 1], "translate": [0, 0]}, "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0]]],
            "objects": {"countries": {"geometries": [{"type": "Polygon", "arcs": [[0]], "properties":
                                                      {"name": "Square"}, "id": "1"}]}}}
    assert module.serialise(module.build(topo)) == module.serialise(module.build(topo))
