"""The vocabulary shared by the scenario format, the expression language and the engine.

Kept in one place so that a name an author may write in a condition is the same name the engine binds.
"""

from __future__ import annotations

# Built-in instrument kinds. Their mechanics live in game/engine/instruments.py; a scenario picks and tunes them.
INSTRUMENT_KINDS: tuple[str, ...] = (
    "good_offices",
    "special_envoy",
    "public_appeal",
    "private_appeal",
    "track_two",
    "early_warning",
    "article_99",
    "preventive_deployment",
    "task_force",
    "visit",
    "wait",
)

# What each kind of instrument is aimed at: a pair of parties, one party, or nothing.
INSTRUMENT_TARGETS: dict[str, str] = {
    "good_offices": "pair",
    "special_envoy": "pair",
    "public_appeal": "pair",
    "private_appeal": "party",
    "track_two": "pair",
    "early_warning": "none",
    "article_99": "pair",
    "preventive_deployment": "pair",
    "task_force": "none",
    "visit": "party",
    "wait": "none",
}

# Attributes of a party readable in expressions; every one of them is also settable by effects. `intention` is
# the hidden intention, read and set with the words of INTENTIONS (`swapo.intention = settle`).
PARTY_ATTRS: tuple[str, ...] = (
    "hostility",
    "resolve",
    "trust",
    "domestic_pressure",
    "receptivity",
    "restraint",
    "grievance",
    "power",
    "audience_cost",
    "intention",
)

# The words for a party's hidden intention, as the expression language sees them: numbers, so that they compare
# and can be chosen by a conditional value (`settle if talks_open else hold`). Setting an intention to a number
# takes the nearest word: above 0.5 escalate, below -0.5 settle, else hold.
INTENTIONS: dict[str, float] = {"escalate": 1.0, "hold": 0.0, "settle": -1.0}

# What a party is in the crisis: a disputant takes part in pairs and decides every turn; a mediator or an observer
# takes part in no pair and decides nothing (a mediator strengthens the Secretary-General's mediation on the pairs
# it mediates).
PARTY_ROLES: tuple[str, ...] = ("disputant", "mediator", "observer")

# Attributes of a pair readable in expressions. `rung` is read-only (derived from pressure by the ladder).
PAIR_ATTRS: tuple[str, ...] = ("pressure", "rung", "momentum")
PAIR_SETTABLE: tuple[str, ...] = ("pressure", "momentum")

# Global names readable in expressions.
GLOBALS: tuple[str, ...] = (
    "turn",
    "turns_left",
    "date",
    "prestige",
    "budget",
    "envoys",
    "envoys_free",
    "attention",
    "attention_free",
    "intelligence",
    "coordination",
    "visibility",
    "max_rung",
)
GLOBALS_SETTABLE: tuple[str, ...] = (
    "prestige",
    "budget",
    "envoys",
    "attention",
    "intelligence",
    "coordination",
    "visibility",
)

# Namespaced lookups: `council.usa` (support of a Council member), `fired.event_id` (did the event fire),
# `used.instrument_id` (how many times the player launched it), `in_field.instrument_id` (how many of its
# initiatives are acting now: matured, not over, and for a preventive deployment with a mandate in force),
# `accepted.proposal_id` (was it accepted), `chose.event_id.choice_id` (was that answer given).
NAMESPACES: tuple[str, ...] = ("council", "fired", "used", "in_field", "accepted", "chose")

FUNCTIONS: dict[str, tuple[int, int]] = {
    # name: (min args, max args)
    "min": (2, 8),
    "max": (2, 8),
    "abs": (1, 1),
    "clamp": (3, 3),
}

RESERVED: frozenset[str] = frozenset(
    set(GLOBALS) | set(NAMESPACES) | set(FUNCTIONS) | {"and", "or", "not", "true", "false", "if", "else"}
)
