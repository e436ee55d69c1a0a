"""Plain words for numbers, actions, targets, costs and timings, shared by every front end so that a move is
named the same way everywhere."""

from __future__ import annotations

from game.engine import Action, Rules

from .dates import turn_date


def plural(n: int | float, word: str) -> str:
    """'1 turn', '3 turns', '0.5 envoys'."""
    return f"{n:g} {word}" if n == 1 else f"{n:g} {word}s"


def cost_text(cost, attention: bool = False, sep: str = " · ") -> str:
    """What an action costs, e.g. '6 prestige · $1m · 1 envoy', or 'free'."""
    parts = []
    if cost.prestige:
        parts.append(f"{cost.prestige:g} prestige")
    if cost.budget:
        parts.append(f"${cost.budget:g}m")
    if cost.envoys:
        parts.append(plural(cost.envoys, "envoy"))
    if attention:
        parts.append("1 attention")
    return sep.join(parts) or "free"


def party_name(rules: Rules, party: int | str) -> str:
    """A party's name from its index or id (the id itself when it names no party)."""
    pid = rules.party_ids[party] if isinstance(party, int) else party
    return rules.party_names.get(pid, pid)


def pair_name(rules: Rules, pair: int | str, sep: str = " – ") -> str:
    """'Karelia – Lowmark' for a pair index or id (the id itself when it names no pair)."""
    if isinstance(pair, int):
        pair = rules.pair_ids[pair]
    if pair not in rules.pair_ids:
        return pair
    a, b = rules.pair_members[rules.pair_ids.index(pair)]
    return f"{rules.party_names[rules.party_ids[a]]}{sep}{rules.party_names[rules.party_ids[b]]}"


def target_name(rules: Rules, target: str | None) -> str:
    """A party's or a pair's name for its id; '' for no target."""
    if target is None:
        return ""
    if target in rules.party_names:
        return rules.party_names[target]
    return pair_name(rules, target)


def use_name(rules: Rules, use: str) -> str:
    """The name of an instrument or a proposal (proposals in quotes, as titles); the id when it names neither."""
    if use in rules.proposals:
        return f"'{rules.proposals[use].name}'"
    ins = rules.instruments.get(use)
    return ins.name if ins else use


def action_label(rules: Rules, action: Action, *, names: bool = True) -> str:
    """'Good offices → Karelia – Lowmark', 'Slow filling… (private)'; with `names` off the target's id is shown
    (the text mode, where the player types ids)."""
    if action.use in rules.proposals:
        return f"{rules.proposals[action.use].name} ({action.mode or 'private'})"
    ins = rules.instruments.get(action.use)
    name = ins.name if ins else action.use
    if not action.target:
        return name
    return f"{name} → {target_name(rules, action.target) if names else action.target}"


def action_cost(rules: Rules, action: Action) -> str:
    """What one order costs, in words."""
    if action.use in rules.proposals:
        return cost_text(rules.proposals[action.use].cost)
    ins = rules.instruments[action.use]
    return cost_text(ins.cost, ins.attention)


def timing_text(rules: Rules, key: str) -> str:
    """When an instrument acts and how long it lasts, in the scenario's turn unit."""
    unit = rules.scenario.calendar.turn_unit
    if key in rules.proposals:
        return "decided at once"
    ins = rules.instruments[key]
    if ins.kind == "wait":
        return "this turn"
    delay = "acts at once" if ins.delay == 0 else f"acts after {plural(ins.delay, unit)}"
    lasts = f", lasts {plural(ins.duration, unit)}" if ins.duration > 1 else ""
    return delay + lasts


def date_text(rules: Rules, turn: int) -> str:
    """The date of a turn (clamped to the calendar) in words: '17 October 1962', 'August 1995'."""
    return turn_date(rules, turn)
