"""A scenario with every condition and effect compiled once, ready for the engine's hot loop."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calendar import calendar_problem, turn_dates
from .diagnostics import Path, Problem
from .expr import Effect, Expression, Symbols, compile_effect, compile_expression
from .model import Scenario


@dataclass(frozen=True)
class CompiledScenario:
    """The model plus its compiled expressions, keyed by their path in the document."""

    scenario: Scenario
    symbols: Symbols
    expressions: dict[Path, Expression]
    effects: dict[Path, tuple[Effect, ...]]
    dates: tuple[dt.date, ...]

    def expression(self, *path: str | int) -> Expression | None:
        return self.expressions.get(path)

    def effect_list(self, *path: str | int) -> tuple[Effect, ...]:
        return self.effects.get(path, ())


def expression_sites(scn: Scenario) -> list[tuple[Path, str]]:
    """Every condition (or chance expression) in the scenario with its path."""
    sites: list[tuple[Path, str]] = []
    for i, ins in enumerate(scn.instruments):
        if ins.requires:
            sites.append((("instruments", i, "requires"), ins.requires))
        if isinstance(ins.power, str):
            sites.append((("instruments", i, "power"), ins.power))
    for i, prop in enumerate(scn.proposals):
        if prop.requires:
            sites.append((("proposals", i, "requires"), prop.requires))
    for i, ev in enumerate(scn.events):
        if ev.when:
            sites.append((("events", i, "when"), ev.when))
        if isinstance(ev.chance, str):
            sites.append((("events", i, "chance"), ev.chance))
        sites += [(("events", i, "variants", v, "when"), var.when) for v, var in enumerate(ev.variants)]
        for j, ch in enumerate(ev.choices):
            sites += [(("events", i, "choices", j, "variants", v, "when"), var.when)
                      for v, var in enumerate(ch.variants)]
    for i, end in enumerate(scn.endings):
        if end.when:
            sites.append((("endings", i, "when"), end.when))
        sites += [(("endings", i, "variants", v, "when"), var.when) for v, var in enumerate(end.variants)]
    for i, track in enumerate(scn.tracks):
        if track.per_turn:
            sites.append((("tracks", i, "per_turn"), track.per_turn))
    sites.extend(map_expression_sites(scn))
    return sites


def map_expression_sites(scn: Scenario) -> list[tuple[Path, str]]:
    """The map's conditions: each feature's 'when' and each of its changes' 'when'."""
    sites: list[tuple[Path, str]] = []
    if scn.map is None:
        return sites
    for group in ("areas", "lines", "places"):
        for i, feature in enumerate(getattr(scn.map, group)):
            if feature.when:
                sites.append((("map", group, i, "when"), feature.when))
            for j, change in enumerate(feature.changes):
                sites.append((("map", group, i, "changes", j, "when"), change.when))
    return sites


def effect_sites(scn: Scenario) -> list[tuple[Path, list[str]]]:
    """Every list of effects in the scenario with its path."""
    sites: list[tuple[Path, list[str]]] = []
    for i, prop in enumerate(scn.proposals):
        sites.append((("proposals", i, "on_accept"), prop.on_accept))
        sites.append((("proposals", i, "on_reject"), prop.on_reject))
    for i, ev in enumerate(scn.events):
        sites.append((("events", i, "effects"), ev.effects))
        for j, ch in enumerate(ev.choices):
            sites.append((("events", i, "choices", j, "effects"), ch.effects))
    return sites


def compile_scenario(scn: Scenario) -> tuple[CompiledScenario | None, list[Problem]]:
    """Compile every expression; return the compiled scenario, or None with the located problems."""
    too_long = calendar_problem(scn.calendar)
    if too_long is not None:
        return None, [too_long]
    symbols = Symbols.from_scenario(scn)
    problems: list[Problem] = []
    expressions: dict[Path, Expression] = {}
    effects: dict[Path, tuple[Effect, ...]] = {}
    for path, text in expression_sites(scn):
        expr, errors = compile_expression(text, symbols)
        problems.extend(Problem(path, "error", e.message, offset=e.offset) for e in errors)
        if expr is not None and not errors:
            expressions[path] = expr
    for path, texts in effect_sites(scn):
        compiled: list[Effect] = []
        for j, text in enumerate(texts):
            eff, errors = compile_effect(text, symbols)
            problems.extend(Problem((*path, j), "error", e.message, offset=e.offset) for e in errors)
            if eff is not None and not errors:
                compiled.append(eff)
        effects[path] = tuple(compiled)
    if problems:
        return None, problems
    return CompiledScenario(scn, symbols, expressions, effects, turn_dates(scn.calendar)), []
