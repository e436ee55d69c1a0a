"""A small class for the server's tests: the five-week facilitator fixture, a database in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from game.engine import build_rules
from game.scenario.loader import load_scenario
from game.server.app import build_app
from game.server.classroom import DELEGATIONS, Classroom
from game.server.store import Store

FIXTURE = Path(__file__).parent.parent / "fixtures" / "facilitator" / "classroom.yaml"
SEED = 11
JOIN_URL = "http://192.0.2.7:8000/"


def rules_and_digest():
    result = load_scenario(FIXTURE)
    return build_rules(result.scenario), result.digest


def new_room(db: Path) -> Classroom:
    rules, digest = rules_and_digest()
    return Classroom.create(Store(db), rules, scenario_path=str(FIXTURE), digest=digest, seed=SEED,
                            code="CLAS-TEST")


def resumed_room(db: Path) -> Classroom:
    rules, _ = rules_and_digest()
    store = Store(db)
    return Classroom.resume(store, store.latest_session(), rules)


def app_for(room: Classroom):
    return build_app(room, JOIN_URL)


def new_delegations(db: Path) -> Classroom:
    """A delegations class of the same fixture: seats 'sg', 'north' and 'south'."""
    rules, digest = rules_and_digest()
    return Classroom.create(Store(db), rules, scenario_path=str(FIXTURE), digest=digest, seed=SEED,
                            code="CLAS-TEST", kind=DELEGATIONS)
