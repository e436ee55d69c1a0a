"""Array expressions, generated from the same parsed trees as the engine's, give every world what the engine's
function gives on that world alone: the same operations on the same values (random trees, any numbers, NaN and
infinities included; truth values stored as 1.0 and 0.0, as the worlds keep them)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scenario.expr import compile_expression
from game.sim.arrays.exprs import HELPERS, _truth
from tests.scenario.test_expr import SYMBOLS, read, render, trees

values = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.booleans())
WORLDS = 6


def same_number(a: Any, b: Any) -> bool:
    """Equal as numbers (a truth value as 1 or 0), NaN equal to NaN. The sign of a zero is not compared: Python
    subtracting truth values gives the integer 0 where the arrays give 0.0 or -0.0, a difference no comparison,
    condition or clamp can see."""
    x, y = float(a), float(b)
    return (math.isnan(x) and math.isnan(y)) or x == y


def as_arrays(states: list[dict]) -> dict:
    return {ref: np.array([float(s[ref]) for s in states]) for ref in states[0]}


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees, data=st.data())
def test_each_world_gets_what_the_engine_s_function_gives_on_it_alone(tree: tuple, data: st.DataObject) -> None:
    expression, _ = compile_expression(render(tree, None), SYMBOLS)
    if expression is None:
        return
    refs = sorted(expression.refs, key=repr)
    states = [{ref: data.draw(values) for ref in refs} for _ in range(WORLDS)]
    scalar = expression.bind(read)
    with np.errstate(all="ignore"):
        arrays = expression.bind_arrays(read, None, HELPERS)
        assert arrays is not None
        got = np.broadcast_to(np.asarray(arrays(as_arrays(states)) if refs else arrays({}), dtype=object), (WORLDS,))
    for j, state in enumerate(states):
        expected = scalar(state)
        assert same_number(got[j], expected), (render(tree, None), state, got[j], expected)
        assert bool(_truth(got[j])) == bool(expected)


def test_division_by_zero_and_the_conditional_value_hold_in_every_world() -> None:
    expression, _ = compile_expression("(prestige / budget) if quarantine else -1", SYMBOLS)
    state = as_arrays([{r: v for r, v in zip(sorted(expression.refs, key=repr), row, strict=True)}
                       for row in [(0.0, 10.0, True), (2.0, 4.0, True), (2.0, 4.0, False)]])
    refs = sorted(expression.refs, key=repr)
    assert [r[2] for r in refs] == ["budget", "prestige", "quarantine"]
    with np.errstate(all="ignore"):
        assert expression.bind_arrays(read, None, HELPERS)(state).tolist() == [0.0, 2.0, -1.0]
