"""Moves in sentences, for reports and the advisor: "a private appeal to the Soviet Union instead of waiting"."""

from __future__ import annotations

from collections.abc import Sequence

from game.engine import Action, Rules

from .words import pair_name


def comparison_label(rules: Rules, played: Sequence[Action], alternative: Sequence[Action]) -> str:
    """Plain words for an alternative, e.g. "a private appeal to USSR instead of a public appeal on Cuba"."""
    return f"{describe(rules, alternative)} instead of {describe(rules, played)}"


def describe(rules: Rules, actions: Sequence[Action]) -> str:
    """A turn's orders in plain words ("waiting" when there are none)."""
    words = [describe_action(rules, a) for a in actions if not rules.is_wait(a.use)]
    return " and ".join(words) if words else "waiting"


def describe_action(rules: Rules, action: Action) -> str:
    if action.use in rules.proposals:
        return f"the {action.mode or 'private'} proposal '{rules.proposals[action.use].name}'"
    ins = rules.instruments.get(action.use)
    name = _in_sentence(ins.name if ins else action.use)
    article = "an" if name[:1] in "aeiou" else "a"
    if action.target is None:
        return f"{article} {name}"
    if action.target in rules.party_names:
        party = rules.party_names[action.target]
        return f"{article} {name} ({party})" if " to " in name else f"{article} {name} to {party}"
    return f"{article} {name} on {pair_name(rules, action.target, sep=' and ')}"


def _in_sentence(name: str) -> str:
    """A name as it reads mid-sentence: "Public appeal" -> "public appeal", but "UN task force" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name




def move_label(rules: Rules, action: Action | None) -> str:
    """One move as the advisor lists it: 'wait' for doing nothing."""
    return "wait" if action is None else describe_action(rules, action)
