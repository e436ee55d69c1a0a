"""What the map shows at a moment of the game: the scenario's map features with their conditions applied (shown
or not, moved, recoloured, relabelled) and each party's stance, as plain data for any front end to draw.

Conditions are bound once per game (`MapModel`), then `scene` evaluates them on a state: cheap enough to call
whenever the screen is rebuilt. Stances use only what the player sees: the public rungs and last decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.engine.observation import Observation
from game.engine.rules import Rules
from game.engine.state import GameState
from game.scenario.model import MapBlock

Point = tuple[float, float]


@dataclass(frozen=True)
class ScenePlace:
    id: str
    name: str
    at: Point
    kind: str
    colour: str | None
    label_side: str


@dataclass(frozen=True)
class SceneLine:
    id: str
    name: str
    points: tuple[Point, ...]
    style: str
    colour: str | None


@dataclass(frozen=True)
class SceneArea:
    id: str
    name: str
    points: tuple[Point, ...]
    colour: str | None
    party: str | None
    land: bool


@dataclass(frozen=True)
class Stance:
    """A party's public stance: the highest rung among its disputes, and what it did last turn."""

    party: str
    name: str
    rung: int
    top: int
    rung_name: str
    last_decision: str


@dataclass(frozen=True)
class Scene:
    """Everything visible on the map now, in drawing order (areas, lines, places)."""

    areas: tuple[SceneArea, ...]
    lines: tuple[SceneLine, ...]
    places: tuple[ScenePlace, ...]
    stances: dict[str, Stance]
    territories: dict[str, str]  # Natural Earth country name -> party id


class MapModel:
    """A scenario's map block with its conditions bound to one game's rules."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.block: MapBlock | None = rules.scenario.map
        self._conditions: dict[tuple, Callable[[GameState], Any]] = {}
        if self.block is None:
            return
        for group in ("areas", "lines", "places"):
            for i, feature in enumerate(getattr(self.block, group)):
                paths = [("map", group, i, "when")] if feature.when else []
                paths += [("map", group, i, "changes", j, "when") for j in range(len(feature.changes))]
                for path in paths:
                    cond = rules.bind(path)
                    if cond is not None:
                        self._conditions[path] = cond

    def holds(self, path: tuple, state: GameState) -> bool:
        cond = self._conditions.get(path)
        return True if cond is None else bool(cond(state))

    def scene(self, state: GameState, obs: Observation) -> Scene:
        """The features shown on `state`, with the changes whose conditions hold applied in list order."""
        block = self.block
        stances = stances_of(self.rules, obs)
        if block is None:
            return Scene((), (), (), stances, {})
        areas, lines, places = [], [], []
        for group, out in (("areas", areas), ("lines", lines), ("places", places)):
            for i, f in enumerate(getattr(block, group)):
                if f.when and not self.holds(("map", group, i, "when"), state):
                    continue
                colour, label = f.colour, f.name
                at = getattr(f, "at", None)
                points = getattr(f, "points", None)
                for j, ch in enumerate(f.changes):
                    if not self.holds(("map", group, i, "changes", j, "when"), state):
                        continue
                    colour = ch.colour or colour
                    label = ch.label or label
                    at = ch.at or at
                    points = ch.points or points
                if group == "places":
                    out.append(ScenePlace(f.id, label, tuple(at), f.kind, colour, f.label))
                elif group == "lines":
                    out.append(SceneLine(f.id, label, tuple(tuple(p) for p in points), f.style, colour))
                else:
                    out.append(SceneArea(f.id, label, tuple(tuple(p) for p in points), colour, f.party, f.land))
        territories = {c: t.party for t in block.territories for c in t.countries}
        return Scene(tuple(areas), tuple(lines), tuple(places), stances, territories)


def stances_of(rules: Rules, obs: Observation) -> dict[str, Stance]:
    """Each party's highest public rung (over the pairs it is in) and its last public decision."""
    out = {}
    for i, party in enumerate(obs.parties):
        pairs = [obs.pairs[k] for k in rules.pairs_of_party[i]]
        worst = max(pairs, key=lambda p: p.rung / max(1, len(p.ladder) - 1), default=None)
        if worst is None:
            out[party.id] = Stance(party.id, party.name, 0, 1, "", party.last_decision)
        else:
            out[party.id] = Stance(party.id, party.name, worst.rung, len(worst.ladder) - 1, worst.rung_name,
                                   party.last_decision)
    return out
