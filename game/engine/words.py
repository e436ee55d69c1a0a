"""Plain words for actions, targets and costs, shared by every front end (window, text mode, reports,
counterfactual labels) so that a move is named the same way everywhere."""

from __future__ import annotations

from .game import Action
from .rules import Rules


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


def pair_name(rules: Rules, pair_id: str, sep: str = " – ") -> str:
    """'Karelia – Lowmark' for a pair id (the id itself when it names no pair)."""
    if pair_id not in rules.pair_ids:
        return pair_id
    a, b = rules.pair_members[rules.pair_ids.index(pair_id)]
    return f"{rules.party_names[rules.party_ids[a]]}{sep}{rules.party_names[rules.party_ids[b]]}"


def target_name(rules: Rules, target: str | None) -> str:
    """A party's or a pair's name for its id; '' for no target."""
    if target is None:
        return ""
    if target in rules.party_names:
        return rules.party_names[target]
    return pair_name(rules, target)


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


def is_wait(rules: Rules, use: str) -> bool:
    """True for the instrument that means doing nothing on purpose: no decision to chart, count or replace."""
    return use in rules.instruments and rules.instruments[use].kind == "wait"
